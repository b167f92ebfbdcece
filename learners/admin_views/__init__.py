"""The learners app in the Wagtail admin, one module per feature, each a ViewSet registered in
``learners.wagtail_hooks``: the agency tree (``agencies``), the user admin (``users``) and the
staff import (``staff_import``) and HR's account activation (``activation``)."""

from .activation import ActivationViewSet
from .agencies import MOVE_LOG_ACTION, AgencyViewSet, register_agency_log_actions
from .staff_import import StaffImportViewSet, register_staff_import_log_actions
from .users import UserViewSet

__all__ = [
    "ActivationViewSet",
    "MOVE_LOG_ACTION",
    "AgencyViewSet",
    "StaffImportViewSet",
    "UserViewSet",
    "register_agency_log_actions",
    "register_staff_import_log_actions",
]
