from wagtail import hooks

from . import audit
from .admin_views import (
    ActivationViewSet,
    AgencyViewSet,
    StaffImportViewSet,
    register_agency_log_actions,
    register_staff_import_log_actions,
)


@hooks.register("register_admin_viewset")
def register_agency_viewset():
    return AgencyViewSet("agencies")


@hooks.register("register_admin_viewset")
def register_staff_import_viewset():
    return StaffImportViewSet("staff-import")


@hooks.register("register_admin_viewset")
def register_activation_viewset():
    return ActivationViewSet("activation")


hooks.register("register_log_actions", register_agency_log_actions)
hooks.register("register_log_actions", register_staff_import_log_actions)
hooks.register("register_log_actions", audit.register_log_actions)
