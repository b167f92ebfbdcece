"""Enrolments and learning progress: who has studied what, and when."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# "Overdue": the due date has passed and the course is not completed. One rule, three forms: a
# Python predicate for one enrolment (or a report row), a Q for querysets of enrolments or of
# models that reach them (``prefix="enrolment__"``), and ``Enrolment.objects.overdue(today)``.


def is_overdue(*, due_date, completed_at, today: datetime.date) -> bool:
    """Whether an enrolment with this due date and completion is overdue on ``today``."""
    return bool(due_date and not completed_at and due_date < today)


def overdue_q(today: datetime.date, *, prefix: str = "") -> Q:
    """The overdue enrolments on ``today``, from a query on ``Enrolment`` (or, with ``prefix``
    such as ``"enrolment__"``, on a model that reaches one)."""
    return Q(**{f"{prefix}completed_at__isnull": True, f"{prefix}due_date__lt": today})


class EnrolmentQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(completed_at__isnull=True)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def overdue(self, today: datetime.date):
        return self.filter(overdue_q(today))


class Enrolment(models.Model):
    """A person's place in a course: self-enrolled on first visit or assigned by HR."""

    class Source(models.TextChoices):
        SELF = "self", _("Tự đăng ký")
        ASSIGNED = "assigned", _("Được giao")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # PROTECT: training records are kept (courses/records.py); the person's enrolments go
    # with their account when nothing else of theirs is kept.
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("ngày ghi danh"), auto_now_add=True)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    assignment = models.ForeignKey(
        "courses.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(_("ngày hoàn thành"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("ghi danh")
        verbose_name_plural = _("ghi danh")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} · {self.course}"

    @property
    def is_overdue(self):
        return is_overdue(
            due_date=self.due_date, completed_at=self.completed_at, today=timezone.localdate()
        )


class LessonProgress(models.Model):
    """One person's progress in one lesson. ``completed_at`` is set once and never moved."""

    # PROTECT, here and below: no path deletes a page or a person with records (records.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.PROTECT, related_name="progress"
    )
    # Denormalised so reports and dashboards count per course without walking the page tree.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    first_viewed_at = models.DateTimeField(_("xem lần đầu"), auto_now_add=True)
    last_viewed_at = models.DateTimeField(_("xem lần cuối"))
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    last_slide = models.PositiveIntegerField(_("trang chiếu xem gần nhất"), default=0)

    class Meta:
        verbose_name = _("tiến độ bài học")
        verbose_name_plural = _("tiến độ bài học")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_progress")
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user_id} · {self.lesson_id}"

    @property
    def state(self):
        return "completed" if self.completed_at else "in_progress"


class ModuleCompletion(models.Model):
    """The date a person completed a module: its lessons done and its quiz passed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="module_completions"
    )
    module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.PROTECT, related_name="completions"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(_("hoàn thành lúc"))

    class Meta:
        verbose_name = _("hoàn thành chuyên đề")
        verbose_name_plural = _("hoàn thành chuyên đề")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_module_completion"),
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user_id} · {self.module_id}"


__all__ = ["Enrolment", "LessonProgress", "ModuleCompletion", "is_overdue", "overdue_q"]
