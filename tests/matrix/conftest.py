"""The permission matrix's shared data: one world for the whole ``tests/matrix`` package."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings

from tests.matrix.world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The data, made once for the package inside a transaction that is rolled back at the end;
    each test (and each probe) runs in a savepoint inside it."""
    media = tmp_path_factory.mktemp("matrix-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        world = build_world()
        world.sessions = {role: _session_of(user) for role, user in world.users.items()}
        yield world
        transaction.set_rollback(True)


def _session_of(user):
    """A signed-in session for the user, made once: every row of that role reuses it."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(autouse=True)
def _media_and_cache():
    """Replaces the suite's per-test media folder: the world's files (the slide image, the
    document) live in the package's folder. The cache still starts empty (rate limits)."""
    cache.clear()
