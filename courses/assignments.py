"""Giao khóa học: HR gives a course to an agency subtree or to chosen people, with a due date.

The write (``course_assign``) and the list HR reads back (``assignment_list``). Both keep to the
assigner's scope (``learners.scope``): their agency and every unit below it.
"""

import datetime
from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from home.queries import count_subquery
from learners.roles import agency_in_scope, can_view_records
from learners.scope import scoped_people

from .models import Assignment, Enrolment

ASSIGN_LOG_ACTION = "courses.assign"

DUE_DATE_IN_PAST = _("Hạn hoàn thành phải từ hôm nay trở đi.")
NO_TARGET = _("Hãy chọn một cơ quan, đơn vị hoặc ít nhất một người để giao khóa học.")
NO_PEOPLE = _(
    "Không có ai để giao khóa học: cơ quan, đơn vị đã chọn chưa có người nào đang hoạt động. "
    "Hãy nhập danh sách công chức, viên chức trước."
)
AGENCY_OUT_OF_SCOPE = _(
    "“%(name)s” nằm ngoài phạm vi bạn quản lý. Hãy chọn đơn vị của bạn hoặc đơn vị trực thuộc."
)
PEOPLE_OUT_OF_SCOPE = _(
    "Có %(count)s người nằm ngoài phạm vi bạn quản lý. Chưa giao khóa học cho ai; "
    "hãy bỏ những người này rồi giao lại."
)
COURSE_NOT_LIVE = _("Khóa học “%(title)s” chưa được xuất bản nên chưa thể giao.")

People = Assignment.people.through


def _pk(value) -> int:
    return getattr(value, "pk", value)


@transaction.atomic
def course_assign(
    *,
    course,
    due_date: datetime.date,
    assigned_by,
    agency=None,
    people: Iterable = (),
    note: str = "",
) -> Assignment:
    """Give ``course`` to every active person of ``agency`` and its sub-units and to ``people``
    (users or their ids), due by ``due_date``.

    Everyone is enrolled as "assigned" with the due date and this assignment; a person already
    enrolled and not yet done gets the new due date, a completed enrolment is left as it is.
    Nothing is written unless the course is live, the date is not past and every target is
    inside the assigner's scope. The query count does not grow with the number of people.
    Returns the assignment with ``people_count``: the people it covers.
    """
    person_ids = {_pk(person) for person in people}
    errors = {}
    if not course.live:
        errors["course"] = COURSE_NOT_LIVE % {"title": course.title}
    if due_date < timezone.localdate():
        errors["due_date"] = DUE_DATE_IN_PAST
    if agency is None and not person_ids:
        errors[NON_FIELD_ERRORS] = NO_TARGET
    if agency is not None and not agency_in_scope(assigned_by, agency):
        errors["agency"] = AGENCY_OUT_OF_SCOPE % {"name": agency.name}
    if person_ids:
        outside = len(person_ids) - scoped_people(assigned_by).filter(pk__in=person_ids).count()
        if outside:
            errors["people"] = PEOPLE_OUT_OF_SCOPE % {"count": outside}
    if errors:
        raise ValidationError(errors)

    targets = [Q(pk__in=person_ids)] if person_ids else []
    if agency is not None:
        targets.append(Q(agency__path__startswith=agency.path))
    covered = get_user_model().objects.filter(reduce(or_, targets), is_active=True)
    user_ids = list(covered.values_list("pk", flat=True))
    if not user_ids:
        raise ValidationError(NO_PEOPLE)

    assignment = Assignment.objects.create(
        course=course, agency=agency, due_date=due_date, assigned_by=assigned_by, note=note
    )
    if person_ids:
        assignment.people.add(*person_ids)
    assigned = Enrolment.Source.ASSIGNED
    # Insert the new enrolments, then move the unfinished ones (new or not) to this assignment:
    # one INSERT and one UPDATE, and a self-enrolment racing in between still gets the date.
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                user_id=user_id,
                course_id=course.pk,
                source=assigned,
                due_date=due_date,
                assignment=assignment,
            )
            for user_id in user_ids
        ],
        ignore_conflicts=True,
    )
    Enrolment.objects.filter(
        course_id=course.pk, user__in=covered, completed_at__isnull=True
    ).update(source=assigned, due_date=due_date, assignment=assignment)
    log(
        instance=assignment,
        action=ASSIGN_LOG_ACTION,
        user=assigned_by,
        data={
            "course_id": course.pk,
            "course": course.title,
            "agency_id": agency.pk if agency else None,
            "agency": agency.name if agency else None,
            "people_chosen": len(person_ids),
            "people": len(user_ids),
            "due_date": due_date.isoformat(),
            "note": note,
        },
    )
    assignment.people_count = len(user_ids)
    return assignment


# Reads -----------------------------------------------------------------------------------------


def assignments_in_scope(*, user) -> QuerySet[Assignment]:
    """The assignments whose every target is inside the user's scope: its agency (if any) in
    the user's subtree and each chosen person too. A superuser sees them all."""
    if not can_view_records(user):
        return Assignment.objects.none()
    if user.is_superuser:
        return Assignment.objects.all()
    root = user.agency.path
    chosen_outside = People.objects.filter(assignment=OuterRef("pk")).exclude(
        user__agency__path__startswith=root
    )
    return Assignment.objects.filter(
        Q(agency__isnull=True) | Q(agency__path__startswith=root)
    ).exclude(Exists(chosen_outside))


def assignment_list(*, user) -> QuerySet[Assignment]:
    """The user's assignments, newest first, each with ``people_chosen`` and, over the active
    people it covers today (the agency subtree and the chosen people), ``enrolled_count``,
    ``completed_count`` and ``overdue_count``: one query for the page, whatever its length."""
    chosen = People.objects.filter(assignment=OuterRef("pk"))
    covered = Enrolment.objects.filter(course=OuterRef("course"), user__is_active=True).filter(
        Q(user__agency__path__startswith=OuterRef("agency__path"))
        | Q(user__in=People.objects.filter(assignment=OuterRef(OuterRef("pk"))).values("user"))
    )
    return (
        assignments_in_scope(user=user)
        .select_related("course", "agency", "assigned_by")
        .annotate(
            people_chosen=count_subquery(chosen),
            enrolled_count=count_subquery(covered),
            completed_count=count_subquery(covered.completed()),
            overdue_count=count_subquery(covered.overdue(timezone.localdate())),
        )
        .order_by("-created_at", "-pk")
    )
