"""Writes for people and agencies. Every function takes keyword-only arguments."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from .audit import CONTACT_EDIT_LOG_ACTION, change_describe, person_log_change
from .models import Agency, User
from .selectors import agency_people_count

AGENCY_DELETE_HAS_PEOPLE = _(
    "Không thể xóa “%(name)s” vì còn %(count)s người thuộc cơ quan, đơn vị này hoặc đơn vị "
    "trực thuộc. Hãy chuyển họ sang đơn vị khác trước."
)
AGENCY_MOVE_INTO_ITSELF = _(
    "Không thể chuyển “%(name)s” vào chính nó hoặc vào một đơn vị trực thuộc nó. "
    "Hãy chọn một cơ quan, đơn vị khác."
)
EMAIL_INVALID = _("Địa chỉ thư điện tử chưa đúng. Hãy nhập theo dạng ten@coquan.gov.vn.")
PHONE_INVALID = _(
    "Số điện thoại chưa đúng. Hãy nhập từ 8 đến 15 chữ số, ví dụ 0235 3812 345 hoặc 0905 123 456."
)

# Digits with the separators people type (spaces, dots, dashes, brackets), an optional leading +.
_phone_characters = RegexValidator(r"^\+?[\d\s.()-]*$", message=PHONE_INVALID, code="invalid")

# Tree bookkeeping fields that treebeard fills in; never part of a person's input.
_TREE_FIELDS = ["path", "depth", "numchild"]


def _clean_agency(agency: Agency) -> None:
    agency.full_clean(exclude=_TREE_FIELDS)


def _move_sorted(agency: Agency, parent: Agency | None) -> None:
    """Put ``agency`` under ``parent`` (``None``: among the roots) in its place by name."""
    if parent is None:
        agency.move(Agency.get_first_root_node(), pos="sorted-sibling")
    else:
        agency.move(parent, pos="sorted-child")


def phone_validate(phone: str) -> None:
    """Accept a Vietnamese or international phone number as people write it."""
    _phone_characters(phone)
    if phone and not 8 <= sum(ch.isdigit() for ch in phone) <= 15:
        raise ValidationError(PHONE_INVALID, code="invalid")


@transaction.atomic
def agency_create(*, code: str, name: str, kind: str, parent: Agency | None = None) -> Agency:
    """Create an agency under ``parent``, or as a new root (a province) when it is ``None``.

    Raises ``ValidationError`` (per field) for a duplicate code, an unknown kind or blanks.
    """
    agency = Agency(code=code.strip(), name=name.strip(), kind=kind)
    _clean_agency(agency)
    if parent is None:
        return Agency.add_root(instance=agency)
    # Re-read the parent: its path and child count may have changed since it was loaded.
    parent = Agency.objects.select_for_update().get(pk=parent.pk)
    return parent.add_child(instance=agency)


@transaction.atomic
def agency_update(*, agency: Agency, code: str, name: str, kind: str) -> Agency:
    """Rename an agency or change its code or kind, keeping its siblings sorted by name."""
    current = Agency.objects.select_for_update().get(pk=agency.pk)
    renamed = current.name != name.strip()
    current.code, current.name, current.kind = code.strip(), name.strip(), kind
    _clean_agency(current)
    current.save(update_fields=["code", "name", "kind"])
    if renamed:
        # The tree is ordered by name; treebeard only re-sorts a node when it is moved.
        _move_sorted(current, current.get_parent())
    current.refresh_from_db()
    return current


@transaction.atomic
def agency_move(*, agency: Agency, parent: Agency | None) -> Agency:
    """Move an agency, with all its sub-units and people, under ``parent`` (``None``: a root).

    Raises ``ValidationError`` with ``AGENCY_MOVE_INTO_ITSELF`` when ``parent`` is the agency
    itself or one of its descendants.
    """
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if parent is not None:
        parent = Agency.objects.get(pk=parent.pk)
        if parent.path.startswith(agency.path):
            raise ValidationError(
                AGENCY_MOVE_INTO_ITSELF, code="move_into_itself", params={"name": agency.name}
            )
    current_parent = agency.get_parent()
    if current_parent == parent:
        return agency
    _move_sorted(agency, parent)
    agency.refresh_from_db()
    return agency


@transaction.atomic
def agency_delete(*, agency: Agency) -> None:
    """Delete an agency and its sub-units, refused while anyone belongs to any of them.

    Raises ``ValidationError`` with ``AGENCY_DELETE_HAS_PEOPLE``; nothing is deleted then.
    """
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    count = agency_people_count(agency=agency)
    error = ValidationError(
        AGENCY_DELETE_HAS_PEOPLE,
        code="has_people",
        params={"name": agency.name, "count": count},
    )
    if count:
        raise error
    try:
        agency.delete()
    except ProtectedError:
        # Someone was assigned to the subtree since the count; the PROTECT key caught it.
        error.params["count"] = agency_people_count(agency=agency)
        raise error from None


def user_update_contact(*, user: User, email: str, phone: str) -> User:
    """Save a person's own e-mail address and phone number, the only details they may change."""
    email, phone = email.strip(), phone.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"email": ValidationError(EMAIL_INVALID, code="invalid")}
            ) from None
    try:
        phone_validate(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error}) from None
    labels = {"email": _("Thư điện tử"), "phone": _("Số điện thoại")}
    changes = [
        change_describe(name, labels[name], getattr(user, name), value)
        for name, value in (("email", email), ("phone", phone))
        if getattr(user, name) != value
    ]
    with transaction.atomic():
        user.email, user.phone = email, phone
        user.save(update_fields=["email", "phone"])
        person_log_change(person=user, by=user, changes=changes, action=CONTACT_EDIT_LOG_ACTION)
    return user
