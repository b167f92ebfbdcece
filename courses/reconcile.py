"""Repair completions that stored progress earns but that are missing: a module whose lessons
are done and whose quiz is passed, a course whose modules are all complete, a completed course
without a certificate. Earlier versions stored these in separate transactions, so a crash or an
error between them could leave a gap; ``manage.py reconcile_completions`` (and a scheduled task)
closes every such gap.

The rules are the live ones (``services.module_refresh_completion``, the registered module
requirements, ``services.course_refresh_completion``), evaluated set-wise: a few queries per
module and per course, whatever the number of people, and nothing written when nothing is
missing. A repaired completion is dated by the progress that earned it, not by the repair.
Revoked certificates are not replaced (``certificates.completions_without_certificate``).
"""

import contextlib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from . import certificates, services
from .models import Enrolment, LessonProgress, ModuleCompletion


@dataclass
class Repairs:
    """What a run repaired (or, with ``dry_run``, would repair)."""

    module_completions: int = 0
    course_completions: int = 0
    certificates: int = 0
    courses: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.module_completions + self.course_completions + self.certificates


class _DryRun(Exception):  # control flow: undo what a dry run wrote
    pass


def _latest(*moments):
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def _missing_module_completions(*, module, course_id):
    """ModuleCompletion rows (unsaved) that the module's stored progress earns."""
    User = get_user_model()
    lesson_ids = list(module.live_lessons().values_list("pk", flat=True))
    completed = ModuleCompletion.objects.filter(module_id=module.pk).values("user_id")
    if lesson_ids:
        done = (
            LessonProgress.objects.filter(lesson_id__in=lesson_ids, completed_at__isnull=False)
            .exclude(user_id__in=completed)
            .values("user_id")
            .annotate(lessons=Count("pk"), last=Max("completed_at"))
            .filter(lessons=len(lesson_ids))
        )
        last_lesson = {row["user_id"]: row["last"] for row in done}
        if not last_lesson:
            return []
        people = User.objects.filter(pk__in=done.values("user_id"))
    else:
        # A module of quizzes only: whoever is enrolled in the course may have met it.
        if not services._module_requirements or not module.get_children().live().exists():
            return []  # nothing to study: the live path never completes it either
        last_lesson = {}
        people = User.objects.filter(enrolments__course_id=course_id).exclude(pk__in=completed)
    met = services.module_requirements_met(module=module, people=people)
    if "met_at" in met.query.annotations:
        rows = list(met.values_list("pk", "met_at"))
    else:
        rows = [(pk, None) for pk in met.values_list("pk", flat=True)]
    now = timezone.now()
    return [
        ModuleCompletion(
            user_id=user_id,
            module_id=module.pk,
            course_id=course_id,
            completed_at=_latest(last_lesson.get(user_id), met_at) or now,
        )
        for user_id, met_at in rows
    ]


def _missing_course_completions(*, course, module_ids):
    """(enrolment id, date) of the enrolments whose every live module is complete but whose
    course completion is not stored; dated by the last module completion."""
    if not module_ids:
        return []
    earned = (
        ModuleCompletion.objects.filter(course_id=course.pk, module_id__in=module_ids)
        .values("user_id")
        .annotate(modules=Count("module_id", distinct=True), last=Max("completed_at"))
        .filter(modules=len(module_ids))
    )
    dates = {
        row["user_id"]: row["last"]
        for row in earned.filter(
            user_id__in=Enrolment.objects.filter(
                course_id=course.pk, completed_at__isnull=True
            ).values("user_id")
        )
    }
    if not dates:
        return []
    enrolments = Enrolment.objects.filter(
        course_id=course.pk, completed_at__isnull=True, user_id__in=list(dates)
    ).values_list("pk", "user_id")
    return [(pk, dates[user_id]) for pk, user_id in enrolments]


def _reconcile_course(course, repairs: Repairs, *, dry_run: bool) -> None:
    modules = list(course.live_modules())
    with transaction.atomic():  # short: the module and course completions of one course
        missing = []
        for module in modules:
            missing += _missing_module_completions(module=module, course_id=course.pk)
        # Conflicts are completions a live request stored meanwhile: its own date stands.
        ModuleCompletion.objects.bulk_create(missing, ignore_conflicts=True)
        completions = _missing_course_completions(
            course=course, module_ids=[module.pk for module in modules]
        )
        for pk, completed_at in completions:
            Enrolment.objects.filter(pk=pk, completed_at__isnull=True).update(
                completed_at=completed_at
            )
        certificates_missing = (
            certificates.completions_without_certificate(course=course).count() if dry_run else 0
        )
        if dry_run:
            repairs.module_completions += len(missing)
            repairs.course_completions += len(completions)
            repairs.certificates += certificates_missing
            raise _DryRun
    repairs.module_completions += len(missing)
    repairs.course_completions += len(completions)
    # Each certificate in its own transaction, dated by its completion (shared with
    # ``manage.py issue_certificates``).
    repairs.certificates += len(certificates.certificates_backfill(course=course))


def completions_reconcile(*, courses, dry_run: bool = False) -> Repairs:
    """Store every module completion, course completion and certificate that stored progress
    earns and that is missing, for the ``courses`` (course pages: one, or every live one).
    Idempotent: a second run repairs nothing. With ``dry_run``, count them and store nothing."""
    repairs = Repairs()
    for each in courses:
        before = repairs.total
        with contextlib.suppress(_DryRun):  # a dry run's writes are rolled back
            _reconcile_course(each, repairs, dry_run=dry_run)
        if repairs.total > before:
            repairs.courses.append(each)
    return repairs
