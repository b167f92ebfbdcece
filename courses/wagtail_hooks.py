from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import LessonPage, Trainer


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Giảng viên")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(TrainerViewSet)


@hooks.register("before_serve_page")
def record_lesson_view(page, request, serve_args, serve_kwargs):
    """A signed-in person opening a live lesson: enrol them and note the view."""
    if (
        isinstance(page, LessonPage)
        and request.method == "GET"
        and request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    ):
        services.lesson_record_view(user=request.user, lesson=page, course=page.course_page)
