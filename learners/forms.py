"""Forms for people, including the Wagtail admin user forms with our own fields."""

from wagtail.users.forms import UserCreationForm, UserEditForm

# Django's first/last name are replaced by one Vietnamese-order full name.
_FIELDS = {"email", "is_superuser", "groups", "full_name", "employee_code", "agency", "position", "phone"}


class AdminUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = {"username", "is_active"} | _FIELDS


class AdminUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {"username"} | _FIELDS
