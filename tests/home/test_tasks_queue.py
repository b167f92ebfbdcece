"""The database task queue (django_tasks_db): a task is queued in the transaction of the data it
acts on, run by the worker (``db_worker``) once committed, and its failure is recorded.

The suite runs tasks at once (settings.test); these tests switch to the database backend.
"""

import os
import signal
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection, transaction
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from home import tasks
from home.models import RateCounter

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@task()
def counter_make(key: str) -> str:
    """A task whose effect is a row: RateCounter is the smallest model at hand."""
    RateCounter.objects.create(key=key, count=1, expires=0)
    return key


@task()
def always_fails(reason: str) -> None:
    raise ValueError(reason)


@pytest.fixture
def db_queue(settings):
    settings.TASKS = DB_TASKS


def worker_batch():
    """Run ``db_worker`` in its batch mode (every ready task, then exit), in this process; the
    worker's signal handlers are put back afterwards."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*",
            verbosity=0,
        )  # fmt: skip
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)


def test_the_database_queue_is_the_default_outside_the_suite():
    from settings import base  # the module, not the configured settings

    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in django_settings.INSTALLED_APPS


def test_a_task_queued_in_a_rolled_back_transaction_is_never_run(db_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        counter_make.enqueue("rolled-back")
        tasks.enqueue_in_transaction(counter_make, "rolled-back-too")
        raise RuntimeError("the request failed")

    assert not DBTaskResult.objects.exists()
    worker_batch()
    assert not RateCounter.objects.exists()


def test_a_committed_task_is_run_by_the_worker(db_queue):
    with transaction.atomic():
        result = tasks.enqueue_in_transaction(counter_make, "committed")
        # Queued with the data, not yet run.
        assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    assert not RateCounter.objects.exists()

    worker_batch()

    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "SUCCESSFUL"
    assert row.return_value == "committed"
    assert RateCounter.objects.filter(key="committed").exists()


def test_a_failure_is_recorded_with_its_reason(db_queue):
    result = always_fails.enqueue("máy chủ thư không trả lời")
    worker_batch()

    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "FAILED"
    assert row.exception_class_path == "builtins.ValueError"
    assert "máy chủ thư không trả lời" in row.traceback
    assert row.finished_at is not None


def test_with_the_immediate_backend_the_task_waits_for_the_commit():
    """The suite's backend runs tasks at once: enqueue_in_transaction hands it the task after the
    commit, and never after a rollback."""
    with transaction.atomic():
        assert tasks.enqueue_in_transaction(counter_make, "after-commit") is None
        assert not RateCounter.objects.exists()
    assert RateCounter.objects.filter(key="after-commit").exists()

    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.enqueue_in_transaction(counter_make, "never")
        raise RuntimeError
    assert not RateCounter.objects.filter(key="never").exists()


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="a worker process needs a database another process can open (PostgreSQL here)",
)
def test_a_separate_worker_process_runs_the_committed_task(db_queue):
    """``manage.py db_worker`` as production runs it, in its own process, on the test database."""
    committed = counter_make.enqueue("by-another-process")
    with pytest.raises(RuntimeError), transaction.atomic():
        counter_make.enqueue("rolled-back")
        raise RuntimeError

    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    script = (
        "import django; django.setup();"
        "from django.test import override_settings;"
        "from django.core.management import call_command;"
        f"override_settings(TASKS={DB_TASKS!r}).enable();"
        "call_command('db_worker', '--batch', '--no-startup-delay', '--no-reload',"
        " '--queue-name', '*', verbosity=0)"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "settings.test"}
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        env=env,
        cwd=django_settings.BASE_DIR,
        check=True,
        timeout=60,
    )

    assert DBTaskResult.objects.get(id=committed.id).status == "SUCCESSFUL"
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["by-another-process"]
    assert DBTaskResult.objects.count() == 1
