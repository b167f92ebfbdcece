"""The demo's people: agencies, the demo accounts, and trainees with some progress and quiz
attempts, so that the dashboard, the reports and the certificates have something to show."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Case, Value, When
from django.utils import timezone

from courses import services
from courses.models import (
    Assignment,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
)
from learners.models import Agency
from learners.roles import HR_GROUP, TRAINEE_GROUP, TRAINER_GROUP
from quizzes import services as quiz_services
from quizzes.models import Attempt, QuizPage

User = get_user_model()
DEMO_PASSWORD = "Demo@2017"  # noqa: S105 - published demo accounts, refused in production

ACCOUNTS = [
    # username, full name, role group, superuser, agency code, position
    ("admin", "Quản trị hệ thống", None, True, None, ""),
    ("giangvien", "Trần Thị Lan", TRAINER_GROUP, False, "SNV-CCHC", "Trưởng phòng"),
    ("hocvien", "Nguyễn Văn An", TRAINEE_GROUP, False, "STP-VP", "Chuyên viên"),
    ("nhansu", "Lê Thị Hoa", HR_GROUP, False, "TINH", "Phó Trưởng phòng Tổ chức, biên chế"),
    ("nhansu_huyen", "Phạm Văn Đức", HR_GROUP, False, "HDS", "Chuyên viên Phòng Nội vụ"),
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
# A course given to a district with a due date already past: its trainees who have not finished
# are overdue (Góc học tập, the reports, the reminders and the HR digest of nhansu_huyen).
OVERDUE_AGENCY = "HDS"
OVERDUE_DAYS_AGO = 14
OVERDUE_NOTE = "Giao mẫu: hạn hoàn thành đã qua"
POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Cán sự"]


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


def agencies_create():
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


def accounts_create(result, agencies):
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


def trainees_create(result, agencies, course):
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
            group_name=TRAINEE_GROUP,
        )
        done = rng.choice([0, 0, 1, 3, 5, 7, len(lessons), len(lessons)])
        if done or rng.random() < 0.5:
            _study(user, lessons, done=done, course=course, when=start + timedelta(days=n))
    result.created.append(f"{TRAINEE_COUNT} học viên mẫu")


def hocvien_progress_create(course):
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


def overdue_assignment_create(result, agencies, course):
    """The course given to UBND huyện Đông Sơn six weeks ago, due two weeks ago, by
    nhansu_huyen: its trainees who have not completed the course are overdue. Once only."""
    agency = Agency.objects.get(pk=agencies[OVERDUE_AGENCY].pk)  # its stored path
    if Assignment.objects.filter(course=course, agency=agency, note=OVERDUE_NOTE).exists():
        return
    assigned_at = timezone.now() - timedelta(days=OVERDUE_DAYS_AGO + 28)
    assignment = Assignment.objects.create(
        course=course,
        agency=agency,
        due_date=timezone.localdate() - timedelta(days=OVERDUE_DAYS_AGO),
        assigned_by=User.objects.filter(username="nhansu_huyen").first(),
        note=OVERDUE_NOTE,
    )
    Assignment.objects.filter(pk=assignment.pk).update(created_at=assigned_at)
    trainees = User.objects.filter(
        agency__path__startswith=agency.path, groups__name=TRAINEE_GROUP, is_active=True
    )
    for person in trainees:
        enrolment, created = Enrolment.objects.get_or_create(user=person, course=course)
        if enrolment.completed_at is not None:
            continue
        Enrolment.objects.filter(pk=enrolment.pk).update(
            source=Enrolment.Source.ASSIGNED,
            due_date=assignment.due_date,
            assignment=assignment,
            enrolled_at=assigned_at if created else enrolment.enrolled_at,
        )
    result.created.append(f"giao khóa học đã quá hạn: {agency.name}")
