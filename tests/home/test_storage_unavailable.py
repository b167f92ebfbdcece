"""A full disk or a database at its limits: a 503 page in Vietnamese with Retry-After, the
request's writes rolled back, and anything else still reported as the error it is."""

import errno
from unittest import mock

import pytest
from django.db import OperationalError

from courses import certificates
from courses.models import Certificate, LessonProgress, ModuleCompletion
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


class PostgresDiskFull(Exception):
    sqlstate = "53100"  # psycopg's DiskFull


def postgres_disk_full():
    error = OperationalError("could not extend file: No space left on device")
    error.__cause__ = PostgresDiskFull()
    return error


@pytest.fixture
def lesson():
    course = CoursePageFactory()
    return LessonPageFactory(parent=ModulePageFactory(parent=course))


@pytest.mark.parametrize(
    "failure",
    [
        lambda: OSError(errno.ENOSPC, "No space left on device"),
        lambda: OperationalError("database or disk is full"),
        lambda: OperationalError("database is locked"),
        postgres_disk_full,
    ],
    ids=["disk-full", "sqlite-full", "sqlite-locked", "postgres-disk-full"],
)
def test_a_completion_that_cannot_be_stored_answers_503_and_keeps_nothing(client, lesson, failure):
    person = UserFactory()
    client.force_login(person)

    def fail(*args, **kwargs):
        raise failure()

    with mock.patch.object(certificates, "certificate_issue", fail):
        response = client.post(f"/hoc-tap/bai-hoc/{lesson.pk}/hoan-thanh/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Hệ thống tạm thời chưa lưu được dữ liệu" in html
    assert "thao tác vừa rồi chưa được ghi nhận" in html
    assert not LessonProgress.objects.filter(user=person, completed_at__isnull=False).exists()
    assert not ModuleCompletion.objects.filter(user=person).exists()
    assert not Certificate.objects.filter(user=person).exists()


def test_other_errors_are_not_disguised(client, lesson):
    client.force_login(UserFactory())
    client.raise_request_exception = False

    def fail(*args, **kwargs):
        raise OperationalError("no such column: courses_lessonprogress.bogus")

    with mock.patch.object(certificates, "certificate_issue", fail):
        response = client.post(f"/hoc-tap/bai-hoc/{lesson.pk}/hoan-thanh/")
    assert response.status_code == 500
