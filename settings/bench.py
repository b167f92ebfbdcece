"""The load benchmark (bench/load.py): development settings served as in production.

DEBUG off (no query log kept in memory, real error pages), local hosts only. The database,
cache and media come from the environment the benchmark sets: DATABASE_URL, REDIS_URL,
DJANGO_MEDIA_ROOT.
"""

import os

from .dev import *

ENVIRONMENT = "bench"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# A key prefix of its own for each run: a shared Redis keeps nothing from an earlier run's
# database, and nobody else's keys are touched.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "parlearn-bench")

# No task worker runs beside the benchmark: tasks (the demo's renditions, made while it loads)
# run at once, as they did when the README's figures were measured, so no lesson page resizes
# an image under load.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
