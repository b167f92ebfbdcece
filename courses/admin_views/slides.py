"""Nhập bài trình chiếu từ PDF in the admin: on a lesson, a PDF becomes a slide deck in the
lesson's draft (``courses.slide_import``), for those who may edit the lesson. The upload is
checked and queued; a status page follows the worker (queued, rendering n/m, ready, failed)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin_access import AdminAccessMixin
from home.admin_reports import AdminViewSet

from ..forms import SlideImportForm
from ..models import LessonPage, SlideImport
from ..slide_import import IMPORT_INTERRUPTED, IMPORT_LOG_ACTION, slide_import_request
from .base import CoursesViewSet, DataLogFormatter

PAGE_TITLE = _("Nhập bài trình chiếu từ PDF")
IMPORTED = _(
    "Đã thêm bài trình chiếu “%(title)s” gồm %(count)s trang chiếu vào bản nháp của bài học. "
    "Hãy xem lại tiêu đề và nội dung từng trang chiếu rồi xuất bản."
)
STATUS_TITLE = _("Tình trạng nhập bài trình chiếu")
QUEUED = _("Đang xếp hàng")
RENDERING = _("Đang dựng trang %(done)s/%(total)s")
READY = _("Đã xong")
FAILED = _("Không thành công: %(reason)s")
# While the job is not finished the status page reloads itself this often (no JavaScript).
REFRESH_SECONDS = 3


def slide_import_state(job) -> tuple[str, str]:
    """(status, the trainer's line) of a job; a job its worker left "rendering" (killed,
    restarted) shows as failed: interrupted."""
    if job.is_stale():
        return SlideImport.Status.FAILED, str(FAILED % {"reason": IMPORT_INTERRUPTED})
    if job.status == SlideImport.Status.QUEUED:
        return job.status, str(QUEUED)
    if job.status == SlideImport.Status.RENDERING:
        return job.status, str(RENDERING % {"done": job.pages_done, "total": job.pages_total})
    if job.status == SlideImport.Status.READY:
        return job.status, str(READY)
    return job.status, str(FAILED % {"reason": job.error})


class LessonEditorMixin(AdminAccessMixin):
    """For those who may edit the lesson of the URL (``self.lesson``)."""

    def has_access(self, request) -> bool:
        self.lesson = get_object_or_404(LessonPage, pk=self.kwargs["lesson_id"])
        if not self.lesson.permissions_for_user(request.user).can_edit():
            # Refused as Wagtail refuses page editing: back to the dashboard, with its message.
            raise PermissionDenied
        return True

    def get_page_subtitle(self):
        return self.lesson.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.lesson.pk]),
                "label": self.lesson.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]


class SlideImportView(LessonEditorMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "courses/admin/slide_import.html"
    form_class = SlideImportForm
    page_title = PAGE_TITLE
    header_icon = "media"

    def get_context_data(self, **kwargs):
        recent = [(job, slide_import_state(job)[1]) for job in self.lesson.slide_imports.all()[:5]]
        return super().get_context_data(lesson=self.lesson, recent_imports=recent, **kwargs)

    def form_valid(self, form):
        try:
            job = slide_import_request(
                lesson=self.lesson,
                file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        return redirect("courses_slide_import_status", self.lesson.pk, job.pk)


class SlideImportStatusView(LessonEditorMixin, WagtailAdminTemplateMixin, TemplateView):
    """Where the import stands: reloads itself every few seconds until it is finished."""

    template_name = "courses/admin/slide_import_status.html"
    page_title = STATUS_TITLE
    header_icon = "media"

    def has_access(self, request) -> bool:
        super().has_access(request)
        self.job = get_object_or_404(
            SlideImport, pk=self.kwargs["import_id"], lesson_id=self.lesson.pk
        )
        return True

    def get_context_data(self, **kwargs):
        status, line = slide_import_state(self.job)
        finished = status in (SlideImport.Status.READY, SlideImport.Status.FAILED)
        return super().get_context_data(
            lesson=self.lesson,
            job=self.job,
            status=status,
            status_line=line,
            imported=IMPORTED % {"title": self.job.title, "count": self.job.pages_total},
            refresh_seconds=None if finished else REFRESH_SECONDS,
            json_url=reverse(
                "courses_slide_import_status_json", args=[self.lesson.pk, self.job.pk]
            ),
            **kwargs,
        )


class SlideImportStatusJsonView(SlideImportStatusView):
    """The same status as JSON, for a script that polls."""

    def get(self, request, *args, **kwargs):
        status, line = slide_import_state(self.job)
        return JsonResponse(
            {
                "status": status,
                "text": line,
                "pages_done": self.job.pages_done,
                "pages_total": self.job.pages_total,
                "finished": status in (SlideImport.Status.READY, SlideImport.Status.FAILED),
            }
        )


class SlideImportLogFormatter(DataLogFormatter):
    label = _("Nhập bài trình chiếu từ PDF")
    message = _("Đã nhập “%(title)s” (%(slides)s trang chiếu) từ tệp %(file)s.")
    fallback = label


class SlideImportMenuItem(PageMenuItem):
    """ "Nhập bài trình chiếu từ PDF" in a lesson's header and listing menus, for its editors."""

    label = PAGE_TITLE
    icon_name = "media"
    url_name = "courses_slide_import"

    def is_shown(self, user):
        return (
            self.page.specific_class is LessonPage
            and self.page.permissions_for_user(user).can_edit()
        )


class SlideImportViewSet(AdminViewSet, CoursesViewSet):
    """The import screen of a lesson (reached from the lesson's menus, not the admin menu)."""

    url_prefix = "lessons"
    log_formatters = {IMPORT_LOG_ACTION: SlideImportLogFormatter}

    def get_urlpatterns(self):
        return [
            path(
                "<int:lesson_id>/import-slides/",
                SlideImportView.as_view(),
                name="courses_slide_import",
            ),
            path(
                "<int:lesson_id>/import-slides/<int:import_id>/",
                SlideImportStatusView.as_view(),
                name="courses_slide_import_status",
            ),
            path(
                "<int:lesson_id>/import-slides/<int:import_id>/status.json",
                SlideImportStatusJsonView.as_view(),
                name="courses_slide_import_status_json",
            ),
        ]
