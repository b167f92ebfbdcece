from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("Bài kiểm tra")

    def ready(self):
        # Imported here: models may only be imported once the app registry is ready.
        from courses.selectors import register_state_provider  # noqa: PLC0415
        from courses.services import register_module_requirement  # noqa: PLC0415

        from .services import outline_states, quiz_passers  # noqa: PLC0415

        register_module_requirement(quiz_passers)
        register_state_provider(outline_states)
