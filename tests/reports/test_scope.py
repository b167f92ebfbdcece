"""HR scope: an officer of one district gets nothing of another district through any report,
filter choice, export or transcript URL."""

import re

import pytest

from tests.learners.factories import UserFactory

from .utils import body, column, csv_rows, url, xlsx_rows

pytestmark = pytest.mark.django_db

TAN_HOA = ("Hoàng Văn Cường", "Vũ Thị Em", "Tân Hòa", "HTH")


# Per-request random tokens: a 64-character CSRF token holds "HTH" about once in 4,000.
RANDOM_TOKENS = re.compile(r'("CSRF_TOKEN": |name="csrfmiddlewaretoken" value=)"[^"]*"')


def assert_nothing_of_tan_hoa(text):
    text = RANDOM_TOKENS.sub("", text)
    leaked = [word for word in TAN_HOA if word in text]
    assert not leaked, f"another district's data leaked: {leaked}"


def test_completion_report_lists_only_the_district(district_client, people, course, agencies):
    for address in (
        url("reports_completion"),
        url("reports_completion", course=course.pk),
        url("reports_completion_results", course=course.pk),
        url("reports_completion", course=course.pk, status="completed"),
        url("reports_completion", course=course.pk, ordering="-agency"),
    ):
        response = district_client.get(address)
        assert response.status_code == 200
        assert_nothing_of_tan_hoa(response.text)
    names = [row.name for row in response.context["object_list"]]
    assert "Nguyễn Văn Bình" in names


def test_filter_choices_offer_only_agencies_in_scope(district_client, people, agencies):
    completion = district_client.get(url("reports_completion"))
    summary = district_client.get(url("reports_agencies"))

    agency_field = completion.context["filters"].form.fields["agency"]
    parent_field = summary.context["filters"].form.fields["parent"]
    assert {a.code for a in agency_field.queryset} == {"HDS", "HDS-NV"}
    assert {a.code for a in parent_field.queryset} == {"HDS"}
    for response in (completion, summary):
        html = response.text
        assert "Phòng Nội vụ huyện Đông Sơn" in html
        assert_nothing_of_tan_hoa(html)
        assert "UBND tỉnh Bình An" not in html


def test_choosing_another_districts_agency_by_hand_shows_none_of_it(
    district_client, people, course, agencies
):
    other = agencies["HTH-NV"]
    responses = [
        district_client.get(url("reports_completion", agency=other.pk)),
        district_client.get(url("reports_completion", agency=other.pk, course=course.pk)),
        district_client.get(url("reports_agencies", parent=agencies["HTH"].pk)),
        district_client.get(url("reports_agencies", parent=agencies["TINH"].pk)),
    ]

    for response in responses:
        assert response.status_code == 200
        assert_nothing_of_tan_hoa(response.text)
    assert "agency" in responses[0].context["filters"].errors


def test_exports_hold_only_the_district(district_client, people, course, agencies):
    for params in ({}, {"course": course.pk}, {"agency": agencies["HTH-NV"].pk}):
        csv_data = body(district_client.get(url("reports_completion", export="csv", **params)))
        xlsx_data = body(district_client.get(url("reports_completion", export="xlsx", **params)))
        assert_nothing_of_tan_hoa(csv_data.decode("utf-8"))
        names = column(xlsx_rows(xlsx_data), "Họ và tên")
        assert "Nguyễn Văn Bình" in names
        assert not set(names) & {"Hoàng Văn Cường", "Vũ Thị Em"}
    for export in ("csv", "xlsx"):
        summary = body(district_client.get(url("reports_agencies", export=export)))
        rows = csv_rows(summary) if export == "csv" else xlsx_rows(summary)
        assert column(rows, "Mã cơ quan") == ["HDS", "HDS-NV"]


def test_another_districts_transcript_is_404_in_every_form(district_client, people):
    for person in (people["cuong"], people["em"]):
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = district_client.get(url("reports_person", person.pk, **params))
            assert response.status_code == 404
            assert person.full_name not in body(response).decode("utf-8", "replace")


def test_the_transcript_of_someone_in_the_district_opens(district_client, people):
    response = district_client.get(url("reports_person", people["binh"].pk))
    assert response.status_code == 200
    assert "Nguyễn Văn Bình" in response.text


def test_the_province_officer_sees_both_districts(province_client, people, course):
    response = province_client.get(url("reports_completion", course=course.pk))
    names = {row.name for row in response.context["object_list"]}
    assert {"Nguyễn Văn Bình", "Hoàng Văn Cường", "Vũ Thị Em"} <= names
    assert province_client.get(url("reports_person", people["cuong"].pk)).status_code == 200


def test_people_without_an_agency_are_outside_every_officers_scope(province_client, people, course):
    loose = UserFactory(full_name="Người Không Đơn Vị", agency=None)

    assert province_client.get(url("reports_person", loose.pk)).status_code == 404
    report = province_client.get(url("reports_completion", course=course.pk))
    assert "Người Không Đơn Vị" not in report.text
