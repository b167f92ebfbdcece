"""Planning a staff import: every row checked against the database and the importing officer's
scope, and the people to create and update worked out, without writing anything."""

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import PurePath

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Upper

from home.spreadsheet import FORMULA_PREFIXES  # "CSV injection": refused on import

from ..models import Agency, User
from ..roles import TRAINEE_GROUP, can_import_staff
from .messages import (
    AGENCY_OUT_OF_SCOPE,
    AGENCY_UNKNOWN,
    CODE_AMBIGUOUS,
    CODE_INVALID,
    DUPLICATE_CODE,
    EMAIL_INVALID,
    FIELD_LABELS,
    FORMULA_REFUSED,
    IMPORT_NOT_ALLOWED,
    NO_AGENCY,
    PERSON_OUT_OF_SCOPE,
    PERSON_PROTECTED,
    USERNAME_TAKEN,
    VALUE_MISSING,
    VALUE_TOO_LONG,
)
from .reading import FIELDS, REQUIRED_FIELDS, Refused, RowError, StaffRow, staff_file_read

MAX_LENGTHS = {
    "employee_code": User._meta.get_field("employee_code").max_length,
    "full_name": User._meta.get_field("full_name").max_length,
    "email": User._meta.get_field("email").max_length,
    "agency_code": Agency._meta.get_field("code").max_length,
    "position": User._meta.get_field("position").max_length,
}

# Employee codes become usernames: ASCII letters, digits and . _ - only.
_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str

    @property
    def label(self):
        return FIELD_LABELS[self.field]


@dataclass(frozen=True)
class PlannedCreate:
    row: int
    employee_code: str
    full_name: str
    email: str
    agency_id: int
    agency_name: str
    position: str


@dataclass(frozen=True)
class PlannedUpdate:
    """An existing person whose details change; the values are the ones after the import."""

    row: int
    person_id: int
    employee_code: str
    full_name: str
    email: str
    agency_id: int
    position: str
    changes: tuple[Change, ...]

    @property
    def changed_fields(self) -> list[str]:
        return [change.field for change in self.changes]


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do, or the errors that stop it. Plain data, so that a preview
    can keep it (``as_data``/``from_data``) until the person confirms."""

    filename: str
    columns: dict[str, str] = field(default_factory=dict)
    rows: tuple[StaffRow, ...] = ()
    creates: tuple[PlannedCreate, ...] = ()
    updates: tuple[PlannedUpdate, ...] = ()
    unchanged: int = 0
    errors: tuple[RowError, ...] = ()

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.creates or self.updates)

    def as_data(self) -> dict:
        """JSON-serialisable data (for the session)."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict) -> "ImportPlan":
        return cls(
            filename=data["filename"],
            columns=dict(data["columns"]),
            rows=tuple(StaffRow(**row) for row in data["rows"]),
            creates=tuple(PlannedCreate(**create) for create in data["creates"]),
            updates=tuple(
                PlannedUpdate(
                    **{
                        **update,
                        "changes": tuple(Change(**change) for change in update["changes"]),
                    }
                )
                for update in data["updates"]
            ),
            unchanged=data["unchanged"],
            errors=tuple(RowError(**error) for error in data["errors"]),
        )


@dataclass(frozen=True)
class ImportScope:
    """The agencies an import may write into: a subtree (``path``) or everywhere (``None``)."""

    path: str | None

    def covers(self, agency: Agency | None) -> bool:
        if agency is None:
            return self.path is None
        return self.path is None or agency.path.startswith(self.path)


def import_scope_for(user) -> ImportScope | None:
    """``user=None`` is an administrator at the command line: the whole province.

    An HR officer imports into their agency's subtree, read afresh from the database; an
    officer without an agency has no scope (``None``).
    """
    if user is None or user.is_superuser:
        return ImportScope(path=None)
    if not can_import_staff(user):
        raise PermissionDenied(IMPORT_NOT_ALLOWED)
    agency = Agency.objects.filter(pk=user.agency_id).only("path").first()
    return ImportScope(path=agency.path) if agency else None


def _agency_label(agency: Agency | None) -> str:
    return f"{agency.name} ({agency.code})" if agency else ""


def _protected_codes(codes) -> set[str]:
    """The codes (upper-cased) of accounts an HR officer may not change: administrators,
    trainers, other HR officers, anyone with a permission of their own.

    Changing such an account's e-mail address would let someone else reset its password,
    so only an administrator may do it.
    """
    return set(
        User.objects.annotate(code_upper=Upper("employee_code"))
        .filter(code_upper__in=codes)
        .filter(
            Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(groups__in=Group.objects.exclude(name=TRAINEE_GROUP))
            | Q(user_permissions__isnull=False)
        )
        .values_list("code_upper", flat=True)
        .distinct()
    )


def _cell_problem(name: str, value: str):
    """What is wrong with a cell's value (already stripped), or ``None``."""
    if not value:
        missing = VALUE_MISSING % {"label": str(FIELD_LABELS[name]).lower()}
        return missing if name in REQUIRED_FIELDS else None
    if value.startswith(FORMULA_PREFIXES):
        return FORMULA_REFUSED % {"char": value[0]}
    if len(value) > MAX_LENGTHS[name]:
        return VALUE_TOO_LONG % {"max": MAX_LENGTHS[name], "length": len(value)}
    if name == "employee_code" and not _CODE_PATTERN.match(value):
        return CODE_INVALID % {"value": value}
    if name == "email":
        try:
            validate_email(value)
        except ValidationError:
            return EMAIL_INVALID % {"value": value}
    return None


def _clean_cell(name: str, value: str) -> tuple[str, str | None]:
    """A cell's value as it will be saved, and what is wrong with it (``None``: nothing)."""
    if name in ("full_name", "position"):
        value = " ".join(value.split())
    problem = _cell_problem(name, value)
    if name == "email" and value and problem is None:
        value = User.objects.normalize_email(value)
    return value, problem


class _Planner:
    """Plans rows against the database and a scope, with one query each for the agencies,
    the people the codes match and the usernames new people would take, whatever the
    number of rows."""

    def __init__(self, *, scope: ImportScope, columns: dict[str, str], lock: bool):
        self.scope, self.columns, self.lock = scope, columns, lock
        self.errors: list[RowError] = []
        self.creates: list[PlannedCreate] = []
        self.updates: list[PlannedUpdate] = []
        self.unchanged = 0
        self.first_row_of_code: dict[str, int] = {}

    def error(self, row: StaffRow, name: str, message) -> None:
        column = self.columns.get(name, str(FIELD_LABELS[name]))
        self.errors.append(RowError(row=row.row, column=column, message=str(message)))

    def plan(self, rows: tuple[StaffRow, ...]) -> None:
        cleaned = [(row, self.clean(row)) for row in rows]
        self.load()
        for row, values in cleaned:
            self.plan_row(row, values)
        # Stable: within a row, the cells' own errors come first, in column order.
        self.errors.sort(key=lambda error: error.row)

    def clean(self, row: StaffRow) -> dict[str, str]:
        """Check each cell on its own, and the code against the rows above it."""
        values = {}
        for name in FIELDS:
            if getattr(row, name) is None:
                continue  # no such column
            value, message = _clean_cell(name, getattr(row, name))
            if message:
                self.error(row, name, message)
            else:
                values[name] = value
        if code := values.get("employee_code", "").upper():
            if code in self.first_row_of_code:
                first = self.first_row_of_code[code]
                self.error(
                    row,
                    "employee_code",
                    DUPLICATE_CODE % {"value": values["employee_code"], "first": first},
                )
            else:
                self.first_row_of_code[code] = row.row
        return values

    def load(self) -> None:
        agencies = list(Agency.objects.only("pk", "code", "name", "path").order_by("path"))
        self.agency_by_code = {agency.code: agency for agency in agencies}
        self.agency_by_folded_code = {
            agency.code.casefold(): agency for agency in reversed(agencies)
        }
        people = (
            User.objects.annotate(code_upper=Upper("employee_code"))
            .filter(code_upper__in=list(self.first_row_of_code))
            .select_related("agency")
            .order_by("pk")
        )
        if self.lock:
            people = people.select_for_update(of=("self",))
        self.people_by_code: dict[str, list[User]] = {}
        for person in people:
            self.people_by_code.setdefault(person.code_upper, []).append(person)
        self.protected_codes = (
            _protected_codes(list(self.people_by_code)) if self.scope.path is not None else set()
        )
        new_usernames = [
            code.lower() for code in self.first_row_of_code if code not in self.people_by_code
        ]
        self.taken_usernames = set(
            User.objects.filter(username__in=new_usernames).values_list("username", flat=True)
        )

    def agency(self, row: StaffRow, values: dict[str, str]) -> Agency | None:
        """The row's agency when it exists and is in scope; otherwise an error and ``None``."""
        code = values.get("agency_code")
        if not code:
            return None
        agency = self.agency_by_code.get(code) or self.agency_by_folded_code.get(code.casefold())
        if agency is None:
            self.error(row, "agency_code", AGENCY_UNKNOWN % {"value": code})
        elif not self.scope.covers(agency):
            self.error(
                row, "agency_code", AGENCY_OUT_OF_SCOPE % {"value": code, "name": agency.name}
            )
            return None
        return agency

    def plan_row(self, row: StaffRow, values: dict[str, str]) -> None:
        agency = self.agency(row, values)
        code = values.get("employee_code", "")
        if not code or self.first_row_of_code[code.upper()] != row.row:
            return  # a bad or repeated code, already reported
        matches = self.people_by_code.get(code.upper(), [])
        if len(matches) > 1:
            self.error(row, "employee_code", CODE_AMBIGUOUS % {"value": code})
        elif matches and not self.scope.covers(matches[0].agency):
            self.error(row, "employee_code", PERSON_OUT_OF_SCOPE % {"value": code})
        elif not matches and code.lower() in self.taken_usernames:
            self.error(row, "employee_code", USERNAME_TAKEN % {"value": code.lower()})
        elif agency is None or "full_name" not in values:
            return  # already reported
        elif matches:
            self.plan_update(row, values, matches[0], agency)
        else:
            self.creates.append(
                PlannedCreate(
                    row=row.row,
                    employee_code=code,
                    full_name=values["full_name"],
                    email=values.get("email") or "",
                    agency_id=agency.pk,
                    agency_name=_agency_label(agency),
                    position=values.get("position") or "",
                )
            )

    def plan_update(self, row: StaffRow, values: dict[str, str], person: User, agency) -> None:
        after = {
            "full_name": values["full_name"],
            # A blank e-mail or position cell keeps what the person already has.
            "email": values.get("email") or person.email,
            "position": values.get("position") or person.position,
        }
        changes = [
            Change(name, getattr(person, name), after[name])
            for name in ("full_name", "email", "position")
            if getattr(person, name) != after[name]
        ]
        if person.agency_id != agency.pk:
            changes.insert(1, Change("agency", _agency_label(person.agency), _agency_label(agency)))
        if not changes:
            self.unchanged += 1
        elif person.code_upper in self.protected_codes:
            self.error(row, "employee_code", PERSON_PROTECTED % {"value": values["employee_code"]})
        else:
            self.updates.append(
                PlannedUpdate(
                    row=row.row,
                    person_id=person.pk,
                    employee_code=person.employee_code,
                    agency_id=agency.pk,
                    changes=tuple(changes),
                    **after,
                )
            )


def staff_rows_plan(
    *,
    scope: ImportScope,
    filename: str,
    columns: dict[str, str],
    rows: tuple[StaffRow, ...],
    lock: bool = False,
) -> ImportPlan:
    """Check every row and plan the writes; with ``lock``, the matched people stay locked
    until the transaction ends."""
    plan = ImportPlan(filename=filename, columns=columns, rows=rows)
    planner = _Planner(scope=scope, columns=columns, lock=lock)
    planner.plan(rows)
    if planner.errors:
        return replace(plan, errors=tuple(planner.errors))
    return replace(
        plan,
        creates=tuple(planner.creates),
        updates=tuple(planner.updates),
        unchanged=planner.unchanged,
    )


def staff_import_plan(*, user, file) -> ImportPlan:
    """Read ``file`` (a CSV or XLSX upload or an open binary file) and plan the import.

    ``user`` is the importing HR officer, whose agency subtree bounds what the file may
    touch; ``None`` is an administrator without bounds (the command line). Writes nothing.
    Raises ``PermissionDenied`` for a user without the import permission.
    """
    filename = PurePath(getattr(file, "name", "") or "").name
    scope = import_scope_for(user)
    try:
        if scope is None:
            raise Refused(NO_AGENCY)
        columns, rows = staff_file_read(file=file)
    except Refused as refused:
        return ImportPlan(filename=filename, errors=(refused.error,))
    return staff_rows_plan(scope=scope, filename=filename, columns=columns, rows=tuple(rows))
