"""Every change to a person's record is in the audit log, saying what changed: edits in the user
admin (by an administrator) and a person's own contact corrections; passwords without values."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learners.audit import CONTACT_EDIT_LOG_ACTION, PERSON_EDIT_LOG_ACTION
from learners.roles import TRAINEE_GROUP
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Mat-khau-moi-2017!"


def edit_form(person, **changes):
    data = {
        "username": person.username,
        "email": person.email,
        "full_name": person.full_name,
        "employee_code": person.employee_code,
        "agency": person.agency_id or "",
        "position": person.position,
        "phone": person.phone,
        "is_active": "on" if person.is_active else "",
        "groups": [group.pk for group in person.groups.all()],
        "password1": "",
        "password2": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def entries_about(person, action):
    return list(ModelLogEntry.objects.for_instance(person).filter(action=action))


def test_an_administrators_edit_records_what_changed(client, learner, tree):
    admin = UserFactory(username="quantri", is_superuser=True)
    client.force_login(admin)
    learner.groups.add(Group.objects.get(name=TRAINEE_GROUP))
    form = edit_form(
        learner,
        agency=tree["finance"].pk,
        is_active="",
        password1=NEW_PASSWORD,
        password2=NEW_PASSWORD,
    )
    response = client.post(reverse("wagtailusers_users:edit", args=[learner.pk]), form)
    assert response.status_code == 302, response.context["form"].errors

    [entry] = entries_about(learner, PERSON_EDIT_LOG_ACTION)
    assert entry.user == admin
    changes = {item["field"]: item for item in entry.data["changes"]}
    assert set(changes) == {"agency", "is_active", "password"}
    assert changes["agency"]["old"] == "Phòng Tổ chức"
    assert changes["agency"]["new"] == "Sở Tài chính"
    assert (changes["is_active"]["old"], changes["is_active"]["new"]) == ("Có", "Không")
    assert NEW_PASSWORD not in str(entry.data)
    assert "old" not in changes["password"]
    # No second, bare "edited" entry for the same save.
    assert not entries_about(learner, "wagtail.edit")

    # The site history says it in words.
    response = client.get("/admin/reports/site-history/")
    html = response.content.decode()
    assert "Sửa hồ sơ" in html
    assert "“Phòng Tổ chức” → “Sở Tài chính”" in html
    assert "Mật khẩu: đã đổi" in html


def test_saving_without_changes_records_nothing(client, learner):
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    response = client.post(
        reverse("wagtailusers_users:edit", args=[learner.pk]), edit_form(learner)
    )
    assert response.status_code == 302
    assert not entries_about(learner, PERSON_EDIT_LOG_ACTION)


def test_a_persons_own_contact_correction_is_recorded(client, learner):
    client.force_login(learner)
    old_email = learner.email
    client.post(
        reverse("profile"),
        {
            "email": "an.moi@quangnam.gov.vn",
            "phone": learner.phone,
            "current_password": "Demo@2017",
        },
    )
    [entry] = entries_about(learner, CONTACT_EDIT_LOG_ACTION)
    assert entry.user == learner
    assert entry.data["changes"] == [
        {
            "field": "email",
            "label": "Thư điện tử",
            "old": old_email,
            "new": "an.moi@quangnam.gov.vn",
        }
    ]


def test_a_refused_contact_correction_records_nothing(client, learner):
    client.force_login(learner)
    client.post(reverse("profile"), {"email": "khong-phai-thu", "phone": learner.phone})
    assert not entries_about(learner, CONTACT_EDIT_LOG_ACTION)
