"""Quizzes (Bài kiểm tra): questions in a shared pool, quiz pages and attempts.

``questions`` and ``attempts`` hold the models services and selectors use; ``pages`` holds the
quiz page, which imports services (its routes call them), so nothing below it imports it back.
"""

from .attempts import Attempt, AttemptQuerySet
from .pages import QuizPage, QuizPoolRule, QuizQuestion
from .questions import Choice, Question, QuestionArea

__all__ = [
    "Attempt",
    "AttemptQuerySet",
    "Choice",
    "Question",
    "QuestionArea",
    "QuizPage",
    "QuizPoolRule",
    "QuizQuestion",
]
