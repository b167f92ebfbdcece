"""Forms for people and agencies, including the Wagtail admin user forms with our own fields."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UsernameField
from django.utils.translation import gettext_lazy as _
from treebeard.forms import MoveNodeForm, TreeNodeChoiceField, movenodeform_factory
from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import Agency
from .services import EMAIL_INVALID, validate_phone

LOGIN_INVALID = _(
    "Tên đăng nhập (hoặc mã số công chức, viên chức) hoặc mật khẩu chưa đúng. Hãy kiểm tra lại; "
    "mật khẩu phân biệt chữ hoa và chữ thường. Nếu quên mật khẩu, hãy chọn “Quên mật khẩu?”."
)
LOGIN_INACTIVE = _(
    "Tài khoản này đang bị khóa. Hãy liên hệ cán bộ tổ chức của cơ quan, đơn vị bạn."
)

# Django's first/last name are replaced by one Vietnamese-order full name.
_FIELDS = {
    "email",
    "is_superuser",
    "groups",
    "full_name",
    "employee_code",
    "agency",
    "position",
    "phone",
}


class _CivilServantFields(forms.Form):
    """Wagtail's user forms declare a required first and last name and e-mail address: a
    Vietnamese full name replaces the first two, and not every civil servant has an e-mail
    address (the staff import allows none either)."""

    first_name = None
    last_name = None
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID},
    )


class AdminUserEditForm(_CivilServantFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = {"username", "is_active"} | _FIELDS


class AdminUserCreationForm(_CivilServantFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {"username"} | _FIELDS


class LoginForm(AuthenticationForm):
    """Django's sign-in form, accepting the username or the employee code."""

    username = UsernameField(
        label=_("Tên đăng nhập hoặc mã số công chức, viên chức"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    error_messages = {"invalid_login": LOGIN_INVALID, "inactive": LOGIN_INACTIVE}


class ContactForm(forms.Form):
    """The contact details a person may correct on their own profile, and nothing else."""

    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID},
        help_text=_("Dùng để nhận thư đặt lại mật khẩu và thông báo về khóa học."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        required=False,
        max_length=32,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class _TreeSelect(forms.Select):
    """A select whose options listed in ``disabled_values`` are shown but cannot be chosen."""

    disabled_values = frozenset()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


class _ParentFormBase(MoveNodeForm):
    """Turns treebeard's "position + relative to" pair into a single "belongs to" choice.

    The tree is sorted by name, so the position is always "child of" the chosen node.
    """

    treebeard_ref_node = TreeNodeChoiceField(
        queryset=None,  # set by MoveNodeForm
        required=False,
        label=_("Trực thuộc"),
        widget=_TreeSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["treebeard_position"]


class AgencyCreateFormBase(_ParentFormBase):
    field_order = ["treebeard_ref_node", "name", "code", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["treebeard_ref_node"]
        field.empty_label = _("(Không trực thuộc đơn vị nào: cấp cao nhất)")
        field.help_text = _("Cơ quan, đơn vị cấp trên. Để trống nếu đây là UBND tỉnh.")


class AgencyMoveFormBase(_ParentFormBase):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["treebeard_ref_node"]
        field.empty_label = _("(Không trực thuộc đơn vị nào: chuyển lên cấp cao nhất)")
        field.help_text = _(
            "Cơ quan, đơn vị cấp trên mới. Các đơn vị trực thuộc và mọi người thuộc đơn vị "
            "được chuyển theo."
        )
        # Offer the whole tree, greying out the agency itself and its sub-units: a choice
        # among those is refused by the move service with a message that says why.
        field.queryset = Agency.get_tree()
        subtree = Agency.get_tree(parent=self.instance).values_list("pk", flat=True)
        field.widget.disabled_values = {str(pk) for pk in subtree}


AgencyCreateForm = movenodeform_factory(
    Agency, form=AgencyCreateFormBase, fields=["name", "code", "kind"]
)
AgencyMoveForm = movenodeform_factory(Agency, form=AgencyMoveFormBase, fields=[])


class AgencyEditForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "code", "kind"]


class PasswordResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID},
        help_text=_("Địa chỉ thư điện tử đã đăng ký với tài khoản của bạn."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
