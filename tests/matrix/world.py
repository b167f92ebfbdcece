"""The data every row of the permission matrix runs against, made once for the
``tests/matrix`` package.

UBND tỉnh Ma Trận (MT-TINH)                          ← HR of the province
├── UBND huyện Nhất Lâm (MT-H1)
│   └── Phòng Nội vụ huyện Nhất Lâm (MT-H1-NV)        ← trainee A
└── UBND huyện Nhị Hà (MT-H2)                         ← HR of the other district
    └── Phòng Nội vụ huyện Nhị Hà (MT-H2-NV)          ← trainee B

Trainee A has: an enrolment in the course (assigned by the province HR), a completed lesson,
a submitted quiz attempt (lượt 1) and an open one (lượt 2), a valid certificate for the course,
and a certificate for a second, completed course that the province HR revoked. The
administrator corrected A's account in the user admin (a "wagtail.edit" log entry). Trainee B
has a certificate for the course too (what the other district's HR should see instead of A's).
The trainer, the HR officers and the administrator have no attempts, progress or certificates
of their own on these courses, so a 404 for them means "not yours", never "yours, but a
different one". ``spare`` (district 1, no records) is the person the delete requests aim at.

Pages: a course (tagged, with a module holding a lesson with a slide deck, a second lesson, a
draft lesson and a quiz of two questions), a second course, a course for signed-in people only
and a password-protected one. Admin objects: a lecturer snippet, a document, a collection with a
password, a redirect.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.actions import action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
    Workflow,
)

from courses import certificates, services
from courses.assignments import course_assign
from courses.models import LessonProgress
from learners.models import Agency, User
from learners.roles import HR_GROUP, TRAINEE_GROUP, TRAINER_GROUP
from quizzes import services as quiz_services
from tests.courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    lesson_body,
)
from tests.learners.factories import AgencyFactory, UserFactory
from tests.quizzes.factories import QuestionAreaFactory, QuizPageFactory, question

PASSWORD = "Demo@2017"
# Distinctive strings the scope checks look for in pages and exports.
A_NAME = "Lương Thị Hồng Nhung"
A_CODE = "MTA000001"
B_NAME = "Tạ Văn Bảo Khánh"
B_CODE = "MTB000002"
DISTRICT_1 = "UBND huyện Nhất Lâm"
DISTRICT_1_OFFICE = "Phòng Nội vụ huyện Nhất Lâm"
DISTRICT_2 = "UBND huyện Nhị Hà"
DISTRICT_2_OFFICE = "Phòng Nội vụ huyện Nhị Hà"
REVOKE_REASON = "Cấp nhầm khóa học cho học viên"


@dataclass
class World:
    users: dict = field(default_factory=dict)
    agencies: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def _fresh(agency):
    # treebeard computes a child's path from the parent's stored child count: re-read it.
    return Agency.objects.get(pk=agency.pk)


def _member(group, **fields):
    user = UserFactory(**fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _agencies():
    province = AgencyFactory(code="MT-TINH", name="UBND tỉnh Ma Trận", kind=Agency.Kind.PROVINCE)
    d1 = AgencyFactory(
        code="MT-H1", name=DISTRICT_1, kind=Agency.Kind.DISTRICT, parent=_fresh(province)
    )
    d1_office = AgencyFactory(
        code="MT-H1-NV", name=DISTRICT_1_OFFICE, kind=Agency.Kind.OFFICE, parent=_fresh(d1)
    )
    d2 = AgencyFactory(
        code="MT-H2", name=DISTRICT_2, kind=Agency.Kind.DISTRICT, parent=_fresh(province)
    )
    d2_office = AgencyFactory(
        code="MT-H2-NV",
        name=DISTRICT_2_OFFICE,
        kind=Agency.Kind.OFFICE,
        parent=_fresh(d2),
    )
    return {
        name: _fresh(agency)
        for name, agency in {
            "province": province,
            "district_1": d1,
            "district_1_office": d1_office,
            "district_2": d2,
            "district_2_office": d2_office,
        }.items()
    }


def _users(agencies):
    return {
        "spare": _member(
            TRAINEE_GROUP,
            username="hv_matran_c",
            full_name="Đỗ Văn Tạm",
            employee_code="MTC000007",
            agency=agencies["district_1_office"],
        ),
        "trainee_a": _member(
            TRAINEE_GROUP,
            username="hv_matran_a",
            full_name=A_NAME,
            employee_code=A_CODE,
            agency=agencies["district_1_office"],
        ),
        "trainee_b": _member(
            TRAINEE_GROUP,
            username="hv_matran_b",
            full_name=B_NAME,
            employee_code=B_CODE,
            agency=agencies["district_2_office"],
        ),
        "trainer": _member(
            TRAINER_GROUP,
            username="gv_matran",
            full_name="Giảng viên Ma Trận",
            employee_code="MTG000003",
            agency=agencies["province"],
        ),
        "hr_other": _member(
            HR_GROUP,
            username="ns_huyen_nhi_ha",
            full_name="Cán bộ tổ chức Nhị Hà",
            employee_code="MTN000004",
            agency=agencies["district_2"],
        ),
        "hr_province": _member(
            HR_GROUP,
            username="ns_tinh_ma_tran",
            full_name="Cán bộ tổ chức tỉnh",
            employee_code="MTN000005",
            agency=agencies["province"],
        ),
        "admin": _member(
            None,
            username="qt_matran",
            full_name="Quản trị Ma Trận",
            employee_code="MTQ000006",
            is_superuser=True,
            is_staff=True,
        ),
    }


def _course_pages(objects):
    index = CourseIndexPageFactory()
    image = ImageFactory(
        title="Ảnh trang chiếu ma trận", collection=Collection.get_first_root_node()
    )
    course = CoursePageFactory(
        parent=index, title="Khóa học ma trận CCHC", slug="ma-tran-cchc", estimated_hours=4
    )
    course.tags.add("ma-tran")
    course.save()
    module = ModulePageFactory(parent=course, title="Chuyên đề ma trận", slug="chuyen-de")
    lesson = LessonPageFactory(
        parent=module, title="Bài học ma trận", slug="bai-hoc", body=lesson_body(slides=[image])
    )
    lesson.tags.add("ma-tran")
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    other_lesson = LessonPageFactory(parent=module, title="Bài học thứ hai", slug="bai-hoc-2")
    draft = LessonPageFactory(parent=module, title="Bài học nháp", slug="bai-nhap", live=False)
    area = QuestionAreaFactory(name="Chủ đề ma trận")
    questions = [question(area=area, text=f"Câu hỏi ma trận số {n}?") for n in (1, 2)]
    quiz = QuizPageFactory(
        parent=module, title="Bài kiểm tra ma trận", slug="kiem-tra", fixed=questions
    )

    course_2 = CoursePageFactory(parent=index, title="Khóa học thứ hai", slug="khoa-hoc-2")
    LessonPageFactory(parent=ModulePageFactory(parent=course_2, slug="chuyen-de-2"))

    private = CoursePageFactory(parent=index, title="Khóa học nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private_module = ModulePageFactory(parent=private, slug="chuyen-de-noi-bo")
    private_lesson = LessonPageFactory(parent=private_module, slug="bai-noi-bo")

    secret = CoursePageFactory(parent=index, title="Khóa học có mật khẩu", slug="mat-khau")
    page_password = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="matkhau2017"
    )
    objects.update(
        home=Page.objects.get(depth=2).specific,
        course_index=index,
        image=image,
        course=course,
        module=module,
        lesson=lesson,
        other_lesson=other_lesson,
        draft=draft,
        area=area,
        question=questions[0],
        quiz=quiz,
        course_2=course_2,
        private=private,
        private_lesson=private_lesson,
        secret=secret,
        page_password=page_password,
    )


def _records(objects, users, agencies):
    now = timezone.now()
    # An administrator corrects A's account in the user admin: the same edit action (and so the
    # same "wagtail.edit" log entry, labelled with A's name) as the admin's edit view.
    action_registry.get_action_class(User, "edit")(users["trainee_a"], user=users["admin"]).execute(
        skip_permission_checks=True
    )
    a, b = users["trainee_a"], users["trainee_b"]
    course, course_2 = objects["course"], objects["course_2"]
    due = timezone.localdate() + timedelta(days=30)
    objects["assignment_1"] = course_assign(
        course=course, due_date=due, assigned_by=users["hr_province"], agency=agencies["district_1"]
    )
    objects["assignment_2"] = course_assign(
        course=course, due_date=due, assigned_by=users["hr_other"], agency=agencies["district_2"]
    )
    services.lesson_complete(user=a, lesson=objects["lesson"], course=course)
    quiz = objects["quiz"]
    first = quiz_services.attempt_start(user=a, quiz=quiz)
    quiz_services.attempt_submit(attempt=first, answers={})
    objects["attempt_done"] = first
    objects["attempt_open"] = quiz_services.attempt_start(user=a, quiz=quiz)
    objects["a_last_slide"] = LessonProgress.objects.get(
        user=a, lesson=objects["lesson"]
    ).last_slide

    objects["certificate"] = certificates.certificate_issue(user=a, course=course, completed_at=now)
    objects["certificate_b"] = certificates.certificate_issue(
        user=b, course=course, completed_at=now
    )
    EnrolmentFactory(user=a, course=course_2, completed_at=now)
    revoked = certificates.certificate_issue(user=a, course=course_2, completed_at=now)
    objects["certificate_revoked"] = certificates.certificate_revoke(
        certificate=revoked, by=users["hr_province"], reason=REVOKE_REASON
    )


def _admin_objects(objects):
    root_collection = Collection.get_first_root_node()
    locked = root_collection.add_child(name="Tài liệu có mật khẩu")
    objects.update(
        trainer_snippet=TrainerFactory(name="Giảng viên Ma Trận Snippet"),
        document=get_document_model().objects.create(
            title="Tài liệu ma trận",
            file=ContentFile(b"Tai lieu ma tran\n", name="tai-lieu-ma-tran.txt"),
        ),
        collection=locked,
        collection_password=CollectionViewRestriction.objects.create(
            collection=locked,
            restriction_type=CollectionViewRestriction.PASSWORD,
            password="matkhau2017",
        ),
        redirect=Redirect.objects.create(old_path="/duong-dan-cu", redirect_link="/"),
        site=Site.objects.get(is_default_site=True),
        group=Group.objects.get(name=HR_GROUP),
        workflow=Workflow.objects.order_by("pk").first(),
    )


def build_world() -> World:
    world = World()
    world.agencies = _agencies()
    world.users = _users(world.agencies)
    # A person with no records at all, for the requests that delete someone.
    world.objects["spare"] = world.users.pop("spare")
    _course_pages(world.objects)
    _records(world.objects, world.users, world.agencies)
    _admin_objects(world.objects)
    return world
