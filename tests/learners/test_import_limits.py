"""The staff import reads a bounded amount of a file, blank rows included: a sheet whose used
range reaches row 1,000,000, or a CSV of 500,000 empty lines, is answered within a second,
with a correct import (trailing blanks) or a clear refusal, never a worker timeout."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from openpyxl.styles import Font

from learners.importing import (
    BLANK_GAP,
    MAX_BLANK_RUN,
    MAX_READ_ROWS,
    TOO_MANY_LINES,
    staff_import_apply,
    staff_import_plan,
)
from learners.models import User
from tests.learners.test_import_service import HEADER, assert_refused_and_nothing_written, snapshot

pytestmark = pytest.mark.django_db

PEOPLE = [
    ["CC900001", "Nguyễn Văn An", "", "SNV", ""],
    ["CC900002", "Trần Thị Bình", "", "SNV", ""],
]
FAST = 2.0  # seconds; before the limits the far cell alone took about 6 s


def timed_plan(upload):
    started = time.perf_counter()
    plan = staff_import_plan(user=None, file=upload)
    return plan, time.perf_counter() - started


def xlsx(cells_far_below=(), *, styled_far_below=None):
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, *PEOPLE]:
        sheet.append(row)
    for row_number, values in cells_far_below:
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row_number, column=column, value=value)
    if styled_far_below:  # formatted, empty: Excel keeps the row and the used range grows
        sheet.cell(row=styled_far_below, column=5).font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("danh_sach.xlsx", buffer.getvalue())


def sheet_dimension(upload):
    with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    upload.seek(0)
    return xml.split('<dimension ref="', 1)[1].split('"', 1)[0]


def test_a_stray_cell_at_row_1000000_is_refused_quickly_and_named(tree):
    upload = xlsx([(1_000_000, ["CC900009", "Ô lạc", "", "SNV", ""])])
    assert sheet_dimension(upload) == "A1:E1000000"
    before = snapshot()

    plan, seconds = timed_plan(upload)

    assert seconds < FAST
    (error,) = plan.errors
    assert error.row == 1_000_000
    assert error.message == str(BLANK_GAP % {"last": "3", "max": "1.000", "next": "1.000.000"})
    assert_refused_and_nothing_written(plan, before)


def test_a_used_range_to_row_1000000_with_nothing_in_it_imports_the_list(tree):
    upload = xlsx(styled_far_below=1_000_000)
    assert sheet_dimension(upload) == "A1:E1000000"

    plan, seconds = timed_plan(upload)

    assert seconds < FAST
    assert plan.is_valid, plan.errors
    staff_import_apply(user=None, plan=plan)
    assert set(User.objects.values_list("employee_code", flat=True)) >= {"CC900001", "CC900002"}


def test_blank_rows_inside_the_list_up_to_the_limit_are_skipped(tree):
    upload = xlsx([(3 + MAX_BLANK_RUN + 1, ["CC900003", "Lê Văn Cường", "", "SNV", ""])])
    plan = staff_import_plan(user=None, file=upload)
    assert plan.is_valid, plan.errors
    assert [create.row for create in plan.creates] == [2, 3, 3 + MAX_BLANK_RUN + 1]

    one_more = xlsx([(3 + MAX_BLANK_RUN + 2, ["CC900003", "Lê Văn Cường", "", "SNV", ""])])
    (error,) = staff_import_plan(user=None, file=one_more).errors
    assert error.row == 3 + MAX_BLANK_RUN + 2


def csv_upload(text):
    return SimpleUploadedFile("danh_sach.csv", text.encode("utf-8"))


def csv_text(rows):
    return "".join(",".join(row) + "\r\n" for row in [HEADER, *rows])


@pytest.mark.parametrize(
    "blank", ["\r\n", ",,,,\r\n", ";;;;\r\n"], ids=["empty", "commas", "semicolons"]
)
def test_500000_trailing_blank_lines_in_a_csv_import_the_list_quickly(tree, blank):
    upload = csv_upload(csv_text(PEOPLE) + blank * 500_000)

    plan, seconds = timed_plan(upload)

    assert seconds < FAST
    assert plan.is_valid, plan.errors
    assert [create.row for create in plan.creates] == [2, 3]


def test_500000_blank_lines_inside_a_csv_are_refused_quickly(tree):
    upload = csv_upload(csv_text(PEOPLE) + "\r\n" * 500_000 + "CC900003,Lê Văn Cường,,SNV,\r\n")
    before = snapshot()

    plan, seconds = timed_plan(upload)

    assert seconds < FAST
    assert [error.message for error in plan.errors] == [
        str(TOO_MANY_LINES % {"max": f"{MAX_READ_ROWS:,}".replace(",", ".")})
    ]
    assert_refused_and_nothing_written(plan, before)


def test_a_gap_of_blank_lines_in_a_csv_is_refused_with_the_rows(tree):
    upload = csv_upload(csv_text(PEOPLE) + "\r\n" * 5_000 + "CC900003,Lê Văn Cường,,SNV,\r\n")
    (error,) = staff_import_plan(user=None, file=upload).errors
    assert error.message == str(BLANK_GAP % {"last": "3", "max": "1.000", "next": "5.004"})
