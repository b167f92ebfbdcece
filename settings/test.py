"""Fast, isolated settings for pytest. DATABASE_URL may point the suite at PostgreSQL."""

import tempfile

from .base import *

ENVIRONMENT = "test"
DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The suite runs in one process, where a local-memory cache is shared by every request: cached_db
# sessions behave here as they do with Redis or base.py's file cache shared by the workers (and
# the lesson-page query budgets are measured that way).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
MEDIA_ROOT = tempfile.mkdtemp(prefix="parlearn-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# The test client's login() does not pass a request, which django-axes needs; the lockout
# tests switch it back on.
AXES_ENABLED = False
# Tasks run at once, in the code that queues them (the queue's own tests switch to the database
# backend: tests/home/test_tasks_queue.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
