"""Giấy chứng nhận in the admin: the list of certificates in the HR officer's scope, one
certificate, revoke and re-issue. The writes go through ``courses.certificates``."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin_access import AdminAccessMixin
from home.formatting import format_date, format_decimal
from home.views import post_only
from learners.roles import can_change_certificates, can_manage_certificate, can_view_certificates

from .. import certificates
from ..forms import RevokeForm
from ..models import Certificate
from .base import CoursesViewSet, DataLogFormatter, menu_item_shown_to

CERTIFICATES_TITLE = gettext_lazy("Giấy chứng nhận")
CERTIFICATES_ICON = "doc-full"
NO_PERMISSION = gettext_lazy(
    "Bạn không có quyền thu hồi hay cấp lại giấy chứng nhận của người này. Việc này dành cho "
    "cán bộ tổ chức quản lý cơ quan, đơn vị của người đó."
)
REVOKED = gettext_lazy("Đã thu hồi giấy chứng nhận số %(number)s.")
REISSUED = gettext_lazy("Đã cấp lại giấy chứng nhận: số mới %(number)s.")
NOT_REVOKED = gettext_lazy("Chưa thu hồi được. Hãy sửa lỗi bên dưới.")


CertificateMenuItem = menu_item_shown_to(can_view_certificates, "CertificateMenuItem")


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
        code = (
            certificates.certificate_code_normalise(self.search_query) if self.is_searching else ""
        )
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
                accessor=lambda c: format_date(c.completed_at),
            ),
            StatusTagColumn(
                "status",
                label=_("Trạng thái"),
                accessor=lambda c: _("Còn hiệu lực") if c.is_valid else _("Đã thu hồi"),
                primary=lambda c: c.is_valid,
            ),
        ]


class CertificateDetailView(AdminAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """One certificate: what it says, its state, and the revoke or re-issue action."""

    template_name = "courses/certificates/admin/detail.html"
    header_icon = CERTIFICATES_ICON
    index_url_name = None
    detail_url_name = None
    revoke_url_name = None
    reissue_url_name = None
    form = None
    no_access_message = NO_PERMISSION
    no_access_back_label = gettext_lazy("Về danh sách giấy chứng nhận")

    @cached_property
    def no_access_back_url(self):
        return reverse(self.index_url_name)

    def has_permission(self, user) -> bool:
        return can_view_certificates(user)

    def has_access(self, request) -> bool:
        if not self.has_permission(request.user):
            return False
        self.object = self.get_object(self.kwargs["pk"])
        return self.object is not None

    def get_object(self, pk):
        # Outside the user's scope a certificate does not exist for them.
        return get_object_or_404(
            certificates.certificates_visible_to(self.request.user).select_related("revoked_by"),
            pk=pk,
        )

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
        can_manage = can_manage_certificate(self.request.user, certificate)
        # Once re-issued, a revoked certificate points at the one that replaced it.
        replacement = not certificate.is_valid and certificates.valid_certificate(
            user=certificate.user_id, course_id=certificate.course_id
        )
        return super().get_context_data(
            replacement=replacement,
            replacement_url=replacement and reverse(self.detail_url_name, args=[replacement.pk]),
            certificate=certificate,
            hours=format_decimal(certificate.hours),
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
        return can_change_certificates(user)

    def get_object(self, pk):
        """The certificate, or None when its owner is outside the user's scope."""
        certificate = get_object_or_404(
            Certificate.objects.select_related("user", "course", "revoked_by"), pk=pk
        )
        return certificate if can_manage_certificate(self.request.user, certificate) else None

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


class CertificateRevokeFormatter(DataLogFormatter):
    label = gettext_lazy("Thu hồi giấy chứng nhận")
    message = gettext_lazy("Đã thu hồi. Lý do: %(reason)s")
    fallback = gettext_lazy("Đã thu hồi giấy chứng nhận.")


class CertificateReissueFormatter(DataLogFormatter):
    label = gettext_lazy("Cấp lại giấy chứng nhận")
    message = gettext_lazy("Cấp lại thay giấy chứng nhận số %(replaces)s.")
    fallback = gettext_lazy("Đã cấp lại giấy chứng nhận.")


class CertificateViewSet(CoursesViewSet):
    """Giấy chứng nhận in the admin: the list, one certificate, revoke and re-issue."""

    icon = CERTIFICATES_ICON
    menu_label = CERTIFICATES_TITLE
    menu_name = "certificates"
    menu_order = 240
    add_to_admin_menu = True
    menu_item_class = CertificateMenuItem
    log_formatters = {
        certificates.REVOKE_LOG_ACTION: CertificateRevokeFormatter,
        certificates.REISSUE_LOG_ACTION: CertificateReissueFormatter,
    }

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
