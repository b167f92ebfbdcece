"""The permission matrix covers every route: each route has a rule, each rule a route, each
probe requests a route of its rule. The per-app rule tables are gathered here."""

import pytest

from tests.matrix import (
    test_courses,
    test_home,
    test_learners,
    test_quizzes,
    test_reports,
    test_wagtail_admin,
)
from tests.matrix.checks import value
from tests.matrix.core import Rule, all_routes, route_of

RULES = [
    *test_home.RULES,
    *test_learners.RULES,
    *test_courses.RULES,
    *test_quizzes.RULES,
    *test_reports.RULES,
    *test_wagtail_admin.RULES,
]
ROUTES = all_routes()


def test_probes_request_the_routes_of_their_rule(world, db):
    """Each probe's URL resolves to a route its rule covers: a rule tests what it claims."""
    wrong = []
    for rule in RULES:
        for probe in rule.probes:
            if probe.route is None:
                continue
            address = value(probe.url, world)
            route = route_of(address)
            if not rule.covers(route):
                wrong.append(f"{rule.id}: {address} resolves to {route!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("route", ROUTES)
def test_route_has_a_rule(route):
    """A URL added without a rule fails here, by name."""
    covering = [rule.id for rule in RULES if rule.covers(route)]
    assert covering, (
        f"No permission rule covers the route {route!r}. Add a Rule to the RULES of "
        "tests/matrix/test_<app>.py, for the app that serves it, with a probe and the expected "
        "answer for every role (see tests/matrix/__init__.py)."
    )


def test_every_rule_matches_a_route():
    """A rule left behind for a URL that was renamed or removed is a rule that tests nothing."""
    stale = [
        (rule.id, pattern)
        for rule in RULES
        for pattern in rule.routes
        if not any(Rule("x", (pattern,), ()).covers(route) for route in ROUTES)
    ]
    assert not stale, f"Rules for routes that no longer exist: {stale}"


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
