"""Slide decks from a lecture's PDF: each page becomes a slide image, with its text.

Trainers have their lectures as PDF (a PowerPoint saved as PDF). ``slides_from_pdf`` renders each
page with pypdfium2 (PDFium, no system library), keeps the page's text as the slide's title and
its text for screen readers, search and slow connections, and ``slide_deck_import`` adds the
deck to the lesson as a new draft revision: the trainer reviews the titles and publishes it as
any other change. Bad files get a Vietnamese error and change nothing.
"""

import io
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection

from . import tasks

IMPORT_LOG_ACTION = "courses.import_slides"
SLIDE_WIDTH = 1600  # pixels: sharp on a projector-sized screen; renditions make the small ones
SLIDE_MAX_HEIGHT = 2400  # pixels: a portrait A4 page fits (1600 × 2263); 3.84 megapixels at most
# A page is a slide when each side is at least 1 inch and neither side is more than 4 times the
# other (16:9 is 1.8, a portrait A4 1.4, an A4 two-up handout 2.8). Anything else (a 10-point
# page that would be blown up 160 times, a 1-point strip) is refused by page number.
PAGE_MIN_POINTS = 72
PAGE_MAX_POINTS = 14_400  # PDF's own limit: 200 inches
PAGE_MAX_RATIO = 4
# The work of one import, checked from the page sizes before anything is rendered: 160
# megapixels is 80 slides of 1600 × 1250, about 20 s of rendering on a small server. Rendering
# also stops when it takes longer than SLIDE_PDF_MAX_SECONDS (complex vector pages), below
# the web server's 30-second worker timeout. Both can be changed in settings.
DEFAULT_MAX_MEGAPIXELS = 160
DEFAULT_MAX_SECONDS = 20
# The whole import request, the slides' renditions made with the immediate task backend
# included (courses.tasks), stays this far below the worker timeout.
IMPORT_REQUEST_SECONDS = 25
MM_PER_POINT = 25.4 / 72
COLLECTION_NAME = "Bài trình chiếu"
BULLETS = "•◦▪▫■□●○-–—*·"

NOT_A_PDF = _("Tệp này không phải là PDF. Hãy lưu bài trình chiếu thành PDF rồi tải lên.")
PDF_TOO_LARGE = _("Tệp PDF quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.")
PDF_UNREADABLE = _(
    "Không đọc được tệp PDF này (tệp hỏng hoặc có mật khẩu). Hãy lưu lại thành PDF và thử lại."
)
PDF_EMPTY = _("Tệp PDF không có trang nào.")
PDF_TOO_MANY_PAGES = _(
    "Tệp PDF có %(pages)s trang, nhiều hơn mức tối đa %(limit)s trang cho một bài trình chiếu. "
    "Hãy tách thành nhiều bài."
)
PDF_PAGE_TOO_LARGE = _(
    "Trang %(page)s của tệp PDF quá lớn (%(size)s mm; mỗi cạnh tối đa %(limit)s mm), không thể "
    "chuyển. Hãy lưu lại bài trình chiếu thành PDF với khổ trang thông thường."
)
PDF_PAGE_TOO_SMALL = _(
    "Trang %(page)s của tệp PDF quá nhỏ (%(size)s mm; mỗi cạnh cần ít nhất %(limit)s mm), "
    "không phải một trang chiếu. Hãy lưu lại bài trình chiếu thành PDF với khổ trang thông "
    "thường."
)
PDF_PAGE_BAD_SHAPE = _(
    "Trang %(page)s của tệp PDF có tỉ lệ bất thường (%(size)s mm: cạnh dài gấp hơn %(ratio)s "
    "lần cạnh ngắn), không phải một trang chiếu. Hãy lưu lại bài trình chiếu thành PDF với khổ "
    "trang thông thường."
)
PDF_TOO_MANY_PIXELS = _(
    "Tệp PDF có %(pages)s trang khổ lớn: chuyển cả tệp cần %(megapixels)s triệu điểm ảnh, nhiều "
    "hơn mức tối đa %(limit)s triệu cho một lần nhập. Hãy tách thành nhiều bài."
)
PDF_TOO_SLOW = _(
    "Tệp PDF quá phức tạp: sau %(seconds)s giây mới chuyển xong %(done)s trên %(pages)s trang "
    "(dừng ở trang %(page)s). Hãy tách thành nhiều bài, hoặc lưu lại PDF với hình ảnh nhẹ hơn."
)
SLIDE_TITLE = _("Trang %(number)s")


@dataclass
class Slide:
    number: int
    title: str
    text_html: str
    png: bytes
    width: int
    height: int


def pdf_check(file):
    """Raise ValidationError unless ``file`` is a PDF within the size limit."""
    limit = settings.SLIDE_PDF_MAX_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            PDF_TOO_LARGE % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
        )
    head = file.read(1024)
    file.seek(0)
    if b"%PDF-" not in head:
        raise ValidationError(NOT_A_PDF)


def _text_parts(text: str, number: int) -> tuple[str, str]:
    """A page's text as (title, HTML): the first line is the title, bullet lines a list, the
    rest paragraphs."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return str(SLIDE_TITLE % {"number": number}), ""
    title, rest = lines[0][:200], lines[1:]
    html, items = [], []

    def flush():
        if items:
            html.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
            items.clear()

    for line in rest:
        if line[0] in BULLETS and line[1:].strip():
            items.append(line[1:].strip())
        else:
            flush()
            html.append(f"<p>{escape(line)}</p>")
    flush()
    return title, "".join(html)


def _mm(width: float, height: float) -> str:
    return f"{width * MM_PER_POINT:.0f} × {height * MM_PER_POINT:.0f}"


def render_scale(width: float, height: float, number: int) -> float:
    """The scale (pixels per point) of page ``number`` of ``width`` × ``height`` points: at most
    SLIDE_WIDTH pixels wide and SLIDE_MAX_HEIGHT high. Refuses a page that is no slide."""
    size = _mm(width, height)
    if max(width, height) > PAGE_MAX_POINTS:
        limit = round(PAGE_MAX_POINTS * MM_PER_POINT)
        raise ValidationError(PDF_PAGE_TOO_LARGE % {"page": number, "size": size, "limit": limit})
    if min(width, height) < PAGE_MIN_POINTS:
        limit = round(PAGE_MIN_POINTS * MM_PER_POINT)
        raise ValidationError(PDF_PAGE_TOO_SMALL % {"page": number, "size": size, "limit": limit})
    if max(width, height) > PAGE_MAX_RATIO * min(width, height):
        raise ValidationError(
            PDF_PAGE_BAD_SHAPE % {"page": number, "size": size, "ratio": PAGE_MAX_RATIO}
        )
    # A hair under the exact ratio: PDFium rounds the bitmap size up (1600.0000001 → 1601).
    return min(SLIDE_WIDTH / width, SLIDE_MAX_HEIGHT / height) * 0.9999


def _planned_scales(document) -> list[float]:
    """Every page's scale, from the page sizes alone (nothing rendered yet), within the
    import's pixel budget."""
    scales = []
    pixels = 0
    for index in range(len(document)):
        width, height = document.get_page_size(index)  # points
        scale = render_scale(width, height, index + 1)
        scales.append(scale)
        pixels += round(width * scale) * round(height * scale)
    limit = getattr(settings, "SLIDE_PDF_MAX_MEGAPIXELS", DEFAULT_MAX_MEGAPIXELS)
    if pixels > limit * 1_000_000:
        raise ValidationError(
            PDF_TOO_MANY_PIXELS
            % {"pages": len(scales), "megapixels": round(pixels / 1_000_000), "limit": limit}
        )
    return scales


def slides_from_pdf(file) -> list[Slide]:
    """Render and read every page; raises ValidationError (nothing written) on a bad file."""
    import pypdfium2 as pdfium

    pdf_check(file)
    data = file.read()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ValidationError(PDF_UNREADABLE) from None
    try:
        pages = len(document)
        if pages == 0:
            raise ValidationError(PDF_EMPTY)
        limit = settings.SLIDE_PDF_MAX_PAGES
        if pages > limit:
            raise ValidationError(PDF_TOO_MANY_PAGES % {"pages": pages, "limit": limit})
        scales = _planned_scales(document)
        max_seconds = getattr(settings, "SLIDE_PDF_MAX_SECONDS", DEFAULT_MAX_SECONDS)
        started = time.monotonic()
        slides = []
        for index, scale in enumerate(scales):
            if index and time.monotonic() - started > max_seconds:
                raise ValidationError(
                    PDF_TOO_SLOW
                    % {"seconds": max_seconds, "done": index, "pages": pages, "page": index + 1}
                )
            page = document[index]
            image = page.render(scale=scale).to_pil().convert("RGB")
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", compress_level=6)
            textpage = page.get_textpage()
            title, text_html = _text_parts(textpage.get_text_bounded(), index + 1)
            slides.append(Slide(index + 1, title, text_html, buffer.getvalue(), *image.size))
        return slides
    finally:
        document.close()


def top_level_collection(name):
    """The collection of that name under the root, made when missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def slide_deck_import(*, lesson, file, deck_title: str, user):
    """Add the PDF's slides to the end of the lesson's body in a new draft revision (the live
    page is unchanged until the trainer publishes). Returns the revision and the slide count.
    Writes nothing when the file is refused."""
    started = time.monotonic()
    slides = slides_from_pdf(file)
    Image = get_image_model()
    stored = []
    try:
        with transaction.atomic():
            collection = top_level_collection(COLLECTION_NAME)
            for slide in slides:
                image = Image(
                    title=f"{deck_title[:200]} – {slide.number}",
                    collection=collection,
                    uploaded_by_user=user,
                )
                image.file = ImageFile(io.BytesIO(slide.png), name=f"trang-{slide.number}.png")
                image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
                image.save()
                stored.append(image)
            draft = lesson.get_latest_revision_as_object()
            draft.body.append(
                (
                    "slide_deck",
                    {
                        "title": deck_title,
                        "slides": [
                            {
                                "image": image,
                                "title": slide.title,
                                "text": slide.text_html,
                                "notes": "",
                            }
                            for slide, image in zip(slides, stored, strict=True)
                        ],
                    },
                )
            )
            revision = draft.save_revision(user=user, log_action=True)
            log(
                instance=lesson,
                action=IMPORT_LOG_ACTION,
                user=user,
                data={"title": deck_title, "slides": len(slides), "file": file.name},
            )
            # The slides' renditions, made before anyone opens the lesson (once committed; in
            # this request with the immediate backend, within what is left of its time).
            tasks.task_enqueue_after_commit(
                tasks.image_renditions_make,
                [image.pk for image in stored],
                "slide",
                max(0.0, IMPORT_REQUEST_SECONDS - (time.monotonic() - started)),
            )
    except BaseException:
        for image in stored:  # the rows went with the transaction; the files must go too
            image.file.delete(save=False)
        raise
    return revision, len(slides)
