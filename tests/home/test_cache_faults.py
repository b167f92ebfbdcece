"""A Redis outage never takes the site down (home/cache.py).

The cache is switched to ``home.cache.ResilientRedisCache`` with cached_db sessions (as with
REDIS_URL) pointing at: a port that refuses connections, a server that accepts and never
answers, the real Redis (DB 7), and a proxy to the real Redis that is cut during the test.
Runs on SQLite and PostgreSQL alike.
"""

import time
import uuid

import pytest
from django.core.cache import caches

from courses.models import LessonProgress
from home.cache import reset_breakers
from tests.courses.factories import LessonPageFactory
from tests.home.redis_faults import RedisProxy, hung_server, redis_available, refused_port
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PROFILE = "/accounts/profile/"
PASSWORD = "Demo@2017"
REAL_REDIS = "redis://127.0.0.1:6379/7"
NO_REDIS = "Bỏ qua: không có Redis ở 127.0.0.1:6379"


@pytest.fixture
def use_cache(settings):
    """Point the default cache (and cached_db sessions) at ``url`` with a fresh key prefix."""
    prefixes = []

    def use(url, cooldown=5.0):
        prefix = f"parlearn-test-h2-{uuid.uuid4().hex[:8]}"
        prefixes.append(prefix)
        settings.CACHES = {
            "default": {
                "BACKEND": "home.cache.ResilientRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": prefix,
                "OPTIONS": {"COOLDOWN": cooldown},
            }
        }
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
        reset_breakers()
        return prefix

    yield use
    reset_breakers()
    if prefixes and redis_available():
        import redis

        client = redis.Redis.from_url(REAL_REDIS)
        for prefix in prefixes:
            keys = list(client.scan_iter(match=f"{prefix}:*"))
            if keys:
                client.delete(*keys)


@pytest.fixture(params=["refused", "hung", "redis"])
def cache_url(request):
    """The three states of the cache server: refusing, hung, and working."""
    if request.param == "refused":
        yield f"redis://127.0.0.1:{refused_port()}/0"
    elif request.param == "hung":
        with hung_server() as server:
            yield f"redis://127.0.0.1:{server.port}/0"
    else:
        if not redis_available():
            pytest.skip(NO_REDIS)
        yield REAL_REDIS


@pytest.fixture
def proxy():
    if not redis_available():
        pytest.skip(NO_REDIS)
    with RedisProxy() as server:
        yield server


@pytest.fixture
def person():
    return UserFactory(username="hv_mat_ket_noi")


def _sign_in(client, person):
    response = client.post(LOGIN, {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:300]


def _signed_in(client):
    response = client.get(PROFILE)
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_anonymous_pages_answer_whatever_the_cache_state(client, use_cache, cache_url):
    lesson = LessonPageFactory()
    urls = ["/", lesson.url, lesson.get_parent().url, LOGIN, "/search/?q=cải+cách", "/tags/"]
    for url in urls:
        client.get(url)  # first views make image renditions: not what is timed here
    use_cache(cache_url)
    started = time.monotonic()
    for url in urls:
        assert client.get(url).status_code == 200, url
    # A hung server costs one short timeout, then the breaker skips it.
    assert time.monotonic() - started < 2


def test_sign_in_and_signed_in_pages_work_whatever_the_cache_state(
    client, use_cache, cache_url, person
):
    lesson = LessonPageFactory()
    client.get(lesson.url)  # renditions
    use_cache(cache_url)
    started = time.monotonic()
    _sign_in(client, person)
    assert _signed_in(client)
    assert client.get(lesson.url).status_code == 200
    response = client.post(f"/hoc-tap/bai-hoc/{lesson.pk}/hoan-thanh/")
    assert response.status_code == 302
    assert LessonProgress.objects.filter(user=person, lesson=lesson).exists()
    assert client.get("/hoc-tap/").status_code == 200
    assert time.monotonic() - started < 2


def test_with_a_working_redis_sessions_are_cached_there(client, use_cache, person):
    if not redis_available():
        pytest.skip(NO_REDIS)
    import redis

    prefix = use_cache(REAL_REDIS)
    _sign_in(client, person)
    key = f"{prefix}:1:django.contrib.sessions.cached_db{client.cookies['sessionid'].value}"
    assert redis.Redis.from_url(REAL_REDIS).exists(key)


def test_hung_redis_costs_at_most_one_timeout_per_cooldown(client, use_cache, person):
    with hung_server() as server:
        use_cache(f"redis://127.0.0.1:{server.port}/0")
        cache = caches["default"]
        started = time.monotonic()
        assert [cache.get(f"k{i}", "none") for i in range(50)] == ["none"] * 50
        assert time.monotonic() - started < 1
        _sign_in(client, person)
        started = time.monotonic()
        for _ in range(10):
            assert _signed_in(client)
        assert time.monotonic() - started < 2


@pytest.mark.parametrize("blip", ["refuse", "hang"])
def test_signed_in_people_stay_signed_in_through_a_blip(client, use_cache, proxy, person, blip):
    lesson = LessonPageFactory()
    use_cache(proxy.url, cooldown=0.2)
    _sign_in(client, person)
    assert _signed_in(client)

    proxy.mode = blip
    for _ in range(3):
        assert _signed_in(client)
    # Work done during the blip is recorded.
    client.post(f"/hoc-tap/bai-hoc/{lesson.pk}/hoan-thanh/")
    assert LessonProgress.objects.filter(user=person, lesson=lesson).exists()

    proxy.mode = "forward"
    time.sleep(0.3)  # past the cooldown: the next call reaches Redis again
    for _ in range(3):
        assert _signed_in(client)


@pytest.mark.parametrize("recovering_process", ["same", "other"])
def test_a_sign_out_during_an_outage_holds_when_redis_returns(
    client, use_cache, proxy, person, recovering_process
):
    import redis

    prefix = use_cache(proxy.url, cooldown=0.2)
    _sign_in(client, person)
    assert _signed_in(client)
    old_session = client.cookies["sessionid"].value
    cached = f"{prefix}:1:django.contrib.sessions.cached_db{old_session}"
    assert redis.Redis.from_url(REAL_REDIS).exists(cached)

    proxy.mode = "refuse"
    assert client.post("/accounts/logout/").status_code == 302
    # Redis never heard of the sign-out: the signed-in session is still cached there.
    assert redis.Redis.from_url(REAL_REDIS).exists(cached)
    if recovering_process == "other":
        # Another worker, which does not know which keys this one failed to delete, is the
        # first to reach Redis again: forget them here.
        caches["default"]._breaker.pending.clear()

    proxy.mode = "forward"
    time.sleep(0.3)
    client.cookies["sessionid"] = old_session
    for _ in range(3):
        assert not _signed_in(client)
    assert not redis.Redis.from_url(REAL_REDIS).exists(cached)


def test_the_rate_limit_counts_in_the_database_while_redis_is_down(client, use_cache, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 3}
    use_cache(f"redis://127.0.0.1:{refused_port()}/0")
    codes = [client.get("/search/", {"q": "cải cách"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
