"""Production settings pass Django's deployment checks and refuse to start without secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "DJANGO_SECRET_KEY": "Kd8-fQz2_pLm9vRt4WxY7bNc1HgJ6sAe3UoI0iTyR5wE8qZ-aXcVbNm",
    "DJANGO_ALLOWED_HOSTS": "hoctap.example.gov.vn",
    "DATABASE_URL": "postgres://parlearn@db.example.gov.vn:5432/parlearn",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_passes_check_deploy_at_warning_level():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_sends_security_headers():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, "
        "s.SECURE_SSL_REDIRECT, s.X_FRAME_OPTIONS)",
        env=ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True True True DENY"
