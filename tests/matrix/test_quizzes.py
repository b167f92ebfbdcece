"""The permission matrix, quizzes: the quiz page and its sub-routes (start, take, save, results),
the quiz statistics and their report, and the question pool."""

import pytest

from quizzes.models import Attempt
from tests.matrix.checks import (
    CHOOSER,
    NOT_OWNER,
    OWNER,
    OWNER_ONLY,
    hides,
    obj,
    page_url,
    url,
)
from tests.matrix.core import (
    FORBIDDEN,
    NOT_ALLOWED,
    OK,
    UNAUTHORISED,
    Probe,
    Rule,
    everyone,
    redirect_to,
    signed_in,
    trainer_view,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_CODE,
    A_NAME,
)


def attempt_state(world):
    attempt = Attempt.objects.get(pk=world.attempt_open.pk)
    return attempt.submitted_at, attempt.answers


def open_attempt_untouched_unless_owner(seen):
    before = (None, seen.world.attempt_open.answers)
    if seen.role != OWNER:
        assert attempt_state(seen.world) == before, "someone else's request changed A's attempt"
        assert Attempt.objects.filter(user=seen.world.users[OWNER]).count() == 2


RULES = [
    Rule(
        "quiz-intro",
        ("page:quizzes.quizpage", "page:quizzes.quizpage:"),
        (Probe(page_url("quiz"), everyone(OK), check=hides(A_NAME, roles=NOT_OWNER)),),
    ),
    Rule(
        "quiz-start",
        ("page:quizzes.quizpage:bat-dau/",),
        (
            Probe(
                page_url("quiz", "bat-dau/"),
                everyone(redirect_to(page_url("quiz"), exact=True)),
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "bat-dau/"),
                {
                    **signed_in(redirect_to(page_url("quiz", "luot/1/"), exact=True)),
                    OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True),
                },
                method="post",
                effect=open_attempt_untouched_unless_owner,
                note="starts the sender's own attempt (A's open one is given back to A)",
            ),
        ),
    ),
    Rule(
        "quiz-take",
        ("page:quizzes.quizpage:luot/<int:number>/",),
        (
            Probe(page_url("quiz", "luot/2/"), OWNER_ONLY),
            Probe(
                page_url("quiz", "luot/1/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/1/ket-qua/"), exact=True)},
            ),
            Probe(
                page_url("quiz", "luot/2/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True)},
                method="post",
                data={"save": "1"},
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "luot/2/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/ket-qua/"), exact=True)},
                method="post",
                data={},
                effect=open_attempt_untouched_unless_owner,
                note="submit",
            ),
        ),
        why="one's own attempts only; anyone else's is a 404",
    ),
    Rule(
        "quiz-save",
        ("page:quizzes.quizpage:luot/<int:number>/luu/",),
        (
            Probe(
                page_url("quiz", "luot/2/luu/"),
                everyone(NOT_ALLOWED),
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "luot/2/luu/"),
                {**OWNER_ONLY, "anonymous": UNAUTHORISED},
                method="post",
                effect=open_attempt_untouched_unless_owner,
            ),
        ),
    ),
    Rule(
        "quiz-results",
        ("page:quizzes.quizpage:luot/<int:number>/ket-qua/",),
        (
            Probe(page_url("quiz", "luot/1/ket-qua/"), OWNER_ONLY),
            Probe(
                page_url("quiz", "luot/2/ket-qua/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True)},
            ),
        ),
        why="the owner only; HR follow scores in the reports, not in the attempt itself",
    ),
    Rule(
        "quiz-statistics",
        ("admin/quizzes/<int:page_id>/statistics/",),
        (
            Probe(
                url("quizzes_statistics", obj("quiz.pk")),
                trainer_view(denied=FORBIDDEN),
                check=hides(A_NAME, A_CODE),
            ),
        ),
        why="editors of the quiz; statistics never name anyone",
    ),
    Rule(
        "quiz-statistics-report",
        ("admin/reports/quiz-statistics/", "admin/reports/quiz-statistics/results/"),
        (
            Probe("/admin/reports/quiz-statistics/", trainer_view()),
            Probe("/admin/reports/quiz-statistics/results/", trainer_view()),
            Probe(
                "/admin/reports/quiz-statistics/?export=csv",
                trainer_view(),
                check=hides(A_NAME, A_CODE),
            ),
        ),
    ),
    Rule(
        "question-snippets",
        ("admin/snippets/quizzes/*", "admin/snippets/choose/quizzes/*"),
        (
            Probe("/admin/snippets/quizzes/question/", trainer_view()),
            Probe(url("wagtailsnippets_quizzes_question:edit", obj("question.pk")), trainer_view()),
            Probe(
                url("wagtailsnippets_quizzes_question:delete", obj("question.pk")), trainer_view()
            ),
            Probe("/admin/snippets/choose/quizzes/question/", CHOOSER),
        ),
        why="the question pool: trainers write it; HR officers (who also take quizzes) may not",
    ),
]


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
