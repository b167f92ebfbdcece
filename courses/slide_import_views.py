"""Admin view: "Nhập bài trình chiếu từ PDF" on a lesson (see ``courses.slide_import``)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from .models import LessonPage
from .slide_import import import_slide_deck

PAGE_TITLE = _("Nhập bài trình chiếu từ PDF")
IMPORTED = _(
    "Đã thêm bài trình chiếu “%(title)s” gồm %(count)s trang chiếu vào bản nháp của bài học. "
    "Hãy xem lại tiêu đề và nội dung từng trang chiếu rồi xuất bản."
)
NO_FILE = _("Hãy chọn tệp PDF của bài trình chiếu.")


class SlideImportForm(forms.Form):
    title = forms.CharField(
        label=_("Tên bài trình chiếu"),
        max_length=200,
        help_text=_("Ví dụ: Tổng quan về cải cách hành chính."),
    )
    file = forms.FileField(
        label=_("Tệp PDF"),
        error_messages={"required": NO_FILE, "empty": NO_FILE},
        help_text=_(
            "Lưu bài trình chiếu (PowerPoint) thành PDF. Mỗi trang PDF thành một trang chiếu; "
            "chữ trên trang được giữ lại làm tiêu đề và nội dung dạng chữ."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )


class SlideImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "courses/admin/slide_import.html"
    form_class = SlideImportForm
    page_title = PAGE_TITLE
    header_icon = "media"

    def dispatch(self, request, lesson_id):
        self.lesson = get_object_or_404(LessonPage, pk=lesson_id)
        if not self.lesson.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, lesson_id)

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
            _revision, count = import_slide_deck(
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


class SlideImportLogFormatter(LogFormatter):
    label = _("Nhập bài trình chiếu từ PDF")

    def format_message(self, log_entry):
        try:
            return _("Đã nhập “%(title)s” (%(slides)s trang chiếu) từ tệp %(file)s.") % (
                log_entry.data
            )
        except (KeyError, TypeError):
            return self.label
