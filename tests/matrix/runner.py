"""Running a rule: each probe as one role, in a savepoint that is rolled back."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.matrix.checks import text, value
from tests.matrix.core import ROLES


class Seen:
    """What a check gets: the world, the role, the response and the client."""

    def __init__(self, world, role, response, client):
        self.world, self.role, self.response, self.client = world, role, response, client

    @property
    def text(self):
        if not hasattr(self, "_text"):
            self._text = text(self.response)
        return self._text


def cases(rules):
    """One ``pytest.param`` per rule and role, ``<rule id>-<role>``; a role listed in the rule's
    ``bugs`` is a strict xfail with the reason."""
    params = []
    for rule in rules:
        for role in ROLES:
            marks = ()
            if role in rule.bugs:
                marks = (pytest.mark.xfail(strict=True, reason=f"BUG: {rule.bugs[role]}"),)
            params.append(pytest.param(rule, role, id=f"{rule.id}-{role}", marks=marks))
    return params


def run_probe(world, role, probe):
    """One probe as one role, in a savepoint that is rolled back: its problems, if any.

    The role's session was made once for the package; each probe starts from its cookie alone
    and an empty cache, so a probe that signs out, or leaves a message or an import plan in the
    session, changes nothing for the next one (the database side is rolled back)."""
    address = value(probe.url, world)
    label = f"{probe.method.upper()} {address}"
    cache.clear()
    client = Client(raise_request_exception=False)
    if role in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    data = value(probe.data, world) if probe.data is not None else None
    if isinstance(data, dict):
        data = {k: v.format(role=role) if isinstance(v, str) else v for k, v in data.items()}
    kwargs = {"headers": probe.headers} if probe.headers else {}
    problems = []
    with transaction.atomic():
        response = getattr(client, probe.method)(address, data, **kwargs)
        seen = Seen(world, role, response, client)
        status_problems = probe.expect[role].problems(response, world)
        problems += status_problems
        checks = [probe.effect] + ([probe.check] if not status_problems else [])
        for check in filter(None, checks):
            try:
                check(seen)
            except AssertionError as error:
                problems.append(str(error))
        transaction.set_rollback(True)
    return [f"{label}: {problem}" for problem in problems]


def assert_rule_holds(world, rule, role):
    """Every probe of ``rule`` answers ``role`` as expected; all the problems in one message."""
    problems = []
    for probe in rule.probes:
        problems += run_probe(world, role, probe)
    why = f" ({rule.why})" if rule.why else ""
    assert not problems, f"{rule.id}{why} as {role}:\n  " + "\n  ".join(problems)
