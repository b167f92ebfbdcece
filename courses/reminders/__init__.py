"""Reminders to the people assigned a course and the weekly digest to HR officers.

``services``: ``reminders_send`` (daily: not started, due soon, overdue), ``hr_digests_send``
(weekly), ``reminders_report`` (what became of the e-mails). ``selectors``: ``reminders_due``,
``hr_digest``, ``reminder_notices`` (Góc học tập), ``reminder_log`` (transcripts). The log is the
model ``courses.models.Reminder``; each reminder is sent once, by a unique constraint.
"""

from .selectors import hr_digest, reminder_log, reminder_notices, reminders_due, week_of
from .services import (
    REPORTER,
    digest_report_url_register,
    hr_digests_send,
    hr_officers,
    reminders_report,
    reminders_send,
)

__all__ = [
    "REPORTER",
    "digest_report_url_register",
    "hr_digest",
    "hr_digests_send",
    "hr_officers",
    "reminder_log",
    "reminder_notices",
    "reminders_due",
    "reminders_report",
    "reminders_send",
    "week_of",
]
