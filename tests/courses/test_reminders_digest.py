"""The weekly HR digest: each officer hears of their own scope only (counts by agency, the
overdue people, a link to the overdue report), once a week, by e-mail."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses.models import Enrolment, Reminder
from courses.reminders import hr_digests_send, week_of
from courses.reminders.selectors import DIGEST_OVERDUE_LIMIT
from learners.roles import HR_GROUP
from tests.courses.factories import CoursePageFactory, EnrolmentFactory
from tests.learners.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.districts]


def today():
    return timezone.localdate()


def officer(agency, **kwargs):
    user = UserFactory(agency=agency, **kwargs)
    user.groups.add(Group.objects.get(name=HR_GROUP))
    return user


def enrol(course, agency, *, name, due_in=None, completed=False):
    return EnrolmentFactory(
        user=UserFactory(agency=agency, full_name=name),
        course=course,
        source=Enrolment.Source.ASSIGNED,
        due_date=today() + timedelta(days=due_in) if due_in is not None else None,
        completed_at=timezone.now() if completed else None,
    )


def send(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return hr_digests_send(**kwargs)


@pytest.fixture
def course():
    return CoursePageFactory(title="Kỹ năng cải cách hành chính")


def test_each_officer_hears_of_their_scope_only(tree, course, django_capture_on_commit_callbacks):
    enrol(course, tree["district_a"], name="Trần Thị Bình", due_in=-3)
    enrol(course, tree["office_a"], name="Lê Văn Cường", due_in=10)
    enrol(course, tree["office_a"], name="Phạm Thị Dung", completed=True)
    enrol(course, tree["office_b"], name="Hoàng Văn Em", due_in=-1)
    officer_a = officer(tree["district_a"])
    officer_b = officer(tree["office_b"])
    officer(tree["office"], email="")  # no address: no digest
    UserFactory(agency=tree["office_a"])  # not HR

    assert send(django_capture_on_commit_callbacks) == 2

    digests = {message.to[0]: message for message in mail.outbox}
    assert set(digests) == {officer_a.email, officer_b.email}
    text_a = digests[officer_a.email].body
    assert digests[officer_a.email].subject == "Tổng hợp học tập trong tuần của UBND huyện A"
    assert "Tổng cộng: 3 lượt ghi danh, 1 đã hoàn thành, 1 quá hạn." in text_a
    assert "- UBND huyện A: 1 / 0 / 1" in text_a
    assert "- Phòng Nội vụ A: 2 / 1 / 0" in text_a
    assert "Trần Thị Bình (UBND huyện A): Kỹ năng cải cách hành chính" in text_a
    assert "Hoàng Văn Em" not in text_a and "Phòng Nội vụ B" not in text_a
    assert "http://testserver/admin/reports/ket-qua-hoc-tap/?status=overdue" in text_a
    html_a = digests[officer_a.email].alternatives[0][0]
    assert "Trần Thị Bình" in html_a and "Hoàng Văn Em" not in html_a

    text_b = digests[officer_b.email].body
    assert "Hoàng Văn Em (Phòng Nội vụ B)" in text_b
    assert "Trần Thị Bình" not in text_b and "Lê Văn Cường" not in text_b


def test_once_a_week(tree, course, django_capture_on_commit_callbacks):
    hr = officer(tree["district_a"])
    monday = week_of(today())

    assert send(django_capture_on_commit_callbacks, today=monday) == 1
    assert send(django_capture_on_commit_callbacks, today=monday + timedelta(days=3)) == 0
    assert send(django_capture_on_commit_callbacks, today=monday + timedelta(days=7)) == 1

    assert len(mail.outbox) == 2
    rows = Reminder.objects.filter(user=hr).order_by("week")
    assert [(row.reason, row.week, row.status) for row in rows] == [
        (Reminder.Reason.DIGEST, monday, Reminder.Status.SENT),
        (Reminder.Reason.DIGEST, monday + timedelta(days=7), Reminder.Status.SENT),
    ]


def test_a_long_overdue_list_is_capped(tree, course, django_capture_on_commit_callbacks):
    for n in range(DIGEST_OVERDUE_LIMIT + 3):
        enrol(course, tree["office_a"], name=f"Người quá hạn {n:02d}", due_in=-1 - n)
    officer(tree["district_a"])

    send(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.body.count("): Kỹ năng cải cách hành chính, hạn") == DIGEST_OVERDUE_LIMIT
    assert "… và 3 trường hợp quá hạn khác." in message.body


def test_the_command(tree, course):
    officer(tree["district_a"])
    out = StringIO()
    call_command("send_hr_digest", "--dry-run", stdout=out)
    assert "Sẽ gửi 1 bản tổng hợp" in out.getvalue()
    assert not Reminder.objects.exists()
