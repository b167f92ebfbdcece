"""Real-browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live
server, on the demo course (``load_par_demo``).

Without /usr/bin/chromium (or without Playwright) every test here is skipped with a plain
message; with ``REQUIRE_BROWSER=1`` (set by .ci/run) they fail instead.

The demo takes about half a minute to load, so it is loaded once for the whole package. The
tests are transactional (the live server runs in another thread and must see committed rows),
and a transactional test empties the database when it ends; so the loaded demo is serialized
once and put where Django's ``serialized_rollback`` reads the rows it restores before each test
(``connection._test_serialized_contents``). Every test therefore starts from the same freshly
loaded demo, in a few seconds. The migrations' own rows go back there when the package ends.
"""

import contextlib
import io
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-results" / "browser"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "Demo@2017"  # the published demo accounts' password (demo/people.py)
TIMEOUT_MS = 20_000

NO_CHROMIUM = f"không có {CHROMIUM}"
NO_PLAYWRIGHT = "chưa cài Playwright (pip install -r requirements-dev.txt)"
NO_AXE = f"không có {AXE_JS.relative_to(ROOT)} (cần npm: chạy npm ci)"
SKIPPING = "Bỏ qua kiểm thử trình duyệt: {}"
SKIPPING_AXE = "Bỏ qua kiểm tra khả năng tiếp cận: {}"
REQUIRED = "REQUIRE_BROWSER=1 mà {}: kiểm thử trình duyệt phải chạy được ở đây"


def browser_required() -> bool:
    """REQUIRE_BROWSER=1 (CI): a missing browser is a failure, not a skip."""
    return os.environ.get("REQUIRE_BROWSER") == "1"


def missing_browser() -> str | None:
    """Why the browser tests cannot run on this machine, or None when they can."""
    if not os.access(CHROMIUM, os.X_OK):
        return NO_CHROMIUM
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return NO_PLAYWRIGHT
    return None


def in_this_package(item) -> bool:
    return HERE in Path(item.path).resolve().parents


_skipped = {"reason": None, "count": 0}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: a real-browser test (Chromium via Playwright)")
    config.addinivalue_line(
        "markers", "screenshots: takes the README's screenshots (docs/screenshots)"
    )


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    for item in items:
        if not in_this_package(item):
            continue
        item.add_marker(pytest.mark.browser)
        if reason and not browser_required():
            item.add_marker(pytest.mark.skip(reason=SKIPPING.format(reason)))
            _skipped["reason"] = SKIPPING.format(reason)
            _skipped["count"] += 1


def pytest_terminal_summary(terminalreporter):
    """Say it in plain words at the end of the run, not only as an 's' in the dots."""
    if _skipped["count"]:
        terminalreporter.write_line(
            f"{_skipped['reason']} ({_skipped['count']} kiểm thử trình duyệt không chạy; "
            "đặt REQUIRE_BROWSER=1 để coi đó là lỗi).",
            yellow=True,
            bold=True,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


# The browser ------------------------------------------------------------------------------------


@pytest.fixture(scope="package", autouse=True)
def _browser_available():
    """With REQUIRE_BROWSER=1 and no browser, fail at once (before loading the demo); without
    REQUIRE_BROWSER the tests are already marked skipped and this never runs."""
    reason = missing_browser()
    if reason:
        pytest.fail(REQUIRED.format(reason), pytrace=False)


@pytest.fixture(scope="package")
def browser():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright's sync API leaves this thread in a new contextvars context, and Django
    # keeps its connections in an asgiref Local (a context variable): the test would get new
    # connection objects, without what pytest-django set on the old ones (the rows that
    # serialized_rollback restores) and, on SQLite, apart from the one the live server shares.
    kept = {alias: connections[alias] for alias in connections}

    def same_connections():
        for alias, connection in kept.items():
            connections[alias] = connection

    # The sync API also marks an asyncio loop as running in this thread, which makes Django
    # refuse ORM calls from the test ("You cannot call this from an async context"): they are
    # plain synchronous calls here, made between browser steps.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            same_connections()
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            yield chromium
            chromium.close()
    finally:
        same_connections()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def axe_script():
    """axe-core from npm (package.json); skipped, or failed under REQUIRE_BROWSER=1, without."""
    if not AXE_JS.is_file():
        if browser_required():
            pytest.fail(REQUIRED.format(NO_AXE), pytrace=False)
        pytest.skip(SKIPPING_AXE.format(NO_AXE))
    return AXE_JS


@pytest.fixture(scope="package")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started once the test database exists: on SQLite the server
    thread must be handed the connection to the in-memory test database, not to db.sqlite3."""
    return live_server


# Media and the demo data ------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser_media(tmp_path_factory):
    """One media folder for the package: the demo's images are written once and served to every
    test (tests/conftest.py gives each test a folder of its own)."""
    from django.test import override_settings

    media = tmp_path_factory.mktemp("browser-media")
    with override_settings(MEDIA_ROOT=str(media)):
        yield media


@pytest.fixture(autouse=True)
def _media_and_cache(browser_media):
    """Replaces tests/conftest.py's fixture of the same name: the package's media folder, and
    an empty cache (sessions, rate limits) for every test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="package")
def demo_snapshot(django_db_setup, django_db_blocker, browser_media):
    """Load the demo once and make it what every serialized_rollback test starts from."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    with django_db_blocker.unblock():
        original = getattr(connection, "_test_serialized_contents", None)
        if original is not None and not Page.objects.filter(depth=2).exists():
            # A transactional test that ran before emptied the database.
            connection.creation.deserialize_db_from_string(original)
        call_command("load_par_demo", stdout=io.StringIO())
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        # The first test restores the snapshot like every other one: start from empty.
        _flush()
    yield
    with django_db_blocker.unblock():
        _flush()
        if original is None:
            del connection._test_serialized_contents
        else:
            connection._test_serialized_contents = original
            connection.creation.deserialize_db_from_string(original)


def _flush():
    from django.core.management import call_command

    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True
    )


# Pages --------------------------------------------------------------------------------------------


def _serve_media(root: Path, route):
    """/media/ as the web server in front of the site serves it in production (the live server
    serves static files only)."""
    path = unquote(urlsplit(route.request.url).path).removeprefix("/media/")
    file = (root / path).resolve()
    if root.resolve() in file.parents and file.is_file():
        route.fulfill(path=file)
    else:
        route.fulfill(status=404, body="Not found")


@pytest.fixture
def new_context(request, browser, live_server, browser_media):
    """Make a browser context (a fresh profile: no cookies) on the live server."""
    contexts = []

    def make(*, viewport=None, bypass_csp=False, **options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport or DESKTOP,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            accept_downloads=True,
            bypass_csp=bypass_csp,
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route(
            f"{live_server.url}/media/**", lambda route: _serve_media(browser_media, route)
        )
        contexts.append(context)
        return context

    yield make
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                with contextlib.suppress(Exception):  # a failure artifact, best effort
                    page.screenshot(path=ARTIFACTS / f"{name}-{n}-{m}.png", full_page=True)
    for context in contexts:
        context.close()


class PageErrors(list):
    """Uncaught script errors and Content Security Policy refusals seen on a page."""

    def watch(self, page):
        page.on("pageerror", lambda error: self.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                self.append(f"{page.url}: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        return page


@pytest.fixture
def page_errors():
    return PageErrors()


@pytest.fixture
def page(new_context, page_errors):
    """A desktop-size page in a fresh context, watched for script errors."""
    return page_errors.watch(new_context().new_page())


def sign_in(page, username, *, next_url="/"):
    """Sign in on the site's own login page, as a person would."""
    page.goto(f"/accounts/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def admin_sign_in(page, username, *, next_url="/admin/"):
    """Sign in on the Wagtail admin's login page."""
    page.goto(f"/admin/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def axe_violations(page, script, *, context=None, impacts=("serious", "critical")):
    """Run axe-core on the page (or ``context``: axe's include/exclude object) and return its
    violations of the given impacts."""
    page.add_script_tag(path=str(script))
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, {"resultTypes": ["violations"]}],
    )
    return [v for v in result["violations"] if v["impact"] in impacts]


def describe_violations(where, violations) -> str:
    lines = [f"{where}: {len(violations)} vi phạm nghiêm trọng (axe-core)"]
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(f"  - {violation['id']} [{violation['impact']}] {violation['help']}")
        lines.extend(f"      {target}" for target in targets[:10])
        if len(targets) > 10:
            lines.append(f"      … và {len(targets) - 10} chỗ khác")
    return "\n".join(lines)
