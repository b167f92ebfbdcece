import pytest

from learners.models import Agency
from tests.learners.factories import AgencyFactory, UserFactory


@pytest.fixture
def tree():
    """UBND tỉnh → Sở Nội vụ → Phòng Tổ chức, and UBND tỉnh → Sở Tài chính.

    Parents are re-read before each add: treebeard computes a child's path from the
    parent's stored child count, which an in-memory parent no longer has right.
    """
    province = AgencyFactory(code="UBND", name="UBND tỉnh Quảng Nam", kind=Agency.Kind.PROVINCE)
    home_affairs = AgencyFactory(code="SNV", name="Sở Nội vụ", parent=province)
    office = AgencyFactory(
        code="SNV-TC",
        name="Phòng Tổ chức",
        kind=Agency.Kind.OFFICE,
        parent=Agency.objects.get(pk=home_affairs.pk),
    )
    finance = AgencyFactory(
        code="STC", name="Sở Tài chính", parent=Agency.objects.get(pk=province.pk)
    )
    return {
        name: Agency.objects.get(pk=agency.pk)
        for name, agency in {
            "province": province,
            "home_affairs": home_affairs,
            "office": office,
            "finance": finance,
        }.items()
    }


@pytest.fixture
def learner(tree):
    return UserFactory(
        username="nguyenvanan",
        full_name="Nguyễn Văn An",
        employee_code="CC000123",
        email="an@snv.quangnam.gov.vn",
        phone="0905 123 456",
        position="Chuyên viên",
        agency=tree["office"],
    )
