"""Which sessions and cache each configuration gets (base/dev/production, with and without
REDIS_URL): sessions every worker process shares, and a Redis cache that degrades."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {
    "DJANGO_SECRET_KEY": "Kd8-fQz2_pLm9vRt4WxY7bNc1HgJ6sAe3UoI0iTyR5wE8qZ-aXcVbNm",
    "DJANGO_ALLOWED_HOSTS": "hoctap.example.gov.vn",
    "DATABASE_URL": "postgres://parlearn@db.example.gov.vn:5432/parlearn",
}


def _read(module, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "TRUSTED_PROXY"))
    }
    code = (
        f"import {module} as s; "
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], s.TRUSTED_PROXY_COUNT)"
    )
    result = subprocess.run(  # noqa: S603 - our own settings module, fixed code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("module", "env"), [("settings.dev", {}), ("settings.production", PRODUCTION)]
)
def test_without_redis_sessions_are_cached_where_every_worker_sees_them(module, env):
    engine, backend, proxies = _read(module, **env)
    assert engine == "django.contrib.sessions.backends.cached_db"
    assert backend == "home.cache.SharedFileCache"
    assert proxies == "0"


@pytest.mark.parametrize(
    ("module", "env"), [("settings.dev", {}), ("settings.production", PRODUCTION)]
)
def test_with_redis_sessions_are_cached_in_the_resilient_cache(module, env):
    engine, backend, proxies = _read(
        module, REDIS_URL="redis://redis:6379/0", TRUSTED_PROXY_COUNT="1", **env
    )
    assert engine == "django.contrib.sessions.backends.cached_db"
    assert backend == "home.cache.ResilientRedisCache"
    assert proxies == "1"
