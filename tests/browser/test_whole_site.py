"""The whole site as ``make run`` runs it, driven in Chromium: ``manage.py run_site`` starts the
development server, a task worker and the scheduler as separate processes on a database file of
their own, with the demo loaded, and nothing else runs beside them.

- A trainer schedules a new lesson a minute ahead in the Wagtail admin; it goes live on its
  own (the scheduler queues Wagtail's scheduled publishing each minute, the worker runs it).
- A trainer imports a lecture's PDF as slides and watches its status page (which reloads itself,
  no JavaScript) go from the queue to "Đã xong" as the worker renders it; the deck is then in
  the lesson's draft.
"""

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the package is skipped without Playwright (conftest.py)
    expect = None

from .conftest import DESKTOP, ROOT, TIMEOUT_MS, admin_sign_in

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
START_SECONDS = 90
PUBLISH_WAIT_SECONDS = 180


@dataclass
class Site:
    url: str
    database: Path
    log: Path

    def status(self, path: str) -> int | None:
        """The answer's status, or None while the server does not answer (starting, or its
        autoreloader restarting it, as ``make run``'s does when code changes)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    def answer(self, path: str, *, seconds: int = 30) -> int:
        """The status once the server answers."""
        deadline = time.monotonic() + seconds
        while (status := self.status(path)) is None and time.monotonic() < deadline:
            time.sleep(1)
        return status

    def query(self, sql: str, *params):
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site on a fresh SQLite file, run by ``run_site`` as ``make run`` does."""
    root = tmp_path_factory.mktemp("whole-site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": f"sqlite:///{root / 'site.db'}",
        "DJANGO_MEDIA_ROOT": str(root / "media"),
        "DJANGO_CACHE_DIR": str(root / "cache"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for step in (["migrate", "--noinput"], ["load_par_demo"]):
        done = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [*manage, *step], env=env, capture_output=True, text=True, timeout=600, check=False
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    port = free_port()
    log = root / "site.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [*manage, "run_site", f"127.0.0.1:{port}"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    site = Site(f"http://127.0.0.1:{port}", root / "site.db", log)
    deadline = time.monotonic() + START_SECONDS
    while site.status("/") != 200:
        assert process.poll() is None, f"run_site ended:\n{site.tail()}"
        assert time.monotonic() < deadline, f"the site did not answer:\n{site.tail()}"
        time.sleep(1)
    yield site
    process.send_signal(signal.SIGTERM)  # run_site stops its three children
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture
def trainer_page(site, browser):
    context = browser.new_context(
        base_url=site.url, viewport=DESKTOP, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    admin_sign_in(page, "giangvien")
    yield page
    context.close()


def test_a_pdf_import_is_rendered_by_the_worker_while_the_trainer_watches(
    site, trainer_page, tmp_path
):
    from tests.courses.test_slide_import import lecture_pdf

    page = trainer_page
    (lesson_id,), *_ = site.query(
        "SELECT p.id FROM wagtailcore_page p JOIN django_content_type t"
        " ON t.id = p.content_type_id WHERE t.model = 'lessonpage' AND p.live ORDER BY p.path"
    )
    pdf = tmp_path / "chi-so-cchc.pdf"
    pdf.write_bytes(lecture_pdf())
    page.goto(f"/admin/lessons/{lesson_id}/import-slides/")
    page.get_by_label("Tên bài trình chiếu").fill("Chỉ số CCHC cấp tỉnh")
    page.get_by_label("Tệp PDF").set_input_files(pdf)
    page.get_by_role("button", name="Nhập bài trình chiếu").click()
    page.wait_for_url(re.compile(r"/admin/lessons/\d+/import-slides/\d+/$"))
    expect(page.locator("h1")).to_contain_text("Tình trạng nhập bài trình chiếu")
    # The page reloads itself every few seconds until the worker is done.
    expect(page.locator("h2[role=status]")).to_have_text("Đã xong", timeout=90_000)
    expect(page.locator("main")).to_contain_text("gồm 3 trang chiếu")
    (status, done, total), *_ = site.query(
        "SELECT status, pages_done, pages_total FROM courses_slideimport"
    )
    assert (status, done, total) == ("ready", 3, 3)
    page.get_by_role("link", name="Sửa bài học").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{lesson_id}/edit/$"))


def next_minute_after(seconds: int) -> datetime:
    """The first whole minute at least ``seconds`` from now, in Hà Nội (the admin's zone)."""
    moment = datetime.now(ZONE) + timedelta(seconds=seconds)
    return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)


def test_a_lesson_scheduled_a_minute_ahead_goes_live_with_make_run_alone(site, trainer_page):
    page = trainer_page
    (module_id, module_path), *_ = site.query(
        "SELECT p.id, p.url_path FROM wagtailcore_page p JOIN django_content_type t"
        " ON t.id = p.content_type_id WHERE t.model = 'modulepage' AND p.live ORDER BY p.path"
    )
    page.goto(f"/admin/pages/add/courses/lessonpage/{module_id}/")
    page.locator("#id_title").fill("Bài học hẹn giờ xuất bản")
    go_live = next_minute_after(60)
    # The slug (on the "Quảng bá" tab) and the schedule dialog's go-live field are part of the
    # edit form: set them, then "Xuất bản" (publish), which Wagtail turns into "scheduled" for
    # a time to come.
    page.evaluate(
        "([slug, goLive]) => {"
        " document.querySelector('[name=slug]').value = slug;"
        " document.querySelector('[name=go_live_at]').value = goLive; }",
        ["bai-hoc-hen-gio", go_live.strftime("%Y-%m-%d %H:%M")],
    )
    page.evaluate(
        "() => { const button = document.querySelector('button[name=action-publish]');"
        " button.form.requestSubmit(button); }"
    )
    page.wait_for_url(lambda url: "/add/" not in url)

    lesson_path = module_path.removeprefix("/home") + "bai-hoc-hen-gio/"
    revision = site.query(
        "SELECT r.approved_go_live_at FROM wagtailcore_revision r"
        " JOIN wagtailcore_page p ON CAST(p.id AS TEXT) = r.object_id"
        " WHERE p.slug = 'bai-hoc-hen-gio'"
    )
    assert revision and revision[0][0], "the lesson was not scheduled"
    assert site.answer(lesson_path) == 404, "published before its time"

    deadline = go_live + timedelta(seconds=PUBLISH_WAIT_SECONDS - 60)
    while datetime.now(ZONE) < deadline:
        if site.status(lesson_path) == 200:
            break
        time.sleep(3)
    else:
        pytest.fail(f"not live by {deadline:%H:%M:%S}:\n{site.tail()}")
    assert datetime.now(ZONE) >= go_live
    assert site.query("SELECT 1 FROM home_scheduledrun WHERE job = 'wagtail.publish_scheduled'"), (
        "not published by the scheduler's job"
    )
