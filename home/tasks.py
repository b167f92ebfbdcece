"""Background work of the home app, and how every app queues its tasks.

Tasks are django_tasks tasks. With the database backend (settings: the default outside the test
suite) ``enqueue`` inserts a row in the caller's transaction: the task exists exactly when the
data it acts on does, and a ``manage.py db_worker`` process runs it after the commit.
"""

import io
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import ScheduledRun
from .ratelimit import ratecounter_purge_expired

# What a command's output keeps in the task's result (the worker's log has the rest).
COMMAND_OUTPUT_MAX_CHARS = 2000


def enqueue_in_transaction(task_, *args, **kwargs):
    """Queue ``task_`` as part of the current transaction: nothing is queued if it rolls back.

    The database backend stores the task in the same transaction (returns its result); any other
    backend (the immediate one runs the task at once) is handed the task once the transaction
    commits, so the task always sees the committed rows (returns None then)."""
    if isinstance(task_.get_backend(), DatabaseBackend):
        return task_.enqueue(*args, **kwargs)
    transaction.on_commit(partial(task_.enqueue, *args, **kwargs))
    return None


@task()
def command_run(command: str, args: list[str] | None = None) -> str:
    """Run a management command (a scheduled job) and return the end of what it printed."""
    out = io.StringIO()
    call_command(command, *(args or []), stdout=out, stderr=out)
    return out.getvalue()[-COMMAND_OUTPUT_MAX_CHARS:]


@task()
def ratecounters_purge_expired() -> int:
    """Delete the database rate counters whose window has passed."""
    return ratecounter_purge_expired()


@task()
def task_results_prune(days: int | None = None) -> int:
    """Delete finished task rows and scheduler slots older than ``days``
    (``TASK_RESULTS_KEEP_DAYS``); queued and running tasks are kept, and so is each job's latest
    slot (without it the scheduler would take that slot for a new one, e.g. a weekly job's)."""
    if days is None:
        days = settings.TASK_RESULTS_KEEP_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    later = ScheduledRun.objects.filter(job=OuterRef("job"), slot__gt=OuterRef("slot"))
    runs, _ = ScheduledRun.objects.filter(Exists(later), slot__lt=cutoff).delete()
    return tasks + runs
