"""Who may do what: the role groups and every ``can_*`` predicate of the site, in one place.

The groups and their permissions are created by migrations (which keep their own frozen copies
of the names). The predicates read the user's permissions and the objects they are handed, so
this module imports nothing from the apps above ``learners``.

The HR scope (an officer sees the people of their agency and every unit below it) is decided
here for one person or agency; the scoped querysets live in :mod:`learners.scope`.
"""

from django.contrib.auth import get_user_model

TRAINEE_GROUP = "Học viên"
TRAINER_GROUP = "Giảng viên"
HR_GROUP = "Cán bộ tổ chức"

IMPORT_STAFF_PERMISSION = "learners.import_staff"
VIEW_RECORDS_PERMISSION = "learners.view_records"


# People and their records


def can_view_records(user) -> bool:
    """See and export the records of the people in one's scope (HR officers, superusers)."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or (user.has_perm(VIEW_RECORDS_PERMISSION) and user.agency_id))
    )


def in_scope(user, person) -> bool:
    """Whether ``person`` (a User) is inside the user's scope."""
    if not can_view_records(user):
        return False
    if user.is_superuser:
        return True
    return (
        bool(person.agency_id)
        and get_user_model()
        .objects.filter(agency__path__startswith=user.agency.path)
        .filter(pk=person.pk)
        .exists()
    )


def agency_in_scope(user, agency) -> bool:
    """Whether ``agency`` is the user's agency or a unit below it."""
    if not can_view_records(user) or agency is None:
        return False
    return user.is_superuser or agency.path.startswith(user.agency.path)


def can_import_staff(user) -> bool:
    """Import a staff list. ``user=None`` (the command line) is not a user and may not."""
    return bool(
        user is not None
        and user.is_active
        and (user.is_superuser or user.has_perm(IMPORT_STAFF_PERMISSION))
    )


def can_activate_accounts(user) -> bool:
    """Send activation e-mails and issue activation codes to the people of one's scope
    (HR officers, who import staff lists; administrators). Each person must be in scope too."""
    return can_view_records(user) and can_import_staff(user)


def can_view_scope_agencies(user) -> bool:
    """The read-only list of the agencies in one's scope with their codes (for the import)."""
    return can_view_records(user)


# Courses: assignments and certificates


def can_assign_courses(user) -> bool:
    return user.has_perm("courses.add_assignment")


def can_view_assignments(user) -> bool:
    return can_assign_courses(user) or user.has_perm("courses.view_assignment")


def can_view_certificates(user) -> bool:
    return user.has_perm("courses.view_certificate")


def can_change_certificates(user) -> bool:
    """Revoke or re-issue certificates at all (each one still needs its owner in scope)."""
    return user.has_perm("courses.change_certificate")


def can_manage_certificate(user, certificate) -> bool:
    """Revoke or re-issue this certificate: the change permission and its owner in scope."""
    return can_change_certificates(user) and in_scope(user, certificate.user)


# Quizzes


def can_view_quiz_statistics(user, quiz) -> bool:
    """The statistics of a quiz page: superusers and those who may edit the page."""
    return user.is_superuser or quiz.permissions_for_user(user).can_edit()
