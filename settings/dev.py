"""Local development: the embedded default (SQLite, local media, console e-mail)."""

from .base import *

ENVIRONMENT = "development"
DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INTERNAL_IPS = ["127.0.0.1"]
