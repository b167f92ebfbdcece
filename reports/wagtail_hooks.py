"""The HR reports in the admin's Reports menu (Báo cáo), shown only to people who may see
records (HR officers and administrators). Wagtail's site history, limited to the HR scope, is
routed from the root ``urls.py`` (see ``reports/history.py``)."""

from wagtail import hooks

from .admin_views import AgencySummaryViewSet, CompletionReportViewSet


@hooks.register("register_admin_viewset")
def register_report_viewsets():
    return [CompletionReportViewSet(), AgencySummaryViewSet()]
