"""Sign-out holds on every worker process (SUBPROCESS test: real gunicorn, 3 workers).

Without Redis, sessions used to be cached in each worker's own memory (cached_db over a
local-memory cache): after a sign-out, the other workers still had the session and the old
cookie stayed signed in, and could still mark lessons done. This starts gunicorn with three
workers and the development settings without REDIS_URL, on a copy of the test database
(SQLite) or on the test database itself (PostgreSQL), signs in, warms every worker, signs out
and replays the old cookie. It is skipped, saying why, when gunicorn cannot start.
"""

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from courses.models import LessonProgress
from tests.courses.factories import LessonPageFactory
from tests.learners.factories import UserFactory

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORD = "Demo@2017"
WORKERS = 3
REPLAYS = 20

pytestmark = [
    pytest.mark.subprocess,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(tmp_path):
    """A database the gunicorn workers can open, holding what this test committed."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: hand the workers a file copy.
        path = tmp_path / "workers.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}", path
    if connection.vendor == "postgresql":
        host = settings.get("HOST") or "127.0.0.1"
        port = settings.get("PORT") or 5432
        user = settings.get("USER") or "postgres"
        return f"postgres://{user}@{host}:{port}/{settings['NAME']}", None
    pytest.skip(f"Kiểm thử nhiều tiến trình chưa hỗ trợ cơ sở dữ liệu {connection.vendor}")


@pytest.fixture
def gunicorn(tmp_path):
    """Start gunicorn on the committed data; yields (base URL, SQLite copy or None)."""
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("Bỏ qua kiểm thử nhiều tiến trình: chưa cài gunicorn")
    database_url, sqlite_path = _database_url(tmp_path)
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="settings.dev",
        DATABASE_URL=database_url,
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
        PYTHONPATH=str(ROOT),
    )
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn with fixed arguments
        [
            sys.executable,
            "-m",
            "gunicorn",
            "wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--preload",
            "--timeout",
            "30",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{base}/accounts/login/", timeout=2)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    output = (tmp_path / "gunicorn.log").read_text()[-2000:]
                    pytest.skip(f"Bỏ qua: gunicorn không khởi động được:\n{output}")
                time.sleep(0.2)
        yield base, sqlite_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def _csrf(session, url):
    html = session.get(url, timeout=5).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _signed_in(base, cookies):
    response = requests.get(
        f"{base}/accounts/profile/", cookies=cookies, allow_redirects=False, timeout=5
    )
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def _progress_rows(sqlite_path, user_pk):
    if sqlite_path is None:
        return LessonProgress.objects.filter(user_id=user_pk).count()
    with sqlite3.connect(sqlite_path) as db:
        table = LessonProgress._meta.db_table
        return db.execute(
            f"SELECT COUNT(*) FROM {table} WHERE user_id = ?",  # noqa: S608 - model's own table
            [user_pk],
        ).fetchone()[0]


@pytest.fixture
def person_and_lesson():
    person = UserFactory(username="hv_ca_chieu")
    # The workers run the development settings, whose hashers do not read the suite's MD5.
    hasher = PBKDF2PasswordHasher()
    person.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    person.save(update_fields=["password"])
    return person, LessonPageFactory()


@pytest.fixture
def started(person_and_lesson, gunicorn):
    return (*person_and_lesson, *gunicorn)


def test_a_signed_out_cookie_is_anonymous_on_every_worker(started):
    person, lesson, base, sqlite_path = started
    browser = requests.Session()
    token = _csrf(browser, f"{base}/accounts/login/")
    response = browser.post(
        f"{base}/accounts/login/",
        {"username": person.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=5,
    )
    assert response.status_code == 302, response.text[:500]
    old_cookies = browser.cookies.get_dict()
    # Every worker reads (and, with a per-process cache, would keep) the signed-in session.
    assert all(_signed_in(base, old_cookies) for _ in range(REPLAYS))

    token = _csrf(browser, f"{base}/accounts/profile/")
    response = browser.post(
        f"{base}/accounts/logout/",
        {"csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/profile/"},
        allow_redirects=False,
        timeout=5,
    )
    assert response.status_code == 302

    replayed = [_signed_in(base, old_cookies) for _ in range(REPLAYS)]
    assert replayed == [False] * REPLAYS

    # Marking a lesson done with the old cookie is refused, and nothing is recorded.
    response = requests.post(
        f"{base}/hoc-tap/bai-hoc/{lesson.pk}/hoan-thanh/",
        {"csrfmiddlewaretoken": token},
        cookies=old_cookies,
        headers={"Referer": f"{base}{lesson.url}"},
        allow_redirects=False,
        timeout=5,
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response.headers["Location"]
    assert _progress_rows(sqlite_path, person.pk) == 0
