from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .selectors.common import register_sqlite_functions

        # SQLite has no diacritic folding of its own: the name sort key calls anyascii there.
        connection_created.connect(register_sqlite_functions, dispatch_uid="reports_sqlite_fold")
