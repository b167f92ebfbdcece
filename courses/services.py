"""Writes for enrolment and progress. Every write is idempotent: repeating it, or two requests
at once, leaves one record and keeps the first completion date."""

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import certificates, structure
from .models import Enrolment, LessonProgress, ModuleCompletion

SLIDE_OUT_OF_RANGE = _(
    "Trang chiếu số %(slide)s không có trong bài học này (bài có %(count)s trang)."
)
SLIDE_NOT_A_NUMBER = _("Số trang chiếu không hợp lệ.")
# Re-opening a lesson within this time does not rewrite its "last viewed" time.
VIEW_RESOLUTION = timedelta(minutes=1)

# Extra conditions for a module to count as complete (the quizzes app adds "quiz passed").
# Each is called as requirement(module=..., people=<a queryset of users>) and returns the
# queryset narrowed to the people who meet it, optionally annotated with ``met_at`` (when they
# met it), so one definition serves one person's completion and the reconciliation of all.
_module_requirements: list[Callable[..., QuerySet]] = []


def register_module_requirement(requirement: Callable[..., QuerySet]) -> Callable[..., QuerySet]:
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
        Enrolment,
        user=user,
        course_id=course.pk,
        defaults={"source": source, "due_date": due_date},
    )
    return enrolment


def _progress(*, user, lesson, course, now, enrolled=False):
    if not enrolled:
        enrolment_ensure(user=user, course=course)
    progress, _created = _get_or_create(
        LessonProgress,
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
        LessonProgress.objects.filter(pk=progress.pk).update(last_viewed_at=now)


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
    completes = lesson.complete_on_last_slide and slide == count
    now = timezone.now()
    with transaction.atomic():  # the slide and the completions it brings, or nothing
        if completes:
            _enrolment_locked(user=user, course=course)
        progress = _progress(user=user, lesson=lesson, course=course, now=now, enrolled=completes)
        LessonProgress.objects.filter(pk=progress.pk).update(last_slide=slide, last_viewed_at=now)
        if completes:
            return _lesson_complete_locked(user=user, lesson=lesson, course=course, now=now)
    return False


def lesson_complete(*, user, lesson, course) -> bool:
    """Mark the lesson done, with the module, course and certificate it completes, in one
    transaction: an error anywhere stores none of it. Returns True only for the call that
    completed the lesson."""
    now = timezone.now()
    with transaction.atomic():
        _enrolment_locked(user=user, course=course)
        return _lesson_complete_locked(user=user, lesson=lesson, course=course, now=now)


def _enrolment_locked(*, user, course):
    """The person's enrolment, created if need be, and locked (PostgreSQL) until the transaction
    ends: one person's completions in one course take turns, so the second sees the first's
    lesson or quiz and completes the module that both together complete. SQLite takes its write
    lock when the transaction begins (``transaction_mode`` IMMEDIATE), to the same effect."""
    locked = Enrolment.objects.select_for_update()
    enrolment = locked.filter(user=user, course_id=course.pk).first()
    if enrolment is None:
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(user=user, course_id=course.pk)
        except IntegrityError:  # enrolled at the same moment by another request: wait for it
            enrolment = locked.get(user=user, course_id=course.pk)
    return enrolment


def _lesson_complete_locked(*, user, lesson, course, now) -> bool:
    progress = _progress(user=user, lesson=lesson, course=course, now=now, enrolled=True)
    completed = LessonProgress.objects.filter(pk=progress.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    # Checked again on a repeat too: a lesson or module unpublished since may have left the
    # module complete without anyone recording it.
    module = lesson.parent_module()
    if module is not None:
        module_refresh_completion(user=user, module=module, course=course)
    return bool(completed)


def module_requirements_met(*, module, people):
    """``people`` (a queryset of users) narrowed to those who meet every registered module
    requirement; each requirement is one query whatever the number of people."""
    for requirement in _module_requirements:
        people = requirement(module=module, people=people)
    return people


def module_complete_if_done(*, user, module, course) -> bool:
    """For another app's event that may complete a module (a quiz passed), called inside that
    event's transaction: enrol the person, take their turn in the course (``_enrolment_locked``)
    and record the module, course and certificate the event completes."""
    with transaction.atomic(savepoint=False):
        _enrolment_locked(user=user, course=course)
        return module_refresh_completion(user=user, module=module, course=course)


def module_refresh_completion(*, user, module, course) -> bool:
    """Record the module as complete when every live lesson is done and every registered
    requirement (its quiz passed) is met. Returns True when the module is complete.

    Called inside the transaction of the event that completes the module (see
    ``lesson_complete`` and the quiz's grading), so the event and its completions are stored
    together or not at all."""
    lesson_ids = list(module.live_lessons().values_list("pk", flat=True))
    done = LessonProgress.objects.filter(
        user=user, lesson_id__in=lesson_ids, completed_at__isnull=False
    ).count()
    if done < len(lesson_ids):
        return False
    person = get_user_model().objects.filter(pk=user.pk)
    met = module_requirements_met(module=module, people=person)
    if met is not person and not met.exists():  # untouched: no requirement applies here
        return False
    with transaction.atomic(savepoint=False):  # the caller's transaction, or its own
        _get_or_create(
            ModuleCompletion,
            user=user,
            module=module,
            defaults={"course_id": course.pk, "completed_at": timezone.now()},
        )
        course_refresh_completion(user=user, course=course)
    return True


def course_refresh_completion(*, user, course) -> bool:
    """Store the course completion date once every live module is complete, and issue the
    certificate (Giấy chứng nhận) with it, in the same transaction."""
    module_ids = structure.live_module_ids(course)
    if not module_ids:
        return False
    completed = set(
        ModuleCompletion.objects.filter(user=user, module_id__in=module_ids).values_list(
            "module_id", flat=True
        )
    )
    if completed != module_ids:
        return False
    now = timezone.now()
    with transaction.atomic():  # the completion and its certificate are stored together
        enrolment = _enrolment_locked(user=user, course=course)
        newly = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        if newly:
            certificates.certificate_issue(user=user, course=course, completed_at=now)
    return True
