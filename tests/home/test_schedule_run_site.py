"""``manage.py run_site`` (make run): the server, the worker and the scheduler run together and
stop together."""

import os
import signal
import sys
import threading
import time

import pytest

from home.management.commands import run_site

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child that has ended but is not yet reaped counts as gone.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


class Runner(run_site.Command):
    def __init__(self, processes):
        super().__init__()
        self.fake = processes
        self.pids = []

    def processes(self, addrport):
        assert addrport == "127.0.0.1:8131"
        return self.fake

    def stop_all(self, children):
        self.pids = [child.pid for child in children.values()]
        super().stop_all(children)


@pytest.fixture
def signals_kept():
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def test_the_three_processes_of_make_run():
    commands = run_site.Command().processes("127.0.0.1:8131")
    assert [c[2:] for c in commands.values()] == [
        ["runserver", "127.0.0.1:8131"],
        ["db_worker", "--queue-name", "*"],
        ["run_scheduler"],
    ]


def test_when_one_process_ends_the_others_are_stopped(signals_kept):
    runner = Runner(
        {
            "web": [sys.executable, "-c", "import time, sys; time.sleep(1); sys.exit(3)"],
            "worker": SLEEPER,
            "scheduler": SLEEPER,
        }
    )
    started = time.monotonic()
    with pytest.raises(SystemExit) as stop:
        runner.handle(addrport="127.0.0.1:8131")
    assert stop.value.code == 3
    assert time.monotonic() - started < 30
    assert len(runner.pids) == 3
    assert not any(alive(pid) for pid in runner.pids)


def test_ctrl_c_stops_every_process(signals_kept):
    runner = Runner({"web": SLEEPER, "worker": SLEEPER, "scheduler": SLEEPER})
    threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT)).start()
    with pytest.raises(SystemExit) as stop:
        runner.handle(addrport="127.0.0.1:8131")
    assert stop.value.code == 0
    assert len(runner.pids) == 3
    assert not any(alive(pid) for pid in runner.pids)
