"""The log of reminders and digests: what was sent to whom, why, how, and whether it went out.

One row per person, course, reason and due date (a digest: per officer and week), under unique
constraints: a second run, or a second scheduler running the same job, inserts nothing and so
sends nothing (courses/reminders.py claims rows with an INSERT that skips conflicts).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    class Reason(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa bắt đầu học")
        DUE_SOON = "due_soon", _("Sắp đến hạn hoàn thành")
        OVERDUE = "overdue", _("Quá hạn hoàn thành")
        DIGEST = "digest", _("Tổng hợp hằng tuần")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử")
        ON_SITE = "on_site", _("Thông báo trên Góc học tập")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không thành công")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    # The course of a reminder; none for a digest.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("khóa học"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("lý do"), max_length=16, choices=Reason.choices)
    channel = models.CharField(_("cách gửi"), max_length=16, choices=Channel.choices)
    # A reminder: the due date it was about (a new due date may be reminded of again).
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    # A digest: the Monday of its week.
    week = models.DateField(_("tuần"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    # The run that inserted the row: how a run finds the rows it claimed.
    run = models.UUIDField(_("lượt chạy"), db_index=True)

    class Meta:
        verbose_name = _("lời nhắc")
        verbose_name_plural = _("lời nhắc")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "reason", "due_date"],
                condition=Q(course__isnull=False),
                name="reminder_once_per_reason",
            ),
            models.UniqueConstraint(
                fields=["user", "reason", "week"],
                condition=Q(course__isnull=True),
                name="digest_once_per_week",
            ),
        ]
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self):
        return f"{self.user_id} · {self.reason} · {self.course_id or self.week}"
