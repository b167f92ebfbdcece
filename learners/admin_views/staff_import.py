"""The staff import in the Wagtail admin: upload a file → preview → apply, as one ViewSet.

The reading, checking and writing live in ``learners.importing``; these views only move
the plan between the steps. The plan (never the file, never anything from the browser) is
kept in the session under a random token until the person applies it.
"""

import csv
import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import TemplateView, View
from openpyxl import Workbook
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from home.admin_access import AdminAccessMixin

from ..forms import StaffImportForm
from ..importing import (
    IMPORT_LOG_ACTION,
    MAX_FILE_SIZE,
    ImportPlan,
    staff_import_apply,
    staff_import_plan,
)
from ..roles import can_import_staff
from ..services import activation_emails_send_imported
from .activation import EMAILS_QUEUED

PAGE_TITLE = _("Nhập danh sách công chức")
PREVIEW_TITLE = _("Xem trước khi nhập")
NO_PERMISSION = _(
    "Bạn không có quyền nhập danh sách công chức, viên chức. Nếu bạn là cán bộ tổ chức, "
    "hãy nhờ quản trị viên cấp quyền."
)
PREVIEW_EXPIRED = _(
    "Bản xem trước không còn nữa (đã được áp dụng, hoặc đã có tệp khác được tải lên). "
    "Hãy tải tệp lên lại."
)
# The preview's tables: the people to create, and the people whose details change.
CREATE_COLUMNS = (
    _("Dòng"),
    _("Mã số"),
    _("Họ và tên"),
    _("Thư điện tử"),
    _("Cơ quan, đơn vị"),
    _("Chức vụ"),
)
UPDATE_COLUMNS = (_("Dòng"), _("Mã số"), _("Họ và tên"), _("Thay đổi"))
# The upload page: the table of errors, and the guide to the file.
ERROR_COLUMNS = (_("Dòng"), _("Cột"), _("Lỗi"))
GUIDE_COLUMNS = (_("Tiêu đề cột"), _("Hoặc bằng tiếng Việt"), _("Bắt buộc"), _("Ghi chú"))
# The guide: each column, its heading in Vietnamese, whether it is
# required, and what to write in it.
COLUMN_GUIDE = (
    (
        "employee_code",
        _("Mã số công chức, viên chức (hoặc Mã số)"),
        True,
        _(
            "Chữ cái không dấu, chữ số, dấu . _ -. Người đã có mã số này được cập nhật, không tạo "
            "trùng. Trong Excel, hãy định dạng cột là Văn bản (Text) để giữ số 0 ở đầu."
        ),
    ),
    (
        "full_name",
        _("Họ và tên"),
        True,
        _("Viết theo thứ tự họ, đệm, tên: Nguyễn Văn An."),
    ),
    (
        "email",
        _("Thư điện tử (hoặc Email)"),
        False,
        _("Dùng để đặt mật khẩu. Để trống thì giữ địa chỉ đang có."),
    ),
    (
        "agency_code",
        _("Mã cơ quan"),
        True,
        _(
            "Mã trong mục “Cơ quan, đơn vị”, ví dụ SNV-VP. Chỉ nhận cơ quan, đơn vị bạn quản lý "
            "và các đơn vị trực thuộc."
        ),
    ),
    (
        "position",
        _("Chức vụ"),
        False,
        _("Để trống thì giữ chức vụ đang có."),
    ),
)
SESSION_KEY = "learners_staff_import"
# Every error is in the plan (and printed by the command); the page shows this many.
MAX_SHOWN_ERRORS = 500

TEMPLATE_FILENAME = "mau_danh_sach_cong_chuc"
TEMPLATE_HEADER = ("employee_code", "full_name", "email", "agency_code", "position")
TEMPLATE_EXAMPLE = (
    "CC009001",
    "Trần Thị Bình",
    "binh.tt@snv.binhan.gov.vn",
    "SNV-VP",
    "Chuyên viên",
)


class _SizeLimitUploadHandler(FileUploadHandler):
    """Stops receiving a file once it passes the import's size limit, so that a huge upload
    is neither held in memory nor written to a temporary file."""

    too_large = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_FILE_SIZE:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler builds the file


class _StaffImportAccessMixin(AdminAccessMixin):
    no_access_message = NO_PERMISSION

    def has_access(self, request) -> bool:
        return can_import_staff(request.user)


class _UploadSizeLimitMixin:
    """Puts the size limit in place before anything reads the request body, the CSRF
    middleware included; so the CSRF check runs here, once the handler is added (the view is
    ``csrf_exempt`` for the middleware)."""

    def dispatch(self, request, *args, **kwargs):
        self.size_limit = _SizeLimitUploadHandler(request)
        request.upload_handlers.insert(0, self.size_limit)
        return csrf_protect(super().dispatch)(request, *args, **kwargs)


class _ImportViewMixin(WagtailAdminTemplateMixin):
    page_title = PAGE_TITLE
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("learners_import"), "label": PAGE_TITLE}]


@method_decorator(csrf_exempt, name="dispatch")
class StaffImportView(
    _StaffImportAccessMixin, _UploadSizeLimitMixin, _ImportViewMixin, TemplateView
):
    """The upload form; a file with errors comes back here with every error by row."""

    template_name = "learners/admin/import/upload.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", StaffImportForm())
        return super().get_context_data(
            error_columns=ERROR_COLUMNS,
            guide_columns=GUIDE_COLUMNS,
            column_guide=COLUMN_GUIDE,
            has_agency=bool(self.request.user.is_superuser or self.request.user.agency_id),
            max_shown_errors=MAX_SHOWN_ERRORS,
            **kwargs,
        )

    def post(self, request):
        form = StaffImportForm(request.POST, request.FILES, too_large=self.size_limit.too_large)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        plan = staff_import_plan(user=request.user, file=form.cleaned_data["file"])
        if not plan.is_valid:
            return self.render_to_response(
                self.get_context_data(
                    form=StaffImportForm(), plan=plan, errors=plan.errors[:MAX_SHOWN_ERRORS]
                )
            )
        token = secrets.token_urlsafe(16)
        # One pending import per session: a new upload replaces the previous preview.
        request.session[SESSION_KEY] = {
            "token": token,
            "user": request.user.pk,
            "plan": plan.as_data(),
            "send_activation": form.cleaned_data["send_activation"],
        }
        return redirect("learners_import_preview", token=token)


def _pending_plan(request, token) -> ImportPlan | None:
    pending = _pending(request, token)
    return ImportPlan.from_data(pending["plan"]) if pending else None


def _pending(request, token) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if (
        not pending
        or not secrets.compare_digest(pending["token"].encode(), token.encode())
        or pending["user"] != request.user.pk
    ):
        return None
    return pending


class StaffImportPreviewView(_StaffImportAccessMixin, _ImportViewMixin, TemplateView):
    """What the import will create and change, with the "Áp dụng" button."""

    template_name = "learners/admin/import/preview.html"
    page_title = PREVIEW_TITLE

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": PREVIEW_TITLE}]

    def get(self, request, token):
        plan = _pending_plan(request, token)
        if plan is None:
            messages.error(request, PREVIEW_EXPIRED)
            return redirect("learners_import")
        return self.render_to_response(
            self.get_context_data(
                plan=plan,
                apply_url=reverse("learners_import_apply", kwargs={"token": token}),
                create_columns=CREATE_COLUMNS,
                update_columns=UPDATE_COLUMNS,
                send_activation=_pending(request, token).get("send_activation", False),
            )
        )


class StaffImportApplyView(_StaffImportAccessMixin, View):
    """Apply the previewed plan (POST only); the service re-checks it under lock."""

    http_method_names = ["post"]

    def post(self, request, token):
        plan = _pending_plan(request, token)
        if plan is None:
            messages.error(request, PREVIEW_EXPIRED)
            return redirect("learners_import")
        # Used once, applied or refused: a second click cannot import it again.
        send_activation = request.session.pop(SESSION_KEY).get("send_activation", False)
        try:
            result = staff_import_apply(user=request.user, plan=plan)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("learners_import")
        messages.success(request, result.message)
        if send_activation:
            codes = [row.employee_code for row in (*plan.creates, *plan.updates)]
            sent = activation_emails_send_imported(by=request.user, employee_codes=codes)
            messages.success(request, EMAILS_QUEUED % {"count": sent})
        return redirect("learners_import")


class StaffImportTemplateView(_StaffImportAccessMixin, View):
    """The template to fill in: the header row and one example row, as CSV or XLSX."""

    file_format = "csv"

    def get(self, request):
        if self.file_format == "xlsx":
            return self.xlsx_response()
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows([TEMPLATE_HEADER, TEMPLATE_EXAMPLE])
        # The BOM tells Excel the file is UTF-8, so the Vietnamese opens correctly.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}.csv"'
        return response

    def xlsx_response(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Danh sách"
        sheet.append(TEMPLATE_HEADER)
        sheet.append(TEMPLATE_EXAMPLE)
        # Codes as text, so that Excel keeps leading zeros ("001234").
        for row in sheet.iter_rows(min_row=1, max_row=200, max_col=len(TEMPLATE_HEADER)):
            for cell in row:
                cell.number_format = "@"
        for letter, width in zip("ABCDE", (18, 28, 32, 14, 24), strict=True):
            sheet.column_dimensions[letter].width = width
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}.xlsx"'
        return response


class StaffImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_staff(request.user)


class StaffImportLogFormatter(LogFormatter):
    label = _("Nhập danh sách công chức")

    def format_message(self, log_entry):
        try:
            return (
                _("Đã nhập %(created)s người mới, cập nhật %(updated)s người từ tệp “%(file)s”.")
                % log_entry.data
            )
        except (KeyError, TypeError):
            return _("Đã nhập danh sách công chức.")


class StaffImportViewSet(ViewSet):
    """The staff import's URLs and menu item, under /admin/learners/import/. The URL names stay
    flat (``learners_import``, ``learners_import_preview``…), as links and tests know them."""

    icon = "upload"
    menu_label = PAGE_TITLE
    menu_name = "staff-import"
    menu_order = 810
    add_to_admin_menu = True
    menu_item_class = StaffImportMenuItem
    url_prefix = "learners/import"
    url_namespace = None

    def get_url_name(self, view_name):
        return view_name

    def get_urlpatterns(self):
        template = StaffImportTemplateView.as_view()
        template_xlsx = StaffImportTemplateView.as_view(file_format="xlsx")
        return [
            path("", StaffImportView.as_view(), name="learners_import"),
            path("template.csv", template, name="learners_import_template"),
            path("template.xlsx", template_xlsx, name="learners_import_template_xlsx"),
            path("<str:token>/", StaffImportPreviewView.as_view(), name="learners_import_preview"),
            path(
                "<str:token>/apply/",
                StaffImportApplyView.as_view(),
                name="learners_import_apply",
            ),
        ]


def register_staff_import_log_actions(actions):
    actions.register_action(IMPORT_LOG_ACTION)(StaffImportLogFormatter)
