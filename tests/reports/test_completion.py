"""Report (a), completion by person: columns, status filters, dates, totals, Vietnamese name
order, and a constant number of queries whatever the number of people."""

import unicodedata
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Enrolment, LessonProgress
from learners.models import User
from learners.names import name_ordering, vietnamese_sort_key
from reports import selectors
from tests.courses.factories import CoursePageFactory
from tests.learners.factories import UserFactory

from .conftest import enrol, study
from .utils import url

pytestmark = pytest.mark.django_db

OFFICER = "Cán bộ tổ chức HDS"  # the district officer is a person of the district too


def names(response):
    return [row.name for row in response.context["object_list"]]


def rows_by_name(response):
    return {row.name: row for row in response.context["object_list"]}


def test_with_a_course_everyone_in_scope_has_a_row(district_client, people, course):
    response = district_client.get(url("reports_completion", course=course.pk))

    assert names(response) == [
        "Trần Thị An",
        "Phạm Thị Ánh",
        "Nguyễn Văn Bình",
        "Lê Văn Đức",
        OFFICER,
    ]
    rows = rows_by_name(response)
    binh, an, duc, anh = (
        rows[n] for n in ("Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Đức", "Phạm Thị Ánh")
    )
    assert (binh.employee_code, binh.agency.name, binh.position) == (
        "HDS001",
        "Phòng Nội vụ huyện Đông Sơn",
        "Chuyên viên",
    )
    assert (binh.progress_percent, binh.status, binh.best_score, binh.attempt_count) == (
        Decimal(100),
        selectors.Status.COMPLETED,
        Decimal(90),
        2,
    )
    assert binh.certificate_number == "GCN-HDS001"
    assert binh.completed_at is not None and binh.enrolled_at is not None
    # Four live lessons count; the draft lesson does not.
    assert (an.done_lessons, an.lesson_total, an.progress_percent) == (1, 4, Decimal(25))
    assert (an.status, an.is_overdue) == (selectors.Status.IN_PROGRESS, False)
    assert (duc.status, duc.is_overdue) == (selectors.Status.NOT_STARTED, True)
    assert (anh.status, anh.enrolled_at, anh.is_overdue) == (
        selectors.Status.NOT_STARTED,
        None,
        False,
    )
    html = response.text
    assert "Nguyễn Văn Bình" in html and "100%" in html and "90%" in html
    assert 'data-status="overdue"' in html


def test_without_a_course_each_enrolment_is_a_row(district_client, people, course):
    response = district_client.get(url("reports_completion"))

    assert names(response) == ["Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Đức"]
    assert {row.course_title for row in response.context["object_list"]} == {course.title}
    totals = response.context["totals"]
    assert (totals.people, totals.rows, totals.completed, totals.overdue) == (3, 3, 1, 1)
    assert totals.rate == Decimal("33.3")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("completed", ["Nguyễn Văn Bình"]),
        ("in_progress", ["Trần Thị An"]),
        # Not enrolled at all counts as not started when a course is chosen.
        ("not_started", ["Phạm Thị Ánh", "Lê Văn Đức", OFFICER]),
        ("overdue", ["Lê Văn Đức"]),
    ],
)
def test_status_filters_with_a_course(district_client, people, course, status, expected):
    response = district_client.get(url("reports_completion", course=course.pk, status=status))
    assert names(response) == expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("completed", ["Nguyễn Văn Bình", "Hoàng Văn Cường"]),
        ("in_progress", ["Trần Thị An", "Vũ Thị Em"]),
        ("not_started", ["Lê Văn Đức"]),
        ("overdue", ["Lê Văn Đức", "Vũ Thị Em"]),
    ],
)
def test_status_filters_without_a_course(province_client, people, status, expected):
    response = province_client.get(url("reports_completion", status=status))
    assert names(response) == expected


def test_agency_filter_includes_its_subtree(province_client, people, agencies, course):
    district = province_client.get(
        url("reports_completion", agency=agencies["HTH"].pk, course=course.pk)
    )
    office = province_client.get(url("reports_completion", agency=agencies["HDS-NV"].pk))

    assert names(district) == ["Hoàng Văn Cường", "Vũ Thị Em"]
    assert names(office) == ["Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Đức"]


def test_completion_date_range(district_client, people, course):
    finished = timezone.localdate() - timedelta(days=2)
    day = finished.strftime("%d/%m/%Y")
    before = (finished - timedelta(days=1)).strftime("%d/%m/%Y")

    on_the_day = district_client.get(
        url("reports_completion", course=course.pk, completed_from=day, completed_to=day)
    )
    too_early = district_client.get(
        url("reports_completion", completed_from=before, completed_to=before)
    )
    from_then_on = district_client.get(url("reports_completion", completed_from=before))
    # The admin date picker sends ISO dates.
    iso = district_client.get(url("reports_completion", completed_to=finished.isoformat()))

    assert names(on_the_day) == ["Nguyễn Văn Bình"]
    assert names(too_early) == []
    assert names(from_then_on) == ["Nguyễn Văn Bình"]
    assert names(iso) == ["Nguyễn Văn Bình"]


def test_totals_come_first_and_count_the_filtered_rows(district_client, people, course):
    response = district_client.get(url("reports_completion", course=course.pk))

    totals = response.context["totals"]
    assert (totals.people, totals.completed, totals.overdue) == (5, 1, 1)
    assert totals.rate == Decimal("20.0")
    html = response.text
    assert html.index('data-total="people"') < html.index('class="listing')
    assert '<dd data-total="rate">20%</dd>' in html
    assert html.index('class="listing') < html.index(
        "Xuất tệp Excel</a>", html.index('class="listing')
    )


def test_names_sort_by_given_name_with_diacritics_folded(province_client, agencies):
    office = agencies["HTH-NV"]
    for name in [
        "Nguyễn Văn Bình",
        "Trần Thị Ánh",
        "Lê An",
        "Đỗ Thị Ân",
        "Phạm Văn Đức",
        "Hoàng Dung",
        "Bùi Thị Yến",
        "Vũ Văn Ý",
        "Ngô Thị Zung",
        "Mai Ánh",
    ]:
        UserFactory(full_name=name, agency=office)

    course = CoursePageFactory()  # nobody is enrolled: with a course everyone is listed
    response = province_client.get(url("reports_completion", agency=office.pk, course=course.pk))

    # Given name first (Đức among the D's, folded), then the whole folded name.
    expected = [
        "Đỗ Thị Ân",
        "Lê An",
        "Mai Ánh",
        "Trần Thị Ánh",
        "Nguyễn Văn Bình",
        "Phạm Văn Đức",
        "Hoàng Dung",
        "Vũ Văn Ý",
        "Bùi Thị Yến",
        "Ngô Thị Zung",
    ]
    assert names(response) == expected
    descending = province_client.get(
        url("reports_completion", agency=office.pk, course=course.pk, ordering="-name")
    )
    assert names(descending) == expected[::-1]


def test_sql_order_matches_the_python_key(agencies):
    office = agencies["HDS-NV"]
    samples = ["Ưng Thị Ơn", "Ông Ích", "Ngô Ư", "Trương Ẩn", "Phan Văn Ân", "Lê Ánh", "Lê Anh"]
    for name in samples:
        UserFactory(full_name=name, agency=office)

    in_sql = list(
        User.objects.filter(full_name__in=samples)
        .order_by(*name_ordering())
        .values_list("full_name", flat=True)
    )

    assert in_sql == sorted(samples, key=vietnamese_sort_key)
    assert vietnamese_sort_key("Đỗ Thị Ánh")[:2] == ("anh", "do thi anh")


def test_decomposed_unicode_names_sort_like_composed_ones(agencies):
    """Names typed on some systems arrive decomposed (NFD): they fold the same."""
    office = agencies["HDS-NV"]
    UserFactory(full_name=unicodedata.normalize("NFD", "Lê Thị Ánh"), agency=office)
    UserFactory(full_name=unicodedata.normalize("NFD", "Đặng Ưng"), agency=office)
    for name in ("Lê Thị Bảo", "Lê Thị An", "Lê Thị Út", "Lê Thị Vân"):
        UserFactory(full_name=name, agency=office)

    ordered = list(
        User.objects.filter(agency=office)
        .order_by(*name_ordering())
        .values_list("full_name", flat=True)
    )

    assert [unicodedata.normalize("NFC", name) for name in ordered] == [
        "Lê Thị An",
        "Lê Thị Ánh",
        "Lê Thị Bảo",
        "Đặng Ưng",
        "Lê Thị Út",
        "Lê Thị Vân",
    ]


def test_other_orderings(district_client, people, course):
    by_code = district_client.get(
        url("reports_completion", course=course.pk, ordering="-employee_code")
    )
    by_progress = district_client.get(
        url("reports_completion", course=course.pk, ordering="-progress")
    )

    assert names(by_code)[:4] == ["Phạm Thị Ánh", "Lê Văn Đức", "Trần Thị An", "Nguyễn Văn Bình"]
    assert names(by_progress)[:2] == ["Nguyễn Văn Bình", "Trần Thị An"]


def test_inactive_accounts_are_left_out(district_client, people, course):
    people["an"].is_active = False
    people["an"].save()

    response = district_client.get(url("reports_completion", course=course.pk))

    assert "Trần Thị An" not in names(response)


def page_queries(client, address):
    client.get(address)  # warm caches (content types, site root)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries), len(response.context["object_list"])


@pytest.mark.parametrize("with_course", [True, False])
def test_query_count_is_the_same_for_3_and_30_people(
    district_client, agencies, course, with_course
):
    office = agencies["HDS-NV"]
    due = timezone.localdate() - timedelta(days=1)

    def add_people(count):
        for _ in range(count):
            person = UserFactory(agency=office)
            enrol(person, course, due=due)
            study(person, course, course.lessons[:3], done=2)

    address = (
        url("reports_completion", course=course.pk) if with_course else url("reports_completion")
    )
    add_people(3)
    few, few_rows = page_queries(district_client, address)
    add_people(27)
    many, many_rows = page_queries(district_client, address)

    assert many_rows > few_rows >= 3
    assert many == few
    assert LessonProgress.objects.count() == 90
    assert Enrolment.objects.count() == 30
