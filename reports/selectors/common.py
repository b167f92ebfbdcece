"""What every report shares: the states a row can be in, the course structure the figures count
over, and running a long read without PostgreSQL's JIT. People are named and ordered by
``learners.names``."""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connections, transaction
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class Status(TextChoices):
    """The states the completion report filters on. A row is in exactly one of the first three;
    "overdue" (due date passed, not completed) overlaps "not started" and "in progress"."""

    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang học")
    COMPLETED = "completed", _("Đã hoàn thành")
    OVERDUE = "overdue", _("Quá hạn")


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
