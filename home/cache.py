"""A Redis cache that a Redis outage cannot turn into an outage of the site.

``ResilientRedisCache`` is Django's ``RedisCache`` with four changes:

1. **Short timeouts.** Connecting and answering each get ``CONNECT_TIMEOUT`` / ``SOCKET_TIMEOUT``
   seconds (0.3 s by default; ``OPTIONS`` may set ``socket_connect_timeout`` and
   ``socket_timeout`` directly) and no retry, so a hung server costs one short wait, not the
   client library's default of several long ones.
2. **Degrade instead of fail.** A connection error, a timeout or an ``OSError`` on any operation
   is logged (a warning at most every ``WARNING_INTERVAL`` seconds per process) and the
   operation answers as an empty cache would: ``get`` the default, ``get_many`` ``{}``,
   ``add``/``touch``/``delete``/``has_key`` ``False``, ``set`` nothing. ``incr``/``decr`` raise
   ``CacheUnavailable`` (a ``ValueError`` would mean "no such key"): the rate limiter
   (``home.ratelimit``) counts in the database instead. The sessions (``cached_db``) then read
   and write the database, so people stay signed in.
3. **Circuit breaker.** After a failure, the process skips Redis for ``COOLDOWN`` seconds (5 by
   default) and answers at once as above: a hung Redis costs each process at most one timeout
   every few seconds, not one per call. Deletes are the exception: they are always tried (see 4).
4. **No stale value comes back after the outage.** A write that failed or was skipped (a
   session saved or deleted while Redis was away: a sign-out, a sign-in, a password change) may
   leave an older value in Redis, which would be served again once Redis answers. So:

   - every key whose ``set``/``delete`` failed or was skipped is remembered in the process
     (at most ``MAX_PENDING``) and deleted before anything else when Redis answers again;
   - on that recovery the process also deletes every cached session
     (``FLUSH_ON_RECOVERY``: the ``cached_db`` session keys of this site's ``KEY_PREFIX``). The
     database holds every session, so the only cost is one database read per signed-in person
     after an outage; but a sign-out made during the outage by *another* process can no
     longer be undone by a stale cached copy, whichever process sees Redis come back first;
   - a delete is tried even while the breaker is open, so a sign-out made when Redis has just
     come back (and this process has not noticed yet) reaches Redis.

   What is *not* covered: a network split where one process cannot reach Redis while others
   can, and the others re-cache a session between its database delete and the cut process's
   recovery. The cut process flushes the sessions again when it reaches Redis.
"""

import logging
import os
import threading
import time

from django.contrib.sessions.backends.cached_db import KEY_PREFIX as SESSION_KEY_PREFIX
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


class CacheUnavailable(Exception):  # reads better at the call site
    """Raised by ``incr``/``decr`` when Redis cannot be reached (or is being skipped)."""


def _outage_errors():
    import redis  # only needed when this backend is configured

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class _Breaker:
    """Per-process state shared by every thread's cache instance for one Redis location."""

    def __init__(self):
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.down = False  # a failure was seen; the next successful contact recovers first
        self.pending = set()
        self.overflow = False
        self.last_warning = 0.0
        self.suppressed = 0


_breakers: dict[tuple, _Breaker] = {}
_breakers_lock = threading.Lock()


def _breaker_for(location):
    with _breakers_lock:
        return _breakers.setdefault(location, _Breaker())


def reset_breakers():
    """Forget every outage (for tests)."""
    with _breakers_lock:
        _breakers.clear()


class ResilientRedisCache(RedisCache):
    CONNECT_TIMEOUT = 0.3
    SOCKET_TIMEOUT = 0.3
    COOLDOWN = 5.0
    WARNING_INTERVAL = 30.0
    MAX_PENDING = 10_000

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.cooldown = float(options.pop("COOLDOWN", self.COOLDOWN))
        flush = options.pop("FLUSH_ON_RECOVERY", [SESSION_KEY_PREFIX])
        options.setdefault("socket_connect_timeout", self.CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", self.SOCKET_TIMEOUT)
        # No retry: the breaker decides when to try again.
        options.setdefault("retry", None)
        options.setdefault("retry_on_error", [])
        super().__init__(server, {**params, "OPTIONS": options})
        self._flush_prefixes = list(flush)
        self._errors = _outage_errors()
        self._breaker = _breaker_for((tuple(self._servers), self.key_prefix, self.version))

    # The breaker --------------------------------------------------------------------------

    def _warn(self, message, error=None):
        breaker = self._breaker
        now = time.monotonic()
        with breaker.lock:
            if now - breaker.last_warning < self.WARNING_INTERVAL:
                breaker.suppressed += 1
                return
            suppressed, breaker.suppressed = breaker.suppressed, 0
            breaker.last_warning = now
        logger.warning("%s (%s); %d similar warnings suppressed", message, error or "-", suppressed)

    def _remember(self, keys):
        if not keys:
            return
        breaker = self._breaker
        with breaker.lock:
            for key in keys:
                if len(breaker.pending) >= self.MAX_PENDING:
                    breaker.overflow = True
                    break
                breaker.pending.add(key)

    def _trip(self, error, keys):
        breaker = self._breaker
        with breaker.lock:
            breaker.open_until = time.monotonic() + self.cooldown
            breaker.down = True
        self._remember(keys)
        self._warn(f"Redis cache unreachable; serving without it for {self.cooldown:g} s", error)

    def _recover(self):
        """Runs on the first contact after an outage, before the operation itself."""
        breaker = self._breaker
        with breaker.lock:
            pending = list(breaker.pending)
            overflow = breaker.overflow
        client = self._cache.get_client(None, write=True)
        for start in range(0, len(pending), 500):
            client.delete(*pending[start : start + 500])
        flushed = 0
        for prefix in self._flush_prefixes:
            pattern = _glob_escape(self.make_key(prefix)) + "*"
            batch = []
            for key in client.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 500:
                    flushed += client.unlink(*batch)
                    batch = []
            if batch:
                flushed += client.unlink(*batch)
        with breaker.lock:
            breaker.pending.difference_update(pending)
            breaker.overflow = False
            breaker.down = False
            breaker.open_until = 0.0
        logger.warning(
            "Redis cache reachable again: dropped %d key(s) written during the outage%s and "
            "%d cached session(s)",
            len(pending),
            " (more were lost: the list overflowed)" if overflow else "",
            flushed,
        )

    def _call(self, operation, fallback, *, keys=(), always_try=False):
        breaker = self._breaker
        if not always_try and time.monotonic() < breaker.open_until:
            self._remember(keys)
            return fallback()
        try:
            if breaker.down:
                self._recover()
            return operation()
        except self._errors as error:
            self._trip(error, keys)
            return fallback()

    def _keys(self, keys, version):
        return [self.make_key(key, version=version) for key in keys]

    # The cache API ------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: False,
            keys=self._keys([key], version),
        )

    def get(self, key, default=None, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda: default,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda: None,
            keys=self._keys([key], version),
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda: False,
        )

    def delete(self, key, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).delete(key, version),
            lambda: False,
            keys=self._keys([key], version),
            always_try=True,
        )

    def get_many(self, keys, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            dict,
        )

    def has_key(self, key, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda: False,
        )

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise CacheUnavailable(key)

        return self._call(
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
            unavailable,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda: list(data),
            keys=self._keys(data, version),
        )

    def delete_many(self, keys, version=None):
        keys = list(keys)
        self._call(
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda: None,
            keys=self._keys(keys, version),
            always_try=True,
        )

    def clear(self):
        return self._call(lambda: super(ResilientRedisCache, self).clear(), lambda: False)

    @property
    def is_available(self):
        """False while the breaker skips Redis (for health checks and tests)."""
        return time.monotonic() >= self._breaker.open_until


def _glob_escape(text):
    """Escape the characters Redis MATCH patterns treat specially."""
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)


class SharedFileCache(FileBasedCache):
    """The default cache without Redis: files on this machine's disk, shared by every worker
    process (a sign-out, or a site-settings edit, is seen by all of them at once).

    A disk that cannot take a write (full, read-only) must not take the pages down: ``get``
    then answers as a miss and ``set``/``add``/``touch`` do nothing, with a logged warning.
    ``delete`` raises when the file is still there: a session file that cannot be deleted
    would keep a signed-out cookie signed in, so sign-out must fail loudly instead.
    """

    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:  # the next set tries again and says so
            logger.warning("File cache directory unusable (%s)", error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except OSError as error:
            logger.warning("File cache unreadable (%s)", error)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except OSError as error:
            logger.warning("File cache unwritable (%s)", error)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except OSError as error:
            logger.warning("File cache unwritable (%s)", error)
            return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except OSError as error:
            logger.warning("File cache unwritable (%s)", error)
            return False

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except OSError as error:
            logger.warning("File cache unreadable (%s)", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except OSError:
            if os.path.lexists(self._key_to_file(key, version)):
                raise  # the value is still there: refuse rather than serve it again
            return False
