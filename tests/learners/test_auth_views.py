"""Sign-in, sign-out, password change and password reset pages."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from learners.forms import LOGIN_INVALID
from learners.views import LOGGED_OUT
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Demo@2017"
NEW_PASSWORD = "Hoc-CCHC-2025!"


@pytest.fixture
def person():
    return UserFactory(
        username="lethicuc",
        employee_code="CC000777",
        email="cuc@sonoivu.gov.vn",
        full_name="Lê Thị Cúc",
    )


def _signed_in_as(client):
    return client.session.get(SESSION_KEY)


def test_login_page_labels_the_field_in_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tên đăng nhập hoặc mã số công chức, viên chức" in html
    assert "csrfmiddlewaretoken" in html
    assert reverse("password_reset") in html


@pytest.mark.parametrize("login", ["lethicuc", "CC000777", "cc000777"])
def test_login_by_username_or_code_in_any_case(client, person, login):
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/"
    assert _signed_in_as(client) == str(person.pk)


def test_wrong_password_shows_a_clear_message(client, person):
    response = client.post(reverse("login"), {"username": "lethicuc", "password": "sai"})
    assert response.status_code == 200
    assert str(LOGIN_INVALID) in response.content.decode()
    assert _signed_in_as(client) is None


def test_inactive_person_cannot_sign_in(client, person):
    person.is_active = False
    person.save()
    response = client.post(reverse("login"), {"username": "CC000777", "password": PASSWORD})
    assert response.status_code == 200
    assert str(LOGIN_INVALID) in response.content.decode()
    assert _signed_in_as(client) is None


def test_login_follows_a_next_url_on_this_site(client, person):
    response = client.post(
        reverse("login") + "?next=/hoc-tap/",
        {"username": "lethicuc", "password": PASSWORD, "next": "/hoc-tap/"},
    )
    assert response.status_code == 302
    assert response.url == "/hoc-tap/"


def test_login_page_keeps_next_in_the_form(client):
    response = client.get(reverse("login"), {"next": "/hoc-tap/"})
    assert 'name="next" value="/hoc-tap/"' in response.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/steal", "//evil.example/", "javascript:alert(1)"]
)
def test_login_ignores_an_external_next_url(client, person, next_url):
    response = client.post(
        reverse("login"), {"username": "lethicuc", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response.url == "/"


def test_logout_requires_post(client, person):
    client.force_login(person)
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert _signed_in_as(client) == str(person.pk)


def test_logout_by_post_signs_out_with_a_message(client, person):
    client.force_login(person)
    response = client.post(reverse("logout"), follow=True)
    assert _signed_in_as(client) is None
    assert str(LOGGED_OUT) in [str(m) for m in response.context["messages"]]


def test_logout_needs_the_csrf_token(person):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert _signed_in_as(client) == str(person.pk)


def test_password_change_requires_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def test_password_change(client, person):
    client.force_login(person)
    assert client.get(reverse("password_change")).status_code == 200
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert client.get(reverse("password_change_done")).status_code == 200


def test_password_change_with_a_wrong_old_password_changes_nothing(client, person):
    client.force_login(person)
    response = client.post(
        reverse("password_change"),
        {"old_password": "sai", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "alert--error" in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_reset_sends_a_vietnamese_email_whose_link_sets_a_new_password(client, person):
    assert client.get(reverse("password_reset")).status_code == 200
    response = client.post(reverse("password_reset"), {"email": "CUC@sonoivu.gov.vn"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert client.get(response.url).status_code == 200

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cuc@sonoivu.gov.vn"]
    assert "Đặt lại mật khẩu" in message.subject
    assert "Chào Lê Thị Cúc" in message.body
    assert "Tên đăng nhập của bạn: lethicuc" in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/\S+/)", message.body).group(1)

    response = client.get(link)  # Django swaps the token for a session and redirects
    assert response.status_code == 302
    form_url = response.url
    response = client.get(form_url)
    assert response.status_code == 200
    assert response.context["validlink"]

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")
    assert client.get(response.url).status_code == 200
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)

    # The link works once.
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False


def test_password_reset_for_an_unknown_address_sends_nothing_but_says_the_same(client, person):
    response = client.post(reverse("password_reset"), {"email": "khong-co@example.gov.vn"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []
