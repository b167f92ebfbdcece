"""Benchmark: the demo lesson page for an anonymous visitor and a signed-in trainee.

Prints the SQL query count, the median time of 50 requests and the HTML weight.
Run with `make bench` (uses the development database; loads the demo course if missing).
Tasks run at once here (the immediate backend, as before the database queue): loading the demo
makes its renditions in this process, so the figures need no worker and mean what they did.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from courses.models import LessonPage  # noqa: E402
from learners.models import User  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
RUNS = 50
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def measure(client, url):
    client.get(url)  # warm-up: renditions, caches
    reset_queries()  # the debug query log is capped; start it empty
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        response.render() if hasattr(response, "render") else None
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return len(queries), statistics.median(times) * 1000, len(response.content)


@override_settings(TASKS=IMMEDIATE_TASKS)
def main():
    call_command("migrate", verbosity=0)  # a fresh checkout has no database yet
    if not LessonPage.objects.exists():
        call_command("load_par_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    lesson = next(p for p in LessonPage.objects.live().order_by("path") if p.slides)
    url = lesson.url
    print(f"Lesson: {lesson.title} ({len(lesson.slides)} slides) {url}")
    print(f"{'who':<12} {'queries':>8} {'median ms':>10} {'HTML KB':>8}")
    anonymous = Client()
    trainee = Client()
    trainee.force_login(User.objects.get(username="hocvien"))  # axes needs a request to log in
    for who, client in [("anonymous", anonymous), ("trainee", trainee)]:
        queries, ms, size = measure(client, url)
        print(f"{who:<12} {queries:>8} {ms:>10.1f} {size / 1024:>8.1f}")


if __name__ == "__main__":
    main()
