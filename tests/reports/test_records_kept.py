"""Trainees' records are kept and kept to their scope in the admin: a page or a person with
training records is not deleted (by a trainer or by the administrator), and the site history
(Wagtail's audit log) shows an HR officer only the entries about their own people."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from courses import certificates
from courses.models import Certificate, LessonProgress
from learners.models import User
from learners.roles import TRAINER_GROUP
from quizzes.models import Attempt
from tests.courses.factories import LessonPageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

REVOKE_REASON = "Cấp nhầm người, đề nghị của Phòng Nội vụ huyện Tân Hòa"


@pytest.fixture
def trainer_client(client):
    trainer = UserFactory(username="giangvien")
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    client.force_login(trainer)
    return client


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# Pages ------------------------------------------------------------------------------------------


def test_a_trainer_cannot_delete_a_lesson_that_trainees_have_studied(
    trainer_client, people, course
):
    lesson = course.lessons[0]
    url = reverse("wagtailadmin_pages:delete", args=[lesson.pk])

    response = trainer_client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_explore", args=[lesson.get_parent().pk]
    )
    [message] = messages_of(response)
    assert f"Không thể xóa “{lesson.title}”" in message
    assert "gỡ xuất bản" in message

    trainer_client.post(url)
    assert Page.objects.filter(pk=lesson.pk).exists()
    assert LessonProgress.objects.filter(lesson=lesson).count() == 4


def test_a_trainer_cannot_delete_a_quiz_with_attempts(trainer_client, people, course):
    quiz = course.quizzes[0]
    trainer_client.post(reverse("wagtailadmin_pages:delete", args=[quiz.pk]))
    assert Attempt.objects.filter(quiz=quiz).count() == 2


def test_a_trainer_still_deletes_a_page_nobody_has_studied(trainer_client, people, course):
    unused = LessonPageFactory(parent=course.modules[0], title="Bài chưa ai học")
    url = reverse("wagtailadmin_pages:delete", args=[unused.pk])
    assert trainer_client.get(url).status_code == 200
    trainer_client.post(url)
    assert not Page.objects.filter(pk=unused.pk).exists()


def test_the_administrator_cannot_delete_a_course_with_certificates_either(
    admin_client_, people, course
):
    """A certificate holds its course (PROTECT): without the check this was a server error."""
    url = reverse("wagtailadmin_pages:delete", args=[course.pk])
    response = admin_client_.post(url, follow=True)
    assert response.status_code == 200
    assert "Không thể xóa" in messages_of(response)[0]
    assert Page.objects.filter(pk=course.pk).exists()
    assert Certificate.objects.filter(course=course).count() == 2


def test_bulk_delete_keeps_pages_with_records(admin_client_, people, course):
    lesson = course.lessons[0]
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={lesson.pk}"
    )
    response = admin_client_.post(url, follow=True)
    assert "Không thể xóa" in messages_of(response)[0]
    assert Page.objects.filter(pk=lesson.pk).exists()


# People -----------------------------------------------------------------------------------------


def test_a_person_with_records_is_deactivated_not_deleted(admin_client_, people):
    binh = people["binh"]
    url = reverse("wagtailusers_users:delete", args=[binh.pk])
    response = admin_client_.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailusers_users:edit", args=[binh.pk])
    [message] = messages_of(response)
    assert f"Không thể xóa tài khoản “{binh.full_name}”" in message
    assert "“Kích hoạt”" in message

    response = admin_client_.post(url)
    assert response.status_code == 302
    assert User.objects.filter(pk=binh.pk).exists()
    assert Certificate.objects.filter(user=binh).exists()

    bulk = reverse("wagtail_bulk_action", args=["learners", "user", "delete"])
    admin_client_.post(f"{bulk}?id={binh.pk}")
    assert User.objects.filter(pk=binh.pk).exists()


def test_a_person_only_enrolled_can_be_deleted(admin_client_, people):
    duc = people["duc"]  # enrolled (overdue), never started
    admin_client_.post(reverse("wagtailusers_users:delete", args=[duc.pk]))
    assert not User.objects.filter(pk=duc.pk).exists()


# Site history -----------------------------------------------------------------------------------


@pytest.fixture
def revoked(people, officers):
    """The province revokes the certificate of Hoàng Văn Cường (Tân Hòa)."""
    certificate = Certificate.objects.get(user=people["cuong"])
    certificates.certificate_revoke(
        certificate=certificate, by=officers["province"], reason=REVOKE_REASON
    )
    return certificate


SITE_HISTORY = "/admin/reports/site-history/"


def test_site_history_hides_another_districts_entries(client, officers, revoked):
    client.force_login(officers["district"])  # Đông Sơn
    for url in (SITE_HISTORY, SITE_HISTORY + "results/?export=csv"):
        response = client.get(url)
        assert response.status_code == 200
        body = b"".join(response) if response.streaming else response.content
        assert revoked.number.encode() not in body


def test_site_history_shows_the_entries_in_scope(client, officers, revoked):
    client.force_login(officers["province"])
    response = client.get(SITE_HISTORY + "results/?export=csv")
    assert revoked.number in b"".join(response).decode("utf-8")


def test_site_history_stays_behind_the_admin_gate(client, people):
    client.force_login(people["binh"])  # a trainee: no admin access
    response = client.get(SITE_HISTORY)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Sign-in for restricted pages -------------------------------------------------------------------


def test_a_page_for_signed_in_people_sends_visitors_to_the_site_sign_in(client, course):
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(course.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
