"""What every ViewSet of the courses admin carries besides its views: its menu item (shown to
those a ``learners.roles`` predicate allows) and the log formatters of the actions it records."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter


class CoursesViewSet(ViewSet):
    """A ViewSet with ``log_formatters`` ({log action: LogFormatter class}), registered by
    ``courses.wagtail_hooks`` with the ViewSet. (Screens whose URL names predate their ViewSet
    keep them flat by also deriving from ``home.admin_reports.AdminViewSet``.)"""

    log_formatters: dict = {}

    def register_log_actions(self, actions) -> None:
        for action, formatter in self.log_formatters.items():
            actions.register_action(action)(formatter)


def menu_item_shown_to(predicate, name: str) -> type[MenuItem]:
    """A MenuItem class shown to the users ``predicate(user)`` allows."""

    def is_shown(self, request):
        return predicate(request.user)

    return type(name, (MenuItem,), {"is_shown": is_shown, "__module__": __name__})


class DataLogFormatter(LogFormatter):
    """A history line filled from the log entry's data: ``message`` with its %(key)s from the
    data, or ``fallback`` when the data lacks them (entries written by older versions)."""

    message = ""
    fallback = ""

    def format_message(self, log_entry):
        try:
            return self.message % log_entry.data
        except (KeyError, TypeError):
            return self.fallback
