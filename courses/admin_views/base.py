"""What every ViewSet of the courses admin carries besides its views: its menu item and the
log formatters of the actions it records."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.viewsets.base import ViewSet


class CoursesViewSet(ViewSet):
    """A ViewSet with ``log_formatters`` ({log action: LogFormatter class}) and, for screens
    whose URL names predate the ViewSet and stay flat (``courses_assignments``), URL patterns
    registered outside its namespace (``get_flat_urlpatterns``, full paths below /admin/), with
    ``menu_url_name`` naming the one its menu item opens. ``courses.wagtail_hooks`` registers
    all three."""

    log_formatters: dict = {}
    menu_url_name = None

    def get_flat_urlpatterns(self) -> list:
        return []

    @cached_property
    def menu_url(self):
        if self.menu_url_name:
            return reverse(self.menu_url_name)
        return super().menu_url

    def register_log_actions(self, actions) -> None:
        for action, formatter in self.log_formatters.items():
            actions.register_action(action)(formatter)
