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
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from load_checks import lost_writes, missing_completions
from load_server import (
    bench_environment,
    course_plan,
    free_port,
    load_data,
    setup_django,
    start_gunicorn,
    stop,
)
from load_trainees import Ledger, Trainee, make_snapshot_reader


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=int(os.environ.get("TRAINEES", "50")))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("DURATION", "45")))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--think", type=float, default=0.2, help="mean pause between a trainee's requests (s)"
    )
    return parser.parse_args()


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
