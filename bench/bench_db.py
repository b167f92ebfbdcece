"""What the benchmarks that build their own data share: their own database and Django set up.

``choose_database(sqlite_file, pg_database, *, rebuild)`` points DATABASE_URL at a SQLite file
under bench/out/, or, when DATABASE_URL is set, at the PostgreSQL database ``pg_database`` on the
same server (created if missing); never the development database. ``setup_django()`` then sets
Django up with the development settings, media under bench/out/media and DEBUG off.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def choose_database(sqlite_file: str, pg_database: str, *, rebuild: bool) -> str:
    """Point DATABASE_URL at the bench database (created if missing) and name it."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / sqlite_file
        if rebuild and path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return f"SQLite {path.relative_to(ROOT)}"
    import psycopg

    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [pg_database]
        ).fetchone()
        if exists and rebuild:
            connection.execute(f'DROP DATABASE "{pg_database}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{pg_database}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{pg_database}"))
    return f"PostgreSQL {parts.hostname}:{parts.port or 5432}/{pg_database}"


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    os.environ["DJANGO_MEDIA_ROOT"] = str(OUT / "media")  # the demo's slide images
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log growing during the load
    settings.ALLOWED_HOSTS = ["*"]
