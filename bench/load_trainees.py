"""The trainees' side of the load benchmark (bench/load.py): each simulated person signs in and
works through the course on one keep-alive connection, and the ledger keeps what the server
acknowledged."""

import http.client
import json
import re
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from load_server import PASSWORD

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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
