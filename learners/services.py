"""Writes for people and agencies. Every function takes keyword-only arguments."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from home.mail import mail_enqueue_many, mail_render

from . import activation
from .audit import (
    ACTIVATION_CODES_LOG_ACTION,
    ACTIVATION_EMAILS_LOG_ACTION,
    ACTIVATION_REISSUE_LOG_ACTION,
    ACTIVATION_USE_LOG_ACTION,
    CONTACT_EDIT_LOG_ACTION,
    change_describe,
    person_log_change,
)
from .models import ActivationCode, Agency, User
from .selectors import activation_pending, agency_people_count

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


# Activation: first sign-in of imported people -------------------------------------------------

ACTIVATION_SUBJECT = _("Kích hoạt tài khoản %(site_name)s")


@dataclass(frozen=True)
class IssuedCode:
    """A code as issued: in clear only here, for the sheet printed in the same response."""

    person: User
    code: str  # formatted, "ABCD-EFGH-JK"
    expires_at: datetime


def _log_agency(*, by, agency: Agency | None) -> Agency | None:
    """Where a batch is filed in the audit log: the chosen agency, else the officer's own,
    else (an administrator) the province."""
    return agency or by.agency or Agency.get_first_root_node()


@transaction.atomic
def activation_codes_issue(
    *, by, people, agency: Agency | None = None, single: bool = False
) -> list[IssuedCode]:
    """Issue a new code to each of ``people`` (replacing any code they had), with one audit
    entry for the batch (its count and agency), or, for one person's (re-)issue (``single``),
    one on that person.

    The caller has checked that the people are in ``by``'s scope. A single code issued to a
    person who already has a password lets them set a new one (HR's help for a lost password).
    """
    people = list(people)
    if not people:
        return []
    now = timezone.now()
    expires = activation.code_expiry(now)
    rows, issued = [], []
    for person in people:
        code = activation.code_generate()
        rows.append(
            ActivationCode(
                user=person,
                code_hash=activation.code_hash(user_id=person.pk, code=code),
                issued_by=by,
                issued_at=now,
                expires_at=expires,
                used_at=None,
                replaces_password=single and person.has_usable_password(),
            )
        )
        issued.append(IssuedCode(person, activation.code_format(code), expires))
    ActivationCode.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["user"],
        update_fields=[
            "code_hash",
            "issued_by",
            "issued_at",
            "expires_at",
            "used_at",
            "replaces_password",
        ],
    )
    if single:
        log(
            instance=people[0],
            action=ACTIVATION_REISSUE_LOG_ACTION,
            user=by,
            data={"expires": expires.isoformat()},
        )
    else:
        where = _log_agency(by=by, agency=agency)
        log(
            instance=where,
            action=ACTIVATION_CODES_LOG_ACTION,
            user=by,
            data={"count": len(people), "agency": agency.name if agency else ""},
        )
    return issued


def _live_code(person, *, now) -> ActivationCode | None:
    row = getattr(person, "activation_code", None) if person is not None else None
    if row is None or not person.is_active or not row.is_live(now):
        return None
    if person.has_usable_password() and not row.replaces_password:
        return None
    return row


def activation_code_check(*, employee_code: str, code: str) -> ActivationCode | None:
    """The live code row of the person with ``employee_code`` when ``code`` is theirs, else
    None (unknown code or person, expired, used, inactive account: all the same answer)."""
    employee_code = (employee_code or "").strip()
    code = activation.code_normalise(code)
    person = (
        User.objects.filter(employee_code__iexact=employee_code)
        .select_related("activation_code")
        .first()
        if employee_code
        else None
    )
    row = _live_code(person, now=timezone.now())
    if row is None:
        activation.code_hash(user_id=0, code=code)  # the same work either way
        return None
    if not activation.code_matches(user_id=person.pk, code=code, stored=row.code_hash):
        return None
    return row


@transaction.atomic
def activation_code_redeem(*, user_id: int, issued_at: str, password: str) -> User | None:
    """Set the password of the person whose code was checked (``activation_code_check``) and
    mark the code used, in one transaction; None (nothing changed) when the code is no longer
    the one checked (re-issued since), or has expired or been used meanwhile."""
    row = (
        ActivationCode.objects.select_for_update()
        .select_related("user")
        .filter(user_id=user_id)
        .first()
    )
    now = timezone.now()
    if (
        row is None
        or row.issued_at.isoformat() != issued_at
        or _live_code(row.user, now=now) is None
    ):
        return None
    person = row.user
    person.set_password(password)
    person.save(update_fields=["password"])
    row.used_at = now
    row.save(update_fields=["used_at"])
    log(instance=person, action=ACTIVATION_USE_LOG_ACTION, user=person, data={"by": "code"})
    return person


def activation_emails_send(*, by, people, agency: Agency | None = None) -> int:
    """Queue an activation e-mail (a one-time link) to each of ``people`` who has an address,
    with one audit entry; returns how many were queued. The caller checked the scope."""
    people = [person for person in people if person.email]
    if not people:
        return 0
    messages = [
        mail_render(
            to=person.email,
            subject=ACTIVATION_SUBJECT % {"site_name": settings.WAGTAIL_SITE_NAME},
            template="learners/emails/activation",
            context={
                "name": person.get_full_name(),
                "username": person.get_username(),
                "employee_code": person.employee_code,
                "link": activation.activation_link(person),
                "valid_days": activation.link_days(),
            },
        )
        for person in people
    ]
    with transaction.atomic():
        mail_enqueue_many(messages)
        log(
            instance=_log_agency(by=by, agency=agency) if len(people) > 1 else people[0],
            action=ACTIVATION_EMAILS_LOG_ACTION,
            user=by,
            data={"count": len(people), "agency": agency.name if agency else ""},
        )
    return len(people)


def activation_emails_send_imported(*, by, employee_codes) -> int:
    """After a staff import: the activation e-mail to the people of the file (by employee
    code) who have an address and have not activated, within ``by``'s scope."""
    people = activation_pending(user=by).filter(employee_code__in=employee_codes).exclude(email="")
    return activation_emails_send(by=by, people=people)
