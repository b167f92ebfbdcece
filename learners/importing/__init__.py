"""Staff import: read a list of civil servants from a CSV or XLSX file, check every row, then
create or update the people in one transaction.

The work has two steps so that a person sees what will happen before it happens:

* ``staff_import_plan`` reads the file and checks every row against the database and the
  importing officer's scope. It writes nothing and returns an ``ImportPlan``: either the
  errors (by row number as Excel shows it, the header being row 1) or the people to create
  and the people to update with the fields that change.
* ``staff_import_apply`` re-plans the same rows inside a transaction and refuses when the result
  differs from the plan that was shown, so a stale preview never writes anything.

A file with any error imports nothing.

The package: ``messages`` (what people are told), ``reading`` (the file decoded, within
limits), ``planning`` (the checks and the plan) and ``applying`` (the transaction). This module
re-exports what views, the management command and tests use.
"""

from .applying import (
    IMPORT_LOG_ACTION,
    ImportResult,
    staff_import_apply,
)
from .messages import (
    AGENCY_OUT_OF_SCOPE,
    AGENCY_UNKNOWN,
    BLANK_GAP,
    CODE_AMBIGUOUS,
    CODE_INVALID,
    CSV_MALFORMED,
    DUPLICATE_CODE,
    DUPLICATE_COLUMN,
    EMAIL_INVALID,
    EMPTY_FILE,
    FIELD_LABELS,
    FILE_TOO_LARGE,
    FORMULA_REFUSED,
    IMPORT_NOT_ALLOWED,
    MISSING_COLUMNS,
    NO_AGENCY,
    NO_DATA_ROWS,
    NOT_UTF8,
    NOT_XLSX,
    OLD_EXCEL,
    PERSON_OUT_OF_SCOPE,
    PERSON_PROTECTED,
    PLAN_HAS_ERRORS,
    PLAN_STALE,
    SUCCESS,
    TOO_MANY_LINES,
    TOO_MANY_ROWS,
    UNSUPPORTED_TYPE,
    USERNAME_TAKEN,
    VALUE_MISSING,
    VALUE_TOO_LONG,
    XLSX_TOO_LARGE,
)
from .planning import (
    FORMULA_PREFIXES,
    Change,
    ImportPlan,
    PlannedCreate,
    PlannedUpdate,
    staff_import_plan,
)
from .reading import (
    MAX_BLANK_RUN,
    MAX_COLUMNS,
    MAX_FILE_SIZE,
    MAX_READ_ROWS,
    MAX_ROWS,
    MAX_XLSX_UNPACKED_SIZE,
    RowError,
    StaffRow,
    thousands,
)

__all__ = [
    "IMPORT_LOG_ACTION",
    "ImportResult",
    "staff_import_apply",
    "FIELD_LABELS",
    "IMPORT_NOT_ALLOWED",
    "NO_AGENCY",
    "FILE_TOO_LARGE",
    "TOO_MANY_ROWS",
    "UNSUPPORTED_TYPE",
    "OLD_EXCEL",
    "NOT_XLSX",
    "NOT_UTF8",
    "CSV_MALFORMED",
    "BLANK_GAP",
    "TOO_MANY_LINES",
    "XLSX_TOO_LARGE",
    "EMPTY_FILE",
    "NO_DATA_ROWS",
    "MISSING_COLUMNS",
    "DUPLICATE_COLUMN",
    "VALUE_MISSING",
    "VALUE_TOO_LONG",
    "FORMULA_REFUSED",
    "CODE_INVALID",
    "DUPLICATE_CODE",
    "EMAIL_INVALID",
    "AGENCY_UNKNOWN",
    "AGENCY_OUT_OF_SCOPE",
    "PERSON_OUT_OF_SCOPE",
    "PERSON_PROTECTED",
    "CODE_AMBIGUOUS",
    "USERNAME_TAKEN",
    "PLAN_HAS_ERRORS",
    "PLAN_STALE",
    "SUCCESS",
    "FORMULA_PREFIXES",
    "Change",
    "ImportPlan",
    "PlannedCreate",
    "PlannedUpdate",
    "staff_import_plan",
    "MAX_BLANK_RUN",
    "MAX_COLUMNS",
    "MAX_FILE_SIZE",
    "MAX_READ_ROWS",
    "MAX_ROWS",
    "MAX_XLSX_UNPACKED_SIZE",
    "RowError",
    "StaffRow",
    "thousands",
]
