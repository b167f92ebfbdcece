"""Factories for the course tree (pages, snippets, images) and for the records people leave in it
(enrolments, lesson progress, module completions, assignments, certificates).

The record factories keep the tree consistent: a record's ``course`` is always the course its
lesson or module is in. Give a lesson (or module) and the course is found from the tree; give a
course (or an ``enrolment``) and a module and lesson are made inside it; give both and they must
agree. ``LessonProgressFactory`` and ``ModuleCompletionFactory`` also enrol the person in the
course, as the site does (``enrol=False`` to leave that out); ``CertificateFactory`` marks the
enrolment completed and copies the printed fields as ``certificate_issue`` does.
"""

import datetime
import json

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from courses.certificates import CODE_ALPHABET, certificate_code_format, certificate_number
from courses.models import (
    Assignment,
    Certificate,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    Trainer,
)
from home.models import HomePage
from learners.selectors import agency_chain_name
from tests.learners.factories import UserFactory


def home_page():
    return HomePage.objects.get(depth=2)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh {n}")


class TrainerFactory(DjangoModelFactory):
    class Meta:
        model = Trainer

    name = factory.Faker("name", locale="vi_VN")
    title = "Chuyên viên chính"
    organisation = "Sở Nội vụ"


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Khóa học"
    slug = "khoa-hoc"
    parent = factory.LazyFunction(home_page)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # There is one course index per site (max_count = 1): reuse it.
        existing = model_class.objects.child_of(kwargs["parent"]).filter(slug=kwargs["slug"])
        return existing.first() or super()._create(model_class, *args, **kwargs)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Khóa học cải cách hành chính {n}")
    slug = factory.Sequence(lambda n: f"khoa-hoc-{n}")
    summary = "Tập huấn công tác cải cách hành chính cho công chức."
    estimated_hours = 4
    parent = factory.SubFactory(CourseIndexPageFactory)


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Chuyên đề {n}")
    slug = factory.Sequence(lambda n: f"chuyen-de-{n}")
    estimated_minutes = 60
    parent = factory.SubFactory(CoursePageFactory)


def slide_deck(images, title="Bài trình chiếu"):
    """Raw StreamField data for a slide deck over the given images."""
    return {
        "type": "slide_deck",
        "value": {
            "title": title,
            "slides": [
                {
                    "image": image.pk,
                    "title": f"Trang chiếu {n}",
                    "text": f"<p>Nội dung trang chiếu {n}</p>",
                    "notes": f"Ghi chú {n}",
                }
                for n, image in enumerate(images, 1)
            ],
        },
    }


def lesson_body(*, slides=(), figures=(), extra=()):
    """Raw StreamField JSON: a paragraph, optional figures and slide deck, then ``extra``."""
    blocks = [{"type": "paragraph", "value": "<p>Cải cách hành chính là nhiệm vụ trọng tâm.</p>"}]
    blocks += [
        {
            "type": "figure",
            "value": {"image": i.pk, "alt_text": "Toàn cảnh hội nghị", "caption": ""},
        }
        for i in figures
    ]
    if slides:
        blocks.append(slide_deck(slides))
    blocks += list(extra)
    return json.dumps(blocks, ensure_ascii=False)


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Bài học {n}")
    slug = factory.Sequence(lambda n: f"bai-hoc-{n}")
    summary = "Những nội dung cơ bản."
    estimated_minutes = 15
    body = factory.LazyFunction(lesson_body)
    parent = factory.SubFactory(ModulePageFactory)


# Records ----------------------------------------------------------------------------------------


def course_of(page) -> CoursePage:
    """The course a module or lesson is in."""
    return CoursePage.objects.ancestor_of(page).get()


def _inside(page, course) -> bool:
    return page.path.startswith(course.path) and page.depth > course.depth


def _placed(kwargs, *, item, make_item):
    """Settle ``user``, ``course`` and the ``item`` (``"lesson"`` or ``"module"``) of a record from
    what the caller gave: an ``enrolment``, a course, the item, or nothing."""
    enrolment = kwargs.pop("enrolment", None)
    if enrolment is not None:
        for name, value in (("user", enrolment.user), ("course", enrolment.course)):
            if kwargs.get(name) not in (None, value):
                raise ValueError(f"{name} differs from the enrolment's")
            kwargs[name] = value
    page, course = kwargs.get(item), kwargs.get("course")
    if page is None:
        kwargs[item] = make_item(course or CoursePageFactory())
    elif course is None:
        kwargs["course"] = course_of(page)
    elif not _inside(page, course):
        raise ValueError(f"the {item} {page} is not inside the course {course}")
    kwargs["course"] = kwargs.get("course") or course_of(kwargs[item])
    if kwargs.get("user") is None:
        kwargs["user"] = UserFactory()
    if kwargs.pop("enrol"):
        Enrolment.objects.get_or_create(user=kwargs["user"], course=kwargs["course"])
    return kwargs


def _new_lesson(course):
    return LessonPageFactory(parent=ModulePageFactory(parent=course))


class EnrolmentFactory(DjangoModelFactory):
    """A person's enrolment; ``enrolled_at=`` is stored too (the field is ``auto_now_add``)."""

    class Meta:
        model = Enrolment

    class Params:
        completed = factory.Trait(completed_at=factory.LazyFunction(timezone.now))

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CoursePageFactory)
    source = Enrolment.Source.SELF
    due_date = None
    completed_at = None

    @classmethod
    def _create(cls, model_class, *args, enrolled_at=None, **kwargs):
        enrolment = super()._create(model_class, *args, **kwargs)
        if enrolled_at is not None:
            model_class.objects.filter(pk=enrolment.pk).update(enrolled_at=enrolled_at)
            enrolment.enrolled_at = enrolled_at
        return enrolment


class LessonProgressFactory(DjangoModelFactory):
    """Progress in a lesson of the person's course: ``enrolment=``, ``lesson=`` or ``course=``."""

    class Meta:
        model = LessonProgress

    class Params:
        completed = factory.Trait(completed_at=factory.SelfAttribute("last_viewed_at"))

    user = None
    lesson = None
    course = None
    enrolment = None
    enrol = True
    last_viewed_at = factory.LazyFunction(timezone.now)
    completed_at = None
    last_slide = 0

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return _placed(kwargs, item="lesson", make_item=_new_lesson)


class ModuleCompletionFactory(DjangoModelFactory):
    """A module completed: ``enrolment=``, ``module=`` or ``course=``."""

    class Meta:
        model = ModuleCompletion

    user = None
    module = None
    course = None
    enrolment = None
    enrol = True
    completed_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        return _placed(
            kwargs, item="module", make_item=lambda course: ModulePageFactory(parent=course)
        )


class AssignmentFactory(DjangoModelFactory):
    """A course given by HR. ``people=[...]`` are enrolled as ``course_assign`` does: as
    "assigned", with the due date and the assignment, unless they completed the course."""

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    course = factory.SubFactory(CoursePageFactory)
    agency = None
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    assigned_by = factory.SubFactory(UserFactory)
    note = ""

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        self.people.add(*extracted)
        for person in extracted:
            Enrolment.objects.get_or_create(user=person, course=self.course)
        Enrolment.objects.filter(
            course=self.course, user__in=extracted, completed_at__isnull=True
        ).update(source=Enrolment.Source.ASSIGNED, due_date=self.due_date, assignment=self)


def _certificate_code(n: int) -> str:
    digits = []
    for _ in range(12):
        n, digit = divmod(n, len(CODE_ALPHABET))
        digits.append(CODE_ALPHABET[digit])
    return certificate_code_format("".join(reversed(digits)))


class CertificateFactory(DjangoModelFactory):
    """A certificate for a course the person completed (their enrolment is marked completed at
    ``completed_at``), its printed fields copied from the person and the course as
    ``certificate_issue`` copies them, its number made from its id the same way."""

    class Meta:
        model = Certificate

    class Params:
        revoked = factory.Trait(
            revoked_at=factory.LazyFunction(timezone.now),
            revoke_reason="Cấp nhầm khóa học",
        )

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CoursePageFactory)
    number = factory.Sequence(lambda n: f"~{n:08d}")  # replaced by the real number once saved
    code = factory.Sequence(_certificate_code)
    completed_at = factory.LazyFunction(timezone.now)
    full_name = factory.LazyAttribute(lambda c: c.user.get_full_name()[:150])
    employee_code = factory.SelfAttribute("user.employee_code")
    agency_name = factory.LazyAttribute(
        lambda c: agency_chain_name(agency=c.user.agency)[:255] if c.user.agency_id else ""
    )
    course_title = factory.SelfAttribute("course.title")
    hours = factory.SelfAttribute("course.estimated_hours")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        user, course, completed_at = kwargs["user"], kwargs["course"], kwargs["completed_at"]
        enrolment, _ = Enrolment.objects.get_or_create(
            user=user, course=course, defaults={"completed_at": completed_at}
        )
        if enrolment.completed_at is None:
            Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=completed_at)
        certificate = super()._create(model_class, *args, **kwargs)
        if certificate.number.startswith("~"):
            year = timezone.localtime(completed_at).year
            certificate.number = certificate_number(year=year, sequence=certificate.pk)
            certificate.save(update_fields=["number"])
        return certificate
