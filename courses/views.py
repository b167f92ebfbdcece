"""Tag listings, progress endpoints, the learner dashboard (Góc học tập) and transcript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag

from home.views import post_only

from . import selectors, services
from .models import LessonPage

LESSON_COMPLETED = "Đã ghi nhận hoàn thành bài học."
LESSON_ALREADY_COMPLETED = "Bài học này đã được ghi nhận hoàn thành trước đó."
LESSON_NOT_FOUND = "Không tìm thấy bài học này, hoặc bài học chưa được xuất bản."
SIGN_IN_REQUIRED = "Hãy đăng nhập để lưu tiến độ học tập."


def tag_index(request):
    return render(request, "courses/tag_index.html", {"tags": selectors.tags_in_use()})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    courses, lessons = selectors.tagged_pages(tag=tag)
    if not courses and not lessons:
        # A tag only on drafts, unpublished or private pages: its name is not public either.
        raise Http404
    return render(
        request, "courses/tag_detail.html", {"tag": tag, "courses": courses, "lessons": lessons}
    )


def _visible_lesson(request, lesson_id):
    """The live lesson, if this request may view it (Wagtail's privacy settings apply)."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    if lesson is None or not all(
        restriction.accept_request(request) for restriction in lesson.get_view_restrictions()
    ):
        return None
    return lesson


def _live_lesson(request, lesson_id):
    lesson = _visible_lesson(request, lesson_id)
    if lesson is None:
        raise Http404(_(LESSON_NOT_FOUND))
    return lesson


@post_only
@login_required
def lesson_complete(request, lesson_id):
    """ "Đánh dấu đã học xong": a POST that records completion for the signed-in person."""
    lesson = _live_lesson(request, lesson_id)
    newly = services.lesson_complete(user=request.user, lesson=lesson, course=lesson.course_page)
    if newly:
        messages.success(request, _(LESSON_COMPLETED))
    else:
        messages.info(request, _(LESSON_ALREADY_COMPLETED))
    return redirect(lesson.get_url(request) + "#lesson-complete")


@require_POST
def lesson_slide(request, lesson_id):
    """Record the slide the person is on (sent by the slide viewer); JSON in and out."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _(SIGN_IN_REQUIRED)}, status=401)
    lesson = _visible_lesson(request, lesson_id)
    if lesson is None:
        return JsonResponse({"error": _(LESSON_NOT_FOUND)}, status=404)
    try:
        completed = services.lesson_record_slide(
            user=request.user,
            lesson=lesson,
            course=lesson.course_page,
            slide=request.POST.get("slide"),
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"slide": int(request.POST["slide"]), "completed": completed})


@login_required
def dashboard(request):
    """Góc học tập: courses in progress with a bar and "Tiếp tục học", completed courses."""
    enrolments = selectors.dashboard(user=request.user, request=request)
    return render(
        request,
        "courses/dashboard.html",
        {
            "in_progress": [e for e in enrolments if not e.completed_at],
            "completed": [e for e in enrolments if e.completed_at],
        },
    )


@login_required
def transcript(request):
    """Kết quả học tập: every lesson and module with its dates."""
    return render(
        request, "courses/transcript.html", {"courses": selectors.transcript(user=request.user)}
    )
