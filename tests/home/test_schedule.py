"""Periodic jobs (home.schedule): slots in the site's time zone, the registry, and exactly one run
per job and slot however many schedulers race for it."""

import os
import subprocess
import sys
import threading
import time as time_module
from datetime import UTC, datetime, time, timedelta
from functools import partial
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connections, transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from home import schedule, tasks
from home.models import RateCounter, ScheduledRun

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Tuesday 8 December 2026, 08:00 in Hà Nội (UTC+7).
NOW = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)


@task()
def counter_make(key: str) -> str:
    RateCounter.objects.create(key=key, count=1, expires=0)
    return key


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test (the site's jobs come back afterwards)."""
    monkeypatch.setattr(schedule, "_jobs", {})
    return schedule._jobs


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_TASKS


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_every_minute_slots_start_on_the_whole_minute():
    job = schedule.Job("j", counter_make, every=timedelta(minutes=1))
    assert job.slot(utc(2026, 12, 8, 1, 0, 59)) == utc(2026, 12, 8, 1, 0)
    assert job.slot(utc(2026, 12, 8, 1, 1)) == utc(2026, 12, 8, 1, 1)
    assert job.next_slot(utc(2026, 12, 8, 1, 0, 30)) == utc(2026, 12, 8, 1, 1)


def test_a_daily_slot_is_in_the_site_time_zone():
    job = schedule.Job("j", counter_make, daily_at=time(2, 0))
    # 08:00 in Hà Nội: today's 02:00 (19:00 UTC the day before) has begun.
    assert job.slot(NOW) == utc(2026, 12, 7, 19, 0)
    # 01:59 in Hà Nội: yesterday's.
    assert job.slot(utc(2026, 12, 7, 18, 59)) == utc(2026, 12, 6, 19, 0)
    assert job.slot(utc(2026, 12, 7, 19, 0)) == utc(2026, 12, 7, 19, 0)
    assert job.next_slot(NOW) == utc(2026, 12, 8, 19, 0)


def test_a_weekly_slot_falls_on_its_weekday():
    monday_7 = schedule.Job("j", counter_make, daily_at=time(7, 0), weekday=0)
    # Tuesday 08:00: Monday 07:00 (00:00 UTC) of this week.
    assert monday_7.slot(NOW) == utc(2026, 12, 7, 0, 0)
    tuesday_9 = schedule.Job("j", counter_make, daily_at=time(9, 0), weekday=1)
    # Tuesday 08:00, before 09:00: last Tuesday's.
    assert tuesday_9.slot(NOW) == utc(2026, 12, 1, 2, 0)
    assert tuesday_9.next_slot(NOW) == utc(2026, 12, 8, 2, 0)


def test_register_job_checks_its_arguments(registry):
    with pytest.raises(ValueError):
        schedule.register_job("a", every=timedelta(minutes=1))
    with pytest.raises(ValueError):
        schedule.register_job("a", task=counter_make)
    with pytest.raises(ValueError):
        schedule.register_job("a", task=counter_make, command="x", every=timedelta(minutes=1))
    with pytest.raises(ValueError):
        schedule.register_job("a", task=counter_make, daily_at=time(1), weekday=7)
    job = schedule.register_job("a", task=counter_make, args=["k"], every=timedelta(hours=1))
    assert (
        schedule.register_job("a", task=counter_make, args=["k"], every=timedelta(hours=1)) == job
    )
    with pytest.raises(ValueError):
        schedule.register_job("a", task=counter_make, args=["k"], every=timedelta(hours=2))
    assert schedule.registered_jobs() == [job]


def test_the_site_jobs_are_registered():
    jobs = {job.name: job for job in schedule.registered_jobs()}
    publish = jobs["wagtail.publish_scheduled"]
    assert publish.every == timedelta(minutes=1)
    assert (publish.task, publish.args) == (tasks.command_run, ("publish_scheduled", []))
    assert jobs["sessions.clear_expired"].args == ("clearsessions", [])
    assert jobs["sessions.clear_expired"].daily_at == time(2, 0)
    assert jobs["home.ratecounters_purge_expired"].task == tasks.ratecounters_purge_expired
    assert jobs["home.task_results_prune"].task == tasks.task_results_prune


@pytest.mark.django_db
def test_a_slot_is_queued_once(registry, db_queue):
    schedule.register_job("counter", task=counter_make, args=["once"], every=timedelta(minutes=1))

    assert schedule.run_due(NOW) == ["counter"]
    assert schedule.run_due(NOW + timedelta(seconds=30)) == []
    run = ScheduledRun.objects.get()
    assert (run.job, run.slot) == ("counter", NOW)
    assert str(DBTaskResult.objects.get().id) == run.task_result_id

    # The next minute is a new slot.
    assert schedule.run_due(NOW + timedelta(minutes=1)) == ["counter"]
    assert DBTaskResult.objects.count() == 2


@pytest.mark.django_db
def test_a_slot_claimed_by_another_scheduler_meanwhile_is_skipped(registry, db_queue, monkeypatch):
    """The other scheduler inserts its row between our look and our insert: the constraint
    refuses ours, and the task we were queuing goes with our rolled-back transaction."""
    schedule.register_job("counter", task=counter_make, args=["x"], every=timedelta(minutes=1))
    ScheduledRun.objects.create(job="counter", slot=NOW)
    monkeypatch.setattr(schedule, "slot_claimed", lambda job, slot: False)

    assert schedule.run_due(NOW) == []
    assert ScheduledRun.objects.count() == 1
    assert not DBTaskResult.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="two connections writing at once: PostgreSQL (SQLite's in-memory test database is one)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schedulers_racing_for_a_slot_queue_the_job_once(registry, db_queue, monkeypatch):
    schedule.register_job("counter", task=counter_make, args=["race"], every=timedelta(minutes=1))
    both_looked = threading.Barrier(2, timeout=10)

    def look_then_wait(job, slot):
        claimed = ScheduledRun.objects.filter(job=job.name, slot=slot).exists()
        both_looked.wait()  # both see a free slot, then both insert
        return claimed

    monkeypatch.setattr(schedule, "slot_claimed", look_then_wait)
    results = []

    def scheduler():
        try:
            results.append(schedule.run_due(NOW))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results) == [[], ["counter"]]
    assert ScheduledRun.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_run_scheduler_once_queues_what_is_due(registry, db_queue):
    schedule.register_job("counter", task=counter_make, args=["cmd"], every=timedelta(minutes=1))
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "queued counter" in out.getvalue()
    call_command("run_scheduler", "--once", stdout=out)
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db
def test_a_database_error_on_one_job_leaves_the_others(registry, db_queue, monkeypatch):
    schedule.register_job("a", task=counter_make, args=["a"], every=timedelta(minutes=1))
    schedule.register_job("b", task=counter_make, args=["b"], every=timedelta(minutes=1))
    real = schedule.slot_claimed

    def broken_for_a(job, slot):
        if job.name == "a":
            raise schedule.DatabaseError("database is locked")
        return real(job, slot)

    monkeypatch.setattr(schedule, "slot_claimed", broken_for_a)
    assert schedule.run_due(NOW) == ["b"]


def test_the_scheduler_sleeps_until_the_next_slot(registry):
    assert schedule.seconds_to_next_slot(NOW) == schedule.MAX_SLEEP_SECONDS
    schedule.register_job("counter", task=counter_make, every=timedelta(minutes=1))
    assert schedule.seconds_to_next_slot(NOW + timedelta(seconds=45)) == 15.5
    schedule.register_job("daily", task=counter_make, daily_at=time(2))
    assert schedule.seconds_to_next_slot(NOW + timedelta(seconds=45)) == 15.5


@pytest.mark.django_db
def test_old_task_rows_and_slots_are_pruned(db_queue):
    old = tasks.timezone.now() - timedelta(days=30)
    done = counter_make.enqueue("done")
    waiting = counter_make.enqueue("waiting")
    DBTaskResult.objects.filter(id=done.id).update(status="SUCCESSFUL", finished_at=old)
    recent = tasks.timezone.now()
    ScheduledRun.objects.create(job="daily", slot=old)
    ScheduledRun.objects.create(job="daily", slot=recent)
    # A job's latest slot stays, however old: else the scheduler would run that slot again.
    ScheduledRun.objects.create(job="rare", slot=old - timedelta(days=1))
    ScheduledRun.objects.create(job="rare", slot=old)

    with transaction.atomic():
        assert tasks.task_results_prune.call() == 3

    assert [str(i) for i in DBTaskResult.objects.values_list("id", flat=True)] == [waiting.id]
    assert sorted(ScheduledRun.objects.values_list("job", "slot")) == [
        ("daily", recent),
        ("rare", old),
    ]


RACER = """
import sys, time
import django
django.setup()
from datetime import datetime, timedelta, UTC
from django.test import override_settings
from home import schedule, tasks

override_settings(TASKS={tasks_setting!r}).enable()
schedule._jobs.clear()
schedule.register_job("purge", task=tasks.ratecounters_purge_expired, every=timedelta(minutes=1))
schedule.slot_claimed = lambda job, slot: False  # both look before either inserts
errors = []  # a database error (a lock given up) would also skip the slot: none is expected
schedule.logger.exception = lambda *args, **kwargs: errors.append(args)
time.sleep(max(float(sys.argv[1]) - time.time(), 0))
print(schedule.run_due(datetime(2026, 12, 8, 1, 0, tzinfo=UTC)), errors)
"""
TABLES = """
import django
django.setup()
from django.db import connection
from django_tasks_db.models import DBTaskResult
from home.models import ScheduledRun
with connection.schema_editor() as editor:
    editor.create_model(ScheduledRun)
    editor.create_model(DBTaskResult)
"""


def test_two_scheduler_processes_on_one_sqlite_file_queue_the_slot_once(tmp_path):
    """Two app servers' schedulers on one SQLite file, inserting at the same moment: the
    second waits for the first's write lock, then its insert fails on the constraint."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    run = partial(subprocess.run, env=env, cwd=django_settings.BASE_DIR, timeout=120)
    run([sys.executable, "-c", TABLES], check=True)
    start = f"{time_module.time() + 8:.3f}"
    racer = RACER.format(tasks_setting=DB_TASKS)
    racers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", racer, start],
            env=env,
            cwd=django_settings.BASE_DIR,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = sorted(racer.communicate(timeout=120)[0].strip() for racer in racers)
    assert [r.returncode for r in racers] == [0, 0]
    assert outputs == ["['purge'] []", "[] []"]

    count = "import django; django.setup(); from home.models import ScheduledRun as R; "
    count += "from django_tasks_db.models import DBTaskResult as T; "
    count += "print(R.objects.count(), T.objects.count())"
    counted = run([sys.executable, "-c", count], check=True, capture_output=True, text=True)
    assert counted.stdout.split() == ["1", "1"]
