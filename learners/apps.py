from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from .names import register_sqlite_functions


class LearnersConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "learners"
    verbose_name = _("Học viên và cơ quan")

    def ready(self):
        # SQLite has no diacritic folding of its own: the name sort key calls anyascii there.
        connection_created.connect(register_sqlite_functions, dispatch_uid="learners_sqlite_names")


class UsersAppConfig(WagtailUsersAppConfig):
    """Replaces ``wagtail.users`` so that the user admin edits our fields."""

    default = False
    user_viewset = "learners.admin_views.UserViewSet"
