"""The Wagtail user admin still edits the civil-servant fields."""

import pytest
from django.urls import reverse

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
