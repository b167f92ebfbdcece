"""Slide decks from a lecture's PDF: each page becomes a slide image, with its text.

Trainers have their lectures as PDF (a PowerPoint saved as PDF). The request checks the file
(``pdf_validate``: type, size, page count and page sizes, nothing rendered), stores it in private
storage and queues a job (``slide_import_request``: a ``SlideImport`` row and its task in one
transaction). A worker renders each page with pypdfium2 (PDFium, no system library), keeps the
page's text as the slide's title and its text for screen readers, search and slow connections,
and only at the end, in one transaction, adds the deck to the lesson as a new draft revision
(``slide_import_run``): the trainer reviews the titles and publishes it as any other change.
Bad files get a Vietnamese error and change nothing; a failed job leaves the lesson as it was.
"""

import io
import re
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pypdfium2 as pdfium
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import OperationalError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, Page

from home.tasks import enqueue_in_transaction

from . import tasks
from .models import SlideImport
from .models.slides import RENDERING_STALE_MINUTES, private_storage

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
# (in the worker) also stops when it takes longer than SLIDE_PDF_MAX_SECONDS (complex vector
# pages). Both can be changed in settings.
DEFAULT_MAX_MEGAPIXELS = 160
DEFAULT_MAX_SECONDS = 20
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
PDF_PAGE_FAILED = _(
    "Không dựng được trang %(page)s của tệp PDF (trang hỏng). Hãy lưu lại bài trình chiếu thành "
    "PDF và thử lại."
)
IMPORT_INTERRUPTED = _(
    "Việc dựng bài trình chiếu bị gián đoạn (máy chủ khởi động lại). Hãy nhập lại tệp PDF."
)
IMPORT_SERVER_ERROR = _(
    "Máy chủ gặp lỗi khi dựng bài trình chiếu. Hãy thử lại sau; nếu vẫn lỗi, hãy báo quản trị "
    "hệ thống."
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


def _document(data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ValidationError(PDF_UNREADABLE) from None


def _pages_check(document) -> list[float]:
    """The page count within bounds, and every page's scale (``_planned_scales``)."""
    pages = len(document)
    if pages == 0:
        raise ValidationError(PDF_EMPTY)
    limit = settings.SLIDE_PDF_MAX_PAGES
    if pages > limit:
        raise ValidationError(PDF_TOO_MANY_PAGES % {"pages": pages, "limit": limit})
    return _planned_scales(document)


def pdf_validate(file) -> int:
    """What the request checks, without rendering anything: a PDF within the size limit, readable,
    with a page count, page sizes and pixels within bounds. Returns the page count; raises
    ValidationError."""
    pdf_check(file)
    document = _document(file.read())
    file.seek(0)
    try:
        return len(_pages_check(document))
    finally:
        document.close()


def slides_render(data: bytes, *, progress=None) -> list[Slide]:
    """Render and read every page of the PDF in ``data``; after each page ``progress(done,
    total)`` is called. Raises ValidationError on a bad file or page and past the time budget."""
    document = _document(data)
    try:
        scales = _pages_check(document)
        pages = len(scales)
        max_seconds = getattr(settings, "SLIDE_PDF_MAX_SECONDS", DEFAULT_MAX_SECONDS)
        started = time.monotonic()
        slides = []
        for index, scale in enumerate(scales):
            if index and time.monotonic() - started > max_seconds:
                raise ValidationError(
                    PDF_TOO_SLOW
                    % {"seconds": max_seconds, "done": index, "pages": pages, "page": index + 1}
                )
            try:
                page = document[index]
                image = page.render(scale=scale).to_pil().convert("RGB")
                text = page.get_textpage().get_text_bounded()
            except pdfium.PdfiumError:
                raise ValidationError(PDF_PAGE_FAILED % {"page": index + 1}) from None
            buffer = io.BytesIO()
            image.save(buffer, format="PNG", compress_level=6)
            title, text_html = _text_parts(text, index + 1)
            slides.append(Slide(index + 1, title, text_html, buffer.getvalue(), *image.size))
            if progress is not None:
                progress(index + 1, pages)
        return slides
    finally:
        document.close()


def slides_from_pdf(file) -> list[Slide]:
    """Check, render and read every page; raises ValidationError (nothing written) on a bad
    file."""
    pdf_check(file)
    return slides_render(file.read())


def top_level_collection(name):
    """The collection of that name under the root, made when missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def slide_deck_add(*, lesson, slides: list[Slide], deck_title: str, user, file_name: str):
    """Add the slides to the end of the lesson's body in a new draft revision (the live page is
    unchanged until the trainer publishes), in one transaction; returns the revision. On any
    failure nothing stays: the rows go with the transaction, the image files are deleted."""
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
                data={"title": deck_title, "slides": len(slides), "file": file_name},
            )
            # The slides' renditions, made before anyone opens the lesson.
            enqueue_in_transaction(
                tasks.image_renditions_make, [image.pk for image in stored], "slide"
            )
    except BaseException:
        for image in stored:
            image.file.delete(save=False)
        raise
    return revision


# The job: queued in the request, run by a worker --------------------------------------------------


def slide_import_request(*, lesson, file, title: str, user) -> SlideImport:
    """Check the upload (ValidationError, nothing written), store it privately and queue its
    rendering: the job row and its task in one transaction."""
    pages = pdf_validate(file)
    job = SlideImport(
        lesson=lesson, title=title, requested_by=user, pages_total=pages, file_name=file.name[:255]
    )
    try:
        with transaction.atomic():
            job.file.save(f"{uuid.uuid4().hex}.pdf", file, save=False)
            job.save()
            enqueue_in_transaction(tasks.slide_import_render, job.pk)
    except BaseException:
        if job.file:
            job.file.delete(save=False)
        raise
    return job


def _finish(job, started, status, error=""):
    """Close this run of the job (not a newer run's) and delete the uploaded file."""
    closed = SlideImport.objects.filter(pk=job.pk, started_at=started).update(
        status=status, error=str(error), finished_at=timezone.now(), file=""
    )
    if closed and job.file:
        job.file.delete(save=False)
    return closed


def slide_import_run(import_id: int) -> str:
    """The worker's part. Renders page by page (``pages_done`` committed after each), then adds
    the deck to the lesson in one transaction. Idempotent: a finished job is left alone, a job
    left "rendering" by a killed worker starts over. A bad file or page fails the job with its
    reason (no retry); a database error (OperationalError) puts it back in the queue state and
    is raised for the task to retry; any other error fails it and is raised. Returns the status.
    """
    job = SlideImport.objects.filter(pk=import_id).first()
    if job is None:
        return "missing"
    if job.finished:
        return job.status
    started = timezone.now()
    SlideImport.objects.filter(pk=job.pk).update(
        status=SlideImport.Status.RENDERING, pages_done=0, started_at=started, error=""
    )

    def progress(done, total):
        SlideImport.objects.filter(pk=job.pk, started_at=started).update(
            pages_done=done, pages_total=total
        )

    try:
        try:
            with job.file.open("rb") as pdf:
                data = pdf.read()
        except (FileNotFoundError, ValueError):  # no file: the job's upload is gone
            raise ValidationError(IMPORT_INTERRUPTED) from None
        slides = slides_render(data, progress=progress)
        with transaction.atomic():
            current = SlideImport.objects.select_for_update().get(pk=job.pk)
            if current.started_at != started:
                return current.status  # a newer run of this job took over
            # The lesson's row locked, its latest draft read afresh: two imports finishing at
            # once on one lesson both end up in its draft.
            lesson = Page.objects.select_for_update().get(pk=job.lesson_id).specific
            slide_deck_add(
                lesson=lesson,
                slides=slides,
                deck_title=job.title,
                user=job.requested_by,
                file_name=job.file_name,
            )
            SlideImport.objects.filter(pk=job.pk).update(
                status=SlideImport.Status.READY, finished_at=timezone.now(), error="", file=""
            )
        job.file.delete(save=False)
        return SlideImport.Status.READY
    except ValidationError as error:
        _finish(job, started, SlideImport.Status.FAILED, " ".join(error.messages))
        return SlideImport.Status.FAILED
    except OperationalError:
        SlideImport.objects.filter(pk=job.pk, started_at=started).update(
            status=SlideImport.Status.QUEUED, pages_done=0
        )
        raise
    except Exception:
        _finish(job, started, SlideImport.Status.FAILED, IMPORT_SERVER_ERROR)
        raise


def slide_import_give_up(import_id: int) -> None:
    """The retries are used up: the job fails with the server's error."""
    job = SlideImport.objects.filter(pk=import_id).first()
    if job is not None and not job.finished:
        _finish(job, job.started_at, SlideImport.Status.FAILED, IMPORT_SERVER_ERROR)


# Where the request keeps an uploaded PDF for the worker (the job's file field).
UPLOAD_FOLDER = SlideImport._meta.get_field("file").upload_to.rstrip("/")


def slide_imports_prune(*, now=None) -> int:
    """Tidy what killed workers and rolled-back uploads leave in the private storage: a job
    stale in "rendering" is closed as interrupted, and any uploaded PDF older than a day that no
    unfinished job waits for is deleted. Returns the number of files deleted."""
    now = now or timezone.now()
    stale = SlideImport.objects.filter(
        status=SlideImport.Status.RENDERING,
        started_at__lt=now - timedelta(minutes=RENDERING_STALE_MINUTES),
    )
    for job in stale:
        _finish(job, job.started_at, SlideImport.Status.FAILED, IMPORT_INTERRUPTED)
    storage = private_storage()
    waiting = set(
        SlideImport.objects.filter(
            status__in=[SlideImport.Status.QUEUED, SlideImport.Status.RENDERING]
        ).values_list("file", flat=True)
    )
    try:
        _folders, names = storage.listdir(UPLOAD_FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in names:
        path = f"{UPLOAD_FOLDER}/{name}"
        if path in waiting or storage.get_modified_time(path) > now - timedelta(days=1):
            continue
        storage.delete(path)
        deleted += 1
    return deleted
