"""A training programme's first weeks, in Chromium on the demo: the province's HR officer
imports three new civil servants who have no e-mail address, prints their activation codes, one
of them activates the account from the printed slip and signs in, HR assigns them the course,
and a week later the reminder run reminds them (on "Góc học tập": they have no e-mail), once;
people with an address get their reminders by e-mail in the same run.
"""

import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

try:
    from playwright.sync_api import expect
except ImportError:  # the package is skipped without Playwright (conftest.py)
    expect = None

from .conftest import PHONE, admin_sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("demo_snapshot"),
]

AGENCY = "STP-VP"  # Văn phòng Sở Tư pháp, in the demo province
PEOPLE = [
    ("CC090001", "Đinh Thị Mai", "Chuyên viên"),
    ("CC090002", "Lương Văn Tùng", "Chuyên viên chính"),
    ("CC090003", "Hà Thu Trang", "Cán sự"),
]
NEW_PASSWORD = "Hoc-CCHC-2026!"
CODE = r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}"
COURSE_TITLE = "Tập huấn công tác cải cách hành chính nhà nước năm 2017"


def codes_in(pdf: bytes) -> dict[str, str]:
    """{employee code: activation code} as printed on the slips."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    pattern = rf"Mã số công chức, viên chức: (\S+)[\s\S]*?({CODE})"
    return dict(re.findall(pattern, text))


def import_people(hr, tmp_path):
    sheet = tmp_path / "can-bo-moi.csv"
    with sheet.open("w", encoding="utf-8", newline="") as output:
        writer = csv.writer(output)
        writer.writerow(["Mã số công chức, viên chức", "Họ và tên", "Thư điện tử", "Mã cơ quan"])
        writer.writerows([code, name, "", AGENCY] for code, name, _position in PEOPLE)

    hr.goto("/admin/learners/import/")
    hr.get_by_role("link", name="Danh sách mã cơ quan, đơn vị").click()
    expect(hr.locator("[data-scope-agencies]")).to_contain_text(AGENCY)
    hr.go_back()
    hr.locator("input[name=file]").set_input_files(sheet)
    hr.get_by_role("button", name="Xem trước").click()
    for _code, name, _position in PEOPLE:
        expect(hr.locator("main")).to_contain_text(name)
    hr.get_by_role("button", name="Áp dụng").click()
    expect(hr.locator(".messages")).to_contain_text("Đã nhập 3 người mới")


def print_codes(hr) -> dict[str, str]:
    hr.goto("/admin/learners/activation/")
    agency = hr.locator("select[name=agency] option", has_text=f"({AGENCY})").first
    hr.locator("select[name=agency]").select_option(value=agency.get_attribute("value"))
    hr.get_by_role("button", name="Lọc").click()
    listing = hr.locator("[data-activation-list]")
    for _code, name, _position in PEOPLE:
        expect(listing).to_contain_text(name)
    with hr.expect_download() as download:
        hr.get_by_role("button", name="Cấp mã và in phiếu (PDF)").click()
    return codes_in(download.value.path().read_bytes())


def activate(person, employee_code, code):
    person.goto("/accounts/login/")
    person.get_by_role("link", name=re.compile("Kích hoạt tài khoản")).click()
    person.locator("[name=employee_code]").fill(employee_code)
    person.locator("[name=code]").fill(code.lower().replace("-", ""))  # as typed from paper
    person.get_by_role("button", name="Tiếp tục").click()
    expect(person.locator("h1")).to_contain_text("Chọn mật khẩu")
    person.locator("[name=new_password1]").fill(NEW_PASSWORD)
    person.locator("[name=new_password2]").fill(NEW_PASSWORD)
    person.get_by_role("button", name="Kích hoạt và đăng nhập").click()
    expect(person.locator("body")).to_contain_text("Tài khoản của bạn đã được kích hoạt")


def assign_course(hr, due_date):
    hr.goto("/admin/assignments/add/")
    course = hr.locator("select[name=course] option", has_text=COURSE_TITLE).first
    hr.locator("select[name=course]").select_option(value=course.get_attribute("value"))
    hr.locator("[name=people]").fill("\n".join(code for code, _name, _position in PEOPLE))
    hr.locator("[name=due_date]").fill(due_date.strftime("%d/%m/%Y"))
    hr.locator("main form [type=submit]").last.click()
    expect(hr.locator(".messages")).to_contain_text("Đã giao khóa học cho 3 người")


def test_hr_brings_three_people_without_email_to_their_course(new_context, page_errors, tmp_path):
    from courses.models import Reminder
    from learners.models import User

    hr = page_errors.watch(new_context().new_page())
    admin_sign_in(hr, "nhansu")
    import_people(hr, tmp_path)
    assert not User.objects.filter(employee_code__in=[p[0] for p in PEOPLE]).exclude(email="")

    codes = print_codes(hr)
    assert sorted(codes) == [code for code, _name, _position in PEOPLE]

    # The first person types the slip's code on a phone, chooses a password, and is signed in.
    first, _name, _position = PEOPLE[0]
    person = page_errors.watch(new_context(viewport=PHONE).new_page())
    activate(person, first, codes[first])
    person.goto("/hoc-tap/")
    expect(person.locator("main")).to_be_visible()
    assert User.objects.get(employee_code=first).has_usable_password()

    # The slip works once: typed again (someone else found it), it is refused, nothing changes.
    stranger = page_errors.watch(new_context().new_page())
    stranger.goto("/accounts/kich-hoat/")
    stranger.locator("[name=employee_code]").fill(first)
    stranger.locator("[name=code]").fill(codes[first])
    stranger.get_by_role("button", name="Tiếp tục").click()
    expect(stranger.locator("main")).to_contain_text("Chưa kích hoạt được tài khoản")

    due = timezone.localdate() + datetime.timedelta(days=30)
    assign_course(hr, due)

    # A week and a day later nobody has started: the daily run reminds all three, on "Góc học
    # tập" since they have no e-mail; a second run (another scheduler, a retry) sends nothing.
    later = (timezone.localdate() + datetime.timedelta(days=8)).isoformat()
    out = io.StringIO()
    call_command("send_reminders", "--today", later, stdout=out)
    reminded = Reminder.objects.filter(user__employee_code__in=[p[0] for p in PEOPLE])
    assert sorted(reminded.values_list("user__employee_code", "reason", "channel")) == [
        (code, "not_started", "on_site") for code, _name, _position in PEOPLE
    ]
    # People with an address are e-mailed (the demo's overdue district); ours are not.
    ours = {person.email for person in User.objects.filter(employee_code__in=codes)}
    assert ours == {""}
    assert mail.outbox and all("" not in message.to for message in mail.outbox)
    sent = len(mail.outbox)
    again = io.StringIO()
    call_command("send_reminders", "--today", later, stdout=again)
    assert "Đã gửi 0 lời nhắc." in again.getvalue()
    assert reminded.count() == 3
    assert len(mail.outbox) == sent

    person.goto("/hoc-tap/")
    notices = person.locator("main")
    expect(notices).to_contain_text("Nhắc việc")
    expect(notices).to_contain_text("Chưa bắt đầu học")
    assert page_errors == []
