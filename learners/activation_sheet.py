"""The activation sheet HR prints (A4, Vietnamese, one block per person with cut lines) and the
same list as CSV or XLSX. The codes exist in clear only in the response that issued them."""

import csv
import io

from django.utils.translation import gettext as _
from fpdf.enums import Align, XPos, YPos
from openpyxl import Workbook

from home.formatting import format_date
from home.pdf import FONT, pdf_document, pdf_text
from home.spreadsheet import neutralise

from .activation import activation_page_url

PAGE_W, PAGE_H = 210, 297  # A4 portrait, mm
COLUMNS, ROWS = 2, 4
MARGIN = 8
PAD = 5
BLOCK_W = (PAGE_W - 2 * MARGIN) / COLUMNS
BLOCK_H = (PAGE_H - 2 * MARGIN) / ROWS
BLUE = (11, 61, 145)
TEXT = (27, 31, 36)
MUTED = (74, 83, 97)
FILENAME = "ma_kich_hoat"


def _headings() -> list[str]:
    return [
        _("Họ và tên"),
        _("Mã số công chức, viên chức"),
        _("Cơ quan, đơn vị"),
        _("Chức vụ"),
        _("Mã kích hoạt"),
        _("Hết hạn"),
        _("Địa chỉ kích hoạt"),
    ]


def _row(item, url) -> list[str]:
    person = item.person
    return [
        person.get_full_name(),
        person.employee_code,
        person.agency.name if person.agency_id else "",
        person.position,
        item.code,
        format_date(item.expires_at),
        url,
    ]


def _cut_lines(pdf):
    pdf.set_draw_color(*MUTED)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * BLOCK_W
        pdf.line(x, MARGIN, x, PAGE_H - MARGIN)
    for row in range(ROWS + 1):
        y = MARGIN + row * BLOCK_H
        pdf.line(MARGIN, y, PAGE_W - MARGIN, y)
    pdf.set_dash_pattern()


def _line(pdf, x, width, text, *, size=9, style="", colour=TEXT, height=4.6, lines=1):
    """A paragraph of at most ``lines`` lines (a very long agency name is cut, not let spill
    into the next block)."""
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    wrapped = pdf.multi_cell(width, height, pdf_text(text), dry_run=True, output="LINES")
    for part in wrapped[:lines]:
        pdf.set_x(x)
        pdf.cell(width, height, part, align=Align.L, new_x=XPos.LEFT, new_y=YPos.NEXT)


def _block(pdf, item, index, url):
    person = item.person
    column, row = index % COLUMNS, index // COLUMNS
    x = MARGIN + column * BLOCK_W + PAD
    width = BLOCK_W - 2 * PAD
    pdf.set_y(MARGIN + row * BLOCK_H + PAD)
    _line(pdf, x, width, _("PHIẾU KÍCH HOẠT TÀI KHOẢN PAR LEARN"), size=7.5, style="B", colour=BLUE)
    _line(pdf, x, width, person.get_full_name(), size=12, style="B", height=6.5)
    _line(pdf, x, width, _("Mã số công chức, viên chức: %s") % person.employee_code)
    if person.agency_id:
        _line(pdf, x, width, _("Cơ quan, đơn vị: %s") % person.agency.name, lines=2)
    if person.position:
        _line(pdf, x, width, _("Chức vụ: %s") % person.position)
    _line(pdf, x, width, _("Mã kích hoạt:"), size=8, colour=MUTED, height=4.5)
    _line(pdf, x, width, item.code, size=17, style="B", colour=BLUE, height=8)
    _line(
        pdf,
        x,
        width,
        _("Hết hạn ngày %s. Mã chỉ dùng được một lần.") % format_date(item.expires_at),
    )
    steps = _(
        "Cách dùng: mở %(url)s (hoặc bấm “Kích hoạt tài khoản” ở trang đăng nhập), nhập mã số "
        "công chức, viên chức và mã kích hoạt trên phiếu, rồi chọn mật khẩu mới. Giữ phiếu "
        "này kín như mật khẩu."
    ) % {"url": url}
    _line(pdf, x, width, steps, size=7.5, colour=MUTED, height=3.6, lines=4)


def activation_sheet_pdf(issued) -> bytes:
    """The sheet: 8 blocks a page, a new page for each agency (``issued`` in agency order)."""
    url = activation_page_url()
    pdf = pdf_document(title=_("Mã kích hoạt tài khoản"))
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(left=MARGIN, top=MARGIN, right=MARGIN)
    index, agency = COLUMNS * ROWS, object()
    for item in issued:
        if index == COLUMNS * ROWS or item.person.agency_id != agency:
            pdf.add_page()
            _cut_lines(pdf)
            index, agency = 0, item.person.agency_id
        _block(pdf, item, index, url)
        index += 1
    if not issued:
        pdf.add_page()
    return bytes(pdf.output())


def activation_sheet_csv(issued) -> str:
    url = activation_page_url()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_headings())
    writer.writerows([neutralise(value) for value in _row(item, url)] for item in issued)
    # The BOM tells Excel the file is UTF-8, so the Vietnamese opens correctly.
    return "\ufeff" + buffer.getvalue()


def activation_sheet_xlsx(issued) -> bytes:
    url = activation_page_url()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Mã kích hoạt")
    sheet.append(_headings())
    for item in issued:
        sheet.append([neutralise(value) for value in _row(item, url)])
    for letter, width in zip("ABCDEFG", (28, 16, 36, 20, 16, 12, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
