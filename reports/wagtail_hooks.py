"""The HR reports in the admin's Reports menu (Báo cáo), shown only to people who may see
records (HR officers and administrators)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learners.scope import can_view_records

from .views import (
    COMPLETION_TITLE,
    SUMMARY_TITLE,
    AgencySummaryView,
    CompletionReportView,
    PersonTranscriptView,
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/ket-qua-hoc-tap/",
            CompletionReportView.as_view(),
            name="reports_completion",
        ),
        path(
            "reports/ket-qua-hoc-tap/results/",
            CompletionReportView.as_view(results_only=True),
            name="reports_completion_results",
        ),
        path(
            "reports/ket-qua-hoc-tap/nguoi/<int:user_id>/",
            PersonTranscriptView.as_view(),
            name="reports_person",
        ),
        path(
            "reports/tong-hop-co-quan/",
            AgencySummaryView.as_view(),
            name="reports_agencies",
        ),
        path(
            "reports/tong-hop-co-quan/results/",
            AgencySummaryView.as_view(results_only=True),
            name="reports_agencies_results",
        ),
    ]


class RecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_records(request.user)


@hooks.register("register_reports_menu_item")
def register_completion_menu_item():
    return RecordsMenuItem(
        COMPLETION_TITLE,
        reverse("reports_completion"),
        name="hr-completion",
        icon_name="user",
        order=100,
    )


@hooks.register("register_reports_menu_item")
def register_agency_summary_menu_item():
    return RecordsMenuItem(
        SUMMARY_TITLE,
        reverse("reports_agencies"),
        name="hr-agencies",
        icon_name="group",
        order=110,
    )
