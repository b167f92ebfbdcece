"""The staff import in the Wagtail admin: upload → preview → "Áp dụng"."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from learners.admin_views.staff_import import NO_PERMISSION, PREVIEW_EXPIRED, SESSION_KEY
from learners.importing import (
    AGENCY_OUT_OF_SCOPE,
    FILE_TOO_LARGE,
    IMPORT_LOG_ACTION,
    MAX_FILE_SIZE,
    NOT_UTF8,
    PLAN_STALE,
    staff_import_plan,
)
from learners.models import Agency, User
from learners.roles import HR_GROUP, TRAINEE_GROUP, TRAINER_GROUP
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("learners_import")
HEADER = ["employee_code", "full_name", "email", "agency_code", "position"]


def csv_upload(rows, *, name="danh_sach.csv"):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADER, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode())


def page_messages(response):
    return [str(message).strip() for message in response.context["messages"]]


def people():
    return sorted(
        User.objects.values_list("pk", "employee_code", "full_name", "email", "agency_id")
    )


@pytest.fixture
def districts(tree):
    province = Agency.objects.get(pk=tree["province"].pk)
    AgencyFactory(
        code="HDS", name="UBND huyện Đông Sơn", kind=Agency.Kind.DISTRICT, parent=province
    )
    AgencyFactory(
        code="HTH",
        name="UBND huyện Tân Hòa",
        kind=Agency.Kind.DISTRICT,
        parent=Agency.objects.get(pk=province.pk),
    )
    return {**tree, **{agency.code: agency for agency in Agency.objects.all()}}


@pytest.fixture
def officer(districts):
    user = UserFactory(username="nhansu_huyen", agency=districts["HDS"], employee_code="HR0001")
    user.groups.add(Group.objects.get(name=HR_GROUP))
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def admin_client(client, tree):
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    return client


def test_menu_item_is_shown_to_hr_officers_and_admins_only(client, officer, tree):
    menu_entry = '"name": "staff-import"'
    client.force_login(officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert menu_entry in html
    assert f'"url": "{UPLOAD_URL}"' in html
    assert "Nh\\u1eadp danh s\\u00e1ch c\\u00f4ng ch\\u1ee9c" in html

    trainer = UserFactory(username="giangvien")
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    client.force_login(trainer)
    assert menu_entry not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_upload_page_documents_the_columns_and_links_the_templates(officer_client):
    response = officer_client.get(UPLOAD_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        'enctype="multipart/form-data"',
        'name="csrfmiddlewaretoken"',
        'type="file"',
        "employee_code",
        "full_name",
        "agency_code",
        "Mã số công chức, viên chức",
        "Thư điện tử",
        "Chức vụ",
        reverse("learners_import_template"),
        reverse("learners_import_template_xlsx"),
    ]:
        assert text in html, text


def test_csv_template_has_the_header_and_an_example_row(officer_client):
    response = officer_client.get(reverse("learners_import_template"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "employee_code,full_name,email,agency_code,position"
    assert len(lines) == 2 and ",SNV-VP," in lines[1]


def test_the_templates_import_cleanly_where_the_demo_agency_exists(admin_client, tree):
    AgencyFactory(
        code="SNV-VP",
        name="Văn phòng Sở Nội vụ",
        kind=Agency.Kind.OFFICE,
        parent=Agency.objects.get(pk=tree["home_affairs"].pk),
    )
    for url_name, filename in [
        ("learners_import_template", "mau.csv"),
        ("learners_import_template_xlsx", "mau.xlsx"),
    ]:
        content = admin_client.get(reverse(url_name)).content
        plan = staff_import_plan(user=None, file=SimpleUploadedFile(filename, content))
        assert plan.is_valid, plan.errors
        assert [create.agency_name for create in plan.creates] == ["Văn phòng Sở Nội vụ (SNV-VP)"]
    sheet = load_workbook(io.BytesIO(content)).active
    assert [cell.value for cell in sheet[1]] == HEADER


def test_preview_shows_creates_and_changes_then_apply_imports_once(
    officer_client, officer, districts
):
    colleague = UserFactory(
        username="pvd", employee_code="CC000777", full_name="Phạm Văn Đức", agency=districts["HDS"]
    )
    before = people()
    response = officer_client.post(
        UPLOAD_URL,
        {
            "file": csv_upload(
                [
                    ["CC200001", "Vũ Thị Giang", "giang@hds.gov.vn", "HDS", "Chuyên viên"],
                    ["cc000777", "Phạm Văn Đức", "duc@hds.gov.vn", "HDS", "Trưởng phòng"],
                ]
            )
        },
    )
    assert response.status_code == 302
    preview_url = response.url
    # Nothing is written by the upload; the session holds the plan, not the file.
    assert people() == before
    pending = officer_client.session[SESSION_KEY]
    assert set(pending) == {"token", "user", "plan", "send_activation"}
    assert preview_url == reverse("learners_import_preview", args=[pending["token"]])
    assert "CC200001" in str(pending["plan"]["creates"])

    response = officer_client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 người mới, 1 người được cập nhật, 0 người không thay đổi" in html
    creates = html[html.index("data-import-creates") : html.index("data-import-updates")]
    assert "Vũ Thị Giang" in creates and "UBND huyện Đông Sơn (HDS)" in creates
    updates = html[html.index("data-import-updates") :]
    assert "Phạm Văn Đức" in updates
    assert re.search(r"Chức vụ: <del>Chuyên viên</del> → <ins>Trưởng phòng</ins>", updates)
    apply_url = reverse("learners_import_apply", args=[pending["token"]])
    assert f'action="{apply_url}" method="post"' in html
    assert "Áp dụng" in html
    assert people() == before

    response = officer_client.post(apply_url, follow=True)
    assert page_messages(response) == ["Đã nhập 1 người mới, cập nhật 1 người."]
    assert User.objects.get(employee_code="CC200001").agency == districts["HDS"]
    colleague.refresh_from_db()
    assert (colleague.email, colleague.position) == ("duc@hds.gov.vn", "Trưởng phòng")
    assert ModelLogEntry.objects.filter(action=IMPORT_LOG_ACTION, user=officer).count() == 1
    assert SESSION_KEY not in officer_client.session

    # Applying again (a double click, the back button) imports nothing more.
    after = people()
    response = officer_client.post(apply_url, follow=True)
    assert page_messages(response) == [str(PREVIEW_EXPIRED)]
    assert people() == after
    assert officer_client.get(preview_url).status_code == 302


def test_a_file_with_errors_lists_them_by_row_and_keeps_nothing(officer_client, districts):
    before = people()
    response = officer_client.post(
        UPLOAD_URL,
        {
            "file": csv_upload(
                [
                    ["CC200001", "Vũ Thị Giang", "", "HDS", ""],
                    ["CC200002", "Đỗ Văn Hải", "", "HTH", ""],
                ]
            )
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chưa nhập gì: tệp “danh_sach.csv” có 1 lỗi." in html
    errors = html[html.index("data-import-errors") :]
    message = str(AGENCY_OUT_OF_SCOPE % {"value": "HTH", "name": "UBND huyện Tân Hòa"})
    assert re.search(r"<td>3</td>\s*<td>agency_code</td>\s*<td>", errors)
    assert message in errors
    assert "/apply/" not in html
    assert SESSION_KEY not in officer_client.session
    assert people() == before


def test_a_file_in_the_wrong_encoding_says_how_to_save_it(officer_client, districts):
    data = "employee_code,full_name,agency_code\r\nCC1,Tr\u1ea7n,HDS\r\n"
    upload = SimpleUploadedFile("ds.csv", data.encode("utf-16"))
    response = officer_client.post(UPLOAD_URL, {"file": upload})
    assert "Tệp không phải UTF-8" in response.content.decode()
    assert response.context["plan"].errors[0].message == str(NOT_UTF8)


def test_a_file_over_the_size_limit_is_refused_without_being_kept(officer_client, districts):
    before = people()
    line = b"CC000001,Nguyen Van An,,HDS,\r\n"
    data = b"employee_code,full_name,email,agency_code,position\r\n" + line * (
        MAX_FILE_SIZE // len(line) + 1
    )
    response = officer_client.post(UPLOAD_URL, {"file": SimpleUploadedFile("ds.csv", data)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(FILE_TOO_LARGE % {"max": 5})]
    assert "plan" not in response.context
    assert people() == before


def test_no_file_chosen(officer_client):
    response = officer_client.post(UPLOAD_URL, {})
    assert response.context["form"].errors["file"] == ["Hãy chọn tệp danh sách (.xlsx hoặc .csv)."]


def test_posts_need_the_csrf_token(officer, districts):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    before = people()
    upload = csv_upload([["CC200001", "Vũ Thị Giang", "", "HDS", ""]])
    assert client.post(UPLOAD_URL, {"file": upload}).status_code == 403
    assert SESSION_KEY not in client.session

    # With the token the upload works; the apply without it is refused.
    html = client.get(UPLOAD_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    upload.seek(0)
    response = client.post(UPLOAD_URL, {"file": upload, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    apply_url = reverse("learners_import_apply", args=[client.session[SESSION_KEY]["token"]])
    assert client.post(apply_url).status_code == 403
    assert people() == before


def test_a_wrong_token_shows_no_plan(officer_client, districts):
    officer_client.post(UPLOAD_URL, {"file": csv_upload([["CC1", "A", "", "HDS", ""]])})
    before = people()
    for response in [
        officer_client.get(reverse("learners_import_preview", args=["doan-sai"]), follow=True),
        officer_client.post(reverse("learners_import_apply", args=["doan-sai"]), follow=True),
    ]:
        assert page_messages(response) == [str(PREVIEW_EXPIRED)]
    assert people() == before


def test_another_person_cannot_apply_someone_elses_preview(officer_client, officer, districts):
    officer_client.post(UPLOAD_URL, {"file": csv_upload([["CC1", "A", "", "HDS", ""]])})
    token = officer_client.session[SESSION_KEY]["token"]
    other = UserFactory(username="nhansu2", agency=districts["HDS"])
    other.groups.add(Group.objects.get(name=HR_GROUP))
    client = Client()
    client.force_login(other)
    response = client.post(reverse("learners_import_apply", args=[token]), follow=True)
    assert page_messages(response) == [str(PREVIEW_EXPIRED)]
    assert not User.objects.filter(employee_code="CC1").exists()


def test_a_change_since_the_preview_is_refused_with_nothing_written(officer_client, districts):
    officer_client.post(UPLOAD_URL, {"file": csv_upload([["CC1", "A", "", "HDS", ""]])})
    token = officer_client.session[SESSION_KEY]["token"]
    UserFactory(username="khac", employee_code="CC1", agency=districts["HDS"], full_name="B")
    before = people()
    response = officer_client.post(reverse("learners_import_apply", args=[token]), follow=True)
    assert page_messages(response) == [str(PLAN_STALE)]
    assert people() == before


def test_a_trainee_cannot_reach_the_import(client, districts):
    trainee = UserFactory(username="hocvien", agency=districts["HDS"])
    trainee.groups.add(Group.objects.get(name=TRAINEE_GROUP))
    client.force_login(trainee)
    before = people()
    upload = csv_upload([["CC1", "A", "", "HDS", ""]])
    urls = [
        UPLOAD_URL,
        reverse("learners_import_template"),
        reverse("learners_import_preview", args=["x"]),
    ]
    for url in urls:
        # Without admin access Wagtail sends them to the sign-in page; asked from a
        # script, it answers 403.
        assert client.get(url).status_code == 302
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert client.post(UPLOAD_URL, {"file": upload}).status_code in (302, 403)
    assert people() == before


def test_an_admin_user_without_the_import_permission_gets_403(client, districts):
    trainer = UserFactory(username="giangvien", agency=districts["HDS"])
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP), Group.objects.get(name=TRAINEE_GROUP))
    client.force_login(trainer)
    before = people()
    for url in [
        UPLOAD_URL,
        reverse("learners_import_template"),
        reverse("learners_import_template_xlsx"),
        reverse("learners_import_preview", args=["x"]),
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert str(NO_PERMISSION) in response.content.decode()
    upload = csv_upload([["CC1", "A", "", "HDS", ""]])
    assert client.post(UPLOAD_URL, {"file": upload}).status_code == 403
    assert client.post(reverse("learners_import_apply", args=["x"])).status_code == 403
    assert people() == before


def test_an_admin_imports_anywhere_and_sees_the_history(admin_client, districts):
    response = admin_client.post(
        UPLOAD_URL,
        {"file": csv_upload([["CC1", "Vũ Thị Giang", "", "HTH", ""]], name="tan_hoa.csv")},
    )
    response = admin_client.post(response.url.rstrip("/") + "/apply/", follow=True)
    assert page_messages(response) == ["Đã nhập 1 người mới, cập nhật 0 người."]
    history = admin_client.get(reverse("wagtailadmin_reports:site_history"))
    assert history.status_code == 200
    html = history.content.decode()
    assert "Nhập danh sách công chức" in html
    assert "Đã nhập 1 người mới, cập nhật 0 người từ tệp “tan_hoa.csv”." in html
