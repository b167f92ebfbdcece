"""Page, snippet and image factories for the course tree."""

import json

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Trainer
from home.models import HomePage


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
