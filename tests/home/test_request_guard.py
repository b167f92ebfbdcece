"""A NUL character anywhere in a request (path, query string, cookies, headers, form fields,
uploaded file names, JSON bodies) gets a 400 page in Vietnamese and changes nothing; other
control characters get no 500 either. PostgreSQL refuses NUL in text, so these matter most
there (run with DATABASE_URL=postgres://...)."""

import json
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Demo@2017-mat-khau"
REFUSED_TEXT = "Yêu cầu không hợp lệ"

# Public addresses, each with a NUL (percent-encoded) where a value reaches the database.
NUL_URLS = [
    "/%00",
    "/%00/",
    "/khoa-hoc/%00/",
    "/khoa-hoc/cai-cach/%00/",
    "/xac-thuc/%00/",
    "/xac-thuc/?code=%00",
    "/giay-chung-nhan/%00.pdf",
    "/giay-chung-nhan/khoa-hoc/1/?x=%00",
    "/tags/%00/",
    "/tags/?tag=%00",
    "/search/?q=%00",
    "/search/?q=c%E1%BA%A3i%00c%C3%A1ch&page=%00",
    "/search/?%00=1",
    "/accounts/login/?next=/%00",
    "/accounts/password/reset/?email=%00",
    "/documents/%00/x.pdf",
    "/admin/%00/",
    "/admin/pages/search/?q=%00",
    "/i18n/setlang/?next=%00",
]


@pytest.fixture
def site_content():
    course = CoursePageFactory(title="Cải cách", slug="cai-cach")
    module = ModulePageFactory(parent=course)
    return LessonPageFactory(parent=module)


def assert_refused(response):
    assert response.status_code == 400
    body = response.content.decode()
    assert REFUSED_TEXT in body
    assert "\x00" not in body  # the input is never echoed back


@pytest.mark.parametrize("url", NUL_URLS)
def test_nul_in_a_public_address_is_refused_with_400(client, site_content, url):
    assert_refused(client.get(url))


@pytest.mark.parametrize("url", ["/search/?q=%00", "/xac-thuc/%00/", "/khoa-hoc/%00/"])
def test_nul_in_a_signed_in_persons_address_is_refused(client, site_content, url):
    client.force_login(UserFactory())
    assert_refused(client.get(url))


def test_nul_in_cookies_and_headers_is_refused(client, site_content):
    client.cookies["sessionid"] = "abc\x00def12345"
    assert_refused(client.get("/"))
    client.cookies.clear()
    client.cookies["csrftoken"] = "\x00"
    assert_refused(client.get("/"))
    client.cookies.clear()
    # django-axes writes the User-Agent of a failed sign-in to the database.
    assert_refused(
        client.post(
            "/accounts/login/",
            {"username": "ai-do", "password": "sai"},
            headers={"user-agent": "Mozilla\x00"},
        )
    )


@pytest.mark.parametrize(
    "data",
    [
        {"username": "hv\x00", "password": PASSWORD},
        {"username": "hv", "password": "x\x00"},
        {"username\x00": "hv", "password": PASSWORD},
    ],
)
def test_nul_in_the_login_form_is_refused_and_nobody_is_signed_in(client, data):
    UserFactory(username="hv", password=PASSWORD)
    assert_refused(client.post("/accounts/login/", data))
    assert "_auth_user_id" not in client.session


def test_nul_in_the_profile_form_changes_nothing(client):
    user = UserFactory(email="cu@example.gov.vn", phone="0912345678", password=PASSWORD)
    client.force_login(user)
    for data in [
        {"email": "moi@example.gov.vn", "phone": "09\x00", "current_password": PASSWORD},
        {"email": "moi\x00@example.gov.vn", "phone": "0987654321"},
    ]:
        assert_refused(client.post("/accounts/profile/", data))
        # The multipart encoding (the test client's default) and URL-encoding both.
        assert_refused(
            client.post(
                "/accounts/profile/",
                urlencode(data),
                content_type="application/x-www-form-urlencoded",
            )
        )
    user.refresh_from_db()
    assert (user.email, user.phone) == ("cu@example.gov.vn", "0912345678")


def test_nul_in_the_password_forms_is_refused(client):
    user = UserFactory(email="a@example.gov.vn", password=PASSWORD)
    assert_refused(client.post("/accounts/password/reset/", {"email": "a\x00@example.gov.vn"}))
    client.force_login(user)
    assert_refused(
        client.post(
            "/accounts/password/",
            {"old_password": PASSWORD, "new_password1": "x\x00", "new_password2": "x\x00"},
        )
    )
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_nul_in_an_uploaded_file_name_and_in_json_is_refused(client, site_content):
    client.force_login(UserFactory())
    # Django strips non-printable characters from file names itself; a field name keeps them.
    upload = SimpleUploadedFile("bai-giang.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert_refused(client.post("/accounts/profile/", {"email": "", "tep\x00": upload}))
    url = f"/hoc-tap/bai-hoc/{site_content.pk}/trang-chieu/"
    for body in [json.dumps({"slide": "\x00"}), '{"slide": 1, "x": "\x00"}']:
        assert_refused(client.post(url, body, content_type="application/json"))


CONTROL = "%01%07%08%1B%1F%7F"


@pytest.mark.parametrize(
    "url",
    [
        f"/search/?q={CONTROL}",
        f"/search/?q=a{CONTROL}b&page={CONTROL}",
        f"/xac-thuc/{CONTROL}/",
        f"/xac-thuc/?code={CONTROL}",
        f"/khoa-hoc/{CONTROL}/",
        f"/tags/{CONTROL}/",
        f"/tags/?tag={CONTROL}",
        f"/giay-chung-nhan/{CONTROL}.pdf",
        "/search/?q=%C0%AF%ED%A0%80",  # invalid UTF-8 and an encoded surrogate
        "/xac-thuc/%ED%A0%80/",
    ],
)
def test_other_control_characters_give_no_server_error(client, site_content, url):
    """The test client raises any exception a view lets out: a 500 would fail here."""
    assert client.get(url).status_code in (200, 302, 400, 404)
    client.force_login(UserFactory())
    assert client.get(url).status_code in (200, 302, 400, 404)


def test_other_control_characters_in_forms_give_no_server_error(client):
    UserFactory(username="hv", password=PASSWORD)
    assert (
        client.post("/accounts/login/", {"username": "hv\x01", "password": "x\x1f"}).status_code
        == 200
    )
    assert client.post("/accounts/password/reset/", {"email": "a\x01@b.vn"}).status_code in (
        200,
        302,
    )
