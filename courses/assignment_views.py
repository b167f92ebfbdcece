"""Admin views for Giao khóa học: the assignments in the HR officer's scope and the form to
give a course. The write goes through ``courses.assignments.course_assign``."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from home.admin_access import admin_forbidden
from learners.models import Agency
from learners.scope import scoped_agencies, scoped_people

from .assignments import NO_TARGET, assignment_list, course_assign
from .models import Assignment, CoursePage

ASSIGNMENTS_TITLE = _("Giao khóa học")
ASSIGNMENTS_ICON = "calendar-check"
NO_PERMISSION = _(
    "Bạn không có quyền giao khóa học. Việc này dành cho Cán bộ tổ chức; "
    "hãy liên hệ quản trị viên nếu bạn cần quyền này."
)
ASSIGNED = _("Đã giao khóa học cho %(count)s người, hạn hoàn thành %(date)s.")
NOT_ASSIGNED = _("Chưa giao được khóa học. Hãy sửa các lỗi bên dưới.")
CODES_NOT_FOUND = _(
    "Không tìm thấy các mã sau trong phạm vi bạn quản lý: %(codes)s. "
    "Hãy kiểm tra lại mã số công chức, viên chức."
)
DATE_INVALID = _("Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2017.")
REQUIRED = _("Hãy điền mục này.")
LOG_MESSAGE = _("Đã giao “%(course)s” cho %(people)s người, hạn hoàn thành %(due_date)s.")


def can_assign(user) -> bool:
    return user.has_perm("courses.add_assignment")


def can_view_assignments(user) -> bool:
    return can_assign(user) or user.has_perm("courses.view_assignment")


class AgencyChoiceField(forms.ModelChoiceField):
    """Agencies in tree order, each indented under the unit it belongs to."""

    top_depth = 1

    def label_from_instance(self, obj):
        return "\xa0" * 4 * (obj.depth - self.top_depth) + obj.name


class AssignmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Khóa học"),
        queryset=CoursePage.objects.none(),
        empty_label=_("Chọn khóa học"),
        error_messages={"required": REQUIRED},
    )
    agency = AgencyChoiceField(
        label=_("Cơ quan, đơn vị"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("(Không giao theo đơn vị)"),
        help_text=_("Giao cho mọi người của đơn vị này và của các đơn vị trực thuộc."),
    )
    people = forms.CharField(
        label=_("Người được giao (theo mã số công chức, viên chức)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "Mỗi dòng một mã, hoặc cách nhau bởi dấu phẩy; có thể dán cả cột mã từ tệp Excel. "
            "Có thể dùng cùng với đơn vị ở trên."
        ),
    )
    due_date = forms.DateField(
        label=_("Hạn hoàn thành"),
        input_formats=["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
        ),
        help_text=_("Theo dạng dd/mm/yyyy, ví dụ 31/12/2017."),
        error_messages={"required": REQUIRED, "invalid": DATE_INVALID},
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        max_length=255,
        required=False,
        error_messages={"max_length": _("Ghi chú dài tối đa %(limit_value)d ký tự.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        agency = self.fields["agency"]
        agency.queryset = scoped_agencies(user).order_by("path")
        if not user.is_superuser and user.agency_id:
            agency.top_depth = user.agency.depth

    def clean_people(self):
        """The active people in the user's scope with the codes typed, or an error naming the
        codes that match nobody there."""
        codes = {code for code in re.split(r"[\s,;]+", self.cleaned_data["people"]) if code}
        if not codes:
            return []
        wanted = {code.upper(): code for code in codes}
        people = list(
            scoped_people(self.user)
            .filter(is_active=True, employee_code__in={*codes, *wanted})
            .only("pk", "employee_code")
        )
        found = {person.employee_code.upper() for person in people}
        missing = sorted(code for key, code in wanted.items() if key not in found)
        if missing:
            raise ValidationError(CODES_NOT_FOUND % {"codes": ", ".join(missing)})
        return people

    def clean(self):
        data = super().clean()
        if not data.get("agency") and not data.get("people") and "people" not in self.errors:
            raise ValidationError(NO_TARGET)
        return data


class AccessMixin:
    """A real 403 with the reason, rather than Wagtail's redirect to the dashboard."""

    def has_access(self, user) -> bool:
        return can_assign(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_access(request.user):
            return admin_forbidden(request, NO_PERMISSION)
        return super().dispatch(request, *args, **kwargs)


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _assigned_to(assignment) -> str:
    parts = []
    if assignment.agency:
        parts.append(_("%(name)s (cả đơn vị trực thuộc)") % {"name": assignment.agency.name})
    if assignment.people_chosen:
        parts.append(_("%(count)s người được chọn") % {"count": assignment.people_chosen})
    return "; ".join(str(part) for part in parts)


class AssignmentIndexView(AccessMixin, IndexView):
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

    def has_access(self, user) -> bool:
        return can_view_assignments(user)

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
            Column("due_date", label=_("Hạn hoàn thành"), accessor=lambda a: _date(a.due_date)),
            Column(
                "assigned_by",
                label=_("Người giao"),
                accessor=lambda a: a.assigned_by.get_full_name() if a.assigned_by else "",
            ),
            Column(
                "created_at",
                label=_("Ngày giao"),
                accessor=lambda a: _date(timezone.localtime(a.created_at)),
            ),
            NumberColumn("enrolled_count", label=_("Đã ghi danh")),
            NumberColumn("completed_count", label=_("Đã hoàn thành")),
            NumberColumn("overdue_count", label=_("Quá hạn")),
        ]


class AssignmentCreateView(AccessMixin, WagtailAdminTemplateMixin, FormView):
    """Choose a course, an agency and/or people, and a due date; everyone is enrolled."""

    template_name = "courses/admin/assignments/create.html"
    form_class = AssignmentForm
    page_title = ASSIGNMENTS_TITLE
    header_icon = ASSIGNMENTS_ICON

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
                "date": _date(assignment.due_date),
            },
        )
        return redirect("courses_assignments")

    def form_invalid(self, form):
        messages.error(self.request, NOT_ASSIGNED)
        return super().form_invalid(form)


class AssignmentMenuItem(MenuItem):
    def is_shown(self, request):
        return can_assign(request.user)


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
                "due_date": _date(due_date),
            }
        except (KeyError, TypeError, ValueError):
            return _("Đã giao khóa học.")
