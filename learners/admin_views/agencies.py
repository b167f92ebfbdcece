"""The agency tree in the Wagtail admin: its views and ``AgencyViewSet``; the writes go through
``learners.services``."""

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter, log

from ..forms import AgencyCreateForm, AgencyEditForm, AgencyMoveForm
from ..models import Agency
from ..selectors import agency_chain_name, agency_people_count, agency_tree_with_people_counts
from ..services import (
    AGENCY_DELETE_HAS_PEOPLE,
    agency_create,
    agency_delete,
    agency_move,
    agency_update,
)

MOVE_LOG_ACTION = "learners.agency.move"
MOVE_LABEL = _("Chuyển sang đơn vị khác")


def _move_url(url_name, agency) -> str:
    return reverse(url_name, args=(quote(agency.pk),))


class AgencyTitleColumn(TitleColumn):
    """The agency's name, indented by its depth in the tree."""

    cell_template_name = "learners/admin/agencies/title_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["indent"] = range(instance.depth - 1)
        return context


class ServiceErrorsMixin:
    """Show a service's ``ValidationError`` on the form instead of failing the request."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class AgencyIndexView(IndexView):
    """The whole tree in tree order, with the number of people in each unit."""

    page_title = _("Cơ quan, đơn vị")
    add_item_label = _("Thêm cơ quan, đơn vị")
    move_url_name = None

    def get_base_queryset(self):
        return agency_tree_with_people_counts()

    def order_queryset(self, queryset):
        # Tree order only: sorting by a column would break the indentation.
        return queryset.order_by("path")

    @cached_property
    def no_results_message(self):
        return _("Chưa có cơ quan, đơn vị nào. Hãy thêm UBND tỉnh trước, rồi các sở, ngành.")

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(AgencyTitleColumn)
        return [
            title_column_class("name", label=_("Tên cơ quan, đơn vị"), get_url=self.get_edit_url),
            Column("code", label=_("Mã cơ quan")),
            Column("kind", label=_("Loại"), accessor="get_kind_display"),
            NumberColumn("people_count", label=_("Số người")),
            NumberColumn("people_total", label=_("Kể cả đơn vị trực thuộc")),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("add"):
            buttons.append(
                MenuItem(
                    _("Thêm đơn vị trực thuộc"),
                    url=f"{self.add_url}?parent={instance.pk}",
                    icon_name="plus",
                    priority=15,
                )
            )
        if self.move_url_name and self.user_has_permission("change"):
            url = _move_url(self.move_url_name, instance)
            buttons.append(MenuItem(MOVE_LABEL, url=url, icon_name="arrow-right-full", priority=16))
        return buttons


class AgencyCreateView(ServiceErrorsMixin, CreateView):
    success_message = _("Đã thêm “%(object)s”.")
    error_message = _("Chưa thêm được cơ quan, đơn vị. Hãy sửa các lỗi bên dưới.")

    def get_initial(self):
        initial = super().get_initial()
        parent_id = self.request.GET.get("parent", "")
        if parent_id.isdigit() and (parent := Agency.objects.filter(pk=parent_id).first()):
            initial["treebeard_ref_node"] = parent
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        agency = agency_create(
            code=data["code"],
            name=data["name"],
            kind=data["kind"],
            parent=data["treebeard_ref_node"],
        )
        log(instance=agency, action="wagtail.create", user=self.request.user, content_changed=True)
        return agency


class AgencyEditView(ServiceErrorsMixin, EditView):
    success_message = _("Đã lưu “%(object)s”.")
    error_message = _("Chưa lưu được. Hãy sửa các lỗi bên dưới.")
    move_url_name = None

    def save_instance(self):
        data = self.form.cleaned_data
        agency = agency_update(
            agency=self.object, code=data["code"], name=data["name"], kind=data["kind"]
        )
        log(instance=agency, action="wagtail.edit", user=self.request.user, content_changed=True)
        return agency

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.move_url_name:
            url = _move_url(self.move_url_name, self.object)
            buttons.append(Button(MOVE_LABEL, url=url, icon_name="arrow-right-full", priority=15))
        return buttons


class AgencyMoveView(ServiceErrorsMixin, EditView):
    """Choose a new parent for an agency; its sub-units and people move with it."""

    page_title = MOVE_LABEL
    submit_button_label = _("Chuyển")
    submit_button_active_label = _("Đang chuyển…")
    success_message = _("Đã chuyển “%(object)s”.")
    error_message = _("Chưa chuyển được. Hãy xem lỗi bên dưới.")
    move_url_name = None

    def save_instance(self):
        old_parent = self._parent_name(self.object)
        agency = agency_move(
            agency=self.object, parent=self.form.cleaned_data["treebeard_ref_node"]
        )
        log(
            instance=agency,
            action=MOVE_LOG_ACTION,
            user=self.request.user,
            data={"old": old_parent, "new": self._parent_name(agency)},
        )
        return agency

    @staticmethod
    def _parent_name(agency):
        parent = agency.get_parent()
        return agency_chain_name(agency=parent) if parent else str(_("cấp cao nhất"))

    def get_side_panels(self):
        return MediaContainer([])

    @cached_property
    def header_more_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = _move_url(self.move_url_name, self.object)
        context["can_delete"] = False
        return context


class AgencyDeleteView(DeleteView):
    """Delete an agency and its sub-units; refused while anyone belongs to them."""

    success_message = _("Đã xóa “%(object)s”.")

    @property
    def confirmation_message(self):
        return _("Bạn có chắc muốn xóa “%(name)s”?") % {"name": self.object.name}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = agency_people_count(agency=self.object)
        context["descendant_count"] = self.object.get_descendant_count()
        if people:
            context["refusal"] = AGENCY_DELETE_HAS_PEOPLE % {
                "name": self.object.name,
                "count": people,
            }
        return context

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            with transaction.atomic():
                log(
                    instance=self.object,
                    action="wagtail.delete",
                    user=self.request.user,
                    deleted=True,
                )
                agency_delete(agency=self.object)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.index_url_name)
        messages.success(self.request, self.get_success_message())
        return redirect(success_url)


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


class AgencyMoveFormatter(LogFormatter):
    label = MOVE_LABEL

    def format_message(self, log_entry):
        try:
            return _("Đã chuyển từ “%(old)s” sang “%(new)s”.") % log_entry.data
        except (KeyError, TypeError):
            return _("Đã chuyển sang đơn vị khác.")


def register_agency_log_actions(actions):
    actions.register_action(MOVE_LOG_ACTION)(AgencyMoveFormatter)
