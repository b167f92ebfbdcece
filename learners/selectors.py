"""Reads about people and agencies that join several models."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import OuterRef, Q, QuerySet

from home.queries import count_subquery

from .models import Agency, User
from .names import name_ordering
from .scope import scoped_agencies, scoped_people


def agency_tree_with_people_counts() -> QuerySet[Agency]:
    """Every agency in tree order, with ``people_count`` (its own people) and
    ``people_total`` (its own and its sub-units' people), in one query."""
    return Agency.get_tree().annotate(
        people_count=count_subquery(User.objects.filter(agency=OuterRef("pk"))),
        people_total=count_subquery(User.objects.filter(agency__path__startswith=OuterRef("path"))),
    )


def agency_people_count(*, agency: Agency) -> int:
    """How many people belong to ``agency`` or to any unit below it."""
    return User.objects.filter(agency__path__startswith=agency.path).count()


def agency_chain_name(*, agency: Agency, separator: str = " – ") -> str:
    """The agency's name followed by the units it belongs to: "Phòng Tổ chức – Sở Nội vụ".

    The province at the top is left out, as everyone on the site belongs to it,
    unless it is the agency itself.
    """
    chain = [agency, *list(agency.get_ancestors())[::-1]]
    if len(chain) > 1 and chain[-1].kind == Agency.Kind.PROVINCE:
        chain.pop()
    return separator.join(node.name for node in chain)


def activation_pending(*, user, agency: Agency | None = None) -> QuerySet[User]:
    """The people of ``user``'s scope (of ``agency`` and its units, when given) who have not
    activated their account: active, without a usable password; by agency, then by name,
    with their agency and activation code loaded."""
    people = scoped_people(user).filter(
        is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
    )
    if agency is not None:
        people = people.filter(agency__path__startswith=agency.path)
    return people.select_related("agency", "activation_code").order_by(
        "agency__path", *name_ordering()
    )


def activation_people_found(*, user, search: str) -> QuerySet[User]:
    """Active people of ``user``'s scope whose employee code is ``search`` or whose name
    contains it, activated or not (for HR's re-issue of one person's code), with the same
    order and loaded relations as ``activation_pending``."""
    search = search.strip()
    people = scoped_people(user).filter(is_active=True)
    people = people.filter(Q(employee_code__iexact=search) | Q(full_name__icontains=search))
    return people.select_related("agency", "activation_code").order_by(
        "agency__path", *name_ordering()
    )


def activation_agencies(*, user) -> QuerySet[Agency]:
    """The agencies of ``user``'s scope in tree order, for the filter and the list of codes."""
    return scoped_agencies(user).order_by("path")
