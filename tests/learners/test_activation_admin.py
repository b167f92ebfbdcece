"""HR's "Kích hoạt tài khoản" screens: the list of people who have not activated (in scope,
constant queries), activation e-mails, codes issued and printed in one POST (the PDF in
Vietnamese), re-issue, scope by URL tampering, the agency codes list, and the staff import's
option to send activation e-mails."""

import csv
import io
import re

import pypdfium2
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from learners.audit import (
    ACTIVATION_CODES_LOG_ACTION,
    ACTIVATION_EMAILS_LOG_ACTION,
    ACTIVATION_REISSUE_LOG_ACTION,
)
from learners.models import ActivationCode, User
from learners.roles import HR_GROUP, TRAINER_GROUP
from learners.services import activation_code_check
from tests.learners.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.districts]

INDEX = reverse("activation:index")
CODES = reverse("activation:codes")
EMAILS = reverse("activation:emails")
AGENCIES = reverse("activation:agencies")
CODE_PATTERN = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\b")


def imported(agency, **fields):
    person = UserFactory(agency=agency, **{"email": "", **fields})
    person.set_unusable_password()
    person.save()
    return person


def member_of(group, agency, username):
    user = UserFactory(username=username, agency=agency)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(tree):
    return member_of(HR_GROUP, tree["district_a"], "tccb_huyen_a")


@pytest.fixture
def people(tree):
    return {
        "a1": imported(tree["office_a"], full_name="Nguyễn Thị Ánh Tuyết", employee_code="HA001"),
        "a2": imported(tree["office_a"], full_name="Trần Văn Đức", employee_code="HA002"),
        "a_mail": imported(
            tree["office_a"], full_name="Lê Thị Hà", employee_code="HA003", email="ha@a.gov.vn"
        ),
        "b1": imported(tree["office_b"], full_name="Phạm Văn Bình", employee_code="HB001"),
        "b_mail": imported(
            tree["office_b"], full_name="Võ Thị Lan", employee_code="HB002", email="lan@b.gov.vn"
        ),
        "active_a": UserFactory(agency=tree["office_a"], full_name="Đã Kích Hoạt"),
    }


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_the_list_shows_the_scope_people_who_have_not_activated(officer_client, people):
    page = officer_client.get(INDEX)
    assert page.status_code == 200
    for key in ("a1", "a2", "a_mail"):
        assert people[key].full_name in page.text
    for key in ("b1", "b_mail", "active_a"):
        assert people[key].full_name not in page.text
    assert "Chưa cấp" in page.text
    assert "/admin/learners/activation/" in officer_client.get("/admin/").text


def test_codes_are_issued_and_printed_in_vietnamese(officer_client, people, tree):
    response = officer_client.post(CODES, {"agency": tree["office_a"].pk, "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert "Nguyễn Thị Ánh Tuyết" in text and "Trần Văn Đức" in text
    assert "Lê Thị Hà" not in text  # has an e-mail address: the link instead
    assert "Mã kích hoạt" in text and "Phòng Nội vụ A" in text
    assert "http://testserver/accounts/kich-hoat/" in text
    codes = CODE_PATTERN.findall(text)
    assert len(codes) == 2
    for code in codes:
        assert activation_code_check(employee_code="HA001", code=code) or activation_code_check(
            employee_code="HA002", code=code
        )
    assert set(ActivationCode.objects.values_list("user__employee_code", flat=True)) == {
        "HA001",
        "HA002",
    }
    entry = ModelLogEntry.objects.get(action=ACTIVATION_CODES_LOG_ACTION)
    assert entry.data == {"count": 2, "agency": "Phòng Nội vụ A"}
    assert not any(code in str(ModelLogEntry.objects.values_list("data")) for code in codes)
    listing = officer_client.get(INDEX, {"agency": tree["office_a"].pk}).text
    assert "Cấp ngày" in listing and "Cấp lại mã (PDF)" in listing


def test_include_email_and_spreadsheets_neutralise_formulas(officer_client, people, tree):
    User.objects.filter(pk=people["a1"].pk).update(position="=HYPERLINK(1)")
    response = officer_client.post(CODES, {"format": "csv", "include_email": "1"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Họ và tên" and len(rows) == 4
    assert "'=HYPERLINK(1)" in [row[3] for row in rows]
    assert all(CODE_PATTERN.fullmatch(row[4]) for row in rows[1:])
    response = officer_client.post(CODES, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3  # the two without e-mail, issued again
    assert ActivationCode.objects.count() == 3


def test_reissue_one_person_replaces_the_code_and_logs_it(officer_client, people):
    url = reverse("activation:person_codes", args=[people["a1"].pk])
    first = CODE_PATTERN.findall(pdf_text(officer_client.post(url).content))
    second = CODE_PATTERN.findall(pdf_text(officer_client.post(url).content))
    assert len(first) == len(second) == 1 and first != second
    assert activation_code_check(employee_code="HA001", code=first[0]) is None
    assert activation_code_check(employee_code="HA001", code=second[0]) is not None
    entries = ModelLogEntry.objects.filter(action=ACTIVATION_REISSUE_LOG_ACTION)
    assert entries.count() == 2
    assert {str(e.object_id) for e in entries} == {str(people["a1"].pk)}


def test_another_districts_people_are_out_of_reach(officer_client, people, tree):
    for url, data in (
        (CODES, {"agency": tree["office_b"].pk}),
        (CODES, {"agency": tree["district_b"].pk, "format": "csv"}),
        (EMAILS, {"agency": tree["office_b"].pk}),
        (reverse("activation:person_codes", args=[people["b1"].pk]), {}),
        (reverse("activation:person_emails", args=[people["b_mail"].pk]), {}),
        (INDEX + f"?agency={tree['office_b'].pk}", None),
    ):
        response = officer_client.post(url, data) if data is not None else officer_client.get(url)
        assert response.status_code == 404, url
    assert not ActivationCode.objects.exists()
    assert not mail.outbox
    # Everything in scope, without an agency: district B is left out.
    officer_client.post(CODES, {"include_email": "1"})
    assert set(ActivationCode.objects.values_list("user__employee_code", flat=True)) == {
        "HA001",
        "HA002",
        "HA003",
    }


def test_activation_emails_for_people_with_an_address(
    officer_client, people, tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(EMAILS, {"agency": tree["district_a"].pk})
    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}?agency={tree['district_a'].pk}"
    assert [m.to for m in mail.outbox] == [["ha@a.gov.vn"]]
    assert "/accounts/kich-hoat/" in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action=ACTIVATION_EMAILS_LOG_ACTION)
    assert entry.data["count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("activation:person_emails", args=[people["a_mail"].pk]))
    assert len(mail.outbox) == 2


def test_the_list_takes_the_same_queries_for_5_and_50_people(officer_client, tree, officer):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert officer_client.get(INDEX).status_code == 200
        return len(queries)

    for number in range(5):
        imported(tree["office_a"], employee_code=f"Q{number:03d}")
    count()  # the first request of the session writes the session
    few = count()
    for number in range(5, 50):
        person = imported(tree["office_a"], employee_code=f"Q{number:03d}")
        if number % 2:
            ActivationCode.objects.create(
                user=person,
                code_hash="x" * 64,
                issued_by=officer,
                issued_at="2026-01-01T00:00Z",
                expires_at="2026-02-01T00:00Z",
            )
    assert count() == few


def test_trainers_are_refused(client, tree, people):
    client.force_login(member_of(TRAINER_GROUP, tree["district_a"], "giangvien"))
    assert client.get(INDEX).status_code == 403
    assert client.post(CODES).status_code == 403
    assert not ActivationCode.objects.exists()


def test_hr_sees_the_agency_codes_of_its_scope(officer_client, tree):
    page = officer_client.get(AGENCIES)
    assert page.status_code == 200
    assert "HA-NV" in page.text and "UBND huyện A" in page.text
    assert "HB-NV" not in page.text and "SNV" not in page.text
    assert AGENCIES in officer_client.get(reverse("learners_import")).text


def test_the_staff_import_can_send_activation_emails(
    officer_client, tree, django_capture_on_commit_callbacks
):
    rows = [
        ["employee_code", "full_name", "email", "agency_code", "position"],
        ["HA100", "Đinh Thị Mai", "mai@a.gov.vn", "HA-NV", "Chuyên viên"],
        ["HA101", "Hồ Văn Nam", "", "HA-NV", "Chuyên viên"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    upload = SimpleUploadedFile("ds.csv", buffer.getvalue().encode())
    preview = officer_client.post(
        reverse("learners_import"), {"file": upload, "send_activation": "on"}
    )
    assert preview.status_code == 302
    page = officer_client.get(preview["Location"])
    assert "sẽ nhận thư kích hoạt" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        done = officer_client.post(page.context["apply_url"])
    assert done.status_code == 302
    assert [m.to for m in mail.outbox] == [["mai@a.gov.vn"]]
    assert User.objects.filter(employee_code__in=["HA100", "HA101"]).count() == 2


def test_hr_finds_an_activated_person_in_scope_to_reissue_a_code(officer_client, people):
    page = officer_client.get(INDEX, {"q": "Đã Kích"})
    assert "Đã Kích Hoạt" in page.text and "Đã kích hoạt" in page.text
    assert officer_client.get(INDEX, {"q": "HB001"}).context["page"].paginator.count == 0
    person = people["active_a"]
    url = reverse("activation:person_codes", args=[person.pk])
    [code] = CODE_PATTERN.findall(pdf_text(officer_client.post(url).content))
    row = activation_code_check(employee_code=person.employee_code, code=code)
    assert row is not None and row.replaces_password
