"""Wagtail's scheduled publishing happens through the scheduler and the worker: a lesson whose
go-live time has come is published by the job the scheduler queues, once the worker runs it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from courses.models import LessonPage
from home.models import ScheduledRun
from tests.courses.factories import LessonPageFactory
from tests.home.test_tasks_queue import DB_TASKS, worker_batch

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_TASKS


def lesson_scheduled(minutes_ahead=1):
    """A draft lesson whose trainer scheduled it ``minutes_ahead`` from now, as the editor's
    "Publish" with a go-live date does."""
    lesson = LessonPageFactory(title="Bài học hẹn giờ", live=False)
    lesson.go_live_at = timezone.now() + timedelta(minutes=minutes_ahead)
    revision = lesson.save_revision()
    revision.publish()
    lesson.refresh_from_db()
    assert not lesson.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    return lesson, revision


def test_a_lesson_goes_live_through_the_scheduler_and_the_worker(db_queue):
    lesson, revision = lesson_scheduled()
    # The minute has passed (the revision carries its go-live time too).
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    LessonPage.objects.filter(pk=lesson.pk).update(go_live_at=past)

    call_command("run_scheduler", "--once", verbosity=0)
    run = ScheduledRun.objects.get(job="wagtail.publish_scheduled")
    queued = DBTaskResult.objects.get(id=run.task_result_id)
    assert queued.status == "READY"
    # Queued, not done: the scheduler itself publishes nothing.
    assert not LessonPage.objects.get(pk=lesson.pk).live

    worker_batch()

    assert DBTaskResult.objects.get(id=run.task_result_id).status == "SUCCESSFUL"
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.live
    assert lesson.live_revision_id == revision.pk


def test_a_lesson_scheduled_ahead_waits_for_its_time(db_queue):
    lesson, _ = lesson_scheduled(minutes_ahead=5)
    call_command("run_scheduler", "--once", verbosity=0)
    worker_batch()
    assert not LessonPage.objects.get(pk=lesson.pk).live
