"""The default cache without Redis (home.cache.SharedFileCache): one cache for every worker
process of the machine, and a disk that takes no write does not take the pages down."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def file_cache(location):
    return {
        "default": {"BACKEND": "home.cache.SharedFileCache", "LOCATION": str(location)},
    }


def test_two_processes_share_one_cache(tmp_path):
    """A value written by one worker's cache object is read, and deleted, by another's."""
    settings = file_cache(tmp_path / "cache")["default"]
    from home.cache import SharedFileCache

    one = SharedFileCache(settings["LOCATION"], {})
    other = SharedFileCache(settings["LOCATION"], {})
    one.set("django.contrib.sessions.cached_dbabc", {"user": 1}, 60)
    assert other.get("django.contrib.sessions.cached_dbabc") == {"user": 1}
    other.delete("django.contrib.sessions.cached_dbabc")
    assert one.get("django.contrib.sessions.cached_dbabc") is None


def test_an_unwritable_cache_directory_degrades_to_no_cache(client, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    with override_settings(CACHES=file_cache(blocked / "cache")):
        cache = caches["default"]
        assert cache.set("k", "v") is None
        cache.add("k", "v")
        assert cache.get("k", "default") == "default"
        assert client.get("/").status_code == 200
        client.force_login(UserFactory())
        response = client.get("/hoc-tap/")
        assert response.status_code == 200
