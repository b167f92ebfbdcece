"""Reads of the reminders: who is due which reminder today, what an HR officer's weekly digest
holds, and what a person was sent (their notices on "Góc học tập" and the log in transcripts)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from learners.scope import scoped_people

from ..models import Enrolment, LessonProgress, Reminder, overdue_q

Reason = Reminder.Reason

# How far back "Góc học tập" shows a person's reminders, and how many at most.
NOTICE_DAYS = 30
NOTICE_LIMIT = 5
# The overdue people a digest names; the rest are counted.
DIGEST_OVERDUE_LIMIT = 20


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of ``day``'s week: a digest is sent once per officer and week."""
    return day - datetime.timedelta(days=day.weekday())


def reminders_due(*, today: datetime.date) -> QuerySet:
    """The reminders due on ``today`` and not yet logged, one query, as rows of ``user_id``,
    ``course_id``, ``due_date``, ``reason`` and ``email``.

    Assigned courses only (an enrolment with a due date), not completed, for active people and
    live courses; at most one reason per enrolment, by date: overdue (the due date has passed),
    due soon (due within ``REMINDER_DUE_SOON_DAYS``), not started (assigned at least
    ``REMINDER_NOT_STARTED_DAYS`` ago, no lesson opened, due later than that)."""
    soon = today + datetime.timedelta(days=settings.REMINDER_DUE_SOON_DAYS)
    assigned_before = today - datetime.timedelta(days=settings.REMINDER_NOT_STARTED_DAYS)
    started = LessonProgress.objects.filter(user=OuterRef("user"), course=OuterRef("course"))
    reason = Case(
        When(overdue_q(today), then=Value(Reason.OVERDUE)),
        When(due_date__lte=soon, then=Value(Reason.DUE_SOON)),
        When(
            Q(enrolled_at__date__lte=assigned_before) & ~Exists(started),
            then=Value(Reason.NOT_STARTED),
        ),
        default=None,
        output_field=CharField(),
    )
    logged = Reminder.objects.filter(
        user=OuterRef("user"),
        course=OuterRef("course"),
        due_date=OuterRef("due_date"),
        reason=OuterRef("reason"),
    )
    return (
        Enrolment.objects.filter(
            source=Enrolment.Source.ASSIGNED,
            due_date__isnull=False,
            completed_at__isnull=True,
            user__is_active=True,
            course__live=True,
        )
        .annotate(reason=reason)
        .filter(reason__isnull=False)
        .exclude(Exists(logged))
        .order_by("course_id", "user_id")
        .values("user_id", "course_id", "due_date", "reason", email=F("user__email"))
    )


@dataclass
class AgencyCounts:
    name: str
    enrolled: int
    completed: int
    overdue: int


@dataclass
class Digest:
    """An HR officer's week: enrolments by agency of their scope and the overdue people."""

    agencies: list[AgencyCounts] = field(default_factory=list)
    overdue: list[Enrolment] = field(default_factory=list)

    @property
    def enrolled(self) -> int:
        return sum(row.enrolled for row in self.agencies)

    @property
    def completed(self) -> int:
        return sum(row.completed for row in self.agencies)

    @property
    def overdue_total(self) -> int:
        return sum(row.overdue for row in self.agencies)

    @property
    def overdue_more(self) -> int:
        """The overdue enrolments the digest counts but does not name."""
        return self.overdue_total - len(self.overdue)


def hr_digest(*, officer, today: datetime.date) -> Digest:
    """What ``officer``'s digest says on ``today``: for the active people of their scope
    (``learners.scope``) in live courses, the enrolled, completed and overdue counts per agency
    and the first ``DIGEST_OVERDUE_LIMIT`` overdue enrolments by due date. Two queries."""
    enrolments = Enrolment.objects.filter(
        user__in=scoped_people(officer).filter(is_active=True), course__live=True
    )
    rows = (
        enrolments.order_by("user__agency__path")
        .values("user__agency__path", "user__agency__name")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            overdue=Count("pk", filter=overdue_q(today)),
        )
    )
    overdue = (
        enrolments.overdue(today)
        .select_related("user__agency", "course")
        .order_by("due_date", "user__full_name", "pk")[:DIGEST_OVERDUE_LIMIT]
    )
    return Digest(
        agencies=[
            AgencyCounts(
                row["user__agency__name"] or "—", row["enrolled"], row["completed"], row["overdue"]
            )
            for row in rows
        ],
        overdue=list(overdue),
    )


def reminder_notices(*, user) -> list[Reminder]:
    """The reminders "Góc học tập" shows the person: the last ``NOTICE_DAYS`` days', of courses
    they have not completed yet (whatever the channel). One query."""
    if not user.is_authenticated:
        return []
    since = timezone.now() - datetime.timedelta(days=NOTICE_DAYS)
    open_enrolment = Enrolment.objects.filter(
        user=OuterRef("user"), course=OuterRef("course"), completed_at__isnull=True
    )
    return list(
        Reminder.objects.filter(user=user, course__isnull=False, created_at__gte=since)
        .filter(Exists(open_enrolment))
        .select_related("course")
        .order_by("-created_at", "-pk")[:NOTICE_LIMIT]
    )


def reminder_log(*, user) -> list[Reminder]:
    """Everything sent to the person (reminders and digests), newest first. One query."""
    return list(
        Reminder.objects.filter(user=user).select_related("course").order_by("-created_at", "-pk")
    )
