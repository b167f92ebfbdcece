"""Giấy chứng nhận: issued when a person completes a course, revoked by HR, printed as a PDF
and verified by anyone from the code printed on it.

The printed fields are copied into the certificate when it is issued; nothing here reads the
person or the course again when printing or verifying.
"""

import io
import re
import secrets
import unicodedata
from decimal import Decimal

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from wagtail.log_actions import log

from home.models import SiteSettings
from learners.scope import in_scope, scoped_people
from learners.selectors import agency_chain_name

from . import models  # attribute access at call time: the page models import the services

NUMBER_PREFIX = "CCHC"  # cải cách hành chính
# No 0/O or 1/I: a code read aloud or copied from paper cannot be mistyped into another one.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 12  # 32^12 = 2^60 possible codes
CODE_GROUP = 4
ISSUE_ATTEMPTS = 3
DEFAULT_ORGANISATION = "Sở Nội vụ"

REVOKE_LOG_ACTION = "courses.certificate_revoke"
REISSUE_LOG_ACTION = "courses.certificate_reissue"

REVOKE_REASON_REQUIRED = _("Hãy ghi lý do thu hồi giấy chứng nhận.")
ALREADY_REVOKED = _("Giấy chứng nhận này đã bị thu hồi trước đó.")
NOT_ALLOWED = _("Bạn không có quyền thay đổi giấy chứng nhận của người này.")
REISSUE_NOT_REVOKED = _("Chỉ cấp lại được giấy chứng nhận đã bị thu hồi.")
REISSUE_HAS_VALID = _("Người này đã có giấy chứng nhận còn hiệu lực cho khóa học này.")
REISSUE_NOT_COMPLETED = _("Người này chưa hoàn thành khóa học nên chưa cấp lại được.")


# Codes and numbers ------------------------------------------------------------------------------


def format_code(raw: str) -> str:
    """ "K7QXM2PA9RTD" → "K7QX-M2PA-9RTD", the form printed and stored."""
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, len(raw), CODE_GROUP))


def normalise_code(text: str) -> str:
    """The stored form of a code as someone typed or scanned it: any case, with or without
    dashes and spaces. Returns "" when it cannot be a code at all."""
    raw = re.sub(r"[^0-9A-Z]", "", (text or "").upper())
    if len(raw) != CODE_LENGTH or not set(raw) <= set(CODE_ALPHABET):
        return ""
    return format_code(raw)


def _new_code() -> str:
    return format_code("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)))


def certificate_number(*, year: int, sequence: int) -> str:
    """ "CCHC-2017-000123": the year of completion and the certificate's row id."""
    return f"{NUMBER_PREFIX}-{year}-{sequence:06d}"


def mask_employee_code(code: str) -> str:
    """All but the last three characters hidden, for the public verification page."""
    if not code:
        return ""
    shown = code[-3:] if len(code) > 3 else ""
    return "*" * (len(code) - len(shown)) + shown


def verify_url(certificate) -> str:
    """The absolute address the QR code points at."""
    path = reverse("certificate_verify_code", args=[certificate.code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Reads ------------------------------------------------------------------------------------------


def certificates_visible_to(user):
    """The certificates an HR officer may list: those of the people in their scope (all for a
    superuser, none for anyone without the records permission)."""
    queryset = models.Certificate.objects.all()
    if user.is_superuser:
        return queryset
    return queryset.filter(user__in=scoped_people(user))


def can_manage(user, certificate) -> bool:
    """Revoke or re-issue: the change permission and the owner inside the user's scope."""
    return user.has_perm("courses.change_certificate") and in_scope(user, certificate.user)


def valid_certificate(*, user, course_id):
    return models.Certificate.objects.filter(
        user=user, course_id=course_id, revoked_at__isnull=True
    ).first()


def organisation_name() -> str:
    name = (
        SiteSettings.objects.filter(site__is_default_site=True)
        .values_list("organisation_name", flat=True)
        .first()
    )
    return name or DEFAULT_ORGANISATION


# Writes -----------------------------------------------------------------------------------------


def _printed_fields(*, user, course) -> dict:
    course_page = models.CoursePage.objects.only("title", "estimated_hours").get(pk=course.pk)
    agency_name = agency_chain_name(agency=user.agency) if user.agency_id else ""
    return {
        "full_name": user.get_full_name()[:150],
        "employee_code": user.employee_code,
        "agency_name": agency_name[:255],
        "course_title": course_page.title,
        "hours": course_page.estimated_hours,
    }


def certificate_issue(*, user, course, completed_at):
    """Issue the person's certificate for the course, or return the valid one they have.

    Safe to call twice at once: the database allows one valid certificate per person and
    course, and the call that loses the race returns the winner's. The number comes from the
    row id, so two certificates can never be given the same one.
    """
    existing = valid_certificate(user=user, course_id=course.pk)
    if existing is not None:
        return existing
    fields = _printed_fields(user=user, course=course)
    year = timezone.localtime(completed_at).year
    for attempt in range(1, ISSUE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                certificate = models.Certificate.objects.create(
                    user=user,
                    course_id=course.pk,
                    # A placeholder until the row id is known; unique like the real number.
                    number=f"~{secrets.token_hex(12)}",
                    code=_new_code(),
                    completed_at=completed_at,
                    **fields,
                )
                certificate.number = certificate_number(year=year, sequence=certificate.pk)
                certificate.save(update_fields=["number"])
            return certificate
        except IntegrityError:
            existing = valid_certificate(user=user, course_id=course.pk)
            if existing is not None:
                return existing
            if attempt == ISSUE_ATTEMPTS:  # not a lost race, and not a chance code clash
                raise


def certificate_revoke(*, certificate, by, reason: str):
    """Revoke a valid certificate, with the reason, and record it in the audit log.

    The course stays completed; a new certificate can be issued with ``certificate_reissue``.
    """
    if not can_manage(by, certificate):
        raise PermissionDenied(NOT_ALLOWED)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(REVOKE_REASON_REQUIRED)
    reason = reason[: models.Certificate._meta.get_field("revoke_reason").max_length]
    with transaction.atomic():
        revoked = models.Certificate.objects.filter(
            pk=certificate.pk, revoked_at__isnull=True
        ).update(revoked_at=timezone.now(), revoked_by=by, revoke_reason=reason)
        if not revoked:
            raise ValidationError(ALREADY_REVOKED)
        certificate.refresh_from_db()
        log(instance=certificate, action=REVOKE_LOG_ACTION, user=by, data={"reason": reason})
    return certificate


def certificate_reissue(*, certificate, by):
    """ "Cấp lại": a new certificate in place of a revoked one, with the course completion
    date and the person's current name, code and agency. Returns the new certificate."""
    if not can_manage(by, certificate):
        raise PermissionDenied(NOT_ALLOWED)
    if certificate.is_valid:
        raise ValidationError(REISSUE_NOT_REVOKED)
    if valid_certificate(user=certificate.user, course_id=certificate.course_id) is not None:
        raise ValidationError(REISSUE_HAS_VALID)
    completed_at = (
        models.Enrolment.objects.filter(user=certificate.user, course_id=certificate.course_id)
        .values_list("completed_at", flat=True)
        .first()
    )
    if completed_at is None:
        raise ValidationError(REISSUE_NOT_COMPLETED)
    with transaction.atomic():
        new = certificate_issue(
            user=certificate.user, course=certificate.course, completed_at=completed_at
        )
        log(
            instance=new,
            action=REISSUE_LOG_ACTION,
            user=by,
            data={"replaces": certificate.number},
        )
    return new


def completions_without_certificate(*, course=None):
    """Completed enrolments with no certificate at all: completions from before certificates
    existed, or whose issue failed. A revoked certificate counts as one (revoking is a
    decision, and an administrator re-issues on purpose)."""
    enrolments = models.Enrolment.objects.filter(completed_at__isnull=False).exclude(
        Exists(
            models.Certificate.objects.filter(
                user_id=OuterRef("user_id"), course_id=OuterRef("course_id")
            )
        )
    )
    if course is not None:
        enrolments = enrolments.filter(course_id=course.pk)
    return enrolments.select_related("user__agency", "course").order_by("completed_at", "pk")


def certificates_backfill(*, course=None) -> list:
    """Issue the missing certificates (``completions_without_certificate``), each dated by its
    completion; returns them. Idempotent: a second run issues nothing."""
    return [
        certificate_issue(
            user=enrolment.user, course=enrolment.course, completed_at=enrolment.completed_at
        )
        for enrolment in completions_without_certificate(course=course).iterator(chunk_size=500)
    ]


# PDF --------------------------------------------------------------------------------------------

FONT = "BeVietnamPro"
BLUE = (11, 61, 145)
RED = (179, 22, 27)
TEXT = (27, 31, 36)
MUTED = (74, 83, 97)
PAGE_W, PAGE_H = 297, 210  # A4 landscape, mm
FRAME = 9  # outer border inset, mm
QR_SIZE = 34  # mm


def _text(value) -> str:
    # Composed form: a name pasted with separate combining accents would otherwise print
    # its marks beside the letters.
    return unicodedata.normalize("NFC", str(value))


def format_hours(value) -> str:
    """Decimal(4.0) → "4", Decimal(3.5) → "3,5" (Vietnamese decimal mark)."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def format_date(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y")


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make_qr(url, error="m").save(buffer, kind="png", scale=10, border=0)
    buffer.seek(0)
    return buffer


def _frame(pdf):
    """A thick border with a thin one inside it."""
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(1.2)
    pdf.rect(FRAME, FRAME, PAGE_W - 2 * FRAME, PAGE_H - 2 * FRAME)
    pdf.set_line_width(0.3)
    pdf.rect(FRAME + 2.5, FRAME + 2.5, PAGE_W - 2 * FRAME - 5, PAGE_H - 2 * FRAME - 5)


def _heading(pdf, organisation):
    """The issuing organisation on the left, the national motto on the right."""
    pdf.set_text_color(*TEXT)
    pdf.set_font(FONT, "B", 11)
    pdf.set_xy(20, 20)
    pdf.multi_cell(120, 5.5, organisation.upper(), align=Align.C)
    pdf.set_xy(157, 20)
    pdf.cell(120, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=Align.C)
    motto = "Độc lập – Tự do – Hạnh phúc"
    pdf.set_xy(157, 25.5)
    pdf.cell(120, 5.5, motto, align=Align.C)
    half = pdf.get_string_width(motto) / 2
    pdf.set_draw_color(*TEXT)
    pdf.line(217 - half, 31.5, 217 + half, 31.5)


def _centred(pdf, text, *, size, style="", colour=TEXT, height=None, gap=0):
    """A centred paragraph between the side margins, wrapped if long."""
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(
        0, height or size * 0.5, _text(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_y(pdf.get_y() + gap)


def _body(pdf, certificate, organisation):
    pdf.set_y(46)
    _centred(pdf, "GIẤY CHỨNG NHẬN", size=32, style="B", colour=RED, height=15, gap=3)
    _centred(pdf, f"{organisation} chứng nhận", size=13, colour=MUTED, gap=2)
    _centred(pdf, certificate.full_name, size=24, style="B", colour=BLUE, height=12, gap=2)
    if certificate.employee_code:
        _centred(pdf, f"Mã số công chức, viên chức: {certificate.employee_code}", size=12)
    if certificate.agency_name:
        _centred(pdf, f"Cơ quan, đơn vị: {certificate.agency_name}", size=12)
    pdf.set_y(pdf.get_y() + 4)
    _centred(pdf, "đã hoàn thành khóa học", size=13, colour=MUTED, gap=1)
    _centred(pdf, certificate.course_title, size=17, style="B", height=8.5, gap=2)
    _centred(
        pdf,
        f"Thời lượng: {format_hours(certificate.hours)} giờ"
        f"   ·   Ngày hoàn thành: {format_date(certificate.completed_at)}",
        size=12,
    )


def _foot(pdf, certificate):
    """Number, issue date and code on the left; the QR code to the verification page right."""
    url = verify_url(certificate)
    top = PAGE_H - FRAME - 36
    pdf.set_text_color(*TEXT)
    for line, (label, value) in enumerate(
        [
            ("Số: ", certificate.number),
            ("Ngày cấp: ", format_date(certificate.issued_at)),
            ("Mã xác thực: ", certificate.code),
        ]
    ):
        pdf.set_xy(20, top + 6.5 * line)
        pdf.set_font(FONT, "", 11)
        pdf.cell(text=label)
        pdf.set_font(FONT, "B", 11)
        pdf.cell(text=value)
    pdf.set_xy(20, top + 19.5)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(text=f"Xác thực tại: {url}", link=url)

    qr_x = PAGE_W - FRAME - 8 - QR_SIZE
    qr_y = PAGE_H - FRAME - 12 - QR_SIZE
    pdf.image(_qr_png(url), x=qr_x, y=qr_y, w=QR_SIZE, h=QR_SIZE)
    pdf.set_xy(qr_x - 8, qr_y + QR_SIZE + 0.5)
    pdf.set_font(FONT, "", 8)
    pdf.cell(QR_SIZE + 16, 4, "Quét mã để xác thực", align=Align.C)


def _revoked_stamp(pdf):
    with pdf.local_context(fill_opacity=0.35):
        pdf.set_text_color(*RED)
        pdf.set_font(FONT, "B", 64)
        with pdf.rotation(20, x=PAGE_W / 2, y=PAGE_H / 2):
            pdf.set_xy(0, PAGE_H / 2 - 15)
            pdf.cell(PAGE_W, 30, "ĐÃ THU HỒI", align=Align.C)


def certificate_pdf(certificate) -> bytes:
    """The certificate on one A4 landscape page, with a QR code to its verification page.

    A revoked certificate (served only to HR) carries "ĐÃ THU HỒI" across the page.
    """
    organisation = _text(organisation_name())
    fonts = settings.BASE_DIR / "static" / "fonts"
    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.add_font(FONT, "", fonts / "BeVietnamPro-Regular.ttf")
    pdf.add_font(FONT, "B", fonts / "BeVietnamPro-Bold.ttf")
    pdf.set_lang("vi")
    pdf.set_title(_text(f"Giấy chứng nhận {certificate.number}"))
    pdf.set_author(organisation)
    pdf.set_creator("PAR Learn")
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(left=30, top=FRAME, right=30)
    pdf.add_page()
    _frame(pdf)
    _heading(pdf, organisation)
    _body(pdf, certificate, organisation)
    _foot(pdf, certificate)
    if not certificate.is_valid:
        _revoked_stamp(pdf)
    return bytes(pdf.output())
