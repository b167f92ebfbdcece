"""Password guesses on the password-change and profile forms, and password-reset requests,
are limited; a limited reset request answers like any other."""

import pytest
from django.core import mail
from django.urls import reverse

from learners.forms import (
    CURRENT_PASSWORD_REQUIRED,
    CURRENT_PASSWORD_TRIES_USED,
    CURRENT_PASSWORD_WRONG,
)
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Demo@2017"
NEW_PASSWORD = "Hoc-CCHC-2025!"
TRIES_USED = str(CURRENT_PASSWORD_TRIES_USED) % {"minutes": 15}


@pytest.fixture
def person():
    return UserFactory(
        username="phamvanduc",
        email="duc@sonoivu.gov.vn",
        phone="0905 111 222",
        full_name="Phạm Văn Đức",
    )


def _change(client, old):
    return client.post(
        reverse("password_change"),
        {"old_password": old, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


def test_wrong_current_passwords_are_limited_per_account(client, person):
    client.force_login(person)
    for _ in range(5):
        response = _change(client, "sai-mat-khau")
        assert response.status_code == 200
        assert str(CURRENT_PASSWORD_WRONG) in response.content.decode()
    # Even the right password is refused now, with a clear message.
    response = _change(client, PASSWORD)
    assert response.status_code == 200
    assert TRIES_USED in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    # Someone else's tries are their own.
    other = UserFactory()
    client.force_login(other)
    assert _change(client, PASSWORD).status_code == 302


def _profile(client, **data):
    return client.post(reverse("profile"), {"email": "", "phone": "", **data})


def test_changing_the_email_needs_the_current_password(client, person):
    client.force_login(person)
    for password, message in [("", CURRENT_PASSWORD_REQUIRED), ("sai", CURRENT_PASSWORD_WRONG)]:
        response = _profile(
            client, email="ke-gian@example.com", phone="0905 999 999", current_password=password
        )
        assert response.status_code == 200
        assert str(message) in response.content.decode()
        person.refresh_from_db()
        assert (person.email, person.phone) == ("duc@sonoivu.gov.vn", "0905 111 222")

    response = _profile(
        client, email="duc.pv@sonoivu.gov.vn", phone="0905 111 222", current_password=PASSWORD
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "duc.pv@sonoivu.gov.vn"


def test_the_phone_alone_changes_without_the_password(client, person):
    client.force_login(person)
    response = _profile(client, email="duc@sonoivu.gov.vn", phone="0236 3822 111")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "0236 3822 111"


def test_profile_guesses_count_against_the_same_limit(client, person):
    client.force_login(person)
    for _ in range(5):
        _profile(client, email="ke-gian@example.com", current_password="sai")
    response = _profile(client, email="ke-gian@example.com", current_password=PASSWORD)
    assert TRIES_USED in response.content.decode()
    assert _change(client, PASSWORD).status_code == 200
    person.refresh_from_db()
    assert person.email == "duc@sonoivu.gov.vn"
    assert person.check_password(PASSWORD)


def _reset(client, email, address="192.0.2.10"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_requests_are_limited_per_email_with_the_same_answer(client, person):
    answers = [_reset(client, "DUC@sonoivu.gov.vn", f"192.0.2.{n}") for n in range(7)]
    assert {(r.status_code, r.url) for r in answers} == {(302, reverse("password_reset_done"))}
    assert len(mail.outbox) == 5
    # An address without an account answers the same, limited or not.
    for _ in range(7):
        response = _reset(client, "khong-co@example.gov.vn")
        assert (response.status_code, response.url) == (302, reverse("password_reset_done"))


def test_reset_requests_are_limited_per_client_address(client, person):
    for n in range(5):
        _reset(client, f"nguoi{n}@example.gov.vn")
    response = _reset(client, "duc@sonoivu.gov.vn")
    assert (response.status_code, response.url) == (302, reverse("password_reset_done"))
    assert mail.outbox == []
    # From another address the account still gets its e-mail.
    _reset(client, "duc@sonoivu.gov.vn", address="192.0.2.99")
    assert len(mail.outbox) == 1
