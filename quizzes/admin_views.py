"""Admin views for trainers: how a quiz's attempts went, per quiz and across quizzes.

Statistics never name anyone: they count attempts and people, they do not list them.
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from courses.models import CoursePage
from home.admin_access import AdminAccessMixin
from home.admin_reports import AdminViewSet, ExportButtonsMixin, PercentColumn, ReportViewSet
from home.formatting import format_decimal
from learners.roles import can_view_quiz_statistics

from .models import QuizPage
from .selectors import LOW_CORRECT_RATE, quiz_statistics, quizzes_with_statistics

STATISTICS_TITLE = _("Thống kê bài kiểm tra")
NO_PERMISSION = _(
    "Bạn không có quyền xem thống kê của bài kiểm tra này. "
    "Hãy liên hệ Trưởng nhóm giảng viên nếu bạn cần quyền sửa bài kiểm tra."
)

quiz_permission_policy = PagePermissionPolicy(QuizPage)


class QuizStatisticsView(AdminAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One quiz: totals, then each question asked with how its choices were picked."""

    template_name = "quizzes/admin/quiz_statistics.html"
    header_icon = "table"
    page_title = STATISTICS_TITLE
    no_access_message = NO_PERMISSION

    def has_access(self, request):
        self.quiz = get_object_or_404(QuizPage, pk=self.kwargs["page_id"])
        return can_view_quiz_statistics(request.user, self.quiz)

    def get_page_subtitle(self):
        return self.quiz.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("quizzes_statistics_report"), "label": STATISTICS_TITLE},
            {"url": "", "label": self.quiz.title},
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Sửa bài kiểm tra"),
                url=reverse("wagtailadmin_pages:edit", args=[self.quiz.pk]),
                icon_name="edit",
            )
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            quiz=self.quiz,
            statistics=quiz_statistics(quiz=self.quiz),
            low_correct_rate=LOW_CORRECT_RATE,
            **kwargs,
        )


class QuizStatisticsFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Khóa học"),
        queryset=CoursePage.objects.order_by("title"),
        method="filter_course",
        empty_label=_("Tất cả khóa học"),
    )

    class Meta:
        model = QuizPage
        fields = ["course"]

    def filter_course(self, queryset, name, value):
        return queryset.descendant_of(value) if value else queryset


class QuizStatisticsReportView(ExportButtonsMixin, ReportView):
    """Every quiz the person may edit, with attempts, people, pass rate and average score."""

    page_title = STATISTICS_TITLE
    header_icon = "table"
    filterset_class = QuizStatisticsFilterSet
    model = QuizPage
    any_permission_required = ["change"]
    default_ordering = "title"
    export_filename = "thong-ke-bai-kiem-tra"
    no_results_message = _(
        "Chưa có bài kiểm tra nào. Thêm một bài kiểm tra vào một chuyên đề trong mục Trang."
    )
    list_export = [
        "title",
        "module_title",
        "attempt_count",
        "people_count",
        "passed_count",
        "pass_rate",
        "average_score",
    ]
    export_headings = {
        "title": _("Bài kiểm tra"),
        "module_title": _("Chuyên đề"),
        "attempt_count": _("Lượt làm bài đã nộp"),
        "people_count": _("Số người làm bài"),
        "passed_count": _("Lượt đạt"),
        "pass_rate": _("Tỉ lệ đạt (%)"),
        "average_score": _("Điểm trung bình (%)"),
    }
    custom_field_preprocess = {
        # Numbers stay numbers in Excel; the CSV writes them the Vietnamese way (87,5).
        field: {
            ReportView.FORMAT_XLSX: lambda value: None if value is None else round(float(value), 1),
            ReportView.FORMAT_CSV: format_decimal,
        }
        for field in ("pass_rate", "average_score")
    }

    @cached_property
    def permission_policy(self):
        return quiz_permission_policy

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Bài kiểm tra"),
                get_url=lambda quiz: reverse("quizzes_statistics", args=[quiz.pk]),
                sort_key="title",
            ),
            Column("module_title", label=_("Chuyên đề")),
            NumberColumn("attempt_count", label=_("Lượt làm bài"), sort_key="attempt_count"),
            NumberColumn("people_count", label=_("Số người"), sort_key="people_count"),
            PercentColumn("pass_rate", label=_("Tỉ lệ đạt"), sort_key="pass_rate"),
            PercentColumn("average_score", label=_("Điểm trung bình"), sort_key="average_score"),
        ]

    def get_base_queryset(self):
        editable = quiz_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return quizzes_with_statistics(editable)

    def decorate_paginated_queryset(self, quizzes):
        """Each quiz's module title, with one query for the whole page of results."""
        quizzes = list(quizzes)
        parent_paths = {quiz.path[: -Page.steplen] for quiz in quizzes}
        titles = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
        for quiz in quizzes:
            quiz.module_title = titles.get(quiz.path[: -Page.steplen], "")
        return quizzes


class QuizStatisticsViewSet(AdminViewSet):
    """One quiz's statistics, at ``/admin/quizzes/<page id>/statistics/``; opened from the
    quiz's page actions (``wagtail_hooks``), so no menu item."""

    url_prefix = "quizzes"

    def get_urlpatterns(self):
        return [
            path(
                "<int:page_id>/statistics/",
                QuizStatisticsView.as_view(),
                name="quizzes_statistics",
            )
        ]


class QuizStatisticsReportViewSet(ReportViewSet):
    """Every quiz the person may edit, in the Reports menu."""

    report_view_class = QuizStatisticsReportView
    url_name = "quizzes_statistics_report"
    url_prefix = "reports/quiz-statistics"
    menu_label = STATISTICS_TITLE
    icon = "table"
    menu_name = "quiz-statistics"
    menu_order = 300

    def user_can_view(self, user):
        return quiz_permission_policy.user_has_permission(user, "change")
