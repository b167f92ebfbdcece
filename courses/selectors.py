"""Reads for course pages: outlines, navigation and listings, each in a fixed number of queries.

The page models call these with the pages they are; nothing here imports a page model
(``courses.structure`` reads the tree, the page classes' own querysets list them)."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from taggit.models import Tag
from wagtail.models import Page

from home.formatting import percent_of

from . import images, structure
from .models import Certificate, Enrolment, LessonProgress, ModuleCompletion


@dataclass
class OutlineItem:
    """A lesson (or quiz) in a course outline, with the signed-in person's state."""

    page: Page
    module: "OutlineModule"
    number: int  # position inside its module, from 1
    state: str | None = None  # "not_started" | "in_progress" | "completed"; None when anonymous
    is_current: bool = False
    kind: str = "lesson"  # "lesson" | "quiz"

    @property
    def title(self):
        return self.page.title

    @property
    def estimated_minutes(self):
        return getattr(self.page, "estimated_minutes", None)

    @property
    def url(self):
        return self.page.url


@dataclass
class OutlineModule:
    page: Page
    number: int
    items: list[OutlineItem] = field(default_factory=list)

    @property
    def title(self):
        return self.page.title


# Other apps tell the outline the state of their items (the quizzes app: passed or attempted).
# Each is called as provider(user=..., page_ids=[...]) and returns {page_id: state}.
_state_providers = []


def register_state_provider(provider):
    if provider not in _state_providers:
        _state_providers.append(provider)
    return provider


def course_tree(*, page):
    """The page's ancestors (below the tree root) and its course's live modules and lessons,
    in one query.

    ``page`` is the course itself, or a module or lesson inside it. Returns
    ``(trail, course, outline)``: the ancestors from the home page down, the course page (a plain
    ``Page``) and the outline of ``OutlineModule``s.
    """
    ancestor_paths = [page.path[: n * page.steplen] for n in range(2, page.depth)]
    pages = (
        structure.outline_pages([structure.course_path(page)], ancestors=ancestor_paths)
        .annotate(estimated_minutes=F("lessonpage__estimated_minutes"))
        .only("id", "title", "slug", "path", "depth", "url_path", "live", "content_type")
    )
    trail = [node for node in pages if node.path in ancestor_paths]
    course = next((node for node in trail if node.depth == structure.COURSE_DEPTH), None)
    outline = []
    for node, items in structure.live_outline(pages):
        module = OutlineModule(page=node, number=len(outline) + 1)
        module.items = [
            OutlineItem(
                page=item,
                module=module,
                number=number,
                is_current=item.pk == page.pk,
                kind=kind,
            )
            for number, (item, kind) in enumerate(items, start=1)
        ]
        outline.append(module)
    return trail, course, outline


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


def tags_in_use(*, courses, lessons):
    """Tags of the ``courses`` and ``lessons`` (querysets: the live, public ones), by name, each
    with how many of those carry it (``uses``): one query. A draft's tags are in the database
    only while the page was never published (Wagtail saves a live page's draft as a revision),
    so "live" leaves them out; a published page lists its published tags."""
    in_courses = Q(courses_coursetag_items__content_object__in=courses.values("pk"))
    in_lessons = Q(courses_lessontag_items__content_object__in=lessons.values("pk"))
    return (
        Tag.objects.annotate(
            uses=Count("courses_coursetag_items", filter=in_courses, distinct=True)
            + Count("courses_lessontag_items", filter=in_lessons, distinct=True)
        )
        .filter(uses__gt=0)
        .order_by("name")
    )


def body_images(body):
    """Every image object in a lesson body's figures and slide decks."""
    return [image for image, _kind in images.body_image_kinds(body)]


def renditions_prefetch(images):
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
        renditions = by_image.get(image.pk, [])
        for rendition in renditions:
            rendition.image = image  # templates read the image back from its rendition
        image.prefetched_renditions = list(renditions)


def enrolment_of(*, user, course):
    """The person's enrolment in the course (its due date, its completion), or None: one query
    for a signed-in person, none for a visitor."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_id=course.pk).first()


def progress_by_lesson(*, user, course):
    """The person's LessonProgress rows in a course, keyed by lesson id: one query."""
    if not user.is_authenticated:
        return {}
    rows = LessonProgress.objects.filter(user=user, course_id=course.pk)
    return {row.lesson_id: row for row in rows}


def outline_states_apply(outline, progress, *, user):
    """Set each outline item's state from the person's progress rows (anonymous: no state).
    The item being viewed counts as started: the view is recorded as the page is served."""
    if not user.is_authenticated:
        return
    items = flat_items(outline)
    others = [item.page.pk for item in items if item.kind != "lesson"]
    states = {}
    if others:
        for provider in _state_providers:
            states.update(provider(user=user, page_ids=others))
    for item in items:
        row = progress.get(item.page.pk)
        if row is not None:
            item.state = row.state
        elif item.page.pk in states:
            item.state = states[item.page.pk]
        else:
            item.state = "in_progress" if item.is_current else "not_started"


COMPLETED = "completed"
STARTED = ("in_progress", COMPLETED)


@dataclass
class NextStep:
    """Where a person stands in a list of outline items (a course's or a module's).

    ``item`` is the next thing to do: the first item not completed, in course order (a lesson
    not done, or a quiz not yet passed); ``started`` once any item was opened or done;
    ``finished`` once every item is completed."""

    item: OutlineItem | None
    started: bool
    finished: bool


def next_step(items) -> NextStep:
    """The next step in ``items`` (outline items with their states applied, or the modules of
    an outline, whose items are taken in order)."""
    items = [i for entry in items for i in getattr(entry, "items", [entry])]
    return NextStep(
        item=next((item for item in items if item.state != COMPLETED), None),
        started=any(item.state in STARTED for item in items),
        finished=bool(items) and all(item.state == COMPLETED for item in items),
    )


def resume_url(outline, progress, request=None):
    """ "Tiếp tục học": the next thing to do in the course (see ``next_step``; a lesson already
    opened at the slide where the person stopped), once they have started; None before they
    have, or once everything is done. The outline's states must be applied."""
    items = flat_items(outline)
    step = next_step(items)
    if step.item is None or not (step.started or any(i.page.pk in progress for i in items)):
        return None
    row = progress.get(step.item.page.pk)
    return _lesson_url(step.item.page, row.last_slide if row else None, request)


def _lesson_url(lesson, slide, request=None):
    url = lesson.get_url(request)
    if url and slide:
        url += f"#slide-{slide}"
    return url


def course_standing(*, user, page, request=None) -> dict:
    """After an event in the course that holds ``page`` (a quiz passed): ``completion`` (see
    ``course_completion``) and, while the course is not complete, ``next_url`` ("Tiếp tục
    học": ``resume_url``, or the course page): two queries, four while not complete."""
    _trail, course, outline = course_tree(page=page)
    if course is None:
        return {"completion": None, "next_url": None}
    completion = course_completion(user=user, course_id=course.pk)
    next_url = None
    if completion is None:
        progress = progress_by_lesson(user=user, course=course)
        outline_states_apply(outline, progress, user=user)
        next_url = resume_url(outline, progress, request) or course.get_url(request)
    return {"completion": completion, "next_url": next_url}


def _certificate_state(prefix=""):
    """Annotations of the person's certificate for a course (``course_id`` reached through
    ``prefix``): ``certificate_number`` of the valid one, ``certificate_revoked`` when there is
    none valid but a revoked one. Subqueries: no query of their own."""
    mine = Certificate.objects.filter(
        user_id=OuterRef(f"{prefix}user_id"), course_id=OuterRef(f"{prefix}course_id")
    )
    return {
        "certificate_number": Subquery(mine.filter(revoked_at__isnull=True).values("number")[:1]),
        "certificate_revoked": Exists(mine.filter(revoked_at__isnull=False)),
    }


def course_completion(*, user, course_id):
    """The person's completed enrolment in the course, with ``certificate_number`` and
    ``certificate_revoked`` (see ``_certificate_state``), or None: one query."""
    if not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course_id=course_id, completed_at__isnull=False)
        .select_related("course")
        .annotate(**_certificate_state())
        .first()
    )


def dashboard(*, user, request=None):
    """The person's enrolments in live courses, each with ``total_lessons``, ``done_lessons``,
    ``percent``, ``resume_url`` (see ``resume_url``; the course page once everything is done)
    and the certificate state (``_certificate_state``): three queries, whatever the number of
    courses (one more, rarely, when only the quizzes' own records tell which quiz is next).

    A lesson counts only while it and its module are live, as on the course page; a module's
    quizzes are passed once the module is complete (its ``ModuleCompletion``).
    """
    enrolments = list(
        Enrolment.objects.filter(user=user, course__live=True)
        .select_related("course")
        .annotate(**_certificate_state())
        .order_by("completed_at", "-enrolled_at")
    )
    if not enrolments:
        return []
    nodes = (
        structure.outline_pages({e.course.path for e in enrolments})
        .only(*_PAGE_URL_FIELDS, "content_type")
        .annotate(
            module_done=Exists(ModuleCompletion.objects.filter(user=user, module_id=OuterRef("pk")))
        )
    )
    outlines = {}
    for module, items in structure.live_outline(nodes):
        entry = OutlineModule(page=module, number=0)
        entry.items = [
            OutlineItem(page=page, module=entry, number=n, kind=kind)
            for n, (page, kind) in enumerate(items, start=1)
        ]
        outlines.setdefault(structure.course_path(module), []).append(entry)
    lessons = {
        item.page.pk: item
        for outline in outlines.values()
        for item in flat_items(outline)
        if item.kind == structure.LESSON
    }
    rows = LessonProgress.objects.filter(user=user, lesson_id__in=list(lessons)).only(
        "course_id", "lesson_id", "completed_at", "last_slide", "last_viewed_at"
    )
    progress = {row.lesson_id: row for row in rows}
    for enrolment in enrolments:
        outline = outlines.get(enrolment.course.path, [])
        _dashboard_states(outline, progress)
        counted = [item for item in flat_items(outline) if item.kind == structure.LESSON]
        enrolment.total_lessons = len(counted)
        enrolment.done_lessons = sum(1 for item in counted if item.state == COMPLETED)
        enrolment.percent = int(
            percent_of(enrolment.done_lessons, enrolment.total_lessons, places=0) or 0
        )
        enrolment.outline = outline
    unknown = [item.page.pk for e in enrolments for item in flat_items(e.outline) if not item.state]
    if any((step := next_step(e.outline).item) and not step.state for e in enrolments):
        states = {}
        for provider in _state_providers:
            states.update(provider(user=user, page_ids=unknown))
        for e in enrolments:
            for item in flat_items(e.outline):
                if item.state is None:
                    item.state = states.get(item.page.pk, "not_started")
    for enrolment in enrolments:
        step = next_step(enrolment.outline)
        enrolment.started = step.started or any(
            item.page.pk in progress for item in flat_items(enrolment.outline)
        )
        enrolment.resume_url = resume_url(enrolment.outline, progress, request)
        if enrolment.started and step.item is None:
            enrolment.resume_url = enrolment.course.get_url(request)
    return enrolments


def _dashboard_states(outline, progress):
    """Outline states from the lesson rows and the modules' completion. A quiz of a module not
    complete is not passed when it is the module's only quiz and every lesson is done (else the
    module would be complete); otherwise its state stays None (unknown) for the providers."""
    for module in outline:
        for item in module.items:
            if item.kind == structure.LESSON:
                row = progress.get(item.page.pk)
                item.state = row.state if row is not None else "not_started"
        quizzes = [item for item in module.items if item.kind != structure.LESSON]
        lessons_done = all(
            item.state == COMPLETED for item in module.items if item.kind == structure.LESSON
        )
        for item in quizzes:
            if module.page.module_done:
                item.state = COMPLETED
            elif lessons_done and len(quizzes) == 1:
                item.state = "not_started"
            else:
                item.state = None


_PAGE_URL_FIELDS = ("id", "title", "path", "depth", "url_path", "live")


def transcript(*, user):
    """Every lesson and module the person has progress in, grouped by course, each enrolment
    with its certificate state (``_certificate_state``): three queries."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .select_related("course")
        .annotate(**_certificate_state())
        .order_by("enrolled_at")
    )
    lessons = (
        LessonProgress.objects.filter(user=user)
        .select_related("lesson")
        .defer("lesson__body")
        .order_by("lesson__path")
    )
    modules = (
        ModuleCompletion.objects.filter(user=user).select_related("module").order_by("module__path")
    )
    by_course = {e.course_id: {"enrolment": e, "lessons": [], "modules": []} for e in enrolments}
    for row in lessons:
        by_course.setdefault(row.course_id, {"enrolment": None, "lessons": [], "modules": []})
        by_course[row.course_id]["lessons"].append(row)
    for row in modules:
        by_course.setdefault(row.course_id, {"enrolment": None, "lessons": [], "modules": []})
        by_course[row.course_id]["modules"].append(row)
    return [entry for entry in by_course.values() if entry["enrolment"] is not None]
