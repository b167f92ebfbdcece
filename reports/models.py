"""Exports too large for a request ("Đang chuẩn bị tệp…"): made by a worker into private storage,
downloaded by the officer who asked for them, deleted after ``EXPORT_KEEP_HOURS``."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models.slides import private_storage


class ExportJob(models.Model):
    """One report export by a worker. What the file holds is fixed when it is asked for: the
    report's filters (``params``), the officer's scope (``scope_path``: their agency's path;
    ``scope_all`` for the whole province) and the day the report is about."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang xếp hàng")
        RUNNING = "running", _("Đang chuẩn bị tệp")
        READY = "ready", _("Đã xong")
        FAILED = "failed", _("Không thành công")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    report = models.CharField(_("báo cáo"), max_length=40)
    file_format = models.CharField(_("định dạng"), max_length=10)
    params = models.JSONField(_("bộ lọc"), default=dict, blank=True)
    scope_all = models.BooleanField(_("cả tỉnh"), default=False)
    scope_path = models.CharField(_("phạm vi (cơ quan)"), max_length=255, blank=True)
    today = models.DateField(_("ngày của báo cáo"))
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(
        _("tệp"), upload_to="exports/", storage=private_storage, blank=True, max_length=255
    )
    file_name = models.CharField(_("tên tệp tải về"), max_length=255, blank=True)
    error = models.TextField(_("lý do không thành công"), blank=True)
    created_at = models.DateTimeField(_("lúc yêu cầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("lúc xong"), null=True, blank=True)

    class Meta:
        verbose_name = _("tệp xuất báo cáo")
        verbose_name_plural = _("tệp xuất báo cáo")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name or self.report

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)

    def people(self):
        """The people the officer could see when asking (``learners.scope.scoped_people`` then)."""
        people = get_user_model().objects.all()
        if self.scope_all:
            return people
        if not self.scope_path:
            return people.none()
        return people.filter(agency__path__startswith=self.scope_path)
