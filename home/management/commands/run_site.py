"""The whole site in one command (``make run``): the development server, a task worker and the
scheduler, as three child processes.

Ctrl-C (or SIGTERM) stops all three; when one of them ends, the others are stopped too, so the
site never runs half. Each child runs in a process group of its own, which is signalled whole
(the development server's autoreloader is a second process).
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

POLL_SECONDS = 0.5
STOP_TIMEOUT_SECONDS = 10


class Command(BaseCommand):
    help = "Run the development server, a task worker (db_worker) and the scheduler together."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def processes(self, addrport):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        return {
            "web": [*manage, "runserver", addrport],
            "worker": [*manage, "db_worker", "--queue-name", "*"],
            "scheduler": [*manage, "run_scheduler"],
        }

    def handle(self, *, addrport, **options):
        env = dict(os.environ)
        if settings.SETTINGS_MODULE:  # chosen with --settings: the children use it too
            env["DJANGO_SETTINGS_MODULE"] = settings.SETTINGS_MODULE
        children = {}
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        for name, command in self.processes(addrport).items():
            self.stdout.write(f"[{name}] {' '.join(command[1:])}")
            children[name] = subprocess.Popen(command, env=env, start_new_session=True)  # noqa: S603
        code = 0
        while not stopping:
            ended = [
                (name, child.returncode)
                for name, child in children.items()
                if child.poll() is not None
            ]
            if ended:
                name, code = ended[0]
                self.stderr.write(f"[{name}] ended (exit code {code}); stopping the others.")
                break
            time.sleep(POLL_SECONDS)
        self.stop_all(children)
        sys.exit(code or 0)

    def stop_all(self, children):
        for child in children.values():
            self.signal_group(child, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for name, child in children.items():
            try:
                child.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                self.stderr.write(f"[{name}] did not stop; killed.")
            # Whatever is left in its group (the autoreloader's child): killed.
            self.signal_group(child, signal.SIGKILL)
            child.wait()

    @staticmethod
    def signal_group(child, signum):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signum)
