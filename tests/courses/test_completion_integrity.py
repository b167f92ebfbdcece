"""Completion is stored with the event that earns it, or not at all; and
``reconcile_completions`` repairs the gaps that earlier versions could leave."""

import io
import random
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import certificates, services
from courses.models import Certificate, Enrolment, LessonProgress, ModuleCompletion
from home import schedule
from quizzes import services as quiz_services
from quizzes.models import Attempt
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    lesson_body,
)
from tests.learners.factories import UserFactory
from tests.quizzes.factories import AttemptFactory, QuizPageFactory, question

pytestmark = pytest.mark.django_db

LESSON_DONE = datetime(2017, 9, 1, 2, 0, tzinfo=UTC)
QUIZ_PASSED = LESSON_DONE + timedelta(hours=1)
SECOND_MODULE = LESSON_DONE + timedelta(hours=3)


class Crash(Exception):
    """Stands for a worker killed, a lost connection, a bug: anything between two steps."""


def crash(*args, **kwargs):
    raise Crash


def nothing_stored(person):
    assert not LessonProgress.objects.filter(user=person, completed_at__isnull=False).exists()
    assert not ModuleCompletion.objects.filter(user=person).exists()
    assert not Enrolment.objects.filter(user=person, completed_at__isnull=False).exists()
    assert not Certificate.objects.filter(user=person).exists()


def everything_stored(person, course):
    assert ModuleCompletion.objects.filter(user=person, course=course).exists()
    assert Enrolment.objects.get(user=person, course=course).completed_at is not None
    assert Certificate.objects.filter(user=person, course=course, revoked_at=None).count() == 1


@pytest.fixture
def person():
    return UserFactory(full_name="Phạm Văn Nam", employee_code="BA700001")


# One transaction per event ---------------------------------------------------------------------


def test_a_failing_certificate_leaves_the_last_lesson_not_done_either(person):
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course))

    with mock.patch.object(certificates, "certificate_issue", crash), pytest.raises(Crash):
        services.lesson_complete(user=person, lesson=lesson, course=course)

    nothing_stored(person)
    # The trainee's retry stores the whole chain.
    assert services.lesson_complete(user=person, lesson=lesson, course=course) is True
    everything_stored(person, course)


def test_a_failing_module_completion_leaves_the_lesson_not_done(person):
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course))

    with (
        mock.patch.object(services, "course_refresh_completion", crash),
        pytest.raises(Crash),
    ):
        services.lesson_complete(user=person, lesson=lesson, course=course)

    nothing_stored(person)


def test_a_crash_after_the_last_slide_keeps_neither_the_slide_nor_the_completion(client, person):
    course = CoursePageFactory()
    lesson = LessonPageFactory(
        parent=ModulePageFactory(parent=course),
        body=lesson_body(slides=[ImageFactory(), ImageFactory()]),
        complete_on_last_slide=True,
    )
    services.lesson_record_slide(user=person, lesson=lesson, course=course, slide=1)

    with mock.patch.object(certificates, "certificate_issue", crash), pytest.raises(Crash):
        services.lesson_record_slide(user=person, lesson=lesson, course=course, slide=2)

    assert LessonProgress.objects.get(user=person, lesson=lesson).last_slide == 1
    nothing_stored(person)


def test_a_failing_certificate_leaves_the_passing_attempt_open(person):
    module = ModulePageFactory(parent=CoursePageFactory())
    course = module.get_parent().specific
    quiz = QuizPageFactory(parent=module, fixed=[question()])
    attempt = quiz_services.attempt_start(user=person, quiz=quiz, rng=random.Random(1))  # noqa: S311

    with mock.patch.object(certificates, "certificate_issue", crash), pytest.raises(Crash):
        quiz_services.attempt_submit(attempt=attempt, answers={"q1": ["q1c1"]})

    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.passed) == (None, None)
    nothing_stored(person)
    # Submitting again (the page still offers it) grades it and stores everything.
    attempt = quiz_services.attempt_submit(attempt=attempt, answers={"q1": ["q1c1"]})
    assert attempt.passed is True
    everything_stored(person, course)


# Repairing what earlier versions left ----------------------------------------------------------


def reconcile(*args):
    out = io.StringIO()
    call_command("reconcile_completions", *args, stdout=out)
    return out.getvalue()


def done(person, lesson, course, when=LESSON_DONE):
    LessonProgress.objects.create(
        user=person, lesson=lesson, course=course, last_viewed_at=when, completed_at=when
    )


@pytest.fixture
def broken():
    """The states a crash between the steps left: a quiz passed and no module completion;
    every module complete and no course completion; a course completed and no certificate;
    and, to keep, a revoked certificate and a failed quiz."""
    course = CoursePageFactory(title="Tập huấn CCHC 2017", slug="cchc-2017")
    first = ModulePageFactory(parent=course)
    first_lesson = LessonPageFactory(parent=first)
    quiz = QuizPageFactory(parent=first)
    second = ModulePageFactory(parent=course)
    second_lesson = LessonPageFactory(parent=second)
    people = {
        name: UserFactory(full_name=name)
        for name in ("passed", "modules_done", "completed", "revoked", "failed")
    }
    for person in people.values():
        Enrolment.objects.create(user=person, course=course)
        done(person, first_lesson, course)
        done(person, second_lesson, course)
    for name in ("modules_done", "completed", "revoked"):
        ModuleCompletion.objects.create(
            user=people[name], module=first, course=course, completed_at=QUIZ_PASSED
        )
    for person in people.values():
        ModuleCompletion.objects.create(
            user=person, module=second, course=course, completed_at=SECOND_MODULE
        )
    for name in ("passed", "modules_done", "completed", "revoked"):
        AttemptFactory(user=people[name], quiz=quiz, passed=True, submitted_at=QUIZ_PASSED)
    AttemptFactory(user=people["failed"], quiz=quiz, passed=False, submitted_at=QUIZ_PASSED)
    for name in ("completed", "revoked"):
        Enrolment.objects.filter(user=people[name]).update(completed_at=SECOND_MODULE)
    old = certificates.certificate_issue(
        user=people["revoked"], course=course, completed_at=SECOND_MODULE
    )
    certificates.certificate_revoke(
        certificate=old, by=UserFactory(is_superuser=True), reason="Cấp nhầm"
    )
    return {"course": course, "first": first, "quiz": quiz, **people}


def snapshot():
    return (
        sorted(ModuleCompletion.objects.values_list("user_id", "module_id", "completed_at")),
        sorted(Enrolment.objects.values_list("user_id", "completed_at")),
        sorted(Certificate.objects.values_list("user_id", "revoked_at")),
    )


def test_dry_run_counts_and_writes_nothing(broken):
    before = snapshot()

    output = reconcile("--dry-run")

    assert "Sẽ bổ sung 1 hoàn thành chuyên đề, 2 hoàn thành khóa học, 3 giấy chứng nhận" in output
    assert snapshot() == before


def test_reconcile_repairs_every_gap_once_dated_by_the_progress(broken):
    course = broken["course"]

    output = reconcile()

    assert "Đã bổ sung 1 hoàn thành chuyên đề, 2 hoàn thành khóa học, 3 giấy chứng nhận." in output
    assert "cchc-2017" in output
    # The passed quiz completes its module, dated by the pass; then the course, by its last module.
    assert ModuleCompletion.objects.get(
        user=broken["passed"], module=broken["first"]
    ).completed_at == (QUIZ_PASSED)
    for name in ("passed", "modules_done", "completed"):
        assert Enrolment.objects.get(user=broken[name], course=course).completed_at == (
            SECOND_MODULE
        )
        certificate = Certificate.objects.get(user=broken[name], course=course)
        assert (certificate.completed_at, certificate.revoked_at) == (SECOND_MODULE, None)
    # A revoked certificate is not replaced; a failed quiz completes nothing.
    assert not Certificate.objects.filter(user=broken["revoked"], revoked_at=None).exists()
    assert not ModuleCompletion.objects.filter(user=broken["failed"], module=broken["first"])
    assert Enrolment.objects.get(user=broken["failed"]).completed_at is None

    after = snapshot()
    assert "Không có gì cần bổ sung." in reconcile()
    assert snapshot() == after


def test_reconcile_one_course_only(broken):
    other = CoursePageFactory(slug="khac")
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=other))
    done(broken["failed"], lesson, other)
    Enrolment.objects.create(user=broken["failed"], course=other)

    assert "Đã bổ sung 1 hoàn thành chuyên đề, 1 hoàn thành khóa học, 1 giấy chứng nhận" in (
        reconcile("--course", "khac")
    )
    assert not Certificate.objects.filter(course=broken["course"], revoked_at=None).exists()


def test_an_unknown_course_is_a_clear_error(broken):
    with pytest.raises(CommandError, match="Không có khóa học với slug “khong-co”"):
        reconcile("--course", "khong-co")


def test_a_complete_record_costs_the_same_queries_for_3_or_30_people():
    """Set-wise: a run that finds nothing to repair reads per course and module, not per
    person."""

    def course_with(people):
        course = CoursePageFactory()
        module = ModulePageFactory(parent=course)
        lesson = LessonPageFactory(parent=module)
        quiz = QuizPageFactory(parent=module, fixed=[question()])
        for _ in range(people):
            person = UserFactory()
            done(person, lesson, course)
            AttemptFactory(user=person, quiz=quiz, passed=True, submitted_at=QUIZ_PASSED)
            services.module_refresh_completion(user=person, module=module, course=course)
        assert Certificate.objects.filter(course=course).count() == people
        return course

    def queries(course):
        with CaptureQueriesContext(connection) as captured:
            assert "Không có gì cần bổ sung." in reconcile("--course", course.slug)
        return len(captured)

    assert queries(course_with(3)) == queries(course_with(30))
    assert Attempt.objects.count() == 33


def test_the_scheduler_repairs_gaps_nightly(broken, django_capture_on_commit_callbacks):
    """The nightly job (courses/apps.py) runs the same command: the scheduler's slot at 01:30 in
    Hà Nội queues it (the test backend runs it on commit) and the gaps are repaired."""
    job = {job.name: job for job in schedule.registered_jobs()}["courses.reconcile_completions"]
    assert (job.daily_at.hour, job.daily_at.minute, job.weekday) == (1, 30, None)

    after_half_past_one = datetime(2026, 12, 7, 18, 31, tzinfo=UTC)  # 01:31 on the 8th, UTC+7
    assert job.slot(after_half_past_one) == datetime(2026, 12, 7, 18, 30, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.job_queue(job, job.slot(after_half_past_one))
    assert Enrolment.objects.get(user=broken["passed"]).completed_at == SECOND_MODULE
    # The same slot is never queued twice.
    assert not schedule.job_queue(job, job.slot(after_half_past_one))
