"""The scheduler process: queues each registered periodic job (home.schedule) once per slot.

Any number may run (one per app server): a slot is claimed in the database, so a job is queued
once; a ``db_worker`` process runs it. ``--once`` queues what is due now and exits (tests, cron).
"""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from home import schedule


class Command(BaseCommand):
    help = "Queue the periodic jobs (home.schedule) when they are due; --once: once, then exit."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Queue the jobs due now, then exit."
        )

    def handle(self, *, once, verbosity, **options):
        self.verbosity = verbosity
        if once:
            self.tick()
            return
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(job.name for job in schedule.registered_jobs())
        self.stdout.write(f"Scheduler started; jobs: {names}")
        while not stop.is_set():
            close_old_connections()
            self.tick()
            close_old_connections()
            stop.wait(schedule.seconds_to_next_slot())
        self.stdout.write("Scheduler stopped.")

    def tick(self):
        for name in schedule.run_due():
            if self.verbosity:
                self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M:%S} queued {name}")
