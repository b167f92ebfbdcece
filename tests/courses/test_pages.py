"""Every page type renders; the lesson page costs a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    lesson_body,
)

pytestmark = pytest.mark.django_db

LESSON_QUERY_BUDGET = 12


def _course(modules, lessons_per_module, slides, *, figures=True):
    course = CoursePageFactory()
    images = [ImageFactory() for _ in range(slides)]
    pages = []
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        pages += [
            LessonPageFactory(
                parent=module,
                body=lesson_body(slides=images, figures=images[:1] if figures else []),
            )
            for _ in range(lessons_per_module)
        ]
    return course, pages


def test_every_page_type_renders(client):
    course, lessons = _course(modules=2, lessons_per_module=2, slides=2)
    course.course_trainers.create(trainer=TrainerFactory(photo=ImageFactory()))
    module = lessons[0].get_parent()
    for url in ["/", course.get_parent().url, course.url, module.url, lessons[0].url]:
        response = client.get(url)
        assert response.status_code == 200, url


def test_lesson_page_shows_breadcrumbs_and_neighbours(client):
    course, lessons = _course(modules=2, lessons_per_module=2, slides=1)
    response = client.get(lessons[1].url)
    context = response.context
    assert [p.title for p in context["breadcrumbs"]] == [
        "Khóa học",
        course.title,
        lessons[1].get_parent().title,
    ]
    assert context["previous_item"].page.pk == lessons[0].pk
    # The last lesson of module 1 leads to the first lesson of module 2.
    assert context["next_item"].page.pk == lessons[2].pk
    assert client.get(lessons[0].url).context["previous_item"] is None
    assert client.get(lessons[-1].url).context["next_item"] is None


def _queries(client, url):
    client.get(url)  # first view makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_lesson_page_queries_do_not_grow_with_course_size(client):
    _small, small_lessons = _course(modules=1, lessons_per_module=1, slides=1)
    _big, big_lessons = _course(modules=4, lessons_per_module=6, slides=24)
    small = _queries(client, small_lessons[0].url)
    big = _queries(client, big_lessons[-1].url)
    assert small == big
    assert big <= LESSON_QUERY_BUDGET


def test_unknown_page_is_a_vietnamese_404(client):
    response = client.get("/khoa-hoc/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_draft_lesson_is_not_served(client):
    lesson = LessonPageFactory()
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_signed_in_lesson_page_stays_within_the_budget(client):
    """A trainee's lesson page with a slide deck, in a module with a quiz and with tags, in 12
    queries (DESIGN's budget); the same for a small and a large course. (A body that also has
    figures costs one query more: Wagtail loads each block type's images in one query.)"""
    from tests.learners.factories import UserFactory
    from tests.quizzes.factories import QuizPageFactory

    counts = []
    for modules, lessons_per_module, slides in ((1, 1, 1), (4, 6, 24)):
        _course_page, lessons = _course(modules, lessons_per_module, slides, figures=False)
        lesson = lessons[-1]
        QuizPageFactory(parent=lesson.get_parent())
        lesson.tags.add("cải cách hành chính", "chỉ số CCHC")
        lesson.save_revision().publish()
        client.force_login(UserFactory())
        counts.append(_queries(client, lesson.url))
    assert counts[0] == counts[1]
    assert counts[1] <= LESSON_QUERY_BUDGET


def test_a_lesson_shows_its_tags_as_published(client):
    lesson = LessonPageFactory()
    lesson.tags.add("kế hoạch CCHC")
    lesson.save_revision().publish()
    assert "kế hoạch CCHC" in client.get(lesson.url).content.decode()
    lesson.refresh_from_db()
    lesson.tags.set(["báo cáo CCHC"])
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "báo cáo CCHC" in html
    assert "kế hoạch CCHC" not in html
