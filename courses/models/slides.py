"""The PDF slide imports (Nhập bài trình chiếu từ PDF) a worker carries out, and the private
storage their uploaded files wait in."""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

# A job still "rendering" this long after it started lost its worker (killed, restarted): it is
# shown as failed ("interrupted") and a new run of its task (a retry) starts it over.
RENDERING_STALE_MINUTES = 15


class PrivateStorage(FileSystemStorage):
    """Files no URL serves (uploads waiting for a worker, exports for one person): on disk
    beside the media folder, in ``PRIVATE_MEDIA_ROOT`` (default: MEDIA_ROOT + "-private"). They
    reach a user only through a view that checks who is asking."""

    def __init__(self):
        super().__init__(base_url="/private-files-are-not-served/")

    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        if configured:
            return str(configured)
        media = Path(settings.MEDIA_ROOT)
        return str(media.with_name(media.name + "-private"))

    @cached_property
    def location(self):
        return str(Path(self.base_location).resolve())


_private = PrivateStorage()


def private_storage():
    """The private storage (a callable, so that migrations name it and not a path)."""
    return _private


class SlideImport(models.Model):
    """One PDF import on a lesson: checked and stored in the request, rendered by a worker, added
    to the lesson's draft in one transaction at the end (never half a deck)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang xếp hàng")
        RENDERING = "rendering", _("Đang dựng trang")
        READY = "ready", _("Đã xong")
        FAILED = "failed", _("Không thành công")

    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("bài học"),
        on_delete=models.CASCADE,
        related_name="slide_imports",
    )
    title = models.CharField(_("tên bài trình chiếu"), max_length=200)
    file = models.FileField(
        _("tệp PDF"), upload_to="slide-imports/", storage=private_storage, blank=True
    )
    file_name = models.CharField(_("tên tệp tải lên"), max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    pages_done = models.PositiveIntegerField(_("số trang đã dựng"), default=0)
    pages_total = models.PositiveIntegerField(_("tổng số trang"), default=0)
    error = models.TextField(_("lý do không thành công"), blank=True)
    created_at = models.DateTimeField(_("lúc tải lên"), auto_now_add=True)
    started_at = models.DateTimeField(_("lúc bắt đầu dựng"), null=True, blank=True)
    finished_at = models.DateTimeField(_("lúc kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập bài trình chiếu")
        verbose_name_plural = _("lượt nhập bài trình chiếu")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    def is_stale(self, now=None) -> bool:
        """Rendering for longer than any import takes: its worker is gone."""
        if self.status != self.Status.RENDERING or self.started_at is None:
            return False
        now = now or timezone.now()
        return now - self.started_at > timedelta(minutes=RENDERING_STALE_MINUTES)
