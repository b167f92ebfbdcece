"""The permission matrix, reports: the HR reports (completion, one person's transcript, the
agency summary), on screen and exported."""

import pytest

from tests.matrix.checks import (
    RECORDS,
    RECORDS_OF_A,
    hides,
    obj,
    scoped,
    url,
)
from tests.matrix.core import (
    Probe,
    Rule,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_NAME,
    DISTRICT_1,
    DISTRICT_1_OFFICE,
    DISTRICT_2_OFFICE,
)

RULES = [
    Rule(
        "report-completion",
        ("admin/reports/ket-qua-hoc-tap/", "admin/reports/ket-qua-hoc-tap/results/"),
        (
            Probe("/admin/reports/ket-qua-hoc-tap/", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/results/", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/?export=csv", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/?export=xlsx", RECORDS, check=scoped()),
            Probe(
                lambda world: (
                    "/admin/reports/ket-qua-hoc-tap/?export=csv&agency="
                    f"{world.agencies['district_1_office'].pk}"
                ),
                RECORDS,
                check=scoped(),
                note="an agency outside the scope in the filter is not accepted",
            ),
        ),
        why="HR see the people in their scope; trainers get a real 403",
    ),
    Rule(
        "report-person",
        ("admin/reports/ket-qua-hoc-tap/nguoi/<int:user_id>/",),
        (
            Probe(
                url("reports_person", obj("users.trainee_a.pk")),
                RECORDS_OF_A,
                check=scoped(other=()),
            ),
            Probe(
                url("reports_person", obj("users.trainee_a.pk"), query="export=csv"),
                RECORDS_OF_A,
                check=scoped(secret=(), other=(), province=("Bài học ma trận",)),
            ),
            Probe(url("reports_person", obj("users.trainee_b.pk")), RECORDS, check=hides(A_NAME)),
        ),
        why="one person's transcript: 404 outside the officer's scope",
    ),
    Rule(
        "report-agencies",
        ("admin/reports/tong-hop-co-quan/", "admin/reports/tong-hop-co-quan/results/"),
        (
            Probe(
                "/admin/reports/tong-hop-co-quan/",
                RECORDS,
                check=scoped(
                    secret=(DISTRICT_1,), other=(DISTRICT_2_OFFICE,), province=(DISTRICT_1,)
                ),
            ),
            Probe(
                "/admin/reports/tong-hop-co-quan/results/",
                RECORDS,
                check=scoped(
                    secret=(DISTRICT_1,), other=(DISTRICT_2_OFFICE,), province=(DISTRICT_1,)
                ),
            ),
            Probe(
                lambda world: (
                    "/admin/reports/tong-hop-co-quan/?export=csv&parent="
                    f"{world.agencies['district_1'].pk}"
                ),
                RECORDS,
                check=scoped(secret=(DISTRICT_1_OFFICE,), other=(), province=(DISTRICT_1_OFFICE,)),
            ),
        ),
    ),
]


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
