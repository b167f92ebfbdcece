"""A small province for the HR reports: two districts, a course, people in every state.

UBND tỉnh (TINH)
├── UBND huyện Đông Sơn (HDS) ── Phòng Nội vụ huyện Đông Sơn (HDS-NV)
└── UBND huyện Tân Hòa (HTH) ─── Phòng Nội vụ huyện Tân Hòa (HTH-NV)

In HDS-NV, for the course: Nguyễn Văn Bình completed it (certificate, quiz 90 then 60), Trần Thị
An is studying, Lê Văn Đức is enrolled and overdue without having started, Phạm Thị Ánh is not
enrolled. In HTH-NV: Hoàng Văn Cường completed it, Vũ Thị Em is studying and overdue.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import Certificate, Enrolment, LessonProgress, ModuleCompletion
from learners.models import Agency
from learners.roles import HR_GROUP
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import AgencyFactory, UserFactory
from tests.quizzes.factories import AttemptFactory, QuizPageFactory


def fresh(agency):
    # treebeard computes a child's path from the parent's stored child count: re-read it.
    return Agency.objects.get(pk=agency.pk)


@pytest.fixture
def agencies():
    province = AgencyFactory(code="TINH", name="UBND tỉnh Bình An", kind=Agency.Kind.PROVINCE)
    dong_son = AgencyFactory(
        code="HDS", name="UBND huyện Đông Sơn", kind=Agency.Kind.DISTRICT, parent=province
    )
    dong_son_office = AgencyFactory(
        code="HDS-NV",
        name="Phòng Nội vụ huyện Đông Sơn",
        kind=Agency.Kind.OFFICE,
        parent=fresh(dong_son),
    )
    tan_hoa = AgencyFactory(
        code="HTH", name="UBND huyện Tân Hòa", kind=Agency.Kind.DISTRICT, parent=fresh(province)
    )
    tan_hoa_office = AgencyFactory(
        code="HTH-NV",
        name="Phòng Nội vụ huyện Tân Hòa",
        kind=Agency.Kind.OFFICE,
        parent=fresh(tan_hoa),
    )
    return {
        agency.code: fresh(agency)
        for agency in (province, dong_son, dong_son_office, tan_hoa, tan_hoa_office)
    }


@pytest.fixture
def course():
    """Two modules of two lessons and a quiz each; a draft lesson that does not count."""
    course = CoursePageFactory(title="Tập huấn CCHC 2017", slug="cchc-2017")
    modules, lessons, quizzes = [], [], []
    for number in (1, 2):
        module = ModulePageFactory(parent=course, title=f"Chuyên đề {number}")
        modules.append(module)
        for lesson_number in (1, 2):
            lessons.append(LessonPageFactory(parent=module, title=f"Bài {number}.{lesson_number}"))
        quizzes.append(QuizPageFactory(parent=module, title=f"Bài kiểm tra {number}"))
    draft = LessonPageFactory(parent=modules[1], title="Bài nháp", live=False)
    course.modules, course.lessons, course.quizzes, course.draft = modules, lessons, quizzes, draft
    return course


def hr_officer(agency, username):
    officer = UserFactory(
        username=username, full_name=f"Cán bộ tổ chức {agency.code}", agency=agency
    )
    officer.groups.add(Group.objects.get(name=HR_GROUP))
    return officer


def enrol(person, course, *, due=None, completed=None, days_ago=30):
    enrolment = Enrolment.objects.create(
        user=person, course=course, due_date=due, completed_at=completed
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=timezone.now() - timedelta(days=days_ago)
    )
    return enrolment


def study(person, course, lessons, *, done):
    """Open ``lessons`` and complete the first ``done`` of them."""
    now = timezone.now()
    for position, lesson in enumerate(lessons):
        LessonProgress.objects.create(
            user=person,
            lesson=lesson,
            course=course,
            last_viewed_at=now,
            completed_at=now if position < done else None,
        )


@pytest.fixture
def people(agencies, course):
    today = timezone.localdate()
    finished = timezone.now() - timedelta(days=2)
    office = agencies["HDS-NV"]
    other = agencies["HTH-NV"]
    made = {
        "binh": UserFactory(full_name="Nguyễn Văn Bình", employee_code="HDS001", agency=office),
        "an": UserFactory(full_name="Trần Thị An", employee_code="HDS002", agency=office),
        "duc": UserFactory(full_name="Lê Văn Đức", employee_code="HDS003", agency=office),
        "anh": UserFactory(full_name="Phạm Thị Ánh", employee_code="HDS004", agency=office),
        "cuong": UserFactory(full_name="Hoàng Văn Cường", employee_code="HTH001", agency=other),
        "em": UserFactory(full_name="Vũ Thị Em", employee_code="HTH002", agency=other),
    }
    for key in ("binh", "cuong"):
        person = made[key]
        enrol(person, course, completed=finished)
        study(person, course, course.lessons, done=4)
        for module in course.modules:
            ModuleCompletion.objects.create(
                user=person, module=module, course=course, completed_at=finished
            )
        Certificate.objects.create(
            user=person,
            course=course,
            number=f"GCN-{person.employee_code}",
            code=f"X{person.employee_code}",
            completed_at=finished,
            full_name=person.full_name,
            course_title=course.title,
        )
    AttemptFactory(
        user=made["binh"], quiz=course.quizzes[0], number=1, score=Decimal("60"), passed=False
    )
    AttemptFactory(
        user=made["binh"], quiz=course.quizzes[0], number=2, score=Decimal("90"), passed=True
    )
    AttemptFactory(
        user=made["cuong"], quiz=course.quizzes[1], number=1, score=Decimal("80"), passed=True
    )
    enrol(made["an"], course, due=today + timedelta(days=10))
    study(made["an"], course, course.lessons[:2], done=1)
    enrol(made["duc"], course, due=today - timedelta(days=1))
    enrol(made["em"], course, due=today - timedelta(days=3))
    study(made["em"], course, course.lessons[:1], done=0)
    return made


@pytest.fixture
def officers(agencies):
    return {
        "district": hr_officer(agencies["HDS"], "nhansu_huyen"),
        "province": hr_officer(agencies["TINH"], "nhansu"),
    }


@pytest.fixture
def district_client(client, officers):
    client.force_login(officers["district"])
    return client


@pytest.fixture
def province_client(client, officers):
    client.force_login(officers["province"])
    return client


@pytest.fixture
def admin_client_(client):
    admin = UserFactory(username="quantri", full_name="Quản trị", is_superuser=True)
    client.force_login(admin)
    return client
