"""The course structure, written once (courses/structure.py): which lessons count, the outline
items other apps register, and the page querysets that list courses and tagged pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses import structure
from courses.models import (
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    is_overdue,
    overdue_q,
)
from quizzes.models import QuizPage
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    """Two live modules of two lessons, a draft lesson in the first, and a withdrawn module."""
    course = CoursePageFactory()
    first, second = ModulePageFactory(parent=course), ModulePageFactory(parent=course)
    lessons = [LessonPageFactory(parent=module) for module in (first, first, second, second)]
    draft = LessonPageFactory(parent=first)
    draft.unpublish()
    withdrawn = ModulePageFactory(parent=course)
    LessonPageFactory(parent=withdrawn)
    withdrawn.unpublish()
    course.counted = [lesson.pk for lesson in lessons]
    return course


def test_a_lesson_counts_while_it_and_its_module_are_live(course):
    assert list(course.counted_lessons().order_by("path").values_list("pk", flat=True)) == (
        course.counted
    )
    assert structure.course_structure(course=course).lessons == {course.pk: course.counted}


def test_the_page_tree_walk_and_the_queryset_agree(course):
    pages = structure.outline_pages([course.path])
    (counted,) = structure.counted_lessons(pages).values()

    assert [lesson.pk for lesson in counted] == course.counted


def test_course_structure_is_one_query_for_every_course(course):
    other = CoursePageFactory()
    LessonPageFactory(parent=ModulePageFactory(parent=other))

    with CaptureQueriesContext(connection) as queries:
        found = structure.course_structure()

    assert len(queries) == 1
    assert found.lesson_count(course.pk) == 4
    assert found.lesson_count(other.pk) == 1
    assert len(found.all_lessons) == 5


def test_registered_items_are_listed_by_kind_live_or_not(course):
    found = structure.course_structure(course=course)

    assert found.items["quiz"] == {course.pk: []}  # registered by the quizzes app


def test_lessons_q_filters_progress_to_the_counted_lessons(course):
    person = UserFactory()
    for lesson in LessonPage.objects.descendant_of(course):
        LessonProgress.objects.create(
            user=person, lesson=lesson, course=course, last_viewed_at=timezone.now()
        )
    found = structure.course_structure(course=course)

    counted = LessonProgress.objects.filter(found.lessons_q(course=course))
    assert sorted(counted.values_list("lesson_id", flat=True)) == sorted(course.counted)
    assert sorted(
        person.lesson_progress.filter(lesson_id__in=course.counted_lessons()).values_list(
            "lesson_id", flat=True
        )
    ) == sorted(course.counted)


def test_listed_courses_count_their_live_modules(course):
    (listed,) = CoursePage.objects.listed()

    assert (listed.pk, listed.module_count) == (course.pk, 2)


def test_overdue_is_one_rule_in_three_forms(course):
    today = datetime.date(2017, 9, 1)
    late = Enrolment.objects.create(
        user=UserFactory(), course=course, due_date=datetime.date(2017, 8, 31)
    )
    Enrolment.objects.create(user=UserFactory(), course=course, due_date=today)
    Enrolment.objects.create(user=UserFactory(), course=course)

    assert list(Enrolment.objects.overdue(today)) == [late]
    assert list(Enrolment.objects.filter(overdue_q(today))) == [late]
    assert [
        e.pk
        for e in Enrolment.objects.all()
        if is_overdue(due_date=e.due_date, completed_at=e.completed_at, today=today)
    ] == [late.pk]


def test_a_module_takes_lessons_and_the_item_types_other_apps_register():
    """courses names no upper app: quizzes register their page type from quizzes/apps.py, and
    that makes quiz pages both outline items and allowed children of a module."""
    assert ModulePage.clean_subpage_models() == [LessonPage, QuizPage]
    assert ModulePage in QuizPage.clean_parent_page_models()
