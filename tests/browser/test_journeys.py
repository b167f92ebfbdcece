"""What trainees, trainers and HR officers do on PAR Learn, in a real browser (Chromium), on the
demo course: each test starts from the freshly loaded demo (see conftest.py)."""

import io
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

try:
    from playwright.sync_api import expect
except ImportError:  # no Playwright: conftest.py skips every test here, or fails them in CI
    expect = None

from tests.reports.test_exports import COMPLETION_HEADINGS

from .conftest import (
    DESKTOP,
    PHONE,
    ROOT,
    admin_sign_in,
    axe_violations,
    describe_violations,
    sign_in,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_snapshot"),
]

COURSE_URL = "/khoa-hoc/tap-huan-cchc-2017/"
COMPLETION_REPORT_URL = "/admin/reports/ket-qua-hoc-tap/"


# The demo, as the test process sees it ---------------------------------------------------------


def demo_course():
    from courses.models import CoursePage

    return CoursePage.objects.get(slug="tap-huan-cchc-2017")


def demo_modules(course):
    from courses.models import ModulePage

    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def module_lessons(module):
    from courses.models import LessonPage

    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def module_quiz(module):
    from quizzes.models import QuizPage

    return QuizPage.objects.child_of(module).live().get()


def user(username):
    from learners.models import User

    return User.objects.get(username=username)


def right_answers(attempt):
    """The answer key of an attempt, from its own snapshot (never from the page)."""
    return {
        question["key"]: [choice["key"] for choice in question["choices"] if choice["correct"]]
        for question in attempt.questions
    }


def complete_module(person, module, course):
    """Every lesson done and the quiz passed, through the services the site itself uses."""
    from courses import services
    from quizzes import services as quiz_services

    for lesson in module_lessons(module):
        services.lesson_complete(user=person, lesson=lesson, course=course)
    attempt = quiz_services.attempt_start(user=person, quiz=module_quiz(module))
    quiz_services.attempt_submit(attempt=attempt, answers=right_answers(attempt))


def hocvien_one_module_to_go(*, slide=3):
    """hocvien (module 1 done, module 2 begun in the demo) with modules 1, 2 and 4 complete and
    module 3 the only one left, stopped on a slide of its first lesson (the one with the deck).
    Returns (person, course, module 3, its deck lesson)."""
    from courses import services
    from courses.models import LessonProgress

    person, course = user("hocvien"), demo_course()
    modules = demo_modules(course)
    for module in (modules[1], modules[3]):
        complete_module(person, module, course)
    module = modules[2]
    deck_lesson = module_lessons(module)[0]
    assert deck_lesson.slides, "the demo puts a slide deck in each module's first lesson"
    services.lesson_record_slide(user=person, lesson=deck_lesson, course=course, slide=slide)
    # Where "Tiếp tục học" goes is the lesson viewed last: make that unambiguous.
    LessonProgress.objects.filter(user=person).exclude(lesson=deck_lesson).update(
        last_viewed_at=timezone.now() - timezone.timedelta(days=1)
    )
    return person, course, module, deck_lesson


def open_dashboard(page):
    """ "Góc học tập" in the site's header."""
    page.locator("header").get_by_role("link", name="Góc học tập", exact=True).click()


def deck_counter(page):
    return page.locator("[data-slide-deck] [data-deck-counter]")


def mark_lesson_done(page):
    page.get_by_role("button", name="Đánh dấu đã học xong").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận hoàn thành bài học.")
    expect(page.locator("#lesson-complete")).to_contain_text("Bạn đã học xong bài này")


def answer_correctly(page, attempt):
    """Pick the right choices of every question, as the answer key of the attempt says, by
    clicking their labels (the whole choice box is the label's target); return once the
    page's autosave has sent all of them."""
    keys = [key for keys in right_answers(attempt).values() for key in keys]

    def saves_every_answer(response):
        body = response.request.post_data or ""
        return "/luu/" in response.url and all(f"\r\n\r\n{key}\r\n" in body for key in keys)

    with page.expect_response(saves_every_answer) as saved:
        for key in keys:
            page.locator(f"label[for=choice-{key}]").click()
            expect(page.locator(f"#choice-{key}")).to_be_checked()
    assert saved.value.ok, saved.value.status


# 1. Trainee ------------------------------------------------------------------------------------


def test_trainee_resumes_finishes_the_course_and_downloads_the_certificate(page, page_errors):
    from courses.models import Certificate, Enrolment, LessonProgress
    from quizzes.models import Attempt

    person, course, module, deck_lesson = hocvien_one_module_to_go(slide=3)
    total_slides = len(deck_lesson.slides)

    # Sign in, open Góc học tập from the header, "Tiếp tục học".
    sign_in(page, "hocvien")
    open_dashboard(page)
    expect(page).to_have_url(re.compile(r"/hoc-tap/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Góc học tập")
    page.get_by_role("link", name=re.compile(r"^Tiếp tục học")).click()

    # The exact lesson and slide.
    expect(page).to_have_url(re.compile(re.escape(deck_lesson.url) + r"#slide-3$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(deck_lesson.title)
    counter = deck_counter(page)
    expect(counter).to_have_text(f"Trang 3/{total_slides}")
    expect(page.locator("#slide-3")).to_be_visible()
    expect(page.locator("#slide-2")).to_be_hidden()

    # Page through the deck with the keyboard; the slide reached is saved on the server.
    page.locator("[data-slide-deck]").focus()
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text(f"Trang 4/{total_slides}")
    expect(page).to_have_url(re.compile(r"#slide-4$"))
    expect(page.locator("#slide-4")).to_be_visible()
    expect(page.locator("#slide-3")).to_be_hidden()
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text(f"Trang 3/{total_slides}")
    with page.expect_response(lambda r: "/trang-chieu/" in r.url) as sent:
        page.keyboard.press("ArrowRight")
        expect(counter).to_have_text(f"Trang 4/{total_slides}")
    assert sent.value.ok and sent.value.json() == {"slide": 4, "completed": False}
    assert LessonProgress.objects.get(user=person, lesson=deck_lesson).last_slide == 4

    # "Đánh dấu đã học xong", then the rest of the module's lessons, one after the other.
    mark_lesson_done(page)
    for lesson in module_lessons(module)[1:]:
        page.locator("a[rel=next]").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        mark_lesson_done(page)
    assert LessonProgress.objects.filter(
        user=person, lesson__in=module_lessons(module), completed_at__isnull=False
    ).count() == len(module_lessons(module))

    # The module's quiz comes next: start it and answer every question right.
    quiz = module_quiz(module)
    page.locator("a[rel=next]").click()
    expect(page).to_have_url(re.compile(re.escape(quiz.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(quiz.title)
    page.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(page).to_have_url(re.compile(r"/luot/\d+/$"))
    number = int(re.search(r"/luot/(\d+)/$", page.url).group(1))
    attempt = Attempt.objects.get(user=person, quiz=quiz, number=number)
    answer_correctly(page, attempt)
    expect(page.locator("[data-answered]")).to_have_text(
        f"Đã trả lời {len(attempt.questions)}/{len(attempt.questions)} câu"
    )
    expect(page.locator("[data-save-status]")).to_contain_text("Đã lưu lúc")
    page.get_by_role("button", name="Nộp bài").click()

    expect(page).to_have_url(re.compile(rf"/luot/{number}/ket-qua/$"))
    expect(page.locator(".quiz-result__verdict")).to_contain_text("Đạt")
    expect(page.locator(".quiz-result__score")).to_contain_text("100")
    attempt.refresh_from_db()
    assert attempt.passed is True

    # The course is complete: Góc học tập lists it with its certificate.
    assert Enrolment.objects.get(user=person, course=course).completed_at is not None
    certificate = Certificate.objects.get(user=person, course=course, revoked_at__isnull=True)
    open_dashboard(page)
    completed = page.locator("section[aria-labelledby=completed-title]")
    expect(completed).to_contain_text(course.title)
    expect(completed).to_contain_text("Đã hoàn thành")
    with page.expect_download() as download_info:
        completed.get_by_role("link", name=re.compile(r"^Tải giấy chứng nhận")).click()
    download = download_info.value
    assert download.suggested_filename == f"giay-chung-nhan-{certificate.number}.pdf"
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF"), pdf[:20]

    # Anyone can check the code printed on it.
    page.goto(f"/xac-thuc/{certificate.code}/")
    expect(page.locator("main")).to_contain_text("Giấy chứng nhận hợp lệ.")
    expect(page.locator("main")).to_contain_text(person.full_name)
    assert not page_errors, page_errors


# 2. Trainer ------------------------------------------------------------------------------------


def test_trainer_edits_a_lesson_title_and_publishes_it(page, new_context, page_errors):
    lesson = module_lessons(demo_modules(demo_course())[1])[1]
    new_title = "Nội dung và cấu trúc kế hoạch CCHC (bản cập nhật)"

    admin_sign_in(page, "giangvien")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    title = page.locator("#id_title")
    expect(title).to_have_value(lesson.title)
    title.fill(new_title)
    # "Publish" sits in the footer's action menu, under "Save draft".
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(lambda url: f"/admin/pages/{lesson.pk}/edit/" not in url)
    expect(page.locator(".messages")).to_contain_text(new_title)

    lesson.refresh_from_db()
    assert lesson.title == new_title
    assert lesson.live and not lesson.has_unpublished_changes

    # The public page, for a visitor who is not signed in.
    visitor = page_errors.watch(new_context().new_page())
    visitor.goto(lesson.url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(new_title)
    expect(visitor).to_have_title(re.compile(re.escape(new_title)))
    # The module page lists it under its new title.
    visitor.goto(lesson.get_parent().url)
    expect(visitor.locator("main")).to_contain_text(new_title)
    assert not page_errors, page_errors


def test_trainer_turns_a_lecture_pdf_into_slides_and_publishes_them(
    page, new_context, page_errors, tmp_path
):
    from tests.courses.test_slide_import import lecture_pdf

    lesson = module_lessons(demo_modules(demo_course())[3])[-1]
    pdf = tmp_path / "chi-so-cchc.pdf"
    pdf.write_bytes(lecture_pdf())

    admin_sign_in(page, "giangvien")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    # "Nhập bài trình chiếu từ PDF" is among the page's actions in the editor's header.
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.get_by_role("link", name="Nhập bài trình chiếu từ PDF").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nhập bài trình chiếu từ PDF")
    page.get_by_label("Tên bài trình chiếu").fill("Chỉ số CCHC: tóm tắt")
    page.get_by_label("Tệp PDF").set_input_files(pdf)
    page.get_by_role("button", name="Nhập bài trình chiếu").click()
    # The status page; the suite's immediate task backend has already rendered the deck (with
    # make run's worker it counts the pages first: tests/browser/test_whole_site.py).
    page.wait_for_url(re.compile(rf"/admin/lessons/{lesson.pk}/import-slides/\d+/$"))
    expect(page.locator("h2[role=status]")).to_have_text("Đã xong")
    expect(page.locator("main")).to_contain_text("gồm 3 trang chiếu")
    page.get_by_role("link", name="Sửa bài học").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{lesson.pk}/edit/$"))

    # A draft: publish it from the footer's action menu.
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(lambda url: f"/admin/pages/{lesson.pk}/edit/" not in url)

    visitor = page_errors.watch(new_context().new_page())
    visitor.goto(lesson.url)
    deck = visitor.locator("[data-slide-deck]").last
    expect(deck).to_contain_text("Tổng quan về cải cách hành chính")
    expect(deck.locator("img[alt='Kết quả giai đoạn 2011–2015']")).to_have_count(1)
    assert not page_errors, page_errors


# 3. HR officer ---------------------------------------------------------------------------------


def open_filter(page, name):
    """Open the report's filter menu and the drill-down of one filter."""
    drilldown = page.locator("#filters-drilldown")
    if drilldown.locator(f"#drilldown-id_{name}").is_hidden():
        if not drilldown.locator(f"[aria-controls=drilldown-id_{name}]").is_visible():
            drilldown.locator("[data-w-dropdown-target=toggle]").first.click()
        drilldown.locator(f"[aria-controls=drilldown-id_{name}]").click()
    return page.locator(f"#id_{name}")


def test_hr_officer_filters_the_completion_report_and_exports_xlsx(page):
    from courses.models import Enrolment

    admin_sign_in(page, "nhansu")
    # The report from the admin's Reports menu.
    page.locator("nav").get_by_role("button", name=re.compile("Reports|Báo cáo")).click()
    page.get_by_role("link", name="Kết quả học tập theo người").click()
    expect(page).to_have_url(re.compile(re.escape(COMPLETION_REPORT_URL) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kết quả học tập theo người")
    everyone = int(page.locator("[data-total=people]").inner_text())
    assert everyone > 0

    # Filter by status "Đã hoàn thành": the listing is swapped in place and the address follows.
    status = open_filter(page, "status")
    with page.expect_response(lambda r: "/ket-qua-hoc-tap/results/" in r.url):
        status.select_option("completed")
    expect(page).to_have_url(re.compile(r"status=completed"))
    results = page.locator("#listing-results")
    completed_count = Enrolment.objects.filter(completed_at__isnull=False).count()
    assert 0 < completed_count < everyone
    expect(results.locator("[data-total=completed]")).to_have_text(str(completed_count))
    rows = results.locator("table tbody tr")
    expect(rows).to_have_count(completed_count)
    for n in range(completed_count):
        expect(rows.nth(n)).to_contain_text(re.compile("Đã hoàn thành", re.IGNORECASE))

    # "Xuất tệp Excel" under the table exports what the filter shows.
    export = results.get_by_role("link", name="Xuất tệp Excel")
    expect(export).to_have_attribute("href", re.compile(r"status=completed"))
    with page.expect_download() as download_info:
        export.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
    sheet = workbook.worksheets[0]
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0] == COMPLETION_HEADINGS
    assert len(table) - 1 == completed_count
    status_column = COMPLETION_HEADINGS.index("Trạng thái")
    assert {row[status_column] for row in table[1:]} == {"Đã hoàn thành"}
    assert all(row[COMPLETION_HEADINGS.index("Số giấy chứng nhận")] for row in table[1:])


# 4. Accessibility ------------------------------------------------------------------------------


def test_every_page_type_has_no_serious_accessibility_violation(new_context, axe_script):
    """axe-core on each kind of page: no violation of impact "serious" or "critical".

    The admin report is checked on its own content (the totals, the table, the export
    buttons: ``#listing-results``). Wagtail's own chrome around it (sidebar, header, filter
    menu) is Wagtail's, not this project's: its violations, if any, are printed, not failed."""
    from taggit.models import Tag

    from quizzes import services as quiz_services

    course = demo_course()
    module = demo_modules(course)[2]
    lesson = module_lessons(module)[0]
    quiz = module_quiz(module)
    tag = Tag.objects.get(name="Chỉ số CCHC")
    public = {
        "trang chủ": "/",
        "khóa học": course.url,
        "chuyên đề": module.url,
        "bài học (có bài trình chiếu)": lesson.url,
        "bài kiểm tra (giới thiệu)": quiz.url,
        "kết quả tìm kiếm": "/search/?q=c%E1%BA%A3i+c%C3%A1ch",
        "chủ đề": f"/tags/{tag.slug}/",
        "danh sách chủ đề": "/tags/",
        "đăng nhập": "/accounts/login/",
        "trang không tồn tại (404)": "/khong-co-trang-nay/",
    }
    failures, notes = [], []

    def check(page, where, **options):
        violations = axe_violations(page, axe_script, **options)
        if violations:
            failures.append(describe_violations(where, violations))

    anonymous = new_context(bypass_csp=True).new_page()
    for where, url in public.items():
        response = anonymous.goto(url)
        assert response.status == (404 if "404" in where else 200), (where, response.status)
        expect(anonymous.locator("h1")).to_have_count(1)
        if url.startswith("/search/"):
            expect(anonymous.locator("ol.results li.result").first).to_be_visible()
        check(anonymous, f"{where} {url}")

    trainee = new_context(bypass_csp=True).new_page()
    sign_in(trainee, "hocvien")
    signed_in = {
        "trang chủ (đã đăng nhập)": "/",
        "khóa học (đã đăng nhập)": course.url,
        "bài học (đã đăng nhập)": lesson.url + "#slide-2",
        "góc học tập": "/hoc-tap/",
        "kết quả học tập": "/hoc-tap/ket-qua/",
    }
    for where, url in signed_in.items():
        trainee.goto(url)
        check(trainee, f"{where} {url}")
    trainee.goto(quiz.url)
    trainee.get_by_role("button", name="Bắt đầu làm bài").click()
    expect(trainee).to_have_url(re.compile(r"/luot/\d+/$"))
    check(trainee, f"lượt làm bài {trainee.url}")
    attempt = quiz_services.attempt_start(user=user("hocvien"), quiz=quiz)  # the open one
    quiz_services.attempt_submit(attempt=attempt, answers=right_answers(attempt))
    trainee.goto(trainee.url + "ket-qua/")
    expect(trainee.locator(".quiz-result__verdict")).to_contain_text("Đạt")
    check(trainee, f"kết quả lượt làm bài {trainee.url}")

    officer = new_context(bypass_csp=True).new_page()
    admin_sign_in(officer, "nhansu", next_url=COMPLETION_REPORT_URL)
    expect(officer.locator("#listing-results table")).to_be_visible()
    check(officer, f"báo cáo {COMPLETION_REPORT_URL}", context={"include": [["#listing-results"]]})
    chrome = axe_violations(
        officer, axe_script, context={"include": [["body"]], "exclude": [["#listing-results"]]}
    )
    if chrome:
        notes.append(describe_violations("Wagtail (ngoài nội dung báo cáo, không tính)", chrome))
    if notes:
        print("\n".join(notes))  # shown with -s or on failure

    assert not failures, "\n\n".join(failures)


# 5. Screenshots ---------------------------------------------------------------------------------

SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.mark.screenshots
def test_screenshots_of_the_main_pages(new_context):
    """The README's screenshots, at desktop (1280×800) and phone (390×844) width.

    Written to docs/screenshots/ with UPDATE_SCREENSHOTS=1, otherwise to test-results/ (so that
    an ordinary run does not rewrite the committed images). On the phone, no public page may
    scroll sideways."""
    from PIL import Image

    from quizzes import services as quiz_services

    out = (
        SCREENSHOTS
        if os.environ.get("UPDATE_SCREENSHOTS") == "1"
        else (ROOT / "test-results" / "screenshots")
    )
    out.mkdir(parents=True, exist_ok=True)

    person, course, module, deck_lesson = hocvien_one_module_to_go(slide=2)
    quiz = module_quiz(module)
    done = quiz_services.attempt_start(user=person, quiz=quiz)
    answers = right_answers(done)
    first = next(iter(answers))
    answers[first] = []  # one unanswered question: a realistic result page
    done = quiz_services.attempt_submit(attempt=done, answers=answers)
    taking = quiz_services.attempt_start(user=person, quiz=quiz)
    results_url = f"{quiz.url}luot/{done.number}/ket-qua/"
    attempt_url = f"{quiz.url}luot/{taking.number}/"

    # Reduced motion: the site scrolls smoothly otherwise, and a picture could catch it halfway.
    trainee = new_context(reduced_motion="reduce").new_page()
    sign_in(trainee, "hocvien")
    officer = new_context(reduced_motion="reduce").new_page()
    admin_sign_in(officer, "nhansu")
    shots = [
        ("home", "/", trainee),
        ("course", course.url, trainee),
        ("lesson", deck_lesson.url + "#slide-2", trainee),
        ("quiz-attempt", attempt_url, trainee),
        ("quiz-results", results_url, trainee),
        ("dashboard", "/hoc-tap/", trainee),
        ("hr-report", COMPLETION_REPORT_URL, officer),
    ]
    overflowing = []
    for size_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for name, url, page in shots:
            page.set_viewport_size(viewport)
            page.goto(url)
            page.wait_for_load_state("networkidle")
            page.evaluate("document.fonts.ready")
            if name == "lesson":
                expect(deck_counter(page)).to_contain_text("Trang 2/")
                page.locator("#slide-2 img").evaluate(
                    "img => img.complete || new Promise(r => img.addEventListener('load', r))"
                )
                page.locator("[data-slide-deck]").evaluate("deck => deck.scrollIntoView()")
            width = page.evaluate("document.documentElement.scrollWidth")
            if size_name == "phone" and not url.startswith("/admin/") and width > viewport["width"]:
                overflowing.append(f"{name} ({url}): {width}px")
            path = out / f"{name}-{size_name}.png"
            page.screenshot(path=path, full_page=False, animations="disabled", caret="hide")
            # 256 colours: a fraction of the size, no visible loss on these flat pages.
            Image.open(path).convert("RGB").quantize(256, dither=Image.Dither.NONE).save(
                path, optimize=True
            )

    expected = {
        f"{name}-{size}.png" for name, _url, _page in shots for size in ("desktop", "phone")
    }
    assert expected <= {p.name for p in out.glob("*.png")}
    assert not overflowing, f"Trang bị tràn ngang trên điện thoại (390px): {overflowing}"
