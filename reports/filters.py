"""Report filters. Every choice list is cut to the officer's scope on the server: an agency
outside it is neither offered nor accepted."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from courses.models import CoursePage
from learners.scope import scoped_agencies

from . import selectors
from .selectors import Status


class AgencyChoiceField(django_filters.fields.ModelChoiceField):
    """Agencies in tree order, indented by depth so the choice list reads as the tree."""

    def label_from_instance(self, obj):
        return "— " * (obj.depth - 1) + obj.name


class AgencyFilter(django_filters.ModelChoiceFilter):
    """People of the chosen agency and of every unit below it."""

    field_class = AgencyChoiceField

    def filter(self, qs, value):
        return selectors.filter_agency(qs, value) if value else qs


def agency_choices(request):
    return scoped_agencies(request.user).order_by("path")


def parent_choices(request):
    """Agencies with sub-units: the ones whose units the summary can list."""
    return agency_choices(request).filter(numchild__gt=0)


def course_choices(request):
    return CoursePage.objects.order_by("path")


class CourseFilterSet(WagtailFilterSet):
    """The course filter decides the shape of the rows (a person, or an enrolment), so the
    view reads it (``chosen_course``) before building the queryset; its own filtering is a
    no-op."""

    course = django_filters.ModelChoiceFilter(
        label=_("Khóa học"),
        queryset=course_choices,
        empty_label=_("Tất cả khóa học"),
        method="filter_nothing",
    )

    class Meta:
        model = get_user_model()
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset

    def chosen(self, name):
        """The valid choice of filter ``name``, or None."""
        return self.form.cleaned_data.get(name) if self.is_valid() else None

    @property
    def chosen_course(self):
        return self.chosen("course")


class CompletionFilterSet(CourseFilterSet):
    agency = AgencyFilter(
        label=_("Cơ quan, đơn vị"),
        queryset=agency_choices,
        empty_label=_("Tất cả cơ quan, đơn vị trong phạm vi"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"),
        choices=Status.choices,
        empty_label=_("Tất cả trạng thái"),
        method="filter_status",
    )
    completed = django_filters.DateFromToRangeFilter(
        label=_("Ngày hoàn thành"),
        widget=DateRangePickerWidget,
        method="filter_completed",
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return selectors.filter_status(queryset, value, course=self.chosen_course, today=self.today)

    def filter_completed(self, queryset, name, value):
        if not value:
            return queryset
        return selectors.filter_completed_between(queryset, value.start, value.stop)


class AgencySummaryFilterSet(CourseFilterSet):
    parent = AgencyFilter(
        label=_("Các đơn vị trực thuộc của"),
        queryset=parent_choices,
        empty_label=_("Đơn vị của tôi"),
        method="filter_nothing",
    )

    @property
    def chosen_parent(self):
        return self.chosen("parent")
