"""The Wagtail user admin still edits the civil-servant fields."""

import pytest
from django.urls import reverse

from learners.models import User
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_user_admin_forms_show_our_fields(client, learner):
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    for url in [
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[learner.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        for name in ["full_name", "employee_code", "agency", "position", "phone"]:
            assert f'name="{name}"' in html


def test_an_administrator_adds_and_edits_a_civil_servant(client, tree):
    """Full name instead of Wagtail's first and last name; an e-mail address is optional."""
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    password = "Mat-khau-2017!"
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "tranthibinh",
            "full_name": "Trần Thị Bình",
            "employee_code": "CC000777",
            "agency": tree["office"].pk,
            "position": "Chuyên viên",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    person = User.objects.get(username="tranthibinh")
    assert (person.full_name, person.email, person.agency) == ("Trần Thị Bình", "", tree["office"])

    response = client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "username": "tranthibinh",
            "full_name": "Trần Thị Bình",
            "employee_code": "CC000777",
            "agency": tree["finance"].pk,
            "position": "Phó trưởng phòng",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert (person.agency, person.position) == (tree["finance"], "Phó trưởng phòng")
