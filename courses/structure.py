"""The structure of a course, written once: what is in a course's outline and what counts.

A course (depth 4: tree root, home, course index, course) holds modules (Chuyên đề), and each
module holds its items in page-tree order: lessons, and the page types other apps register
(``register_outline_item``: the quizzes app adds its quiz pages). A lesson *counts* in a
course (for progress, completion and reports) while it and its module are both live.

Everything here reads the page tree through Wagtail's ``Page`` with content-type names, so it
needs no page model: course pages, selectors, services and the reports all use it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

COURSE_DEPTH = 4  # tree root 1, home 2, course index 3, course 4
MODULE_DEPTH = COURSE_DEPTH + 1
ITEM_DEPTH = COURSE_DEPTH + 2

APP_LABEL = "courses"
COURSE_MODEL = "coursepage"
MODULE_MODEL = "modulepage"
LESSON_MODEL = "lessonpage"
LESSON = "lesson"

# Page types that are items of a module's outline: (app label, model name) -> kind.
_item_kinds: dict[tuple[str, str], str] = {(APP_LABEL, LESSON_MODEL): LESSON}
# The same page types as Wagtail names them: a module's allowed children
# (``ModulePage.subpage_types`` is this list, filled before Wagtail first reads it).
outline_item_types: list[str] = [f"{APP_LABEL}.LessonPage"]


def register_outline_item(page_model, kind: str) -> None:
    """Make ``page_model``'s pages items of a module's outline, of ``kind`` (e.g. "quiz").
    Called from the registering app's ``AppConfig.ready``."""
    _item_kinds[(page_model._meta.app_label, page_model._meta.model_name)] = kind
    if page_model._meta.label not in outline_item_types:
        outline_item_types.append(page_model._meta.label)


def item_kind(page) -> str | None:
    """The outline kind of a page (its content type loaded), or None when not an item."""
    content_type = page.content_type
    return _item_kinds.get((content_type.app_label, content_type.model))


def _is_module(page) -> bool:
    content_type = page.content_type
    return (content_type.app_label, content_type.model) == (APP_LABEL, MODULE_MODEL)


def _of_models(pairs: Iterable[tuple[str, str]]) -> Q:
    return reduce(
        or_,
        (
            Q(content_type__app_label=app_label, content_type__model=model)
            for app_label, model in pairs
        ),
    )


def course_path(page) -> str:
    """The path of the course a page is in (the course's own for a course)."""
    return page.path[: COURSE_DEPTH * page.steplen]


def live_outline(pages) -> list[tuple[Page, list[tuple[Page, str]]]]:
    """The live modules, each with its live items and their kinds, from ``pages`` in tree order
    (one course's or several courses' pages, their content types loaded; other pages, such as
    ancestors or pages that are not live, are passed over). Lessons of kind "lesson" in this
    outline are the lessons that count."""
    modules: dict[str, tuple[Page, list]] = {}
    for page in pages:
        if not page.live:
            continue
        if page.depth == MODULE_DEPTH and _is_module(page):
            modules[page.path] = (page, [])
        elif page.depth == ITEM_DEPTH and (kind := item_kind(page)) is not None:
            module = modules.get(page.path[: -page.steplen])
            if module is not None:
                module[1].append((page, kind))
    return list(modules.values())


def outline_pages(paths: Iterable[str], *, ancestors: Iterable[str] = ()):
    """The live modules and items below the courses at ``paths`` (and the pages at
    ``ancestors``), in tree order with their content types: the input of ``live_outline``."""
    below = reduce(or_, (Q(path__startswith=path) for path in paths))
    return (
        Page.objects.filter(
            Q(path__in=list(ancestors))
            | (below & Q(depth__in=[MODULE_DEPTH, ITEM_DEPTH], live=True))
        )
        .select_related("content_type")
        .order_by("path")
    )


def counted_lessons(pages) -> dict[str, list[Page]]:
    """The lessons that count, by course path, from pages in tree order (see ``live_outline``)."""
    lessons: dict[str, list[Page]] = {}
    for module, items in live_outline(pages):
        lessons.setdefault(course_path(module), []).extend(
            page for page, kind in items if kind == LESSON
        )
    return lessons


def live_module_ids(course) -> set[int]:
    """The ids of the course's live modules (``course`` may be a plain ``Page``): one query."""
    modules = Page.objects.child_of(course).live().filter(_of_models([(APP_LABEL, MODULE_MODEL)]))
    return set(modules.values_list("pk", flat=True))


@dataclass
class CourseStructure:
    """What counts in each course, by course id: ``lessons`` are the lessons that count (a
    person's progress % is completed ones over these), ``items`` every page of a registered kind
    under the course, live or not, by kind (``items["quiz"]``: every quiz)."""

    lessons: dict[int, list[int]] = field(default_factory=dict)
    items: dict[str, dict[int, list[int]]] = field(default_factory=dict)

    @property
    def all_lessons(self) -> list[int]:
        return [pk for ids in self.lessons.values() for pk in ids]

    def lesson_count(self, course_id) -> int:
        return len(self.lessons.get(course_id, ()))

    def lessons_q(self, *, course=None, prefix: str = "") -> Q:
        """Rows whose lesson counts (in ``course``, or in any course): for a queryset of lesson
        progress, or with ``prefix`` (e.g. ``"lesson_progress__"``) of a model reaching it."""
        ids = self.lessons.get(course.pk, []) if course is not None else self.all_lessons
        return Q(**{f"{prefix}lesson_id__in": ids})


def course_structure(*, course=None) -> CourseStructure:
    """The counted lessons and the registered items of every course (or of one): one query."""
    kinds = {kind for (app_label, model), kind in _item_kinds.items() if model != LESSON_MODEL}
    pages = Page.objects.filter(
        _of_models([(APP_LABEL, COURSE_MODEL), (APP_LABEL, MODULE_MODEL), *_item_kinds])
    ).select_related("content_type")
    if course is not None:
        pages = pages.filter(path__startswith=course.path)
    pages = list(pages.order_by("path").only("id", "path", "depth", "live", "content_type"))
    structure = CourseStructure(items={kind: {} for kind in kinds})
    courses = {}
    for page in pages:
        if page.depth == COURSE_DEPTH and page.content_type.model == COURSE_MODEL:
            courses[page.path] = page.pk
            structure.lessons[page.pk] = []
            for by_course in structure.items.values():
                by_course[page.pk] = []
    for path, lessons in counted_lessons(pages).items():
        if path in courses:
            structure.lessons[courses[path]] = [lesson.pk for lesson in lessons]
    for page in pages:
        kind = item_kind(page)
        course_id = courses.get(course_path(page))
        if kind in kinds and course_id is not None:
            structure.items[kind][course_id].append(page.pk)
    return structure
