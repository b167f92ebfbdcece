"""Staff import: read a list of civil servants from a CSV or XLSX file, check every row, then
create or update the people in one transaction.

The work has two steps so that a person sees what will happen before it happens:

* ``plan_import`` reads the file and checks every row against the database and the
  importing officer's scope. It writes nothing and returns an ``ImportPlan``: either the
  errors (by row number as Excel shows it, the header being row 1) or the people to create
  and the people to update with the fields that change.
* ``apply_import`` re-plans the same rows inside a transaction and refuses when the result
  differs from the plan that was shown, so a stale preview never writes anything.

A file with any error imports nothing.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import PurePath

from anyascii import anyascii
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from wagtail.log_actions import log

from home.spreadsheet import FORMULA_PREFIXES  # "CSV injection": refused on import

from .models import Agency, User
from .roles import TRAINEE_GROUP, can_import_staff

IMPORT_LOG_ACTION = "learners.import_staff"

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 5_000
# Columns beyond this are never read: a list of five columns plus an "STT" or notes column
# fits easily, and a sheet that claims 16,384 columns cannot make every row that wide.
MAX_COLUMNS = 50
# An XLSX is a zip: refuse one that would unpack to far more than a real list of 5,000
# people (a "zip bomb"), before openpyxl reads its shared strings into memory.
MAX_XLSX_UNPACKED_SIZE = 60 * 1024 * 1024
EXCEL_MAX_ROW = 1_048_576
# Blank rows are skipped, but not without end: a sheet whose used range reaches row 1,000,000
# or a CSV of endless empty lines would keep a worker busy until it is killed. More than
# MAX_BLANK_RUN blank rows in a row followed by more data is refused (it is almost always a
# stray cell far below the list); at most MAX_READ_ROWS rows are read, blank ones included.
# Blank rows at the end (a CSV's trailing empty lines, cells formatted far below the list)
# are ignored.
MAX_BLANK_RUN = 1_000
MAX_READ_ROWS = 10 * MAX_ROWS

FIELDS = ("employee_code", "full_name", "email", "agency_code", "position")
REQUIRED_FIELDS = ("employee_code", "full_name", "agency_code")
FIELD_LABELS = {
    "employee_code": _("Mã số công chức, viên chức"),
    "full_name": _("Họ và tên"),
    "email": _("Thư điện tử"),
    "agency_code": _("Mã cơ quan"),
    "agency": _("Cơ quan, đơn vị"),
    "position": _("Chức vụ"),
}
MAX_LENGTHS = {
    "employee_code": User._meta.get_field("employee_code").max_length,
    "full_name": User._meta.get_field("full_name").max_length,
    "email": User._meta.get_field("email").max_length,
    "agency_code": Agency._meta.get_field("code").max_length,
    "position": User._meta.get_field("position").max_length,
}


def normalize_header(text: str) -> str:
    """``"Mã số công chức, viên chức"`` → ``"ma so cong chuc vien chuc"``: no case, no
    diacritics, words separated by single spaces."""
    return " ".join(re.split(r"[^a-z0-9]+", anyascii(str(text)).lower())).strip()


HEADER_ALIASES = {
    normalize_header(alias): name
    for name, aliases in {
        "employee_code": [
            "employee_code",
            "Mã số công chức, viên chức",
            "Mã số",
            "Mã số công chức",
            "Mã công chức, viên chức",
        ],
        "full_name": ["full_name", "Họ và tên", "Họ tên"],
        "email": ["email", "E-mail", "Thư điện tử", "Địa chỉ thư điện tử"],
        "agency_code": ["agency_code", "Mã cơ quan", "Mã cơ quan, đơn vị", "Mã đơn vị"],
        "position": ["position", "Chức vụ"],
    }.items()
    for alias in aliases
}

# Employee codes become usernames: ASCII letters, digits and . _ - only.
_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

IMPORT_NOT_ALLOWED = _("Bạn không có quyền nhập danh sách công chức, viên chức.")
NO_AGENCY = _(
    "Tài khoản của bạn chưa gắn với cơ quan, đơn vị nào nên chưa nhập được danh sách. "
    "Hãy nhờ quản trị viên gán cơ quan, đơn vị cho tài khoản của bạn."
)
FILE_TOO_LARGE = _(
    "Tệp lớn hơn %(max)s MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn rồi nhập lần lượt."
)
TOO_MANY_ROWS = _(
    "Tệp có hơn %(max)s dòng dữ liệu. Hãy chia danh sách thành nhiều tệp, mỗi tệp không quá "
    "%(max)s người."
)
UNSUPPORTED_TYPE = _(
    "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv). Hãy lưu lại danh sách ở một trong hai dạng đó."
)
OLD_EXCEL = _(
    "Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dạng "
    "“Excel Workbook (.xlsx)” hoặc “CSV UTF-8”."
)
NOT_XLSX = _(
    "Tệp không phải tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng hoặc chỉ được đổi tên). "
    "Hãy mở tệp bằng Excel và lưu lại dạng “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”."
)
NOT_UTF8 = _("Tệp không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8 (Excel: CSV UTF-8).")
CSV_MALFORMED = _(
    "Không đọc được tệp CSV từ dòng %(row)s (có thể một ô thiếu dấu ngoặc kép đóng). "
    "Hãy mở tệp bằng Excel và lưu lại dạng “CSV UTF-8”."
)
BLANK_GAP = _(
    "Sau dòng %(last)s có hơn %(max)s dòng trống liên tiếp, rồi lại có dữ liệu ở dòng %(next)s. "
    "Hãy xóa các dòng trống thừa (hoặc ô lạc ở dòng %(next)s) rồi tải tệp lên lại."
)
TOO_MANY_LINES = _(
    "Tệp có quá nhiều dòng trống: đã đọc %(max)s dòng mà danh sách chưa hết. Hãy xóa các dòng "
    "trống thừa (Excel: chọn các dòng bên dưới danh sách, Xóa dòng) rồi tải tệp lên lại."
)
XLSX_TOO_LARGE = _(
    "Tệp Excel chứa quá nhiều dữ liệu để là một danh sách %(max)s người. Hãy chép danh sách "
    "sang một tệp mới chỉ có một trang tính rồi tải lên tệp đó."
)
EMPTY_FILE = _(
    "Tệp trống. Dòng 1 là tiêu đề các cột, danh sách bắt đầu từ dòng 2; hãy dùng tệp mẫu."
)
NO_DATA_ROWS = _(
    "Tệp chỉ có dòng tiêu đề, chưa có ai trong danh sách. Hãy điền mỗi người một dòng, từ dòng 2."
)
MISSING_COLUMNS = _(
    "Thiếu cột: %(columns)s. Dòng tiêu đề cần có các cột employee_code, full_name, agency_code "
    "(hoặc bằng tiếng Việt: Mã số công chức, viên chức; Họ và tên; Mã cơ quan)."
)
DUPLICATE_COLUMN = _(
    "Cột “%(column)s” có hai lần (cột %(first)s và cột %(second)s). Hãy xóa một cột."
)
VALUE_MISSING = _("Thiếu %(label)s.")
VALUE_TOO_LONG = _("Dài quá %(max)s ký tự (hiện có %(length)s ký tự). Hãy viết ngắn lại.")
FORMULA_REFUSED = _(
    "Ô bắt đầu bằng dấu “%(char)s” nên có thể bị Excel hiểu là công thức; vì an toàn, ô như "
    "vậy không được nhận. Hãy xóa dấu “%(char)s” ở đầu ô."
)
CODE_INVALID = _(
    "Mã số “%(value)s” chỉ được gồm chữ cái không dấu, chữ số và các dấu chấm, gạch dưới, "
    "gạch ngang."
)
DUPLICATE_CODE = _("Mã số “%(value)s” đã có ở dòng %(first)s. Mỗi người chỉ có một dòng trong tệp.")
EMAIL_INVALID = _(
    "“%(value)s” không phải địa chỉ thư điện tử. Hãy nhập theo dạng ten@coquan.gov.vn."
)
AGENCY_UNKNOWN = _(
    "Không có cơ quan, đơn vị nào mang mã “%(value)s”. Hãy xem mã đúng trong mục “Cơ quan, đơn vị”."
)
AGENCY_OUT_OF_SCOPE = _(
    "“%(name)s” (mã %(value)s) không thuộc phạm vi bạn quản lý. Bạn chỉ nhập được người của "
    "cơ quan, đơn vị mình và các đơn vị trực thuộc."
)
PERSON_OUT_OF_SCOPE = _(
    "Mã số “%(value)s” là của một người thuộc cơ quan, đơn vị ngoài phạm vi bạn quản lý; "
    "bạn không sửa được thông tin người này. Hãy kiểm tra lại mã số."
)
PERSON_PROTECTED = _(
    "Mã số “%(value)s” là của một tài khoản quản trị, cán bộ tổ chức hoặc giảng viên; "
    "thông tin tài khoản này chỉ quản trị viên sửa được."
)
CODE_AMBIGUOUS = _(
    "Mã số “%(value)s” khớp với nhiều tài khoản (chỉ khác chữ hoa, chữ thường). "
    "Hãy nhờ quản trị viên sửa trước."
)
USERNAME_TAKEN = _(
    "Tên đăng nhập “%(value)s” (mã số viết thường) đã thuộc về một tài khoản khác. "
    "Hãy nhờ quản trị viên kiểm tra."
)
PLAN_HAS_ERRORS = _("Tệp còn lỗi nên chưa nhập gì. Hãy sửa các lỗi rồi tải tệp lên lại.")
PLAN_STALE = _(
    "Dữ liệu đã thay đổi từ lúc xem trước (có người vừa được thêm hoặc sửa), nên chưa nhập gì. "
    "Hãy tải tệp lên lại để xem trước lần nữa."
)
SUCCESS = _("Đã nhập %(created)s người mới, cập nhật %(updated)s người.")


@dataclass(frozen=True)
class RowError:
    """One problem: the row as Excel numbers it (``None`` for the whole file), the column's
    heading as written in the file, and what is wrong, in Vietnamese."""

    row: int | None
    column: str
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        if self.column:
            return str(_("Dòng %(row)s, cột “%(column)s”: %(message)s")) % asdict(self)
        return str(_("Dòng %(row)s: %(message)s")) % asdict(self)


@dataclass(frozen=True)
class StaffRow:
    """A data row as read from the file. ``None``: the file has no such column."""

    row: int
    employee_code: str
    full_name: str
    agency_code: str
    email: str | None = None
    position: str | None = None


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
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def message(self) -> str:
        return str(SUCCESS % {"created": self.created, "updated": self.updated})


class _Refused(Exception):
    """The file cannot be read at all: one file-level error, no row is checked."""

    def __init__(self, message, row=None, column=""):
        super().__init__(message)
        self.error = RowError(row=row, column=column, message=str(message))


# Permission and scope


@dataclass(frozen=True)
class _Scope:
    """The agencies an import may write into: a subtree (``path``) or everywhere (``None``)."""

    path: str | None

    def covers(self, agency: Agency | None) -> bool:
        if agency is None:
            return self.path is None
        return self.path is None or agency.path.startswith(self.path)


def _scope_for(user) -> _Scope | None:
    """``user=None`` is an administrator at the command line: the whole province.

    An HR officer imports into their agency's subtree, read afresh from the database; an
    officer without an agency has no scope (``None``).
    """
    if user is None or user.is_superuser:
        return _Scope(path=None)
    if not can_import_staff(user):
        raise PermissionDenied(IMPORT_NOT_ALLOWED)
    agency = Agency.objects.filter(pk=user.agency_id).only("path").first()
    return _Scope(path=agency.path) if agency else None


# Reading the file


def _thousands(number: int) -> str:
    """5000 → "5.000", as Vietnamese writes it."""
    return f"{number:,}".replace(",", ".")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        # A code typed into a number-formatted cell: 123456.0 → "123456".
        value = int(value)
    # Some sources (macOS, copy-paste from PDFs) write Vietnamese in decomposed form.
    return unicodedata.normalize("NFC", str(value)).strip()


def _read_limited(file) -> bytes:
    size = getattr(file, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise _Refused(FILE_TOO_LARGE % {"max": MAX_FILE_SIZE // (1024 * 1024)})
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise _Refused(FILE_TOO_LARGE % {"max": MAX_FILE_SIZE // (1024 * 1024)})
    return data


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Refused(NOT_UTF8) from None
    if "\x00" in text:
        raise _Refused(NOT_UTF8)
    # Trailing empty lines, or lines of separators only (Excel writes ";;;;" for rows that were
    # only formatted), in one pass at C speed; never a quote, which may close the last cell.
    text = text.rstrip(" \t\r\n,;")
    first_line = text.split("\n", 1)[0]
    # Excel saves CSV with the list separator of the computer's region: ";" on a
    # Vietnamese Windows (whose decimal mark is ","), "," elsewhere.
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row_number = 0
    try:
        for row_number, cells in enumerate(reader, start=1):
            if not "".join(cells).strip():
                yield row_number, []  # blank: no per-cell work
                continue
            yield row_number, [_cell_text(cell) for cell in cells[:MAX_COLUMNS]]
    except csv.Error:
        raise _Refused(CSV_MALFORMED % {"row": row_number + 1}) from None


def _xlsx_rows(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise _Refused(NOT_XLSX) from None
    if unpacked > MAX_XLSX_UNPACKED_SIZE:
        raise _Refused(XLSX_TOO_LARGE % {"max": _thousands(MAX_ROWS)})
    # openpyxl raises many kinds of exception on a damaged or disguised file (zip, XML,
    # key and value errors); each means the same to the person: not a usable workbook.
    try:
        # Formulas are read as written ("=A1"), not as their cached values, so that they
        # are refused like any other formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise _Refused(NOT_XLSX) from None
    try:
        yield from _sheet_rows(workbook.worksheets[0])
    except _Refused:
        raise
    except Exception:
        raise _Refused(NOT_XLSX) from None
    finally:
        workbook.close()


def _sheet_rows(sheet):
    """(row number, cell texts) of each row the worksheet's XML holds, in order.

    openpyxl's ``iter_rows`` makes up an empty row for every row number missing from the XML:
    a sheet with one stray cell at row 1,000,000 costs a million empty rows (about 6 s). The
    worksheet parser it uses underneath yields only the rows that are there, with their row
    numbers, so a gap costs nothing and ``_read_staff_file`` sees how long it is.
    """
    from openpyxl.worksheet._reader import WorkSheetParser  # noqa: PLC0415 - pinned openpyxl

    workbook = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for row_number, cells in parser.parse():
            if row_number > EXCEL_MAX_ROW:
                break
            values = {
                cell["column"]: cell["value"]
                for cell in cells
                if cell["value"] not in (None, "") and cell["column"] <= MAX_COLUMNS
            }
            if not values:
                yield row_number, []
                continue
            texts = [""] * max(values)
            for column, value in values.items():
                texts[column - 1] = _cell_text(value)
            yield row_number, texts


def _file_rows(name: str, data: bytes):
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _Refused(OLD_EXCEL)
    if suffix not in {".csv", ".txt", ".xlsx", ""}:
        raise _Refused(UNSUPPORTED_TYPE)
    if suffix == ".xlsx" or data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    return _csv_rows(data)


def _read_header(cells: list[str], row_number: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, heading in enumerate(cells):
        name = HEADER_ALIASES.get(normalize_header(heading))
        if name is None:
            continue  # "STT", notes and other columns are ignored.
        if name in columns:
            raise _Refused(
                DUPLICATE_COLUMN
                % {"column": heading, "first": columns[name] + 1, "second": index + 1},
                row=row_number,
            )
        columns[name] = index
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise _Refused(
            MISSING_COLUMNS % {"columns": ", ".join(str(FIELD_LABELS[name]) for name in missing)},
            row=row_number,
        )
    return columns


def _read_staff_file(*, file) -> tuple[dict[str, str], list[StaffRow]]:
    """Read the header and the data rows of a CSV or XLSX file.

    Returns the headings found (field → heading as written) and the non-blank rows. Raises
    ``_Refused`` when the file cannot be used at all; a row's own problems are left to the
    plan, which reports all of them.
    """
    name = getattr(file, "name", "") or ""
    data = _read_limited(file)
    if not data.strip():
        raise _Refused(EMPTY_FILE)
    header = None
    headings: dict[str, str] = {}
    rows: list[StaffRow] = []
    last_data = 0  # the row number of the last row that was not blank
    for read, (row_number, cells) in enumerate(_file_rows(name, data), start=1):
        if read > MAX_READ_ROWS:
            raise _Refused(TOO_MANY_LINES % {"max": _thousands(MAX_READ_ROWS)})
        if not any(cells):
            continue
        if row_number - last_data > MAX_BLANK_RUN + 1:
            raise _Refused(
                BLANK_GAP
                % {
                    "last": _thousands(last_data),
                    "max": _thousands(MAX_BLANK_RUN),
                    "next": _thousands(row_number),
                },
                row=row_number,
            )
        last_data = row_number
        if header is None:
            header = _read_header(cells, row_number)
            headings = {name: cells[index] for name, index in header.items()}
            continue
        if len(rows) == MAX_ROWS:
            raise _Refused(TOO_MANY_ROWS % {"max": _thousands(MAX_ROWS)})
        values = {
            name: cells[index] if index < len(cells) else "" for name, index in header.items()
        }
        rows.append(StaffRow(row=row_number, **values))
    if header is None:
        raise _Refused(EMPTY_FILE)
    if not rows:
        raise _Refused(NO_DATA_ROWS)
    return headings, rows


# Planning


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

    def __init__(self, *, scope: _Scope, columns: dict[str, str], lock: bool):
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


def _plan_rows(
    *,
    scope: _Scope,
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


def _log_instance(scope: _Scope) -> Agency:
    """The audit entry is filed under the agency whose people were imported: the officer's
    own, or the province for an administrator."""
    if scope.path is None:
        return Agency.get_first_root_node()
    return Agency.objects.get(path=scope.path)


def plan_import(*, user, file) -> ImportPlan:
    """Read ``file`` (a CSV or XLSX upload or an open binary file) and plan the import.

    ``user`` is the importing HR officer, whose agency subtree bounds what the file may
    touch; ``None`` is an administrator without bounds (the command line). Writes nothing.
    Raises ``PermissionDenied`` for a user without the import permission.
    """
    filename = PurePath(getattr(file, "name", "") or "").name
    scope = _scope_for(user)
    try:
        if scope is None:
            raise _Refused(NO_AGENCY)
        columns, rows = _read_staff_file(file=file)
    except _Refused as refused:
        return ImportPlan(filename=filename, errors=(refused.error,))
    return _plan_rows(scope=scope, filename=filename, columns=columns, rows=tuple(rows))


@transaction.atomic
def apply_import(*, user, plan: ImportPlan) -> ImportResult:
    """Create and update the people of ``plan``, all or nothing, with one audit log entry.

    The rows are planned again under lock; when the result differs from ``plan`` (someone
    was added or changed since the preview) nothing is written and ``ValidationError`` with
    ``PLAN_STALE`` is raised. New people get the lower-cased employee code as username, an
    unusable password (they set one through "Quên mật khẩu?") and the trainee group.
    """
    scope = _scope_for(user)
    if not plan.is_valid:
        raise ValidationError(PLAN_HAS_ERRORS, code="invalid")
    if scope is None:
        raise ValidationError(NO_AGENCY, code="no_agency")
    fresh = _plan_rows(
        scope=scope, filename=plan.filename, columns=plan.columns, rows=plan.rows, lock=True
    )
    if not fresh.is_valid or (fresh.creates, fresh.updates) != (plan.creates, plan.updates):
        raise ValidationError(PLAN_STALE, code="stale")

    new_people = []
    for create in plan.creates:
        person = User(
            username=create.employee_code.lower(),
            employee_code=create.employee_code,
            full_name=create.full_name,
            email=create.email,
            agency_id=create.agency_id,
            position=create.position,
        )
        person.set_unusable_password()
        new_people.append(person)
    try:
        User.objects.bulk_create(new_people, batch_size=500)
    except IntegrityError:
        # Someone took one of the codes or usernames since the re-check.
        raise ValidationError(PLAN_STALE, code="stale") from None
    if any(person.pk is None for person in new_people):  # a backend without RETURNING
        by_username = User.objects.in_bulk([p.username for p in new_people], field_name="username")
        new_people = [by_username[person.username] for person in new_people]
    trainees, _created = Group.objects.get_or_create(name=TRAINEE_GROUP)
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [Membership(user_id=person.pk, group_id=trainees.pk) for person in new_people],
        batch_size=500,
    )

    people = User.objects.in_bulk([update.person_id for update in plan.updates])
    changed_fields = set()
    for update in plan.updates:
        person = people[update.person_id]
        person.full_name, person.email = update.full_name, update.email
        person.agency_id, person.position = update.agency_id, update.position
        changed_fields.update(
            "agency_id" if name == "agency" else name for name in update.changed_fields
        )
    if people:
        # An upsert on the primary key of rows that exist and are locked: a few statements
        # for thousands of people, where bulk_update's CASE expressions take many seconds.
        User.objects.bulk_create(
            people.values(),
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=sorted(changed_fields),
            batch_size=500,
        )

    if plan.has_changes:
        log(
            instance=_log_instance(scope),
            action=IMPORT_LOG_ACTION,
            user=user,
            data={
                "file": plan.filename,
                "created": len(plan.creates),
                "updated": len(plan.updates),
                "unchanged": plan.unchanged,
                "created_codes": [create.employee_code for create in plan.creates],
                "updated_codes": {
                    update.employee_code: update.changed_fields for update in plan.updates
                },
            },
        )
    return ImportResult(
        created=len(plan.creates), updated=len(plan.updates), unchanged=plan.unchanged
    )
