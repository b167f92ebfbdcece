"""The PDF slide import bounds its work per page and per import: pages that are no slide (tiny,
huge, a thin strip) are refused by page number before anything is rendered, each slide is at
most 1600 × 2400 pixels, and the whole import has a pixel and a time budget."""

import io
import time

import pypdfium2
import pytest
from django.urls import reverse
from fpdf import FPDF
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Revision

from courses.models import SlideImport
from courses.slide_import import SLIDE_MAX_HEIGHT, SLIDE_WIDTH, slides_from_pdf
from tests.courses.test_slide_import import lesson, refused, trainer_client, upload

pytestmark = pytest.mark.django_db
__all__ = ["lesson", "trainer_client"]  # fixtures


def pdf_of(*sizes) -> bytes:
    """A PDF with one page of each (width, height) in points, a frame and a line of text."""
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=6)
    for width, height in sizes:
        pdf.add_page(format=(width, height))
        pdf.rect(1, 1, width - 2, height - 2)
        pdf.text(2, min(8, height - 1), "CCHC")
    return bytes(pdf.output())


SLIDE = (720, 405)  # 16:9, 10 × 5.6 inches
A4_PORTRAIT = (595, 842)


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ([(10, 10)] * 80, "Trang 1 của tệp PDF quá nhỏ (4 × 4 mm"),
        ([SLIDE, (50, 40)], "Trang 2 của tệp PDF quá nhỏ"),
        ([SLIDE, SLIDE, (2000, 100)], "Trang 3 của tệp PDF có tỉ lệ bất thường (706 × 35 mm"),
        ([(100, 14_000)], "Trang 1 của tệp PDF có tỉ lệ bất thường"),
        ([SLIDE, (14_401, 14_401)], "Trang 2 của tệp PDF quá lớn (5080 × 5080 mm"),
    ],
    ids=["80-tiny-pages", "one-small-page", "thin-strip", "tall-strip", "huge-page"],
)
def test_pages_that_are_no_slide_are_refused_by_number_before_rendering(
    trainer_client, lesson, sizes, message
):
    started = time.perf_counter()
    error = refused(trainer_client, lesson, pdf_of(*sizes))
    assert message in error
    assert time.perf_counter() - started < 3  # 80 tiny pages took about 1 s each before


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (SLIDE, (1600, 900)),
        (A4_PORTRAIT, (1600, 2264)),
        ((300, 1000), (720, 2400)),  # a tall page: the height bounds it
        ((72, 72), (1600, 1600)),  # the smallest page accepted: one inch
        ((288, 72), (1600, 400)),  # the widest shape accepted: 4 to 1
        ((14_400, 3_600), (1600, 400)),  # the largest page accepted, scaled down
    ],
)
def test_each_slide_is_at_most_1600_wide_and_2400_high(size, expected):
    (slide,) = slides_from_pdf(upload(pdf_of(size)))
    assert slide.width <= SLIDE_WIDTH
    assert slide.height <= SLIDE_MAX_HEIGHT
    assert abs(slide.width - expected[0]) <= 1
    assert abs(slide.height - expected[1]) <= 1
    assert Image.open(io.BytesIO(slide.png)).size == (slide.width, slide.height)


def test_the_import_has_a_pixel_budget_checked_before_rendering(
    trainer_client, lesson, settings, monkeypatch
):
    settings.SLIDE_PDF_MAX_MEGAPIXELS = 5
    assert len(slides_from_pdf(upload(pdf_of(SLIDE, SLIDE, SLIDE)))) == 3  # 4.3 megapixels

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered a page of a file over its budget")

    monkeypatch.setattr(pypdfium2.PdfPage, "render", no_rendering)
    error = refused(trainer_client, lesson, pdf_of(*[A4_PORTRAIT] * 2))  # 2 × 3.6 megapixels
    assert "Tệp PDF có 2 trang khổ lớn: chuyển cả tệp cần 7 triệu điểm ảnh" in error
    assert "tối đa 5 triệu" in error


def test_the_import_has_a_time_budget_naming_the_page_it_stopped_at(
    trainer_client, lesson, settings, django_capture_on_commit_callbacks
):
    """Rendering is the worker's: past the budget the job fails with the page it stopped at."""
    settings.SLIDE_PDF_MAX_SECONDS = 0
    revisions = Revision.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = trainer_client.post(
            reverse("courses_slide_import", args=[lesson.pk]),
            {"title": "Chậm", "file": upload(pdf_of(SLIDE, SLIDE, SLIDE))},
        )
    job = SlideImport.objects.get()
    assert job.status == "failed"
    assert "sau 0 giây mới chuyển xong 1 trên 3 trang (dừng ở trang 2)" in job.error
    assert Revision.objects.count() == revisions
    assert not get_image_model().objects.exists()
    page = trainer_client.get(response["Location"]).content.decode()
    assert "Không thành công: Tệp PDF quá phức tạp" in page
