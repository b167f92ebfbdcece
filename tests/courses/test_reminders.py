"""Reminders (courses/reminders/): not started, due soon and overdue, each sent once, never to
people who completed; e-mail for people with an address, a notice on "Góc học tập" for all; the
log in both transcripts; the query count does not grow with the number of people."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Enrolment, Reminder
from courses.reminders import reminders_send
from home.mail import MAIL_RETRY_MINUTES
from home.schedule import registered_jobs
from learners.roles import HR_GROUP
from tests.courses.factories import CoursePageFactory, EnrolmentFactory, LessonProgressFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

Reason, Channel, Status = Reminder.Reason, Reminder.Channel, Reminder.Status


def today():
    return timezone.localdate()


def assigned(course, *, due_in, enrolled_days_ago=10, completed=False, **person):
    """A person given ``course`` ``enrolled_days_ago`` days ago, due in ``due_in`` days."""
    return EnrolmentFactory(
        user=UserFactory(**person),
        course=course,
        source=Enrolment.Source.ASSIGNED,
        due_date=today() + timedelta(days=due_in),
        enrolled_at=timezone.now() - timedelta(days=enrolled_days_ago),
        completed_at=timezone.now() if completed else None,
    ).user


def run(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return reminders_send(**kwargs)


def sent_to():
    return sorted((message.to[0], message.subject.split()[0]) for message in mail.outbox)


@pytest.fixture
def course():
    return CoursePageFactory(title="Kỹ năng cải cách hành chính")


def test_each_reason_is_sent_once(course, django_capture_on_commit_callbacks):
    late = assigned(course, due_in=-1)
    soon = assigned(course, due_in=3)
    idle = assigned(course, due_in=30)

    first = run(django_capture_on_commit_callbacks)
    second = run(django_capture_on_commit_callbacks)

    assert first == {
        (Reason.OVERDUE, Channel.EMAIL): 1,
        (Reason.DUE_SOON, Channel.EMAIL): 1,
        (Reason.NOT_STARTED, Channel.EMAIL): 1,
    }
    assert not second
    assert len(mail.outbox) == 3
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[late.email] == "Khóa học “Kỹ năng cải cách hành chính” đã quá hạn hoàn thành"
    assert subjects[soon.email].startswith("Sắp đến hạn hoàn thành khóa học")
    assert subjects[idle.email].startswith("Nhắc học: bạn chưa bắt đầu khóa học")
    assert set(Reminder.objects.values_list("status", flat=True)) == {Status.SENT}
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0


def test_the_database_refuses_a_second_row_for_the_same_reason(course):
    person = assigned(course, due_in=-1)
    row = {"user": person, "course": course, "reason": Reason.OVERDUE, "channel": Channel.EMAIL}
    due = today() - timedelta(days=1)
    Reminder.objects.create(**row, due_date=due, run="00000000-0000-0000-0000-000000000001")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(**row, due_date=due, run="00000000-0000-0000-0000-000000000002")
    # A new due date (HR gave the course again) may be reminded of again.
    Reminder.objects.create(
        **row, due_date=today() + timedelta(days=9), run="00000000-0000-0000-0000-000000000003"
    )


def test_the_days_go_by(course, django_capture_on_commit_callbacks):
    """One person, due in 20 days: not started after a week, then due soon, then overdue."""
    person = assigned(course, due_in=20, enrolled_days_ago=0)
    reasons = []
    for day in range(0, 25):
        counts = run(django_capture_on_commit_callbacks, today=today() + timedelta(days=day))
        reasons += [(day, reason) for reason, _channel in counts]
    assert reasons == [(7, Reason.NOT_STARTED), (13, Reason.DUE_SOON), (21, Reason.OVERDUE)]
    assert [message.to for message in mail.outbox] == [[person.email]] * 3


def test_nothing_for_completed_started_new_or_self_enrolled(
    course, django_capture_on_commit_callbacks
):
    assigned(course, due_in=-5, completed=True)
    assigned(course, due_in=3, completed=True)
    started = assigned(course, due_in=30)
    LessonProgressFactory(user=started, course=course)
    assigned(course, due_in=30, enrolled_days_ago=2)  # assigned two days ago
    EnrolmentFactory(course=course, due_date=None)  # self-enrolled, no due date
    assigned(course, due_in=-1, is_active=False)
    assigned(CoursePageFactory(live=False), due_in=-1)

    assert not run(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_people_without_email_get_a_notice_on_their_dashboard(
    course, django_capture_on_commit_callbacks
):
    quiet = assigned(course, due_in=-2, email="")
    loud = assigned(course, due_in=-2)

    counts = run(django_capture_on_commit_callbacks)

    assert counts == {(Reason.OVERDUE, Channel.ON_SITE): 1, (Reason.OVERDUE, Channel.EMAIL): 1}
    assert [message.to for message in mail.outbox] == [[loud.email]]
    notice = Reminder.objects.get(user=quiet)
    assert (notice.channel, notice.status) == (Channel.ON_SITE, Status.SENT)
    for person in (quiet, loud):  # both see it on "Góc học tập"
        client = Client()
        client.force_login(person)
        page = client.get("/hoc-tap/").content.decode()
        assert "Nhắc việc" in page and "Quá hạn hoàn thành" in page
        transcript = client.get("/hoc-tap/ket-qua/").content.decode()
        assert "Lời nhắc đã gửi" in transcript


def test_a_completed_course_leaves_the_notices(course, django_capture_on_commit_callbacks):
    person = assigned(course, due_in=-2, email="")
    run(django_capture_on_commit_callbacks)
    Enrolment.objects.filter(user=person).update(completed_at=timezone.now())
    client = Client()
    client.force_login(person)
    assert "Nhắc việc" not in client.get("/hoc-tap/").content.decode()
    # ...but the transcript keeps the log.
    assert "Quá hạn hoàn thành" in client.get("/hoc-tap/ket-qua/").content.decode()


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.gov.vn": (550, b"no such user")})


def test_an_smtp_failure_is_retried_then_recorded(
    course, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    person = assigned(course, due_in=-1)

    run(django_capture_on_commit_callbacks)

    reminder = Reminder.objects.get(user=person)
    assert reminder.status == Status.FAILED
    assert reminder.sent_at is None
    assert "SMTPRecipientsRefused" in reminder.error
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        f"E-mail {reminder.pk} not sent after {len(MAIL_RETRY_MINUTES) + 1} attempts: "
        + reminder.error
    ]
    # Failed is still "sent once": the next run does not try again.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert not run(django_capture_on_commit_callbacks)


def test_the_hr_transcript_shows_the_log(course, tree, django_capture_on_commit_callbacks):
    person = assigned(course, due_in=-1, agency=tree["office"])
    run(django_capture_on_commit_callbacks)
    officer = UserFactory(agency=tree["home_affairs"])
    officer.groups.add(Group.objects.get(name=HR_GROUP))
    client = Client()
    client.force_login(officer)
    response = client.get(f"/admin/reports/ket-qua-hoc-tap/nguoi/{person.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lời nhắc đã gửi" in page and "Quá hạn hoàn thành" in page and "Đã gửi" in page


@pytest.mark.parametrize("count", [5, 50])
def test_queries_do_not_grow_with_the_number_of_people(
    count, course, django_capture_on_commit_callbacks
):
    for n in range(count):
        without_email = {"email": ""} if n % 5 == 0 else {}
        assigned(course, due_in=(-1, 3, 30)[n % 3], **without_email)

    with CaptureQueriesContext(connection) as queries:
        counts = run(django_capture_on_commit_callbacks)

    assert sum(counts.values()) == count
    assert len(queries) == QUERIES, "\n".join(q["sql"][:150] for q in queries)


# Select the due, insert, read back (in a savepoint), the site for the course's URL (once per
# course), and the task's one UPDATE of the sent rows.
QUERIES = 7


def test_the_command_and_the_daily_job(course):
    assigned(course, due_in=-1)
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    assert "Sẽ gửi 1 lời nhắc" in out.getvalue()
    assert not Reminder.objects.exists()

    other = CoursePageFactory()
    assigned(other, due_in=20, enrolled_days_ago=0)
    in_8_days = (today() + timedelta(days=8)).isoformat()
    call_command("send_reminders", "--today", in_8_days, stdout=out)
    assert "Đã gửi 2 lời nhắc" in out.getvalue()
    assert Reminder.objects.get(course=other).reason == Reason.NOT_STARTED

    jobs = {job.name: job for job in registered_jobs()}
    assert jobs["courses.send_reminders"].args == ("send_reminders", [])
    assert jobs["courses.send_hr_digest"].weekday == 0


@pytest.mark.parametrize("command", ["send_reminders", "send_hr_digest"])
@pytest.mark.parametrize("value", ["2026-13-01", "13/01/2026", "ngày mai"])
def test_a_day_that_is_no_date_is_a_clear_error_and_sends_nothing(command, value):
    with pytest.raises(CommandError, match=f"Ngày “{value}” không đúng dạng YYYY-MM-DD."):
        call_command(command, "--today", value)
    assert not Reminder.objects.exists()
    assert not mail.outbox
