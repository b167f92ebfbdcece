"""Build the demo course and accounts. Idempotent: what exists is found and left as it is."""

import json
import random
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from courses import images, services
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    Trainer,
)
from courses.slide_import import top_level_collection
from home.models import HomePage
from learners.models import Agency
from quizzes import services as quiz_services
from quizzes.models import Attempt, Choice, Question, QuestionArea, QuizPage, QuizQuestion

from . import content
from .slides import render_cover, render_slide

User = get_user_model()
DEMO_PASSWORD = "Demo@2017"  # noqa: S105 - published demo accounts, refused in production
COLLECTION_NAME = "Khóa học mẫu CCHC 2017"
FOOTER = "Sở Nội vụ · Hội nghị tập huấn công tác CCHC năm 2017"

ACCOUNTS = [
    # username, full name, role group, superuser, agency code, position
    ("admin", "Quản trị hệ thống", None, True, None, ""),
    ("giangvien", "Trần Thị Lan", "Giảng viên", False, "SNV-CCHC", "Trưởng phòng"),
    ("hocvien", "Nguyễn Văn An", "Học viên", False, "STP-VP", "Chuyên viên"),
    ("nhansu", "Lê Thị Hoa", "Cán bộ tổ chức", False, "TINH", "Phó Trưởng phòng Tổ chức, biên chế"),
    ("nhansu_huyen", "Phạm Văn Đức", "Cán bộ tổ chức", False, "HDS", "Chuyên viên Phòng Nội vụ"),
]

# A made-up province: code, name, kind, parent code.
AGENCIES = [
    ("TINH", "UBND tỉnh Bình An (mẫu)", "province", None),
    ("SNV", "Sở Nội vụ", "department", "TINH"),
    ("SNV-VP", "Văn phòng Sở Nội vụ", "office", "SNV"),
    ("SNV-CCHC", "Phòng Cải cách hành chính", "office", "SNV"),
    ("SNV-TCBC", "Phòng Tổ chức, biên chế", "office", "SNV"),
    ("STP", "Sở Tư pháp", "department", "TINH"),
    ("STP-VP", "Văn phòng Sở Tư pháp", "office", "STP"),
    ("STP-HCTP", "Phòng Hành chính tư pháp", "office", "STP"),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "department", "TINH"),
    ("SKHDT-DKKD", "Phòng Đăng ký kinh doanh", "office", "SKHDT"),
    ("VPUB", "Văn phòng UBND tỉnh", "department", "TINH"),
    ("HDS", "UBND huyện Đông Sơn", "district", "TINH"),
    ("HDS-VP", "Văn phòng HĐND và UBND huyện Đông Sơn", "office", "HDS"),
    ("HDS-NV", "Phòng Nội vụ huyện Đông Sơn", "office", "HDS"),
    ("HDS-TP", "Phòng Tư pháp huyện Đông Sơn", "office", "HDS"),
    ("TPBA", "UBND thành phố Bình An", "district", "TINH"),
    ("TPBA-VP", "Văn phòng HĐND và UBND thành phố Bình An", "office", "TPBA"),
    ("TPBA-NV", "Phòng Nội vụ thành phố Bình An", "office", "TPBA"),
    ("HTH", "UBND huyện Tân Hòa", "district", "TINH"),
    ("HTH-VP", "Văn phòng HĐND và UBND huyện Tân Hòa", "office", "HTH"),
    ("HTH-NV", "Phòng Nội vụ huyện Tân Hòa", "office", "HTH"),
]
TRAINEE_COUNT = 36
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu", "Thanh", "Xuân"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
]
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Cán sự"]


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


def _take_quiz(user, quiz, *, right, seed):
    """An attempt answered right on the first ``right`` questions and wrong on the rest."""
    attempt = quiz_services.attempt_start(user=user, quiz=quiz, rng=random.Random(seed))  # noqa: S311
    answers = {}
    for position, question in enumerate(attempt.questions):
        choices = [c for c in question["choices"] if c["correct"] == (position < right)]
        if position < right:
            answers[question["key"]] = [c["key"] for c in choices]
        else:
            answers[question["key"]] = [choices[0]["key"]] if choices else []
    return quiz_services.attempt_submit(attempt=attempt, answers=answers)


def _pass_finished_modules(user, course, rng):
    """Take the quiz of every module whose lessons the person has all completed."""
    done = set(
        LessonProgress.objects.filter(user=user, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        lessons = set(LessonPage.objects.child_of(module).live().values_list("pk", flat=True))
        quiz = QuizPage.objects.child_of(module).live().first()
        if quiz is None or not lessons <= done:
            continue
        total = quiz.question_count
        if rng.random() < 0.3:
            _take_quiz(user, quiz, right=total // 3, seed=rng.random())
        _take_quiz(user, quiz, right=total - rng.choice([0, 0, 1]), seed=rng.random())


def _agencies():
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    for code, name, kind, parent_code in AGENCIES:
        if code in agencies:
            continue
        node = Agency(code=code, name=name, kind=kind)
        if parent_code is None:
            agencies[code] = Agency.add_root(instance=node)
        else:
            agencies[code] = Agency.objects.get(pk=agencies[parent_code].pk).add_child(
                instance=node
            )
    return agencies


def _new_user(username, full_name, *, agency, position, code="", group_name=None, **extra):
    user = User(
        username=username,
        full_name=full_name,
        email=f"{username}@example.gov.vn",
        agency=agency,
        position=position,
        employee_code=code,
        **extra,
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def _accounts(result, agencies):
    for username, full_name, group_name, superuser, agency_code, position in ACCOUNTS:
        if not User.objects.filter(username=username).exists():
            _new_user(
                username,
                full_name,
                agency=agencies.get(agency_code),
                position=position,
                code=f"DEMO-{username.upper()}" if not superuser else "",
                group_name=group_name,
                is_superuser=superuser,
                is_staff=superuser,
            )
            result.created.append(f"tài khoản: {username}")
        result.accounts.append((username, group_name or ("quản trị" if superuser else "")))


def _study(user, lessons, *, done, course, when):
    """Open the first ``done`` + 1 lessons and complete the first ``done`` of them."""
    for position, lesson in enumerate(lessons[: done + 1]):
        services.lesson_record_view(user=user, lesson=lesson, course=course)
        if position < done:
            services.lesson_complete(user=user, lesson=lesson, course=course)
    _pass_finished_modules(user, course, random.Random(user.pk))  # noqa: S311
    Attempt.objects.filter(user=user).update(started_at=when, submitted_at=when)
    # Spread the demo dates over the weeks after the conference rather than "just now".
    LessonProgress.objects.filter(user=user).update(
        first_viewed_at=when,
        last_viewed_at=when,
        completed_at=Case(When(completed_at__isnull=False, then=Value(when)), default=None),
    )
    ModuleCompletion.objects.filter(user=user).update(completed_at=when)
    Enrolment.objects.filter(user=user, completed_at__isnull=False).update(completed_at=when)


def _trainees(result, agencies, course):
    """Demo civil servants spread over the offices, with varied progress."""
    if User.objects.filter(username__startswith="hv").exists():
        return
    rng = random.Random(2017)  # noqa: S311 - demo data, not security
    offices = [a for code, a in sorted(agencies.items()) if a.kind == "office"]
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    start = timezone.now() - timedelta(days=60)
    for n in range(1, TRAINEE_COUNT + 1):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        user = _new_user(
            f"hv{n:02d}",
            name,
            agency=offices[n % len(offices)],
            position=rng.choice(POSITIONS),
            code=f"CC{17000 + n:06d}",
            group_name="Học viên",
        )
        done = rng.choice([0, 0, 1, 3, 5, 7, len(lessons), len(lessons)])
        if done or rng.random() < 0.5:
            _study(user, lessons, done=done, course=course, when=start + timedelta(days=n))
    result.created.append(f"{TRAINEE_COUNT} học viên mẫu")


def _hocvien_progress(course):
    """hocvien: the first module done, the second half done, stopped on a slide."""
    user = User.objects.get(username="hocvien")
    if LessonProgress.objects.filter(user=user).exists():
        return
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    first = list(LessonPage.objects.child_of(modules[0]).live().order_by("path"))
    second = list(LessonPage.objects.child_of(modules[1]).live().order_by("path"))
    for lesson in first:
        services.lesson_complete(user=user, lesson=lesson, course=course)
    half = max(1, len(second) // 2)
    for lesson in second[:half]:
        services.lesson_complete(user=user, lesson=lesson, course=course)
    current = second[half] if half < len(second) else second[-1]
    services.lesson_record_view(user=user, lesson=current, course=course)
    if current.slides:
        services.lesson_record_slide(
            user=user, lesson=current, course=course, slide=min(3, len(current.slides))
        )
    # A passed quiz completes the first module; a failed attempt waits in the second.
    first_quiz = QuizPage.objects.child_of(modules[0]).live().first()
    second_quiz = QuizPage.objects.child_of(modules[1]).live().first()
    if first_quiz is not None:
        _take_quiz(user, first_quiz, right=first_quiz.question_count // 3, seed=1)
        _take_quiz(user, first_quiz, right=first_quiz.question_count, seed=2)
    if second_quiz is not None:
        _take_quiz(user, second_quiz, right=2, seed=3)


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
    agencies = _agencies()
    _accounts(result, agencies)
    _trainees(result, agencies, course)
    _hocvien_progress(course)
    # Publishing makes each new page's renditions once committed (courses.signals); this also
    # makes those an earlier demo database lacks, so no first view resizes the slides.
    transaction.on_commit(partial(_renditions_make, course.pk))
    return result


def _renditions_make(course_id):
    pages = Page.objects.get(pk=course_id).get_descendants(inclusive=True).live()
    images.renditions_make(
        [pair for page in pages.specific() for pair in images.page_image_kinds(page)]
    )
