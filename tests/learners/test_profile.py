"""A person's own profile: shown in full, only the contact details editable."""

import pytest
from django.urls import reverse

from learners.models import Agency
from learners.services import EMAIL_INVALID, PHONE_INVALID
from learners.views import PROFILE_UPDATED
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('profile')}"


def test_profile_shows_own_data(client, learner):
    UserFactory(username="nguoikhac", full_name="Trần Văn Khác", employee_code="CC999999")
    client.force_login(learner)
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Nguyễn Văn An",
        "nguyenvanan",
        "CC000123",
        "Phòng Tổ chức – Sở Nội vụ",
        "Chuyên viên",
        "an@snv.quangnam.gov.vn",
        "0905 123 456",
    ]:
        assert text in html
    assert "Trần Văn Khác" not in html
    assert "CC999999" not in html


def test_profile_of_someone_without_agency_or_code(client):
    person = UserFactory(employee_code="", position="")
    client.force_login(person)
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert "Chưa có" in response.content.decode()


def test_contact_details_can_be_corrected(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("profile"),
        {
            "email": " an.nguyen@quangnam.gov.vn ",
            "phone": "0235 3812 345",
            "current_password": "Demo@2017",
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("profile"), 302)]
    assert [str(m) for m in response.context["messages"]] == [str(PROFILE_UPDATED)]
    learner.refresh_from_db()
    assert learner.email == "an.nguyen@quangnam.gov.vn"
    assert learner.phone == "0235 3812 345"


def test_post_cannot_change_name_code_agency_or_position(client, learner, tree):
    client.force_login(learner)
    response = client.post(
        reverse("profile"),
        {
            "email": "an@snv.quangnam.gov.vn",
            "phone": "0905 123 456",
            "full_name": "Kẻ Mạo Danh",
            "employee_code": "CC000001",
            "agency": tree["finance"].pk,
            "position": "Giám đốc",
            "username": "admin",
            "is_staff": "on",
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.full_name == "Nguyễn Văn An"
    assert learner.employee_code == "CC000123"
    assert learner.agency == tree["office"]
    assert learner.position == "Chuyên viên"
    assert learner.username == "nguyenvanan"
    assert not learner.is_staff
    assert not learner.is_superuser


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "an-at-snv.gov.vn", "phone": "0905 000 000"}, EMAIL_INVALID),
        ({"email": "an@snv.quangnam.gov.vn", "phone": "gọi tôi"}, PHONE_INVALID),
        ({"email": "an@snv.quangnam.gov.vn", "phone": "123"}, PHONE_INVALID),
    ],
)
def test_invalid_contact_details_are_refused_and_change_nothing(client, learner, data, message):
    client.force_login(learner)
    response = client.post(reverse("profile"), data)
    assert response.status_code == 200
    assert str(message) in response.content.decode()
    learner.refresh_from_db()
    assert learner.email == "an@snv.quangnam.gov.vn"
    assert learner.phone == "0905 123 456"


def test_profile_update_needs_the_csrf_token(learner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(reverse("profile"), {"email": "x@example.gov.vn", "phone": ""})
    assert response.status_code == 403
    learner.refresh_from_db()
    assert learner.email == "an@snv.quangnam.gov.vn"


def test_root_agency_is_shown_when_it_is_the_persons_own(client, tree):
    person = UserFactory(agency=Agency.objects.get(pk=tree["province"].pk))
    client.force_login(person)
    assert "UBND tỉnh Quảng Nam" in client.get(reverse("profile")).content.decode()
