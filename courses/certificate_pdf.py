"""The certificate as printed: one A4 landscape page laid out with fpdf2, with a QR code to its
verification page. What it prints was copied into the certificate when it was issued
(``courses.certificates``); nothing here reads the person or the course."""

import io

import segno
from fpdf.enums import Align, XPos, YPos

from home.formatting import format_date, format_decimal
from home.pdf import FONT, pdf_document
from home.pdf import pdf_text as _text

from .certificates import certificate_verify_url, organisation_name

BLUE = (11, 61, 145)
RED = (179, 22, 27)
TEXT = (27, 31, 36)
MUTED = (74, 83, 97)
PAGE_W, PAGE_H = 297, 210  # A4 landscape, mm
FRAME = 9  # outer border inset, mm
QR_SIZE = 34  # mm


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make_qr(url, error="m").save(buffer, kind="png", scale=10, border=0)
    buffer.seek(0)
    return buffer


def _frame(pdf):
    """A thick border with a thin one inside it."""
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(FRAME, FRAME, PAGE_W - 2 * FRAME, PAGE_H - 2 * FRAME)
    pdf.set_line_width(0.3)
    pdf.rect(FRAME + 2.5, FRAME + 2.5, PAGE_W - 2 * FRAME - 5, PAGE_H - 2 * FRAME - 5)


def _heading(pdf, organisation):
    """The issuing organisation on the left, the national motto on the right."""
    pdf.set_text_color(*TEXT)
    pdf.set_font(FONT, "B", 11)
    pdf.set_xy(20, 20)
    pdf.multi_cell(120, 5.5, organisation.upper(), align=Align.C)
    pdf.set_xy(157, 20)
    pdf.cell(120, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=Align.C)
    motto = "Độc lập – Tự do – Hạnh phúc"
    pdf.set_xy(157, 25.5)
    pdf.cell(120, 5.5, motto, align=Align.C)
    half = pdf.get_string_width(motto) / 2
    pdf.set_draw_color(*TEXT)
    pdf.line(217 - half, 31.5, 217 + half, 31.5)


def _centred(pdf, text, *, size, style="", colour=TEXT, height=None, gap=0):
    """A centred paragraph between the side margins, wrapped if long."""
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(
        0, height or size * 0.5, _text(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_y(pdf.get_y() + gap)


def _body(pdf, certificate, organisation):
    pdf.set_y(46)
    _centred(pdf, "GIẤY CHỨNG NHẬN", size=32, style="B", colour=RED, height=15, gap=3)
    _centred(pdf, f"{organisation} chứng nhận", size=13, colour=MUTED, gap=2)
    _centred(pdf, certificate.full_name, size=24, style="B", colour=BLUE, height=12, gap=2)
    if certificate.employee_code:
        _centred(pdf, f"Mã số công chức, viên chức: {certificate.employee_code}", size=12)
    if certificate.agency_name:
        _centred(pdf, f"Cơ quan, đơn vị: {certificate.agency_name}", size=12)
    pdf.set_y(pdf.get_y() + 4)
    _centred(pdf, "đã hoàn thành khóa học", size=13, colour=MUTED, gap=1)
    _centred(pdf, certificate.course_title, size=17, style="B", height=8.5, gap=2)
    _centred(
        pdf,
        f"Thời lượng: {format_decimal(certificate.hours)} giờ"
        f"   ·   Ngày hoàn thành: {format_date(certificate.completed_at)}",
        size=12,
    )


def _foot(pdf, certificate):
    """Number, issue date and code on the left; the QR code to the verification page right."""
    url = certificate_verify_url(certificate)
    top = PAGE_H - FRAME - 36
    pdf.set_text_color(*TEXT)
    for line, (label, value) in enumerate(
        [
            ("Số: ", certificate.number),
            ("Ngày cấp: ", format_date(certificate.issued_at)),
            ("Mã xác thực: ", certificate.code),
        ]
    ):
        pdf.set_xy(20, top + 6.5 * line)
        pdf.set_font(FONT, "", 11)
        pdf.cell(text=label)
        pdf.set_font(FONT, "B", 11)
        pdf.cell(text=value)
    pdf.set_xy(20, top + 19.5)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(text=f"Xác thực tại: {url}", link=url)

    qr_x = PAGE_W - FRAME - 8 - QR_SIZE
    qr_y = PAGE_H - FRAME - 12 - QR_SIZE
    pdf.image(_qr_png(url), x=qr_x, y=qr_y, w=QR_SIZE, h=QR_SIZE)
    pdf.set_xy(qr_x - 8, qr_y + QR_SIZE + 0.5)
    pdf.set_font(FONT, "", 8)
    pdf.cell(QR_SIZE + 16, 4, "Quét mã để xác thực", align=Align.C)


def _revoked_stamp(pdf):
    with pdf.local_context(fill_opacity=0.35):
        pdf.set_text_color(*RED)
        pdf.set_font(FONT, "B", 64)
        with pdf.rotation(20, x=PAGE_W / 2, y=PAGE_H / 2):
            pdf.set_xy(0, PAGE_H / 2 - 15)
            pdf.cell(PAGE_W, 30, "ĐÃ THU HỒI", align=Align.C)


def certificate_pdf(certificate) -> bytes:
    """The certificate on one A4 landscape page, with a QR code to its verification page.

    A revoked certificate (served only to HR) carries "ĐÃ THU HỒI" across the page.
    """
    organisation = _text(organisation_name())
    pdf = pdf_document(
        orientation="landscape",
        title=f"Giấy chứng nhận {certificate.number}",
        author=organisation,
    )
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(left=30, top=FRAME, right=30)
    pdf.add_page()
    _frame(pdf)
    _heading(pdf, organisation)
    _body(pdf, certificate, organisation)
    _foot(pdf, certificate)
    if not certificate.is_valid:
        _revoked_stamp(pdf)
    return bytes(pdf.output())
