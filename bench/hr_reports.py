"""Benchmark: the HR reports over 10,000 people and 1,000,000 lesson progress rows.

Builds its own database once (SQLite file bench/out/hr_bench.sqlite3, or the PostgreSQL database
``parlearn_bench`` on the server of DATABASE_URL when it is set; never the development
db.sqlite3), loads the demo course and agency tree, then 10,000 people spread over the agencies,
a 200-lesson course with 1,000,000 progress rows, enrolments, quiz attempts and certificates.
Then, as the province HR officer (``nhansu``), it prints for each report the SQL query count,
the median time of a few requests, and for the full exports of ~10,000 rows the time and peak
Python memory (tracemalloc) and the process's peak RSS.

    make bench-hr                                   # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x make bench-hr   # PostgreSQL (parlearn_bench)
    .venv/bin/python bench/hr_reports.py --rebuild  # drop the bench data and load it again
"""

import argparse
import random
import resource
import statistics
import time
import tracemalloc
from datetime import timedelta

from bench_db import choose_database, setup_django

BENCH_DB = "parlearn_bench"
PEOPLE = 10_000
PROGRESS_ROWS = 1_000_000
MODULES, LESSONS_PER_MODULE = 20, 10  # 200 lessons: 1,000,000 rows is 100 per person on average
BATCH = 20_000
RUNS = 5


# Loading ------------------------------------------------------------------------------------------


def insert_rows(table, columns, rows):
    """Insert many rows fast: COPY on PostgreSQL, executemany in one transaction on SQLite."""
    from django.db import connection, transaction

    names = ", ".join(columns)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join("%s" for _ in columns)
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 - constants
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def bench_course():
    """A course of 20 modules of 10 lessons and a quiz each, published without revisions."""
    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from quizzes.models import QuizPage

    index = CourseIndexPage.objects.get()
    course = CoursePage.objects.filter(slug="do-hieu-nang").first()
    if course is not None:
        return course
    course = index.add_child(
        instance=CoursePage(title="Khóa học đo hiệu năng", slug="do-hieu-nang", live=True)
    )
    for m in range(1, MODULES + 1):
        module = CoursePage.objects.get(pk=course.pk).add_child(
            instance=ModulePage(title=f"Chuyên đề {m}", slug=f"chuyen-de-{m}", live=True)
        )
        for n in range(1, LESSONS_PER_MODULE + 1):
            module = ModulePage.objects.get(pk=module.pk)
            module.add_child(
                instance=LessonPage(title=f"Bài {m}.{n}", slug=f"bai-{m}-{n}", live=True)
            )
        ModulePage.objects.get(pk=module.pk).add_child(
            instance=QuizPage(title=f"Kiểm tra {m}", slug=f"kiem-tra-{m}", live=True)
        )
    return course


def load(rng):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.db import connection
    from django.utils import timezone

    from courses.models import Certificate, Enrolment, LessonPage
    from demo.loader import load_demo
    from demo.people import FAMILY, GIVEN, MIDDLE, POSITIONS
    from learners.models import Agency
    from quizzes.models import QuizPage

    user_model = get_user_model()
    UNUSABLE_PASSWORD = UNUSABLE_PASSWORD_PREFIX
    started = time.perf_counter()
    load_demo()
    print(f"  demo course and agency tree: {time.perf_counter() - started:.1f} s")
    course = bench_course()
    lessons = list(
        LessonPage.objects.descendant_of(course).order_by("path").values_list("pk", flat=True)
    )
    quizzes = list(
        QuizPage.objects.descendant_of(course).order_by("path").values_list("pk", flat=True)
    )
    agencies = list(Agency.objects.order_by("path"))
    now = timezone.now()
    dt = connection.ops.adapt_datetimefield_value

    step = time.perf_counter()
    people = [
        user_model(
            username=f"bench{n:05d}",
            password=UNUSABLE_PASSWORD,  # nobody signs in as these
            full_name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            employee_code=f"BENCH{n:05d}",
            agency=rng.choice(agencies),
            position=rng.choice(POSITIONS),
        )
        for n in range(1, PEOPLE + 1)
    ]
    user_model.objects.bulk_create(people, batch_size=2000)
    ids = list(
        user_model.objects.filter(username__startswith="bench")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    print(f"  {len(ids):,} people: {time.perf_counter() - step:.1f} s")

    # How many lessons each person opened: 10% none, 30% all of them, the rest part of the
    # course, scaled so that the total is exactly 1,000,000 rows.
    full = len(lessons)
    opened = [rng.choice([0] + [full] * 3 + [-1] * 6) for _ in ids]
    partial = [i for i, k in enumerate(opened) if k == -1]
    budget = PROGRESS_ROWS - sum(k for k in opened if k > 0)
    for position, i in enumerate(partial):
        share = budget // (len(partial) - position)
        opened[i] = max(1, min(full - 1, rng.randint(share // 2, share + share // 2)))
        budget -= opened[i]
    for i in partial * 3:  # the clipping above leaves a few rows over or under
        if budget == 0:
            break
        change = 1 if budget > 0 else -1
        if 1 <= opened[i] + change < full:
            opened[i] += change
            budget -= change
    assert sum(opened) == PROGRESS_ROWS, sum(opened)

    step = time.perf_counter()
    done_by_person = {}

    def progress_rows():
        for user_id, count in zip(ids, opened, strict=True):
            done = count if count == len(lessons) and rng.random() < 0.85 else max(0, count - 3)
            done_by_person[user_id] = done
            viewed = dt(now - timedelta(days=rng.randint(1, 60)))
            for position, lesson_id in enumerate(lessons[:count]):
                completed = viewed if position < done else None
                yield (user_id, lesson_id, course.pk, viewed, viewed, completed, 0)

    insert_rows(
        "courses_lessonprogress",
        [
            "user_id",
            "lesson_id",
            "course_id",
            "first_viewed_at",
            "last_viewed_at",
            "completed_at",
            "last_slide",
        ],
        progress_rows(),
    )
    print(f"  {sum(opened):,} lesson progress rows: {time.perf_counter() - step:.1f} s")

    step = time.perf_counter()
    today = timezone.localdate()
    enrolments, certificates, attempts = [], [], []
    for user_id in ids:
        done = done_by_person[user_id]
        finished = now - timedelta(days=rng.randint(0, 30)) if done == len(lessons) else None
        due = today + timedelta(days=rng.randint(-20, 40)) if rng.random() < 0.7 else None
        enrolments.append(
            Enrolment(
                user_id=user_id,
                course_id=course.pk,
                source="assigned" if due else "self",
                due_date=due,
                completed_at=finished,
            )
        )
        if finished:
            certificates.append(
                Certificate(
                    user_id=user_id,
                    course_id=course.pk,
                    number=f"GCN-B{user_id}",
                    code=f"B{user_id}",
                    completed_at=finished,
                    full_name="",
                    course_title=course.title,
                )
            )
        for quiz_id in quizzes[: done // LESSONS_PER_MODULE]:
            score = rng.randint(40, 100)
            attempts.append(
                (user_id, quiz_id, 1, 70, dt(now), dt(now), False, "[]", "{}", "{}", score)
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    Certificate.objects.bulk_create(certificates, batch_size=2000)
    insert_rows(
        "quizzes_attempt",
        [
            "user_id",
            "quiz_id",
            "number",
            "pass_mark",
            "started_at",
            "submitted_at",
            "expired",
            "questions",
            "answers",
            "results",
            "score",
        ],
        attempts,
    )
    from quizzes.models import Attempt

    Attempt.objects.filter(quiz_id__in=quizzes).update(passed=True)
    Attempt.objects.filter(quiz_id__in=quizzes, score__lt=70).update(passed=False)
    print(
        f"  {len(enrolments):,} enrolments, {len(certificates):,} certificates, "
        f"{len(attempts):,} quiz attempts: {time.perf_counter() - step:.1f} s"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"  loaded in {time.perf_counter() - started:.1f} s")


# Measuring ----------------------------------------------------------------------------------------


def measure_page(client, address):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(address)  # warm-up
    reset_queries()  # each request empties the query log: capture from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    query_count = len(queries)  # now: the next requests empty the log it reads
    assert response.status_code == 200, (address, response.status_code)
    html_size = len(response.content)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(address)
        times.append(time.perf_counter() - start)
    return query_count, statistics.median(times), html_size


def measure_export(client, address):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        size = sum(len(block) for block in response.streaming_content)
    elapsed = time.perf_counter() - start
    query_count = len(queries)
    assert response.status_code == 200, (address, response.status_code)
    tracemalloc.start()
    response = client.get(address)
    for _block in response.streaming_content:
        pass
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return query_count, elapsed, size, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="load the bench data again")
    options = parser.parse_args()
    where = choose_database("hr_bench.sqlite3", BENCH_DB, rebuild=options.rebuild)
    setup_django()

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from courses.models import CoursePage, Enrolment, LessonProgress

    print(f"Database: {where}")
    call_command("migrate", verbosity=0, interactive=False)
    if not get_user_model().objects.filter(username="bench10000").exists():
        print("Loading the bench data (once):")
        with transaction.atomic():  # all or nothing: a failed load is not taken for a done one
            load(random.Random(2017))  # noqa: S311 - bench data, not security
    course = CoursePage.objects.get(slug="do-hieu-nang")
    print(
        f"Data: {get_user_model().objects.count():,} people, "
        f"{LessonProgress.objects.count():,} lesson progress rows, "
        f"{Enrolment.objects.count():,} enrolments"
    )

    client = Client()
    client.force_login(get_user_model().objects.get(username="nhansu"))
    completion = reverse("reports_completion")
    summary = reverse("reports_agencies")
    pages = [
        ("agency summary, no course", summary),
        ("agency summary, course", f"{summary}?course={course.pk}"),
        ("completion p.1, course", f"{completion}?course={course.pk}"),
        ("completion p.1, no course", completion),
        ("completion p.1, overdue", f"{completion}?course={course.pk}&status=overdue"),
        ("completion p.101, course", f"{completion}?course={course.pk}&p=101"),
    ]
    print(f"\n{'page (province HR, nhansu)':<30} {'queries':>8} {'median s':>9} {'HTML KB':>8}")
    for label, address in pages:
        queries, seconds, size = measure_page(client, address)
        print(f"{label:<30} {queries:>8} {seconds:>9.3f} {size / 1024:>8.0f}")

    print(f"\n{'export':<30} {'queries':>8} {'seconds':>9} {'MB file':>8} {'peak MB':>8}")
    for export in ("csv", "xlsx"):
        address = f"{completion}?course={course.pk}&export={export}"
        queries, seconds, size, peak = measure_export(client, address)
        label = f"completion {export.upper()}, all rows"
        print(f"{label:<30} {queries:>8} {seconds:>9.2f} {size / 2**20:>8.2f} {peak / 2**20:>8.1f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak RSS of this process (load included): {rss:.0f} MB")


if __name__ == "__main__":
    main()
