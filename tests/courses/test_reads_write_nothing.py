"""No write on a GET unless something changed.

On SQLite every write takes the one write lock of the file: a page that writes each time it is
read makes forty trainees reading lessons queue behind each other (issue 10, point 1). The
first visit may write (enrolment, first view, the session's last-seen time); reading the same
page again within the minute must write nothing and open no transaction at all.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from courses import services
from courses.models import CourseTrainer
from home.models import HomePage
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    lesson_body,
)
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes_and_transactions(queries):
    """Statements that write, and transactions opened (a savepoint inside the test's own
    transaction; BEGIN IMMEDIATE on a real SQLite server takes the write lock)."""
    found = []
    for query in queries.captured_queries:
        sql = query["sql"].lstrip().upper()
        if sql.startswith(WRITES) or sql.startswith("SAVEPOINT"):
            found.append(query["sql"])
    return found


@pytest.fixture
def course_tree():
    """A course with a cover and a trainer's photo, a module with a lesson (figure and slide
    deck), a second lesson and a quiz: every image kind a public page shows."""
    course = CoursePageFactory(cover_image=ImageFactory(), cover_alt_text="Hội nghị tập huấn")
    CourseTrainer.objects.create(course=course, trainer=TrainerFactory(photo=ImageFactory()))
    module = ModulePageFactory(parent=course)
    slides = [ImageFactory() for _ in range(3)]
    lesson = LessonPageFactory(
        parent=module, body=lesson_body(slides=slides, figures=[ImageFactory()])
    )
    other = LessonPageFactory(parent=module)
    quiz = QuizPageFactory(parent=module)
    return course, module, lesson, other, quiz


@pytest.fixture
def trainee_client(client, course_tree):
    course, _module, lesson, other, _quiz = course_tree
    trainee = UserFactory(full_name="Trần Thị Bình")
    services.lesson_complete(user=trainee, lesson=other, course=course)
    services.lesson_record_slide(user=trainee, lesson=lesson, course=course, slide=2)
    client.force_login(trainee)
    return client


def page_urls(course_tree):
    course, module, lesson, _other, quiz = course_tree
    return {
        "home": HomePage.objects.get(depth=2).url,
        "course index": course.get_parent().url,
        "course": course.url,
        "module": module.url,
        "lesson": lesson.url,
        "quiz": quiz.url,
        "dashboard": reverse("dashboard"),
        "transcript": reverse("transcript"),
        "tags": reverse("tag_index"),
        # Not the search results: each search counts towards the rate limit (home.ratelimit),
        # a real change where the limiter keeps its counts in the database.
        "search form": reverse("search"),
    }


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "course index",
        "course",
        "module",
        "lesson",
        "quiz",
        "dashboard",
        "transcript",
        "tags",
        "search form",
    ],
)
def test_reading_a_page_again_within_the_minute_writes_nothing(trainee_client, course_tree, name):
    url = page_urls(course_tree)[name]
    first = trainee_client.get(url)
    assert first.status_code == 200, (name, url)

    with CaptureQueriesContext(connection) as queries:
        again = trainee_client.get(url)

    assert again.status_code == 200
    assert writes_and_transactions(queries) == [], f"{name} ({url}) wrote on a re-read"


def test_paging_through_the_site_writes_only_what_changed(trainee_client, course_tree):
    """A whole round of the site's pages, then the same round again: the second round writes
    nothing, even though other pages were read in between."""
    urls = list(page_urls(course_tree).values())
    for url in urls:
        assert trainee_client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            assert trainee_client.get(url).status_code == 200

    assert writes_and_transactions(queries) == []


def test_anonymous_reading_writes_nothing(client, course_tree):
    Site.objects.get(is_default_site=True)  # the site settings row may be made on first read
    for url in page_urls(course_tree).values():
        client.get(url)

    with CaptureQueriesContext(connection) as queries:
        for name, url in page_urls(course_tree).items():
            if name not in {"dashboard", "transcript"}:
                assert client.get(url).status_code == 200, name

    assert writes_and_transactions(queries) == []
