"""Who may open the HR reports: HR officers (Cán bộ tổ chức) and administrators. Trainers, who
have admin access for content, get a 403 page; trainees have no admin access at all, and
Wagtail's admin gate turns them away before any report code runs."""

import pytest
from django.contrib.auth.models import Group
from wagtail.admin.menu import reports_menu

from learners.roles import HR_GROUP, TRAINEE_GROUP, TRAINER_GROUP
from tests.learners.factories import UserFactory

from .utils import body, url

pytestmark = pytest.mark.django_db


def report_urls(person):
    return [
        url("reports_completion"),
        url("reports_completion_results"),
        url("reports_completion", export="csv"),
        url("reports_completion", export="xlsx"),
        url("reports_agencies"),
        url("reports_agencies_results"),
        url("reports_agencies", export="csv"),
        url("reports_agencies", export="xlsx"),
        url("reports_person", person.pk),
        url("reports_person", person.pk, export="csv"),
        url("reports_person", person.pk, export="xlsx"),
    ]


def member(group, agency, username):
    user = UserFactory(username=username, full_name="Trần Văn Khách", agency=agency)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_trainer_gets_403_from_every_report_and_export(client, agencies, people):
    client.force_login(member(TRAINER_GROUP, agencies["TINH"], "giangvien"))

    responses = {address: client.get(address) for address in report_urls(people["binh"])}

    assert {address: r.status_code for address, r in responses.items()} == dict.fromkeys(
        responses, 403
    )
    assert all("Nguyễn Văn Bình" not in body(r).decode() for r in responses.values())
    assert "Bạn không có quyền xem kết quả học tập" in responses[url("reports_completion")].text


def test_a_trainee_gets_403_from_every_report(client, agencies, people):
    client.force_login(member(TRAINEE_GROUP, agencies["HDS-NV"], "hocvien"))
    addresses = report_urls(people["binh"])

    # Wagtail's admin gate answers first: 403 to a script, to the admin sign-in otherwise.
    scripted = {a: client.get(a, headers={"x-requested-with": "XMLHttpRequest"}) for a in addresses}
    browsed = {a: client.get(a) for a in addresses}

    assert {a: r.status_code for a, r in scripted.items()} == dict.fromkeys(addresses, 403)
    assert {a: r.status_code for a, r in browsed.items()} == dict.fromkeys(addresses, 302)
    assert all(r["Location"].startswith("/admin/login/") for r in browsed.values())
    assert all("Nguyễn Văn Bình" not in body(r).decode() for r in scripted.values())


def test_an_hr_officer_without_an_agency_gets_403(client, agencies):
    officer = UserFactory(username="khongdonvi", agency=None)
    officer.groups.add(Group.objects.get(name=HR_GROUP))
    client.force_login(officer)

    assert client.get(url("reports_completion")).status_code == 403
    assert client.get(url("reports_agencies")).status_code == 403


def menu_names(user, rf):
    request = rf.get("/admin/")
    request.user = user
    return {item.name for item in reports_menu.menu_items_for_request(request)}


def test_the_reports_menu_shows_the_reports_to_hr_only(rf, agencies, officers):
    trainer = member(TRAINER_GROUP, agencies["TINH"], "giangvien")

    assert {"hr-completion", "hr-agencies"} <= menu_names(officers["district"], rf)
    assert not {"hr-completion", "hr-agencies"} & menu_names(trainer, rf)


def test_administrators_see_every_report(admin_client_, people):
    for address in report_urls(people["cuong"]):
        assert admin_client_.get(address).status_code == 200, address
