"""Rate limits are counted where every worker process sees them, and fail open."""

import logging
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from home import ratelimit
from home.models import RateCounter
from tests.home.redis_faults import redis_available

pytestmark = pytest.mark.django_db

SEARCH = {"q": "cải cách"}


def test_without_redis_the_count_lives_in_the_database(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 3}
    assert [client.get("/search/", SEARCH).status_code for _ in range(2)] == [200, 200]
    # Another worker process has its own local-memory cache; the count is not in it.
    cache.clear()
    codes = [client.get("/search/", SEARCH).status_code for _ in range(3)]
    assert codes == [200, 429, 429]
    assert RateCounter.objects.get().count == 5


def test_addresses_behind_a_trusted_proxy_are_counted_apart(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 2}
    settings.TRUSTED_PROXY_COUNT = 1
    first = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    second = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert [client.get("/search/", SEARCH, **first).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/search/", SEARCH, **second).status_code == 200


def test_without_a_trusted_proxy_a_forged_header_is_ignored(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 2}
    settings.TRUSTED_PROXY_COUNT = 0
    codes = [
        client.get(
            "/search/", SEARCH, REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_counts_are_atomic_increments_of_one_row():
    for expected in range(1, 6):
        assert ratelimit.hit("password_reset_email", "an@example.gov.vn") == expected
    assert ratelimit.count("password_reset_email", "an@example.gov.vn") == 5
    assert ratelimit.exhausted("password_reset_email", "an@example.gov.vn")
    assert not ratelimit.exhausted("password_reset_email", "binh@example.gov.vn")
    assert RateCounter.objects.count() == 1
    assert "an@example" not in RateCounter.objects.get().key  # stored hashed


def test_expired_counters_are_purged():
    ratelimit.hit("search", "a1.2.3.4")
    RateCounter.objects.create(key="rl:search:old:1", count=9, expires=int(time.time()) - 10)
    assert ratelimit.ratecounter_purge_expired() == 1
    assert RateCounter.objects.count() == 1


def test_when_the_database_counter_fails_the_limiter_fails_open(settings, monkeypatch, caplog):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 1}
    monkeypatch.setattr(RateCounter._meta, "db_table", "home_no_such_table")
    request = RequestFactory().get("/search/", SEARCH)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    with caplog.at_level(logging.WARNING, logger="home.ratelimit"):
        assert [ratelimit.limited(request, "search") for _ in range(3)] == [False] * 3
    assert "failing open" in caplog.text


def test_with_redis_the_count_lives_in_redis(settings):
    if not redis_available():
        pytest.skip("Bỏ qua: không có Redis ở 127.0.0.1:6379")
    from django.core.cache import caches

    from home.cache import ResilientRedisCache, reset_breakers

    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/7",
            "KEY_PREFIX": "parlearn-test-h2-rl",
        }
    }
    reset_breakers()
    try:
        caches["default"].clear()
        assert [ratelimit.hit("search", "a10.0.0.9") for _ in range(3)] == [1, 2, 3]
        assert not RateCounter.objects.exists()
        # A second process has its own client: it sees the same count.
        other = ResilientRedisCache(
            "redis://127.0.0.1:6379/7", {"KEY_PREFIX": "parlearn-test-h2-rl"}
        )
        key, _expires = ratelimit._key("search", "a10.0.0.9", 60)
        assert other.get(key) == 3
    finally:
        caches["default"].clear()
