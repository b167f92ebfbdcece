"""One lockout count per account, and the client address behind a trusted proxy."""

import pytest
from django.test import RequestFactory

from home.net import client_ip
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PASSWORD = "Demo@2017"
WRONG = "sai-mat-khau"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


@pytest.fixture
def person():
    return UserFactory(username="nguyenvanan", employee_code="CC000123")


def _login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_username_code_and_case_variants_share_one_lockout_count(client, axes_on, person):
    for typed in ["CC000123", "cc000123", "NguyenVanAn", "nguyenvanan"]:
        assert _login(client, typed, WRONG).status_code == 200
    assert _login(client, "Cc000123", WRONG).status_code == 429  # the fifth failure locks
    # Five tries used, whichever way the account was named: locked, even with the password.
    for typed in ["nguyenvanan", "CC000123", "cC000123"]:
        response = _login(client, typed, PASSWORD)
        assert response.status_code == 429, typed
        assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_account_keeps_its_own_tries(client, axes_on, person):
    other = UserFactory(username="tranthibinh", employee_code="CC000456")
    for _ in range(5):
        _login(client, "cc000123", WRONG)
    assert _login(client, "CC000456", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_a_success_resets_the_count_for_every_spelling(client, axes_on, person):
    for typed in ["CC000123", "cc000123", "NGUYENVANAN", "nguyenvanan"]:
        _login(client, typed, WRONG)
    assert _login(client, "cc000123", PASSWORD).status_code == 302
    client.logout()
    for typed in ["CC000123", "NguyenVanAn", "nguyenvanan", "cc000123"]:
        _login(client, typed, WRONG)
    # Four failures since the success: one try left.
    assert _login(client, "nguyenvanan", PASSWORD).status_code == 302


def test_unknown_names_are_counted_case_folded(client, axes_on):
    for typed in ["KhongCo", "khongco", "KHONGCO", "khongCo", "khongco"]:
        _login(client, typed, WRONG)
    UserFactory(username="khongco")  # the account appears: the count follows the name
    assert _login(client, "khongco", PASSWORD).status_code == 429


BEHIND_PROXY = {"REMOTE_ADDR": "10.0.0.2"}


def test_behind_one_trusted_proxy_people_are_counted_apart(client, axes_on, person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        _login(client, "CC000123", WRONG, HTTP_X_FORWARDED_FOR="203.0.113.5", **BEHIND_PROXY)
    assert (
        _login(
            client, "CC000123", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **BEHIND_PROXY
        ).status_code
        == 429
    )
    # A colleague at another PC, through the same proxy, is not locked out by those typos.
    response = _login(
        client, "CC000123", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **BEHIND_PROXY
    )
    assert response.status_code == 302


def test_without_a_trusted_proxy_a_forged_header_is_ignored(client, axes_on, person, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        _login(client, "CC000123", WRONG, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **BEHIND_PROXY)
    response = _login(
        client, "CC000123", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.99", **BEHIND_PROXY
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("count", "header", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.2"),
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the left part was written by the client
        (2, "6.6.6.6, 1.2.3.4, 172.16.0.1", "1.2.3.4"),
        (2, "1.2.3.4", "10.0.0.2"),  # shorter than the proxy chain: not trusted
        (1, "không-phải-địa-chỉ", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_client_ip(settings, count, header, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.2")
    assert client_ip(request) == expected
