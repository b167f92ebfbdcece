"""Completion rules of the progress services: lesson → module → course, stored once, idempotent,
and safe when two requests complete the same lesson at the same moment."""

import threading
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import connection

from courses import services
from courses.models import Enrolment, LessonProgress, ModuleCompletion
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory

FIRST = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
LATER = FIRST + timedelta(days=7)


@contextmanager
def clock(moment):
    """Freeze ``timezone.now()`` (services and auto_now_add fields both read it)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def module_with_lessons(course, count):
    module = ModulePageFactory(parent=course)
    return module, [LessonPageFactory(parent=module) for _ in range(count)]


def complete(user, lesson, course):
    return services.lesson_complete(user=user, lesson=lesson, course=course)


class Requirement:
    """A module requirement such as "quiz passed", switched on and off by the test."""

    def __init__(self):
        self.met = False
        self.calls = []

    def __call__(self, *, module, people):
        self.calls.append((list(people.values_list("pk", flat=True)), module.pk))
        return people if self.met else people.none()


@pytest.fixture
def quiz_requirement():
    requirement = services.register_module_requirement(Requirement())
    yield requirement
    services._module_requirements.remove(requirement)


@pytest.fixture
def trainee(db):
    return UserFactory()


# Lesson ----------------------------------------------------------------------------------------


def test_completing_a_lesson_enrols_the_person_and_stores_the_date(trainee):
    course = CoursePageFactory()
    _module, (lesson,) = module_with_lessons(course, 1)

    with clock(FIRST):
        assert complete(trainee, lesson, course) is True

    progress = LessonProgress.objects.get(user=trainee, lesson=lesson)
    assert progress.completed_at == FIRST
    assert progress.course_id == course.pk
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.source == Enrolment.Source.SELF


def test_completing_a_lesson_twice_keeps_one_row_and_the_first_date(trainee):
    course = CoursePageFactory()
    _module, (lesson, _other) = module_with_lessons(course, 2)

    with clock(FIRST):
        first = complete(trainee, lesson, course)
    with clock(LATER):
        second = complete(trainee, lesson, course)

    assert (first, second) == (True, False)
    assert LessonProgress.objects.filter(user=trainee, lesson=lesson).count() == 1
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at == FIRST
    assert Enrolment.objects.filter(user=trainee, course=course).count() == 1


# Module ----------------------------------------------------------------------------------------


def test_module_is_complete_only_when_every_live_lesson_is(trainee):
    course = CoursePageFactory()
    module, (first, second) = module_with_lessons(course, 2)

    complete(trainee, first, course)
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()

    with clock(FIRST):
        complete(trainee, second, course)
    assert ModuleCompletion.objects.get(user=trainee, module=module).completed_at == FIRST


def test_unpublished_lesson_does_not_count_towards_its_module(trainee):
    course = CoursePageFactory()
    module, (live, draft) = module_with_lessons(course, 2)
    draft.unpublish()

    complete(trainee, live, course)

    assert ModuleCompletion.objects.filter(user=trainee, module=module).exists()


def test_another_persons_lessons_do_not_complete_my_module(trainee):
    course = CoursePageFactory()
    module, (first, second) = module_with_lessons(course, 2)
    colleague = UserFactory()

    complete(trainee, first, course)
    complete(colleague, second, course)

    assert not ModuleCompletion.objects.filter(module=module).exists()


def test_unmet_module_requirement_blocks_module_and_course_completion(trainee, quiz_requirement):
    course = CoursePageFactory()
    module, (lesson,) = module_with_lessons(course, 1)

    assert complete(trainee, lesson, course) is True

    assert quiz_requirement.calls == [([trainee.pk], module.pk)]
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None


def test_module_completes_once_its_requirement_is_met(trainee, quiz_requirement):
    course = CoursePageFactory()
    module, (lesson,) = module_with_lessons(course, 1)
    complete(trainee, lesson, course)

    quiz_requirement.met = True  # e.g. the quiz is passed afterwards
    with clock(FIRST):
        done = services.module_refresh_completion(user=trainee, module=module, course=course)

    assert done is True
    assert ModuleCompletion.objects.get(user=trainee, module=module).completed_at == FIRST
    assert Enrolment.objects.get(user=trainee, course=course).completed_at == FIRST


def test_met_requirement_lets_the_module_complete_with_its_lessons(trainee, quiz_requirement):
    quiz_requirement.met = True
    course = CoursePageFactory()
    module, (lesson,) = module_with_lessons(course, 1)

    complete(trainee, lesson, course)

    assert ModuleCompletion.objects.filter(user=trainee, module=module).exists()


# Course ----------------------------------------------------------------------------------------


def test_course_is_complete_when_every_live_module_is(trainee):
    course = CoursePageFactory()
    _first, (lesson_1,) = module_with_lessons(course, 1)
    _second, (lesson_2,) = module_with_lessons(course, 1)

    complete(trainee, lesson_1, course)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None

    with clock(FIRST):
        complete(trainee, lesson_2, course)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at == FIRST


def test_unpublished_module_does_not_count_towards_the_course(trainee):
    course = CoursePageFactory()
    _live, (lesson,) = module_with_lessons(course, 1)
    draft, _draft_lessons = module_with_lessons(course, 1)
    draft.unpublish()

    complete(trainee, lesson, course)

    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_course_without_live_modules_is_never_complete(trainee):
    course = CoursePageFactory()

    assert services.course_refresh_completion(user=trainee, course=course) is False
    assert not Enrolment.objects.filter(user=trainee, course=course).exists()


def test_completion_dates_are_stored_not_recomputed(trainee):
    course = CoursePageFactory()
    module, (lesson,) = module_with_lessons(course, 1)
    with clock(FIRST):
        complete(trainee, lesson, course)

    with clock(LATER):
        assert complete(trainee, lesson, course) is False
        assert services.module_refresh_completion(user=trainee, module=module, course=course)
        assert services.course_refresh_completion(user=trainee, course=course)

    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at == FIRST
    assert ModuleCompletion.objects.get(user=trainee, module=module).completed_at == FIRST
    assert ModuleCompletion.objects.filter(user=trainee).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at == FIRST


# Enrolment and views ---------------------------------------------------------------------------


def test_enrolling_twice_keeps_one_enrolment_and_its_first_source(trainee):
    course = CoursePageFactory()

    services.enrolment_ensure(user=trainee, course=course, source=Enrolment.Source.ASSIGNED)
    services.enrolment_ensure(user=trainee, course=course)

    enrolment = Enrolment.objects.get(user=trainee, course=course)
    assert enrolment.source == Enrolment.Source.ASSIGNED


def test_viewing_a_lesson_stores_the_first_view_and_the_last_view_to_the_minute(trainee):
    course = CoursePageFactory()
    _module, (lesson,) = module_with_lessons(course, 1)

    def view():
        progress = LessonProgress.objects.filter(user=trainee, lesson=lesson).first()
        services.lesson_record_view(user=trainee, lesson=lesson, course=course, progress=progress)
        return LessonProgress.objects.get(user=trainee, lesson=lesson)

    with clock(FIRST):
        first = view()
    with clock(FIRST + timedelta(seconds=50)):
        within_a_minute = view()
    with clock(FIRST + timedelta(minutes=5)):
        later = view()

    assert (first.first_viewed_at, first.last_viewed_at) == (FIRST, FIRST)
    assert within_a_minute.last_viewed_at == FIRST
    assert later.first_viewed_at == FIRST
    assert later.last_viewed_at == FIRST + timedelta(minutes=5)
    assert later.completed_at is None
    assert LessonProgress.objects.filter(user=trainee).count() == 1
    assert Enrolment.objects.filter(user=trainee, course=course).count() == 1


# Two requests at once --------------------------------------------------------------------------


def run_together(*calls):
    """Run each call in its own thread, released at the same moment; return their results."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(i, call):
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


skip_on_sqlite = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason=(
        "SQLite's in-memory test database is shared between threads through its shared cache, "
        "but shared-cache SQLite refuses a second writer at once ('database table is locked') "
        "instead of waiting, so the race can only be exercised on PostgreSQL"
    ),
)


RACE_ROUNDS = 5  # a race is not lost every time: try it on several fresh lessons


@skip_on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewed_first", [False, True], ids=["first-contact", "after-a-view"])
def test_two_simultaneous_completions_record_the_lesson_once(viewed_first):
    trainee = UserFactory()
    course = CoursePageFactory()
    for _round in range(RACE_ROUNDS):
        module, (lesson,) = module_with_lessons(course, 1)
        if viewed_first:
            services.lesson_record_view(user=trainee, lesson=lesson, course=course)

        results = run_together(
            lambda lesson=lesson: complete(trainee, lesson, course),
            lambda lesson=lesson: complete(trainee, lesson, course),
        )

        assert sorted(results) == [False, True]
        assert LessonProgress.objects.filter(user=trainee, lesson=lesson).count() == 1
        assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None
        assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
    assert Enrolment.objects.filter(user=trainee, course=course).count() == 1


@skip_on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_completing_a_modules_last_two_lessons_at_once_completes_it_once():
    trainee = UserFactory()
    for _round in range(RACE_ROUNDS):
        course = CoursePageFactory()
        module, (first, second) = module_with_lessons(course, 2)

        results = run_together(
            lambda first=first, course=course: complete(trainee, first, course),
            lambda second=second, course=course: complete(trainee, second, course),
        )

        assert results == [True, True]
        assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
        assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None
