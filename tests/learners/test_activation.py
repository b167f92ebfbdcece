"""First sign-in of imported people: activation codes (hashed, single use, expiring, one live
per person), the public "Kích hoạt tài khoản" pages, activation links and "Quên mật khẩu" for
people who have never had a password."""

import re
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from learners import activation
from learners.activation import ACTIVATION_REFUSED, activation_token_generator
from learners.audit import (
    ACTIVATION_CODES_LOG_ACTION,
    ACTIVATION_REISSUE_LOG_ACTION,
    ACTIVATION_USE_LOG_ACTION,
)
from learners.models import ActivationCode, User
from learners.services import activation_code_check, activation_codes_issue, activation_emails_send
from learners.views import ACTIVATED
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

CODE_URL = reverse("activation")
PASSWORD_URL = reverse("activation_password")
NEW_PASSWORD = "Hoc-CCHC-2026!"


def imported(agency, **fields):
    """A person as the staff import makes them: no usable password."""
    person = UserFactory(agency=agency, **{"email": "", **fields})
    person.set_unusable_password()
    person.save()
    return person


@pytest.fixture
def admin_user(tree):
    return UserFactory(username="quantri", is_superuser=True, is_staff=True, agency=None)


@pytest.fixture
def person(tree):
    return imported(tree["office"], username="cc100001", employee_code="CC100001")


def issue(person, by, **kwargs):
    return activation_codes_issue(by=by, people=[person], **kwargs)[0].code


def snapshot(person):
    row = ActivationCode.objects.filter(user=person).values_list("used_at", "code_hash").first()
    return User.objects.get(pk=person.pk).password, row


def activate(client, employee_code, code, password=NEW_PASSWORD):
    first = client.post(CODE_URL, {"employee_code": employee_code, "code": code})
    if first.status_code != 302:
        return first
    return client.post(PASSWORD_URL, {"new_password1": password, "new_password2": password})


# The codes themselves ---------------------------------------------------------------------------


def test_codes_are_unambiguous_grouped_and_normalised():
    codes = {activation.code_generate() for _ in range(300)}
    assert len(codes) == 300
    assert not set("".join(codes)) & set("0O1IL")
    formatted = activation.code_format("ABCDEFGHJK")
    assert formatted == "ABCD-EFGH-JK"
    assert activation.code_normalise(" abcd efgh-jk ") == "ABCDEFGHJK"


def test_hashing_a_sheet_of_500_is_fast():
    start = time.perf_counter()
    for number in range(500):
        activation.code_hash(user_id=number, code=activation.code_generate())
    assert time.perf_counter() - start < 0.5


def test_codes_are_stored_hashed_never_in_clear_nor_logged(person, admin_user, tree):
    issued = activation_codes_issue(by=admin_user, people=[person], agency=tree["office"])
    code = activation.code_normalise(issued[0].code)
    row = ActivationCode.objects.get(user=person)
    assert code not in row.code_hash and issued[0].code not in row.code_hash
    assert len(row.code_hash) == 64
    assert row.expires_at - row.issued_at == timedelta(days=30)
    entry = ModelLogEntry.objects.get(action=ACTIVATION_CODES_LOG_ACTION)
    assert entry.data == {"count": 1, "agency": "Phòng Tổ chức"}
    assert str(entry.object_id) == str(tree["office"].pk)
    for logged in ModelLogEntry.objects.values_list("data", flat=True):
        assert code not in str(logged) and issued[0].code not in str(logged)


def test_one_live_code_per_person_and_a_reissue_is_logged_on_the_person(person, admin_user):
    first = issue(person, admin_user)
    second = issue(person, admin_user, single=True)
    assert ActivationCode.objects.filter(user=person).count() == 1
    assert activation_code_check(employee_code="CC100001", code=first) is None
    assert activation_code_check(employee_code="cc100001", code=second.lower()) is not None
    entry = ModelLogEntry.objects.get(action=ACTIVATION_REISSUE_LOG_ACTION)
    assert str(entry.object_id) == str(person.pk)


def test_activation_code_days_setting(person, admin_user, settings):
    settings.ACTIVATION_CODE_DAYS = 3
    issue(person, admin_user)
    row = ActivationCode.objects.get(user=person)
    assert row.expires_at - row.issued_at == timedelta(days=3)


# The public page ---------------------------------------------------------------------------------


def test_activation_by_code_signs_in_with_the_new_password(client, person, admin_user):
    assert 'href="/accounts/kich-hoat/"' in client.get(reverse("login")).text
    code = issue(person, admin_user)
    page = client.get(CODE_URL)
    assert "Kích hoạt tài khoản" in page.text
    response = activate(client, "cc100001", code.replace("-", " ").lower())
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[SESSION_KEY] == str(person.pk)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert ActivationCode.objects.get(user=person).used_at is not None
    assert ModelLogEntry.objects.filter(action=ACTIVATION_USE_LOG_ACTION, object_id=person.pk)
    assert ACTIVATED in [str(m) for m in client.get("/").context["messages"]]


def refused(response):
    assert response.status_code == 200
    assert str(ACTIVATION_REFUSED) in response.text
    assert SESSION_KEY not in response.wsgi_request.session


def test_a_code_works_once(client, person, admin_user):
    code = issue(person, admin_user)
    activate(client, "CC100001", code)
    client.logout()
    before = snapshot(person)
    refused(activate(client, "CC100001", code, password="Khac-Han-2026!"))
    assert snapshot(person) == before


def test_expired_wrong_and_unknown_are_refused_alike_with_nothing_changed(
    client, person, admin_user, tree
):
    code = issue(person, admin_user)
    before = snapshot(person)
    refused(activate(client, "CC100001", "ABCD-EFGH-JK"))
    refused(activate(client, "CC999999", code))
    ActivationCode.objects.filter(user=person).update(expires_at=timezone.now())
    expired = snapshot(person)
    refused(activate(client, "CC100001", code))
    assert snapshot(person) == expired
    assert before[0] == expired[0] and not User.objects.get(pk=person.pk).has_usable_password()


def test_inactive_people_cannot_activate(client, person, admin_user):
    code = issue(person, admin_user)
    User.objects.filter(pk=person.pk).update(is_active=False)
    before = snapshot(person)
    refused(activate(client, "CC100001", code))
    assert snapshot(person) == before


def test_a_person_with_a_password_needs_an_explicit_reissue(client, tree, admin_user):
    member = UserFactory(agency=tree["office"], employee_code="CC100002", email="")
    batch = activation_codes_issue(by=admin_user, people=[member], agency=tree["office"])[0]
    refused(activate(client, "CC100002", batch.code))
    assert User.objects.get(pk=member.pk).check_password("Demo@2017")
    code = issue(member, admin_user, single=True)
    assert activate(client, "CC100002", code).status_code == 302
    assert User.objects.get(pk=member.pk).check_password(NEW_PASSWORD)


def test_a_code_reissued_between_the_steps_is_refused(client, person, admin_user):
    code = issue(person, admin_user)
    client.post(CODE_URL, {"employee_code": "CC100001", "code": code})
    issue(person, admin_user, single=True)
    before = snapshot(person)
    response = client.post(
        PASSWORD_URL, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == CODE_URL
    assert snapshot(person) == before
    assert SESSION_KEY not in client.session


def test_the_password_step_needs_the_first_and_the_validators(client, person, admin_user):
    response = client.get(PASSWORD_URL)
    assert response.status_code == 302 and response["Location"] == CODE_URL
    code = issue(person, admin_user)
    client.post(CODE_URL, {"employee_code": "CC100001", "code": code})
    before = snapshot(person)
    weak = client.post(PASSWORD_URL, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200 and "Chọn mật khẩu" in weak.text
    assert snapshot(person) == before
    assert client.get(PASSWORD_URL).status_code == 200


def test_attempts_are_limited_per_employee_code(client, person, admin_user):
    code = issue(person, admin_user)
    for _ in range(5):
        refused(activate(client, "CC100001", "ABCD-EFGH-JK"))
    refused(activate(client, "CC100001", code))
    assert ActivationCode.objects.get(user=person).used_at is None


def test_step_one_answer_does_not_depend_on_the_person_existing(client, person):
    unknown = client.post(CODE_URL, {"employee_code": "KHONGCO", "code": "ABCD-EFGH-JK"})
    known = client.post(CODE_URL, {"employee_code": "CC100001", "code": "ABCD-EFGH-JK"})
    for response in (unknown, known):
        refused(response)
        assert response.text.count("alert--error") == 1


# Activation links -------------------------------------------------------------------------------


def link_of(message) -> str:
    return re.search(r"http://testserver(/accounts/kich-hoat/\S+/)", message.body).group(1)


def test_activation_link_sets_the_password_and_signs_in_once(
    client, tree, admin_user, django_capture_on_commit_callbacks
):
    person = imported(tree["office"], employee_code="CC100003", email="binh@snv.gov.vn")
    with django_capture_on_commit_callbacks(execute=True):
        assert activation_emails_send(by=admin_user, people=[person]) == 1
    [message] = mail.outbox
    assert message.to == ["binh@snv.gov.vn"]
    assert "Kích hoạt tài khoản" in message.subject
    assert message.alternatives and "Kích hoạt tài khoản" in message.alternatives[0][0]
    link = link_of(message)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/"
    assert client.session[SESSION_KEY] == str(person.pk)
    assert User.objects.get(pk=person.pk).check_password(NEW_PASSWORD)
    assert ModelLogEntry.objects.filter(action=ACTIVATION_USE_LOG_ACTION, object_id=person.pk)
    client.logout()
    again = client.get(link, follow=True)
    assert not again.context["validlink"]
    assert "không dùng được nữa" in again.text


def test_activation_link_expires_and_refuses_inactive_people(tree, monkeypatch):
    person = imported(tree["office"], employee_code="CC100004", email="c@snv.gov.vn")
    token = activation_token_generator.make_token(person)
    assert activation_token_generator.check_token(person, token)
    later = activation_token_generator._now() + timedelta(days=8)
    monkeypatch.setattr(activation_token_generator, "_now", lambda: later)
    assert not activation_token_generator.check_token(person, token)
    monkeypatch.undo()
    User.objects.filter(pk=person.pk).update(is_active=False)
    page = Client().get(activation.activation_link(person).removeprefix("http://testserver"))
    assert page.status_code == 200 and not page.context["validlink"]


# "Quên mật khẩu" --------------------------------------------------------------------------------


def test_password_reset_reaches_imported_people_with_an_email(client, tree):
    imported(tree["office"], employee_code="CC100005", email="moi@snv.gov.vn")
    inactive = imported(tree["office"], employee_code="CC100006", email="nghi@snv.gov.vn")
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    reset = reverse("password_reset")
    assert client.post(reset, {"email": "MOI@snv.gov.vn"}).status_code == 302
    assert [m.to for m in mail.outbox] == [["moi@snv.gov.vn"]]
    response = client.post(reset, {"email": "nghi@snv.gov.vn"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1


def test_wrong_codes_count_in_the_sign_in_lockout(client, person, admin_user, settings):
    settings.AXES_ENABLED = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "activation_code": (50, 3600)}
    code = issue(person, admin_user)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(CODE_URL, {"employee_code": "cc100001", "code": "ABCD-EFGH-JK"})
    assert AccessAttempt.objects.filter(username=person.username).exists()
    before = snapshot(person)
    client.post(CODE_URL, {"employee_code": "CC100001", "code": code})
    assert client.get(PASSWORD_URL).status_code == 302
    assert snapshot(person) == before
