"""HR scope: an HR officer sees the people of their agency and every unit below it.

Every list, report, export and record an HR officer can open is filtered through these
functions on the server. A superuser's scope is the whole province.
"""

from django.contrib.auth import get_user_model

from .models import Agency

HR_GROUP = "Cán bộ tổ chức"


def can_view_records(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or (user.has_perm("learners.view_records") and user.agency_id))
    )


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


def in_scope(user, person) -> bool:
    """Whether ``person`` (a User) is inside the user's scope."""
    if not can_view_records(user):
        return False
    if user.is_superuser:
        return True
    return bool(person.agency_id) and scoped_people(user).filter(pk=person.pk).exists()


def agency_in_scope(user, agency) -> bool:
    if not can_view_records(user) or agency is None:
        return False
    return user.is_superuser or agency.path.startswith(user.agency.path)
