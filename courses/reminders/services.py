"""Sending the reminders (daily) and the HR digest (weekly), and recording what became of them.

A run claims its rows first: one INSERT of every reminder due, skipping the rows the unique
constraints already hold (an earlier run's, or a second scheduler's at the same moment), then
reads back the rows it inserted (by its ``run`` id) and sends exactly those. The number of
queries does not grow with the number of people: one select, one insert, one read back, one
task for all the e-mails (and a digest's two queries per officer).

People with an e-mail address are sent an e-mail; everyone sees their recent reminders on
"Góc học tập" (the row is the notice; people without an address get only that).
"""

import datetime
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.formatting import format_date
from home.links import absolute_url
from home.mail import mail_enqueue_many, mail_render
from learners.roles import HR_GROUP

from ..models import Reminder
from .selectors import hr_digest, reminders_due, week_of

Reason = Reminder.Reason
Channel = Reminder.Channel
Status = Reminder.Status

REPORTER = "courses.reminders"

SUBJECTS = {
    Reason.NOT_STARTED: _("Nhắc học: bạn chưa bắt đầu khóa học “%(course)s”"),
    Reason.DUE_SOON: _("Sắp đến hạn hoàn thành khóa học “%(course)s” (%(due_date)s)"),
    Reason.OVERDUE: _("Khóa học “%(course)s” đã quá hạn hoàn thành"),
}
DIGEST_SUBJECT = _("Tổng hợp học tập trong tuần của %(agency)s")


def _channel(email: str) -> str:
    """E-mail to those with an address; the others see the notice on "Góc học tập" only."""
    return Channel.EMAIL if email else Channel.ON_SITE


def _claim(rows: list[Reminder]) -> uuid.UUID:
    """Insert the rows under one new run id, skipping those the constraints already hold."""
    run = uuid.uuid4()
    for row in rows:
        row.run = run
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return run


# Reminders to the people assigned a course -------------------------------------------------------


def _reminder_message(
    reminder: Reminder, *, course_urls: dict, dashboard_url: str, today: datetime.date
) -> dict:
    course, person = reminder.course, reminder.user
    if course.pk not in course_urls:
        course_urls[course.pk] = absolute_url(course.get_url() or "/")
    due = format_date(reminder.due_date)
    context = {
        "person": person.get_full_name(),
        "course": course.title,
        "course_url": course_urls[course.pk],
        "dashboard_url": dashboard_url,
        "due_date": due,
        "days_left": (reminder.due_date - today).days,
        "days_late": (today - reminder.due_date).days,
    }
    subject = SUBJECTS[reminder.reason] % {"course": course.title, "due_date": due}
    return mail_render(
        to=person.email,
        subject=subject,
        template=f"courses/email/reminder_{reminder.reason}",
        context=context,
        key=reminder.pk,
    )


def reminders_send(*, today: datetime.date | None = None, dry_run: bool = False) -> Counter:
    """Send the reminders due on ``today`` (``selectors.reminders_due``): an e-mail to those
    with an address, a notice on "Góc học tập" for everyone. Each reminder once: the log rows
    are claimed first. Returns the counts by (reason, channel); ``dry_run`` writes nothing."""
    today = today or timezone.localdate()
    due = list(reminders_due(today=today))
    if dry_run:
        return Counter((row["reason"], _channel(row["email"])) for row in due)
    now = timezone.now()
    with transaction.atomic():
        run = _claim(
            [
                Reminder(
                    user_id=row["user_id"],
                    course_id=row["course_id"],
                    due_date=row["due_date"],
                    reason=row["reason"],
                    channel=_channel(row["email"]),
                    status=Status.QUEUED if row["email"] else Status.SENT,
                    sent_at=None if row["email"] else now,
                )
                for row in due
            ]
        )
        claimed = list(
            Reminder.objects.filter(run=run).select_related("user", "course").order_by("pk")
        )
        course_urls = {}
        dashboard_url = absolute_url(reverse("dashboard"))
        messages = [
            _reminder_message(
                reminder, course_urls=course_urls, dashboard_url=dashboard_url, today=today
            )
            for reminder in claimed
            if reminder.channel == Channel.EMAIL
        ]
        mail_enqueue_many(messages, reporter=REPORTER)
    return Counter((reminder.reason, reminder.channel) for reminder in claimed)


# The HR digest ---------------------------------------------------------------------------------

_digest_report_url: list[Callable[[], str]] = []


def digest_report_url_register(url: Callable[[], str]) -> None:
    """Set where the digest's link leads: ``url()`` returns the overdue report's path (the
    reports app registers it from its ``apps.py``; the admin's home page until then)."""
    _digest_report_url[:] = [url]


def _digest_report_link() -> str:
    if _digest_report_url:
        return absolute_url(_digest_report_url[0]())
    return absolute_url(reverse("wagtailadmin_home"))


def hr_officers():
    """The HR officers a digest goes to: active, in the HR group, with an agency and an e-mail."""
    return (
        get_user_model()
        .objects.filter(groups__name=HR_GROUP, is_active=True, agency__isnull=False)
        .exclude(email="")
        .distinct()
    )


def hr_digests_send(*, today: datetime.date | None = None, dry_run: bool = False) -> int:
    """Send each HR officer the digest of their scope for ``today``'s week, once per week
    (claimed like the reminders). Returns how many were queued (would be, with ``dry_run``)."""
    today = today or timezone.localdate()
    week = week_of(today)
    sent = Reminder.objects.filter(
        user=OuterRef("pk"), reason=Reason.DIGEST, week=week, course__isnull=True
    )
    officers = hr_officers().exclude(Exists(sent))
    if dry_run:
        return officers.count()
    with transaction.atomic():
        run = _claim(
            [
                Reminder(user_id=pk, reason=Reason.DIGEST, week=week, channel=Channel.EMAIL)
                for pk in officers.values_list("pk", flat=True)
            ]
        )
        claimed = list(
            Reminder.objects.filter(run=run).select_related("user__agency").order_by("pk")
        )
        link = _digest_report_link()
        messages = []
        for row in claimed:
            officer = row.user
            context = {
                "person": officer.get_full_name(),
                "scope": officer.agency.name,
                "week": format_date(week),
                "digest": hr_digest(officer=officer, today=today),
                "report_url": link,
            }
            messages.append(
                mail_render(
                    to=officer.email,
                    subject=DIGEST_SUBJECT % {"agency": officer.agency.name},
                    template="courses/email/hr_digest",
                    context=context,
                    key=row.pk,
                )
            )
        mail_enqueue_many(messages, reporter=REPORTER)
    return len(claimed)


# What became of the e-mails (home.tasks.mail_send tells) ---------------------------------------


def reminders_report(*, sent: list, failed: list, final: bool) -> None:
    """Record an attempt of the mail task: the rows sent; the failed ones keep their reason,
    and are "failed" once no attempt is left (queued again until then)."""
    sent = [key for key in sent if key is not None]
    if sent:
        Reminder.objects.filter(pk__in=sent).update(
            status=Status.SENT, sent_at=timezone.now(), error=""
        )
    by_reason = defaultdict(list)
    for key, reason in failed:
        if key is not None:
            by_reason[reason].append(key)
    for reason, keys in by_reason.items():
        Reminder.objects.filter(pk__in=keys).update(
            status=Status.FAILED if final else Status.QUEUED, error=reason[:500]
        )
