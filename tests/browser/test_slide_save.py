"""The slide viewer when the slide position cannot be saved (issue 10, point 1): it tries again,
tells the trainee in words a screen reader reads out, and saves once the server answers again."""

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # no Playwright: conftest.py skips every test here, or fails them in CI
    expect = None

from .conftest import sign_in
from .test_journeys import demo_course, demo_modules, module_lessons, user

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_snapshot"),
]

SLIDE_ENDPOINT = "**/trang-chieu/"
RETRY_TEXT = "Chưa lưu được vị trí trang chiếu. Kiểm tra kết nối mạng; trang sẽ tự thử lại."
SAVED_TEXT = "Đã lưu vị trí trang chiếu."
ERROR_TEXT = "Hãy đăng nhập để lưu tiến độ học tập."


def deck_lesson():
    lesson = module_lessons(demo_modules(demo_course())[2])[0]
    assert len(lesson.slides) >= 3, "the demo puts a slide deck in each module's first lesson"
    return lesson


class FlakyEndpoint:
    """The slide endpoint, failing (no answer, then 500) until ``recover()``."""

    def __init__(self):
        self.failing = True
        self.tries = 0
        self.saved = []

    def __call__(self, route):
        if not self.failing:
            self.saved.append(route.request.post_data)
            route.continue_()
            return
        self.tries += 1
        if self.tries == 1:
            route.abort("internetdisconnected")
        else:
            route.fulfill(status=500, content_type="text/html", body="<h1>Server Error</h1>")

    def recover(self):
        self.failing = False


def test_a_failed_slide_save_is_retried_announced_and_saved_when_the_server_recovers(
    page, page_errors
):
    from courses.models import LessonProgress

    person, lesson = user("hocvien"), deck_lesson()
    sign_in(page, "hocvien")
    endpoint = FlakyEndpoint()
    page.route(SLIDE_ENDPOINT, endpoint)
    page.goto(lesson.url)
    status = page.locator("[data-slide-deck] [data-deck-save-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")

    page.locator("[data-slide-deck]").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")

    # Three tries (a network error, then two 500s) before the trainee is told.
    expect(status).to_have_text(RETRY_TEXT, timeout=15_000)
    expect(status).to_be_visible()
    expect(status).to_have_class("deck__save-status is-error")
    assert endpoint.tries == 3
    progress = LessonProgress.objects.filter(user=person, lesson=lesson).first()
    assert progress is None or progress.last_slide != 3

    # The server is back: the next try (every 15 s, or at once when the browser comes back
    # online) saves the slide reached, and the message says so.
    endpoint.recover()
    expect(status).to_have_text(SAVED_TEXT, timeout=25_000)
    expect(status).not_to_have_class("deck__save-status is-error")
    assert endpoint.saved == ["slide=3"]
    assert LessonProgress.objects.get(user=person, lesson=lesson).last_slide == 3
    assert page_errors == []


def test_a_refused_slide_save_shows_the_server_message_and_is_not_repeated(
    page, new_context, page_errors
):
    """Signed out in another tab: the server refuses (401) with its own message; trying again
    would not help, so the viewer says why at once."""
    lesson = deck_lesson()
    sign_in(page, "hocvien")
    page.goto(lesson.url)
    page.context.clear_cookies(name="sessionid")  # the session is gone, the CSRF cookie stays
    requests = []
    page.on("request", lambda request: "/trang-chieu/" in request.url and requests.append(1))

    page.locator("[data-slide-deck]").focus()
    page.keyboard.press("ArrowRight")

    status = page.locator("[data-slide-deck] [data-deck-save-status]")
    expect(status).to_have_text(ERROR_TEXT)
    page.wait_for_timeout(2_500)
    assert len(requests) == 1
    assert page_errors == []
