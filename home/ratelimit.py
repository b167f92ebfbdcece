"""A fixed-window request counter in the cache, for search and quiz submission.

Counting lives in the shared cache (Redis in production), so every app server sees the same
count. When the limit is passed the caller answers 429 with ``too_many_requests``.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

WINDOW = 60


def client_key(request):
    """The signed-in person, or the address for anonymous visitors."""
    if request.user.is_authenticated:
        return f"u{request.user.pk}"
    return "a" + request.META.get("REMOTE_ADDR", "")


def limited(request, scope):
    """Count this request; True when the caller has passed the limit for ``scope``."""
    limit = settings.RATE_LIMITS[scope]
    window = int(time.time()) // WINDOW
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    cache.add(key, 0, WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW + 5)
        count = 1
    return count > limit


def too_many_requests(request):
    response = render(request, "429.html", {"retry_after": WINDOW}, status=429)
    response["Retry-After"] = str(WINDOW)
    return response
