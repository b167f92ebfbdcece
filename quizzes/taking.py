"""What the quiz page's routes show besides what services return: the messages after saving and
submitting, the answers read from the posted form, and the context of each screen.

The routes themselves are methods of ``QuizPage`` (``models/pages.py``); grading lives in
``services``.
"""

from django.utils import timezone
from django.utils.translation import gettext_noop

from courses import selectors as course_selectors

from . import services

# Marked for the catalogue here, translated where they are shown.
SUBMITTED = gettext_noop("Đã nộp bài. Kết quả của bạn ở dưới đây.")
EXPIRED = gettext_noop("Đã hết giờ làm bài: bài được chấm theo các câu trả lời đã lưu.")
SAVED = gettext_noop("Đã lưu câu trả lời. Bạn có thể làm tiếp hoặc nộp bài.")


def attempt_answers_from_post(post, attempt) -> dict:
    """{question key: [choice keys]} from a form post (radio buttons and check boxes).

    The form sends every question (an empty hidden field stands for "nothing ticked"), so a
    question missing from the post is unanswered: its saved answer is cleared."""
    return {q["key"]: post.getlist(q["key"]) for q in attempt.questions}


def quiz_intro_context(*, quiz, user) -> dict:
    """The signed-in person's attempts at the quiz, the open one, what is left and the best."""
    history = services.attempts_finish_expired(user=user, quiz=quiz)
    return {
        "history": history,
        "open_attempt": next((a for a in history if a.is_open), None),
        "attempts_left": services.quiz_attempts_left(user=user, quiz=quiz),
        "best": max((a.score for a in history if a.score is not None), default=None),
        "passed": any(a.passed for a in history),
    }


def attempt_take_context(*, quiz, attempt) -> dict:
    """The questions of an open attempt without their answer key, what was picked so far, the
    seconds left and where the page saves as the person goes."""
    return {
        "attempt": attempt,
        "questions": [
            {
                "key": q["key"],
                "kind": q["kind"],
                "text": q["text"],
                "choices": [{"key": c["key"], "text": c["text"]} for c in q["choices"]],
                "picked": attempt.answers.get(q["key"], []),
            }
            for q in attempt.questions
        ],
        "seconds_left": (
            max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
            if attempt.deadline
            else None
        ),
        "save_url": quiz.url + quiz.reverse_subpage("save", args=[attempt.number]),
    }


def attempt_results_context(*, quiz, attempt, user) -> dict:
    """A submitted attempt's score and, as far as the quiz's answer policy allows, its answers;
    once passed, ``completion`` and ``next_url`` (``courses.selectors.course_standing``)."""
    left = services.quiz_attempts_left(user=user, quiz=quiz)
    show = services.attempt_feedback_level(quiz=quiz, attempt=attempt, user=user)
    # Once passed: the course completed (with its certificate), or where "Tiếp tục học" goes.
    standing = (
        course_selectors.course_standing(user=user, page=quiz)
        if attempt.passed
        else {"completion": None, "next_url": None}
    )
    return {
        **standing,
        "attempt": attempt,
        "attempts_left": left,
        "passed_any": quiz.attempts.filter(user=user, passed=True).exists(),
        "right": sum(1 for correct in attempt.results.values() if correct),
        "total": len(attempt.questions),
        "show": show,
        "questions": services.attempt_result_rows(attempt=attempt, show=show),
    }
