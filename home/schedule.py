"""Periodic jobs: a registry that every app fills from its ``apps.py``, and the scheduler that
queues each job's task once per time slot (``manage.py run_scheduler``).

A job runs every ``every`` (slots aligned on the Unix epoch, e.g. each whole minute), or each
day at ``daily_at`` in the site's time zone (on one ``weekday`` only, 0 = Monday, for a weekly
job). At each tick the scheduler takes each job's latest slot that has begun: a slot missed
while no scheduler ran is caught up once, never several times.

Exactly once, with any number of schedulers (one per app server): a ``ScheduledRun`` row per
(job, slot) under a unique constraint is inserted in the same transaction as the task (the
database queue stores it in that transaction); a second scheduler's insert fails, and it skips
the slot. This holds on SQLite and PostgreSQL alike.
"""

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task

from . import tasks
from .models import ScheduledRun

logger = logging.getLogger(__name__)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# The scheduler looks again at least this often (a job registered or a clock changed meanwhile),
# and wakes this long after a slot begins.
MAX_SLEEP_SECONDS = 60
WAKE_MARGIN_SECONDS = 0.5


@dataclass(frozen=True)
class Job:
    name: str
    task: Task
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    every: timedelta | None = None
    daily_at: time | None = None
    weekday: int | None = None

    def slot(self, now: datetime) -> datetime:
        """The start of the latest slot at or before ``now`` (aware)."""
        if self.every is not None:
            return EPOCH + ((now - EPOCH) // self.every) * self.every
        zone = timezone.get_default_timezone()
        local = now.astimezone(zone)
        day = local.date()
        if self.weekday is not None:
            day -= timedelta(days=(day.weekday() - self.weekday) % 7)
        start = datetime.combine(day, self.daily_at, tzinfo=zone)
        if start > local:
            start -= timedelta(days=1 if self.weekday is None else 7)
        return start.astimezone(UTC)

    def next_slot(self, now: datetime) -> datetime:
        step = self.every or timedelta(days=1 if self.weekday is None else 7)
        return self.slot(now) + step


_jobs: dict[str, Job] = {}


def register_job(
    name: str,
    *,
    task: Task | None = None,
    command: str | None = None,
    args: tuple | list = (),
    kwargs: dict | None = None,
    every: timedelta | None = None,
    daily_at: time | None = None,
    weekday: int | None = None,
) -> Job:
    """Register a periodic job (call it from an ``AppConfig.ready``).

    ``task``: a django_tasks task, queued with ``args`` and ``kwargs``; or ``command``: a
    management command, run with ``args`` by ``home.tasks.command_run``. ``every`` or
    ``daily_at`` (with ``weekday`` for once a week). Registering the same job again is a no-op;
    another job under a taken name is an error."""
    if (task is None) == (command is None):
        raise ValueError(f"Job {name!r}: give a task or a command.")
    if (every is None) == (daily_at is None):
        raise ValueError(f"Job {name!r}: give every= or daily_at=.")
    if every is not None and (every <= timedelta(0) or weekday is not None):
        raise ValueError(f"Job {name!r}: every= must be positive, without weekday=.")
    if weekday is not None and weekday not in range(7):
        raise ValueError(f"Job {name!r}: weekday= is 0 (Monday) to 6 (Sunday).")
    if command is not None:
        task, args, kwargs = tasks.command_run, (command, list(args)), {}
    job = Job(name, task, tuple(args), dict(kwargs or {}), every, daily_at, weekday)
    if _jobs.setdefault(name, job) != job:
        raise ValueError(f"Job {name!r} is already registered differently.")
    return job


def registered_jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def slot_claimed(job: Job, slot: datetime) -> bool:
    """A cheap look first: a claimed slot costs no failed insert (the constraint decides)."""
    return ScheduledRun.objects.filter(job=job.name, slot=slot).exists()


def job_queue(job: Job, slot: datetime) -> bool:
    """Claim ``slot`` for ``job`` and queue its task, in one transaction. False when another
    scheduler has claimed the slot (or claims it while we try)."""
    if slot_claimed(job, slot):
        return False
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, slot=slot)
            result = tasks.enqueue_in_transaction(job.task, *job.args, **job.kwargs)
            if result is not None:
                run.task_result_id = str(result.id)
                run.save(update_fields=["task_result_id"])
    except IntegrityError:
        return False
    logger.info("Queued job %s for %s", job.name, slot.isoformat())
    return True


def run_due(now: datetime | None = None) -> list[str]:
    """Queue every job whose latest slot is not claimed yet; returns the names queued. A
    database error on one job is logged and that job is tried again at the next tick."""
    now = now or timezone.now()
    queued = []
    for job in registered_jobs():
        try:
            if job_queue(job, job.slot(now)):
                queued.append(job.name)
        except DatabaseError:
            logger.exception("Job %s not queued; trying again at the next tick", job.name)
    return queued


def seconds_to_next_slot(now: datetime | None = None) -> float:
    """How long the scheduler may sleep: until the next slot of any job (at most a minute)."""
    now = now or timezone.now()
    nearest = min((job.next_slot(now) for job in _jobs.values()), default=None)
    if nearest is None:
        return MAX_SLEEP_SECONDS
    wait = (nearest - now).total_seconds() + WAKE_MARGIN_SECONDS
    return min(max(wait, WAKE_MARGIN_SECONDS), MAX_SLEEP_SECONDS)


def home_jobs_register() -> None:
    """The jobs of the site's base: Wagtail's scheduled publishing, expired sessions and rate
    counters, old task rows."""
    register_job(
        "wagtail.publish_scheduled", every=timedelta(minutes=1), command="publish_scheduled"
    )
    register_job("sessions.clear_expired", daily_at=time(2, 0), command="clearsessions")
    register_job(
        "home.ratecounters_purge_expired",
        daily_at=time(2, 10),
        task=tasks.ratecounters_purge_expired,
    )
    register_job("home.task_results_prune", daily_at=time(2, 20), task=tasks.task_results_prune)
