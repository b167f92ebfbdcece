"""The agency tree in the Wagtail admin: list, add, edit, move, delete, and who may do it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learners.admin_views import MOVE_LOG_ACTION
from learners.models import Agency, User
from learners.services import AGENCY_DELETE_HAS_PEOPLE, AGENCY_MOVE_INTO_ITSELF
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    user = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def _fresh(agency):
    return Agency.objects.get(pk=agency.pk)


def _messages(response):
    return [str(message).strip() for message in response.context["messages"]]


def test_menu_item_is_shown_to_admins(client, admin):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is rendered as JSON.
    assert '"name": "agencies", "label": "C\\u01a1 quan, \\u0111\\u01a1n v\\u1ecb"' in html
    assert f'"url": "{reverse("agencies:index")}"' in html


def test_list_shows_the_tree_indented_with_codes_kinds_and_people(client, admin, tree, learner):
    UserFactory(agency=tree["finance"])
    response = client.get(reverse("agencies:index"))
    assert response.status_code == 200
    html = response.content.decode()
    positions = [
        html.index(name)
        for name in ["UBND tỉnh Quảng Nam", "Sở Nội vụ", "Phòng Tổ chức", "Sở Tài chính"]
    ]
    assert positions == sorted(positions)
    for text in [
        "SNV-TC",
        "Phòng, đơn vị trực thuộc",
        "UBND tỉnh",
        reverse("agencies:move", args=[tree["office"].pk]),
    ]:
        assert text in html
    rows = {agency.code: agency for agency in response.context["object_list"]}
    assert (rows["UBND"].people_count, rows["UBND"].people_total) == (0, 2)
    assert (rows["SNV-TC"].people_count, rows["SNV-TC"].people_total) == (1, 1)
    # Phòng Tổ chức sits two levels down: two indents.
    assert html.count("&emsp;&emsp;&emsp;&emsp;└") == 1


def test_list_ignores_a_column_ordering(client, admin, tree):
    response = client.get(reverse("agencies:index"), {"ordering": "-name"})
    assert [a.code for a in response.context["object_list"]] == ["UBND", "SNV", "SNV-TC", "STC"]


def test_empty_list_says_how_to_start(client, admin):
    response = client.get(reverse("agencies:index"))
    assert "Chưa có cơ quan, đơn vị nào" in response.content.decode()


def test_create_a_root(client, admin):
    assert client.get(reverse("agencies:add")).status_code == 200
    response = client.post(
        reverse("agencies:add"),
        {
            "name": "UBND tỉnh Quảng Nam",
            "code": "UBND",
            "kind": "province",
            "treebeard_ref_node": "",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("agencies:index")
    agency = Agency.objects.get(code="UBND")
    assert agency.is_root()
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(agency.pk), user=admin
    ).exists()


def test_create_a_child(client, admin, tree):
    response = client.get(reverse("agencies:add"), {"parent": tree["province"].pk})
    assert response.context["form"].initial["treebeard_ref_node"] == tree["province"]
    response = client.post(
        reverse("agencies:add"),
        {
            "name": "Sở Y tế",
            "code": "SYT",
            "kind": "department",
            "treebeard_ref_node": tree["province"].pk,
        },
    )
    assert response.status_code == 302
    agency = Agency.objects.get(code="SYT")
    assert agency.get_parent() == tree["province"]
    assert not Agency.find_problems()[0]


def test_create_with_a_duplicate_code_shows_the_error(client, admin, tree):
    count = Agency.objects.count()
    response = client.post(
        reverse("agencies:add"),
        {
            "name": "Sở trùng",
            "code": "SNV",
            "kind": "department",
            "treebeard_ref_node": tree["province"].pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert Agency.objects.count() == count


def test_edit_renames_and_changes_code_and_kind(client, admin, tree):
    url = reverse("agencies:edit", args=[tree["finance"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert reverse("agencies:move", args=[tree["finance"].pk]) in response.content.decode()
    response = client.post(url, {"name": "Ban Dân tộc", "code": "BDT", "kind": "office"})
    assert response.status_code == 302
    finance = _fresh(tree["finance"])
    assert (finance.name, finance.code, finance.kind) == ("Ban Dân tộc", "BDT", "office")
    assert [a.name for a in _fresh(tree["province"]).get_children()] == ["Ban Dân tộc", "Sở Nội vụ"]
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(finance.pk)).exists()


def test_move_under_another_agency(client, admin, tree, learner):
    url = reverse("agencies:move", args=[tree["home_affairs"].pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The agency itself and its sub-units are shown but cannot be chosen.
    assert f'value="{tree["office"].pk}" disabled' in html
    assert f'value="{tree["finance"].pk}" disabled' not in html

    response = client.post(url, {"treebeard_ref_node": tree["finance"].pk})
    assert response.status_code == 302
    assert _fresh(tree["home_affairs"]).get_parent() == tree["finance"]
    assert _fresh(tree["office"]).get_parent() == _fresh(tree["home_affairs"])
    entry = ModelLogEntry.objects.get(
        action=MOVE_LOG_ACTION, object_id=str(tree["home_affairs"].pk)
    )
    assert entry.data == {"old": "UBND tỉnh Quảng Nam", "new": "Sở Tài chính"}
    history = client.get(reverse("agencies:history", args=[tree["home_affairs"].pk]))
    assert history.status_code == 200


def test_move_to_the_top_level(client, admin, tree):
    response = client.post(
        reverse("agencies:move", args=[tree["office"].pk]), {"treebeard_ref_node": ""}
    )
    assert response.status_code == 302
    assert _fresh(tree["office"]).is_root()


@pytest.mark.parametrize("target", ["home_affairs", "office"])
def test_move_under_itself_or_its_descendant_is_refused(client, admin, tree, target):
    paths = dict(Agency.objects.values_list("pk", "path"))
    response = client.post(
        reverse("agencies:move", args=[tree["home_affairs"].pk]),
        {"treebeard_ref_node": tree[target].pk},
    )
    assert response.status_code == 200
    assert str(AGENCY_MOVE_INTO_ITSELF % {"name": "Sở Nội vụ"}) in response.content.decode()
    assert dict(Agency.objects.values_list("pk", "path")) == paths


def test_delete_an_agency_without_people(client, admin, tree):
    url = reverse("agencies:delete", args=[tree["home_affairs"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "1 đơn vị trực thuộc cũng sẽ bị xóa." in response.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert list(Agency.objects.values_list("code", flat=True)) == ["UBND", "STC"]
    assert ModelLogEntry.objects.filter(
        action="wagtail.delete", object_id=str(tree["home_affairs"].pk)
    ).exists()


@pytest.mark.parametrize("agency", ["office", "home_affairs"])
def test_delete_is_refused_while_people_belong_to_it_or_below(client, admin, tree, learner, agency):
    url = reverse("agencies:delete", args=[tree[agency].pk])
    expected = str(AGENCY_DELETE_HAS_PEOPLE % {"name": tree[agency].name, "count": 1})

    response = client.get(url)
    assert expected in response.content.decode()
    assert "Yes, delete" not in response.content.decode()

    response = client.post(url, follow=True)
    assert expected in _messages(response)
    assert Agency.objects.count() == 4
    assert User.objects.get(pk=learner.pk).agency == tree["office"]
    assert not ModelLogEntry.objects.filter(action="wagtail.delete").exists()


@pytest.fixture
def editor(client):
    """Someone who may use the admin but has no agency permission."""
    user = UserFactory(username="bientapvien")
    group = Group.objects.create(name="Chỉ vào trang quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    return user


def _agency_urls(tree):
    pk = tree["finance"].pk
    return [
        reverse("agencies:index"),
        reverse("agencies:add"),
        reverse("agencies:edit", args=[pk]),
        reverse("agencies:move", args=[pk]),
        reverse("agencies:delete", args=[pk]),
    ]


def test_admin_user_without_agency_permissions_is_refused(client, editor, tree):
    for url in _agency_urls(tree):
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, {"name": "X", "code": "X", "kind": "office"}).status_code in (
            302,
            403,
        ), url
    assert Agency.objects.count() == 4
    assert _fresh(tree["finance"]).name == "Sở Tài chính"
    assert (
        f'"url": "{reverse("agencies:index")}"'
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_learner_without_admin_access_is_refused(client, tree, learner):
    client.force_login(learner)
    for url in _agency_urls(tree):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/admin/login/" in response.url
        assert client.post(url, {}).status_code in (302, 403)
    assert Agency.objects.count() == 4


def test_anonymous_is_sent_to_login(client, tree):
    response = client.get(reverse("agencies:index"))
    assert response.status_code == 302
    assert "login" in response.url


def test_hr_officer_with_change_permission_can_move_but_not_delete(client, tree):
    user = UserFactory(username="cantochuc")
    group = Group.objects.create(name="Cán bộ tổ chức (thử)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_agency"),
    )
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("agencies:index")).status_code == 200
    response = client.post(
        reverse("agencies:move", args=[tree["office"].pk]),
        {"treebeard_ref_node": tree["finance"].pk},
    )
    assert response.status_code == 302
    assert _fresh(tree["office"]).get_parent() == tree["finance"]
    assert client.post(reverse("agencies:delete", args=[tree["office"].pk])).status_code in (
        302,
        403,
    )
    assert Agency.objects.filter(pk=tree["office"].pk).exists()
