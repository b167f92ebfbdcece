"""Helpers to read the reports' responses and files."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

BOM = "\ufeff"


def url(name, *args, **params):
    base = reverse(name, args=args or None)
    if not params:
        return base
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{base}?{query}"


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV export, checking it starts with the UTF-8 byte order mark."""
    text = data.decode("utf-8")
    assert text.startswith(BOM), "CSV must start with a BOM for Excel"
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def xlsx_rows(data: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def column(rows, heading):
    """The values of one column of a table given as rows with a heading row."""
    position = rows[0].index(heading)
    return [row[position] for row in rows[1:]]
