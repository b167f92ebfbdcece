"""HR scope: an HR officer sees the people of their agency and every unit below it.

Every list, report, export and record an HR officer can open is filtered through these
functions on the server. A superuser's scope is the whole province. Who may see records at all
(``can_view_records``) and whether one person or agency is in scope (``in_scope``,
``agency_in_scope``) are decided in :mod:`learners.roles`; they are re-exported here.
"""

from django.contrib.auth import get_user_model

from .models import Agency
from .roles import HR_GROUP, agency_in_scope, can_view_records, in_scope

__all__ = [
    "HR_GROUP",
    "agency_in_scope",
    "can_view_records",
    "in_scope",
    "scoped_agencies",
    "scoped_people",
]


def scoped_agencies(user):
    """The agencies whose people the user may see: their agency's subtree, or none."""
    if not can_view_records(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    root = user.agency
    return Agency.objects.filter(path__startswith=root.path)


def scoped_people(user):
    """The people the user may see records of."""
    User = get_user_model()
    if not can_view_records(user):
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(agency__path__startswith=user.agency.path)
