"""Load benchmark: N simulated trainees study the demo course at once against gunicorn.

Run with `make bench-load` (SQLite) or `make bench-load DATABASE_URL=postgres://… REDIS_URL=redis://…`.

It builds a database of its own (a temporary SQLite file, or the PostgreSQL database
``parlearn_bench_load`` on the server DATABASE_URL names), loads the demo course, adds N trainee
accounts and starts gunicorn with 4 workers. Each trainee signs in and works through the course
in order, as a person does after a training day: opens each lesson, pages through its slides
(the slide viewer's save), marks it done, and takes the module's quiz (start, autosave, submit;
about one attempt in four is answered wrongly on purpose). Then it prints:

- requests per second, p50 and p99 latency, the count of 5xx answers and of other failures;
- the lost-write check: every completion, slide position and quiz submission that the server
  acknowledged is in the database;
- the completion check: no passed quiz or finished module is missing its module completion, no
  finished course its course completion or its certificate.

Exit status 1 when any 5xx, lost write or missing completion was seen.
"""

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench@2017-load"  # noqa: S105 - a throw-away database's accounts
PG_BENCH_DB = "parlearn_bench_load"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=int(os.environ.get("TRAINEES", "50")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("DURATION", "45")))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think", type=float, default=0.2, help="mean pause between a trainee's requests (s)"
    )
    return parser.parse_args()


# --- the server's side: database, demo, accounts, gunicorn ----------------------------------


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


# --- the trainees' side ---------------------------------------------------------------------


@dataclass
class Ledger:
    """What the server acknowledged, and how each request went."""

    latencies: list = field(default_factory=list)
    by_kind: dict = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)
    completed: set = field(default_factory=set)  # (user, lesson)
    slides: dict = field(default_factory=dict)  # (user, lesson) -> last acknowledged slide
    slides_unsure: set = field(default_factory=set)  # a later save got no answer
    submitted: set = field(default_factory=set)  # (user, quiz, attempt number)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Trainee:
    """One person with a browser-like cookie jar, on one keep-alive connection."""

    def __init__(self, username, port, ledger, think, rng):
        self.username = username
        self.port = port
        self.ledger = ledger
        self.think = think
        self.rng = rng
        self.cookies = {}
        self.connection = None

    def request(self, method, url, data=None, *, kind, json_reply=False):
        path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        if json_reply:
            headers["Accept"] = "application/json"
        started = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection = None
            with self.ledger.lock:
                self.ledger.statuses["no answer"] += 1
                self.ledger.failures.append(f"{method} {path}: {error!r}")
            return None, b"", {}
        elapsed = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for key, morsel in jar.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value
        with self.ledger.lock:
            self.ledger.latencies.append(elapsed)
            self.ledger.by_kind[kind].append(elapsed)
            self.ledger.statuses[response.status] += 1
            if response.status >= 500 or response.status in {400, 403, 429}:
                self.ledger.failures.append(f"{method} {path}: {response.status}")
        if self.think:
            time.sleep(self.rng.uniform(0, 2 * self.think))
        return response.status, content, response.headers

    def sign_in(self) -> bool:
        status, content, _headers = self.request("GET", "/accounts/login/", kind="sign-in page")
        token = CSRF_INPUT.search(content.decode())
        if status != 200 or token is None:
            return False
        status, _content, headers = self.request(
            "POST",
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "username": self.username,
                "password": PASSWORD,
            },
            kind="sign-in",
        )
        return status == 302 and "sessionid" in self.cookies

    def study_lesson(self, lesson):
        key = (self.username, lesson["id"])
        status, _content, _headers = self.request("GET", lesson["url"], kind="lesson page")
        if status != 200:
            return
        for slide in range(1, lesson["slides"] + 1):
            if self.rng.random() < 0.4 and slide != lesson["slides"]:
                continue  # people skip slides
            status, content, _headers = self.request(
                "POST",
                f"/hoc-tap/bai-hoc/{lesson['id']}/trang-chieu/",
                {"slide": slide},
                kind="slide save",
                json_reply=True,
            )
            with self.ledger.lock:
                if status == 200 and json.loads(content).get("slide") == slide:
                    self.ledger.slides[key] = slide
                    self.ledger.slides_unsure.discard(key)
                else:
                    self.ledger.slides_unsure.add(key)
        status, _content, headers = self.request(
            "POST", f"/hoc-tap/bai-hoc/{lesson['id']}/hoan-thanh/", {}, kind="lesson done"
        )
        if status == 302 and "#lesson-complete" in headers.get("Location", ""):
            with self.ledger.lock:
                self.ledger.completed.add(key)

    def take_quiz(self, quiz, snapshot_of):
        status, _content, headers = self.request(
            "POST", quiz["url"] + "bat-dau/", {}, kind="quiz start"
        )
        location = headers.get("Location", "") if headers else ""
        match = re.search(r"luot/(\d+)/$", location)
        if status != 302 or match is None:
            return
        number = int(match.group(1))
        take_url = quiz["url"] + f"luot/{number}/"
        status, _content, _headers = self.request("GET", take_url, kind="quiz page")
        if status != 200:
            return
        questions = snapshot_of(self.username, quiz["id"], number)
        wrong = self.rng.random() < 0.25
        answers = {}
        for question in questions:
            correct = [c["key"] for c in question["choices"] if c["correct"]]
            others = [c["key"] for c in question["choices"] if not c["correct"]]
            answers[question["key"]] = others[:1] if wrong and others else correct
        self.request(
            "POST", take_url + "luu/", answers, kind="quiz autosave", json_reply=True
        )  # the autosave
        status, _content, headers = self.request("POST", take_url, answers, kind="quiz submit")
        if status == 302 and "ket-qua" in headers.get("Location", ""):
            with self.ledger.lock:
                self.ledger.submitted.add((self.username, quiz["id"], number))

    def run(self, plan, snapshot_of, deadline):
        if not self.sign_in():
            with self.ledger.lock:
                self.ledger.failures.append(f"{self.username}: could not sign in")
            return
        while time.monotonic() < deadline:
            for module in plan:
                for lesson in module["lessons"]:
                    if time.monotonic() >= deadline:
                        return
                    self.study_lesson(lesson)
                if module["quiz"] and time.monotonic() < deadline:
                    self.take_quiz(module["quiz"], snapshot_of)
            self.request(
                "GET", "/hoc-tap/", kind="dashboard"
            )  # the course done: the dashboard, then again


def make_snapshot_reader():
    from quizzes.models import Attempt

    lock = threading.Lock()

    def snapshot_of(username, quiz_id, number):
        with lock:  # one reading connection for the whole benchmark
            return Attempt.objects.get(
                user__username=username, quiz_id=quiz_id, number=number
            ).questions

    return snapshot_of


# --- the checks -----------------------------------------------------------------------------


def lost_writes(ledger: Ledger) -> list[str]:
    from courses.models import LessonProgress
    from quizzes.models import Attempt

    lost = []
    rows = {
        (username, lesson_id): (completed_at, last_slide)
        for username, lesson_id, completed_at, last_slide in LessonProgress.objects.filter(
            user__username__startswith="tai"
        ).values_list("user__username", "lesson_id", "completed_at", "last_slide")
    }
    for key in sorted(ledger.completed):
        if rows.get(key, (None, None))[0] is None:
            lost.append(f"completion {key}")
    for key, slide in sorted(ledger.slides.items()):
        if key not in ledger.slides_unsure and rows.get(key, (None, None))[1] != slide:
            lost.append(f"slide {key}: acknowledged {slide}, stored {rows.get(key)}")
    stored = set(
        Attempt.objects.filter(
            user__username__startswith="tai", submitted_at__isnull=False
        ).values_list("user__username", "quiz_id", "number")
    )
    lost += [f"quiz submission {key}" for key in sorted(ledger.submitted - stored)]
    return lost


def missing_completions(course, plan) -> list[str]:
    """Derived from the stored progress, independently of the code under test."""
    from courses.models import Certificate, Enrolment, LessonProgress, ModuleCompletion
    from quizzes.models import Attempt

    done = defaultdict(set)
    for user_id, lesson_id in LessonProgress.objects.filter(
        course_id=course.pk, completed_at__isnull=False
    ).values_list("user_id", "lesson_id"):
        done[user_id].add(lesson_id)
    passed = defaultdict(set)
    for user_id, quiz_id in Attempt.objects.filter(passed=True).values_list("user_id", "quiz_id"):
        passed[user_id].add(quiz_id)
    modules = defaultdict(set)
    for user_id, module_id in ModuleCompletion.objects.filter(course_id=course.pk).values_list(
        "user_id", "module_id"
    ):
        modules[user_id].add(module_id)
    finished = set(
        Enrolment.objects.filter(course_id=course.pk, completed_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    certified = set(
        Certificate.objects.filter(course_id=course.pk).values_list("user_id", flat=True)
    )
    missing = []
    for user_id in set(done) | set(passed):
        complete_modules = 0
        for module in plan:
            lessons = {lesson["id"] for lesson in module["lessons"]}
            quiz_ok = module["quiz"] is None or module["quiz"]["id"] in passed[user_id]
            if lessons <= done[user_id] and quiz_ok:
                complete_modules += 1
                if module["module"] not in modules[user_id]:
                    missing.append(f"module completion: user {user_id}, module {module['module']}")
        if complete_modules == len(plan):
            if user_id not in finished:
                missing.append(f"course completion: user {user_id}")
            if user_id not in certified:
                missing.append(f"certificate: user {user_id}")
    return missing


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="parlearn-bench-load-"))
    env = bench_environment(workdir)
    setup_django(env)
    from django.conf import settings
    from django.db import connection

    engine = connection.vendor
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"Engine: {engine}; cache: {cache}; sessions: {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}"
    )
    print(f"Loading the demo course and {args.trainees} trainees…", flush=True)
    usernames = load_data(args.trainees)
    course, plan = course_plan()
    connection.close()  # the server gets the database to itself until the checks

    port = free_port()
    log = workdir / "gunicorn.log"
    server = start_gunicorn(env, port, args.workers, log)
    ledger = Ledger()
    snapshot_of = make_snapshot_reader()
    seed = secrets.randbits(32)
    print(
        f"{args.trainees} trainees for {args.seconds:.0f} s against gunicorn with "
        f"{args.workers} workers (seed {seed})…",
        flush=True,
    )
    started = time.monotonic()
    deadline = started + args.seconds
    threads = [
        threading.Thread(
            target=Trainee(name, port, ledger, args.think, random.Random(seed + n)).run,  # noqa: S311
            args=(plan, snapshot_of, deadline),
        )
        for n, name in enumerate(usernames)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    stop(server)

    lost = lost_writes(ledger)
    missing = missing_completions(course, plan)
    total = sum(ledger.statuses.values())
    errors = sum(count for status, count in ledger.statuses.items() if str(status).startswith("5"))
    print(f"requests           {total} ({total / elapsed:.1f}/s over {elapsed:.1f} s)")
    print(
        f"latency p50 / p99  {percentile(ledger.latencies, 0.5) * 1000:.0f} ms / "
        f"{percentile(ledger.latencies, 0.99) * 1000:.0f} ms "
        f"(mean {statistics.fmean(ledger.latencies or [0]) * 1000:.0f} ms)"
    )
    for kind, times in sorted(ledger.by_kind.items()):
        print(
            f"  {kind:<16} {len(times):>5}  p50 {percentile(times, 0.5) * 1000:>6.0f} ms"
            f"  p99 {percentile(times, 0.99) * 1000:>6.0f} ms"
        )
    print(f"answers            {dict(sorted(ledger.statuses.items(), key=str))}")
    print(f"5xx answers        {errors}")
    print(f"other failures     {len(ledger.failures) - errors}")
    print(
        f"acknowledged       {len(ledger.completed)} completions, {len(ledger.slides)} slide "
        f"positions, {len(ledger.submitted)} quiz submissions"
    )
    print(f"lost writes        {len(lost)}")
    print(f"missing completions {len(missing)}")
    for line in (ledger.failures + lost + missing)[:20]:
        print(f"  {line}")
    if errors or lost or missing:
        print(f"gunicorn log: {log}")
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
