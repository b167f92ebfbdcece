from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from . import audit, import_views
from .admin_views import MOVE_LOG_ACTION
from .importing import IMPORT_LOG_ACTION
from .viewsets import AgencyViewSet


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    return AgencyViewSet("agencies")


@hooks.register("register_log_actions")
def register_agency_log_actions(actions):
    @actions.register_action(MOVE_LOG_ACTION)
    class AgencyMoveFormatter(LogFormatter):
        label = _("Chuyển sang đơn vị khác")

        def format_message(self, log_entry):
            try:
                return _("Đã chuyển từ “%(old)s” sang “%(new)s”.") % log_entry.data
            except (KeyError, TypeError):
                return _("Đã chuyển sang đơn vị khác.")


# Staff import (learners/import_views.py)


@hooks.register("register_admin_urls")
def register_staff_import_urls():
    return import_views.urlpatterns


@hooks.register("register_admin_menu_item")
def register_staff_import_menu_item():
    return import_views.StaffImportMenuItem(
        import_views.PAGE_TITLE,
        reverse("learners_import"),
        name="staff-import",
        icon_name="upload",
        order=810,
    )


@hooks.register("register_log_actions")
def register_staff_import_log_actions(actions):
    actions.register_action(IMPORT_LOG_ACTION)(import_views.StaffImportLogFormatter)


hooks.register("register_log_actions", audit.register_log_actions)
