"""Creating, renaming, moving and deleting agencies keeps the tree consistent."""

import pytest
from django.core.exceptions import ValidationError

from learners.models import Agency, User
from learners.selectors import (
    agency_chain_name,
    agency_people_count,
    agency_tree_with_people_counts,
)
from learners.services import (
    AGENCY_DELETE_HAS_PEOPLE,
    AGENCY_MOVE_INTO_ITSELF,
    EMAIL_INVALID,
    agency_create,
    agency_delete,
    agency_move,
    agency_update,
    user_update_contact,
)
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def _names(agencies):
    return [agency.name for agency in agencies]


def _fresh(agency):
    return Agency.objects.get(pk=agency.pk)


def test_create_root_and_child_sorted_by_name(tree):
    root = agency_create(code="QN2", name="UBND tỉnh khác", kind=Agency.Kind.PROVINCE)
    assert root.is_root()
    agency_create(code="SYT", name="Sở Y tế", kind=Agency.Kind.DEPARTMENT, parent=tree["province"])
    agency_create(
        code="SGD",
        name="Sở Giáo dục và Đào tạo",
        kind=Agency.Kind.DEPARTMENT,
        parent=tree["province"],
    )
    assert _names(_fresh(tree["province"]).get_children()) == [
        "Sở Giáo dục và Đào tạo",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Y tế",
    ]
    assert _fresh(tree["province"]).numchild == 4
    assert not Agency.find_problems()[0]


def test_create_refuses_a_duplicate_code_and_writes_nothing(tree):
    count = Agency.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        agency_create(
            code="SNV", name="Sở trùng mã", kind=Agency.Kind.DEPARTMENT, parent=tree["province"]
        )
    assert "code" in excinfo.value.message_dict
    assert Agency.objects.count() == count
    assert _fresh(tree["province"]).numchild == 2


def test_create_refuses_an_unknown_kind(tree):
    with pytest.raises(ValidationError) as excinfo:
        agency_create(code="X1", name="Không rõ", kind="ministry")
    assert "kind" in excinfo.value.message_dict
    assert not Agency.objects.filter(code="X1").exists()


def test_update_renames_and_keeps_siblings_sorted(tree):
    agency_update(
        agency=tree["finance"], code="STC2", name="Ban Quản lý dự án", kind=Agency.Kind.DEPARTMENT
    )
    assert _names(_fresh(tree["province"]).get_children()) == ["Ban Quản lý dự án", "Sở Nội vụ"]
    finance = _fresh(tree["finance"])
    assert finance.code == "STC2"
    # The renamed unit's own sub-units stay with it.
    assert _names(_fresh(tree["home_affairs"]).get_children()) == ["Phòng Tổ chức"]
    assert not Agency.find_problems()[0]


def test_update_refuses_a_code_already_used(tree):
    with pytest.raises(ValidationError) as excinfo:
        agency_update(
            agency=tree["finance"], code="SNV", name="Sở Tài chính", kind=Agency.Kind.DEPARTMENT
        )
    assert "code" in excinfo.value.message_dict
    assert _fresh(tree["finance"]).code == "STC"


def test_move_takes_sub_units_and_people_along(tree, learner):
    moved = agency_move(agency=tree["home_affairs"], parent=tree["finance"])
    assert moved.get_parent() == tree["finance"]
    office = _fresh(tree["office"])
    assert office.get_parent() == moved
    assert office.depth == 4
    learner.refresh_from_db()
    assert learner.agency == office
    assert agency_chain_name(agency=office) == "Phòng Tổ chức – Sở Nội vụ – Sở Tài chính"
    assert not Agency.find_problems()[0]


def test_move_to_the_top_level(tree):
    moved = agency_move(agency=tree["office"], parent=None)
    assert moved.is_root()
    assert _fresh(tree["home_affairs"]).numchild == 0
    assert not Agency.find_problems()[0]


def test_move_to_the_current_parent_changes_nothing(tree):
    path = tree["office"].path
    agency_move(agency=tree["office"], parent=tree["home_affairs"])
    assert _fresh(tree["office"]).path == path


@pytest.mark.parametrize("target", ["home_affairs", "office"])
def test_move_under_itself_or_a_descendant_is_refused(tree, target):
    paths = dict(Agency.objects.values_list("pk", "path"))
    with pytest.raises(ValidationError) as excinfo:
        agency_move(agency=tree["home_affairs"], parent=tree[target])
    assert excinfo.value.messages == [str(AGENCY_MOVE_INTO_ITSELF % {"name": "Sở Nội vụ"})]
    assert dict(Agency.objects.values_list("pk", "path")) == paths


def test_delete_an_empty_subtree(tree):
    agency_delete(agency=tree["home_affairs"])
    assert _names(Agency.objects.all()) == ["UBND tỉnh Quảng Nam", "Sở Tài chính"]
    assert _fresh(tree["province"]).numchild == 1
    assert not Agency.find_problems()[0]


@pytest.mark.parametrize("agency", ["office", "home_affairs", "province"])
def test_delete_is_refused_while_people_belong_to_the_unit_or_below(tree, learner, agency):
    UserFactory(agency=tree["office"])
    count = Agency.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        agency_delete(agency=tree[agency])
    expected = AGENCY_DELETE_HAS_PEOPLE % {"name": tree[agency].name, "count": 2}
    assert excinfo.value.messages == [str(expected)]
    assert Agency.objects.count() == count
    assert User.objects.filter(agency=tree["office"]).count() == 2
    assert not Agency.find_problems()[0]


def test_people_counts_per_unit_and_subtree(tree, learner):
    UserFactory(agency=tree["home_affairs"])
    UserFactory(agency=tree["finance"])
    counts = {
        agency.code: (agency.people_count, agency.people_total)
        for agency in agency_tree_with_people_counts()
    }
    assert counts == {"UBND": (0, 3), "SNV": (1, 2), "SNV-TC": (1, 1), "STC": (1, 1)}
    assert agency_people_count(agency=tree["home_affairs"]) == 2


def test_tree_with_counts_is_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(agency_tree_with_people_counts())


def test_chain_name_leaves_out_the_province(tree):
    assert agency_chain_name(agency=tree["office"]) == "Phòng Tổ chức – Sở Nội vụ"
    assert agency_chain_name(agency=tree["home_affairs"]) == "Sở Nội vụ"
    assert agency_chain_name(agency=tree["province"]) == "UBND tỉnh Quảng Nam"


def test_update_contact_validates_before_writing(learner):
    with pytest.raises(ValidationError) as excinfo:
        user_update_contact(user=learner, email="không-phải-email", phone="0905 000 111")
    assert excinfo.value.message_dict == {"email": [str(EMAIL_INVALID)]}
    learner.refresh_from_db()
    assert learner.phone == "0905 123 456"
    user_update_contact(user=learner, email="", phone="")
    learner.refresh_from_db()
    assert (learner.email, learner.phone) == ("", "")
