"""The demo loader builds the 2017 course and accounts, and running it twice changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from courses.models import (
    Assignment,
    CoursePage,
    Enrolment,
    LessonPage,
    ModuleCompletion,
    ModulePage,
    Reminder,
    Trainer,
)
from courses.reminders import hr_digests_send, reminders_send
from demo import content
from demo.people import DEMO_PASSWORD, OVERDUE_AGENCY, OVERDUE_NOTE
from learners.models import Agency
from quizzes.models import Attempt, QuizPage

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "trainers": Trainer.objects.count(),
    }


@pytest.fixture
def demo():
    call_command("load_par_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_course_has_four_modules_with_three_lessons_and_a_deck_each(demo):
    course = CoursePage.objects.get(slug=content.COURSE["slug"])
    assert course.live
    assert course.title == "Tập huấn công tác cải cách hành chính nhà nước năm 2017"
    modules = ModulePage.objects.child_of(course).order_by("path")
    assert modules.count() == 4
    for module in modules:
        lessons = LessonPage.objects.child_of(module)
        assert lessons.count() >= 3
        assert any(lesson.slides for lesson in lessons), module.title
    assert course.tags.exists()
    assert {t.trainer.name for t in course.course_trainers.all()} >= {"Đỗ Quý Tiến"}


def test_running_the_loader_twice_changes_nothing(demo):
    before = _counts()
    call_command("load_par_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == before


def test_demo_accounts_sign_in_with_the_published_password(demo, client):
    for username in ("admin", "giangvien", "hocvien", "nhansu"):
        assert client.login(username=username, password=DEMO_PASSWORD), username
    assert get_user_model().objects.get(username="admin").is_superuser
    assert get_user_model().objects.get(username="giangvien").groups.filter(name="Giảng viên")


def test_loader_prints_the_accounts(capsys):
    call_command("load_par_demo")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for username in ("admin", "giangvien", "hocvien", "nhansu"):
        assert username in out


def test_loader_refuses_production_settings(settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        call_command("load_par_demo")
    assert not CoursePage.objects.exists()


def test_every_demo_page_renders(demo, client):
    for page in Page.objects.live().filter(depth__gt=1):
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_each_demo_module_ends_with_a_quiz_of_six_or_more_questions(demo):
    for module in ModulePage.objects.all():
        quiz = QuizPage.objects.child_of(module).live().get()
        assert quiz.question_count >= 6
        assert all(
            link.question.choices.filter(is_correct=True).exists()
            for link in quiz.fixed_questions.all()
        )


def test_hocvien_has_a_module_done_a_passed_and_a_failed_attempt(demo):
    hocvien = get_user_model().objects.get(username="hocvien")
    attempts = Attempt.objects.filter(user=hocvien)
    assert attempts.filter(passed=True).exists()
    assert attempts.filter(passed=False).exists()
    assert ModuleCompletion.objects.filter(user=hocvien).count() == 1


def test_the_demo_has_an_overdue_assignment_for_the_district(
    demo, django_capture_on_commit_callbacks
):
    district = Agency.objects.get(code=OVERDUE_AGENCY)
    assignment = Assignment.objects.get(note=OVERDUE_NOTE)
    assert assignment.agency == district and assignment.due_date < timezone.localdate()
    overdue = Enrolment.objects.overdue(timezone.localdate()).filter(assignment=assignment)
    assert overdue.exists()
    assert all(e.user.agency.path.startswith(district.path) for e in overdue)

    call_command("load_par_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Assignment.objects.filter(note=OVERDUE_NOTE).count() == 1

    # A reminder run tells each overdue trainee once; nhansu_huyen's digest names them.
    with django_capture_on_commit_callbacks(execute=True):
        counts = reminders_send()
        hr_digests_send()
    assert counts[(Reminder.Reason.OVERDUE, Reminder.Channel.EMAIL)] == overdue.count()
    digest = next(m for m in mail.outbox if m.to == ["nhansu_huyen@example.gov.vn"])
    assert overdue.first().user.get_full_name() in digest.body
