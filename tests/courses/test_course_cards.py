"""The course cards on the home page and the course list show a signed-in person where they
stand in each course; anonymous visitors see the plain cards."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import Enrolment
from tests.courses.test_dashboard import build_course, signed_in
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def card_of(html, title):
    """The HTML of the card whose title is ``title``."""
    for card in re.findall(r'<article class="card">.*?</article>', html, re.S):
        if title in card:
            return card
    raise AssertionError(f"no card for {title}")


@pytest.fixture
def courses():
    studying, lessons = build_course(lessons=4, title="Xây dựng kế hoạch CCHC")
    finished, finished_lessons = build_course(lessons=1, title="Viết báo cáo CCHC")
    untouched, _ = build_course(title="Chỉ số CCHC cấp tỉnh")
    return {
        "studying": (studying, lessons),
        "finished": (finished, finished_lessons),
        "untouched": untouched,
    }


@pytest.mark.parametrize("url", ["/", "/khoa-hoc/"])
def test_cards_show_my_progress(url, courses):
    person = UserFactory()
    studying, lessons = courses["studying"]
    services.lesson_complete(user=person, lesson=lessons[0], course=studying)
    finished, finished_lessons = courses["finished"]
    services.lesson_complete(user=person, lesson=finished_lessons[0], course=finished)
    Enrolment.objects.filter(user=person, course=finished).update(
        completed_at=Enrolment.objects.get(user=person, course=finished).enrolled_at
    )

    response = signed_in(person).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    card = card_of(html, "Xây dựng kế hoạch CCHC")
    assert "Đã học xong 1/4 bài học" in card
    assert 'value="25"' in card
    assert "Đã hoàn thành" in card_of(html, "Viết báo cáo CCHC")
    assert "card__mine" not in card_of(html, "Chỉ số CCHC cấp tỉnh")


def test_an_assigned_course_not_begun_shows_its_due_date(client, courses):
    person = UserFactory()
    untouched = courses["untouched"]
    Enrolment.objects.create(user=person, course=untouched, due_date="2017-12-31")
    card = card_of(signed_in(person).get("/").content.decode(), "Chỉ số CCHC cấp tỉnh")
    assert "Chưa bắt đầu" in card
    assert "31/12/2017" in card


def test_anonymous_visitors_see_plain_cards_at_no_extra_cost(client, courses):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert "card__mine" not in html
    assert not any("courses_enrolment" in q["sql"] for q in queries.captured_queries)


def test_my_progress_costs_the_same_for_one_course_or_many(courses):
    person = UserFactory()
    for course in (courses["studying"][0], courses["finished"][0]):
        Enrolment.objects.create(user=person, course=course)
    client = signed_in(person)
    client.get("/")
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for _ in range(5):
        course, lessons = build_course(lessons=2)
        services.lesson_complete(user=person, lesson=lessons[0], course=course)
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)
