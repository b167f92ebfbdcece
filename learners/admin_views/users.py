"""Wagtail's user admin with the civil-servant fields, logging what each edit changed."""

from functools import partial

from wagtail.actions import action_registry
from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from ..audit import form_changes_describe, person_log_change
from ..forms import AdminUserCreationForm, AdminUserEditForm


class UserEditView(WagtailUserEditView):
    """Wagtail's user editor, logging what changed (learners/audit.py) instead of a bare
    "edited"."""

    @property
    def action_class(self):
        return partial(action_registry.get_action_class(self.model, "edit"), log_action=False)

    def save_instance(self):
        old = type(self.object).objects.get(pk=self.object.pk)
        changes = form_changes_describe(self.form, old)
        instance = super().save_instance()
        person_log_change(person=instance, by=self.request.user, changes=changes)
        return instance


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the civil-servant fields (name, code, agency, position)."""

    template_prefix = "learners/admin/users/"
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
