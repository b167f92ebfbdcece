from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import slide_import_views
from .assignment_views import (
    ASSIGNMENTS_ICON,
    ASSIGNMENTS_TITLE,
    AssignmentCreateView,
    AssignmentIndexView,
    AssignmentLogFormatter,
    AssignmentMenuItem,
)
from .assignments import ASSIGN_LOG_ACTION
from .models import LessonPage, Trainer
from .records import (
    PAGE_HOLDS_RECORDS,
    PERSON_HOLDS_RECORDS,
    page_holds_records,
    person_holds_records,
)
from .slide_import import IMPORT_LOG_ACTION as IMPORT_SLIDES_LOG_ACTION


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


# Training records are kept ----------------------------------------------------------------------


@hooks.register("before_delete_page")
def keep_pages_with_records(request, page):
    """Nobody deletes a page under which trainees have records (see courses/records.py)."""
    if page_holds_records(page):
        messages.error(request, PAGE_HOLDS_RECORDS % {"title": page.get_admin_display_title()})
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_records_in_bulk_deletes(request, action_type, objects, action):
    """The same rule for the admin's bulk "Delete" of pages and of users."""
    if action_type != "delete":
        return None
    User = get_user_model()
    refusals = [
        PAGE_HOLDS_RECORDS % {"title": obj.get_admin_display_title()}
        for obj in objects
        if isinstance(obj, Page) and page_holds_records(obj)
    ] + [
        PERSON_HOLDS_RECORDS % {"name": obj.get_full_name() or obj.get_username()}
        for obj in objects
        if isinstance(obj, User) and person_holds_records(obj)
    ]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    next_url = getattr(action, "next_url", None)
    return redirect(next_url if next_url and next_url != request.path else "wagtailadmin_home")


@hooks.register("before_delete_user")
def keep_people_with_records(request, person):
    """A person with training records is deactivated, not deleted (see courses/records.py)."""
    if person_holds_records(person):
        name = person.get_full_name() or person.get_username()
        messages.error(request, PERSON_HOLDS_RECORDS % {"name": name})
        return redirect("wagtailusers_users:edit", person.pk)
    return None


# Nhập bài trình chiếu từ PDF -------------------------------------------------------------------


class SlideImportMenuItem(PageMenuItem):
    label = slide_import_views.PAGE_TITLE
    icon_name = "media"
    url_name = "courses_slide_import"

    def is_shown(self, user):
        return (
            self.page.specific_class is LessonPage
            and self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_admin_urls")
def register_slide_import_urls():
    return [
        path(
            "lessons/<int:lesson_id>/import-slides/",
            slide_import_views.SlideImportView.as_view(),
            name="courses_slide_import",
        )
    ]


@hooks.register("register_page_header_buttons")
def slide_import_header_button(page, user, view_name, next_url=None):
    yield SlideImportMenuItem(page=page, priority=25)


@hooks.register("register_page_listing_more_buttons")
def slide_import_listing_button(page, user, next_url=None):
    yield SlideImportMenuItem(page=page, priority=25)


@hooks.register("register_log_actions")
def register_slide_import_log_action(actions):
    actions.register_action(IMPORT_SLIDES_LOG_ACTION)(slide_import_views.SlideImportLogFormatter)
