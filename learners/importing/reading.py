"""Reading a staff list: a CSV or XLSX file decoded into its headings and data rows, within
limits on size, rows, columns, blank runs and (for an XLSX, a zip) the unpacked size, so that
no file can keep a worker busy or exhaust its memory."""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass
from pathlib import PurePath

from anyascii import anyascii
from openpyxl import load_workbook
from openpyxl.worksheet._reader import WorkSheetParser  # private: openpyxl is pinned

from .messages import (
    BLANK_GAP,
    CSV_MALFORMED,
    DUPLICATE_COLUMN,
    EMPTY_FILE,
    FIELD_LABELS,
    FILE_TOO_LARGE,
    MISSING_COLUMNS,
    NO_DATA_ROWS,
    NOT_UTF8,
    NOT_XLSX,
    OLD_EXCEL,
    ROW_ERROR_IN_CELL,
    ROW_ERROR_IN_ROW,
    TOO_MANY_LINES,
    TOO_MANY_ROWS,
    UNSUPPORTED_TYPE,
    XLSX_TOO_LARGE,
)

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


def _normalise_header(text: str) -> str:
    """``"Mã số công chức, viên chức"`` → ``"ma so cong chuc vien chuc"``: no case, no
    diacritics, words separated by single spaces."""
    return " ".join(re.split(r"[^a-z0-9]+", anyascii(str(text)).lower())).strip()


HEADER_ALIASES = {
    _normalise_header(alias): name
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
            return str(ROW_ERROR_IN_CELL) % asdict(self)
        return str(ROW_ERROR_IN_ROW) % asdict(self)


@dataclass(frozen=True)
class StaffRow:
    """A data row as read from the file. ``None``: the file has no such column."""

    row: int
    employee_code: str
    full_name: str
    agency_code: str
    email: str | None = None
    position: str | None = None


class Refused(Exception):
    """The file cannot be read at all: one file-level error, no row is checked."""

    def __init__(self, message, row=None, column=""):
        super().__init__(message)
        self.error = RowError(row=row, column=column, message=str(message))


def thousands(number: int) -> str:
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
        raise Refused(FILE_TOO_LARGE % {"max": MAX_FILE_SIZE // (1024 * 1024)})
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise Refused(FILE_TOO_LARGE % {"max": MAX_FILE_SIZE // (1024 * 1024)})
    return data


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(NOT_UTF8) from None
    if "\x00" in text:
        raise Refused(NOT_UTF8)
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
        raise Refused(CSV_MALFORMED % {"row": row_number + 1}) from None


def _xlsx_rows(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise Refused(NOT_XLSX) from None
    if unpacked > MAX_XLSX_UNPACKED_SIZE:
        raise Refused(XLSX_TOO_LARGE % {"max": thousands(MAX_ROWS)})
    # openpyxl raises many kinds of exception on a damaged or disguised file (zip, XML,
    # key and value errors); each means the same to the person: not a usable workbook.
    try:
        # Formulas are read as written ("=A1"), not as their cached values, so that they
        # are refused like any other formula.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise Refused(NOT_XLSX) from None
    try:
        yield from _sheet_rows(workbook.worksheets[0])
    except Refused:
        raise
    except Exception:
        raise Refused(NOT_XLSX) from None
    finally:
        workbook.close()


def _sheet_rows(sheet):
    """(row number, cell texts) of each row the worksheet's XML holds, in order.

    openpyxl's ``iter_rows`` makes up an empty row for every row number missing from the XML:
    a sheet with one stray cell at row 1,000,000 costs a million empty rows (about 6 s). The
    worksheet parser it uses underneath yields only the rows that are there, with their row
    numbers, so a gap costs nothing and ``staff_file_read`` sees how long it is.
    """
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
        raise Refused(OLD_EXCEL)
    if suffix not in {".csv", ".txt", ".xlsx", ""}:
        raise Refused(UNSUPPORTED_TYPE)
    if suffix == ".xlsx" or data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    return _csv_rows(data)


def _read_header(cells: list[str], row_number: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, heading in enumerate(cells):
        name = HEADER_ALIASES.get(_normalise_header(heading))
        if name is None:
            continue  # "STT", notes and other columns are ignored.
        if name in columns:
            raise Refused(
                DUPLICATE_COLUMN
                % {"column": heading, "first": columns[name] + 1, "second": index + 1},
                row=row_number,
            )
        columns[name] = index
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        raise Refused(
            MISSING_COLUMNS % {"columns": ", ".join(str(FIELD_LABELS[name]) for name in missing)},
            row=row_number,
        )
    return columns


def staff_file_read(*, file) -> tuple[dict[str, str], list[StaffRow]]:
    """Read the header and the data rows of a CSV or XLSX file.

    Returns the headings found (field → heading as written) and the non-blank rows. Raises
    ``Refused`` when the file cannot be used at all; a row's own problems are left to the
    plan, which reports all of them.
    """
    name = getattr(file, "name", "") or ""
    data = _read_limited(file)
    if not data.strip():
        raise Refused(EMPTY_FILE)
    header = None
    headings: dict[str, str] = {}
    rows: list[StaffRow] = []
    last_data = 0  # the row number of the last row that was not blank
    for read, (row_number, cells) in enumerate(_file_rows(name, data), start=1):
        if read > MAX_READ_ROWS:
            raise Refused(TOO_MANY_LINES % {"max": thousands(MAX_READ_ROWS)})
        if not any(cells):
            continue
        if row_number - last_data > MAX_BLANK_RUN + 1:
            raise Refused(
                BLANK_GAP
                % {
                    "last": thousands(last_data),
                    "max": thousands(MAX_BLANK_RUN),
                    "next": thousands(row_number),
                },
                row=row_number,
            )
        last_data = row_number
        if header is None:
            header = _read_header(cells, row_number)
            headings = {name: cells[index] for name, index in header.items()}
            continue
        if len(rows) == MAX_ROWS:
            raise Refused(TOO_MANY_ROWS % {"max": thousands(MAX_ROWS)})
        values = {
            name: cells[index] if index < len(cells) else "" for name, index in header.items()
        }
        rows.append(StaffRow(row=row_number, **values))
    if header is None:
        raise Refused(EMPTY_FILE)
    if not rows:
        raise Refused(NO_DATA_ROWS)
    return headings, rows
