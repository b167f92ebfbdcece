"""Course assignments by HR and the certificates issued on course completion."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.formatting import format_date


class Assignment(models.Model):
    """HR gives a course (Giao khóa học) to an agency subtree or to chosen people, with a due
    date. The people are enrolled with that due date; the row is the record of who did it."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("khóa học"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    agency = models.ForeignKey(
        "learners.Agency",
        verbose_name=_("cơ quan, đơn vị (cả đơn vị trực thuộc)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("người được giao"), blank=True, related_name="+"
    )
    due_date = models.DateField(_("hạn hoàn thành"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người giao"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("ngày giao"), auto_now_add=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("giao khóa học")
        verbose_name_plural = _("giao khóa học")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.course_id} · {format_date(self.due_date)}"


class Certificate(models.Model):
    """Giấy chứng nhận: issued once a course is completed. The printed fields are copied at
    issue time, so renaming a course or moving a person never changes an issued certificate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField(_("số giấy chứng nhận"), max_length=32, unique=True)
    code = models.CharField(_("mã xác thực"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("ngày cấp"), auto_now_add=True)
    completed_at = models.DateTimeField(_("ngày hoàn thành"))
    full_name = models.CharField(_("họ và tên"), max_length=150)
    employee_code = models.CharField(_("mã số công chức, viên chức"), max_length=32, blank=True)
    agency_name = models.CharField(_("cơ quan, đơn vị"), max_length=255, blank=True)
    course_title = models.CharField(_("khóa học"), max_length=255)
    hours = models.DecimalField(_("số giờ"), max_digits=5, decimal_places=1, default=0)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = _("giấy chứng nhận")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_certificate_per_course",
            )
        ]

    def __str__(self):
        return self.number

    @property
    def is_valid(self):
        return self.revoked_at is None
