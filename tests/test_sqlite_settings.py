"""SQLite configured for a small office (issue 10, point 1): several workers writing one file.

Each test opens its own connections to a database file made with the site's own SQLite
options (settings.DATABASES), and has one connection hold the write lock for a moment while
another writes: the second must wait for the first, not answer "database is locked".
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite settings (the suite runs on another engine)",
)

HOLD = 0.6  # seconds the first connection keeps the write lock


def open_connection(path, alias):
    """A connection in this thread to the file at ``path``, with the site's SQLite options."""
    settings_dict = {**settings.DATABASES["default"], "NAME": str(path)}
    settings_dict.setdefault("TEST", {})
    wrapper = DatabaseWrapper(settings_dict, alias=alias)
    connections[alias] = wrapper
    return wrapper


@pytest.fixture
def database(tmp_path, django_db_blocker):
    """A database file of its own (not the test database): connections to it are opened here."""
    with django_db_blocker.unblock():
        yield _create(tmp_path)


def _create(tmp_path):
    path = tmp_path / "office.sqlite3"
    wrapper = open_connection(path, "office_setup")
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter (id, n) VALUES (1, 0)")
    wrapper.close()
    return path


def hold_write_lock(path, locked: threading.Event):
    """Another worker: a write transaction that lasts HOLD seconds."""
    wrapper = open_connection(path, "office_holder")
    try:
        with transaction.atomic(using="office_holder"), wrapper.cursor() as cursor:
            cursor.execute("UPDATE counter SET n = n + 1 WHERE id = 1")
            locked.set()
            time.sleep(HOLD)
    finally:
        wrapper.close()


def while_another_worker_writes(path, work):
    """Run ``work(wrapper)`` on a second connection while the first holds the write lock;
    return how long it took."""
    locked = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(path, locked))
    holder.start()
    assert locked.wait(5)
    wrapper = open_connection(path, "office_worker")
    try:
        started = time.monotonic()
        work(wrapper)
        return time.monotonic() - started
    finally:
        holder.join()
        wrapper.close()


def count(path):
    wrapper = open_connection(path, "office_check")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT n FROM counter WHERE id = 1")
            return cursor.fetchone()[0]
    finally:
        wrapper.close()


def test_the_file_is_in_wal_mode_with_a_busy_timeout(database):
    wrapper = open_connection(database, "office_pragmas")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == settings.SQLITE_BUSY_TIMEOUT * 1000
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
    finally:
        wrapper.close()


def test_a_transaction_that_reads_then_writes_waits_for_the_other_writer(database):
    """The failure seen under load: a deferred transaction read, then could not upgrade its
    lock and failed at once. Transactions now take the write lock when they begin."""

    def read_then_write(wrapper):
        with transaction.atomic(using="office_worker"), wrapper.cursor() as cursor:
            cursor.execute("SELECT n FROM counter WHERE id = 1")
            seen = cursor.fetchone()[0]
            cursor.execute("UPDATE counter SET n = %s WHERE id = 1", [seen + 10])

    waited = while_another_worker_writes(database, read_then_write)

    assert waited >= HOLD / 2
    assert count(database) == 11  # read after the other's commit: no update lost


def test_a_single_write_outside_a_transaction_waits_for_the_other_writer(database):
    def autocommit_write(wrapper):
        assert wrapper.get_autocommit()
        with wrapper.cursor() as cursor:
            cursor.execute("UPDATE counter SET n = n + 10 WHERE id = 1")

    waited = while_another_worker_writes(database, autocommit_write)

    assert waited >= HOLD / 2
    assert count(database) == 11


def test_reading_does_not_wait_for_the_writer(database):
    def read(wrapper):
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT n FROM counter WHERE id = 1")
            assert cursor.fetchone()[0] == 0  # the other's change is not committed yet

    waited = while_another_worker_writes(database, read)

    assert waited < HOLD / 2
