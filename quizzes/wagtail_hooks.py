"""The question pool in the admin, and quiz statistics for trainers."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learners.roles import can_view_quiz_statistics

from .admin_views import STATISTICS_TITLE, QuizStatisticsReportViewSet, QuizStatisticsViewSet
from .models import Question, QuestionArea, QuizPage


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Câu hỏi")
    list_display = ["text", "kind", "area"]
    list_filter = ["area", "kind"]
    search_fields = ["text"]
    ordering = ["-pk"]


class QuestionAreaViewSet(SnippetViewSet):
    model = QuestionArea
    icon = "tag"
    menu_label = _("Chủ đề câu hỏi")
    list_display = ["name"]
    search_fields = ["name"]


class QuizViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuestionAreaViewSet)
    menu_icon = "form"
    menu_label = _("Bài kiểm tra")
    menu_name = "quizzes"
    menu_order = 220


register_snippet(QuizViewSetGroup)


@hooks.register("register_admin_viewset")
def register_statistics_viewsets():
    return [
        QuizStatisticsViewSet("quiz_statistics"),
        QuizStatisticsReportViewSet("quiz_statistics_report"),
    ]


class QuizStatisticsButton(PageMenuItem):
    label = STATISTICS_TITLE
    icon_name = "table"
    url_name = "quizzes_statistics"

    def is_shown(self, user):
        specific_class = self.page.specific_class
        return (
            specific_class is not None
            and issubclass(specific_class, QuizPage)
            and can_view_quiz_statistics(user, self.page)
        )


@hooks.register("register_page_header_buttons")
def page_header_statistics_button(page, user, view_name, next_url=None):
    """In the quiz's editor and explorer header, under the "…" actions."""
    yield QuizStatisticsButton(page=page, priority=68)


@hooks.register("register_page_listing_more_buttons")
def page_listing_statistics_button(page, user, next_url=None):
    """In the "…" menu of the quiz's row in the page explorer."""
    yield QuizStatisticsButton(page=page, priority=55)
