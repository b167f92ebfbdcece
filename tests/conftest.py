import pytest

from learners.models import Agency
from tests.learners.factories import AgencyFactory


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Every test writes uploads into its own temporary folder and starts with an empty cache."""
    from django.core.cache import cache  # settings must be configured first

    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()


@pytest.fixture
def tree(request, db):
    """The province: the one agency tree of the tests that need one, by key::

        UBND tỉnh Quảng Nam (UBND)         province
        ├── Sở Nội vụ (SNV)                home_affairs
        │   └── Phòng Tổ chức (SNV-TC)     office
        ├── Sở Tài chính (STC)             finance
        ├── UBND huyện A (HA)              district_a  ┐
        │   └── Phòng Nội vụ A (HA-NV)     office_a    │ with the ``districts`` marker
        └── UBND huyện B (HB)              district_b  │ (``pytest.mark.districts``)
            └── Phòng Nội vụ B (HB-NV)     office_b    ┘

    Parents are re-read before each add and every agency once the tree is made: treebeard
    computes a child's path from the parent's stored child count, which an agency held in
    memory no longer has right once a sibling is added.
    """
    made = {}

    def add(key, parent=None, **fields):
        parent = Agency.objects.get(pk=made[parent].pk) if parent else None
        made[key] = AgencyFactory(parent=parent, **fields)

    add("province", code="UBND", name="UBND tỉnh Quảng Nam", kind=Agency.Kind.PROVINCE)
    add("home_affairs", "province", code="SNV", name="Sở Nội vụ")
    add("office", "home_affairs", code="SNV-TC", name="Phòng Tổ chức", kind=Agency.Kind.OFFICE)
    add("finance", "province", code="STC", name="Sở Tài chính")
    if request.node.get_closest_marker("districts"):
        for letter in "AB":
            district, office = f"district_{letter.lower()}", f"office_{letter.lower()}"
            name, code = f"UBND huyện {letter}", f"H{letter}"
            add(district, "province", code=code, name=name, kind=Agency.Kind.DISTRICT)
            add(
                office,
                district,
                code=f"{code}-NV",
                name=f"Phòng Nội vụ {letter}",
                kind=Agency.Kind.OFFICE,
            )
    return {key: Agency.objects.get(pk=agency.pk) for key, agency in made.items()}


def pytest_collection_modifyitems(config, items):
    """A transactional test must restore the migrations' rows when it ends
    (``serialized_rollback=True``): a plain ``transaction=True`` test flushes the database and
    lets post_migrate create content types anew, so the next serialized test fails to load its
    rows ("UNIQUE constraint failed: django_content_type…"), depending on the order."""
    bare = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if bare:
        raise pytest.UsageError(
            "Transactional tests without serialized_rollback=True:\n" + "\n".join(bare)
        )
