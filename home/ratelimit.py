"""Fixed-window request counters shared by every worker process.

Used for search, quiz submission, wrong current passwords on the password-change form and
password-reset requests (``settings.RATE_LIMITS``: a number is per minute, a pair is
``(requests, seconds)``).

Where the count lives:

- with a Redis cache (``REDIS_URL``): in Redis (``add`` + atomic ``INCR``);
- without one, *and whenever Redis is unreachable*: in the database, one
  ``INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count`` statement per hit
  (table ``home_ratecounter``). Every process sees the same count either way.

When the store itself fails (the database refuses the write, e.g. SQLite stays locked past its
busy timeout), the limiter **fails open**: the request is allowed and a warning is logged. A
limit is a brake on abuse, not a record; refusing people because a counter could not be written
would turn a storage hiccup into an outage.

Expired rows are deleted on about one write in ``PURGE_ONE_IN``, and by
``ratecounter_purge_expired()`` (for a scheduled job).
"""

import hashlib
import logging
import random
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connection, transaction
from django.shortcuts import render

from .cache import CacheUnavailable
from .models import RateCounter
from .net import client_ip

logger = logging.getLogger(__name__)

WINDOW = 60
PURGE_ONE_IN = 200


def rate(scope):
    """``(limit, window_seconds)`` for ``scope``."""
    value = settings.RATE_LIMITS[scope]
    if isinstance(value, (tuple, list)):
        return int(value[0]), int(value[1])
    return int(value), WINDOW


def client_key(request):
    """The signed-in person, or the client's address (``home.net.client_ip``) for visitors."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    return "a" + client_ip(request)


def _key(scope, ident, window):
    start = int(time.time()) // window
    digest = hashlib.sha256(str(ident).encode()).hexdigest()[:40]
    return f"rl:{scope}:{digest}:{start}", (start + 1) * window


def _uses_cache():
    return isinstance(caches["default"], RedisCache)


def _db_hit(key, expires):
    q = connection.ops.quote_name
    table, key_, count_, expires_ = (
        q(RateCounter._meta.db_table),
        q("key"),
        q("count"),
        q("expires"),
    )
    # One statement, atomic on SQLite and PostgreSQL alike: no read-then-write race.
    sql = (
        f"INSERT INTO {table} ({key_}, {count_}, {expires_}) VALUES (%s, 1, %s) "  # noqa: S608
        f"ON CONFLICT ({key_}) DO UPDATE SET {count_} = {table}.{count_} + 1 RETURNING {count_}"
    )
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [key, expires])
            count = cursor.fetchone()[0]
    except DatabaseError as error:
        logger.warning("Rate limit not counted (failing open): %s", error)
        return 0
    if random.randrange(PURGE_ONE_IN) == 0:  # noqa: S311 - not security-relevant
        ratecounter_purge_expired()
    return count


def _db_count(key):
    try:
        return RateCounter.objects.filter(key=key).values_list("count", flat=True).first() or 0
    except DatabaseError as error:
        logger.warning("Rate limit not read (failing open): %s", error)
        return 0


def ratecounter_purge_expired(*, now=None):
    """Delete the counters of windows that are over; returns how many were deleted."""
    now = int(time.time()) if now is None else now
    try:
        with transaction.atomic():
            deleted, _ = RateCounter.objects.filter(expires__lt=now).delete()
    except DatabaseError as error:
        logger.warning("Expired rate counters not purged: %s", error)
        return 0
    return deleted


def hit(scope, ident):
    """Count one event for ``ident`` in ``scope``; returns the count in the current window."""
    _limit, window = rate(scope)
    key, expires = _key(scope, ident, window)
    if _uses_cache():
        ttl = max(1, expires - int(time.time())) + 5
        try:
            cache.add(key, 0, ttl)
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, ttl)
            return 1
        except CacheUnavailable:
            pass  # counted in the database while Redis is away
    return _db_hit(key, expires)


def count(scope, ident):
    """How many events ``ident`` has in the current window of ``scope`` (no hit)."""
    _limit, window = rate(scope)
    key, _expires = _key(scope, ident, window)
    if _uses_cache():
        value = cache.get(key)
        if value is not None or getattr(cache, "is_available", True):
            return int(value or 0)
    return _db_count(key)


def exhausted(scope, ident):
    """True when ``ident`` has used up ``scope``'s limit for the current window."""
    limit, _window = rate(scope)
    return count(scope, ident) >= limit


def limited(request, scope):
    """Count this request; True when the caller has passed the limit for ``scope``."""
    limit, _window = rate(scope)
    return hit(scope, client_key(request)) > limit


def too_many_requests(request, scope=None):
    """The 429 page (Vietnamese), with ``Retry-After``."""
    retry_after = rate(scope)[1] if scope else WINDOW
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
