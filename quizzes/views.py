"""The quiz page's sub-views: introduction, start, take (save and submit) and results.

Each parses the request and calls a service; grading lives in ``services``.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from home.ratelimit import limited, too_many_requests

from . import services

SUBMITTED = "Đã nộp bài. Kết quả của bạn ở dưới đây."
EXPIRED = "Đã hết giờ làm bài: bài được chấm theo các câu trả lời đã lưu."
SAVED = "Đã lưu câu trả lời. Bạn có thể làm tiếp hoặc nộp bài."


def answers_from(post, attempt):
    """{question key: [choice keys]} from a form post (radio buttons and check boxes).

    The form sends every question (an empty hidden field stands for "nothing ticked"), so a
    question missing from the post is unanswered: its saved answer is cleared."""
    return {q["key"]: post.getlist(q["key"]) for q in attempt.questions}


def own_attempt(quiz, request, number):
    """The signed-in person's attempt by its number; anyone else's is a 404."""
    attempt = quiz.attempts.filter(user=request.user, number=number).first()
    if attempt is None:
        raise Http404(_("Không tìm thấy lượt làm bài này."))
    attempt.quiz = quiz
    return attempt


def intro(quiz, request):
    context = quiz.get_context(request)
    if request.user.is_authenticated:
        history = list(quiz.attempts.filter(user=request.user).order_by("number"))
        for attempt in history:
            if attempt.is_open:
                services.attempt_finish_expired(attempt=attempt)
        history = list(quiz.attempts.filter(user=request.user).order_by("number"))
        context.update(
            history=history,
            open_attempt=next((a for a in history if a.is_open), None),
            attempts_left=services.attempts_left(user=request.user, quiz=quiz),
            best=max((a.score for a in history if a.score is not None), default=None),
            passed=any(a.passed for a in history),
        )
    return TemplateResponse(request, "quizzes/quiz_page.html", context)


def start(quiz, request):
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.url)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(quiz.url)
    return redirect(quiz.url + quiz.reverse_subpage("take", args=[attempt.number]))


def take(quiz, request, number):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = own_attempt(quiz, request, number)
    results_url = quiz.url + quiz.reverse_subpage("results", args=[attempt.number])
    if request.method == "POST":
        if "save" not in request.POST and limited(request, "quiz_submit"):
            return too_many_requests(request)
        try:
            if "save" in request.POST:
                services.attempt_save(attempt=attempt, answers=answers_from(request.POST, attempt))
                messages.success(request, _(SAVED))
                return redirect(request.path)
            attempt = services.attempt_submit(
                attempt=attempt, answers=answers_from(request.POST, attempt)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(results_url if not attempt.is_open else request.path)
        messages.success(request, _(EXPIRED) if attempt.expired else _(SUBMITTED))
        return redirect(results_url)
    services.attempt_finish_expired(attempt=attempt)
    if not attempt.is_open:
        return redirect(results_url)
    context = quiz.get_context(request)
    context.update(
        attempt=attempt,
        questions=[
            {
                "key": q["key"],
                "kind": q["kind"],
                "text": q["text"],
                "choices": [{"key": c["key"], "text": c["text"]} for c in q["choices"]],
                "picked": attempt.answers.get(q["key"], []),
            }
            for q in attempt.questions
        ],
        seconds_left=(
            max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
            if attempt.deadline
            else None
        ),
        save_url=quiz.url + quiz.reverse_subpage("save", args=[attempt.number]),
    )
    return TemplateResponse(request, "quizzes/attempt.html", context)


def save(quiz, request, number):
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Hãy đăng nhập để làm bài.")}, status=401)
    attempt = own_attempt(quiz, request, number)
    try:
        services.attempt_save(attempt=attempt, answers=answers_from(request.POST, attempt))
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"saved": True})


def results(quiz, request, number):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = own_attempt(quiz, request, number)
    if attempt.is_open:
        return redirect(quiz.url + quiz.reverse_subpage("take", args=[attempt.number]))
    left = services.attempts_left(user=request.user, quiz=quiz)
    show = services.feedback_level(quiz=quiz, attempt=attempt, user=request.user)
    context = quiz.get_context(request)
    context.update(
        attempt=attempt,
        attempts_left=left,
        passed_any=quiz.attempts.filter(user=request.user, passed=True).exists(),
        right=sum(1 for correct in attempt.results.values() if correct),
        total=len(attempt.questions),
        show=show,
        questions=services.result_view(attempt=attempt, show=show),
    )
    return TemplateResponse(request, "quizzes/results.html", context)
