from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
