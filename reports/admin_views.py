"""HR reports in the Wagtail admin (menu Báo cáo), for HR officers and administrators, and the
ViewSets that carry their URLs and menu items (registered in ``wagtail_hooks``).

Every queryset starts from ``learners.scope``: an HR officer sees the people of their agency's
subtree and nothing else, in the tables, the totals, the filter choices, the exports and the
transcript pages. Someone without ``learners.view_records`` gets a 403 page.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.test import RequestFactory
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from courses.structure import course_structure
from home.admin_access import AdminAccessMixin
from home.admin_reports import ExportButtonsMixin, PercentColumn, ReportViewSet
from home.formatting import format_date, format_datetime
from home.tasks import enqueue_in_transaction
from learners.roles import can_view_records
from learners.scope import scoped_agencies, scoped_people

from . import selectors, tasks
from .exports import AgencySummaryExport, CompletionExport, TranscriptExport
from .filters import AgencySummaryFilterSet, CompletionFilterSet
from .models import ExportJob

COMPLETION_TITLE = _("Kết quả học tập theo người")
SUMMARY_TITLE = _("Tổng hợp theo cơ quan, đơn vị")
TRANSCRIPT_TITLE = _("Kết quả học tập của một người")
EXPORT_TITLE = _("Tệp xuất báo cáo")
# An export with more rows than this is made by a worker (about 4 s of XLSX per 10,000 rows).
DEFAULT_BACKGROUND_ROWS = 2000
NO_PERMISSION = _(
    "Bạn không có quyền xem kết quả học tập của cán bộ, công chức. Các báo cáo này dành cho "
    "cán bộ tổ chức; hãy liên hệ quản trị hệ thống nếu bạn cần quyền này."
)


class RecordsAccessMixin(AdminAccessMixin, ExportButtonsMixin):
    """A real 403 (not Wagtail's redirect to the dashboard) for anyone who may not see records:
    the link may have been shared, and the person should read why it does not open."""

    no_access_message = NO_PERMISSION

    def has_access(self, request):
        return can_view_records(request.user)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.today = timezone.localdate()

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # Straight to the file: the listing's context would load every row into memory.
            return self.as_spreadsheet(self.get_filtered_queryset(), request.GET["export"])
        return super().get(request, *args, **kwargs)


class StatusColumn(Column):
    """The learning state as a status tag, and "Quá hạn" beside it when the due date passed."""

    cell_template_name = "reports/cells/status.html"


class DateColumn(Column):
    """A date, or the local day of a date-time, in the short date format."""

    def get_value(self, instance):
        return format_date(super().get_value(instance))


class UnitsColumn(Column):
    """A link to the same summary one level down, for units that have sub-units."""

    cell_template_name = "reports/cells/units.html"


class CompletionReportView(RecordsAccessMixin, CompletionExport, ReportView):
    """(a) One row per person in scope (per enrolment when no course is chosen), with their
    progress, dates, best quiz score and certificate; totals above the table."""

    page_title = COMPLETION_TITLE
    header_icon = "user"
    template_name = "reports/report.html"
    results_template_name = "reports/completion_results.html"
    filterset_class = CompletionFilterSet
    default_ordering = "name"
    paginate_by = 50
    table_classname = "listing hr-table"

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("Không có ai khớp với bộ lọc. Hãy bỏ bớt điều kiện lọc.")
        return _(
            "Chưa có ai ghi danh khóa học nào. Chọn một khóa học để xem cả những người chưa "
            "bắt đầu, hoặc giao khóa học cho cơ quan, đơn vị."
        )

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "today": self.today}

    @cached_property
    def course(self):
        return self.filters.chosen_course if self.filters else None

    @cached_property
    def structure(self):
        return course_structure(course=self.course)

    def get_valid_orderings(self):
        return [key for name in selectors.COMPLETION_ORDERINGS for key in (name, f"-{name}")]

    # A background export's job: its scope, captured when the officer asked, replaces theirs.
    export_job = None

    def get_people(self):
        if self.export_job is not None:
            return self.export_job.people()
        return scoped_people(self.request.user)

    def get_base_queryset(self):
        return selectors.completion_rows(
            people=self.get_people(), structure=self.structure, course=self.course
        )

    def get(self, request, *args, **kwargs):
        if self.is_export:
            rows = self.get_filtered_queryset().count()
            limit = getattr(settings, "EXPORT_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS)
            if rows > limit:
                job = self.export_job_queue(request.GET["export"], rows)
                return redirect("reports_export", job.pk)
        return super().get(request, *args, **kwargs)

    def export_job_queue(self, file_format, rows) -> ExportJob:
        """The job of a large export and its task, in one transaction: the filters of the link,
        the officer's scope and the report's day, as they are now."""
        user = self.request.user
        params = {key: values for key, values in self.request.GET.lists() if key != "export"}
        with transaction.atomic():
            job = ExportJob.objects.create(
                requested_by=user,
                report="completion",
                file_format=file_format,
                params=params,
                scope_all=user.is_superuser,
                scope_path="" if user.is_superuser else user.agency.path,
                today=self.today,
                rows=rows,
                file_name=f"{self.get_filename()}.{file_format}",
            )
            enqueue_in_transaction(tasks.export_job_make, job.pk)
        return job

    @classmethod
    def export_job_write(cls, job, output):
        """Write the job's file to ``output``: the report with the job's filters, scope and day
        (the worker's part)."""
        request = RequestFactory().get(reverse("reports_completion"), job.params)
        request.user = job.requested_by
        view = cls()
        view.setup(request)
        view.today = job.today
        view.export_job = job
        queryset = view.get_filtered_queryset()
        if job.file_format == view.FORMAT_CSV:
            view.write_csv_file(queryset, output)
        else:
            view.write_xlsx_file(queryset, output)

    def order_queryset(self, queryset):
        return selectors.order_rows(queryset, self.ordering or "name")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = selectors.fetch_page(queryset, rows, course=self.course)
        return paginator, page, page.object_list, is_paginated

    def decorate_paginated_queryset(self, rows):
        return [self.prepare_export_item(row) for row in rows]

    @cached_property
    def columns(self):
        columns = [
            TitleColumn(
                "name",
                label=_("Họ và tên"),
                get_url=lambda row: reverse("reports_person", args=[row.pk]),
                sort_key="name",
            ),
            Column("employee_code", label=_("Mã số CC, VC"), sort_key="employee_code"),
            Column("agency", label=_("Cơ quan, đơn vị"), accessor="agency.name", sort_key="agency"),
            Column("position", label=_("Chức vụ")),
        ]
        if self.course is None:
            columns.append(Column("course_title", label=_("Khóa học")))
        return [
            *columns,
            DateColumn("enrolled_at", label=_("Ngày ghi danh"), sort_key="enrolled_at"),
            PercentColumn(
                "progress", label=_("Tiến độ"), accessor="progress_percent", sort_key="progress"
            ),
            StatusColumn("status", label=_("Trạng thái")),
            DateColumn("completed_at", label=_("Ngày hoàn thành"), sort_key="completed_at"),
            PercentColumn("best_score", label=_("Điểm cao nhất"), sort_key="best_score"),
            NumberColumn("attempt_count", label=_("Lượt làm bài")),
            Column("certificate_number", label=_("Số GCN")),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        context["totals"] = selectors.completion_totals(
            self.object_list, course=self.course, today=self.today
        )
        return context


class AgencySummaryView(RecordsAccessMixin, AgencySummaryExport, ReportView):
    """(b) Per unit below the officer's agency (or a chosen parent), its whole subtree counted:
    people, enrolled, completed, rate, overdue, average best score; and a bar chart of rates."""

    page_title = SUMMARY_TITLE
    header_icon = "group"
    template_name = "reports/report.html"
    results_template_name = "reports/agency_summary_results.html"
    filterset_class = AgencySummaryFilterSet
    paginate_by = None
    table_classname = "listing hr-table"
    no_results_message = _("Đơn vị này chưa có đơn vị trực thuộc nào.")

    @cached_property
    def course(self):
        return self.filters.chosen_course if self.filters else None

    @cached_property
    def summary(self):
        user = self.request.user
        parent = (self.filters and self.filters.chosen_parent) or (
            selectors.default_summary_parent(user=user, agencies=scoped_agencies(user))
        )
        return selectors.agency_summary(
            people=scoped_people(user),
            parent=parent,
            structure=course_structure(course=self.course),
            course=self.course,
            today=self.today,
        )

    def get_filtered_queryset(self):
        return self.summary.rows

    def completion_url(self, row):
        params = {"agency": row.agency.pk}
        if self.course is not None:
            params["course"] = self.course.pk
        return f"{reverse('reports_completion')}?{urlencode(params)}"

    def units_url(self, row):
        if not row.has_children:
            return None
        params = {"parent": row.agency.pk}
        if self.course is not None:
            params["course"] = self.course.pk
        return f"{reverse('reports_agencies')}?{urlencode(params)}"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Cơ quan, đơn vị"),
                accessor=lambda row: (
                    _("%(name)s (trực tiếp)") % {"name": row.name} if row.direct else row.name
                ),
                get_url=self.completion_url,
            ),
            NumberColumn("people", label=_("Số người")),
            NumberColumn("enrolled", label=_("Đã ghi danh")),
            NumberColumn("completed", label=_("Đã hoàn thành")),
            PercentColumn("rate", label=_("Tỉ lệ hoàn thành")),
            NumberColumn("overdue", label=_("Quá hạn")),
            PercentColumn("average_score", label=_("Điểm TB cao nhất")),
            UnitsColumn("units", label=_("Đơn vị trực thuộc"), accessor=self.units_url),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(summary=self.summary, course=self.course)
        return context


class PersonTranscriptView(RecordsAccessMixin, TranscriptExport, ReportView):
    """(c) One person's transcript: every enrolled course with its modules, lessons, quizzes
    and certificate. A person outside the officer's scope is a 404, as if they did not exist."""

    page_title = TRANSCRIPT_TITLE
    header_icon = "user"
    template_name = "reports/report.html"
    results_template_name = "reports/transcript_results.html"
    paginate_by = None
    no_results_message = _("Người này chưa ghi danh khóa học nào.")

    @cached_property
    def person(self):
        people = scoped_people(self.request.user).select_related("agency")
        return get_object_or_404(people, pk=self.kwargs["user_id"])

    @cached_property
    def courses(self):
        return selectors.transcript(person=self.person, today=self.today)

    def get_filtered_queryset(self):
        return [item for course in self.courses for item in course.items]

    def get_index_url(self):
        return reverse("reports_person", args=[self.person.pk])

    def get_index_results_url(self):
        return self.get_index_url()

    def get_page_subtitle(self):
        return self.person.get_full_name()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reports_completion"), "label": COMPLETION_TITLE},
            {"url": "", "label": self.person.get_full_name()},
        ]

    def get_filename(self):
        code = slugify(self.person.employee_code) or str(self.person.pk)
        return f"{self.export_filename}-{code}-{self.today:%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, courses=self.courses)
        return context


class ExportJobAccessMixin(AdminAccessMixin):
    """An export job, for the officer who asked for it (anyone else: a 404, as if it did not
    exist), while they may still see records."""

    no_access_message = NO_PERMISSION

    def has_access(self, request):
        if not can_view_records(request.user):
            return False
        self.job = get_object_or_404(
            ExportJob, pk=self.kwargs["export_id"], requested_by=request.user
        )
        return True


class ExportJobView(ExportJobAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """ "Đang chuẩn bị tệp…" (reloading itself every few seconds), then the download link."""

    template_name = "reports/export_job.html"
    page_title = EXPORT_TITLE
    header_icon = "download"

    def get_context_data(self, **kwargs):
        keep = getattr(settings, "EXPORT_KEEP_HOURS", tasks.DEFAULT_KEEP_HOURS)
        return super().get_context_data(
            job=self.job,
            kept_until=format_datetime(self.job.created_at + timedelta(hours=keep)),
            download_url=reverse("reports_export_download", args=[self.job.pk]),
            refresh_seconds=None if self.job.finished else 3,
            **kwargs,
        )


class ExportDownloadView(ExportJobAccessMixin, TemplateView):
    """The file, to the officer who asked for it (streamed from private storage)."""

    def get(self, request, *args, **kwargs):
        if self.job.status != ExportJob.Status.READY or not self.job.file:
            return redirect("reports_export", self.job.pk)
        return FileResponse(
            self.job.file.open("rb"), as_attachment=True, filename=self.job.file_name
        )


class RecordsReportViewSet(ReportViewSet):
    """A report on people's records: in the Reports menu of those who may see records."""

    def user_can_view(self, user) -> bool:
        return can_view_records(user)


class CompletionReportViewSet(RecordsReportViewSet):
    """Report (a) at /admin/reports/ket-qua-hoc-tap/, with one person's transcript (c) below."""

    report_view_class = CompletionReportView
    url_name = "reports_completion"
    url_prefix = "reports/ket-qua-hoc-tap"
    menu_label = COMPLETION_TITLE
    icon = "user"
    menu_name = "hr-completion"
    menu_order = 100

    def get_extra_urlpatterns(self):
        return [
            path("nguoi/<int:user_id>/", PersonTranscriptView.as_view(), name="reports_person"),
            path("tep/<int:export_id>/", ExportJobView.as_view(), name="reports_export"),
            path(
                "tep/<int:export_id>/tai-ve/",
                ExportDownloadView.as_view(),
                name="reports_export_download",
            ),
        ]


class AgencySummaryViewSet(RecordsReportViewSet):
    """Report (b) at /admin/reports/tong-hop-co-quan/."""

    report_view_class = AgencySummaryView
    url_name = "reports_agencies"
    url_prefix = "reports/tong-hop-co-quan"
    menu_label = SUMMARY_TITLE
    icon = "group"
    menu_name = "hr-agencies"
    menu_order = 110
