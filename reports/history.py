"""Wagtail's site history (the audit log), within the HR scope.

Wagtail shows a log entry to anyone with a permission on the entry's model. The entries about
people (their accounts, certificates, assignments and imports) carry names, certificate numbers
and revocation reasons, so for everyone but a superuser those entries are further limited to the
people, assignments and agencies inside the viewer's HR scope (``learners.scope``): an HR
officer of one district does not read another district's. Entries about anything else (pages,
snippets, images) are left as Wagtail decides. This view replaces Wagtail's at the same address
(routed by ``reports/urls.py``, ahead of the admin's URLs).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from courses.assignments import assignments_in_scope
from courses.models import Assignment, Certificate
from learners.models import Agency
from learners.scope import scoped_agencies, scoped_people


def _ids(queryset):
    """The primary keys as text: a log entry's ``object_id`` is a string."""
    return queryset.annotate(object_key=Cast("pk", CharField())).values("object_key")


def personal_entries_in_scope(user) -> Q:
    """Which model log entries ``user`` may read: those about people, certificates,
    assignments and agencies only inside their scope; every other entry as before."""
    scoped = {
        get_user_model(): _ids(scoped_people(user)),
        Certificate: _ids(Certificate.objects.filter(user__in=scoped_people(user))),
        Assignment: _ids(assignments_in_scope(user=user)),
        Agency: _ids(scoped_agencies(user)),
    }
    types = ContentType.objects.get_for_models(*scoped)
    allowed = ~Q(content_type__in=[types[model] for model in scoped])
    for model, ids in scoped.items():
        allowed |= Q(content_type=types[model], object_id__in=ids)
    return allowed


class ScopedLogEntriesView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry and not self.request.user.is_superuser:
            queryset = queryset.filter(personal_entries_in_scope(self.request.user))
        return queryset
