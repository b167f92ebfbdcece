"""Report (c), "Kết quả học tập của một người": one person's transcript."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.models import (
    Certificate,
    Enrolment,
    LessonProgress,
    ModuleCompletion,
    is_overdue,
)
from courses.structure import (
    APP_LABEL,
    ITEM_DEPTH,
    LESSON,
    MODULE_DEPTH,
    MODULE_MODEL,
    course_path,
    item_kind,
    live_outline,
)
from home.formatting import percent_of
from quizzes.models import Attempt

from .common import QUIZ, Status

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
        return percent_of(self.lessons_done, self.lesson_total) or Decimal(0)

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


def _is_module(page) -> bool:
    return (page.content_type.app_label, page.content_type.model) == (APP_LABEL, MODULE_MODEL)


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
    pages = list(
        Page.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in course_paths)),
            depth__in=[MODULE_DEPTH, ITEM_DEPTH],
        )
        .select_related("content_type")
        .order_by("path")
        .only("id", "path", "depth", "title", "live", "content_type")
    )
    # The live items of live modules: the lessons among them count towards the progress.
    counted = {page.pk for _module, items in live_outline(pages) for page, _kind in items}
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
    module_titles = {}
    for page in pages:
        entry = courses.get(course_path(page))
        if entry is None:
            continue
        pk, path, title, live = page.pk, page.path, page.title, page.live
        course_title = entry.enrolment.course.title
        if page.depth == MODULE_DEPTH:
            if not _is_module(page):
                continue
            module_titles[path] = title
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
        kind = item_kind(page)
        if kind not in (LESSON, QUIZ):
            continue
        parent = path[: -page.steplen]
        item = TranscriptItem(
            course_title=course_title,
            module_title=module_titles.get(parent, ""),
            kind=kind,
            title=title,
            live=pk in counted,
        )
        if kind == LESSON:
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
            if item.live:
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
            elif not item.live:
                continue
            else:
                item.status = Status.NOT_STARTED
        entry.items.append(item)
    for entry in courses.values():
        enrolment = entry.enrolment
        entry.certificate = certificates.get(enrolment.course_id)
        entry.is_overdue = is_overdue(
            due_date=enrolment.due_date, completed_at=enrolment.completed_at, today=today
        )
    return list(courses.values())
