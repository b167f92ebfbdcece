from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Trang chủ")

    def ready(self):
        from . import schedule, spreadsheet  # Wagtail's admin needs the app registry

        spreadsheet.install()
        schedule.home_jobs_register()
