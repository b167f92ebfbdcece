"""The slide import's job: its status page in each state, and the worker's part — never half a
deck: a failure leaves the lesson as it was, no image behind, and the job failed with its reason;
a re-run of a finished job changes nothing, a job a killed worker left starts over; a database
error is retried, a bad file is not."""

from datetime import timedelta
from pathlib import Path

import pypdfium2
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision

from courses import slide_import, tasks
from courses.models import SlideImport
from courses.models.slides import private_storage
from learners.roles import HR_GROUP
from tests.courses.factories import LessonPageFactory
from tests.courses.test_slide_import import lecture_pdf, lesson, trainer_client, upload
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db
__all__ = ["lesson", "trainer_client"]  # fixtures


def status_url(job):
    return reverse("courses_slide_import_status", args=[job.lesson_id, job.pk])


def queued(lesson, user, pdf=None):
    """A job as the request leaves it, its task not run (no commit callbacks here)."""
    return slide_import.slide_import_request(
        lesson=lesson, file=upload(pdf or lecture_pdf()), title="Tổng quan", user=user
    )


def image_files():
    folder = Path(django_settings.MEDIA_ROOT) / "original_images"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_the_request_stores_the_pdf_privately_and_queues_the_job(trainer_client, lesson):
    job = queued(lesson, trainer_client.user)
    assert (job.status, job.pages_done, job.pages_total) == ("queued", 0, 3)
    assert job.file_name == "bai-giang.pdf"
    assert job.file.storage is private_storage()
    path = Path(job.file.path)
    assert path.exists()
    assert Path(django_settings.MEDIA_ROOT).resolve() not in path.parents  # not under /media/
    assert not path.name.startswith("bai-giang")  # named by the server


@pytest.mark.parametrize(
    "case",
    [
        ("queued", {}, "Đang xếp hàng", True),
        ("rendering", {"pages_done": 2}, "Đang dựng trang 2/3", True),
        ("failed", {"error": "Tệp PDF không có trang nào."}, "Không thành công: Tệp PDF", False),
        ("ready", {"pages_done": 3}, "Đã xong", False),
    ],
)
def test_the_status_page_in_each_state(trainer_client, lesson, case):
    status, changes, expected, refreshes = case
    job = queued(lesson, trainer_client.user)
    started = timezone.now() if status != "queued" else None
    SlideImport.objects.filter(pk=job.pk).update(status=status, started_at=started, **changes)
    html = trainer_client.get(status_url(job)).content.decode()
    assert expected in html
    assert ('<meta http-equiv="refresh" content="3">' in html) is refreshes
    data = trainer_client.get(status_url(job) + "status.json").json()
    assert data["status"] == status
    assert expected in data["text"]
    assert data["finished"] is not refreshes


def test_a_job_its_worker_left_rendering_shows_as_interrupted_and_a_rerun_starts_over(
    trainer_client, lesson
):
    job = queued(lesson, trainer_client.user)
    SlideImport.objects.filter(pk=job.pk).update(
        status="rendering", pages_done=1, started_at=timezone.now() - timedelta(minutes=30)
    )
    html = trainer_client.get(status_url(job)).content.decode()
    assert "Không thành công: Việc dựng bài trình chiếu bị gián đoạn" in html
    assert 'http-equiv="refresh"' not in html

    assert tasks.slide_import_render.call(job.pk) == "ready"
    job.refresh_from_db()
    assert (job.status, job.pages_done) == ("ready", 3)
    lesson.refresh_from_db()
    decks = [b for b in lesson.get_latest_revision_as_object().body if b.block_type == "slide_deck"]
    assert len(decks) == 1


def test_running_a_finished_job_again_changes_nothing(trainer_client, lesson):
    job = queued(lesson, trainer_client.user)
    assert tasks.slide_import_render.call(job.pk) == "ready"
    revisions, images = Revision.objects.count(), get_image_model().objects.count()
    assert tasks.slide_import_render.call(job.pk) == "ready"
    assert (Revision.objects.count(), get_image_model().objects.count()) == (revisions, images)


def assert_untouched(lesson, job, revisions, files):
    lesson.refresh_from_db()
    assert Revision.objects.count() == revisions
    assert not lesson.has_unpublished_changes
    assert not get_image_model().objects.exists()
    assert image_files() == files  # no orphan image file either
    assert not job.file.storage.exists(job.file.name)  # the upload is gone too


def test_a_page_that_cannot_be_rendered_fails_the_job_and_leaves_the_lesson(
    trainer_client, lesson, monkeypatch
):
    job = queued(lesson, trainer_client.user)
    revisions, files = Revision.objects.count(), image_files()
    render = pypdfium2.PdfPage.render
    calls = []

    def second_page_breaks(page, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise pypdfium2.PdfiumError("Failed to render")
        return render(page, **kwargs)

    monkeypatch.setattr(pypdfium2.PdfPage, "render", second_page_breaks)

    assert tasks.slide_import_render.call(job.pk) == "failed"
    name = job.file.name
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Không dựng được trang 2 của tệp PDF")
    assert job.pages_done == 1  # progress was committed page by page
    assert job.finished_at is not None
    job.file.name = name
    assert_untouched(lesson, job, revisions, files)
    html = trainer_client.get(status_url(job)).content.decode()
    assert "Không thành công: Không dựng được trang 2" in html
    assert "Bài học không thay đổi." in html


def test_a_failure_while_adding_the_deck_leaves_no_image_behind(
    trainer_client, lesson, monkeypatch
):
    job = queued(lesson, trainer_client.user)
    revisions, files = Revision.objects.count(), image_files()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(lesson), "save_revision", broken)
    with pytest.raises(RuntimeError):
        tasks.slide_import_render.call(job.pk)  # reported: the task's result has the traceback
    name = job.file.name
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Máy chủ gặp lỗi khi dựng bài trình chiếu")
    job.file.name = name
    assert_untouched(lesson, job, revisions, files)


def test_a_database_error_is_retried_and_the_job_then_succeeds(
    trainer_client, lesson, monkeypatch, django_capture_on_commit_callbacks
):
    job = queued(lesson, trainer_client.user)
    render = slide_import.slides_render
    calls = []

    def locked_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return render(*args, **kwargs)

    monkeypatch.setattr(slide_import, "slides_render", locked_once)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.slide_import_render.enqueue(job.pk)  # the immediate backend runs the retry at once
    job.refresh_from_db()
    assert len(calls) == 2
    assert job.status == "ready"


def test_a_database_error_that_persists_fails_the_job_after_the_retries(
    trainer_client, lesson, monkeypatch, django_capture_on_commit_callbacks
):
    job = queued(lesson, trainer_client.user)
    calls = []

    def always_locked(*args, **kwargs):
        calls.append(1)
        raise OperationalError("database is locked")

    monkeypatch.setattr(slide_import, "slides_render", always_locked)
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.slide_import_render.enqueue(job.pk)
    assert len(calls) == tasks.RETRY_ATTEMPTS
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Máy chủ gặp lỗi")
    assert result.status == "SUCCESSFUL"  # the first run queued a retry; the last one failed


def test_a_bad_pdf_is_not_retried(trainer_client, lesson, monkeypatch):
    job = queued(lesson, trainer_client.user)
    private_storage().delete(job.file.name)  # the upload vanished (a wiped disk)
    retried = []
    monkeypatch.setattr(tasks, "task_retry", lambda *a, **k: retried.append(1))
    assert tasks.slide_import_render.call(job.pk) == "failed"
    job.refresh_from_db()
    assert job.error.startswith("Việc dựng bài trình chiếu bị gián đoạn")
    assert not retried


def test_only_editors_of_the_lesson_see_its_import_status(trainer_client, lesson):
    job = queued(lesson, trainer_client.user)
    hr = UserFactory()
    hr.groups.add(Group.objects.get(name=HR_GROUP))
    client = Client()
    client.force_login(hr)
    for url in (status_url(job), status_url(job) + "status.json"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"
    other_lesson = LessonPageFactory(title="Bài khác")
    wrong = reverse("courses_slide_import_status", args=[other_lesson.pk, job.pk])
    assert trainer_client.get(wrong).status_code == 404


def test_the_hourly_prune_closes_dead_imports_and_deletes_uploads_nothing_waits_for(
    trainer_client, lesson
):
    """A worker killed mid-import and an upload whose transaction rolled back leave a job and a
    PDF behind: the scheduled prune closes the job as interrupted and deletes old PDFs, but never
    the PDF of a job still waiting in the queue."""
    import os

    from django.core.files.base import ContentFile

    from home.schedule import registered_jobs

    assert "courses.slide_imports_prune" in {job.name for job in registered_jobs()}
    storage = private_storage()
    dead = queued(lesson, trainer_client.user)
    SlideImport.objects.filter(pk=dead.pk).update(
        status="rendering", started_at=timezone.now() - timedelta(minutes=30)
    )
    dead_file = dead.file.name
    waiting = queued(lesson, trainer_client.user)
    orphan = storage.save(f"{slide_import.UPLOAD_FOLDER}/orphan.pdf", ContentFile(b"%PDF-1.4"))
    fresh = storage.save(f"{slide_import.UPLOAD_FOLDER}/fresh.pdf", ContentFile(b"%PDF-1.4"))
    two_days_ago = (timezone.now() - timedelta(days=2)).timestamp()
    for name in (orphan, waiting.file.name):
        os.utime(storage.path(name), (two_days_ago, two_days_ago))

    assert tasks.slide_imports_prune.call() == 1

    dead.refresh_from_db()
    assert dead.status == "failed" and dead.error.startswith("Việc dựng bài trình chiếu bị gián")
    assert not dead.file and not storage.exists(dead_file)
    assert not storage.exists(orphan)
    assert storage.exists(fresh) and storage.exists(waiting.file.name)
    assert tasks.slide_imports_prune.call() == 0  # nothing more to do
    storage.delete(fresh)
