"""The server's side of the load benchmark (bench/load.py): its own database, the demo and the
bench accounts, gunicorn started and stopped."""

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench@2017-load"  # noqa: S105 - a throw-away database's accounts
PG_BENCH_DB = "parlearn_bench_load"


def bench_environment(workdir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env["DJANGO_SETTINGS_MODULE"] = "settings.bench"
    env["DJANGO_MEDIA_ROOT"] = str(workdir / "media")
    env.setdefault("DB_CONN_MAX_AGE", "60")  # connections reused, as settings.production does
    env["BENCH_CACHE_PREFIX"] = f"parlearn-bench-{secrets.token_hex(4)}"  # a fresh cache
    env["DJANGO_CACHE_DIR"] = str(workdir / "cache")  # without Redis: the workers' file cache
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        server = url.rsplit("/", 1)[0]
        import psycopg

        with psycopg.connect(server + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')
        env["DATABASE_URL"] = f"{server}/{PG_BENCH_DB}"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    return env


def setup_django(env: dict):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_data(trainees: int) -> list[str]:
    """Migrate, load the demo course and add the bench trainees; returns their usernames."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    from learners.models import Agency, User

    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_par_demo", stdout=quiet)
    agencies = list(Agency.objects.order_by("path"))
    password = make_password(PASSWORD)
    names = [f"tai{n:03d}" for n in range(1, trainees + 1)]
    User.objects.bulk_create(
        [
            User(
                username=name,
                full_name=f"Học viên tải {n}",
                employee_code=f"TAI{n:05d}",
                agency=agencies[n % len(agencies)],
                password=password,
            )
            for n, name in enumerate(names, start=1)
        ]
    )
    return names


def course_plan():
    """The course in study order: [(module, [lessons], quiz or None)]."""
    from courses.models import CoursePage, LessonPage, ModulePage
    from quizzes.models import QuizPage

    course = CoursePage.objects.live().first()
    plan = []
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        lessons = [
            {"id": lesson.pk, "url": lesson.url, "slides": len(lesson.slides)}
            for lesson in LessonPage.objects.child_of(module).live().order_by("path").specific()
        ]
        quiz = QuizPage.objects.child_of(module).live().first()
        plan.append(
            {
                "module": module.pk,
                "lessons": lessons,
                "quiz": {"id": quiz.pk, "url": quiz.url} if quiz else None,
            }
        )
    return course, plan


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, workers: int, log: Path) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "wsgi:application",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        "--timeout=60",
        "--graceful-timeout=10",
    ]
    process = subprocess.Popen(  # noqa: S603
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start; see {log}")
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                return process
        time.sleep(0.3)
    stop(process)
    sys.exit(f"gunicorn did not answer within 60 s; see {log}")


def stop(process: subprocess.Popen):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
