"""Site search over courses and lessons; odd input gets an answer, never a 500."""

import pytest
from django.utils.html import strip_tags

from home.views import SEARCH_MAX_LENGTH
from tests.courses.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons():
    return [
        LessonPageFactory(title="Chỉ số cải cách hành chính cấp tỉnh", summary="PAR Index"),
        LessonPageFactory(title="Xây dựng báo cáo định kỳ", summary="Báo cáo quý, sáu tháng"),
    ]


def test_search_finds_a_lesson_by_a_word_of_its_title(client, lessons):
    response = client.get("/search/", {"q": "báo cáo"})
    assert response.status_code == 200
    html = strip_tags(response.content.decode())
    assert "Xây dựng báo cáo định kỳ" in html
    assert "Chỉ số cải cách hành chính cấp tỉnh" not in html


def test_search_without_a_query_shows_the_form(client):
    response = client.get("/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_search_finds_nothing_and_says_so(client, lessons):
    response = client.get("/search/", {"q": "khôngcótừnày"})
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 0


def test_unpublished_lessons_are_not_found(client):
    lesson = LessonPageFactory(title="Bài nháp về thủ tục hành chính")
    lesson.unpublish()
    response = client.get("/search/", {"q": "thủ tục"})
    assert "Bài nháp" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "((",
        "AND OR NOT",
        "*",
        "%",
        "'; DROP TABLE x; --",
        "\x01\x1f",
        "<script>",
        "a" * 5,
        "báo -cáo",
        "NEAR(",
        "\\",
        "😀",
        "&page=abc",
    ],
)
def test_odd_characters_never_break_search(client, lessons, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_a_nul_in_the_query_gets_the_400_page(client, lessons):
    """PostgreSQL cannot hold NUL: the request guard answers before the search runs."""
    response = client.get("/search/", {"q": "báo\x00cáo"})
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_an_overlong_query_gets_a_clear_vietnamese_message(client):
    response = client.get("/search/", {"q": "x" * (SEARCH_MAX_LENGTH + 1)})
    assert response.status_code == 400
    assert "Từ khóa quá dài" in response.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, lessons):
    response = client.get("/search/", {"q": "báo cáo", "page": "99"})
    assert response.status_code == 200
    assert response.context["results"].number == 1
