"""The slide import and the renditions with the real queue (django_tasks_db) and its worker, as
in production: the job and its task are stored in the request's transaction (none after a
rollback), the worker renders and adds the deck; a failing page leaves the lesson untouched."""

import pypdfium2
import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Revision

from courses import images, slide_import
from courses.models import LessonPage, SlideImport
from tests.courses.factories import ImageFactory, LessonPageFactory, lesson_body
from tests.courses.test_slide_import import lecture_pdf, trainer_client, upload
from tests.home.test_tasks_queue import DB_TASKS, worker_batch
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
__all__ = ["trainer_client"]  # fixtures


def courses_tasks():
    """The queued courses tasks (Wagtail queues its search and reference index updates too)."""
    return DBTaskResult.objects.filter(task_path__startswith="courses.")


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_TASKS


def test_the_upload_is_queued_with_its_job_and_the_worker_adds_the_deck(db_queue, trainer_client):
    lesson = LessonPageFactory()
    response = trainer_client.post(
        reverse("courses_slide_import", args=[lesson.pk]),
        {"title": "Tổng quan", "file": upload(lecture_pdf())},
    )
    job = SlideImport.objects.get()
    assert response["Location"] == reverse("courses_slide_import_status", args=[lesson.pk, job.pk])
    [queued] = courses_tasks()
    assert queued.status == "READY"
    assert queued.task_path == "courses.tasks.slide_import_render"
    assert queued.args_kwargs["args"] == [job.pk]
    assert not get_image_model().objects.exists()  # nothing rendered in the request
    assert "Đang xếp hàng" in trainer_client.get(response["Location"]).content.decode()

    worker_batch()

    job.refresh_from_db()
    assert (job.status, job.pages_done, job.pages_total) == ("ready", 3, 3)
    assert DBTaskResult.objects.get(pk=queued.pk).status == "SUCCESSFUL"
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert len(lesson.get_latest_revision_as_object().slides) == 3
    # The deck's renditions were queued with it and made by the same worker run.
    assert Rendition.objects.count() == 3 * len(images.filter_specs("slide"))
    assert "Đã xong" in trainer_client.get(response["Location"]).content.decode()


def test_a_rolled_back_request_leaves_no_job_no_task_and_no_file(db_queue):
    lesson = LessonPageFactory()
    user = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        slide_import.slide_import_request(
            lesson=lesson, file=upload(lecture_pdf()), title="Tổng quan", user=user
        )
        raise RuntimeError("the request failed after the import was queued")
    assert not SlideImport.objects.exists()
    assert not courses_tasks().exists()
    worker_batch()
    assert not get_image_model().objects.exists()


def test_a_failing_page_in_the_worker_fails_the_job_and_leaves_the_lesson(
    db_queue, trainer_client, monkeypatch
):
    lesson = LessonPageFactory()
    revisions = Revision.objects.count()
    monkeypatch.setattr(
        pypdfium2.PdfPage,
        "render",
        lambda *a, **k: (_ for _ in ()).throw(pypdfium2.PdfiumError("Failed to render")),
    )
    trainer_client.post(
        reverse("courses_slide_import", args=[lesson.pk]),
        {"title": "Tổng quan", "file": upload(lecture_pdf())},
    )
    worker_batch()

    job = SlideImport.objects.get()
    assert job.status == "failed"
    assert job.error.startswith("Không dựng được trang 1")
    assert Revision.objects.count() == revisions
    assert not get_image_model().objects.exists()
    assert not LessonPage.objects.get(pk=lesson.pk).has_unpublished_changes


def test_publishing_queues_the_renditions_in_its_transaction(db_queue):
    lesson = LessonPageFactory(body=lesson_body(slides=[ImageFactory() for _ in range(2)]))
    with pytest.raises(RuntimeError), transaction.atomic():
        lesson.save_revision().publish()
        raise RuntimeError
    assert not courses_tasks().exists()

    lesson = LessonPage.objects.get(pk=lesson.pk)  # not the rolled-back revision
    with transaction.atomic():
        lesson.save_revision().publish()
    [queued] = courses_tasks()
    assert queued.task_path == "courses.tasks.page_renditions_make"
    assert not Rendition.objects.exists()  # not in the request

    worker_batch()
    assert Rendition.objects.count() == 2 * len(images.filter_specs("slide"))
