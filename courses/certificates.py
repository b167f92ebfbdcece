"""Giấy chứng nhận: issued when a person completes a course, revoked by HR, printed as a PDF
and verified by anyone from the code printed on it.

The printed fields are copied into the certificate when it is issued; nothing here reads the
person or the course again when printing or verifying.
"""

import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from home.links import absolute_url
from home.models import SiteSettings
from learners.roles import can_manage_certificate
from learners.scope import scoped_people
from learners.selectors import agency_chain_name

from .models import Certificate, Enrolment

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


def certificate_code_format(raw: str) -> str:
    """ "K7QXM2PA9RTD" → "K7QX-M2PA-9RTD", the form printed and stored."""
    return "-".join(raw[i : i + CODE_GROUP] for i in range(0, len(raw), CODE_GROUP))


def certificate_code_normalise(text: str) -> str:
    """The stored form of a code as someone typed or scanned it: any case, with or without
    dashes and spaces. Returns "" when it cannot be a code at all."""
    raw = re.sub(r"[^0-9A-Z]", "", (text or "").upper())
    if len(raw) != CODE_LENGTH or not set(raw) <= set(CODE_ALPHABET):
        return ""
    return certificate_code_format(raw)


def _new_code() -> str:
    return certificate_code_format(
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    )


def certificate_number(*, year: int, sequence: int) -> str:
    """ "CCHC-2017-000123": the year of completion and the certificate's row id."""
    return f"{NUMBER_PREFIX}-{year}-{sequence:06d}"


def employee_code_mask(code: str) -> str:
    """All but the last three characters hidden, for the public verification page."""
    if not code:
        return ""
    shown = code[-3:] if len(code) > 3 else ""
    return "*" * (len(code) - len(shown)) + shown


def certificate_verify_url(certificate) -> str:
    """The absolute address the QR code points at."""
    path = reverse("certificate_verify_code", args=[certificate.code])
    return absolute_url(path)


# Reads ------------------------------------------------------------------------------------------


def certificates_visible_to(user):
    """The certificates an HR officer may list: those of the people in their scope (all for a
    superuser, none for anyone without the records permission)."""
    queryset = Certificate.objects.all()
    if user.is_superuser:
        return queryset
    return queryset.filter(user__in=scoped_people(user))


def valid_certificate(*, user, course_id):
    return Certificate.objects.filter(
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
    # ``course`` may be a plain Page (a course outline's): its title and hours, read afresh.
    title, hours = (
        Page.objects.filter(pk=course.pk, coursepage__isnull=False)
        .values_list("title", "coursepage__estimated_hours")
        .get()
    )
    agency_name = agency_chain_name(agency=user.agency) if user.agency_id else ""
    return {
        "full_name": user.get_full_name()[:150],
        "employee_code": user.employee_code,
        "agency_name": agency_name[:255],
        "course_title": title,
        "hours": hours,
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
                certificate = Certificate.objects.create(
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
    if not can_manage_certificate(by, certificate):
        raise PermissionDenied(NOT_ALLOWED)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(REVOKE_REASON_REQUIRED)
    reason = reason[: Certificate._meta.get_field("revoke_reason").max_length]
    with transaction.atomic():
        revoked = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by, revoke_reason=reason
        )
        if not revoked:
            raise ValidationError(ALREADY_REVOKED)
        certificate.refresh_from_db()
        log(instance=certificate, action=REVOKE_LOG_ACTION, user=by, data={"reason": reason})
    return certificate


def certificate_reissue(*, certificate, by):
    """ "Cấp lại": a new certificate in place of a revoked one, with the course completion
    date and the person's current name, code and agency. Returns the new certificate."""
    if not can_manage_certificate(by, certificate):
        raise PermissionDenied(NOT_ALLOWED)
    if certificate.is_valid:
        raise ValidationError(REISSUE_NOT_REVOKED)
    if valid_certificate(user=certificate.user, course_id=certificate.course_id) is not None:
        raise ValidationError(REISSUE_HAS_VALID)
    completed_at = (
        Enrolment.objects.filter(user=certificate.user, course_id=certificate.course_id)
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
    enrolments = Enrolment.objects.filter(completed_at__isnull=False).exclude(
        Exists(
            Certificate.objects.filter(user_id=OuterRef("user_id"), course_id=OuterRef("course_id"))
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
