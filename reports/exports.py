"""CSV and XLSX exports of the HR reports, on top of Wagtail's ``SpreadsheetExportMixin``.

What Wagtail's mixin does not do and an HR export needs:

- CSV starts with a UTF-8 byte order mark, or Excel shows Vietnamese as mojibake;
- every text cell that a spreadsheet would read as a formula (``home.spreadsheet``: ``=``,
  ``+``, ``-``, ``@``, tab, carriage return) gets a leading apostrophe, in both formats;
- rows come from the database in chunks (``QuerySet.iterator``) and the CSV is sent in blocks as
  it is written; the XLSX (a zip, which cannot be streamed while it is built) is written by
  openpyxl's write-only mode into a temporary file that is then streamed: memory stays flat;
- dates and times in local time, written the Vietnamese way in CSV (``31/08/2017 14:30``,
  ``87,5``) and as real dates and numbers in XLSX.

The management command ``export_completion`` writes files through the same classes, so a
scheduled export is the same file as a download.
"""

import csv
import datetime
import io
import tempfile
from decimal import Decimal
from operator import attrgetter

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from home.formatting import format_date, format_datetime, format_decimal
from home.spreadsheet import neutralise

from .selectors import decorate_row, without_jit

BOM = "\ufeff"
XLSX_DATE = "dd/mm/yyyy"
XLSX_DATETIME = "dd/mm/yyyy hh:mm"
CHUNK_ROWS = 2000
YES = _("Có")


def csv_value(value) -> str:
    if type(value) is str:  # most cells: checked first, an export has 100,000s of them
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return force_str(YES) if value else ""
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Decimal | float | int):
        return format_decimal(value)
    return force_str(value)


def xlsx_value(value):
    """A value openpyxl writes as the right cell type, with its number format (or None)."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return (force_str(YES) if value else None), None
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value, timezone.get_current_timezone())
        return value, XLSX_DATETIME
    if isinstance(value, datetime.date):
        return value, XLSX_DATE
    if isinstance(value, Decimal):
        return float(value), None
    if isinstance(value, int | float):
        return value, None
    return force_str(value), None


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's spreadsheet export, made safe and flat in memory for large HR reports.

    Subclasses set ``list_export`` and ``export_headings`` as for Wagtail, and may override
    :meth:`prepare_export_item` to add computed attributes to each row before it is written.
    """

    export_sheet_title = "Báo cáo"
    # Column widths in the XLSX, by field; the rest get Excel's default width.
    export_widths = {}

    # The day the report is about (set by the view or command): in the file name.
    today = None

    def get_filename(self):
        return f"{self.export_filename}-{self.today:%Y-%m-%d}"

    def prepare_export_item(self, item):
        """A hook to compute per-row values in Python (no query) before the row is written."""
        return item

    @cached_property
    def _getters(self):
        return [(field, attrgetter(field)) for field in self.list_export]

    def to_row_dict(self, item):
        """The row's values by field. Plain (dotted) attribute lookups, unlike Wagtail's
        ``multigetattr`` which tries a dictionary lookup first and pays for an exception on
        every cell of a model row."""
        return {field: getter(item) for field, getter in self._getters}

    def iter_export_items(self, queryset):
        """Rows from the database in chunks (a server-side cursor on PostgreSQL), not all in
        memory at once."""
        if not isinstance(queryset, QuerySet):
            yield from (self.prepare_export_item(item) for item in queryset)
            return
        with without_jit(queryset.db):
            for item in queryset.iterator(chunk_size=CHUNK_ROWS):
                yield self.prepare_export_item(item)

    def get_headings(self, queryset):
        return [neutralise(self.get_heading(queryset, field)) for field in self.list_export]

    def export_cell(self, field, value, export_format):
        """The value written for ``field`` and its XLSX number format (None for CSV)."""
        custom = self.custom_field_preprocess.get(field, {})
        if export_format in custom:
            value = custom[export_format](value)
        if export_format == self.FORMAT_CSV:
            return neutralise(csv_value(value)), None
        value, number_format = xlsx_value(value)
        return neutralise(value), number_format

    def preprocess_field_value(self, field, value, export_format):
        return self.export_cell(field, value, export_format)[0]

    # CSV

    def stream_csv(self, queryset):
        """The CSV in blocks of about 64 KB, starting with the byte order mark."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write(BOM)
        writer.writerow(self.get_headings(queryset))
        for item in self.iter_export_items(queryset):
            row = self.to_row_dict(item)
            writer.writerow(
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in row.items()
            )
            if buffer.tell() > 65536:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode("utf-8")

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def write_csv_file(self, queryset, output):
        """Write the CSV to a binary file object (the management command)."""
        for block in self.stream_csv(queryset):
            output.write(block)

    # XLSX

    def write_xlsx(self, queryset, output):
        """Write the workbook with openpyxl's write-only mode: rows go to disk as they come."""
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=self.export_sheet_title)
        for position, field in enumerate(self.list_export, 1):
            if field in self.export_widths:
                sheet.column_dimensions[get_column_letter(position)].width = self.export_widths[
                    field
                ]
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        headings = []
        for heading in self.get_headings(queryset):
            cell = WriteOnlyCell(sheet, heading)
            cell.font = bold
            headings.append(cell)
        sheet.append(headings)
        for item in self.iter_export_items(queryset):
            sheet.append(self.xlsx_cells(sheet, self.to_row_dict(item)))
        workbook.save(output)

    def xlsx_cells(self, sheet, row_dict):
        cells = []
        for field, raw in row_dict.items():
            value, number_format = self.export_cell(field, raw, self.FORMAT_XLSX)
            if number_format is None and not (isinstance(value, str) and value[:1] == "="):
                # A plain value: openpyxl writes it through one reused cell, far cheaper than a
                # cell object each (text that could be a formula was neutralised above).
                cells.append(value)
                continue
            cell = WriteOnlyCell(sheet, value)
            if cell.data_type == "f":  # belt and braces: openpyxl must never write a formula
                cell.data_type = "s"
            if number_format:
                cell.number_format = number_format
            cells.append(cell)
        return cells

    def write_xlsx_response(self, queryset):
        # The zip is finished only at the end; it is built on disk, then sent in blocks.
        output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )

    def write_xlsx_file(self, queryset, output):
        """Write the XLSX to a binary file object (the management command)."""
        self.write_xlsx(queryset, output)

    # Export links: to the report page itself, without the listing's own parameters.

    def get_export_url(self, format):
        params = self.request.GET.copy()
        for name in ("p", "_w_filter_fragment", "export"):
            params.pop(name, None)
        params["export"] = format
        base = getattr(self, "index_url", None) or self.request.path
        return f"{base}?{params.urlencode()}"


class CompletionExport(SafeSpreadsheetExportMixin):
    """Report (a): one row per person (or enrolment). Set ``structure`` and ``today`` first."""

    export_filename = "ket-qua-hoc-tap"
    export_sheet_title = "Kết quả học tập"
    list_export = [
        "name",
        "employee_code",
        "agency.name",
        "position",
        "course_title",
        "enrolled_at",
        "due_date",
        "progress_percent",
        "status_label",
        "is_overdue",
        "completed_at",
        "best_score",
        "attempt_count",
        "certificate_number",
    ]
    export_headings = {
        "name": _("Họ và tên"),
        "employee_code": _("Mã số công chức, viên chức"),
        "agency.name": _("Cơ quan, đơn vị"),
        "position": _("Chức vụ"),
        "course_title": _("Khóa học"),
        "enrolled_at": _("Ngày ghi danh"),
        "due_date": _("Hạn hoàn thành"),
        "progress_percent": _("Tiến độ (%)"),
        "status_label": _("Trạng thái"),
        "is_overdue": _("Quá hạn"),
        "completed_at": _("Ngày hoàn thành"),
        "best_score": _("Điểm kiểm tra cao nhất (%)"),
        "attempt_count": _("Số lượt làm bài"),
        "certificate_number": _("Số giấy chứng nhận"),
    }
    export_widths = {
        "name": 28,
        "employee_code": 16,
        "agency.name": 36,
        "position": 20,
        "course_title": 36,
        "enrolled_at": 17,
        "due_date": 12,
        "completed_at": 17,
        "certificate_number": 18,
    }
    structure = None

    def prepare_export_item(self, item):
        return decorate_row(item, structure=self.structure, today=self.today)


class AgencySummaryExport(SafeSpreadsheetExportMixin):
    """Report (b): one row per unit (``selectors.AgencyRow``)."""

    export_filename = "tong-hop-theo-co-quan"
    export_sheet_title = "Tổng hợp theo cơ quan"
    list_export = [
        "name",
        "code",
        "people",
        "enrolled",
        "completed",
        "rate",
        "overdue",
        "average_score",
    ]
    export_headings = {
        "name": _("Cơ quan, đơn vị"),
        "code": _("Mã cơ quan"),
        "people": _("Số người"),
        "enrolled": _("Đã ghi danh"),
        "completed": _("Đã hoàn thành"),
        "rate": _("Tỉ lệ hoàn thành (%)"),
        "overdue": _("Quá hạn"),
        "average_score": _("Điểm kiểm tra cao nhất trung bình (%)"),
    }
    export_widths = {"name": 44, "code": 14}


class TranscriptExport(SafeSpreadsheetExportMixin):
    """Report (c): one row per module, lesson and quiz (``selectors.TranscriptItem``)."""

    export_filename = "ket-qua-hoc-tap-ca-nhan"
    export_sheet_title = "Kết quả học tập"
    list_export = [
        "course_title",
        "module_title",
        "kind_label",
        "title",
        "status_label",
        "first_viewed_at",
        "last_viewed_at",
        "completed_at",
        "best_score",
        "attempt_count",
    ]
    export_headings = {
        "course_title": _("Khóa học"),
        "module_title": _("Chuyên đề"),
        "kind_label": _("Loại"),
        "title": _("Nội dung"),
        "status_label": _("Trạng thái"),
        "first_viewed_at": _("Xem lần đầu"),
        "last_viewed_at": _("Xem lần cuối"),
        "completed_at": _("Hoàn thành lúc"),
        "best_score": _("Điểm cao nhất (%)"),
        "attempt_count": _("Số lượt làm bài"),
    }
    export_widths = {"course_title": 36, "module_title": 36, "title": 44}
