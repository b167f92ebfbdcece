"""Spreadsheet formula neutralisation ("CSV injection"): one definition for the whole site.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` is run as a formula by Excel,
LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``@SUM(...)``, ``+cmd|...``); a leading tab
or carriage return is dropped by some of them and what follows is read the same way. The staff
import refuses such values; every export writes them with a leading apostrophe, which the
spreadsheet shows as text.

Every CSV and XLSX export in the admin is built on Wagtail's ``SpreadsheetExportMixin``: the
site's own reports, the quiz statistics, and Wagtail's reports (site history, locked and aging
pages, workflows, redirects, form submissions, search promotions, any listing with
``list_export``). :func:`install` (run by ``HomeConfig.ready``) makes that mixin neutralise
every heading and every cell value it writes, in both formats, so no export, present or
future, can skip it (``tests/home/test_spreadsheet_exports.py`` checks every export view the
URL configuration holds).
"""

from functools import wraps

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)


def neutralise(value):
    """Text that a spreadsheet would run as a formula, with a leading apostrophe (idempotent:
    a neutralised value starts with the apostrophe)."""
    if isinstance(value, str) and value[:1] in _FORMULA_FIRST:
        return "'" + value
    return value


def _neutralising(method):
    @wraps(method)
    def wrapper(*args, **kwargs):
        return neutralise(method(*args, **kwargs))

    wrapper.neutralises_formulas = True
    return wrapper


def install() -> None:
    """Make Wagtail's own ``SpreadsheetExportMixin`` neutralise every heading and value."""
    for name in ("preprocess_field_value", "get_heading"):
        method = getattr(SpreadsheetExportMixin, name)
        if not getattr(method, "neutralises_formulas", False):
            setattr(SpreadsheetExportMixin, name, _neutralising(method))
