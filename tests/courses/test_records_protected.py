"""The keep-records rule holds below the views: Wagtail's admin API, ``page.delete()``,
``QuerySet.delete()`` and ``user.delete()`` cannot delete a page or a person with trainees'
records; the refusal is in words, and pages and people without records still go."""

import pytest
from django.contrib.auth.models import Group
from django.db.models import ProtectedError
from wagtail.models import Page

from courses import records, services
from courses.models import Enrolment, LessonPage, LessonProgress, ModuleCompletion
from learners.models import User
from learners.roles import TRAINER_GROUP
from quizzes.models import Attempt
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory
from tests.quizzes.factories import AttemptFactory, QuizPageFactory

pytestmark = pytest.mark.django_db


def api_delete(client, page):
    return client.post(f"/admin/api/main/pages/{page.pk}/action/delete/", {})


@pytest.fixture
def trainer():
    person = UserFactory(username="giangvien_api")
    person.groups.add(Group.objects.get(name=TRAINER_GROUP))
    return person


@pytest.fixture
def studied(trainer):
    """A lesson (the trainer's own) and a quiz that a trainee has studied and taken."""
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module, owner=trainer)
    quiz = QuizPageFactory(parent=module, owner=trainer)
    trainee = UserFactory(full_name="Đỗ Thị Lan")
    services.lesson_complete(user=trainee, lesson=lesson, course=course)
    AttemptFactory(user=trainee, quiz=quiz, passed=False)
    return {"course": course, "module": module, "lesson": lesson, "quiz": quiz, "trainee": trainee}


def records_of(trainee):
    return (
        LessonProgress.objects.filter(user=trainee).count(),
        ModuleCompletion.objects.filter(user=trainee).count(),
        Enrolment.objects.filter(user=trainee).count(),
        Attempt.objects.filter(user=trainee).count(),
    )


@pytest.mark.parametrize("who", ["trainer", "administrator"])
@pytest.mark.parametrize("what", ["lesson", "quiz", "module", "course"])
def test_the_admin_api_refuses_to_delete_a_page_with_records(client, trainer, studied, who, what):
    client.force_login(trainer if who == "trainer" else UserFactory(is_superuser=True))
    page = studied[what]
    before = records_of(studied["trainee"])
    pages = Page.objects.count()

    response = api_delete(client, page)

    assert response.status_code in (400, 403), response.content
    if response.status_code == 400:
        assert response.json()["message"] == records.refusal(page=page)
        assert "gỡ xuất bản" in response.json()["message"]
    assert Page.objects.count() == pages
    assert records_of(studied["trainee"]) == before


def test_the_trainer_is_refused_for_their_own_studied_lesson_in_words(client, trainer, studied):
    client.force_login(trainer)

    response = api_delete(client, studied["lesson"])

    assert response.status_code == 400
    assert f"Không thể xóa “{studied['lesson'].title}”" in response.json()["message"]
    assert LessonPage.objects.filter(pk=studied["lesson"].pk).exists()


def test_a_refused_api_delete_leaves_no_deletion_in_the_audit_log(client, studied):
    from wagtail.models import PageLogEntry

    client.force_login(UserFactory(is_superuser=True))
    api_delete(client, studied["module"])

    assert not PageLogEntry.objects.filter(action="wagtail.delete").exists()


def test_the_admin_api_still_deletes_a_page_nobody_studied(client, trainer, studied):
    unused = LessonPageFactory(parent=studied["module"], owner=trainer)
    client.force_login(UserFactory(is_superuser=True))

    response = api_delete(client, unused)

    assert response.status_code == 204
    assert not Page.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize("what", ["lesson", "quiz", "module", "course"])
def test_page_delete_in_the_shell_raises_and_keeps_everything(studied, what):
    before = records_of(studied["trainee"])
    pages = Page.objects.count()

    with pytest.raises(ProtectedError):
        Page.objects.get(pk=studied[what].pk).delete()
    with pytest.raises(ProtectedError):
        Page.objects.get(pk=studied[what].pk).specific.delete()
    with pytest.raises(ProtectedError):
        Page.objects.filter(pk=studied[what].pk).delete()

    assert Page.objects.count() == pages
    assert records_of(studied["trainee"]) == before


def test_deleting_a_person_with_records_in_the_shell_raises_and_keeps_everything(studied):
    trainee = studied["trainee"]
    before = records_of(trainee)

    with pytest.raises(ProtectedError):
        User.objects.get(pk=trainee.pk).delete()
    with pytest.raises(ProtectedError):
        User.objects.filter(pk=trainee.pk).delete()

    assert User.objects.filter(pk=trainee.pk).exists()
    assert records_of(trainee) == before


def test_a_person_with_only_an_enrolment_can_still_be_deleted(studied):
    enrolled = UserFactory()
    services.enrolment_ensure(user=enrolled, course=studied["course"])

    enrolled.delete()

    assert not User.objects.filter(pk=enrolled.pk).exists()
    assert not Enrolment.objects.filter(user_id=enrolled.pk).exists()


def test_a_course_with_only_enrolments_is_kept_too(studied):
    course = CoursePageFactory()
    services.enrolment_ensure(user=UserFactory(), course=course)

    with pytest.raises(ProtectedError):
        course.delete()


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("courses.Enrolment", "course"),
        ("courses.LessonProgress", "user"),
        ("courses.LessonProgress", "lesson"),
        ("courses.LessonProgress", "course"),
        ("courses.ModuleCompletion", "user"),
        ("courses.ModuleCompletion", "module"),
        ("courses.ModuleCompletion", "course"),
        ("courses.Certificate", "user"),
        ("courses.Certificate", "course"),
        ("quizzes.Attempt", "user"),
        ("quizzes.Attempt", "quiz"),
    ],
)
def test_every_record_holds_its_page_and_person_in_the_database(label, field):
    from django.apps import apps
    from django.db.models import PROTECT

    assert apps.get_model(label)._meta.get_field(field).remote_field.on_delete is PROTECT
