"""Reads for trainers: how a quiz's submitted attempts went, with no personal data."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, FloatField, Q, QuerySet
from django.db.models.functions import Cast, NullIf

from home.formatting import percent_of, quantize

from .models.attempts import Attempt

# A question most people get wrong is probably badly worded or has a wrong answer key.
LOW_CORRECT_RATE = Decimal(40)

_SUBMITTED = Q(attempts__submitted_at__isnull=False)


@dataclass
class ChoiceStatistics:
    choice_id: int
    text: str
    correct: bool
    picked: int = 0
    pick_rate: Decimal | None = None
    # A wrong choice picked more often than a right one.
    misleading: bool = False


@dataclass
class QuestionStatistics:
    question_id: int
    text: str
    kind: str
    asked: int = 0
    answered_correctly: int = 0
    correct_rate: Decimal | None = None
    choices: list[ChoiceStatistics] = field(default_factory=list)

    @property
    def too_hard(self) -> bool:
        return self.correct_rate is not None and self.correct_rate < LOW_CORRECT_RATE

    @property
    def has_misleading_choice(self) -> bool:
        return any(choice.misleading for choice in self.choices)

    @property
    def flagged(self) -> bool:
        return self.too_hard or self.has_misleading_choice


@dataclass
class QuizStatistics:
    attempts: int
    people: int
    passed: int
    pass_rate: Decimal | None
    average_score: Decimal | None
    questions: list[QuestionStatistics]

    @property
    def flagged_questions(self) -> list[QuestionStatistics]:
        return [question for question in self.questions if question.flagged]


def quiz_statistics(*, quiz) -> QuizStatistics:
    """Totals of the quiz's submitted attempts and, per question asked (by ``question_id`` in
    the snapshots), the share answered correctly and how often each choice was picked.

    Two queries whatever the number of attempts. A question's and a choice's text is the one
    most recently asked; questions come hardest first.
    """
    submitted = Attempt.objects.filter(quiz=quiz).submitted()
    totals = submitted.aggregate(
        attempts=Count("pk"),
        people=Count("user", distinct=True),
        passed=Count("pk", filter=Q(passed=True)),
        average_score=Avg("score"),
    )

    questions: dict[int, QuestionStatistics] = {}
    choices: dict[tuple[int, int], ChoiceStatistics] = {}
    rows = submitted.order_by("submitted_at", "pk").values_list("questions", "answers", "results")
    for snapshot, answers, results in rows.iterator():
        for asked in snapshot:
            question_id = asked["question_id"]
            stats = questions.get(question_id)
            if stats is None:
                stats = questions[question_id] = QuestionStatistics(
                    question_id=question_id, text=asked["text"], kind=asked["kind"]
                )
            stats.text, stats.kind = asked["text"], asked["kind"]
            stats.asked += 1
            stats.answered_correctly += bool(results.get(asked["key"]))
            picked = set(answers.get(asked["key"], []))
            for offered in asked["choices"]:
                key = (question_id, offered["choice_id"])
                choice = choices.get(key)
                if choice is None:
                    choice = choices[key] = ChoiceStatistics(
                        choice_id=offered["choice_id"],
                        text=offered["text"],
                        correct=offered["correct"],
                    )
                    stats.choices.append(choice)
                choice.text, choice.correct = offered["text"], offered["correct"]
                choice.picked += offered["key"] in picked

    for stats in questions.values():
        stats.correct_rate = percent_of(stats.answered_correctly, stats.asked)
        right_picks = [choice.picked for choice in stats.choices if choice.correct]
        least_picked_right = min(right_picks, default=0)
        for choice in stats.choices:
            choice.pick_rate = percent_of(choice.picked, stats.asked)
            choice.misleading = not choice.correct and choice.picked > least_picked_right

    return QuizStatistics(
        attempts=totals["attempts"],
        people=totals["people"],
        passed=totals["passed"],
        pass_rate=percent_of(totals["passed"], totals["attempts"]),
        average_score=quantize(totals["average_score"]),
        questions=sorted(questions.values(), key=lambda q: (q.correct_rate, q.question_id)),
    )


def quizzes_with_statistics(quizzes: QuerySet) -> QuerySet:
    """The quiz pages of ``quizzes`` annotated with their submitted attempts, distinct people,
    passes, pass rate and average score (``None`` where nobody has submitted), in one query."""
    return quizzes.annotate(
        attempt_count=Count("attempts", filter=_SUBMITTED),
        people_count=Count("attempts__user", filter=_SUBMITTED, distinct=True),
        passed_count=Count("attempts", filter=_SUBMITTED & Q(attempts__passed=True)),
        average_score=Avg("attempts__score", filter=_SUBMITTED),
    ).annotate(pass_rate=Cast("passed_count", FloatField()) * 100 / NullIf("attempt_count", 0))
