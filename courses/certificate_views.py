"""Giấy chứng nhận on the site (the learner's download, public verification by code) and in
the admin (the list of certificates in the HR officer's scope, revoke, re-issue).

The writes go through ``courses.certificates``.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from home.admin_access import admin_forbidden
from home.views import post_only
from learners.scope import in_scope

from . import certificates
from .models import Certificate

NOT_FOUND = "Không tìm thấy giấy chứng nhận với mã này."
NOT_A_CODE = (
    "Mã xác thực gồm 12 chữ cái và chữ số, in ở góc dưới giấy chứng nhận, "
    "ví dụ K7QX-M2PA-9RTD. Hãy kiểm tra lại."
)
CODE_REQUIRED = "Hãy nhập mã xác thực in trên giấy chứng nhận."
NO_CERTIFICATE = (
    "Chưa có giấy chứng nhận cho khóa học này. Giấy chứng nhận được cấp khi bạn hoàn thành "
    "mọi bài học và bài kiểm tra của khóa học; nếu bạn đã hoàn thành mà chưa có, hãy liên hệ "
    "cán bộ tổ chức của cơ quan, đơn vị."
)

CERTIFICATES_TITLE = gettext_lazy("Giấy chứng nhận")
CERTIFICATES_ICON = "doc-full"
NO_PERMISSION = gettext_lazy(
    "Bạn không có quyền thu hồi hay cấp lại giấy chứng nhận của người này. Việc này dành cho "
    "cán bộ tổ chức quản lý cơ quan, đơn vị của người đó."
)
REVOKED = gettext_lazy("Đã thu hồi giấy chứng nhận số %(number)s.")
REISSUED = gettext_lazy("Đã cấp lại giấy chứng nhận: số mới %(number)s.")
NOT_REVOKED = gettext_lazy("Chưa thu hồi được. Hãy sửa lỗi bên dưới.")


# On the site ------------------------------------------------------------------------------------


def _pdf_response(certificate):
    response = HttpResponse(certificates.certificate_pdf(certificate), "application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="giay-chung-nhan-{certificate.number}.pdf"'
    )
    return response


def _unavailable(request, *, certificate=None, message=None):
    """The learner's own certificate cannot be given: say why (revoked, or none yet)."""
    return render(
        request,
        "courses/certificates/unavailable.html",
        {"certificate": certificate, "message": message},
        status=404,
    )


@require_safe
@never_cache
@login_required
def certificate_download(request, number):
    """The certificate as a PDF: for its owner, HR officers whose scope holds the owner, and
    superusers. Anyone else gets the same 404 as for a number that does not exist."""
    certificate = Certificate.objects.select_related("user").filter(number=number).first()
    if certificate is None:
        raise Http404
    is_owner = certificate.user_id == request.user.pk
    is_hr = in_scope(request.user, certificate.user)
    if not (is_owner or is_hr):
        raise Http404
    if not certificate.is_valid and not is_hr:
        return _unavailable(request, certificate=certificate)
    return _pdf_response(certificate)


@require_safe
@never_cache
@login_required
def certificate_for_course(request, course_id):
    """ "Tải giấy chứng nhận" on Góc học tập: the signed-in person's certificate for a course."""
    mine = Certificate.objects.filter(user=request.user, course_id=course_id)
    certificate = mine.filter(revoked_at__isnull=True).first()
    if certificate is not None:
        return redirect("certificate_download", number=certificate.number)
    revoked = mine.order_by("-revoked_at").first()
    if revoked is not None:
        return _unavailable(request, certificate=revoked)
    return _unavailable(request, message=_(NO_CERTIFICATE))


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã xác thực"),
        max_length=40,
        help_text=gettext_lazy("In ở góc dưới bên trái giấy chứng nhận, ví dụ K7QX-M2PA-9RTD."),
        error_messages={"required": CODE_REQUIRED},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


@require_safe
def certificate_verify(request):
    """Xác thực giấy chứng nhận: type the code printed on the certificate."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        code = certificates.normalise_code(form.cleaned_data["code"])
        if code:
            return redirect("certificate_verify_code", code=code)
        form.add_error("code", _(NOT_A_CODE))
    return render(
        request,
        "courses/certificates/verify.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_safe
@never_cache
def certificate_verify_code(request, code):
    """What the QR code opens: whether the certificate is valid, and what it certifies. The
    employee code is shown masked; the page is public."""
    canonical = certificates.normalise_code(code)
    certificate = Certificate.objects.filter(code=canonical).first() if canonical else None
    context = {
        "code": canonical or code,
        "form": VerifyForm(initial={"code": canonical or code}),
        "certificate": certificate,
    }
    if certificate is None:
        context["message"] = _(NOT_FOUND)
        return render(request, "courses/certificates/verify_result.html", context, status=404)
    context.update(
        masked_employee_code=certificates.mask_employee_code(certificate.employee_code),
        hours=certificates.format_hours(certificate.hours),
        organisation=certificates.organisation_name(),
    )
    return render(request, "courses/certificates/verify_result.html", context)


# In the admin -----------------------------------------------------------------------------------


def can_view_certificates(user) -> bool:
    return user.has_perm("courses.view_certificate")


class CertificateMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_certificates(request.user)


def _forbidden(request):
    return admin_forbidden(
        request,
        NO_PERMISSION,
        back_url=reverse("certificates:index"),
        back_label=_("Về danh sách giấy chứng nhận"),
    )


class CertificateIndexView(IndexView):
    """The certificates of the people in the user's scope, newest first, searchable by name,
    number and verification code."""

    model = Certificate
    page_title = CERTIFICATES_TITLE
    header_icon = CERTIFICATES_ICON
    permission_required = "view"
    any_permission_required = None
    search_fields = ["full_name", "number", "code", "employee_code"]
    default_ordering = "-issued_at"
    paginate_by = 50

    def get_base_queryset(self):
        return certificates.certificates_visible_to(self.request.user)

    def search_queryset(self, queryset):
        # A code typed without its dashes, or in lower case, still finds the certificate.
        code = certificates.normalise_code(self.search_query) if self.is_searching else ""
        if code:
            return queryset.filter(code=code)
        return super().search_queryset(queryset)

    @cached_property
    def no_results_message(self):
        if self.is_searching:
            return _("Không có giấy chứng nhận nào khớp với từ khóa.")
        return _(
            "Chưa có giấy chứng nhận nào. Giấy chứng nhận được cấp tự động khi một người "
            "trong phạm vi bạn quản lý hoàn thành khóa học."
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("full_name"),
            Column("number", label=_("Số giấy chứng nhận"), sort_key="number"),
            Column("course_title", label=_("Khóa học"), sort_key="course_title"),
            Column("agency_name", label=_("Cơ quan, đơn vị")),
            Column(
                "completed_at",
                label=_("Ngày hoàn thành"),
                sort_key="completed_at",
                accessor=lambda c: certificates.format_date(c.completed_at),
            ),
            StatusTagColumn(
                "status",
                label=_("Trạng thái"),
                accessor=lambda c: _("Còn hiệu lực") if c.is_valid else _("Đã thu hồi"),
                primary=lambda c: c.is_valid,
            ),
        ]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do thu hồi"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Người được cấp và người xác thực giấy chứng nhận sẽ thấy lý do."),
        error_messages={"required": certificates.REVOKE_REASON_REQUIRED},
    )


class CertificateDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One certificate: what it says, its state, and the revoke or re-issue action."""

    template_name = "courses/certificates/admin/detail.html"
    header_icon = CERTIFICATES_ICON
    index_url_name = None
    detail_url_name = None
    revoke_url_name = None
    reissue_url_name = None
    form = None

    def has_permission(self, user) -> bool:
        return can_view_certificates(user)

    def get_object(self, pk):
        # Outside the user's scope a certificate does not exist for them.
        return get_object_or_404(
            certificates.certificates_visible_to(self.request.user).select_related("revoked_by"),
            pk=pk,
        )

    def dispatch(self, request, pk):
        # A real 403 with the reason, rather than Wagtail's redirect to the dashboard.
        try:
            if not self.has_permission(request.user):
                raise PermissionDenied
            self.object = self.get_object(pk)
            return super().dispatch(request, pk)
        except PermissionDenied:
            return _forbidden(request)

    def get_page_title(self):
        return _("Giấy chứng nhận số %(number)s") % {"number": self.object.number}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": CERTIFICATES_TITLE},
            {"url": "", "label": self.object.number},
        ]

    def get_context_data(self, **kwargs):
        certificate = self.object
        can_manage = certificates.can_manage(self.request.user, certificate)
        # Once re-issued, a revoked certificate points at the one that replaced it.
        replacement = not certificate.is_valid and certificates.valid_certificate(
            user=certificate.user_id, course_id=certificate.course_id
        )
        return super().get_context_data(
            replacement=replacement,
            replacement_url=replacement and reverse(self.detail_url_name, args=[replacement.pk]),
            certificate=certificate,
            hours=certificates.format_hours(certificate.hours),
            download_url=reverse("certificate_download", args=[certificate.number]),
            verify_url=reverse("certificate_verify_code", args=[certificate.code]),
            revoke_url=reverse(self.revoke_url_name, args=[certificate.pk]),
            reissue_url=reverse(self.reissue_url_name, args=[certificate.pk]),
            form=self.form or RevokeForm(),
            can_revoke=can_manage and certificate.is_valid,
            can_reissue=can_manage and not certificate.is_valid and not replacement,
            **kwargs,
        )


class CertificateActionView(CertificateDetailView):
    """A POST on one certificate by a user with the change permission and its owner in their
    scope; anyone else gets a 403 and nothing changes."""

    http_method_names = ["post"]

    def has_permission(self, user) -> bool:
        return user.has_perm("courses.change_certificate")

    def get_object(self, pk):
        certificate = get_object_or_404(
            Certificate.objects.select_related("user", "course", "revoked_by"), pk=pk
        )
        if not certificates.can_manage(self.request.user, certificate):
            raise PermissionDenied
        return certificate

    def detail_url(self, certificate):
        return reverse(self.detail_url_name, args=[certificate.pk])


class CertificateRevokeView(CertificateActionView):
    """Thu hồi: with a required reason, recorded in the audit log."""

    def post(self, request, pk):
        form = RevokeForm(request.POST)
        if not form.is_valid():
            messages.error(request, NOT_REVOKED)
            self.form = form
            return self.render_to_response(self.get_context_data(), status=400)
        try:
            certificates.certificate_revoke(
                certificate=self.object, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, REVOKED % {"number": self.object.number})
        return redirect(self.detail_url(self.object))


class CertificateReissueView(CertificateActionView):
    """Cấp lại: a new certificate in place of a revoked one."""

    def post(self, request, pk):
        try:
            new = certificates.certificate_reissue(certificate=self.object, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.detail_url(self.object))
        messages.success(request, REISSUED % {"number": new.number})
        return redirect(self.detail_url(new))


class CertificateViewSet(ViewSet):
    """Giấy chứng nhận in the admin: the list, one certificate, revoke and re-issue."""

    icon = CERTIFICATES_ICON
    menu_label = CERTIFICATES_TITLE
    menu_name = "certificates"
    menu_order = 240
    add_to_admin_menu = True
    menu_item_class = CertificateMenuItem

    def get_index_view_kwargs(self, **kwargs):
        return {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
            "inspect_url_name": self.get_url_name("detail"),
            **kwargs,
        }

    def get_detail_view_kwargs(self):
        return {
            "index_url_name": self.get_url_name("index"),
            "detail_url_name": self.get_url_name("detail"),
            "revoke_url_name": self.get_url_name("revoke"),
            "reissue_url_name": self.get_url_name("reissue"),
        }

    def get_urlpatterns(self):
        index = CertificateIndexView.as_view(**self.get_index_view_kwargs())
        results = CertificateIndexView.as_view(**self.get_index_view_kwargs(results_only=True))
        kwargs = self.get_detail_view_kwargs()
        detail = CertificateDetailView.as_view(**kwargs)
        revoke = post_only(CertificateRevokeView.as_view(**kwargs))
        reissue = post_only(CertificateReissueView.as_view(**kwargs))
        return [
            path("", index, name="index"),
            path("results/", results, name="index_results"),
            path("<int:pk>/", detail, name="detail"),
            path("<int:pk>/thu-hoi/", revoke, name="revoke"),
            path("<int:pk>/cap-lai/", reissue, name="reissue"),
        ]


class CertificateRevokeFormatter(LogFormatter):
    label = gettext_lazy("Thu hồi giấy chứng nhận")

    def format_message(self, log_entry):
        try:
            return _("Đã thu hồi. Lý do: %(reason)s") % log_entry.data
        except (KeyError, TypeError):
            return _("Đã thu hồi giấy chứng nhận.")


class CertificateReissueFormatter(LogFormatter):
    label = gettext_lazy("Cấp lại giấy chứng nhận")

    def format_message(self, log_entry):
        try:
            return _("Cấp lại thay giấy chứng nhận số %(replaces)s.") % log_entry.data
        except (KeyError, TypeError):
            return _("Đã cấp lại giấy chứng nhận.")


def register_certificate_log_actions(actions):
    actions.register_action(certificates.REVOKE_LOG_ACTION)(CertificateRevokeFormatter)
    actions.register_action(certificates.REISSUE_LOG_ACTION)(CertificateReissueFormatter)
