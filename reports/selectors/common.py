"""What every report shares: the states a row can be in, the person's name ordering, the
course structure the figures count over, and running a long read without PostgreSQL's JIT."""

import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from anyascii import anyascii
from django.db import connections, transaction
from django.db.models import CharField, F, Func, TextChoices, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


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


STRUCTURE_MODELS = ("coursepage", "modulepage", "lessonpage", "quizpage")


def course_structure(*, course=None) -> CourseStructure:
    """The lessons and quizzes of every course (or of one): one query over the page tree."""
    pages = Page.objects.filter(
        content_type__app_label__in=("courses", "quizzes"),
        content_type__model__in=STRUCTURE_MODELS,
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
