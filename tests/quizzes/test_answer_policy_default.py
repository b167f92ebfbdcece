"""The default answer feedback does not hand a failed trainee the key of a fixed-question quiz:
after a failed attempt they see which questions were right or wrong, the key only once they
have passed or used every attempt (never before passing when attempts are unlimited)."""

import json

import pytest

from quizzes.models import QuizPage
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory, question

pytestmark = pytest.mark.django_db

SECRET = "ĐÁP_ÁN_BÍ_MẬT"


def fixed_quiz(**fields):
    """Three fixed single-choice questions, the first choice right, with feedback and an
    explanation that only someone shown the key would see."""
    questions = [
        question(
            text=f"Câu hỏi cố định số {n}?",
            explanation=f"<p>{SECRET}_GIẢI_THÍCH_{n}</p>",
            feedback=f"{SECRET}_NHẬN_XÉT_{n}_{{n}}",
        )
        for n in (1, 2, 3)
    ]
    return QuizPageFactory(fixed=questions, **fields)


def url(quiz, name, number=None):
    return quiz.url + quiz.reverse_subpage(name, args=[number] if number else None)


def fail_once(client, quiz, number):
    """Start an attempt, save answers (the JSON endpoint) and submit them: one right of three."""
    client.post(url(quiz, "start"))
    wrong = {"q1": "q1c1", "q2": "q2c2", "q3": "q3c3"}
    saved = client.post(url(quiz, "save", number), wrong)
    taking = client.get(url(quiz, "take", number))
    client.post(url(quiz, "take", number), wrong)
    return [saved.content.decode(), taking.content.decode()]


def shows_the_key(response):
    html = response.content.decode()
    rows = response.context["questions"]
    return (
        SECRET in html
        or "quiz-tag--answer" in html
        or any(c["is_answer"] is not None for row in rows for c in row["choices"])
    )


@pytest.fixture
def trainee_client(client):
    client.force_login(UserFactory())
    return client


def test_the_default_policy_is_after_passing_or_using_every_attempt():
    assert QuizPage().answer_policy == QuizPage.AnswerPolicy.AFTER_PASS_OR_LAST
    field = QuizPage._meta.get_field("answer_policy")
    assert field.default == QuizPage.AnswerPolicy.AFTER_PASS_OR_LAST


def test_a_failed_attempt_shows_right_and_wrong_but_not_the_key(trainee_client):
    quiz = fixed_quiz(attempts_allowed=3)  # the default policy

    pages = fail_once(trainee_client, quiz, 1)
    response = trainee_client.get(url(quiz, "results", 1))

    assert response.context["show"] == "marks"
    assert [row["correct"] for row in response.context["questions"]] == [True, False, False]
    assert not shows_the_key(response)
    assert json.loads(pages[0]) == {"saved": True}
    assert not any(SECRET in page or '"correct"' in page for page in pages)


def test_unlimited_attempts_never_show_the_key_before_passing(trainee_client):
    quiz = fixed_quiz(attempts_allowed=0)

    for number in range(1, 6):
        fail_once(trainee_client, quiz, number)
        response = trainee_client.get(url(quiz, "results", number))
        assert response.context["show"] == "marks"
        assert not shows_the_key(response)

    # Passing shows it.
    trainee_client.post(url(quiz, "start"))
    trainee_client.post(url(quiz, "take", 6), {"q1": "q1c1", "q2": "q2c1", "q3": "q3c1"})
    response = trainee_client.get(url(quiz, "results", 6))
    assert response.context["show"] == "full"
    assert shows_the_key(response)


def test_the_last_attempt_used_shows_the_key(trainee_client):
    quiz = fixed_quiz(attempts_allowed=2)
    fail_once(trainee_client, quiz, 1)
    fail_once(trainee_client, quiz, 2)

    response = trainee_client.get(url(quiz, "results", 2))

    assert response.context["show"] == "full"
    assert shows_the_key(response)
