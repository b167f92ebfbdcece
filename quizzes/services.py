"""Taking quizzes: start, save, submit and grade. Grading happens only here, on the server."""

import random
import secrets
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses import services as course_services

from .models.attempts import Attempt
from .models.questions import Question

NO_ATTEMPTS_LEFT = _("Bạn đã dùng hết số lượt làm bài của bài kiểm tra này.")
ALREADY_SUBMITTED = _("Lượt làm bài này đã được nộp và chấm điểm; không thể nộp lại.")
NOT_OPEN = _("Lượt làm bài này đã kết thúc.")
UNKNOWN_ANSWER = _("Câu trả lời không hợp lệ: có lựa chọn không thuộc câu hỏi.")
# Submissions that arrive this long after the deadline are still taken (slow networks).
GRACE = timedelta(seconds=30)


def _draw(quiz, rng):
    fixed = [link.question for link in quiz.fixed_questions.select_related("question")]
    fixed_ids = {q.pk for q in fixed}
    drawn = []
    for rule in quiz.pool_rules.all():
        pool = list(
            Question.objects.filter(area_id=rule.area_id)
            .exclude(pk__in=fixed_ids | {q.pk for q in drawn})
            .values_list("pk", flat=True)
        )
        chosen = rng.sample(pool, min(rule.count, len(pool)))
        drawn += list(Question.objects.filter(pk__in=chosen))
    questions = fixed + drawn
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return questions


def _snapshot(questions, *, shuffle_choices, rng):
    """What was asked, answer key and feedback included: the record of the attempt."""
    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=[q.pk for q in questions]).prefetch_related(
            "choices"
        )
    }
    snapshot = []
    for position, question in enumerate(questions, 1):
        choices = list(by_id[question.pk].choices.all())
        if shuffle_choices and question.kind != "true_false":
            rng.shuffle(choices)
        snapshot.append(
            {
                "key": f"q{position}",
                "question_id": question.pk,
                "kind": question.kind,
                "text": question.text,
                "explanation": question.explanation,
                "choices": [
                    {
                        "key": f"q{position}c{n}",
                        "choice_id": choice.pk,
                        "text": choice.text,
                        "correct": choice.is_correct,
                        "feedback": choice.feedback,
                    }
                    for n, choice in enumerate(choices, 1)
                ],
            }
        )
    return snapshot


def quiz_attempts_left(*, user, quiz) -> int | None:
    """None when the quiz allows unlimited attempts."""
    if not quiz.attempts_allowed:
        return None
    used = Attempt.objects.filter(user=user, quiz=quiz).count()
    return max(quiz.attempts_allowed - used, 0)


def attempt_start(*, user, quiz, rng=None):
    """Start an attempt, or return the open one (a second tab, a double click)."""
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz).open().first()
    if open_attempt is not None:
        if not _past_deadline(open_attempt):
            return open_attempt
        attempt_finish_expired(attempt=open_attempt)
    if quiz_attempts_left(user=user, quiz=quiz) == 0:
        raise ValidationError(NO_ATTEMPTS_LEFT)
    # Drawing questions is not a secret; the seed only has to differ between attempts.
    rng = rng or random.Random(secrets.randbits(64))  # noqa: S311
    snapshot = _snapshot(_draw(quiz, rng), shuffle_choices=quiz.shuffle_choices, rng=rng)
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            number = (
                Attempt.objects.filter(user=user, quiz=quiz).aggregate(n=Max("number"))["n"] or 0
            ) + 1
            return Attempt.objects.create(
                user=user,
                quiz=quiz,
                number=number,
                deadline=deadline,
                pass_mark=quiz.pass_mark,
                questions=snapshot,
            )
    except IntegrityError:
        # Another request opened one at the same moment: use it.
        return Attempt.objects.filter(user=user, quiz=quiz).open().get()


def _past_deadline(attempt, *, grace=timedelta(0)):
    return attempt.deadline is not None and timezone.now() > attempt.deadline + grace


def _clean_answers(attempt, raw: dict) -> dict:
    """Keep only choice keys that belong to their question; refuse anything else."""
    valid = {q["key"]: {c["key"] for c in q["choices"]} for q in attempt.questions}
    single = {q["key"] for q in attempt.questions if q["kind"] != "multiple"}
    answers = {}
    for key, raw_picked in raw.items():
        if key not in valid:
            continue
        picked = [p for p in dict.fromkeys(raw_picked) if p]
        if any(p not in valid[key] for p in picked) or (key in single and len(picked) > 1):
            raise ValidationError(UNKNOWN_ANSWER)
        answers[key] = picked
    return answers


def attempt_save(*, attempt, answers: dict) -> None:
    """Save answers as the person goes, so a lost connection or the deadline loses nothing."""
    if not attempt.is_open or _past_deadline(attempt, grace=GRACE):
        raise ValidationError(NOT_OPEN)
    cleaned = _clean_answers(attempt, answers)
    updated = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
        answers={**attempt.answers, **cleaned}
    )
    if not updated:
        raise ValidationError(NOT_OPEN)


def attempt_grade(questions: list, answers: dict, pass_mark: int):
    """Score a snapshot: all-or-nothing per question. Returns (results, score, passed)."""
    results = {}
    for question in questions:
        correct = {c["key"] for c in question["choices"] if c["correct"]}
        picked = set(answers.get(question["key"], []))
        results[question["key"]] = picked == correct
    right = sum(results.values())
    total = len(questions) or 1
    score = (Decimal(100) * right / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return results, score, score >= pass_mark


def _finish(attempt, answers: dict, *, expired: bool) -> bool:
    """Grade and close the attempt in one conditional UPDATE. False when already closed.

    A pass completes the module (and the course, and issues the certificate) in the same
    transaction: the passed attempt is never stored without the completions it brings."""
    results, score, passed = attempt_grade(attempt.questions, answers, attempt.pass_mark)
    with transaction.atomic():
        closed = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            submitted_at=timezone.now(),
            answers=answers,
            results=results,
            score=score,
            passed=passed,
            expired=expired,
        )
        if closed and passed:
            _complete_module(attempt)
    return bool(closed)


def attempt_submit(*, attempt, answers: dict):
    """Submit once. After the deadline plus grace the attempt is graded on what was saved."""
    if not attempt.is_open:
        raise ValidationError(ALREADY_SUBMITTED)
    if _past_deadline(attempt, grace=GRACE):
        if not _finish(attempt, attempt.answers, expired=True):
            raise ValidationError(ALREADY_SUBMITTED)
    else:
        cleaned = {**attempt.answers, **_clean_answers(attempt, answers)}
        if not _finish(attempt, cleaned, expired=False):
            raise ValidationError(ALREADY_SUBMITTED)
    attempt.refresh_from_db()
    return attempt


def attempt_finish_expired(*, attempt) -> None:
    """Grade an attempt whose time ran out on the answers it saved (the object is reloaded)."""
    if attempt.is_open and _past_deadline(attempt, grace=GRACE):
        _finish(attempt, attempt.answers, expired=True)
        attempt.refresh_from_db()


def attempts_finish_expired(*, user, quiz) -> list:
    """The person's attempts at the quiz by number, each open one whose time ran out graded
    first on the answers it saved (``attempt_finish_expired`` reloads the ones it grades)."""
    attempts = list(quiz.attempts.filter(user=user).order_by("number"))
    for attempt in attempts:
        attempt_finish_expired(attempt=attempt)
    return attempts


def _complete_module(attempt) -> None:
    module, course = attempt.quiz.module_and_course()
    if module is not None and course is not None:
        course_services.module_complete_if_done(user=attempt.user, module=module, course=course)


def quiz_passers(*, quizzes, people):
    """``people`` narrowed to those with a passed attempt at every quiz of ``quizzes`` (the
    live quizzes of a module: ``QuizPage.module_requirement``), annotated with ``met_at``, the
    moment the last of them was first passed. One query for one person or for all."""
    quiz_ids = list(quizzes.values_list("pk", flat=True))
    if not quiz_ids:
        return people
    firsts = []
    for quiz_id in quiz_ids:
        passes = Attempt.objects.filter(user_id=OuterRef("pk"), quiz_id=quiz_id, passed=True)
        people = people.filter(Exists(passes))
        firsts.append(Subquery(passes.order_by("submitted_at").values("submitted_at")[:1]))
    return people.annotate(met_at=firsts[0] if len(firsts) == 1 else Greatest(*firsts))


def attempt_feedback_level(*, quiz, attempt, user) -> str:
    """What the results page may show under the quiz's policy:
    "full" (answers, feedback, explanations), "marks" (right or wrong only) or "score".

    "After passing or using all attempts" means: the person has passed the quiz in any attempt,
    or has no attempt left and none still open (an open attempt must not see the key).
    """
    policy = quiz.answer_policy
    if policy == "after_each":
        return "full"
    if policy == "after_pass_or_last":
        mine = Attempt.objects.filter(user=user, quiz=quiz)
        if mine.filter(passed=True).exists():
            return "full"
        out = quiz_attempts_left(user=user, quiz=quiz) == 0 and not mine.open().exists()
        return "full" if out else "marks"
    return "score"


def attempt_result_rows(*, attempt, show) -> list[dict]:
    """The attempt's questions with what may be shown of them, from its own snapshot."""
    if show == "score":
        return []
    rows = []
    for question in attempt.questions:
        picked = set(attempt.answers.get(question["key"], []))
        row = {
            "text": question["text"],
            "kind": question["kind"],
            "correct": attempt.results.get(question["key"], False),
            "choices": [
                {
                    "text": c["text"],
                    "picked": c["key"] in picked,
                    "is_answer": c["correct"] if show == "full" else None,
                    "feedback": c["feedback"] if show == "full" and c["key"] in picked else "",
                }
                for c in question["choices"]
            ],
            "explanation": question["explanation"] if show == "full" else "",
        }
        rows.append(row)
    return rows


def quiz_outline_states(*, user, page_ids) -> dict:
    """Course outline states of quiz pages: passed = completed, attempted = in progress."""
    states = {}
    rows = Attempt.objects.filter(user=user, quiz_id__in=page_ids).values_list("quiz_id", "passed")
    for quiz_id, passed in rows:
        if passed:
            states[quiz_id] = "completed"
        else:
            states.setdefault(quiz_id, "in_progress")
    return states
