"""HR's "Kích hoạt tài khoản" in the Wagtail admin, as one ViewSet: who in the officer's scope
has not activated yet, activation e-mails, activation codes issued and printed in one POST (the
PDF or spreadsheet is the only place the codes ever appear), and the read-only list of the
agencies in scope with their codes (which the staff import needs)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from home.admin_access import AdminAccessMixin

from ..activation import code_days
from ..activation_sheet import (
    FILENAME,
    activation_sheet_csv,
    activation_sheet_pdf,
    activation_sheet_xlsx,
)
from ..roles import can_activate_accounts, can_view_scope_agencies
from ..scope import scoped_people
from ..selectors import activation_agencies, activation_pending, activation_people_found
from ..services import activation_codes_issue, activation_emails_send

PAGE_TITLE = _("Kích hoạt tài khoản")
AGENCIES_TITLE = _("Mã cơ quan, đơn vị")
NO_PERMISSION = _(
    "Bạn không có quyền kích hoạt tài khoản cho người khác. Nếu bạn là cán bộ tổ chức, hãy nhờ "
    "quản trị viên cấp quyền."
)
NO_AGENCIES_PERMISSION = _("Bạn không có quyền xem danh sách cơ quan, đơn vị.")
EMAILS_QUEUED = _("Đã xếp hàng gửi thư kích hoạt cho %(count)s người.")
NOBODY_FOR_EMAIL = _("Không có ai chưa kích hoạt mà có thư điện tử trong phạm vi đã chọn.")
NOBODY_FOR_CODES = _("Không có ai cần cấp mã trong phạm vi đã chọn.")
PER_PAGE = 100
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEETS = {"pdf": activation_sheet_pdf, "csv": activation_sheet_csv, "xlsx": activation_sheet_xlsx}


class _ActivationAccessMixin(AdminAccessMixin):
    """HR officers with the staff import, and administrators; the agency chosen and the person
    acted on must be in the officer's scope (404 otherwise, whatever the URL says)."""

    no_access_message = NO_PERMISSION

    def has_access(self, request) -> bool:
        if not can_activate_accounts(request.user):
            return False
        data = request.POST if request.method == "POST" else request.GET
        self.agency = None
        if agency_id := data.get("agency", ""):
            agencies = activation_agencies(user=request.user)
            self.agency = agencies.filter(pk=agency_id).first() if agency_id.isdigit() else None
            if self.agency is None:
                raise Http404
        self.person = None
        if "user_id" in self.kwargs:
            self.person = (
                scoped_people(request.user)
                .filter(pk=self.kwargs["user_id"], is_active=True)
                .select_related("agency")
                .first()
            )
            if self.person is None:
                raise Http404
        return True

    def people(self):
        """The people acted on: the one person of the URL, or the pending people of the
        chosen agency (or of the whole scope)."""
        if self.person is not None:
            return [self.person]
        return activation_pending(user=self.request.user, agency=self.agency)

    def back(self):
        url = reverse("activation:index")
        return redirect(f"{url}?agency={self.agency.pk}" if self.agency else url)


class _AdminPage(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class ActivationIndexView(_ActivationAccessMixin, _AdminPage):
    """The people of the scope who have not activated, by agency, with their code's state."""

    template_name = "learners/admin/activation/index.html"
    page_title = PAGE_TITLE

    def get_context_data(self, **kwargs):
        search = self.request.GET.get("q", "").strip()[:100]
        if search:
            people = activation_people_found(user=self.request.user, search=search)
        else:
            people = activation_pending(user=self.request.user, agency=self.agency)
        page = Paginator(people, PER_PAGE).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page=page,
            search=search,
            agencies=activation_agencies(user=self.request.user),
            agency=self.agency,
            now=timezone.now(),
            code_days=code_days(),
            **kwargs,
        )


class ActivationCodesView(_ActivationAccessMixin, View):
    """Issue codes and answer with the sheet (PDF, CSV or XLSX) in the same response: for the
    pending people without e-mail of the chosen agency (all of them with ``include_email``), or
    for the one person of the URL (a re-issue: their old code stops working)."""

    http_method_names = ["post"]

    def post(self, request, user_id=None):
        kind = request.POST.get("format", "pdf")
        if kind not in SHEETS:
            kind = "pdf"
        people = self.people()
        if self.person is None and not request.POST.get("include_email"):
            people = people.filter(email="")
        issued = activation_codes_issue(
            by=request.user, people=people, agency=self.agency, single=self.person is not None
        )
        if not issued:
            messages.warning(request, NOBODY_FOR_CODES)
            return self.back()
        response = HttpResponse(SHEETS[kind](issued), content_type=CONTENT_TYPES[kind])
        stamp = timezone.localtime().strftime("%Y%m%d_%H%M")
        response["Content-Disposition"] = f'attachment; filename="{FILENAME}_{stamp}.{kind}"'
        response["Cache-Control"] = "no-store"
        return response


class ActivationEmailsView(_ActivationAccessMixin, View):
    """Queue activation e-mails to the pending people with an address (of the chosen agency,
    or the one person of the URL)."""

    http_method_names = ["post"]

    def post(self, request, user_id=None):
        sent = activation_emails_send(by=request.user, people=self.people(), agency=self.agency)
        if sent:
            messages.success(request, EMAILS_QUEUED % {"count": sent})
        else:
            messages.warning(request, NOBODY_FOR_EMAIL)
        return self.back()


class ScopeAgenciesView(AdminAccessMixin, _AdminPage):
    """The agencies of the officer's scope with their codes, read-only."""

    template_name = "learners/admin/activation/agencies.html"
    page_title = AGENCIES_TITLE
    header_icon = "site"
    no_access_message = NO_AGENCIES_PERMISSION

    def has_access(self, request) -> bool:
        return can_view_scope_agencies(request.user)

    def get_context_data(self, **kwargs):
        agencies = activation_agencies(user=self.request.user)
        top = min((agency.depth for agency in agencies), default=1)
        rows = [(agency, range(agency.depth - top)) for agency in agencies]
        return super().get_context_data(rows=rows, **kwargs)


class ActivationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_activate_accounts(request.user)


class ActivationViewSet(ViewSet):
    """/admin/learners/activation/: the list, the e-mails, the codes and the agency codes."""

    icon = "key"
    menu_label = PAGE_TITLE
    menu_name = "activation"
    menu_order = 815
    add_to_admin_menu = True
    menu_item_class = ActivationMenuItem
    url_prefix = "learners/activation"
    url_namespace = "activation"

    def get_urlpatterns(self):
        codes, emails = ActivationCodesView.as_view(), ActivationEmailsView.as_view()
        return [
            path("", ActivationIndexView.as_view(), name="index"),
            path("codes/", codes, name="codes"),
            path("codes/<int:user_id>/", codes, name="person_codes"),
            path("emails/", emails, name="emails"),
            path("emails/<int:user_id>/", emails, name="person_emails"),
            path("agencies/", ScopeAgenciesView.as_view(), name="agencies"),
        ]
