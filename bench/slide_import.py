"""Benchmark: a lecture PDF turned into slides (courses/slide_import.py), per page.

Builds a 60-page PDF with fpdf2 (text and shapes on each page, as a saved PowerPoint has) and
prints the pages, the seconds, the milliseconds a page and the PNG kilobytes a page: the
rendering a worker does (``slides_from_pdf``, as the import did in the request before), and
the check the upload request still does (``pdf_validate``: nothing rendered). Nothing is written
to a database and no task is queued, so no worker is needed. Run with `make bench`.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from fpdf import FPDF  # noqa: E402

from courses.slide_import import pdf_validate, slides_from_pdf  # noqa: E402

PAGES = 60


def lecture_pdf(pages: int) -> bytes:
    fonts = ROOT / "static" / "fonts"
    pdf = FPDF(orientation="landscape", unit="mm", format=(90, 160))
    pdf.add_font("BeVietnamPro", "", fonts / "BeVietnamPro-Regular.ttf")
    pdf.set_auto_page_break(False)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_fill_color(16, 42, 94)
        pdf.rect(0, 0, 160, 14, style="F")
        pdf.set_font("BeVietnamPro", "", 14)
        pdf.cell(0, 18, f"Cải cách hành chính: phần {number}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("BeVietnamPro", "", 10)
        for line in ("• Cải cách thể chế", "• Cải cách thủ tục hành chính", "• Chính phủ số"):
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ellipse(120, 40, 25, 25)
    return bytes(pdf.output())


def main():
    upload = SimpleUploadedFile("bai-giang.pdf", lecture_pdf(PAGES))
    start = time.perf_counter()
    pages = pdf_validate(upload)
    checked = time.perf_counter() - start
    start = time.perf_counter()
    slides = slides_from_pdf(upload)
    seconds = time.perf_counter() - start
    size = sum(len(slide.png) for slide in slides) / len(slides) / 1024
    print(f"{'PDF to slides':<16} {'pages':>6} {'seconds':>8} {'ms/page':>8} {'KB/page':>8}")
    print(
        f"{'60-page lecture':<16} {len(slides):>6} {seconds:>8.2f} "
        f"{seconds / len(slides) * 1000:>8.0f} {size:>8.0f}"
    )
    print(f"{'upload check':<16} {pages:>6} {checked:>8.2f} {checked / pages * 1000:>8.1f}")


if __name__ == "__main__":
    main()
