from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from courses.reminders import digest_report_url_register
        from home.schedule import register_job

        from .tasks import export_jobs_prune

        # The large exports a worker made: deleted a day after they were asked for.
        register_job("reports.export_jobs_prune", task=export_jobs_prune, every=timedelta(hours=1))

        # The HR digest's link: the completion report of the overdue people.
        digest_report_url_register(lambda: f"{reverse('reports_completion')}?status=overdue")
