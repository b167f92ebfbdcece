"""The forms of the courses app: giving a course (Giao khóa học), importing a slide deck from a
PDF, verifying a certificate by its code and revoking one."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from learners.models import Agency
from learners.scope import scoped_agencies, scoped_people

from .assignments import NO_TARGET
from .certificates import REVOKE_REASON_REQUIRED
from .models import CoursePage

# Giao khóa học ----------------------------------------------------------------------------------

CODES_NOT_FOUND = _(
    "Không tìm thấy các mã sau trong phạm vi bạn quản lý: %(codes)s. "
    "Hãy kiểm tra lại mã số công chức, viên chức."
)
DATE_INVALID = _("Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2017.")
REQUIRED = _("Hãy điền mục này.")


class AgencyChoiceField(forms.ModelChoiceField):
    """Agencies in tree order, each indented under the unit it belongs to."""

    top_depth = 1

    def label_from_instance(self, obj):
        return "\xa0" * 4 * (obj.depth - self.top_depth) + obj.name


class AssignmentForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Khóa học"),
        queryset=CoursePage.objects.none(),
        empty_label=_("Chọn khóa học"),
        error_messages={"required": REQUIRED},
    )
    agency = AgencyChoiceField(
        label=_("Cơ quan, đơn vị"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("(Không giao theo đơn vị)"),
        help_text=_("Giao cho mọi người của đơn vị này và của các đơn vị trực thuộc."),
    )
    people = forms.CharField(
        label=_("Người được giao (theo mã số công chức, viên chức)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=_(
            "Mỗi dòng một mã, hoặc cách nhau bởi dấu phẩy; có thể dán cả cột mã từ tệp Excel. "
            "Có thể dùng cùng với đơn vị ở trên."
        ),
    )
    due_date = forms.DateField(
        label=_("Hạn hoàn thành"),
        input_formats=["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
        ),
        help_text=_("Theo dạng dd/mm/yyyy, ví dụ 31/12/2017."),
        error_messages={"required": REQUIRED, "invalid": DATE_INVALID},
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        max_length=255,
        required=False,
        error_messages={"max_length": _("Ghi chú dài tối đa %(limit_value)d ký tự.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        agency = self.fields["agency"]
        agency.queryset = scoped_agencies(user).order_by("path")
        if not user.is_superuser and user.agency_id:
            agency.top_depth = user.agency.depth

    def clean_people(self):
        """The active people in the user's scope with the codes typed, or an error naming the
        codes that match nobody there."""
        codes = {code for code in re.split(r"[\s,;]+", self.cleaned_data["people"]) if code}
        if not codes:
            return []
        wanted = {code.upper(): code for code in codes}
        people = list(
            scoped_people(self.user)
            .filter(is_active=True, employee_code__in={*codes, *wanted})
            .only("pk", "employee_code")
        )
        found = {person.employee_code.upper() for person in people}
        missing = sorted(code for key, code in wanted.items() if key not in found)
        if missing:
            raise ValidationError(CODES_NOT_FOUND % {"codes": ", ".join(missing)})
        return people

    def clean(self):
        data = super().clean()
        if not data.get("agency") and not data.get("people") and "people" not in self.errors:
            raise ValidationError(NO_TARGET)
        return data


# Nhập bài trình chiếu từ PDF ---------------------------------------------------------------------

NO_FILE = _("Hãy chọn tệp PDF của bài trình chiếu.")


class SlideImportForm(forms.Form):
    title = forms.CharField(
        label=_("Tên bài trình chiếu"),
        max_length=200,
        help_text=_("Ví dụ: Tổng quan về cải cách hành chính."),
    )
    file = forms.FileField(
        label=_("Tệp PDF"),
        error_messages={"required": NO_FILE, "empty": NO_FILE},
        help_text=_(
            "Lưu bài trình chiếu (PowerPoint) thành PDF. Mỗi trang PDF thành một trang chiếu; "
            "chữ trên trang được giữ lại làm tiêu đề và nội dung dạng chữ."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )


# Giấy chứng nhận --------------------------------------------------------------------------------

CODE_REQUIRED = "Hãy nhập mã xác thực in trên giấy chứng nhận."


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=40,
        help_text=_("In ở góc dưới bên trái giấy chứng nhận, ví dụ K7QX-M2PA-9RTD."),
        error_messages={"required": CODE_REQUIRED},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do thu hồi"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Người được cấp và người xác thực giấy chứng nhận sẽ thấy lý do."),
        error_messages={"required": REVOKE_REASON_REQUIRED},
    )
