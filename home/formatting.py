"""Numbers and dates as the site writes them: one definition for pages, admin screens,
exports and certificates.

Vietnamese writes a decimal comma and no needless zeros (``87,5%``, ``12``); dates follow the
active format module (``home/formats``: ``dd/mm/yyyy`` in both languages), never a format
string written again in a view.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.formats import date_format


def percent_of(part, whole, *, places: int = 1) -> Decimal | None:
    """``part`` of ``whole`` in per cent, rounded half up to ``places``; None without a whole."""
    if not whole:
        return None
    return quantize(Decimal(100) * part / whole, places=places)


def quantize(value, *, places: int = 1) -> Decimal | None:
    """``value`` as a Decimal rounded half up to ``places`` decimals; None stays None."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_decimal(value, *, places: int = 1) -> str:
    """``87,5``, ``12``, ``3,25`` (places=2): a decimal comma and no trailing zeros; "" for None."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    text = f"{quantize(value, places=places):f}"
    if "." in text:
        text = text.rstrip("0").removesuffix(".")
    return text.replace(".", ",")


def format_percent(value, *, places: int = 1) -> str:
    """``87,5%``; "" when there is nothing to show."""
    return "" if value is None else f"{format_decimal(value, places=places)}%"


def _local(value):
    if getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value)
    return value


def format_date(value) -> str:
    """A date, or an aware date-time on its local day, in the short date format; "" for None."""
    return "" if value is None else date_format(_local(value), "SHORT_DATE_FORMAT")


def format_datetime(value) -> str:
    """A date-time in local time, in the short date-time format; "" for None."""
    return "" if value is None else date_format(_local(value), "SHORT_DATETIME_FORMAT")
