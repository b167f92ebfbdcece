"""Build the demo course and accounts. Idempotent: what exists is found and left as it is."""

import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from io import BytesIO
from wagtail.images import get_image_model
from wagtail.models import Collection

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Trainer
from home.models import HomePage

from . import content
from .slides import render_cover, render_slide

DEMO_PASSWORD = "Demo@2017"  # noqa: S105 - published demo accounts, refused in production
COLLECTION_NAME = "Khóa học mẫu CCHC 2017"
FOOTER = "Sở Nội vụ · Hội nghị tập huấn công tác CCHC năm 2017"

ACCOUNTS = [
    # username, full name, role group, superuser
    ("admin", "Quản trị hệ thống", None, True),
    ("giangvien", "Trần Thị Lan", "Giảng viên", False),
    ("hocvien", "Nguyễn Văn An", "Học viên", False),
    ("nhansu", "Lê Thị Hoa", None, False),
]


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


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


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


def _accounts(result):
    User = get_user_model()
    for username, full_name, group_name, superuser in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                full_name=full_name,
                email=f"{username}@example.gov.vn",
                is_superuser=superuser,
                is_staff=superuser,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            result.created.append(f"tài khoản: {username}")
        result.accounts.append((username, group_name or ("quản trị" if superuser else "")))


@transaction.atomic
def load_demo() -> DemoResult:
    """Create what is missing of the demo course, its images and the demo accounts."""
    result = DemoResult()
    home = HomePage.objects.get(depth=2)
    collection = _collection()
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
    _accounts(result)
    return result
