from functools import partial

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.actions import action_registry
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import EditView as WagtailUserEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .admin_views import (
    AgencyCreateView,
    AgencyDeleteView,
    AgencyEditView,
    AgencyIndexView,
    AgencyMoveView,
)
from .audit import form_changes, log_person_change
from .forms import (
    AdminUserCreationForm,
    AdminUserEditForm,
    AgencyCreateForm,
    AgencyEditForm,
    AgencyMoveForm,
)
from .models import Agency


class UserEditView(WagtailUserEditView):
    """Wagtail's user editor, logging what changed (learners/audit.py) instead of a bare
    "edited"."""

    @property
    def action_class(self):
        return partial(action_registry.get_action_class(self.model, "edit"), log_action=False)

    def save_instance(self):
        old = type(self.object).objects.get(pk=self.object.pk)
        changes = form_changes(self.form, old)
        instance = super().save_instance()
        log_person_change(person=instance, by=self.request.user, changes=changes)
        return instance


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin with the civil-servant fields (name, code, agency, position)."""

    template_prefix = "learners/admin/users/"
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm


class AgencyViewSet(ModelViewSet):
    """The agency tree: list, add, edit, move and delete, for users with the agency permissions."""

    model = Agency
    icon = "site"
    menu_label = _("Cơ quan, đơn vị")
    menu_name = "agencies"
    menu_order = 800
    add_to_admin_menu = True
    copy_view_enabled = False
    list_per_page = 100
    template_prefix = "learners/admin/agencies/"

    index_view_class = AgencyIndexView
    add_view_class = AgencyCreateView
    edit_view_class = AgencyEditView
    delete_view_class = AgencyDeleteView
    move_view_class = AgencyMoveView

    def get_form_class(self, for_update=False):
        return AgencyEditForm if for_update else AgencyCreateForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(move_url_name=self.get_url_name("move"), **kwargs)

    @property
    def move_view(self):
        return self.construct_view(
            self.move_view_class,
            **self.get_edit_view_kwargs(form_class=AgencyMoveForm),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("move/<int:pk>/", self.move_view, name="move"),
        ]
