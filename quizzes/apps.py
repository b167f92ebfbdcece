from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Bài kiểm tra")

    def ready(self):
        """Plug quizzes into courses: a module is complete once its quizzes are passed, and the
        course outline shows each quiz's state. (Models are importable only once apps are.)"""
        from courses.selectors import register_state_provider
        from courses.services import register_module_requirement

        from .models import QuizPage
        from .services import quiz_outline_states

        register_module_requirement(QuizPage.module_requirement)
        register_state_provider(quiz_outline_states)
