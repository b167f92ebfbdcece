"""What every report shares: the states a row can be in, the quizzes of a course structure
(``courses.structure``), and running a long read without PostgreSQL's JIT. People are named and
ordered by ``learners.names``."""

from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from courses.structure import CourseStructure


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


# The outline kind quizzes register with ``courses.structure.register_outline_item``: a course
# structure's ``items[QUIZ]`` are the quiz ids of each course.
QUIZ = "quiz"


def quiz_ids(structure: CourseStructure) -> dict[int, list[int]]:
    """Every quiz of each course (live or not), by course id."""
    return structure.items.get(QUIZ, {})
