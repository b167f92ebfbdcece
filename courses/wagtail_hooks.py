from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .assignment_views import (
    ASSIGNMENTS_ICON,
    ASSIGNMENTS_TITLE,
    AssignmentCreateView,
    AssignmentIndexView,
    AssignmentLogFormatter,
    AssignmentMenuItem,
)
from .assignments import ASSIGN_LOG_ACTION
from .models import Trainer


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Giảng viên")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(TrainerViewSet)


# Giao khóa học ---------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_assignment_urls():
    return [
        path("assignments/", AssignmentIndexView.as_view(), name="courses_assignments"),
        path(
            "assignments/results/",
            AssignmentIndexView.as_view(results_only=True),
            name="courses_assignments_results",
        ),
        path("assignments/add/", AssignmentCreateView.as_view(), name="courses_assignments_add"),
    ]


@hooks.register("register_admin_menu_item")
def register_assignment_menu_item():
    return AssignmentMenuItem(
        ASSIGNMENTS_TITLE,
        reverse("courses_assignments"),
        name="assignments",
        icon_name=ASSIGNMENTS_ICON,
        order=230,
    )


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    actions.register_action(ASSIGN_LOG_ACTION)(AssignmentLogFormatter)


# Giấy chứng nhận -------------------------------------------------------------------------------

from .certificate_views import (  # noqa: E402 - appended section, kept apart from the above
    CertificateViewSet,
    register_certificate_log_actions,
)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")


hooks.register("register_log_actions", register_certificate_log_actions)
