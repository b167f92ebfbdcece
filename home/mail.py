"""E-mail of the site: rendered from a text and an HTML template, sent by a background task.

``mail_enqueue`` renders ``<template>.txt`` and ``<template>.html`` (in the site's language, with
``site_name``, ``base_url`` and the caller's context) at once and queues ``home.tasks.mail_send``
in the caller's transaction. The task sends with ``EmailMultiAlternatives``; an SMTP failure is
tried again after 1, 5 and 15 minutes (``MAIL_RETRY_MINUTES``) and, after the last attempt,
logged at ERROR and reported to the caller's reporter (``mail_reporter_register``), which records
it (the reminders' log row: "failed" with the reason).

A run that sends many messages renders each with ``mail_render`` and queues them in one task with
``mail_enqueue_many``: one task row, one SMTP connection, the same number of queries for 5 or 50.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from . import tasks
from .links import absolute_url
from .tasks import MAIL_RETRY_MINUTES, mail_reporter_register

__all__ = [
    "MAIL_RETRY_MINUTES",
    "mail_enqueue",
    "mail_enqueue_many",
    "mail_render",
    "mail_reporter_register",
]


def _recipients(to) -> list[str]:
    return [to] if isinstance(to, str) else list(to)


def mail_render(*, to, subject, template, context, reply_to=None, key=None) -> dict:
    """One message, rendered: a dict the mail task takes (JSON only). ``key`` names the message
    for the reporter (e.g. the reminder row's id)."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": absolute_url(),
        **context,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(str(subject).split())  # one line, whatever the template gave
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return {
        "to": _recipients(to),
        "subject": subject,
        "text": text,
        "html": html,
        "reply_to": _recipients(reply_to) if reply_to else [],
        "key": key,
    }


def mail_enqueue_many(messages: list[dict], *, reporter: str | None = None):
    """Queue rendered messages (``mail_render``) in one task, in the current transaction.
    ``reporter``: the name a reporter was registered under, told what was sent and what failed."""
    if not messages:
        return None
    return tasks.enqueue_in_transaction(tasks.mail_send, messages, reporter=reporter)


def mail_enqueue(*, to, subject, template, context, reply_to=None, reporter=None, key=None):
    """Render ``<template>.txt`` and ``<template>.html`` with ``context`` and queue the message
    (in the current transaction: nothing is sent if it rolls back)."""
    message = mail_render(
        to=to, subject=subject, template=template, context=context, reply_to=reply_to, key=key
    )
    return mail_enqueue_many([message], reporter=reporter)
