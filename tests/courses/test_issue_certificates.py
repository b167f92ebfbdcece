"""``issue_certificates``: certificates for completions from before certificates existed."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from courses import certificates
from courses.models import Certificate, Enrolment
from tests.courses.factories import CoursePageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

COMPLETED = datetime(2017, 9, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def completions():
    course = CoursePageFactory(title="Tập huấn CCHC 2017", slug="cchc-2017")
    other = CoursePageFactory(title="Chỉ số CCHC", slug="chi-so-cchc")
    done = UserFactory(full_name="Nguyễn Văn Bình", employee_code="BA900001")
    revoked = UserFactory(full_name="Trần Thị An", employee_code="BA900002")
    studying = UserFactory(full_name="Lê Văn Đức", employee_code="BA900003")
    for person in (done, revoked):
        Enrolment.objects.create(user=person, course=course, completed_at=COMPLETED)
    Enrolment.objects.create(user=done, course=other, completed_at=COMPLETED)
    Enrolment.objects.create(user=studying, course=course)
    old = certificates.certificate_issue(user=revoked, course=course, completed_at=COMPLETED)
    admin = UserFactory(username="quantri", is_superuser=True)
    certificates.certificate_revoke(certificate=old, by=admin, reason="Cấp nhầm")
    return {"course": course, "other": other, "done": done, "revoked": revoked}


def run(*args):
    out = io.StringIO()
    call_command("issue_certificates", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_and_issues_nothing(completions):
    output = run("--dry-run")
    assert "BA900001\tNguyễn Văn Bình\tTập huấn CCHC 2017" in output
    assert "Sẽ cấp 2 giấy chứng nhận" in output
    assert "Trần Thị An" not in output  # revoked: not replaced
    assert Certificate.objects.count() == 1


def test_issues_the_missing_ones_dated_by_completion_once(completions):
    assert "Đã cấp 2 giấy chứng nhận." in run()
    issued = Certificate.objects.filter(user=completions["done"])
    assert {c.course_id for c in issued} == {completions["course"].pk, completions["other"].pk}
    assert all(c.completed_at == COMPLETED and c.number.startswith("CCHC") for c in issued)
    assert not Certificate.objects.filter(user=completions["revoked"], revoked_at__isnull=True)
    assert "Đã cấp 0 giấy chứng nhận." in run()


def test_one_course_only(completions):
    assert "Đã cấp 1 giấy chứng nhận." in run("--course", "chi-so-cchc")
    assert Certificate.objects.filter(course=completions["course"]).count() == 1


def test_an_unknown_course_is_a_clear_error(completions):
    with pytest.raises(CommandError, match="Không có khóa học với slug “khong-co”"):
        run("--course", "khong-co")
