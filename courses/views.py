"""The courses app on the site: tag listings, progress endpoints, the learner dashboard (Góc học
tập) and transcript, and Giấy chứng nhận (the learner's download, public verification by code)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from taggit.models import Tag

from home.formatting import format_decimal
from home.views import post_only
from learners.roles import in_scope

from . import certificates, selectors, services
from .certificate_pdf import certificate_pdf
from .forms import VerifyForm
from .models import Certificate, CoursePage, LessonPage

# Marked for the catalogue here, translated where they are shown.
LESSON_COMPLETED = gettext_noop("Đã ghi nhận hoàn thành bài học.")
COURSE_COMPLETED = gettext_noop(
    "Đã ghi nhận hoàn thành bài học. Bạn đã hoàn thành khóa học “%(title)s”: "
    "giấy chứng nhận ở ngay dưới đây."
)
LESSON_ALREADY_COMPLETED = gettext_noop("Bài học này đã được ghi nhận hoàn thành trước đó.")
LESSON_NOT_FOUND = gettext_noop("Không tìm thấy bài học này, hoặc bài học chưa được xuất bản.")
SIGN_IN_REQUIRED = gettext_noop("Hãy đăng nhập để lưu tiến độ học tập.")
NOT_FOUND = gettext_noop("Không tìm thấy giấy chứng nhận với mã này.")
NOT_A_CODE = gettext_noop(
    "Mã xác thực gồm 12 chữ cái và chữ số, in ở góc dưới giấy chứng nhận, "
    "ví dụ K7QX-M2PA-9RTD. Hãy kiểm tra lại."
)
CODE_REQUIRED = gettext_noop("Hãy nhập mã xác thực in trên giấy chứng nhận.")
NO_CERTIFICATE = gettext_noop(
    "Chưa có giấy chứng nhận cho khóa học này. Giấy chứng nhận được cấp khi bạn hoàn thành "
    "mọi bài học và bài kiểm tra của khóa học; nếu bạn đã hoàn thành mà chưa có, hãy liên hệ "
    "cán bộ tổ chức của cơ quan, đơn vị."
)


def tag_index(request):
    tags = selectors.tags_in_use(
        courses=CoursePage.objects.visible(), lessons=LessonPage.objects.visible()
    )
    return render(request, "courses/tag_index.html", {"tags": tags})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    courses = list(CoursePage.objects.tagged(tag))
    lessons = list(LessonPage.objects.tagged(tag))
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
    course = lesson.course_page
    newly = services.lesson_complete(user=request.user, lesson=lesson, course=course)
    if newly and selectors.course_completion(user=request.user, course_id=course.pk):
        # The panel at #lesson-complete links the certificate.
        messages.success(request, _(COURSE_COMPLETED) % {"title": course.title})
    elif newly:
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


# Giấy chứng nhận ---------------------------------------------------------------------------------


def _pdf_response(certificate):
    response = HttpResponse(certificate_pdf(certificate), "application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="giay-chung-nhan-{certificate.number}.pdf"'
    )
    return response


def _unavailable(request, *, certificate=None, message=None):
    """The learner's own certificate cannot be given: say why (revoked, or none yet)."""
    return render(
        request,
        "courses/certificates/unavailable.html",
        {"certificate": certificate, "message": message},
        status=404,
    )


@require_safe
@never_cache
@login_required
def certificate_download(request, number):
    """The certificate as a PDF: for its owner, HR officers whose scope holds the owner, and
    superusers. Anyone else gets the same 404 as for a number that does not exist."""
    certificate = Certificate.objects.select_related("user").filter(number=number).first()
    if certificate is None:
        raise Http404
    is_owner = certificate.user_id == request.user.pk
    is_hr = in_scope(request.user, certificate.user)
    if not (is_owner or is_hr):
        raise Http404
    if not certificate.is_valid and not is_hr:
        return _unavailable(request, certificate=certificate)
    return _pdf_response(certificate)


@require_safe
@never_cache
@login_required
def certificate_for_course(request, course_id):
    """ "Tải giấy chứng nhận" on Góc học tập: the signed-in person's certificate for a course."""
    mine = Certificate.objects.filter(user=request.user, course_id=course_id)
    certificate = mine.filter(revoked_at__isnull=True).first()
    if certificate is not None:
        return redirect("certificate_download", number=certificate.number)
    revoked = mine.order_by("-revoked_at").first()
    if revoked is not None:
        return _unavailable(request, certificate=revoked)
    return _unavailable(request, message=_(NO_CERTIFICATE))


@require_safe
def certificate_verify(request):
    """Xác thực giấy chứng nhận: type the code printed on the certificate."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        code = certificates.certificate_code_normalise(form.cleaned_data["code"])
        if code:
            return redirect("certificate_verify_code", code=code)
        form.add_error("code", _(NOT_A_CODE))
    return render(
        request,
        "courses/certificates/verify.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_safe
@never_cache
def certificate_verify_code(request, code):
    """What the QR code opens: whether the certificate is valid, and what it certifies. The
    employee code is shown masked; the page is public."""
    canonical = certificates.certificate_code_normalise(code)
    certificate = Certificate.objects.filter(code=canonical).first() if canonical else None
    context = {
        "code": canonical or code,
        "form": VerifyForm(initial={"code": canonical or code}),
        "certificate": certificate,
    }
    if certificate is None:
        context["message"] = _(NOT_FOUND)
        return render(request, "courses/certificates/verify_result.html", context, status=404)
    context.update(
        masked_employee_code=certificates.employee_code_mask(certificate.employee_code),
        hours=format_decimal(certificate.hours),
        organisation=certificates.organisation_name(),
    )
    return render(request, "courses/certificates/verify_result.html", context)
