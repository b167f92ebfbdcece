"""E-mail (home/mail.py, home.tasks.mail_send): rendered in Vietnamese as text and HTML, queued in
the caller's transaction, retried after SMTP failures and reported once no attempt is left."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home import tasks
from home.mail import MAIL_RETRY_MINUTES, mail_enqueue, mail_reporter_register

TEMPLATE = "courses/email/reminder_overdue"
CONTEXT = {
    "person": "Nguyễn Văn An",
    "course": "Cải cách hành chính <cơ bản>",
    "course_url": "http://testserver/khoa-hoc/cchc/",
    "dashboard_url": "http://testserver/hoc-tap/",
    "due_date": "01/12/2026",
}


class RefusingBackend(EmailBackend):
    """The SMTP server refuses every message."""

    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        raise smtplib.SMTPServerDisconnected("Máy chủ thư đóng kết nối")


@pytest.fixture
def reports():
    heard = []
    mail_reporter_register("tests.mail", lambda **kw: heard.append(kw))
    return heard


def enqueue(**kwargs):
    return mail_enqueue(
        to="an@example.gov.vn",
        subject="Khóa học đã quá hạn",
        template=TEMPLATE,
        context=CONTEXT,
        reporter="tests.mail",
        key=7,
        **kwargs,
    )


def test_a_message_is_rendered_as_text_and_html_and_sent_after_commit(
    db, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(reply_to="hr@example.gov.vn")
        assert mail.outbox == []  # not before the transaction commits

    [message] = mail.outbox
    assert message.to == ["an@example.gov.vn"]
    assert message.reply_to == ["hr@example.gov.vn"]
    assert message.subject == "Khóa học đã quá hạn"
    assert "Chào Nguyễn Văn An," in message.body
    assert "“Cải cách hành chính <cơ bản>”" in message.body  # text: not HTML-escaped
    assert "PAR Learn" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Cải cách hành chính &lt;cơ bản&gt;" in html
    assert 'href="http://testserver/khoa-hoc/cchc/"' in html
    assert reports == [{"sent": [7], "failed": [], "final": False}]


def test_smtp_failures_are_retried_then_reported(
    db, settings, reports, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    RefusingBackend.calls = 0
    with django_capture_on_commit_callbacks(execute=True):
        enqueue()

    attempts = 1 + len(MAIL_RETRY_MINUTES)
    assert RefusingBackend.calls == attempts
    assert [report["final"] for report in reports] == [False] * (attempts - 1) + [True]
    assert all(report["sent"] == [] for report in reports)
    assert reports[-1]["failed"][0][0] == 7
    assert "Máy chủ thư đóng kết nối" in reports[-1]["failed"][0][1]
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "not sent after 4 attempts" in errors[0].getMessage()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_queue_a_retry_waits(settings, reports):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with transaction.atomic():
        result = enqueue()
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()

    before = timezone.now()
    tasks.mail_send.call(*result.args, **result.kwargs)  # what the worker does

    retry = DBTaskResult.objects.exclude(id=result.id).get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after >= before + timedelta(minutes=MAIL_RETRY_MINUTES[0])
    assert reports[-1]["final"] is False


@pytest.fixture
def hung_smtp_server():
    """A TCP server that accepts connections and never says a word (a hung mail server)."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_a_hung_smtp_server_times_out_and_is_retried_then_reported(
    db, settings, reports, hung_smtp_server, django_capture_on_commit_callbacks
):
    """The real SMTP backend against a server that never answers: each attempt gives up after
    EMAIL_TIMEOUT instead of holding the worker, and the message is reported as not sent."""
    import time

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", hung_smtp_server
    settings.EMAIL_TIMEOUT = 1
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        enqueue()
    attempts = 1 + len(MAIL_RETRY_MINUTES)
    assert time.monotonic() - started < attempts * 1 + 5
    assert [report["final"] for report in reports] == [False] * (attempts - 1) + [True]
    assert reports[-1]["failed"][0][0] == 7


def test_the_timeout_is_set_for_every_environment():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 30
