"""The courses app in Wagtail's admin: the lecturer snippets, one ViewSet per admin feature
(``courses.admin_views``: its URLs, menu item and log formatters), the slide import's place in a
lesson's menus, and the refusals that keep training records."""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views.assignments import AssignmentViewSet
from .admin_views.certificates import CertificateViewSet
from .admin_views.slides import SlideImportMenuItem, SlideImportViewSet
from .models import Trainer
from .records import (
    PAGE_HOLDS_RECORDS,
    PERSON_HOLDS_RECORDS,
    page_holds_records,
    person_holds_records,
)


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Giảng viên")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(TrainerViewSet)


# The admin features: Giao khóa học, Giấy chứng nhận, Nhập bài trình chiếu từ PDF -----------------

VIEWSETS = (
    AssignmentViewSet("assignments"),
    CertificateViewSet("certificates"),
    SlideImportViewSet("slide_import"),
)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return list(VIEWSETS)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for viewset in VIEWSETS:
        viewset.register_log_actions(actions)


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def slide_import_button(page, user, **kwargs):
    """In a lesson's header "…" actions and in its row's "…" menu in the page explorer."""
    yield SlideImportMenuItem(page=page, priority=25)


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
