from .hr import Assignment, Certificate
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
from .progress import Enrolment, LessonProgress, ModuleCompletion

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
    "Trainer",
]
