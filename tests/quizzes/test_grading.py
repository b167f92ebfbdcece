"""Grading: every question kind is all-or-nothing, the pass mark edge, score rounding; what the
results page may show under each answer policy; results read from the attempt's own snapshot,
so editing the questions afterwards changes nothing."""

import random
from decimal import Decimal

import pytest

from quizzes import services
from quizzes.models import Attempt, Choice, Question, QuizPage
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory, question

pytestmark = pytest.mark.django_db

Policy = QuizPage.AnswerPolicy


def sub_url(quiz, name, *args):
    return quiz.url + quiz.reverse_subpage(name, args=list(args) or None)


def start(user, quiz):
    return services.attempt_start(user=user, quiz=quiz, rng=random.Random(7))  # noqa: S311 - reproducible draws


def submit(attempt, answers):
    return services.attempt_submit(attempt=attempt, answers=answers)


def take(user, quiz, answers):
    """Start and submit one attempt with ``answers``; return it as stored."""
    return submit(start(user, quiz), answers)


@pytest.fixture
def trainee():
    return UserFactory(full_name="Phạm Thị Dung")


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


# Each kind, all-or-nothing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "correct", "picked", "right"),
    [
        ("single", (1,), ["q1c2"], True),
        ("single", (1,), ["q1c1"], False),
        ("single", (1,), [], False),
        ("multiple", (0, 2), ["q1c1", "q1c3"], True),
        ("multiple", (0, 2), ["q1c3", "q1c1"], True),
        ("multiple", (0, 2), ["q1c1", "q1c3", "q1c3"], True),  # a repeated pick is one pick
        ("multiple", (0, 2), ["q1c1"], False),  # partial
        ("multiple", (0, 2), ["q1c1", "q1c2", "q1c3"], False),  # an extra pick
        ("multiple", (0, 2), ["q1c1", "q1c2", "q1c3", "q1c4"], False),  # everything
        ("multiple", (0, 2), ["q1c2", "q1c4"], False),
        ("multiple", (0, 2), [], False),
        ("true_false", (1,), ["q1c2"], True),
        ("true_false", (1,), ["q1c1"], False),
        ("true_false", (0,), ["q1c1"], True),
        ("true_false", (0,), [], False),
    ],
    ids=lambda value: repr(value) if isinstance(value, list) else str(value),
)
def test_each_kind_is_graded_all_or_nothing(trainee, kind, correct, picked, right):
    quiz = QuizPageFactory(fixed=[question(kind, correct=correct)])

    attempt = take(trainee, quiz, {"q1": picked})

    assert attempt.results == {"q1": right}
    assert attempt.score == (Decimal("100.00") if right else Decimal("0.00"))
    assert attempt.passed is right
    assert attempt.submitted_at is not None
    assert attempt.expired is False


def test_unanswered_questions_are_wrong_and_a_blank_submission_scores_zero(trainee):
    quiz = QuizPageFactory(
        fixed=[question("single"), question("multiple", correct=(0, 1)), question("true_false")]
    )

    attempt = take(trainee, quiz, {})

    assert attempt.results == {"q1": False, "q2": False, "q3": False}
    assert (attempt.score, attempt.passed) == (Decimal("0.00"), False)


def test_a_mixed_quiz_is_graded_question_by_question(trainee):
    quiz = QuizPageFactory(
        fixed=[
            question("single", correct=(3,)),
            question("multiple", correct=(1, 2)),
            question("true_false", correct=(0,)),
            question("multiple", correct=(0, 3)),
        ],
        pass_mark=50,
    )

    attempt = take(
        trainee,
        quiz,
        {"q1": ["q1c4"], "q2": ["q2c2"], "q3": ["q3c1"], "q4": ["q4c1", "q4c4"]},
    )

    assert attempt.results == {"q1": True, "q2": False, "q3": True, "q4": True}
    assert (attempt.score, attempt.passed) == (Decimal("75.00"), True)


# Pass mark and rounding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pass_mark", "right", "score", "passed"),
    [
        (70, 7, Decimal("70.00"), True),  # exactly at the mark passes
        (70, 6, Decimal("60.00"), False),
        (71, 7, Decimal("70.00"), False),  # just under the mark fails
        (100, 10, Decimal("100.00"), True),
        (100, 9, Decimal("90.00"), False),
    ],
)
def test_the_pass_mark_edge(trainee, pass_mark, right, score, passed):
    quiz = QuizPageFactory(fixed=[question() for _ in range(10)], pass_mark=pass_mark)
    answers = {f"q{n}": [f"q{n}c1" if n <= right else f"q{n}c2"] for n in range(1, 11)}

    attempt = take(trainee, quiz, answers)

    assert (attempt.score, attempt.passed) == (score, passed)
    assert sum(attempt.results.values()) == right


def test_the_pass_mark_of_the_attempt_is_the_one_in_force_when_it_started(trainee):
    quiz = QuizPageFactory(fixed=[question() for _ in range(10)], pass_mark=70)
    attempt = start(trainee, quiz)
    QuizPage.objects.filter(pk=quiz.pk).update(pass_mark=80)

    attempt = submit(attempt, {f"q{n}": [f"q{n}c1"] for n in range(1, 8)})

    assert (attempt.pass_mark, attempt.score, attempt.passed) == (70, Decimal("70.00"), True)


@pytest.mark.parametrize(
    ("questions", "right", "score"),
    [
        (3, 1, Decimal("33.33")),
        (3, 2, Decimal("66.67")),
        (6, 1, Decimal("16.67")),
        (7, 3, Decimal("42.86")),
        (8, 1, Decimal("12.50")),
    ],
)
def test_scores_are_percentages_rounded_half_up_to_two_places(trainee, questions, right, score):
    quiz = QuizPageFactory(fixed=[question() for _ in range(questions)])
    answers = {f"q{n}": [f"q{n}c1"] for n in range(1, right + 1)}

    attempt = take(trainee, quiz, answers)

    assert attempt.score == score
    assert Attempt.objects.get(pk=attempt.pk).score == score  # as stored


@pytest.mark.parametrize(
    ("pass_mark", "passed"), [(66, True), (67, False)], ids=["66-passes", "67-fails"]
)
def test_a_rounded_score_is_compared_with_the_pass_mark(pass_mark, passed):
    snapshot = [
        {
            "key": f"q{n}",
            "choices": [{"key": f"q{n}c1", "correct": True}, {"key": f"q{n}c2", "correct": False}],
        }
        for n in (1, 2, 3)
    ]

    results, score, is_passed = services.attempt_grade(
        snapshot, {"q1": ["q1c1"], "q2": ["q2c1"], "q3": ["q3c2"]}, pass_mark
    )

    assert results == {"q1": True, "q2": True, "q3": False}
    assert score == Decimal("66.67")
    assert is_passed is passed


# What the results page shows, by policy --------------------------------------------------------

EXPLANATION = "GIẢI_THÍCH_CÂU_{n}"
FEEDBACK = "PHẢN_HỒI_CÂU_{q}_LỰA_CHỌN_{n}"


def policy_quiz(policy, **fields):
    """Two single-choice questions, the first choice right, with distinctive feedback."""
    questions = [
        question(
            text=f"Câu hỏi chính sách số {n}",
            explanation=f"<p>{EXPLANATION.format(n=n)}</p>",
            feedback=FEEDBACK.replace("{q}", str(n)),
        )
        for n in (1, 2)
    ]
    return QuizPageFactory(fixed=questions, answer_policy=policy, **fields)


FAIL = {"q1": ["q1c2"], "q2": ["q2c2"]}  # both wrong: 0 %
PASS = {"q1": ["q1c1"], "q2": ["q2c1"]}  # both right: 100 %


def results_page(client, attempt):
    response = client.get(sub_url(attempt.quiz, "results", attempt.number))
    assert response.status_code == 200
    return response, response.content.decode()


def key_shown(html):
    """Which secret strings of ``policy_quiz`` the page carries."""
    secrets = [EXPLANATION.format(n=n) for n in (1, 2)]
    secrets += [FEEDBACK.format(q=q, n=n) for q in (1, 2) for n in (1, 2, 3, 4)]
    return [secret for secret in secrets if secret in html]


def test_after_each_shows_answers_feedback_and_explanations_after_every_attempt(
    trainee_client, trainee
):
    quiz = policy_quiz(Policy.AFTER_EACH)
    attempt = take(trainee, quiz, FAIL)

    response, html = results_page(trainee_client, attempt)

    assert response.context["show"] == "full"
    first, second = response.context["questions"]
    assert first["text"] == "Câu hỏi chính sách số 1"
    assert first["correct"] is False
    assert EXPLANATION.format(n=1) in first["explanation"]
    assert [c["is_answer"] for c in first["choices"]] == [True, False, False, False]
    assert [c["picked"] for c in first["choices"]] == [False, True, False, False]
    # Feedback for what the person picked.
    assert [c["feedback"] for c in first["choices"]] == ["", FEEDBACK.format(q=1, n=2), "", ""]
    assert EXPLANATION.format(n=2) in second["explanation"]
    assert EXPLANATION.format(n=1) in html
    assert EXPLANATION.format(n=2) in html
    assert FEEDBACK.format(q=1, n=2) in html
    assert "Câu hỏi chính sách số 1" in html


def test_after_pass_or_last_shows_only_marks_while_failed_with_attempts_left(
    trainee_client, trainee
):
    quiz = policy_quiz(Policy.AFTER_PASS_OR_LAST, attempts_allowed=3)
    attempt = take(trainee, quiz, {"q1": ["q1c1"], "q2": ["q2c2"]})

    response, html = results_page(trainee_client, attempt)

    assert response.context["show"] == "marks"
    first, second = response.context["questions"]
    assert (first["correct"], second["correct"]) == (True, False)
    for row in (first, second):
        assert row["explanation"] == ""
        assert {c["is_answer"] for c in row["choices"]} == {None}
        assert {c["feedback"] for c in row["choices"]} == {""}
    assert [c["picked"] for c in second["choices"]] == [False, True, False, False]
    assert key_shown(html) == []


def test_after_pass_or_last_shows_everything_once_passed(trainee_client, trainee):
    quiz = policy_quiz(Policy.AFTER_PASS_OR_LAST, attempts_allowed=3)
    take(trainee, quiz, FAIL)
    passed = take(trainee, quiz, PASS)

    response, html = results_page(trainee_client, passed)

    assert response.context["show"] == "full"
    assert [c["is_answer"] for c in response.context["questions"][0]["choices"]] == [
        True,
        False,
        False,
        False,
    ]
    assert EXPLANATION.format(n=1) in html
    assert FEEDBACK.format(q=1, n=1) in html


def test_after_pass_or_last_shows_everything_once_out_of_attempts(trainee_client, trainee):
    quiz = policy_quiz(Policy.AFTER_PASS_OR_LAST, attempts_allowed=2)
    first = take(trainee, quiz, FAIL)
    last = take(trainee, quiz, FAIL)

    last_response, last_html = results_page(trainee_client, last)
    first_response, _first_html = results_page(trainee_client, first)

    assert last_response.context["show"] == "full"
    assert first_response.context["show"] == "full"
    assert EXPLANATION.format(n=2) in last_html
    assert FEEDBACK.format(q=2, n=2) in last_html


def test_after_pass_or_last_with_unlimited_attempts_shows_marks_until_passed(
    trainee_client, trainee
):
    quiz = policy_quiz(Policy.AFTER_PASS_OR_LAST, attempts_allowed=0)
    failures = [take(trainee, quiz, FAIL) for _ in range(4)]

    response, html = results_page(trainee_client, failures[-1])

    assert response.context["attempts_left"] is None
    assert response.context["show"] == "marks"
    assert key_shown(html) == []


def test_after_pass_or_last_does_not_reveal_the_key_while_the_last_attempt_is_open(
    trainee_client, trainee
):
    quiz = policy_quiz(Policy.AFTER_PASS_OR_LAST, attempts_allowed=2)
    failed = take(trainee, quiz, FAIL)
    last = start(trainee, quiz)  # the last attempt, still being answered
    assert last.is_open

    response, html = results_page(trainee_client, failed)

    assert response.context["show"] == "marks"
    assert key_shown(html) == []


def test_never_shows_the_score_but_no_questions(trainee_client, trainee):
    quiz = policy_quiz(Policy.NEVER, attempts_allowed=1)
    attempt = take(trainee, quiz, {"q1": ["q1c1"], "q2": ["q2c2"]})  # out of attempts too

    response, html = results_page(trainee_client, attempt)

    assert response.context["show"] == "score"
    assert response.context["questions"] == []
    assert response.context["attempt"].score == Decimal("50.00")
    assert key_shown(html) == []
    assert "Câu hỏi chính sách số" not in html


# Snapshots -------------------------------------------------------------------------------------


def test_results_survive_editing_the_questions_after_submission(trainee_client, trainee):
    original = question(
        text="Thủ tục hành chính được công bố ở đâu?",
        correct=(0,),
        explanation="<p>Giải thích ban đầu</p>",
    )
    other = question(text="Câu hỏi thứ hai", correct=(1,))
    quiz = QuizPageFactory(fixed=[original, other], pass_mark=50)
    attempt = take(trainee, quiz, {"q1": ["q1c1"], "q2": ["q2c1"]})
    before = Attempt.objects.values("score", "passed", "results", "answers", "questions").get(
        pk=attempt.pk
    )
    assert (before["score"], before["passed"]) == (Decimal("50.00"), True)

    # The editor rewrites the question, flips the right answer and deletes a choice.
    Question.objects.filter(pk=original.pk).update(
        text="Câu hỏi đã sửa", explanation="<p>Giải thích mới</p>"
    )
    choices = list(original.choices.order_by("sort_order"))
    Choice.objects.filter(pk=choices[0].pk).update(is_correct=False, text="Lựa chọn đã sửa")
    Choice.objects.filter(pk=choices[1].pk).update(is_correct=True)
    Choice.objects.filter(pk=choices[3].pk).delete()
    Choice.objects.filter(question=other).delete()

    response, html = results_page(trainee_client, attempt)

    assert (
        Attempt.objects.values("score", "passed", "results", "answers", "questions").get(
            pk=attempt.pk
        )
        == before
    )
    first, second = response.context["questions"]
    assert first["text"] == "Thủ tục hành chính được công bố ở đâu?"
    assert first["correct"] is True
    assert [c["text"] for c in first["choices"]] == [
        "Lựa chọn 1",
        "Lựa chọn 2",
        "Lựa chọn 3",
        "Lựa chọn 4",
    ]
    assert [c["is_answer"] for c in first["choices"]] == [True, False, False, False]
    assert "Giải thích ban đầu" in first["explanation"]
    assert (second["correct"], len(second["choices"])) == (False, 4)
    assert "Thủ tục hành chính được công bố ở đâu?" in html
    assert "Câu hỏi đã sửa" not in html
    assert "Giải thích mới" not in html
    assert "Lựa chọn đã sửa" not in html
    assert response.context["attempt"].score == Decimal("50.00")


def test_an_open_attempt_keeps_the_questions_it_was_started_with(trainee):
    q = question(text="Câu hỏi gốc", correct=(0,))
    quiz = QuizPageFactory(fixed=[q])
    attempt = start(trainee, quiz)

    Question.objects.filter(pk=q.pk).update(text="Câu hỏi sửa khi đang làm")
    q.choices.filter(sort_order=0).update(is_correct=False)
    q.choices.filter(sort_order=1).update(is_correct=True)
    attempt = submit(attempt, {"q1": ["q1c1"]})

    assert attempt.questions[0]["text"] == "Câu hỏi gốc"
    assert (attempt.results, attempt.score) == ({"q1": True}, Decimal("100.00"))
