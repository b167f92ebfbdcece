"""Forget this site's cached values, and only this site's.

A Redis server (or database number) may be shared with other applications: ``cache.clear()``
on Django's Redis backend runs ``FLUSHDB`` and would take their keys too. For a Redis cache the
keys made by this site (``KEY_PREFIX:version:key`` with Django's key function) are found with
``SCAN`` and deleted in batches; caches that belong to this process or this site alone (local
memory, files, database table, dummy) are cleared whole.
"""

from __future__ import annotations

import logging
import re

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache

# Caches whose whole content belongs to this site: clearing them touches nobody else.
LOCAL_BACKENDS = (
    "django.core.cache.backends.locmem.",
    "django.core.cache.backends.filebased.",
    "django.core.cache.backends.db.",
    "django.core.cache.backends.dummy.",
)
SCAN_BATCH = 1000
logger = logging.getLogger(__name__)


def _glob_escape(text: str) -> str:
    return re.sub(r"([\\*?\[\]])", r"\\\1", text)


def site_key_pattern(cache: BaseCache) -> str:
    """The Redis ``MATCH`` pattern of every key this cache makes, whatever the version."""
    return f"{_glob_escape(cache.key_prefix)}:*"


def clear_redis_site_keys(cache: RedisCache) -> int:
    """Delete the keys under this cache's prefix on the write server; return how many."""
    client = cache._cache.get_client(write=True)
    deleted = 0
    batch = []
    for key in client.scan_iter(match=site_key_pattern(cache), count=SCAN_BATCH):
        batch.append(key)
        if len(batch) >= SCAN_BATCH:
            deleted += client.delete(*batch)
            batch = []
    if batch:
        deleted += client.delete(*batch)
    return deleted


def clear_site_cache() -> list[str]:
    """Clear every configured cache of this site's keys; return the aliases left as they were
    (a backend that may be shared and that this function cannot scan, or a server that does
    not answer)."""
    skipped = []
    for alias in caches:
        cache = caches[alias]
        backend = f"{type(cache).__module__}."
        try:
            if isinstance(cache, RedisCache):
                clear_redis_site_keys(cache)
            elif backend.startswith(LOCAL_BACKENDS):
                cache.clear()
            else:
                skipped.append(alias)
        except Exception:  # a cache server down: say so, the restore stands
            logger.warning("Could not clear the cache %r of this site's keys", alias, exc_info=True)
            skipped.append(alias)
    return skipped
