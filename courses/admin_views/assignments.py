"""Giao khóa học in the admin: the assignments in the HR officer's scope and the form to give a
course. The write goes through ``courses.assignments.course_assign``."""

import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from home.admin_access import AdminAccessMixin
from home.admin_reports import AdminViewSet
from home.formatting import format_date
from learners.roles import can_assign_courses, can_view_assignments

from ..assignments import ASSIGN_LOG_ACTION, assignment_list, course_assign
from ..forms import AssignmentForm
from ..models import Assignment
from .base import CoursesViewSet, menu_item_shown_to

ASSIGNMENTS_TITLE = _("Giao khóa học")
ASSIGNMENTS_ICON = "calendar-check"
NO_PERMISSION = _(
    "Bạn không có quyền giao khóa học. Việc này dành cho Cán bộ tổ chức; "
    "hãy liên hệ quản trị viên nếu bạn cần quyền này."
)
ASSIGNED = _("Đã giao khóa học cho %(count)s người, hạn hoàn thành %(date)s.")
NOT_ASSIGNED = _("Chưa giao được khóa học. Hãy sửa các lỗi bên dưới.")
LOG_MESSAGE = _("Đã giao “%(course)s” cho %(people)s người, hạn hoàn thành %(due_date)s.")


def _assigned_to(assignment) -> str:
    parts = []
    if assignment.agency:
        parts.append(_("%(name)s (cả đơn vị trực thuộc)") % {"name": assignment.agency.name})
    if assignment.people_chosen:
        parts.append(_("%(count)s người được chọn") % {"count": assignment.people_chosen})
    return "; ".join(str(part) for part in parts)


class AssignmentIndexView(AdminAccessMixin, IndexView):
    """The assignments in the user's scope with how far the people covered have got."""

    model = Assignment
    page_title = ASSIGNMENTS_TITLE
    header_icon = ASSIGNMENTS_ICON
    index_url_name = "courses_assignments"
    index_results_url_name = "courses_assignments_results"
    add_url_name = "courses_assignments_add"
    add_item_label = _("Giao khóa học")
    results_template_name = "courses/admin/assignments/index_results.html"
    paginate_by = 50
    no_access_message = NO_PERMISSION

    def has_access(self, request) -> bool:
        return can_view_assignments(request.user)

    def get_base_queryset(self):
        return assignment_list(user=self.request.user)

    def order_queryset(self, queryset):
        return queryset  # newest first, as assignment_list gives them

    @cached_property
    def no_results_message(self):
        return _(
            "Chưa có khóa học nào được giao. Hãy giao một khóa học cho một đơn vị "
            "hoặc cho từng người:"
        )

    @cached_property
    def columns(self):
        return [
            Column("course", label=_("Khóa học"), accessor=lambda a: a.course.title),
            Column("assigned_to", label=_("Giao cho"), accessor=_assigned_to),
            Column(
                "due_date", label=_("Hạn hoàn thành"), accessor=lambda a: format_date(a.due_date)
            ),
            Column(
                "assigned_by",
                label=_("Người giao"),
                accessor=lambda a: a.assigned_by.get_full_name() if a.assigned_by else "",
            ),
            Column(
                "created_at", label=_("Ngày giao"), accessor=lambda a: format_date(a.created_at)
            ),
            NumberColumn("enrolled_count", label=_("Đã ghi danh")),
            NumberColumn("completed_count", label=_("Đã hoàn thành")),
            NumberColumn("overdue_count", label=_("Quá hạn")),
        ]


class AssignmentCreateView(AdminAccessMixin, WagtailAdminTemplateMixin, FormView):
    """Choose a course, an agency and/or people, and a due date; everyone is enrolled."""

    template_name = "courses/admin/assignments/create.html"
    form_class = AssignmentForm
    page_title = ASSIGNMENTS_TITLE
    header_icon = ASSIGNMENTS_ICON
    no_access_message = NO_PERMISSION

    def has_access(self, request) -> bool:
        return can_assign_courses(request.user)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("courses_assignments"), "label": ASSIGNMENTS_TITLE},
            {"url": "", "label": _("Giao khóa học mới")},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("courses_assignments_add"),
            submit_button_label=_("Giao khóa học"),
            submit_button_active_label=_("Đang giao khóa học…"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            assignment = course_assign(
                course=data["course"],
                due_date=data["due_date"],
                assigned_by=self.request.user,
                agency=data["agency"],
                people=data["people"],
                note=data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            ASSIGNED
            % {
                "count": number_format(assignment.people_count, force_grouping=True),
                "date": format_date(assignment.due_date),
            },
        )
        return redirect("courses_assignments")

    def form_invalid(self, form):
        messages.error(self.request, NOT_ASSIGNED)
        return super().form_invalid(form)


AssignmentMenuItem = menu_item_shown_to(can_assign_courses, "AssignmentMenuItem")


class AssignmentLogFormatter(LogFormatter):
    """The "Giao khóa học" history line: the course, the number of people and the due date."""

    label = _("Giao khóa học")

    def format_message(self, log_entry):
        try:
            data = log_entry.data
            due_date = datetime.date.fromisoformat(data["due_date"])
            return LOG_MESSAGE % {
                "course": data["course"],
                "people": data["people"],
                "due_date": format_date(due_date),
            }
        except (KeyError, TypeError, ValueError):
            return _("Đã giao khóa học.")


class AssignmentViewSet(AdminViewSet, CoursesViewSet):
    """Giao khóa học: the list, its results for the filters, and the form; in the admin menu
    for those who may assign."""

    icon = ASSIGNMENTS_ICON
    menu_label = ASSIGNMENTS_TITLE
    menu_name = "assignments"
    menu_order = 230
    add_to_admin_menu = True
    menu_item_class = AssignmentMenuItem
    url_prefix = "assignments"
    log_formatters = {ASSIGN_LOG_ACTION: AssignmentLogFormatter}

    def get_urlpatterns(self):
        return [
            path("", AssignmentIndexView.as_view(), name="courses_assignments"),
            path(
                "results/",
                AssignmentIndexView.as_view(results_only=True),
                name="courses_assignments_results",
            ),
            path("add/", AssignmentCreateView.as_view(), name="courses_assignments_add"),
        ]
