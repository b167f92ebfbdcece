# The non-page models first: services and selectors import them at their top, and the page
# models import those services and selectors.
from .hr import Assignment, Certificate
from .progress import Enrolment, LessonProgress, ModuleCompletion, is_overdue, overdue_q
from .reminders import Reminder
from .slides import SlideImport

# isort: split
from .pages import (
    CourseIndexPage,
    CoursePage,
    CourseTag,
    CourseTrainer,
    LessonPage,
    LessonTag,
    ModulePage,
    Trainer,
)

__all__ = [
    "Assignment",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "CourseTrainer",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "LessonTag",
    "ModuleCompletion",
    "ModulePage",
    "Reminder",
    "SlideImport",
    "Trainer",
    "is_overdue",
    "overdue_q",
]
