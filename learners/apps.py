from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LearnersConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "learners"
    verbose_name = _("Học viên và cơ quan")


class UsersAppConfig(WagtailUsersAppConfig):
    """Replaces ``wagtail.users`` so that the user admin edits our fields."""

    default = False
    user_viewset = "learners.viewsets.UserViewSet"
