"""Background work of the home app, and how every app queues its tasks.

Tasks are django_tasks tasks. With the database backend (settings: the default outside the test
suite) ``enqueue`` inserts a row in the caller's transaction: the task exists exactly when the
data it acts on does, and a ``manage.py db_worker`` process runs it after the commit.
"""

import io
import logging
import smtplib
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.management import call_command
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import ScheduledRun
from .ratelimit import ratecounter_purge_expired

logger = logging.getLogger(__name__)

# What a command's output keeps in the task's result (the worker's log has the rest).
COMMAND_OUTPUT_MAX_CHARS = 2000
# E-mail (home/mail.py): a message the SMTP server refused or could not take is tried again
# after these many minutes, then reported as failed.
MAIL_RETRY_MINUTES = (1, 5, 15)
MAIL_ERROR_MAX_CHARS = 500


def enqueue_in_transaction(task_, *args, **kwargs):
    """Queue ``task_`` as part of the current transaction: nothing is queued if it rolls back.

    The database backend stores the task in the same transaction (returns its result); any other
    backend (the immediate one runs the task at once) is handed the task once the transaction
    commits, so the task always sees the committed rows (returns None then)."""
    if isinstance(task_.get_backend(), DatabaseBackend):
        return task_.enqueue(*args, **kwargs)
    transaction.on_commit(partial(task_.enqueue, *args, **kwargs))
    return None


@task()
def command_run(command: str, args: list[str] | None = None) -> str:
    """Run a management command (a scheduled job) and return the end of what it printed."""
    out = io.StringIO()
    call_command(command, *(args or []), stdout=out, stderr=out)
    return out.getvalue()[-COMMAND_OUTPUT_MAX_CHARS:]


@task()
def ratecounters_purge_expired() -> int:
    """Delete the database rate counters whose window has passed."""
    return ratecounter_purge_expired()


@task()
def task_results_prune(days: int | None = None) -> int:
    """Delete finished task rows and scheduler slots older than ``days``
    (``TASK_RESULTS_KEEP_DAYS``); queued and running tasks are kept, and so is each job's latest
    slot (without it the scheduler would take that slot for a new one, e.g. a weekly job's)."""
    if days is None:
        days = settings.TASK_RESULTS_KEEP_DAYS
    cutoff = timezone.now() - timedelta(days=days)
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    later = ScheduledRun.objects.filter(job=OuterRef("job"), slot__gt=OuterRef("slot"))
    runs, _ = ScheduledRun.objects.filter(Exists(later), slot__lt=cutoff).delete()
    return tasks + runs


# E-mail ----------------------------------------------------------------------------------------

_mail_reporters: dict[str, Callable] = {}


def mail_reporter_register(name: str, reporter: Callable) -> None:
    """Register ``reporter(*, sent: list, failed: list[(key, reason)], final: bool)``: called
    after each attempt of ``mail_send`` with the keys of the messages sent and of those that
    failed; ``final`` once no attempt is left for the failed ones. Call it from an
    ``AppConfig.ready()``."""
    _mail_reporters[name] = reporter


def _mail_message(message: dict, connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["text"],
        to=message["to"],
        reply_to=message.get("reply_to") or None,
        connection=connection,
    )
    email.attach_alternative(message["html"], "text/html")
    return email


def _mail_error(error: Exception) -> str:
    return (f"{type(error).__name__}: {error}")[:MAIL_ERROR_MAX_CHARS]


def _mail_deliver(messages: list[dict]) -> tuple[list, list, list[dict]]:
    """Send over one connection: (keys sent, [(key, reason)] failed, the messages unsent)."""
    sent, failed, unsent = [], [], []
    try:
        connection = get_connection()
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        reason = _mail_error(error)
        return [], [(message["key"], reason) for message in messages], list(messages)
    try:
        for message in messages:
            try:
                _mail_message(message, connection).send()
            except (smtplib.SMTPException, OSError) as error:
                failed.append((message["key"], _mail_error(error)))
                unsent.append(message)
            else:
                sent.append(message["key"])
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            logger.warning("Closing the SMTP connection failed", exc_info=True)
    return sent, failed, unsent


@task()
def mail_send(messages: list[dict], reporter: str | None = None, attempt: int = 1) -> dict:
    """Send rendered messages (``home.mail.mail_render``). Those the server refuses or cannot
    take (``SMTPException``, ``OSError``) are queued again after ``MAIL_RETRY_MINUTES[attempt-1]``
    minutes; after the last attempt they are logged at ERROR. The reporter hears of every
    attempt (before the next is queued)."""
    sent, failed, unsent = _mail_deliver(messages)
    final = attempt > len(MAIL_RETRY_MINUTES)
    if unsent and final:
        for key, reason in failed:
            logger.error("E-mail %s not sent after %d attempts: %s", key, attempt, reason)
    elif unsent:
        logger.warning("%d e-mail(s) not sent (attempt %d): %s", len(unsent), attempt, failed[0][1])
    report = _mail_reporters.get(reporter) if reporter else None
    if report is not None:
        report(sent=sent, failed=failed, final=final)
    if unsent and not final:
        retry = mail_send
        if retry.get_backend().supports_defer:
            minutes = MAIL_RETRY_MINUTES[attempt - 1]
            retry = retry.using(run_after=timezone.now() + timedelta(minutes=minutes))
        enqueue_in_transaction(retry, unsent, reporter=reporter, attempt=attempt + 1)
    return {"sent": len(sent), "failed": len(failed), "attempt": attempt}
