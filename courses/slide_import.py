"""Slide decks from a lecture's PDF: each page becomes a slide image, with its text.

Trainers have their lectures as PDF (a PowerPoint saved as PDF). ``slides_from_pdf`` renders each
page with pypdfium2 (PDFium, no system library), keeps the page's text as the slide's title and
its text for screen readers, search and slow connections, and ``import_slide_deck`` adds the
deck to the lesson as a new draft revision: the trainer reviews the titles and publishes it as
any other change. Bad files get a Vietnamese error and change nothing.
"""

import io
import re
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

IMPORT_LOG_ACTION = "courses.import_slides"
SLIDE_WIDTH = 1600  # pixels: sharp on a projector-sized screen; renditions make the small ones
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
PDF_PAGE_TOO_LARGE = _("Trang %(page)s của tệp PDF có kích thước bất thường, không thể chuyển.")
SLIDE_TITLE = _("Trang %(number)s")


@dataclass
class Slide:
    number: int
    title: str
    text_html: str
    png: bytes
    width: int
    height: int


def check_pdf(file):
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


def slides_from_pdf(file) -> list[Slide]:
    """Render and read every page; raises ValidationError (nothing written) on a bad file."""
    import pypdfium2 as pdfium

    check_pdf(file)
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
        slides = []
        for index in range(pages):
            page = document[index]
            width, height = page.get_size()  # points
            if not (1 <= width <= 14_400 and 1 <= height <= 14_400):
                raise ValidationError(PDF_PAGE_TOO_LARGE % {"page": index + 1})
            scale = SLIDE_WIDTH / width
            if height * scale > 4 * SLIDE_WIDTH:  # a very tall page: bound the pixels
                scale = 4 * SLIDE_WIDTH / height
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


def import_slide_deck(*, lesson, file, deck_title: str, user):
    """Add the PDF's slides to the end of the lesson's body in a new draft revision (the live
    page is unchanged until the trainer publishes). Returns the revision and the slide count.
    Writes nothing when the file is refused."""
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
    except BaseException:
        for image in stored:  # the rows went with the transaction; the files must go too
            image.file.delete(save=False)
        raise
    return revision, len(slides)
