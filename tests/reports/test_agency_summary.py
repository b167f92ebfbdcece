"""Report (b), summary by agency: one row per unit below the officer's agency (or a chosen
parent), its subtree counted, and a bar chart of completion rates drawn without inline styles."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.learners.factories import AgencyFactory, UserFactory

from .conftest import enrol, fresh
from .utils import url

pytestmark = pytest.mark.django_db


def figures(response):
    return {
        row.code: (
            row.people,
            row.enrolled,
            row.completed,
            row.rate,
            row.overdue,
            row.average_score,
        )
        for row in response.context["summary"].rows
    }


def test_province_officer_sees_the_districts_with_their_subtrees(province_client, people, course):
    response = province_client.get(url("reports_agencies", course=course.pk))

    assert response.context["summary"].parent.code == "TINH"
    assert figures(response) == {
        # The province's own staff (the officer), then the districts with their offices.
        "TINH": (1, 0, 0, Decimal(0), 0, None),
        "HDS": (5, 3, 1, Decimal(20), 1, Decimal(90)),
        "HTH": (2, 2, 1, Decimal(50), 1, Decimal(80)),
    }
    totals = response.context["summary"].totals
    assert (totals.people, totals.completed, totals.overdue, totals.rate) == (
        8,
        2,
        2,
        Decimal(25),
    )


def test_without_a_course_rates_are_over_enrolments(province_client, people):
    response = province_client.get(url("reports_agencies"))

    assert figures(response)["HDS"] == (5, 3, 1, Decimal("33.3"), 1, Decimal(90))
    assert figures(response)["HTH"] == (2, 2, 1, Decimal(50), 1, Decimal(80))


def test_district_officer_sees_the_offices_of_the_district(district_client, people, course):
    response = district_client.get(url("reports_agencies", course=course.pk))

    assert response.context["summary"].parent.code == "HDS"
    assert figures(response) == {
        "HDS": (1, 0, 0, Decimal(0), 0, None),
        "HDS-NV": (4, 3, 1, Decimal(25), 1, Decimal(90)),
    }


def test_a_parent_can_be_chosen_in_scope(province_client, people, agencies, course):
    response = province_client.get(
        url("reports_agencies", parent=agencies["HTH"].pk, course=course.pk)
    )

    assert figures(response) == {"HTH-NV": (2, 2, 1, Decimal(50), 1, Decimal(80))}
    assert "Các đơn vị trực thuộc UBND huyện Tân Hòa" in response.text


def test_units_link_to_their_people_and_their_own_units(province_client, people, agencies, course):
    html = province_client.get(url("reports_agencies", course=course.pk)).text

    hds = agencies["HDS"].pk
    assert f"/admin/reports/ket-qua-hoc-tap/?agency={hds}&amp;course={course.pk}" in html
    assert f"/admin/reports/tong-hop-co-quan/?parent={hds}&amp;course={course.pk}" in html


def test_units_without_people_are_listed_with_zeros(province_client, people, agencies):
    AgencyFactory(code="SNV", name="Sở Nội vụ", parent=fresh(agencies["TINH"]))

    response = province_client.get(url("reports_agencies"))

    assert figures(response)["SNV"] == (0, 0, 0, None, 0, None)
    assert [row.code for row in response.context["summary"].chart] == ["HTH", "HDS"]


def test_the_chart_is_svg_bars_without_inline_styles(province_client, people, course):
    response = province_client.get(url("reports_agencies_results", course=course.pk))
    html = response.text

    bars = re.findall(r'<rect class="hr-chart__fill" [^>]*width="([\d.]+)%"', html)
    assert bars == ["50.0", "20.0", "0"]  # highest rate first
    assert "<svg" in html
    assert "style=" not in html
    assert "<script" not in html


def test_summary_queries_do_not_grow_with_people(province_client, agencies, course):
    def count():
        province_client.get(url("reports_agencies", course=course.pk))
        with CaptureQueriesContext(connection) as queries:
            province_client.get(url("reports_agencies", course=course.pk))
        return len(queries)

    for _ in range(3):
        enrol(UserFactory(agency=agencies["HDS-NV"]), course)
    few = count()
    for _ in range(27):
        enrol(UserFactory(agency=agencies["HTH-NV"]), course)
    assert count() == few
