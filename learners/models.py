"""People and the agencies they belong to."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class Agency(MP_Node):
    """A node of the province's agency tree: province → departments/districts → offices."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("UBND tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("UBND huyện, thành phố")
        OFFICE = "office", _("Phòng, đơn vị trực thuộc")

    code = models.CharField(_("mã cơ quan"), max_length=32, unique=True)
    name = models.CharField(_("tên cơ quan, đơn vị"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A civil servant (or trainer, HR officer, administrator) with an account.

    ``full_name`` is the one name field the site shows, in Vietnamese order
    ("Nguyễn Văn An"); Django's first/last name fields are kept empty.
    """

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    employee_code = models.CharField(
        _("mã số công chức, viên chức"), max_length=32, blank=True, default=""
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan, đơn vị"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=32, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        permissions = [
            ("view_records", _("Xem và xuất kết quả học tập của người trong phạm vi")),
            ("import_staff", _("Nhập danh sách công chức, viên chức")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["employee_code"],
                condition=~Q(employee_code=""),
                name="learners_user_employee_code_unique",
                violation_error_message=_("Mã số công chức, viên chức này đã được dùng."),
            )
        ]

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        return self.full_name or super().get_full_name() or self.username

    def get_short_name(self):
        # Vietnamese address people by their given name, the last word.
        name = self.get_full_name()
        return name.split()[-1] if name else self.username


class ActivationCode(models.Model):
    """The one live activation code of a person who signs in for the first time without an
    e-mail address (HR prints it on a sheet). Only a keyed hash of the code is stored; issuing
    a new code replaces the row, so a person never has two codes that work."""

    user = models.OneToOneField(
        User,
        verbose_name=_("người dùng"),
        on_delete=models.CASCADE,
        related_name="activation_code",
    )
    code_hash = models.CharField(_("mã băm"), max_length=64)
    issued_by = models.ForeignKey(
        User,
        verbose_name=_("người cấp"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    issued_at = models.DateTimeField(_("lúc cấp"))
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("lúc dùng"), null=True, blank=True)
    # Issued for one person who already had a password (HR's re-issue): using it sets a new one.
    replaces_password = models.BooleanField(_("dùng để đặt lại mật khẩu"), default=False)

    class Meta:
        verbose_name = _("mã kích hoạt")
        verbose_name_plural = _("mã kích hoạt")

    def __str__(self):
        return str(self.user)

    def is_live(self, now) -> bool:
        return self.used_at is None and self.expires_at > now
