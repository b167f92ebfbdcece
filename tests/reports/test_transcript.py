"""Report (c), one person's transcript: every module, lesson and quiz with its state, dates and
results, and the certificate; reachable from report (a); a constant number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Certificate, Enrolment
from reports.selectors import Status
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory

from .conftest import enrol, study
from .utils import url

pytestmark = pytest.mark.django_db


def items(response, course_number=0):
    course = response.context["courses"][course_number]
    return [(item.kind, item.title, item.status) for item in course.items]


def test_transcript_of_a_person_who_finished(district_client, people, course):
    response = district_client.get(url("reports_person", people["binh"].pk))

    (entry,) = response.context["courses"]
    assert entry.title == course.title
    assert (entry.lessons_done, entry.lesson_total, entry.progress_percent) == (4, 4, 100)
    assert entry.certificate.number == "GCN-HDS001"
    quiz = next(item for item in entry.items if item.title == "Bài kiểm tra 1")
    assert (quiz.best_score, quiz.attempt_count, quiz.passed) == (Decimal(90), 2, True)
    module = entry.items[0]
    assert (module.kind, module.status, module.completed_at is not None) == (
        "module",
        Status.COMPLETED,
        True,
    )
    html = response.text
    for text in ("Nguyễn Văn Bình", "HDS001", "GCN-HDS001", "Bài 2.2", "Đạt", "90%"):
        assert text in html


def test_transcript_of_a_person_half_way(district_client, people, course):
    response = district_client.get(url("reports_person", people["an"].pk))

    assert items(response) == [
        ("module", "Chuyên đề 1", None),
        ("lesson", "Bài 1.1", Status.COMPLETED),
        ("lesson", "Bài 1.2", Status.IN_PROGRESS),
        ("quiz", "Bài kiểm tra 1", Status.NOT_STARTED),
        ("module", "Chuyên đề 2", None),
        ("lesson", "Bài 2.1", Status.NOT_STARTED),
        ("lesson", "Bài 2.2", Status.NOT_STARTED),
        ("quiz", "Bài kiểm tra 2", Status.NOT_STARTED),
    ]
    assert response.context["courses"][0].progress_percent == 25
    assert response.context["courses"][0].status == Status.IN_PROGRESS


def test_an_overdue_course_that_was_never_opened(district_client, people):
    response = district_client.get(url("reports_person", people["duc"].pk))

    (entry,) = response.context["courses"]
    assert (entry.status, entry.is_overdue, entry.progress_percent) == (
        Status.NOT_STARTED,
        True,
        0,
    )
    assert "Chưa bắt đầu · Quá hạn" in response.text


def test_a_revoked_certificate_is_shown_as_revoked(district_client, people, course):
    Certificate.objects.filter(user=people["binh"]).update(revoked_at="2026-01-01T00:00:00Z")

    response = district_client.get(url("reports_person", people["binh"].pk))

    assert response.context["courses"][0].certificate.is_valid is False
    assert "đã thu hồi" in response.text


def test_the_completion_report_links_to_the_transcript(district_client, people, course):
    report = district_client.get(url("reports_completion", course=course.pk))

    assert f'href="/admin/reports/ket-qua-hoc-tap/nguoi/{people["binh"].pk}/"' in report.text


def test_someone_without_enrolments(district_client, people):
    response = district_client.get(url("reports_person", people["anh"].pk))

    assert response.status_code == 200
    assert response.context["courses"] == []
    assert "Người này chưa ghi danh khóa học nào." in response.text


def test_transcript_queries_do_not_grow_with_courses(district_client, people, course):
    person = people["an"]

    def count():
        district_client.get(url("reports_person", person.pk))
        with CaptureQueriesContext(connection) as queries:
            response = district_client.get(url("reports_person", person.pk))
        return len(queries), len(response.context["courses"])

    few, one = count()
    for n in range(3):
        other = CoursePageFactory(title=f"Khóa học thêm {n}")
        module = ModulePageFactory(parent=other)
        lessons = [LessonPageFactory(parent=module) for _ in range(3)]
        enrol(person, other)
        study(person, other, lessons, done=2)
    many, four = count()

    assert (one, four) == (1, 4)
    assert many == few
    assert Enrolment.objects.filter(user=person).count() == 4
