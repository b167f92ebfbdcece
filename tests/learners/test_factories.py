"""The factories build valid trees and people who can sign in."""

import pytest

from learners.models import Agency, User
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_agency_factory_makes_roots_and_children():
    root = AgencyFactory()
    child = AgencyFactory(parent=root)
    grandchild = AgencyFactory(parent=Agency.objects.get(pk=child.pk))

    assert root.is_root()
    assert child.get_parent() == root
    assert grandchild.get_depth() == 3
    assert list(Agency.objects.get(pk=root.pk).get_descendants()) == [child, grandchild]
    assert len({root.code, child.code, grandchild.code}) == 3


def test_user_factory_makes_a_person_who_can_sign_in(client):
    user = UserFactory()
    other = UserFactory()

    assert user.check_password("Demo@2017")
    assert user.employee_code != other.employee_code
    assert user.email.endswith("@example.gov.vn")
    assert user.get_full_name() == user.full_name
    assert client.login(username=user.username, password="Demo@2017")
    assert User.objects.count() == 2


def test_user_factory_is_get_or_create_by_username():
    first = UserFactory(username="trung")
    again = UserFactory(username="trung")
    assert first.pk == again.pk
