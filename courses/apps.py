from datetime import time, timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Khóa học")

    def ready(self):
        from wagtail.signals import page_published

        from home.mail import mail_reporter_register
        from home.schedule import register_job

        from .reminders import REPORTER, reminders_report
        from .signals import page_published_make_renditions
        from .tasks import slide_imports_prune

        page_published.connect(page_published_make_renditions, dispatch_uid="courses_renditions")
        # Nightly: repair completions a crash left half-made (courses/reconcile.py).
        register_job(
            "courses.reconcile_completions", daily_at=time(1, 30), command="reconcile_completions"
        )
        # Reminders every morning, the HR digest on Monday mornings (courses/reminders/).
        register_job("courses.send_reminders", daily_at=time(7, 0), command="send_reminders")
        register_job(
            "courses.send_hr_digest", daily_at=time(7, 30), weekday=0, command="send_hr_digest"
        )
        mail_reporter_register(REPORTER, reminders_report)
        # Hourly: slide imports whose worker died, and uploads no job waits for.
        register_job(
            "courses.slide_imports_prune", task=slide_imports_prune, every=timedelta(hours=1)
        )
