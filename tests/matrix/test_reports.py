"""The permission matrix, reports: the HR reports (completion, one person's transcript, the
agency summary), on screen and exported."""

import datetime

import pytest
from django.core.files.base import ContentFile

from reports.models import ExportJob
from tests.matrix.checks import (
    RECORDS,
    RECORDS_OF_A,
    hides,
    obj,
    scoped,
    url,
)
from tests.matrix.core import (
    FORBIDDEN,
    NOT_FOUND,
    OK,
    Probe,
    Rule,
    admin_view,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_NAME,
    DISTRICT_1,
    DISTRICT_1_OFFICE,
    DISTRICT_2_OFFICE,
)


def export_of_province_officer(world, suffix=""):
    """A finished background export the province's officer asked for (made on first use)."""
    job = ExportJob.objects.filter(requested_by=world.users["hr_province"]).first()
    if job is None:
        job = ExportJob(
            requested_by=world.users["hr_province"],
            report="completion",
            file_format="csv",
            scope_path=world.users["hr_province"].agency.path,
            today=datetime.date(2017, 8, 31),
            status=ExportJob.Status.READY,
            file_name="ket-qua-hoc-tap-2017-08-31.csv",
        )
        job.file.save(job.file_name, ContentFile(b"\xef\xbb\xbfHo va ten\r\n"), save=False)
        job.save()
    return f"/admin/reports/ket-qua-hoc-tap/tep/{job.pk}/{suffix}"


# A background export: its owner only; another officer, even the administrator, gets a 404.
OWNER_OF_EXPORT = admin_view(trainer=FORBIDDEN, hr=NOT_FOUND, hr_province=OK, admin=NOT_FOUND)

RULES = [
    Rule(
        "report-export-job",
        (
            "admin/reports/ket-qua-hoc-tap/tep/<int:export_id>/",
            "admin/reports/ket-qua-hoc-tap/tep/<int:export_id>/tai-ve/",
        ),
        (
            Probe(export_of_province_officer, OWNER_OF_EXPORT),
            Probe(lambda world: export_of_province_officer(world, "tai-ve/"), OWNER_OF_EXPORT),
        ),
        why="a large export made by a worker: only the officer who asked sees and downloads it",
    ),
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
