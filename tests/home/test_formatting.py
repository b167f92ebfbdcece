"""home.formatting: the one way numbers and dates are written on pages, exports and PDFs."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from home.formatting import (
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    percent_of,
    quantize,
)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("87.5"), 1, "87,5"),
        (Decimal("12.0"), 1, "12"),
        (12, 1, "12"),
        (4.0, 1, "4"),
        (Decimal("3.25"), 2, "3,25"),
        (Decimal("3.256"), 2, "3,26"),
        (Decimal("0.05"), 1, "0,1"),  # half up, not banker's rounding
        (Decimal("100.00"), 2, "100"),
        (None, 1, ""),
    ],
)
def test_decimal_comma_without_needless_zeros(value, places, expected):
    assert format_decimal(value, places=places) == expected


def test_percent_of_rounds_half_up_and_has_no_value_without_a_whole():
    assert percent_of(7, 8) == Decimal("87.5")
    assert percent_of(1, 3, places=0) == Decimal(33)
    assert percent_of(1, 8, places=0) == Decimal(13)
    assert percent_of(3, 0) is None
    assert format_percent(percent_of(7, 8)) == "87,5%"
    assert format_percent(None) == ""
    assert quantize(None) is None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_follow_the_format_modules_in_local_time(language, settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    moment = datetime.datetime(2026, 1, 5, 18, 4, tzinfo=datetime.UTC)  # 01:04 on the 6th in Hà Nội
    with translation.override(language):
        assert format_date(datetime.date(2026, 1, 5)) == "05/01/2026"
        assert format_date(moment) == "06/01/2026"
        assert format_datetime(moment) == "06/01/2026 01:04"
        assert format_date(None) == format_datetime(None) == ""
