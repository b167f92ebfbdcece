"""Forms for people and agencies, including the Wagtail admin user forms with our own fields
and the staff import's upload form."""

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    UsernameField,
    _unicode_ci_compare,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from treebeard.forms import MoveNodeForm, TreeNodeChoiceField, movenodeform_factory
from wagtail.users.forms import UserCreationForm, UserEditForm

from home import ratelimit

from .importing import FILE_TOO_LARGE, MAX_FILE_SIZE, MAX_ROWS, thousands
from .models import Agency, User
from .services import EMAIL_INVALID, phone_validate

LOGIN_INVALID = _(
    "Tên đăng nhập (hoặc mã số công chức, viên chức) hoặc mật khẩu chưa đúng. Hãy kiểm tra lại; "
    "mật khẩu phân biệt chữ hoa và chữ thường. Nếu quên mật khẩu, hãy chọn “Quên mật khẩu?”."
)
CURRENT_PASSWORD_WRONG = _(
    "Mật khẩu hiện tại chưa đúng. Hãy nhập lại; mật khẩu phân biệt chữ hoa và chữ thường."
)
CURRENT_PASSWORD_REQUIRED = _("Hãy nhập mật khẩu hiện tại để đổi địa chỉ thư điện tử.")
CURRENT_PASSWORD_TRIES_USED = _(
    "Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau "
    "%(minutes)s phút. Nếu quên mật khẩu, hãy đăng xuất và chọn “Quên mật khẩu?”."
)
NO_FILE = _("Hãy chọn tệp danh sách (.xlsx hoặc .csv).")
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


def user_check_current_password(user, password):
    """Raise a Vietnamese ``ValidationError`` unless ``password`` is ``user``'s password.

    Wrong guesses are limited per account (``RATE_LIMITS["password_change"]``, shared by the
    password-change form and the profile's e-mail change): once they are used up, even the right
    password is refused until the window ends, so the forms cannot be used to guess it.
    """
    ident = f"user:{user.pk}"
    if ratelimit.exhausted("password_change", ident):
        minutes = max(1, ratelimit.rate("password_change")[1] // 60)
        raise ValidationError(
            CURRENT_PASSWORD_TRIES_USED, code="too_many_tries", params={"minutes": minutes}
        )
    if not user.check_password(password or ""):
        ratelimit.hit("password_change", ident)
        raise ValidationError(CURRENT_PASSWORD_WRONG, code="password_incorrect")


class LimitedPasswordChangeForm(PasswordChangeForm):
    """Django's password-change form with a limit on wrong current passwords."""

    def clean_old_password(self):
        user_check_current_password(self.user, self.cleaned_data.get("old_password"))
        return self.cleaned_data["old_password"]


class ContactForm(forms.Form):
    """The contact details a person may correct on their own profile, and nothing else.

    Changing the e-mail address needs the current password: the address receives the
    password-reset links, so whoever changes it could take the account over from a PC left
    signed in. The phone number does not (it gives no way into the account).
    """

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
        validators=[phone_validate],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    current_password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        required=False,
        strip=False,
        help_text=_("Chỉ cần khi đổi địa chỉ thư điện tử."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        email = (cleaned.get("email") or "").strip()
        if "email" in cleaned and email != self.user.email:
            password = cleaned.get("current_password")
            if not password:
                self.add_error("current_password", CURRENT_PASSWORD_REQUIRED)
            else:
                try:
                    user_check_current_password(self.user, password)
                except ValidationError as error:
                    self.add_error("current_password", error)
        cleaned.pop("current_password", None)
        return cleaned


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
    """Django's reset request, which also reaches imported people who have not chosen a
    password yet (an unusable one): the link lets them set their first. Never inactive people."""

    def get_users(self, email):
        email_field = User.get_email_field_name()
        people = User._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        return (
            person for person in people if _unicode_ci_compare(email, getattr(person, email_field))
        )

    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        error_messages={"invalid": EMAIL_INVALID},
        help_text=_("Địa chỉ thư điện tử đã đăng ký với tài khoản của bạn."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách"),
        error_messages={"required": NO_FILE, "empty": NO_FILE},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    send_activation = forms.BooleanField(
        label=_("Gửi thư kích hoạt cho người có e-mail"),
        required=False,
        help_text=_(
            "Khi áp dụng, những người trong tệp có địa chỉ thư điện tử mà chưa kích hoạt tài "
            "khoản nhận thư có liên kết đặt mật khẩu. Người không có e-mail thì in mã kích hoạt "
            "ở mục “Kích hoạt tài khoản”."
        ),
    )

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["file"].help_text = _(
            "Tệp Excel (.xlsx) hoặc CSV UTF-8 (.csv), không quá %(size)s MB và %(rows)s người."
        ) % {"size": MAX_FILE_SIZE // (1024 * 1024), "rows": thousands(MAX_ROWS)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(FILE_TOO_LARGE, params={"max": MAX_FILE_SIZE // (1024 * 1024)})
        return upload

    def full_clean(self):
        super().full_clean()
        if self.too_large:
            # The upload handler dropped the file: say why instead of "choose a file".
            self.errors.pop("file", None)
            self.add_error(
                "file", ValidationError(FILE_TOO_LARGE % {"max": MAX_FILE_SIZE // (1024 * 1024)})
            )


class ActivationCodeForm(forms.Form):
    """The first step of activating with a printed code: who, and the code."""

    employee_code = forms.CharField(
        label=_("Mã số công chức, viên chức"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "characters"}
        ),
    )
    code = forms.CharField(
        label=_("Mã kích hoạt"),
        max_length=32,
        help_text=_("Mã in trên phiếu do cán bộ tổ chức phát, ví dụ ABCD-EFGH-JK."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class ActivationPasswordForm(SetPasswordForm):
    """Django's set-password form (the site's password validators) for the activation."""
