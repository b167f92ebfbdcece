"""A4 PDF documents in Vietnamese with the site's font (fpdf2 with Be Vietnam Pro, embedded):
the certificate (courses) and the activation-code sheet (learners) start from here."""

import unicodedata

from django.conf import settings
from fpdf import FPDF

FONT = "BeVietnamPro"


def pdf_text(value) -> str:
    """Text in composed form: a name pasted with separate combining accents would otherwise
    print its marks beside the letters."""
    return unicodedata.normalize("NFC", str(value))


def pdf_document(*, orientation: str = "portrait", title: str = "", author: str = "") -> FPDF:
    """An empty A4 document (units: mm) with the site's regular and bold font as ``FONT``."""
    fonts = settings.BASE_DIR / "static" / "fonts"
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.add_font(FONT, "", fonts / "BeVietnamPro-Regular.ttf")
    pdf.add_font(FONT, "B", fonts / "BeVietnamPro-Bold.ttf")
    pdf.set_lang("vi")
    if title:
        pdf.set_title(pdf_text(title))
    if author:
        pdf.set_author(pdf_text(author))
    pdf.set_creator("PAR Learn")
    return pdf
