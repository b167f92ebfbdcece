"""Nhập bài trình chiếu từ PDF in the admin: on a lesson, a PDF becomes a slide deck in the
lesson's draft (``courses.slide_import``), for those who may edit the lesson."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin_access import AdminAccessMixin
from home.admin_reports import AdminViewSet

from ..forms import SlideImportForm
from ..models import LessonPage
from ..slide_import import IMPORT_LOG_ACTION, slide_deck_import
from .base import CoursesViewSet, DataLogFormatter

PAGE_TITLE = _("Nhập bài trình chiếu từ PDF")
IMPORTED = _(
    "Đã thêm bài trình chiếu “%(title)s” gồm %(count)s trang chiếu vào bản nháp của bài học. "
    "Hãy xem lại tiêu đề và nội dung từng trang chiếu rồi xuất bản."
)


class SlideImportView(AdminAccessMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "courses/admin/slide_import.html"
    form_class = SlideImportForm
    page_title = PAGE_TITLE
    header_icon = "media"

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
            {"url": "", "label": PAGE_TITLE},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(lesson=self.lesson, **kwargs)

    def form_valid(self, form):
        title = form.cleaned_data["title"]
        try:
            _revision, count = slide_deck_import(
                lesson=self.lesson,
                file=form.cleaned_data["file"],
                deck_title=title,
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        messages.success(self.request, IMPORTED % {"title": title, "count": count})
        return redirect("wagtailadmin_pages:edit", self.lesson.pk)


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
            )
        ]
