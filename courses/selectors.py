"""Reads for course pages: outlines, navigation and listings, each in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page

from . import models  # attribute access only at call time: models.py imports this module


@dataclass
class OutlineItem:
    """A lesson (or quiz) in a course outline, with the signed-in person's state."""

    page: Page
    module: "OutlineModule"
    number: int  # position inside its module, from 1
    state: str | None = None  # "not_started" | "in_progress" | "completed"; None when anonymous
    is_current: bool = False

    @property
    def title(self):
        return self.page.title

    @property
    def estimated_minutes(self):
        return getattr(self.page, "estimated_minutes", None)


@dataclass
class OutlineModule:
    page: Page
    number: int
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def title(self):
        return self.page.title


def course_outline(*, course, current_id=None):
    """The course's live modules in tree order, each with its live lessons: two queries."""
    modules = models.ModulePage.objects.child_of(course).live().order_by("path")
    outline = [OutlineModule(page=module, number=n) for n, module in enumerate(modules, 1)]
    by_path = {m.page.path: m for m in outline}
    lessons = (
        models.LessonPage.objects.descendant_of(course)
        .live()
        .filter(depth=course.depth + 2)
        .defer_streamfields()
        .order_by("path")
    )
    for lesson in lessons:
        module = by_path.get(lesson.path[: -course.steplen])
        if module is not None:
            module.items.append(
                OutlineItem(
                    page=lesson,
                    module=module,
                    number=len(module.items) + 1,
                    is_current=lesson.pk == current_id,
                )
            )
    return outline


def flat_items(outline):
    return [item for module in outline for item in module.items]


def neighbours(items, current_id):
    """The items before and after the current page in course order (None at either end)."""
    ids = [item.page.pk for item in items]
    if current_id not in ids:
        return None, None
    i = ids.index(current_id)
    previous_item = items[i - 1] if i > 0 else None
    next_item = items[i + 1] if i + 1 < len(items) else None
    return previous_item, next_item


def live_course_list(*, index_page=None):
    """Live, public courses with their count of live modules, newest first: one query."""
    live_modules = (
        Page.objects.filter(
            path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, live=True
        )
        .order_by()
        .values("depth")
        .annotate(n=Count("id"))
        .values("n")
    )
    courses = models.CoursePage.objects.live().public().select_related("cover_image")
    if index_page is not None:
        courses = courses.child_of(index_page)
    return courses.annotate(
        module_count=Coalesce(Subquery(live_modules, output_field=IntegerField()), 0)
    ).order_by("path")


def tagged_pages(*, tag):
    """Live, public courses and lessons carrying the tag, in tree order."""
    courses = models.CoursePage.objects.live().public().filter(tags=tag).defer_streamfields()
    lessons = models.LessonPage.objects.live().public().filter(tags=tag).defer_streamfields()
    return list(courses.order_by("path")), list(lessons.order_by("path"))


def body_images(body):
    """Every image object in a lesson body's figures and slide decks."""
    images = []
    for block in body:
        if block.block_type == "figure" and block.value["image"]:
            images.append(block.value["image"])
        elif block.block_type == "slide_deck":
            images.extend(slide["image"] for slide in block.value["slides"] if slide["image"])
    return images


def prefetch_renditions(images):
    """Attach every existing rendition of the images in one query, so templates that ask for
    renditions do not query once per image."""
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = images[0].get_rendition_model()
    by_image = {}
    for rendition in rendition_model.objects.filter(image_id__in={i.pk for i in images}):
        by_image.setdefault(rendition.image_id, []).append(rendition)
    for image in images:
        image.prefetched_renditions = list(by_image.get(image.pk, []))


def progress_by_lesson(*, user, course):
    """The person's LessonProgress rows in a course, keyed by lesson id: one query."""
    if not user.is_authenticated:
        return {}
    rows = models.LessonProgress.objects.filter(user=user, course_id=course.pk)
    return {row.lesson_id: row for row in rows}


def apply_states(outline, progress):
    """Set each outline item's state from the person's progress rows."""
    for item in flat_items(outline):
        row = progress.get(item.page.pk)
        item.state = row.state if row else "not_started"


def enrolment_for(*, user, course):
    if not user.is_authenticated:
        return None
    return (
        models.Enrolment.objects.filter(user=user, course_id=course.pk)
        .select_related("last_lesson")
        .defer("last_lesson__body")
        .first()
    )


def resume_url(enrolment, request=None):
    """The exact lesson and slide where the person stopped, or None."""
    if enrolment is None or enrolment.last_lesson is None or not enrolment.last_lesson.live:
        return None
    url = enrolment.last_lesson.get_url(request)
    if url and enrolment.last_slide:
        url += f"#slide-{enrolment.last_slide}"
    return url


def _live_lesson_count():
    return (
        Page.objects.filter(
            path__startswith=OuterRef("course__path"),
            depth=OuterRef("course__depth") + 2,
            live=True,
            content_type__model="lessonpage",
            content_type__app_label="courses",
        )
        .order_by()
        .values("live")
        .annotate(n=Count("id"))
        .values("n")
    )


def _completed_lesson_count():
    return (
        models.LessonProgress.objects.filter(
            user=OuterRef("user"),
            course=OuterRef("course"),
            completed_at__isnull=False,
            lesson__live=True,
        )
        .order_by()
        .values("user")
        .annotate(n=Count("id"))
        .values("n")
    )


def dashboard_enrolments(*, user):
    """The person's enrolments with lesson totals and lessons done: one query."""
    return (
        models.Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course", "last_lesson")
        .defer("last_lesson__body")
        .annotate(
            total_lessons=Coalesce(Subquery(_live_lesson_count(), output_field=IntegerField()), 0),
            done_lessons=Coalesce(
                Subquery(_completed_lesson_count(), output_field=IntegerField()), 0
            ),
        )
        .order_by("completed_at", "-last_activity_at", "-enrolled_at")
    )


def percent(done, total):
    return round(100 * done / total) if total else 0


def transcript(*, user):
    """Every lesson and module the person has progress in, grouped by course: three queries."""
    enrolments = list(
        models.Enrolment.objects.filter(user=user)
        .select_related("course")
        .order_by("enrolled_at")
    )
    lessons = (
        models.LessonProgress.objects.filter(user=user)
        .select_related("lesson")
        .defer("lesson__body")
        .order_by("lesson__path")
    )
    modules = (
        models.ModuleCompletion.objects.filter(user=user)
        .select_related("module")
        .order_by("module__path")
    )
    by_course = {e.course_id: {"enrolment": e, "lessons": [], "modules": []} for e in enrolments}
    for row in lessons:
        by_course.setdefault(row.course_id, {"enrolment": None, "lessons": [], "modules": []})
        by_course[row.course_id]["lessons"].append(row)
    for row in modules:
        by_course.setdefault(row.course_id, {"enrolment": None, "lessons": [], "modules": []})
        by_course[row.course_id]["modules"].append(row)
    return [entry for entry in by_course.values() if entry["enrolment"] is not None]
