"""The search page around its results: where each result sits (course › module), its kind, a
highlighted excerpt, narrowing by course and tag, suggestions when nothing is found, and a
search-box example that finds something in the demo course."""

import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from courses import structure
from courses.models import CoursePage
from demo import content
from home import search_results
from home.search_results import excerpt, fold, highlight
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    slide_deck,
)

pytestmark = pytest.mark.django_db


def _lesson(title, *, module=None, summary="", body=None, **kwargs):
    if module is not None:
        kwargs["parent"] = module
    if body is not None:
        kwargs["body"] = body
    return LessonPageFactory(title=title, summary=summary, **kwargs)


def _main(response):
    return response.content.decode().split("<main", 1)[-1]


# --- folding and highlighting (no database) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đường", "duong"),
        ("KẾ HOẠCH", "ke hoach"),
        ("Nghị quyết 30c", "nghi quyet 30c"),
        ("dịch vụ công", "dich vu cong"),
        ("Ứng dụng", "ung dung"),
    ],
)
def test_fold_lowers_and_drops_every_vietnamese_mark(text, folded):
    assert fold(text) == folded


def test_a_query_without_marks_highlights_the_words_written_with_them():
    assert str(highlight("Đường lối đổi mới", ["duong", "doi"])) == (
        "<mark>Đường</mark> lối <mark>đổi</mark> mới"
    )


def test_the_excerpt_escapes_the_text_and_marks_only_the_matches():
    text = "Mẫu <script>alert(1)</script> " + "lời dẫn " * 30 + "về kế hoạch cải cách " + "x " * 200
    html = str(excerpt(text, ["kế", "hoạch"]))
    assert "<script>" not in html
    assert "<mark>kế</mark> <mark>hoạch</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(strip_tags(html)) <= search_results.EXCERPT_LENGTH + 4


def test_home_knows_the_depth_of_a_course_as_courses_does():
    assert search_results.COURSE_DEPTH == structure.COURSE_DEPTH


# --- what a result shows ----------------------------------------------------------------


def test_a_result_shows_its_kind_course_module_and_highlighted_excerpt(client):
    course = CoursePageFactory(title="Khóa học cải cách hành chính 2017")
    module = ModulePageFactory(parent=course, title="Chuyên đề kiểm soát thủ tục")
    _lesson("Bài mở đầu", module=module, summary="Xây dựng kế hoạch rà soát thủ tục hằng năm.")
    html = _main(client.get("/search/", {"q": "kế hoạch"}))
    assert '<p class="result__type">Bài học</p>' in html
    assert 'Khóa học cải cách hành chính 2017 <span aria-hidden="true">›</span> Chuyên đề' in html
    assert "Xây dựng <mark>kế</mark> <mark>hoạch</mark> rà soát" in html


def test_a_query_typed_without_marks_finds_and_marks_the_words_with_them(client):
    _lesson("Bài mở đầu", summary="Lập Kế hoạch cải cách hành chính năm 2017.")
    html = _main(client.get("/search/", {"q": "ke hoach"}))
    assert "Lập <mark>Kế</mark> <mark>hoạch</mark> cải cách" in html


def test_the_excerpt_comes_from_the_slide_text_when_the_match_is_there(client):
    images = [ImageFactory(), ImageFactory()]
    deck = slide_deck(images)
    deck["value"]["slides"][1]["text"] = "<p>Quy trình tiếp nhận hồ sơ tại bộ phận một cửa.</p>"
    _lesson("Bài có trang chiếu", body=json.dumps([deck], ensure_ascii=False))
    html = _main(client.get("/search/", {"q": "tiếp nhận hồ sơ"}))
    assert "<mark>tiếp</mark> <mark>nhận</mark> <mark>hồ</mark> <mark>sơ</mark>" in html
    assert "<p>Quy trình" not in html  # the slide's markup is text, not HTML, in the excerpt


def test_a_module_and_a_course_are_labelled_as_such(client):
    course = CoursePageFactory(title="Khóa học về văn thư lưu trữ")
    ModulePageFactory(parent=course, title="Chuyên đề văn thư lưu trữ")
    html = _main(client.get("/search/", {"q": "lưu trữ"}))
    assert '<p class="result__type">Khóa học</p>' in html
    assert '<p class="result__type">Chuyên đề</p>' in html


def test_user_text_in_a_result_is_escaped(client):
    _lesson("Báo cáo <b>quý</b>", summary="Báo cáo <img src=x onerror=alert(1)>")
    html = _main(client.get("/search/", {"q": "báo cáo"}))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x" in html


def test_the_query_count_is_the_same_for_three_and_ten_results(client):
    module = ModulePageFactory()
    for n in range(10):
        _lesson(f"Thủ tục hành chính {n}", module=module)

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": query})
        return len(response.context["described"]), len(captured)

    for n in range(3):
        _lesson(f"Thống kê số liệu {n}", module=ModulePageFactory())
    client.get("/search/", {"q": "thủ tục"})  # the site's and content types' caches filled
    few, few_queries = queries("thống kê")
    many, many_queries = queries("thủ tục")
    assert (few, many) == (3, 10)
    assert few_queries == many_queries


# --- narrowing by course and tag --------------------------------------------------------


@pytest.fixture
def two_courses():
    first = CoursePageFactory(title="Khóa học thứ nhất")
    second = CoursePageFactory(title="Khóa học thứ hai")
    lesson = _lesson("Báo cáo định kỳ", module=ModulePageFactory(parent=first))
    other = _lesson("Báo cáo đột xuất", module=ModulePageFactory(parent=second))
    lesson.tags.add("Một cửa")
    lesson.save()
    return first, second, lesson, other


def test_narrowing_by_course_keeps_only_its_pages_and_shows_a_removable_chip(client, two_courses):
    first, _second, _lesson_page, _other = two_courses
    response = client.get("/search/", {"q": "báo cáo", "course": first.pk})
    html = strip_tags(_main(response))
    assert "Báo cáo định kỳ" in html and "Báo cáo đột xuất" not in html
    assert "Khóa học: Khóa học thứ nhất" in html
    assert 'href="?q=b%C3%A1o+c%C3%A1o" aria-label="Bỏ lọc theo khóa học"' in _main(response)
    assert f'<option value="{first.pk}" selected>' in _main(response)


def test_narrowing_by_tag_keeps_only_the_tagged_pages(client, two_courses):
    response = client.get("/search/", {"q": "báo cáo", "tag": "một-cửa"})
    html = strip_tags(_main(response))
    assert "Báo cáo định kỳ" in html and "Báo cáo đột xuất" not in html
    assert "Thẻ: Một cửa" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"course": "abc"}, "Không có khóa học đã chọn"),
        ({"course": "999999"}, "Không có khóa học đã chọn"),
        ({"course": "1"}, "Không có khóa học đã chọn"),  # the tree root: not a course
        ({"tag": "khong-co"}, "Không có thẻ đã chọn"),
        ({"tag": "<script>"}, "Không có thẻ đã chọn"),
    ],
)
def test_an_unknown_filter_is_ignored_with_a_message(client, two_courses, params, message):
    response = client.get("/search/", {"q": "báo cáo", **params})
    assert response.status_code == 200
    html = strip_tags(_main(response))
    assert message in html
    assert "Báo cáo định kỳ" in html and "Báo cáo đột xuất" in html


def test_a_draft_course_is_not_offered(client, two_courses):
    _first, second, _lesson_page, _other = two_courses
    second.unpublish()
    response = client.get("/search/", {"q": "báo cáo"})
    assert [c.pk for c in response.context["courses"]] == [two_courses[0].pk]


def test_pagination_keeps_the_filters(client):
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    for n in range(12):
        _lesson(f"Thủ tục số {n}", module=module)
    response = client.get("/search/", {"q": "thủ tục", "course": course.pk})
    assert f'href="?q=th%E1%BB%A7+t%E1%BB%A5c&amp;course={course.pk}&amp;page=2"' in _main(response)


# --- nothing found ----------------------------------------------------------------------


def test_an_empty_result_suggests_the_query_without_marks_and_a_broader_one(client, two_courses):
    first = two_courses[0]
    response = client.get("/search/", {"q": "kế hoạch zzz", "course": first.pk})
    html = _main(response)
    assert "Tìm “ke hoach zzz”" in html
    assert "Tìm “kế hoạch”" in html
    assert f"course={first.pk}" in html
    assert "Bỏ lọc theo khóa học" in html
    assert "dùng từ khác có cùng nghĩa" in html  # the tips stay


def test_a_query_without_marks_gets_no_suggestion_to_drop_them(client):
    html = _main(client.get("/search/", {"q": "zzzz"}))
    assert "Không tìm thấy kết quả nào" in html
    assert "Có thể bạn muốn" not in html


# --- the search box's own example -------------------------------------------------------


def _hint_examples():
    hint = strip_tags(render_to_string("home/includes/search_form.html"))
    examples = re.search(r"ví dụ: (.+?)\.\s", hint + " ").group(1)
    return [example.strip() for example in examples.split(",")]


def test_the_search_box_example_finds_pages_of_the_demo_course(client):
    call_command("load_par_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    course = CoursePage.objects.get(slug=content.COURSE["slug"])
    examples = _hint_examples()
    assert examples
    for example in examples:
        response = client.get("/search/", {"q": example})
        found = [result.page for result in response.context["described"]]
        assert any(page.path.startswith(course.path) for page in found), example


def test_document_titles_are_listed_beside_the_first_page_of_results(client, two_courses):
    """A decision looked up by its number: its document is offered, however the number is
    typed; not on later pages, not when the results are narrowed to a course."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    first, *_ = two_courses
    document = get_document_model().objects.create(
        title="Quyết định 2948/QĐ-BNV về báo cáo", file=ContentFile(b"%PDF-1.4", name="qd.pdf")
    )
    for query in ("qd 2948", "2948/QĐ-BNV", "bao cao"):
        html = _main(client.get("/search/", {"q": query}))
        assert "Văn bản, tài liệu" in html, query
        assert f'href="{document.url}"' in html and "(PDF)" in html, query
    narrowed = _main(client.get("/search/", {"q": "bao cao", "course": first.pk}))
    assert f'href="{document.url}"' not in narrowed
