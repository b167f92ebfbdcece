"""Report (a), "Kết quả học tập theo người": one row per person (or per enrolment when no course
is chosen), its filters, orderings and totals."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from courses.models import Certificate, LessonProgress, is_overdue, overdue_q
from courses.structure import CourseStructure
from home.formatting import percent_of
from home.queries import count_subquery
from learners.names import display_name, name_ordering
from quizzes.models import Attempt

from .common import Status, quiz_ids


def _course_ref(course):
    """The course of the row: the chosen one, or the course of the row's enrolment."""
    return course.pk if course is not None else OuterRef("enrolment__course_id")


def _attempts(quiz_ids):
    return (
        Attempt.objects.filter(user=OuterRef("pk"), quiz_id__in=quiz_ids)
        .exclude(submitted_at=None)
        .order_by()
        .values("user_id")
    )


def _per_course(course, structure, make, output_field):
    """A per-row figure over the quizzes of the row's course: with a chosen course, one
    subquery over its quiz ids; without, a CASE over the (few) courses picks the subquery of
    the row's course. (A path LIKE join to the page tree instead makes PostgreSQL scan the
    pages once per person.)"""
    if course is not None:
        return Subquery(make(quiz_ids(structure).get(course.pk, [])), output_field=output_field)
    whens = [
        When(enrolment__course_id=course_id, then=Subquery(make(ids), output_field=output_field))
        for course_id, ids in quiz_ids(structure).items()
        if ids
    ]
    if not whens:
        return Value(None, output_field=output_field)
    return Case(*whens, default=None, output_field=output_field)


def _best_score(course, structure):
    return _per_course(
        course,
        structure,
        lambda ids: _attempts(ids).annotate(best=Max("score")).values("best"),
        DecimalField(max_digits=5, decimal_places=2),
    )


def _attempt_count(course, structure):
    counted = _per_course(
        course,
        structure,
        lambda ids: _attempts(ids).annotate(n=Count("pk")).values("n"),
        IntegerField(),
    )
    return Coalesce(counted, 0)


def _progress_exists(course):
    return Exists(LessonProgress.objects.filter(user=OuterRef("pk"), course_id=_course_ref(course)))


def enrolment_rows(*, people, course=None):
    """People joined to their enrolment: with a course, every active person of an agency in
    ``people``, enrolled in it or not (one row each); without one, their enrolments in any
    course (one row each). The join is named ``enrolment``."""
    if course is not None:
        relation = FilteredRelation("enrolments", condition=Q(enrolments__course_id=course.pk))
    else:
        relation = FilteredRelation("enrolments")
    rows = people.filter(is_active=True, agency__isnull=False).annotate(enrolment=relation)
    if course is None:
        rows = rows.filter(enrolment__isnull=False)
    return rows


def completion_rows(*, people, structure, course=None):
    """Report (a): one row per person (or per enrolment when no course is chosen) with every
    column as an annotation. The per-row figures are correlated subqueries: a page costs two
    queries (``fetch_page``) and an export streams from one, whatever the number of rows."""
    course_ref = _course_ref(course)
    if course is not None:
        row_course = {"row_course_id": Value(course.pk), "course_title": Value(course.title)}
    else:
        row_course = {
            "row_course_id": F("enrolment__course_id"),
            "course_title": F("enrolment__course__title"),
        }
    done = LessonProgress.objects.filter(
        structure.lessons_q(course=course),
        user=OuterRef("pk"),
        course_id=course_ref,
        completed_at__isnull=False,
    )
    certificate = Certificate.objects.filter(
        user=OuterRef("pk"), course_id=course_ref, revoked_at__isnull=True
    ).values("number")[:1]
    return (
        enrolment_rows(people=people, course=course)
        .select_related("agency")
        .annotate(
            **row_course,
            name=display_name(),
            enrolment_id=F("enrolment__id"),
            enrolled_at=F("enrolment__enrolled_at"),
            due_date=F("enrolment__due_date"),
            completed_at=F("enrolment__completed_at"),
            has_progress=_progress_exists(course),
            done_lessons=count_subquery(done),
            best_score=_best_score(course, structure),
            attempt_count=_attempt_count(course, structure),
            certificate_number=Subquery(certificate),
        )
    )


def filter_agency(rows, agency):
    """People of the agency and every unit below it."""
    return rows.filter(agency__path__startswith=agency.path)


def filter_status(rows, status, *, course, today: date):
    not_completed = Q(enrolment__completed_at__isnull=True)
    if status == Status.COMPLETED:
        return rows.filter(enrolment__completed_at__isnull=False)
    if status == Status.OVERDUE:
        return rows.filter(overdue_q(today, prefix="enrolment__"))
    if status == Status.IN_PROGRESS:
        return rows.filter(not_completed, _progress_exists(course))
    if status == Status.NOT_STARTED:
        return rows.filter(not_completed, ~_progress_exists(course))
    return rows


def filter_completed_between(rows, start: date | None, end: date | None):
    """Completed on a day from ``start`` to ``end`` (either may be open), local time."""
    if start:
        rows = rows.filter(enrolment__completed_at__date__gte=start)
    if end:
        rows = rows.filter(enrolment__completed_at__date__lte=end)
    return rows


COMPLETION_ORDERINGS = {
    "name": name_ordering,
    "employee_code": lambda descending=False: [
        F("employee_code").desc() if descending else F("employee_code").asc(),
        *name_ordering(),
    ],
    "agency": lambda descending=False: [
        F("agency__path").desc() if descending else F("agency__path").asc(),
        *name_ordering(),
    ],
    "enrolled_at": lambda descending=False: [
        F("enrolled_at").desc(nulls_last=True) if descending else F("enrolled_at").asc(),
        *name_ordering(),
    ],
    "completed_at": lambda descending=False: [
        F("completed_at").desc(nulls_last=True) if descending else F("completed_at").asc(),
        *name_ordering(),
    ],
    "progress": lambda descending=False: [
        F("done_lessons").desc() if descending else F("done_lessons").asc(),
        *name_ordering(),
    ],
    "best_score": lambda descending=False: [
        F("best_score").desc(nulls_last=True) if descending else F("best_score").asc(),
        *name_ordering(),
    ],
}


def order_rows(rows, ordering: str = "name"):
    """Order by a key of ``COMPLETION_ORDERINGS`` ("-key" descending); names break ties."""
    descending = ordering.startswith("-")
    make = COMPLETION_ORDERINGS.get(ordering.lstrip("-"), name_ordering)
    return rows.order_by(*make(descending=descending))


def fetch_page(rows, page_rows, *, course):
    """The rows of one page, in two queries: the page's keys in report order (the ORDER BY,
    LIMIT and OFFSET without the per-row subqueries, which PostgreSQL would otherwise run for
    every skipped row of a deep page), then the annotated rows of those keys."""
    key = "pk" if course is not None else "enrolment_id"
    keys = list(page_rows.values_list(key, flat=True))
    found = {getattr(row, key): row for row in rows.order_by().filter(**{f"{key}__in": keys})}
    return [found[k] for k in keys]


def decorate_row(row, *, structure: CourseStructure, today: date):
    """Python-side columns of a completion row (no query): progress %, state, overdue flag."""
    row.lesson_total = structure.lesson_count(row.row_course_id)
    row.progress_percent = percent_of(row.done_lessons, row.lesson_total) or Decimal(0)
    if row.completed_at:
        row.status = Status.COMPLETED
    elif row.has_progress:
        row.status = Status.IN_PROGRESS
    else:
        row.status = Status.NOT_STARTED
    row.status_label = row.status.label
    row.is_overdue = is_overdue(due_date=row.due_date, completed_at=row.completed_at, today=today)
    return row


@dataclass
class Totals:
    """The figures shown above a report's table."""

    people: int
    rows: int
    completed: int
    overdue: int
    per_person: bool  # rows are people (a course is chosen), not enrolments

    @property
    def rate(self) -> Decimal | None:
        return percent_of(self.completed, self.rows)


def completion_totals(rows, *, course, today: date) -> Totals:
    """People, completed, completion rate and overdue over the filtered rows: one query."""
    figures = rows.order_by().aggregate(
        rows=Count("pk"),
        people=Count("pk", distinct=True),
        completed=Count("pk", filter=Q(enrolment__completed_at__isnull=False)),
        overdue=Count("pk", filter=overdue_q(today, prefix="enrolment__")),
    )
    return Totals(per_person=course is not None, **figures)
