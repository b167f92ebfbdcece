"""Reads for the HR reports. Every figure is aggregated in SQL: a report page runs a fixed number
of queries whatever the number of people, and an export streams rows from one query.

The reports are built over ``people``, a queryset the caller has already limited to the HR
officer's scope (``learners.scope.scoped_people``); nothing here widens it.
"""

import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import or_

from anyascii import anyascii
from django.db import connections, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    F,
    FilteredRelation,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    TextChoices,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import Certificate, Enrolment, LessonProgress, ModuleCompletion
from learners.models import Agency
from quizzes.models import Attempt


class Status(TextChoices):
    """The states the completion report filters on. A row is in exactly one of the first three;
    "overdue" (due date passed, not completed) overlaps "not started" and "in progress"."""

    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang học")
    COMPLETED = "completed", _("Đã hoàn thành")
    OVERDUE = "overdue", _("Quá hạn")


# Vietnamese given-name order ---------------------------------------------------------------------
#
# Vietnamese lists sort by the given name, the last word of "Nguyễn Văn An", then by the whole
# name, with diacritics folded: the key of "Đỗ Thị Ánh" is ("anh", "do thi anh"). Names equal
# once folded ("Lê Thị Anh", "Lê Thị Ánh") then compare as written: a letter without a mark
# comes before the same letter with one. SQLite calls anyascii itself (functions registered
# on each connection); PostgreSQL folds with TRANSLATE over a table built from anyascii below,
# so both databases sort alike. The keys are expressions computed per row; an expression index
# on them (a migration of the learners app) would let a very large list skip the sort.
# PostgreSQL folds the Vietnamese letters only; other marked letters (ç, ñ, ö…) fold on SQLite
# only, which changes nothing for a Vietnamese staff list.


def _vietnamese_fold_table() -> tuple[str, str]:
    """The letters of Vietnamese with a mark (ă â đ ê ô ơ ư, each vowel with its five tones),
    both cases, and what anyascii folds each to, as two aligned strings for SQL TRANSLATE.

    Kept to these 134 letters on purpose: TRANSLATE scans the table for every character of
    every name, so a table of all Latin letters makes sorting 10,000 people several times
    slower.
    """
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u")
    vowels += ("u\u031b", "y")
    letters = {unicodedata.normalize("NFC", vowel + tone) for vowel in vowels for tone in tones}
    letters.add("đ")
    letters |= {letter.upper() for letter in letters}
    source = "".join(sorted(letter for letter in letters if not letter.isascii()))
    # The marks of decomposed (NFD) text come last with nothing opposite: TRANSLATE deletes
    # them, so "A" + U+0301 folds like "Á" without a costly NORMALIZE on every row.
    marks = "".join(sorted({mark for vowel in vowels for mark in vowel[1:]} | set(tones[1:])))
    return source + marks, "".join(anyascii(letter) for letter in source)


FOLD_FROM, FOLD_TO = _vietnamese_fold_table()


def fold(text: str | None) -> str:
    """Lower-case ASCII, diacritics removed: the Python twin of :class:`Fold`."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def last_word(text: str | None) -> str:
    words = (text or "").split()
    return words[-1] if words else ""


def register_sqlite_functions(sender, connection, **kwargs):
    """Give each new SQLite connection the functions :class:`Fold` and :class:`LastWord`
    compile to (PostgreSQL uses built-in functions)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("parlearn_fold", 1, fold, deterministic=True)
        connection.connection.create_function(
            "parlearn_last_word", 1, last_word, deterministic=True
        )


class Fold(Func):
    """``fold()`` in SQL: lower-case ASCII with the diacritics removed."""

    function = "PARLEARN_FOLD"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"LOWER(TRANSLATE({sql}, %s, %s))", [*params, FOLD_FROM, FOLD_TO]


class LastWord(Func):
    """``last_word()`` in SQL: the given name of a Vietnamese full name."""

    function = "PARLEARN_LAST_WORD"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"REGEXP_REPLACE(BTRIM({sql}), %s, '')", [*params, r"^.*\s"]


def display_name():
    return Coalesce(NullIf(F("full_name"), Value("")), F("username"), output_field=CharField())


def name_ordering(*, descending: bool = False) -> list:
    """ORDER BY terms for people in Vietnamese order: given name, whole name (both folded),
    the name as written, then id."""
    name = display_name()
    keys = [Fold(LastWord(name)), Fold(name), name, F("pk")]
    return [key.desc() if descending else key.asc() for key in keys]


def vietnamese_sort_key(name: str) -> tuple[str, str, str]:
    """The same order in Python, for short lists sorted after the query."""
    return fold(last_word(name)), fold(name), name


@contextmanager
def without_jit(using: str = "default"):
    """Run the enclosed queries without PostgreSQL's JIT compiler (a no-op elsewhere).

    A report over 10,000 people runs a correlated subquery per person; the planner's cost
    estimate then passes ``jit_above_cost`` and PostgreSQL spends seconds compiling a query
    that executes in a fraction of one. ``SET LOCAL`` lasts for the transaction only, so the
    connection is left as it was.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield


# Course structure ---------------------------------------------------------------------------------


@dataclass
class CourseStructure:
    """What counts in each course: ``lessons`` are the live lessons of live modules (a
    person's progress % is completed ones over these), ``quizzes`` every quiz under the course."""

    lessons: dict[int, list[int]] = field(default_factory=dict)
    quizzes: dict[int, list[int]] = field(default_factory=dict)

    @property
    def all_lessons(self) -> list[int]:
        return [pk for ids in self.lessons.values() for pk in ids]

    def lesson_count(self, course_id) -> int:
        return len(self.lessons.get(course_id, ()))


_STRUCTURE_MODELS = ("coursepage", "modulepage", "lessonpage", "quizpage")


def course_structure(*, course=None) -> CourseStructure:
    """The lessons and quizzes of every course (or of one): one query over the page tree."""
    pages = Page.objects.filter(
        content_type__app_label__in=("courses", "quizzes"),
        content_type__model__in=_STRUCTURE_MODELS,
    )
    if course is not None:
        pages = pages.filter(path__startswith=course.path)
    structure = CourseStructure()
    current, live_modules = None, set()
    rows = pages.order_by("path").values_list("pk", "path", "live", "content_type__model")
    for pk, path, live, model in rows:
        if model == "coursepage":
            current = (pk, path)
            structure.lessons[pk] = []
            structure.quizzes[pk] = []
            continue
        if current is None or not path.startswith(current[1]):
            continue
        parent = path[: -Page.steplen]
        if model == "modulepage" and live and parent == current[1]:
            live_modules.add(path)
        elif model == "lessonpage" and live and parent in live_modules:
            structure.lessons[current[0]].append(pk)
        elif model == "quizpage":
            structure.quizzes[current[0]].append(pk)
    return structure


def percent(part, whole) -> Decimal | None:
    """``part`` of ``whole`` in per cent to one decimal; None when there is no whole."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# (a) Completion by person -------------------------------------------------------------------------


def _count(queryset):
    counted = queryset.order_by().values("user_id").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


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
        return Subquery(make(structure.quizzes.get(course.pk, [])), output_field=output_field)
    whens = [
        When(enrolment__course_id=course_id, then=Subquery(make(ids), output_field=output_field))
        for course_id, ids in structure.quizzes.items()
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
        user=OuterRef("pk"),
        course_id=course_ref,
        completed_at__isnull=False,
        lesson_id__in=structure.lessons.get(course.pk, []) if course else structure.all_lessons,
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
            done_lessons=_count(done),
            best_score=_best_score(course, structure),
            attempt_count=_attempt_count(course, structure),
            certificate_number=Subquery(certificate),
        )
    )


def filter_agency(rows, agency):
    """People of the agency and every unit below it."""
    return rows.filter(agency__path__startswith=agency.path)


def overdue_q(today: date) -> Q:
    return Q(enrolment__completed_at__isnull=True, enrolment__due_date__lt=today)


def filter_status(rows, status, *, course, today: date):
    not_completed = Q(enrolment__completed_at__isnull=True)
    if status == Status.COMPLETED:
        return rows.filter(enrolment__completed_at__isnull=False)
    if status == Status.OVERDUE:
        return rows.filter(overdue_q(today))
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
    row.progress_percent = percent(row.done_lessons, row.lesson_total) or Decimal(0)
    if row.completed_at:
        row.status = Status.COMPLETED
    elif row.has_progress:
        row.status = Status.IN_PROGRESS
    else:
        row.status = Status.NOT_STARTED
    row.status_label = row.status.label
    row.is_overdue = bool(row.due_date and not row.completed_at and row.due_date < today)
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
        return percent(self.completed, self.rows)


def completion_totals(rows, *, course, today: date) -> Totals:
    """People, completed, completion rate and overdue over the filtered rows: one query."""
    figures = rows.order_by().aggregate(
        rows=Count("pk"),
        people=Count("pk", distinct=True),
        completed=Count("pk", filter=Q(enrolment__completed_at__isnull=False)),
        overdue=Count("pk", filter=overdue_q(today)),
    )
    return Totals(per_person=course is not None, **figures)


# (b) Summary by agency ----------------------------------------------------------------------------


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
        return percent(self.completed, self.people if self.per_person else self.enrolled)

    @property
    def average_score(self) -> Decimal | None:
        if not self.score_count:
            return None
        return (Decimal(self.score_sum) / self.score_count).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

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
            overdue=Count("enrolment__id", filter=overdue_q(today)),
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
        for course_id, ids in structure.quizzes.items()
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


# (c) One person's transcript ----------------------------------------------------------------------

KIND_LABELS = {
    "module": _("Chuyên đề"),
    "lesson": _("Bài học"),
    "quiz": _("Bài kiểm tra"),
}


@dataclass
class TranscriptItem:
    course_title: str
    module_title: str
    kind: str
    title: str
    live: bool = True
    status: Status | None = None
    first_viewed_at: object = None
    last_viewed_at: object = None
    completed_at: object = None
    last_slide: int | None = None
    best_score: Decimal | None = None
    attempt_count: int = 0
    passed: bool | None = None

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]

    @property
    def status_label(self):
        return self.status.label if self.status else ""


@dataclass
class TranscriptCourse:
    enrolment: Enrolment
    items: list[TranscriptItem]
    lesson_total: int
    lessons_done: int
    certificate: Certificate | None
    is_overdue: bool

    @property
    def title(self):
        return self.enrolment.course.title

    @property
    def progress_percent(self):
        return percent(self.lessons_done, self.lesson_total) or Decimal(0)

    @property
    def status(self) -> Status:
        if self.enrolment.completed_at:
            return Status.COMPLETED
        started = any(
            item.status in (Status.IN_PROGRESS, Status.COMPLETED)
            for item in self.items
            if item.kind != "module"
        )
        return Status.IN_PROGRESS if started else Status.NOT_STARTED


def transcript(*, person, today: date) -> list[TranscriptCourse]:
    """Every course the person is enrolled in, with each module, lesson and quiz (the live ones,
    and any other the person has a record of), their state, dates and quiz results: six
    queries, whatever the number of courses."""
    enrolments = list(
        Enrolment.objects.filter(user=person).select_related("course").order_by("enrolled_at")
    )
    if not enrolments:
        return []
    course_paths = [e.course.path for e in enrolments]
    pages = (
        Page.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in course_paths)),
            content_type__model__in=_STRUCTURE_MODELS[1:],
            content_type__app_label__in=("courses", "quizzes"),
        )
        .order_by("path")
        .values_list("pk", "path", "title", "live", "content_type__model")
    )
    progress = {row.lesson_id: row for row in LessonProgress.objects.filter(user=person)}
    modules_done = dict(
        ModuleCompletion.objects.filter(user=person).values_list("module_id", "completed_at")
    )
    quiz_results = {
        row["quiz_id"]: row
        for row in Attempt.objects.filter(user=person)
        .exclude(submitted_at=None)
        .order_by()
        .values("quiz_id")
        .annotate(
            best=Max("score"), attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True))
        )
    }
    certificates = {}
    for certificate in Certificate.objects.filter(user=person).order_by("issued_at"):
        if certificate.course_id not in certificates or certificate.is_valid:
            certificates[certificate.course_id] = certificate

    courses = {e.course.path: TranscriptCourse(e, [], 0, 0, None, False) for e in enrolments}
    module_titles, live_modules = {}, set()
    for pk, path, title, live, model in pages:
        entry = courses.get(path[: -2 * Page.steplen]) or courses.get(path[: -Page.steplen])
        if entry is None:
            continue
        course_title = entry.enrolment.course.title
        if model == "modulepage":
            module_titles[path] = title
            if live:
                live_modules.add(path)
            if live or pk in modules_done:
                entry.items.append(
                    TranscriptItem(
                        course_title=course_title,
                        module_title=title,
                        kind="module",
                        title=title,
                        live=live,
                        status=Status.COMPLETED if pk in modules_done else None,
                        completed_at=modules_done.get(pk),
                    )
                )
            continue
        parent = path[: -Page.steplen]
        counted = live and parent in live_modules
        item = TranscriptItem(
            course_title=course_title,
            module_title=module_titles.get(parent, ""),
            kind="lesson" if model == "lessonpage" else "quiz",
            title=title,
            live=counted,
        )
        if model == "lessonpage":
            row = progress.get(pk)
            if row is not None:
                item.first_viewed_at = row.first_viewed_at
                item.last_viewed_at = row.last_viewed_at
                item.completed_at = row.completed_at
                item.last_slide = row.last_slide or None
            item.status = (
                Status.NOT_STARTED
                if row is None
                else Status.COMPLETED
                if row.completed_at
                else Status.IN_PROGRESS
            )
            if counted:
                entry.lesson_total += 1
                entry.lessons_done += bool(row and row.completed_at)
            elif row is None:
                continue
        else:
            result = quiz_results.get(pk)
            if result is not None:
                item.best_score = result["best"]
                item.attempt_count = result["attempts"]
                item.passed = bool(result["passed"])
                item.status = Status.COMPLETED if item.passed else Status.IN_PROGRESS
            elif not counted:
                continue
            else:
                item.status = Status.NOT_STARTED
        entry.items.append(item)
    for entry in courses.values():
        enrolment = entry.enrolment
        entry.certificate = certificates.get(enrolment.course_id)
        entry.is_overdue = bool(
            enrolment.due_date and not enrolment.completed_at and enrolment.due_date < today
        )
    return list(courses.values())
