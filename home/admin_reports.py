"""Reports in the admin's Reports menu (Báo cáo), wired one way.

A :class:`ReportViewSet` carries a report's URLs (the listing, its results for the filters, and
any screens below it) and its menu item, shown only to those who may open the report; register
it with Wagtail's ``register_admin_viewset`` hook. :class:`PercentColumn` writes a per-cent
figure in a report's table as the site writes it everywhere (``home.formatting``), and
:class:`ExportButtonsMixin` names a report's exports in the site's words.
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button

from .formatting import format_percent


class PercentColumn(Column):
    """``87,5%``; empty where there is no figure. ``accessor`` as for any column."""

    def get_value(self, instance):
        return format_percent(super().get_value(instance))


class ExportButtonsMixin:
    """For a ``ReportView``: "Xuất tệp Excel" and "Xuất tệp CSV" in the header's "…" menu,
    rather than Wagtail's "Download XLSX/CSV"."""

    @cached_property
    def header_more_buttons(self):
        return [
            Button(
                _("Xuất tệp Excel"), url=self.xlsx_export_url, icon_name="download", priority=90
            ),
            Button(_("Xuất tệp CSV"), url=self.csv_export_url, icon_name="download", priority=100),
        ]


class ReportMenuItem(MenuItem):
    """A Reports menu item shown to those ``shown_to(user)`` lets in."""

    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


class AdminViewSet(ViewSet):
    """A ViewSet whose URLs keep plain names (``reverse("reports_completion")``, not a
    namespace): links, bookmarks and tests already use them. Set ``url_prefix``."""

    url_namespace = None

    def get_url_name(self, view_name):
        return view_name


class ReportViewSet(AdminViewSet):
    """A ``ReportView`` in the Reports menu, under ``/admin/<url_prefix>/``.

    Subclasses set ``report_view_class``, ``url_name`` (the listing's; its results are
    ``<url_name>_results``), ``url_prefix``, the menu's ``menu_label``, ``icon``, ``menu_name``
    and ``menu_order``, answer ``user_can_view(user)`` for the menu item, and may add screens
    below the report with ``get_extra_urlpatterns()``. Whether a view opens stays the view's
    own check (``AdminAccessMixin`` or a permission policy).
    """

    report_view_class = None
    url_name = ""
    menu_hook = "register_reports_menu_item"

    def user_can_view(self, user) -> bool:
        raise NotImplementedError

    def get_report_view_kwargs(self, **kwargs):
        return {
            "index_url_name": self.url_name,
            "index_results_url_name": f"{self.url_name}_results",
            **kwargs,
        }

    def get_extra_urlpatterns(self):
        return []

    def get_urlpatterns(self):
        view_class = self.report_view_class
        listing = view_class.as_view(**self.get_report_view_kwargs())
        results = view_class.as_view(**self.get_report_view_kwargs(results_only=True))
        return [
            path("", listing, name=self.url_name),
            path("results/", results, name=f"{self.url_name}_results"),
            *self.get_extra_urlpatterns(),
        ]

    @cached_property
    def menu_url(self):
        return reverse(self.url_name)

    def get_menu_item(self, order=None):
        return ReportMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            shown_to=self.user_can_view,
        )
