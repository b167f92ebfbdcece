from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Bài kiểm tra")

    def ready(self):
        """Plug quizzes into courses, which never names them: quizzes are items of a module's
        outline with their own state, a module is complete once its quizzes are passed, and
        attempts are training records kept like courses' own. (Models are importable only once
        the apps are loaded, hence the imports here.)"""
        from courses.records import register_kept_records
        from courses.selectors import register_state_provider
        from courses.services import register_module_requirement
        from courses.structure import register_outline_item

        from .models import Attempt, QuizPage
        from .services import quiz_outline_states

        register_outline_item(QuizPage, "quiz")
        register_state_provider(quiz_outline_states)
        register_module_requirement(QuizPage.module_requirement)
        register_kept_records(Attempt, "quiz__path")
