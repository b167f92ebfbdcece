"""Writes for enrolment and progress. Every write is idempotent: repeating it, or two requests
at once, leaves one record and keeps the first completion date."""

from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import (  # attribute access at call time: the page models call these services
    certificates,
    models,
)

SLIDE_OUT_OF_RANGE = _(
    "Trang chiếu số %(slide)s không có trong bài học này (bài có %(count)s trang)."
)
SLIDE_NOT_A_NUMBER = _("Số trang chiếu không hợp lệ.")
# Re-opening a lesson within this time does not rewrite its "last viewed" time.
VIEW_RESOLUTION = timedelta(minutes=1)

# Extra conditions for a module to count as complete (the quizzes app adds "quiz passed").
# Each is called as requirement(user=..., module=...) and returns True when met.
_module_requirements: list[Callable[..., bool]] = []


def register_module_requirement(requirement: Callable[..., bool]) -> Callable[..., bool]:
    """Add a condition that every module must meet before it counts as complete."""
    if requirement not in _module_requirements:
        _module_requirements.append(requirement)
    return requirement


def _get_or_create(model, *, defaults=None, **lookup):
    """get_or_create that survives a concurrent insert of the same unique row."""
    try:
        with transaction.atomic():
            return model.objects.get_or_create(defaults=defaults, **lookup)
    except IntegrityError:
        return model.objects.get(**lookup), False


def enrolment_ensure(*, user, course, source: str = "self", due_date=None):
    """Enrol the person in the course unless they already are."""
    enrolment, _created = _get_or_create(
        models.Enrolment,
        user=user,
        course_id=course.pk,
        defaults={"source": source, "due_date": due_date},
    )
    return enrolment


def _progress(*, user, lesson, course, now):
    enrolment_ensure(user=user, course=course)
    progress, _created = _get_or_create(
        models.LessonProgress,
        user=user,
        lesson=lesson,
        defaults={"course_id": course.pk, "last_viewed_at": now},
    )
    return progress


def lesson_record_view(*, user, lesson, course, progress=None, viewed_other_since=False) -> None:
    """Note that the person opened the lesson: the first view once, the last view to the minute.

    ``progress`` is the row the caller already read, if any, to spare a query;
    ``viewed_other_since`` says another lesson of the course was opened after this one, so the
    "last viewed" time must move even within the minute (it decides where "Tiếp tục học" goes).
    """
    now = timezone.now()
    if progress is None:
        _progress(user=user, lesson=lesson, course=course, now=now)
    elif viewed_other_since or progress.last_viewed_at < now - VIEW_RESOLUTION:
        models.LessonProgress.objects.filter(pk=progress.pk).update(last_viewed_at=now)


def lesson_record_slide(*, user, lesson, course, slide) -> bool:
    """Remember the last slide seen; complete the lesson at its last slide when the trainer
    turned that on. Returns True when this call completed the lesson."""
    try:
        slide = int(slide)
    except (TypeError, ValueError) as error:
        raise ValidationError(SLIDE_NOT_A_NUMBER) from error
    count = len(lesson.slides)
    if not 1 <= slide <= count:
        raise ValidationError(SLIDE_OUT_OF_RANGE % {"slide": slide, "count": count})
    now = timezone.now()
    with transaction.atomic():
        progress = _progress(user=user, lesson=lesson, course=course, now=now)
        models.LessonProgress.objects.filter(pk=progress.pk).update(
            last_slide=slide, last_viewed_at=now
        )
    if lesson.complete_on_last_slide and slide == count:
        return lesson_complete(user=user, lesson=lesson, course=course)
    return False


def lesson_complete(*, user, lesson, course) -> bool:
    """Mark the lesson done. Returns True only for the call that completed it."""
    now = timezone.now()
    with transaction.atomic():
        progress = _progress(user=user, lesson=lesson, course=course, now=now)
        completed = models.LessonProgress.objects.filter(
            pk=progress.pk, completed_at__isnull=True
        ).update(completed_at=now)
    # Checked again on a repeat too: a lesson or module unpublished since may have left the
    # module complete without anyone recording it.
    module = models.ModulePage.objects.parent_of(lesson).first()
    if module is not None:
        module_refresh_completion(user=user, module=module, course=course)
    return bool(completed)


def module_refresh_completion(*, user, module, course) -> bool:
    """Record the module as complete when every live lesson is done and every registered
    requirement (its quiz passed) is met. Returns True when the module is complete."""
    lesson_ids = list(
        models.LessonPage.objects.child_of(module).live().values_list("pk", flat=True)
    )
    done = models.LessonProgress.objects.filter(
        user=user, lesson_id__in=lesson_ids, completed_at__isnull=False
    ).count()
    if done < len(lesson_ids):
        return False
    if not all(requirement(user=user, module=module) for requirement in _module_requirements):
        return False
    _get_or_create(
        models.ModuleCompletion,
        user=user,
        module=module,
        defaults={"course_id": course.pk, "completed_at": timezone.now()},
    )
    course_refresh_completion(user=user, course=course)
    return True


def course_refresh_completion(*, user, course) -> bool:
    """Store the course completion date once every live module is complete, and issue the
    certificate (Giấy chứng nhận) with it."""
    module_ids = set(models.ModulePage.objects.child_of(course).live().values_list("pk", flat=True))
    if not module_ids:
        return False
    completed = set(
        models.ModuleCompletion.objects.filter(user=user, module_id__in=module_ids).values_list(
            "module_id", flat=True
        )
    )
    if completed != module_ids:
        return False
    enrolment = enrolment_ensure(user=user, course=course)
    now = timezone.now()
    with transaction.atomic():  # the completion and its certificate are stored together
        newly = models.Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        if newly:
            certificates.certificate_issue(user=user, course=course, completed_at=now)
    return True
