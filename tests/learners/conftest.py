import pytest

from tests.learners.factories import UserFactory


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
