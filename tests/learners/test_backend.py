"""Signing in with the username or the employee code."""

import pytest
from django.contrib.auth import authenticate

from learners.models import User
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(username="tranthibinh", employee_code="VC004567")


@pytest.mark.parametrize("login", ["tranthibinh", "VC004567", "vc004567", " Vc004567 "])
def test_authenticates_by_username_or_code(person, login):
    assert authenticate(username=login, password="Demo@2017") == person


def test_username_is_case_sensitive_as_in_django(person):
    assert authenticate(username="TranThiBinh", password="Demo@2017") is None


@pytest.mark.parametrize("login", ["tranthibinh", "VC004567", "nobody", ""])
def test_wrong_password_or_unknown_login_is_refused(person, login):
    assert authenticate(username=login, password="sai-mat-khau") is None


def test_blank_codes_never_match(person):
    UserFactory(username="khongma", employee_code="")
    assert authenticate(username="", password="Demo@2017") is None


def test_inactive_person_is_refused(person):
    person.is_active = False
    person.save()
    assert authenticate(username="VC004567", password="Demo@2017") is None


def test_username_wins_over_someone_elses_code(person):
    # Another person's username happens to equal this person's code, ignoring case.
    other = UserFactory(username="vc004567", employee_code="VC999999")
    assert authenticate(username="vc004567", password="Demo@2017") == other
    assert authenticate(username="VC004567", password="Demo@2017") == person


def test_unknown_login_still_runs_the_password_hasher(person, monkeypatch):
    hashed = []
    set_password = User.set_password

    def spy(self, raw_password):
        hashed.append(raw_password)
        set_password(self, raw_password)

    monkeypatch.setattr(User, "set_password", spy)
    assert authenticate(username="nobody", password="Demo@2017") is None
    assert hashed == ["Demo@2017"]
