"""Report (b), "Tổng hợp theo cơ quan, đơn vị": per unit below a parent agency, its whole
subtree counted."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, FilteredRelation, IntegerField, Max, Q, Value, When
from django.db.models.functions import Substr

from courses.models import overdue_q
from home.formatting import percent_of, quantize
from learners.models import Agency
from learners.names import fold, vietnamese_sort_key
from quizzes.models import Attempt

from .common import quiz_ids


@dataclass
class AgencyRow:
    """One unit below the chosen parent, its whole subtree counted (or, with ``direct``, the
    people attached to the parent itself)."""

    agency: Agency
    direct: bool = False
    people: int = 0
    enrolled: int = 0
    completed: int = 0
    overdue: int = 0
    score_sum: Decimal = Decimal(0)
    score_count: int = 0
    per_person: bool = True

    @property
    def name(self) -> str:
        return self.agency.name

    @property
    def code(self) -> str:
        return self.agency.code

    @property
    def rate(self) -> Decimal | None:
        return percent_of(self.completed, self.people if self.per_person else self.enrolled)

    @property
    def average_score(self) -> Decimal | None:
        if not self.score_count:
            return None
        return quantize(Decimal(self.score_sum) / self.score_count)

    @property
    def has_children(self) -> bool:
        return not self.direct and self.agency.numchild > 0


@dataclass
class AgencySummary:
    parent: Agency | None
    rows: list[AgencyRow]
    per_person: bool

    @property
    def totals(self) -> AgencyRow:
        total = AgencyRow(agency=self.parent or Agency(name=""), per_person=self.per_person)
        for row in self.rows:
            for name in ("people", "enrolled", "completed", "overdue", "score_sum", "score_count"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total

    @property
    def chart(self) -> list[AgencyRow]:
        """Rows with a rate (people, or enrolments without a course), highest first."""
        shown = [row for row in self.rows if row.rate is not None]
        return sorted(shown, key=lambda row: (-(row.rate or 0), vietnamese_sort_key(row.name)))


def default_summary_parent(*, user, agencies):
    """The agency whose sub-units the summary lists first: the officer's own agency; for an
    administrator, the province (or every root when there are several)."""
    if not user.is_superuser:
        return user.agency
    roots = list(agencies.filter(depth=1)[:2])
    return roots[0] if len(roots) == 1 else None


def agency_summary(*, people, parent, structure, course=None, today: date) -> AgencySummary:
    """Report (b): per unit directly below ``parent`` (None: the roots), people, enrolled,
    completed, overdue and the average best quiz score. Three queries: the units; the counts,
    grouped in SQL by agency path prefix; each person's best score (per course when no course
    is chosen), a MAX grouped in SQL, summed per unit here (at most one number per person)."""
    steplen = Agency.steplen
    if parent is None:
        units = Agency.objects.filter(depth=1)
        prefix = steplen
    else:
        units = Agency.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        people = people.filter(agency__path__startswith=parent.path)
        prefix = (parent.depth + 1) * steplen
    people = people.filter(is_active=True, agency__isnull=False)
    if course is not None:
        relation = FilteredRelation("enrolments", condition=Q(enrolments__course_id=course.pk))
    else:
        relation = FilteredRelation("enrolments")
    figures = (
        people.annotate(enrolment=relation, unit=Substr("agency__path", 1, prefix))
        .order_by()
        .values("unit")
        .annotate(
            people=Count("pk", distinct=True),
            enrolled=Count("enrolment__id"),
            completed=Count("enrolment__id", filter=Q(enrolment__completed_at__isnull=False)),
            overdue=Count("enrolment__id", filter=overdue_q(today, prefix="enrolment__")),
        )
    )
    by_unit = {row.pop("unit"): row for row in figures}
    for unit, best in _best_scores(people, structure, course=course, prefix=prefix):
        row = by_unit.setdefault(unit, {})
        row["score_sum"] = row.get("score_sum", 0) + best
        row["score_count"] = row.get("score_count", 0) + 1
    per_person = course is not None
    rows = []
    if parent is not None and parent.path in by_unit:
        rows.append(_agency_row(parent, by_unit[parent.path], per_person=per_person, direct=True))
    # Units by name as Vietnamese lists sort (treebeard's sibling order puts "Đ" after "T").
    for unit in sorted(units, key=lambda unit: (fold(unit.name), unit.name)):
        rows.append(_agency_row(unit, by_unit.get(unit.path, {}), per_person=per_person))
    return AgencySummary(parent=parent, rows=rows, per_person=per_person)


def _best_scores(people, structure, *, course, prefix):
    """(unit path prefix, best score) for each person (and course, without a chosen course)
    with a submitted attempt at the course's quizzes."""
    quizzes = {
        course_id: ids
        for course_id, ids in quiz_ids(structure).items()
        if ids and (course is None or course_id == course.pk)
    }
    if not quizzes:
        return []
    which_course = Case(
        *(When(quiz_id__in=ids, then=Value(course_id)) for course_id, ids in quizzes.items()),
        output_field=IntegerField(),
    )
    return (
        Attempt.objects.filter(
            user__in=people.values("pk"),
            quiz_id__in=[pk for ids in quizzes.values() for pk in ids],
        )
        .exclude(submitted_at=None)
        .annotate(unit=Substr("user__agency__path", 1, prefix), of_course=which_course)
        .order_by()
        .values("user_id", "of_course", "unit")
        .annotate(best=Max("score"))
        .values_list("unit", "best")
    )


def _agency_row(agency, figures, *, per_person, direct=False):
    figures = {name: value for name, value in figures.items() if value is not None}
    row = AgencyRow(agency=agency, direct=direct, per_person=per_person, **figures)
    row.score_sum = Decimal(row.score_sum)
    return row
