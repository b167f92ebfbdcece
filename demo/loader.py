"""Build the demo course and accounts. Idempotent: what exists is found and left as it is."""

import json
from dataclasses import dataclass, field
from functools import partial
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from courses import images
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Trainer,
)
from courses.slide_import import top_level_collection
from home.models import HomePage
from quizzes.models import Choice, Question, QuestionArea, QuizPage, QuizQuestion

from . import content
from .people import (
    accounts_create,
    agencies_create,
    hocvien_progress_create,
    overdue_assignment_create,
    trainees_create,
)
from .slides import render_cover, render_slide

User = get_user_model()
COLLECTION_NAME = "Khóa học mẫu CCHC 2017"
FOOTER = "Sở Nội vụ · Hội nghị tập huấn công tác CCHC năm 2017"


@dataclass
class DemoResult:
    created: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str]] = field(default_factory=list)


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _image(collection, title, png_bytes, filename):
    Image = get_image_model()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is None:
        image = Image(title=title, collection=collection)
        image.file = ImageFile(BytesIO(png_bytes), name=filename)
        image.save()
    return image


def _rich_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _deck_block(module, images):
    slides = [
        {
            "image": image.pk,
            "title": slide["title"],
            "text": _rich_list(slide["bullets"]),
            "notes": slide.get("notes", ""),
        }
        for slide, image in zip(module["slides"], images, strict=True)
    ]
    return {"type": "slide_deck", "value": {"title": module["deck_title"], "slides": slides}}


def _lesson_body(lesson, deck=None):
    blocks = [{"type": kind, "value": value} for kind, value in lesson["body"]]
    if deck is not None:
        position = 1 if blocks and blocks[0]["type"] == "paragraph" else 0
        blocks.insert(position, deck)
    return json.dumps(blocks, ensure_ascii=False)


def _deck_images(collection, module):
    total = len(module["slides"])
    return [
        _image(
            collection,
            f"{module['slug']} · trang {number:02d}",
            render_slide(
                title=slide["title"],
                bullets=slide["bullets"],
                number=number,
                total=total,
                deck_title=module["deck_title"],
                footer=FOOTER,
            ),
            f"{module['slug']}-{number:02d}.png",
        )
        for number, slide in enumerate(module["slides"], 1)
    ]


def _trainers():
    return {
        data["key"]: Trainer.objects.get_or_create(
            name=data["name"],
            defaults={
                "title": data["title"],
                "organisation": data["organisation"],
                "bio": data.get("bio", ""),
            },
        )[0]
        for data in content.TRAINERS
    }


def _course(index, collection, trainers, result):
    data = content.COURSE
    course = _child(index, CoursePage, data["slug"])
    if course is not None:
        return course
    cover = _image(
        collection,
        "Ảnh bìa khóa học CCHC 2017",
        render_cover(title=data["title"], subtitle="Sở Nội vụ · 31/8/2017"),
        "cover-cchc-2017.png",
    )
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        description=data["description_html"],
        objectives=data["objectives_html"],
        estimated_hours=data["estimated_hours"],
        cover_image=cover,
        cover_alt_text="Ảnh bìa: " + data["title"],
    )
    course.tags.add(*data["tags"])
    for order, key in enumerate(data["trainers"]):
        course.course_trainers.create(trainer=trainers[key], sort_order=order)
    result.created.append(f"khóa học: {course.title}")
    return _publish(index, course)


def _modules(course, collection, trainers, result):
    for module_data in content.COURSE["modules"]:
        module = _child(course, ModulePage, module_data["slug"])
        if module is None:
            module = _publish(
                course,
                ModulePage(
                    title=module_data["title"],
                    slug=module_data["slug"],
                    summary=module_data["summary"],
                    description=module_data["description_html"],
                    estimated_minutes=module_data["estimated_minutes"],
                    trainer=trainers.get(module_data.get("trainer")),
                ),
            )
            result.created.append(f"chuyên đề: {module.title}")
        for position, lesson_data in enumerate(module_data["lessons"]):
            if _child(module, LessonPage, lesson_data["slug"]) is not None:
                continue
            deck = None
            if position == module_data.get("deck_lesson", 0) and module_data.get("slides"):
                deck = _deck_block(module_data, _deck_images(collection, module_data))
            lesson = LessonPage(
                title=lesson_data["title"],
                slug=lesson_data["slug"],
                summary=lesson_data["summary"],
                estimated_minutes=lesson_data["estimated_minutes"],
                body=_lesson_body(lesson_data, deck),
                complete_on_last_slide=deck is not None,
            )
            lesson.tags.add(*lesson_data.get("tags", []))
            _publish(module, lesson)
            result.created.append(f"bài học: {lesson.title}")
        if (
            module_data.get("quiz")
            and _child(module, QuizPage, module_data["quiz"]["slug"]) is None
        ):
            quiz = _quiz(module, module_data["quiz"])
            result.created.append(f"bài kiểm tra: {quiz.title}")


def _question(data):
    area, _created = QuestionArea.objects.get_or_create(name=data["area"])
    question = Question(
        text=data["text"], kind=data["kind"], area=area, explanation=f"<p>{data['explanation']}</p>"
    )
    question.choices = [
        Choice(text=text, is_correct=correct, feedback=feedback, sort_order=n)
        for n, (text, correct, feedback) in enumerate(data["choices"])
    ]
    question.save()
    return question


def _quiz(module, data):
    """The module's quiz: its questions go into the shared pool, tagged by PAR area."""
    quiz = QuizPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["intro"][:500],
        intro=f"<p>{data['intro']}</p>",
        pass_mark=data["pass_mark"],
        attempts_allowed=3,
        time_limit_minutes=20,
        answer_policy=QuizPage.AnswerPolicy.AFTER_PASS_OR_LAST,
    )
    quiz.fixed_questions = [
        QuizQuestion(question=_question(q), sort_order=n) for n, q in enumerate(data["questions"])
    ]
    return _publish(module, quiz)


HOME_TITLE = "Bồi dưỡng cải cách hành chính"
HOME_SUMMARY = (
    "Bài giảng, trang chiếu và bài kiểm tra của các lớp tập huấn cải cách hành chính do Sở Nội vụ "
    "tổ chức: học lại bất cứ lúc nào, trên máy tính cơ quan hay điện thoại."
)
HOME_INTRO = (
    "<p>Mỗi chuyên đề gồm các bài học có trang chiếu và một bài kiểm tra; học xong mọi chuyên "
    "đề của khóa học để nhận giấy chứng nhận.</p>"
)


def _home(home, result):
    """The home page's words, when it still has the blank ones the first migration gave it."""
    if home.summary:
        return
    home.title, home.summary, home.intro = HOME_TITLE, HOME_SUMMARY, HOME_INTRO
    home.save_revision().publish()
    result.created.append("trang chủ")


@transaction.atomic
def load_demo() -> DemoResult:
    """Create what is missing of the demo course, its images and the demo accounts."""
    result = DemoResult()
    home = HomePage.objects.get(depth=2)
    _home(home, result)
    collection = top_level_collection(COLLECTION_NAME)
    trainers = _trainers()
    index = _child(home, CourseIndexPage, "khoa-hoc")
    if index is None:
        index = _publish(
            home,
            CourseIndexPage(
                title="Khóa học",
                slug="khoa-hoc",
                summary="Các khóa bồi dưỡng, tập huấn về cải cách hành chính nhà nước.",
            ),
        )
        result.created.append("danh sách khóa học")
    course = _course(index, collection, trainers, result)
    _modules(course, collection, trainers, result)
    agencies = agencies_create()
    accounts_create(result, agencies)
    trainees_create(result, agencies, course)
    hocvien_progress_create(course)
    overdue_assignment_create(result, agencies, course)
    # Publishing makes each new page's renditions once committed (courses.signals); this also
    # makes those an earlier demo database lacks, so no first view resizes the slides.
    transaction.on_commit(partial(_renditions_make, course.pk))
    return result


def _renditions_make(course_id):
    pages = Page.objects.get(pk=course_id).get_descendants(inclusive=True).live()
    images.renditions_make(
        [pair for page in pages.specific() for pair in images.page_image_kinds(page)]
    )
