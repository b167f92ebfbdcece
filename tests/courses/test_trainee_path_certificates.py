"""A revoked certificate is never offered for download where the trainee sees it (Góc học tập,
Kết quả học tập, the course page, the completion panel of a lesson and of a quiz's results):
"Giấy chứng nhận đã bị thu hồi" instead; and the download itself refuses it (issue 12)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.certificates import certificate_issue
from courses.models import Certificate
from tests.courses.test_trainee_path import (
    course_with_quiz,
    pass_quiz,
    signed_in,
    submit_through_the_page,
)
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

REVOKED = "Giấy chứng nhận đã bị thu hồi"
REASON = "Cấp nhầm người"


@pytest.fixture
def trainee():
    return UserFactory(full_name="Phạm Văn Nam")


@pytest.fixture
def finished(trainee):
    """A course the trainee completed, its certificate issued: (course, lessons, quiz, cert)."""
    course, _module, lessons, quiz = course_with_quiz()
    for lesson in lessons:
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    pass_quiz(trainee, quiz)
    certificate = Certificate.objects.get(user=trainee, course=course)
    return course, lessons, quiz, certificate


def revoke(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoke_reason=REASON
    )


def offers(html, certificate):
    """Whether the page offers the certificate ("Tải/Xem giấy chứng nhận", through the course's
    certificate link, which sends to the PDF)."""
    link = reverse("certificate_for_course", args=[certificate.course_id])
    return bool(re.search(f'href="{re.escape(link)}">(Tải|Xem) giấy chứng nhận', html))


def pages(client, course, lessons, quiz):
    """Every page where the trainee meets their certificate, by name."""
    return {
        "dashboard": client.get("/hoc-tap/"),
        "transcript": client.get("/hoc-tap/ket-qua/"),
        "course page": client.get(course.url),
        "lesson panel": client.get(lessons[-1].url),
        "quiz results": client.get(quiz.url + quiz.reverse_subpage("results", args=[1])),
    }


def test_a_valid_certificate_is_offered_everywhere_the_trainee_sees_it(trainee, finished):
    trainee_client = signed_in(trainee)
    course, lessons, quiz, certificate = finished

    for name, response in pages(trainee_client, course, lessons, quiz).items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert offers(html, certificate), name
        assert REVOKED not in html, name


def test_a_revoked_certificate_is_offered_nowhere_and_said_to_be_revoked(trainee, finished):
    trainee_client = signed_in(trainee)
    course, lessons, quiz, certificate = finished
    revoke(certificate)

    for name, response in pages(trainee_client, course, lessons, quiz).items():
        html = response.content.decode()
        assert response.status_code == 200, name
        assert not offers(html, certificate), name
        assert REVOKED in html, name
        # The reason is one click away (the "unavailable" page), not a download.
        assert reverse("certificate_for_course", args=[course.pk]) in html, name


def test_the_download_refuses_a_revoked_certificate_to_its_owner(trainee, finished):
    trainee_client = signed_in(trainee)
    course, _lessons, _quiz, certificate = finished
    revoke(certificate)

    download = trainee_client.get(reverse("certificate_download", args=[certificate.number]))
    for_course = trainee_client.get(reverse("certificate_for_course", args=[course.pk]))

    for response in (download, for_course):
        assert response.status_code == 404
        assert response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        assert "đã bị thu hồi" in html and REASON in html


def test_a_reissued_certificate_is_offered_again(trainee, finished):
    trainee_client = signed_in(trainee)
    course, _lessons, _quiz, certificate = finished
    revoke(certificate)
    reissued = certificate_issue(user=trainee, course=course, completed_at=certificate.completed_at)

    html = trainee_client.get("/hoc-tap/").content.decode()
    response = trainee_client.get(reverse("certificate_for_course", args=[course.pk]))

    assert offers(html, reissued)
    assert REVOKED not in html
    assert response["Location"] == reverse("certificate_download", args=[reissued.number])


def test_passing_the_last_quiz_after_a_revocation_shows_it_revoked(trainee):
    trainee_client = signed_in(trainee)
    course, _module, lessons, quiz = course_with_quiz()
    for lesson in lessons:
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    pass_quiz(trainee, quiz, answers={"q1": ["q1c2"]})  # failed first
    assert not Certificate.objects.filter(user=trainee).exists()

    response = submit_through_the_page(trainee_client, quiz)
    certificate = Certificate.objects.get(user=trainee, course=course)
    revoke(certificate)
    results = trainee_client.get(response.request["PATH_INFO"])

    assert response.context["completion"].certificate_number == certificate.number
    assert not offers(results.content.decode(), certificate)
    assert REVOKED in results.content.decode()
