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
