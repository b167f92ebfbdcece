"""The permission matrix: every route the site answers, for every role, with its expected answer.

Every route of the URL configuration (Wagtail's admin included) and every page type and page
sub-route (the quiz's ``bat-dau/``, ``luot/<n>/``…) must be covered by a rule in ``RULES``;
``test_route_has_a_rule`` fails, naming the route, when someone adds a URL without one. Each
rule holds one or more probes (a concrete request built from the shared data in
``tests/matrix/world.py``) and the answer each of the seven roles must get:

- ``anonymous``;
- ``trainee_a``, the owner of the attempt, the certificates and the progress (district 1);
- ``trainee_b``, another trainee (district 2);
- ``trainer`` (group "Giảng viên");
- ``hr_other``, HR officer ("Cán bộ tổ chức") of district 2, whose scope does not hold A;
- ``hr_province``, HR officer of the province, whose scope holds everyone;
- ``admin``, a superuser.

``test_access[<rule>-<role>]`` runs the rule's probes as that role and reports every probe
that answered wrongly, showed something outside the role's scope, or changed what it should not
have. The data is made once per module (in a transaction rolled back at the end); each probe runs
in its own savepoint, with the role's session and an empty cache, so a POST that changes
something (or signs out) never leaks into the next probe or test.

A row that shows a real access bug keeps its correct expectation and is marked
``xfail(strict=True)`` with the reason, through the rule's ``bugs`` (``page-delete`` for the
trainer, ``site-history`` for the other district's HR officer): when the bug is fixed the row
passes, the strict xfail fails, and the marker is to be removed.

Routes the project adds are listed one by one. Wagtail's own admin sections that no project
code adds (pages, images, documents, snippets, workflows, …) are grouped by prefix and tested
through representative URLs.
"""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page

from courses.models import Assignment, Certificate, Enrolment, LessonProgress
from learners.models import Agency, User
from quizzes.models import Attempt
from tests.matrix.core import (
    ADMIN_DENIED,
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    ROLES,
    SERVER_ERROR,
    UNAUTHORISED,
    Probe,
    Rule,
    admin_only,
    admin_view,
    all_routes,
    everyone,
    redirect_to,
    route_of,
    signed_in,
    trainer_view,
)
from tests.matrix.world import (
    A_CODE,
    A_NAME,
    B_NAME,
    DISTRICT_1,
    DISTRICT_1_OFFICE,
    DISTRICT_2,
    DISTRICT_2_OFFICE,
    PASSWORD,
    REVOKE_REASON,
    build_world,
)

OWNER = "trainee_a"
SIGNED_IN = tuple(role for role in ROLES if role != "anonymous")
NOT_OWNER = tuple(role for role in ROLES if role != OWNER)


# Shared data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The data, made once for the module inside a transaction that is rolled back at the end;
    each test (and each probe) runs in a savepoint inside it."""
    media = tmp_path_factory.mktemp("matrix-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        world = build_world()
        world.sessions = {role: _session_of(user) for role, user in world.users.items()}
        yield world
        transaction.set_rollback(True)


def _session_of(user):
    """A signed-in session for the user, made once: every row of that role reuses it."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(autouse=True)
def _media_and_cache():
    """Replaces the suite's per-test media folder: the module's files (the slide image, the
    document) live in the module's folder. The cache still starts empty (rate limits)."""
    cache.clear()


# Small builders for probes ----------------------------------------------------------------------


def obj(path):
    """``obj("certificate.pk")``: a value read from the world when the probe runs."""

    def read(world):
        value = world
        for part in path.split("."):
            value = value[part] if isinstance(value, dict) else getattr(value, part)
        return value

    return read


def url(name, *args, query=""):
    """A reversed URL whose arguments may be read from the world."""

    def build(world):
        values = [arg(world) if callable(arg) else arg for arg in args]
        address = reverse(name, args=values or None)
        return f"{address}?{query}" if query else address

    return build


def page_url(name, suffix=""):
    return lambda world: getattr(world, name).url + suffix


def value(item, world):
    return item(world) if callable(item) else item


def text(response) -> str:
    """What a response says, as text: HTML, JSON, CSV or the cells of an XLSX file."""
    data = b"".join(response.streaming_content) if response.streaming else bytes(response.content)
    if data.startswith(b"PK"):
        sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        return "\n".join(
            "\t".join("" if cell is None else str(cell) for cell in row)
            for row in sheet.iter_rows(values_only=True)
        )
    return data.decode("utf-8", errors="replace")


# Checks: what a role may see, what a request may change -----------------------------------------


def scoped(*, secret=(A_NAME, A_CODE), other=(B_NAME,), province=(A_NAME,)):
    """Content limited to scope: the other district's HR sees ``other`` but none of ``secret``;
    the province HR and the administrator see ``province``. Others see none of ``secret``."""

    def check(seen):
        body = seen.text
        needles = [value(item, seen.world) for item in secret]
        if seen.role in ("hr_province", "admin"):
            for needle in (value(item, seen.world) for item in province):
                assert needle in body, f"{seen.role} should see {needle!r}"
            return
        leaked = [needle for needle in needles if needle in body]
        assert not leaked, f"{seen.role} sees {leaked} outside their scope"
        if seen.role == "hr_other":
            for needle in (value(item, seen.world) for item in other):
                assert needle in body, f"hr_other should see {needle!r} (their own district)"

    return check


def hides(*needles, roles=ROLES):
    def check(seen):
        if seen.role in roles:
            body = seen.text
            leaked = [n for n in (value(item, seen.world) for item in needles) if n in body]
            assert not leaked, f"{seen.role} sees {leaked}"

    return check


def changed_only_for(roles, changed, what):
    """``changed(world, role)`` must be true for ``roles`` and false for everyone else."""

    def check(seen):
        happened = changed(seen.world, seen.role)
        if seen.role in roles:
            assert happened, f"{what}: should have happened for {seen.role}"
        else:
            assert not happened, f"{what}: happened for {seen.role}, who may not do it"

    return check


def nothing_changed(changed, what):
    return changed_only_for((), changed, what)


def is_pdf(seen):
    if seen.response.status_code == 200:
        assert seen.response["Content-Type"] == "application/pdf"
        assert text(seen.response).startswith("%PDF")


def signed_out(seen):
    assert "_auth_user_id" not in seen.client.session, "still signed in after signing out"


def still_signed_in(seen):
    if seen.role != "anonymous":
        assert "_auth_user_id" in seen.client.session, "a GET signed the person out"


def completed_by(lesson_name):
    def users(world):
        lesson = getattr(world, lesson_name)
        return set(
            LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).values_list(
                "user__username", flat=True
            )
        )

    return users


def completion_recorded_for_requester(lesson_name):
    def check(seen):
        before = {"hv_matran_a"} if lesson_name == "lesson" else set()
        requester = {seen.world.users[seen.role].username} if seen.role in SIGNED_IN else set()
        if seen.response.status_code in (200, 302) and seen.role in SIGNED_IN:
            assert completed_by(lesson_name)(seen.world) == before | requester
        else:
            assert completed_by(lesson_name)(seen.world) == before

    return check


def slide_recorded_for_requester(seen):
    rows = dict(
        LessonProgress.objects.filter(lesson=seen.world.lesson).values_list(
            "user__username", "last_slide"
        )
    )
    recorded = seen.response.status_code == 200
    mine = seen.world.users[seen.role].username if seen.role in SIGNED_IN else None
    expected = {"hv_matran_a": seen.world.a_last_slide}
    if recorded:
        expected[mine] = 1
    assert rows == expected, f"slides recorded: {rows}, expected {expected}"


def attempt_state(world):
    attempt = Attempt.objects.get(pk=world.attempt_open.pk)
    return attempt.submitted_at, attempt.answers


def open_attempt_untouched_unless_owner(seen):
    before = (None, seen.world.attempt_open.answers)
    if seen.role != OWNER:
        assert attempt_state(seen.world) == before, "someone else's request changed A's attempt"
        assert Attempt.objects.filter(user=seen.world.users[OWNER]).count() == 2


def a_profile(world):
    return User.objects.values("full_name", "agency_id", "is_superuser", "email").get(
        pk=world.users[OWNER].pk
    )


def own_contact_only(seen):
    """A profile POST changes the sender's e-mail and phone, and nothing else of anyone."""
    world, role = seen.world, seen.role
    a = a_profile(world)
    assert a["full_name"] == A_NAME
    assert a["agency_id"] == world.agencies["district_1_office"].pk
    assert not a["is_superuser"]
    if role == "anonymous":
        assert a["email"] == world.users[OWNER].email
        return
    me = User.objects.get(pk=world.users[role].pk)
    assert me.email == f"{role}@matran.gov.vn"
    assert me.full_name == world.users[role].full_name
    assert me.is_superuser == (role == "admin")
    if role != OWNER:
        assert a["email"] == world.users[OWNER].email


def certificate_revoked(world, role):
    return Certificate.objects.get(pk=world.certificate.pk).revoked_at is not None


def certificate_reissued(world, role):
    return Certificate.objects.filter(
        user=world.users[OWNER], course=world.course_2, revoked_at__isnull=True
    ).exists()


def a_changed(world, role):
    a = User.objects.get(pk=world.users[OWNER].pk)
    return a.full_name != A_NAME or a.agency_id != world.agencies["district_1_office"].pk


A_ACCOUNT = redirect_to(url("wagtailusers_users:edit", obj("users.trainee_a.pk")), exact=True)


def a_deleted(world, role):
    return not User.objects.filter(pk=world.users[OWNER].pk).exists()


def spare_deleted(world, role):
    return not User.objects.filter(pk=world.spare.pk).exists()


def district_1_renamed(world, role):
    return Agency.objects.get(pk=world.agencies["district_1"].pk).name != DISTRICT_1


def a_enrolled_in_private(world, role):
    return Enrolment.objects.filter(user=world.users[OWNER], course=world.private).exists()


def new_assignment(world, role):
    return Assignment.objects.filter(course=world.private).exists()


def staff_file(world):
    """A staff list that renames trainee A (district 1) and moves A into district 2's office:
    the other district's HR may not take someone from outside their scope."""
    content = (
        "employee_code,full_name,email,agency_code,position\r\n"
        f"{A_CODE},{A_NAME} Đổi Tên,,MT-H2-NV,Chuyên viên\r\n"
    )
    return {"file": SimpleUploadedFile("danh-sach.csv", content.encode(), "text/csv")}


def assign_a(world):
    return {
        "course": world.private.pk,
        "agency": "",
        "people": A_CODE,
        "due_date": (timezone.localdate() + timedelta(days=60)).strftime("%d/%m/%Y"),
        "note": "",
    }


def assign_district_1(world):
    return {**assign_a(world), "people": "", "agency": world.agencies["district_1"].pk}


# Expectations shared by several rules -----------------------------------------------------------

# A person's own things: 404 for everyone else, so that nobody learns they exist.
OWNER_ONLY = {
    **signed_in(NOT_FOUND),
    OWNER: OK,
}
# HR officers' records, reports and tools: trainers get the view's own 403 page with the reason.
RECORDS = admin_view(trainer=FORBIDDEN, hr=OK)
# Trainee A's records: outside the other district's scope, so a 404 for its HR officer.
RECORDS_OF_A = admin_view(trainer=FORBIDDEN, hr=OK, hr_other=NOT_FOUND)
ADMIN_GATE_404 = admin_view(trainer=NOT_FOUND, hr=NOT_FOUND, admin=NOT_FOUND)
# Giving a course: the other district's HR officer gets the form back with the error.
ASSIGNED = admin_view(
    trainer=FORBIDDEN,
    hr=redirect_to("/admin/assignments/", exact=True),
    hr_other=OK,
    admin=redirect_to("/admin/assignments/", exact=True),
)
BACK_TO_MODULE = redirect_to(lambda world: f"/admin/pages/{world.module.pk}/", exact=True)
BACK_TO_CERTIFICATE = redirect_to(url("certificates:detail", obj("certificate.pk")), exact=True)
# Wagtail's page privacy sends people to the site's sign-in page (WAGTAIL_FRONTEND_LOGIN_URL).
PAGE_LOGIN = LOGIN


# The rules --------------------------------------------------------------------------------------

SITE_RULES = [
    Rule(
        "search",
        ("search/",),
        (Probe("/search/?q=ma+tr%E1%BA%ADn", everyone(OK)),),
        why="public: live, public pages only",
    ),
    Rule(
        "tags",
        ("tags/", "tags/<str:slug>/"),
        (
            Probe("/tags/", everyone(OK)),
            Probe("/tags/ma-tran/", everyone(OK)),
            Probe("/tags/khong-co-the-nay/", everyone(NOT_FOUND)),
        ),
    ),
    Rule(
        "set-language",
        ("i18n/setlang/",),
        (
            Probe("/i18n/setlang/", everyone(redirect_to("/", exact=True))),
            Probe(
                "/i18n/setlang/",
                everyone(redirect_to("/", exact=True)),
                method="post",
                data={"language": "en", "next": "/"},
            ),
        ),
    ),
    Rule(
        "site-login",
        ("accounts/login/",),
        (Probe("/accounts/login/", signed_in(redirect_to("/", exact=True), anonymous=OK)),),
        why="a signed-in person is sent on (redirect_authenticated_user)",
    ),
    Rule(
        "site-logout",
        ("accounts/logout/",),
        (
            Probe("/accounts/logout/", everyone(NOT_ALLOWED), effect=still_signed_in),
            Probe(
                "/accounts/logout/",
                everyone(redirect_to("/", exact=True)),
                method="post",
                check=signed_out,
            ),
        ),
    ),
    Rule(
        "profile",
        ("accounts/profile/",),
        (
            Probe("/accounts/profile/", signed_in(OK), check=hides(A_CODE, roles=("trainee_b",))),
            Probe(
                "/accounts/profile/",
                signed_in(redirect_to("/accounts/profile/", exact=True)),
                method="post",
                data=lambda world: {
                    "email": "{role}@matran.gov.vn",
                    "current_password": PASSWORD,  # an e-mail change needs the password
                    "phone": "0905 123 456",
                    "full_name": "Tên bị đổi",
                    "agency": world.agencies["district_2_office"].pk,
                    "is_superuser": "on",
                },
                effect=own_contact_only,
            ),
        ),
        why="one's own details; only e-mail and phone can be changed",
    ),
    Rule(
        "password-change",
        ("accounts/password/", "accounts/password/done/"),
        (
            Probe("/accounts/password/", signed_in(OK)),
            Probe("/accounts/password/done/", signed_in(OK)),
        ),
    ),
    Rule(
        "password-reset",
        (
            "accounts/password/reset/",
            "accounts/password/reset/done/",
            "accounts/password/reset/complete/",
            "accounts/password/reset/<uidb64>/<token>/",
        ),
        (
            Probe("/accounts/password/reset/", everyone(OK)),
            Probe("/accounts/password/reset/done/", everyone(OK)),
            Probe("/accounts/password/reset/complete/", everyone(OK)),
            Probe("/accounts/password/reset/MQ/sai-ma-dat-lai/", everyone(OK)),
        ),
        why="public; a wrong link shows a page saying so",
    ),
    Rule(
        "dashboard",
        ("hoc-tap/",),
        (Probe("/hoc-tap/", signed_in(OK), check=hides(A_NAME, roles=("trainee_b",))),),
        why="always the signed-in person's own",
    ),
    Rule(
        "transcript",
        ("hoc-tap/ket-qua/",),
        (Probe("/hoc-tap/ket-qua/", signed_in(OK), check=hides(A_NAME, roles=("trainee_b",))),),
        why="always the signed-in person's own",
    ),
    Rule(
        "lesson-complete",
        ("hoc-tap/bai-hoc/<int:lesson_id>/hoan-thanh/",),
        (
            Probe(
                url("lesson_complete", obj("other_lesson.pk")),
                everyone(NOT_ALLOWED),
                effect=completion_recorded_for_requester("other_lesson"),
            ),
            Probe(
                url("lesson_complete", obj("other_lesson.pk")),
                signed_in(
                    redirect_to(
                        lambda world: world.other_lesson.url + "#lesson-complete", exact=True
                    )
                ),
                method="post",
                effect=completion_recorded_for_requester("other_lesson"),
            ),
            Probe(
                url("lesson_complete", obj("draft.pk")),
                signed_in(NOT_FOUND),
                method="post",
                effect=nothing_changed(
                    lambda world, role: LessonProgress.objects.filter(lesson=world.draft).exists(),
                    "progress on a draft lesson",
                ),
            ),
            Probe(
                url("lesson_complete", obj("private_lesson.pk")),
                signed_in(
                    redirect_to(
                        lambda world: world.private_lesson.url + "#lesson-complete", exact=True
                    )
                ),
                method="post",
            ),
        ),
        why="POST only; records completion for the sender alone",
    ),
    Rule(
        "lesson-slide",
        ("hoc-tap/bai-hoc/<int:lesson_id>/trang-chieu/",),
        (
            Probe(
                url("lesson_slide", obj("lesson.pk")),
                everyone(NOT_ALLOWED),
                effect=slide_recorded_for_requester,
            ),
            Probe(
                url("lesson_slide", obj("lesson.pk")),
                signed_in(OK, anonymous=UNAUTHORISED),
                method="post",
                data={"slide": "1"},
                effect=slide_recorded_for_requester,
            ),
            Probe(
                url("lesson_slide", obj("lesson.pk")),
                signed_in(BAD_REQUEST, anonymous=UNAUTHORISED),
                method="post",
                data={"slide": "99"},
            ),
            Probe(
                url("lesson_slide", obj("draft.pk")),
                signed_in(NOT_FOUND, anonymous=UNAUTHORISED),
                method="post",
                data={"slide": "1"},
            ),
        ),
        why="JSON, POST only; the sender's own progress",
    ),
    Rule(
        "certificate-pdf",
        ("giay-chung-nhan/<str:number>.pdf",),
        (
            Probe(
                url("certificate_download", obj("certificate.number")),
                {**OWNER_ONLY, "hr_province": OK, "admin": OK},
                check=is_pdf,
            ),
            Probe(
                url("certificate_download", obj("certificate_revoked.number")),
                {**signed_in(NOT_FOUND), "hr_province": OK, "admin": OK},
                check=is_pdf,
                note="revoked: the owner reads why (404 page), HR in scope still gets the PDF",
            ),
            Probe(url("certificate_download", "CCHC-1999-999999"), signed_in(NOT_FOUND)),
            Probe(
                url("certificate_download", obj("certificate.number")),
                everyone(NOT_ALLOWED),
                method="post",
            ),
        ),
        why="the owner, HR whose scope holds the owner, the administrator; 404 for anyone else",
    ),
    Rule(
        "certificate-for-course",
        ("giay-chung-nhan/khoa-hoc/<int:course_id>/",),
        (
            Probe(
                url("certificate_for_course", obj("course.pk")),
                {
                    **signed_in(NOT_FOUND),
                    OWNER: redirect_to(
                        url("certificate_download", obj("certificate.number")), exact=True
                    ),
                    "trainee_b": redirect_to(
                        url("certificate_download", obj("certificate_b.number")), exact=True
                    ),
                },
            ),
        ),
        why="always the signed-in person's own certificate for the course",
    ),
    Rule(
        "certificate-verify",
        ("xac-thuc/", "xac-thuc/<str:code>/"),
        (
            Probe("/xac-thuc/", everyone(OK)),
            Probe(
                lambda world: "/xac-thuc/?code=" + world.certificate.code.replace("-", "").lower(),
                everyone(
                    redirect_to(url("certificate_verify_code", obj("certificate.code")), exact=True)
                ),
            ),
            Probe(
                url("certificate_verify_code", obj("certificate.code")),
                everyone(OK),
                check=hides(A_CODE),
                note="public, the employee code masked",
            ),
            Probe("/xac-thuc/ZZZZ-ZZZZ-ZZZZ/", everyone(NOT_FOUND)),
        ),
    ),
    Rule(
        "documents",
        ("documents/(\\d+)/(.*)$",),
        (Probe(lambda world: world.document.url, everyone(OK)),),
        why="documents in the public root collection",
    ),
    Rule(
        "document-password",
        ("documents/authenticate_with_password/<int:restriction_id>/",),
        (
            Probe(
                url("wagtaildocs_authenticate_with_password", obj("collection_password.pk")),
                everyone(OK),
            ),
        ),
    ),
    Rule(
        "page-password",
        ("_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",),
        (
            Probe(
                url(
                    "wagtailcore_authenticate_with_password",
                    obj("page_password.pk"),
                    obj("secret.pk"),
                ),
                everyone(OK),
            ),
        ),
    ),
    Rule("page-login", ("_util/login/",), (Probe("/_util/login/", everyone(OK)),)),
]

PAGE_RULES = [
    Rule(
        "page-home",
        ("^((?:[\\w\\-]+/)*)$", "page:home.homepage"),
        (Probe("/", everyone(OK)),),
        why="the page catch-all; each page type has its own rule",
    ),
    Rule(
        "page-course-index",
        ("page:courses.courseindexpage",),
        (Probe(page_url("course_index"), everyone(OK)),),
    ),
    Rule(
        "page-course",
        ("page:courses.coursepage",),
        (
            Probe(page_url("course"), everyone(OK)),
            Probe(
                page_url("private"),
                signed_in(OK, anonymous=PAGE_LOGIN),
                note="privacy: signed-in people only",
            ),
            Probe(page_url("secret"), everyone(OK), note="privacy: password form"),
        ),
    ),
    Rule("page-module", ("page:courses.modulepage",), (Probe(page_url("module"), everyone(OK)),)),
    Rule(
        "page-lesson",
        ("page:courses.lessonpage",),
        (
            Probe(page_url("lesson"), everyone(OK)),
            Probe(page_url("private_lesson"), signed_in(OK, anonymous=PAGE_LOGIN)),
            Probe(
                lambda world: world.module.url + "bai-nhap/",
                everyone(NOT_FOUND),
                route=None,
                note="a draft is not served, not even to its editors",
            ),
        ),
    ),
    Rule(
        "quiz-intro",
        ("page:quizzes.quizpage", "page:quizzes.quizpage:"),
        (Probe(page_url("quiz"), everyone(OK), check=hides(A_NAME, roles=NOT_OWNER)),),
    ),
    Rule(
        "quiz-start",
        ("page:quizzes.quizpage:bat-dau/",),
        (
            Probe(
                page_url("quiz", "bat-dau/"),
                everyone(redirect_to(page_url("quiz"), exact=True)),
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "bat-dau/"),
                {
                    **signed_in(redirect_to(page_url("quiz", "luot/1/"), exact=True)),
                    OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True),
                },
                method="post",
                effect=open_attempt_untouched_unless_owner,
                note="starts the sender's own attempt (A's open one is given back to A)",
            ),
        ),
    ),
    Rule(
        "quiz-take",
        ("page:quizzes.quizpage:luot/<int:number>/",),
        (
            Probe(page_url("quiz", "luot/2/"), OWNER_ONLY),
            Probe(
                page_url("quiz", "luot/1/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/1/ket-qua/"), exact=True)},
            ),
            Probe(
                page_url("quiz", "luot/2/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True)},
                method="post",
                data={"save": "1"},
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "luot/2/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/ket-qua/"), exact=True)},
                method="post",
                data={},
                effect=open_attempt_untouched_unless_owner,
                note="submit",
            ),
        ),
        why="one's own attempts only; anyone else's is a 404",
    ),
    Rule(
        "quiz-save",
        ("page:quizzes.quizpage:luot/<int:number>/luu/",),
        (
            Probe(
                page_url("quiz", "luot/2/luu/"),
                everyone(NOT_ALLOWED),
                effect=open_attempt_untouched_unless_owner,
            ),
            Probe(
                page_url("quiz", "luot/2/luu/"),
                {**OWNER_ONLY, "anonymous": UNAUTHORISED},
                method="post",
                effect=open_attempt_untouched_unless_owner,
            ),
        ),
    ),
    Rule(
        "quiz-results",
        ("page:quizzes.quizpage:luot/<int:number>/ket-qua/",),
        (
            Probe(page_url("quiz", "luot/1/ket-qua/"), OWNER_ONLY),
            Probe(
                page_url("quiz", "luot/2/ket-qua/"),
                {**OWNER_ONLY, OWNER: redirect_to(page_url("quiz", "luot/2/"), exact=True)},
            ),
        ),
        why="the owner only; HR follow scores in the reports, not in the attempt itself",
    ),
]

PROJECT_ADMIN_RULES = [
    Rule(
        "staff-import",
        ("admin/learners/import/",),
        (
            Probe("/admin/learners/import/", RECORDS),
            Probe(
                "/admin/learners/import/",
                admin_view(
                    trainer=FORBIDDEN,
                    hr=redirect_to("/admin/learners/import/"),
                    hr_other=OK,
                    admin=redirect_to("/admin/learners/import/"),
                ),
                method="post",
                data=staff_file,
                check=hides(obj("users.trainee_a.email"), roles=("hr_other",)),
                effect=nothing_changed(a_changed, "changing A from an upload (a preview only)"),
                note="the other district's HR gets the errors back, not a preview",
            ),
        ),
        why="HR officers (import_staff) and the administrator; a real 403 for trainers",
    ),
    Rule(
        "staff-import-template",
        ("admin/learners/import/template.csv", "admin/learners/import/template.xlsx"),
        (
            Probe("/admin/learners/import/template.csv", RECORDS),
            Probe("/admin/learners/import/template.xlsx", RECORDS),
        ),
    ),
    Rule(
        "staff-import-preview",
        ("admin/learners/import/<str:token>/",),
        (
            Probe(
                "/admin/learners/import/ma-khong-ton-tai/",
                admin_view(
                    trainer=FORBIDDEN,
                    hr=redirect_to("/admin/learners/import/", exact=True),
                    admin=redirect_to("/admin/learners/import/", exact=True),
                ),
                note="a token is only good in the session that made it",
            ),
        ),
    ),
    Rule(
        "staff-import-apply",
        ("admin/learners/import/<str:token>/apply/",),
        (
            Probe(
                "/admin/learners/import/ma-khong-ton-tai/apply/",
                admin_view(trainer=FORBIDDEN, hr=NOT_ALLOWED, admin=NOT_ALLOWED),
            ),
            Probe(
                "/admin/learners/import/ma-khong-ton-tai/apply/",
                admin_view(
                    trainer=FORBIDDEN,
                    hr=redirect_to("/admin/learners/import/", exact=True),
                    admin=redirect_to("/admin/learners/import/", exact=True),
                ),
                method="post",
                effect=nothing_changed(a_changed, "applying an import"),
            ),
        ),
    ),
    Rule(
        "assignments",
        ("admin/assignments/", "admin/assignments/results/"),
        (
            Probe(
                "/admin/assignments/",
                RECORDS,
                check=scoped(secret=(DISTRICT_1,), other=(DISTRICT_2,), province=(DISTRICT_1,)),
            ),
            Probe(
                "/admin/assignments/results/",
                RECORDS,
                check=scoped(secret=(DISTRICT_1,), other=(DISTRICT_2,), province=(DISTRICT_1,)),
            ),
        ),
        why="the assignments in the officer's scope",
    ),
    Rule(
        "assignment-add",
        ("admin/assignments/add/",),
        (
            Probe(
                "/admin/assignments/add/",
                RECORDS,
                check=scoped(secret=(DISTRICT_1,), other=(DISTRICT_2,), province=(DISTRICT_1,)),
                note="the agency choices stop at the officer's scope",
            ),
            Probe(
                "/admin/assignments/add/",
                ASSIGNED,
                method="post",
                data=assign_a,
                effect=changed_only_for(
                    ("hr_province", "admin"), a_enrolled_in_private, "enrolling A by code"
                ),
            ),
            Probe(
                "/admin/assignments/add/",
                ASSIGNED,
                method="post",
                data=assign_district_1,
                effect=changed_only_for(
                    ("hr_province", "admin"), new_assignment, "assigning district 1"
                ),
            ),
        ),
        why="HR assign within their scope; people or agencies outside it are refused",
    ),
    Rule(
        "quiz-statistics",
        ("admin/quizzes/<int:page_id>/statistics/",),
        (
            Probe(
                url("quizzes_statistics", obj("quiz.pk")),
                trainer_view(denied=FORBIDDEN),
                check=hides(A_NAME, A_CODE),
            ),
        ),
        why="editors of the quiz; statistics never name anyone",
    ),
    Rule(
        "quiz-statistics-report",
        ("admin/reports/quiz-statistics/", "admin/reports/quiz-statistics/results/"),
        (
            Probe("/admin/reports/quiz-statistics/", trainer_view()),
            Probe("/admin/reports/quiz-statistics/results/", trainer_view()),
            Probe(
                "/admin/reports/quiz-statistics/?export=csv",
                trainer_view(),
                check=hides(A_NAME, A_CODE),
            ),
        ),
    ),
    Rule(
        "report-completion",
        ("admin/reports/ket-qua-hoc-tap/", "admin/reports/ket-qua-hoc-tap/results/"),
        (
            Probe("/admin/reports/ket-qua-hoc-tap/", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/results/", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/?export=csv", RECORDS, check=scoped()),
            Probe("/admin/reports/ket-qua-hoc-tap/?export=xlsx", RECORDS, check=scoped()),
            Probe(
                lambda world: (
                    "/admin/reports/ket-qua-hoc-tap/?export=csv&agency="
                    f"{world.agencies['district_1_office'].pk}"
                ),
                RECORDS,
                check=scoped(),
                note="an agency outside the scope in the filter is not accepted",
            ),
        ),
        why="HR see the people in their scope; trainers get a real 403",
    ),
    Rule(
        "report-person",
        ("admin/reports/ket-qua-hoc-tap/nguoi/<int:user_id>/",),
        (
            Probe(
                url("reports_person", obj("users.trainee_a.pk")),
                RECORDS_OF_A,
                check=scoped(other=()),
            ),
            Probe(
                url("reports_person", obj("users.trainee_a.pk"), query="export=csv"),
                RECORDS_OF_A,
                check=scoped(secret=(), other=(), province=("Bài học ma trận",)),
            ),
            Probe(url("reports_person", obj("users.trainee_b.pk")), RECORDS, check=hides(A_NAME)),
        ),
        why="one person's transcript: 404 outside the officer's scope",
    ),
    Rule(
        "report-agencies",
        ("admin/reports/tong-hop-co-quan/", "admin/reports/tong-hop-co-quan/results/"),
        (
            Probe(
                "/admin/reports/tong-hop-co-quan/",
                RECORDS,
                check=scoped(
                    secret=(DISTRICT_1,), other=(DISTRICT_2_OFFICE,), province=(DISTRICT_1,)
                ),
            ),
            Probe(
                "/admin/reports/tong-hop-co-quan/results/",
                RECORDS,
                check=scoped(
                    secret=(DISTRICT_1,), other=(DISTRICT_2_OFFICE,), province=(DISTRICT_1,)
                ),
            ),
            Probe(
                lambda world: (
                    "/admin/reports/tong-hop-co-quan/?export=csv&parent="
                    f"{world.agencies['district_1'].pk}"
                ),
                RECORDS,
                check=scoped(secret=(DISTRICT_1_OFFICE,), other=(), province=(DISTRICT_1_OFFICE,)),
            ),
        ),
    ),
    Rule(
        "certificates",
        ("admin/certificates/", "admin/certificates/results/"),
        (
            Probe(
                "/admin/certificates/",
                admin_view(trainer=ADMIN_DENIED, hr=OK),
                check=scoped(
                    secret=(A_NAME, obj("certificate.number")),
                    other=(obj("certificate_b.number"),),
                    province=(obj("certificate.number"),),
                ),
            ),
            Probe(
                lambda world: "/admin/certificates/results/?q=" + world.certificate.code,
                admin_view(trainer=ADMIN_DENIED, hr=OK),
                check=scoped(
                    secret=(A_NAME, obj("certificate.number")),
                    other=(),
                    province=(obj("certificate.number"),),
                ),
            ),
        ),
        why="the certificates of the people in the officer's scope",
    ),
    Rule(
        "certificate-detail",
        ("admin/certificates/<int:pk>/",),
        (
            Probe(
                url("certificates:detail", obj("certificate.pk")),
                admin_view(trainer=FORBIDDEN, hr=OK, hr_other=NOT_FOUND),
            ),
            Probe(
                url("certificates:detail", obj("certificate_b.pk")),
                admin_view(trainer=FORBIDDEN, hr=OK),
                check=hides(A_NAME),
            ),
        ),
        why="one certificate: a 404 outside the officer's scope, as if it did not exist",
    ),
    Rule(
        "certificate-revoke",
        ("admin/certificates/<int:pk>/thu-hoi/",),
        (
            Probe(
                url("certificates:revoke", obj("certificate.pk")),
                admin_view(trainer=NOT_ALLOWED, hr=NOT_ALLOWED, admin=NOT_ALLOWED),
                effect=nothing_changed(certificate_revoked, "revoking with a GET"),
            ),
            Probe(
                url("certificates:revoke", obj("certificate.pk")),
                admin_view(
                    trainer=FORBIDDEN,
                    hr=BACK_TO_CERTIFICATE,
                    hr_other=FORBIDDEN,
                    admin=BACK_TO_CERTIFICATE,
                ),
                method="post",
                data={"reason": "Kiểm tra quyền thu hồi"},
                effect=changed_only_for(
                    ("hr_province", "admin"), certificate_revoked, "revoking A's certificate"
                ),
            ),
        ),
    ),
    Rule(
        "certificate-reissue",
        ("admin/certificates/<int:pk>/cap-lai/",),
        (
            Probe(
                url("certificates:reissue", obj("certificate_revoked.pk")),
                admin_view(trainer=NOT_ALLOWED, hr=NOT_ALLOWED, admin=NOT_ALLOWED),
                effect=nothing_changed(certificate_reissued, "re-issuing with a GET"),
            ),
            Probe(
                url("certificates:reissue", obj("certificate_revoked.pk")),
                admin_view(
                    trainer=FORBIDDEN,
                    hr=redirect_to("/admin/certificates/"),
                    hr_other=FORBIDDEN,
                    admin=redirect_to("/admin/certificates/"),
                ),
                method="post",
                effect=changed_only_for(
                    ("hr_province", "admin"), certificate_reissued, "re-issuing A's certificate"
                ),
            ),
        ),
    ),
    Rule(
        "agencies",
        tuple(
            f"admin/agencies/{route}"
            for route in (
                "",
                "results/",
                "new/",
                "edit/<int:pk>/",
                "delete/<int:pk>/",
                "history/<int:pk>/",
                "history-results/<int:pk>/",
                "usage/<int:pk>/",
                "move/<int:pk>/",
            )
        ),
        (
            Probe("/admin/agencies/", admin_only()),
            Probe(url("agencies:edit", obj("agencies.district_1.pk")), admin_only()),
            Probe(url("agencies:move", obj("agencies.district_1.pk")), admin_only()),
            Probe(url("agencies:delete", obj("agencies.district_1.pk")), admin_only()),
            Probe(
                url("agencies:edit", obj("agencies.district_1.pk")),
                admin_only(admin=redirect_to("/admin/agencies/")),
                method="post",
                data={"code": "MT-H1", "name": "Tên bị đổi", "kind": "district"},
                effect=changed_only_for(("admin",), district_1_renamed, "renaming an agency"),
            ),
        ),
        why="the agency tree: administrators (agency permissions) only",
    ),
    Rule(
        "users",
        tuple(
            f"admin/users/{route}"
            for route in (
                "",
                "results/",
                "new/",
                "edit/<int:pk>/",
                "delete/<int:pk>/",
                "history/<int:pk>/",
                "history-results/<int:pk>/",
                "usage/<int:pk>/",
                "copy/<int:pk>/",
            )
        ),
        (
            Probe("/admin/users/", admin_only()),
            Probe(url("wagtailusers_users:edit", obj("users.trainee_a.pk")), admin_only()),
            Probe(
                url("wagtailusers_users:delete", obj("users.trainee_a.pk")),
                admin_only(admin=A_ACCOUNT),
                note="A has training records: the administrator is sent to deactivate instead",
            ),
            Probe(
                url("wagtailusers_users:delete", obj("users.trainee_a.pk")),
                admin_only(admin=A_ACCOUNT),
                method="post",
                effect=nothing_changed(a_deleted, "deleting a person with training records"),
            ),
            Probe(
                url("wagtailusers_users:delete", obj("spare.pk")),
                admin_only(admin=redirect_to("/admin/users/", exact=True)),
                method="post",
                effect=changed_only_for(("admin",), spare_deleted, "deleting a person"),
            ),
        ),
        why="people's accounts: administrators only",
    ),
    Rule(
        "groups",
        ("admin/groups/*",),
        (
            Probe("/admin/groups/", admin_only()),
            Probe(url("wagtailusers_groups:edit", obj("group.pk")), admin_only()),
        ),
    ),
]


def lesson_admin(suffix):
    return lambda world: f"/admin/pages/{world.lesson.pk}/{suffix}"


def lesson_exists_with_progress(world, role):
    return LessonProgress.objects.filter(
        lesson_id=world.lesson.pk, user=world.users[OWNER]
    ).exists()


ANY_ADMIN_USER = admin_view(trainer=OK, hr=OK)
# An admin chooser answers every admin user, listing only what they may choose.
CHOOSER = admin_view(trainer=OK, hr=OK)


WAGTAIL_RULES = [
    Rule("admin-home", ("admin/",), (Probe("/admin/", ANY_ADMIN_USER),)),
    Rule(
        "admin-test404",
        ("admin/test404/",),
        (Probe("/admin/test404/", ANY_ADMIN_USER),),
        why="Wagtail's preview of its 404 template",
    ),
    Rule(
        "admin-failwhale",
        ("admin/failwhale/",),
        (
            Probe(
                "/admin/failwhale/",
                admin_view(trainer=SERVER_ERROR, hr=SERVER_ERROR, admin=SERVER_ERROR),
            ),
        ),
        why="Wagtail's deliberate error page, behind the admin gate",
    ),
    Rule(
        "admin-api",
        ("admin/api/*",),
        (
            Probe("/admin/api/main/pages/", ANY_ADMIN_USER),
            Probe(
                lambda world: f"/admin/api/main/pages/{world.lesson.pk}/",
                trainer_view(denied=NOT_FOUND),
            ),
            Probe("/admin/api/main/documents/", ANY_ADMIN_USER),
        ),
        why="the admin's JSON API: pages are given in detail to their editors only",
    ),
    Rule(
        "admin-bulk-actions",
        ("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",),
        (
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.spare.pk}",
                admin_only(),
            ),
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.spare.pk}",
                admin_only(admin=redirect_to("/admin/")),
                method="post",
                effect=changed_only_for(("admin",), spare_deleted, "deleting a person in bulk"),
            ),
            Probe(
                lambda world: f"/admin/bulk/learners/user/delete/?id={world.users['trainee_a'].pk}",
                admin_only(admin=redirect_to("/admin/")),
                method="post",
                effect=nothing_changed(a_deleted, "deleting a person with records in bulk"),
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/delete/?id={world.lesson.pk}",
                admin_view(
                    trainer=redirect_to("/admin/"),
                    hr=redirect_to("/admin/"),
                    admin=redirect_to("/admin/"),
                ),
                method="post",
                effect=nothing_changed(
                    lambda world, role: not lesson_exists_with_progress(world, role),
                    "deleting a lesson with progress in bulk",
                ),
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/unpublish/?id={world.lesson.pk}",
                ANY_ADMIN_USER,
                note="the confirmation lists what the user may not unpublish",
            ),
            Probe(
                lambda world: f"/admin/bulk/wagtailcore/page/unpublish/?id={world.lesson.pk}",
                admin_view(
                    trainer=redirect_to("/admin/"),
                    hr=redirect_to("/admin/"),
                    admin=redirect_to("/admin/"),
                ),
                method="post",
                effect=changed_only_for(
                    ("trainer", "admin"),
                    lambda world, role: not Page.objects.get(pk=world.lesson.pk).live,
                    "unpublishing a lesson in bulk",
                ),
            ),
        ),
    ),
    Rule(
        "pages-explorer",
        (
            "admin/pages/",
            "admin/pages/<int:parent_page_id>/",
            "admin/pages/<int:parent_page_id>/results/",
        ),
        (
            Probe(
                "/admin/pages/",
                trainer_view(
                    allowed=redirect_to(lambda world: f"/admin/pages/{world.home.pk}/", exact=True),
                    admin=OK,
                ),
                note="a trainer starts at the site's home page, where the permissions are",
            ),
            Probe(lambda world: f"/admin/pages/{world.module.pk}/", trainer_view()),
            Probe(lambda world: f"/admin/pages/{world.module.pk}/results/", trainer_view()),
        ),
        why="trainers write the course pages; HR officers have no page permission",
    ),
    Rule(
        "pages-editing",
        ("admin/pages/*",),
        (
            Probe(lesson_admin("edit/"), trainer_view()),
            Probe(lesson_admin("history/"), trainer_view()),
            Probe(lesson_admin("unpublish/"), trainer_view()),
            Probe(lesson_admin("privacy/"), trainer_view()),
            Probe(
                lambda world: f"/admin/pages/add/courses/lessonpage/{world.module.pk}/",
                trainer_view(),
            ),
            Probe("/admin/pages/search/?q=ma", trainer_view()),
        ),
        why="Wagtail's page editing: trainers (page permissions on the site) and the admin",
    ),
    Rule(
        "slide-import",
        ("admin/lessons/<int:lesson_id>/import-slides/",),
        (
            Probe(lambda world: f"/admin/lessons/{world.lesson.pk}/import-slides/", trainer_view()),
            Probe(
                lambda world: f"/admin/lessons/{world.module.pk}/import-slides/",
                trainer_view(allowed=NOT_FOUND, denied=NOT_FOUND),
                note="a module is not a lesson (ids of pages are not secret)",
            ),
        ),
        why="turning a lecture PDF into a lesson's slide deck: the lesson's editors",
    ),
    Rule(
        "page-delete",
        ("admin/pages/<int:page_id>/delete/",),
        (
            Probe(
                lesson_admin("delete/"),
                trainer_view(allowed=BACK_TO_MODULE),
                note="a lesson with progress: refused for everyone, with the reason",
            ),
            Probe(
                lesson_admin("delete/"),
                trainer_view(allowed=BACK_TO_MODULE),
                method="post",
                effect=nothing_changed(
                    lambda world, role: not lesson_exists_with_progress(world, role),
                    "deleting a lesson and, with it, every trainee's progress on it",
                ),
            ),
            Probe(
                lambda world: f"/admin/pages/{world.quiz.pk}/delete/",
                trainer_view(allowed=BACK_TO_MODULE),
                method="post",
                effect=nothing_changed(
                    lambda world, role: not Attempt.objects.filter(quiz_id=world.quiz.pk).exists(),
                    "deleting a quiz and, with it, every trainee's attempts",
                ),
            ),
            Probe(
                lambda world: f"/admin/pages/{world.draft.pk}/delete/",
                trainer_view(),
                note="a draft lesson nobody has studied: trainers may delete it",
            ),
            Probe(
                lambda world: f"/admin/pages/{world.draft.pk}/delete/",
                trainer_view(allowed=BACK_TO_MODULE),
                method="post",
                effect=changed_only_for(
                    ("trainer", "admin"),
                    lambda world, role: not Page.objects.filter(pk=world.draft.pk).exists(),
                    "deleting a draft lesson without records",
                ),
            ),
        ),
        why="a page that holds trainees' progress, attempts or certificates is never deleted "
        "(unpublish it instead); one without records may be deleted by its editors",
    ),
    Rule(
        "page-chooser",
        (
            "admin/choose-page/*",
            "admin/choose-external-link/",
            "admin/choose-email-link/",
            "admin/choose-phone-link/",
            "admin/choose-anchor-link/",
        ),
        (
            Probe("/admin/choose-page/", CHOOSER),
            Probe(lambda world: f"/admin/choose-page/{world.module.pk}/", CHOOSER),
            Probe("/admin/choose-external-link/", CHOOSER),
        ),
        why="public page titles for link choosers in any rich text field",
    ),
    Rule(
        "tag-autocomplete",
        ("admin/tag-autocomplete/*",),
        (
            Probe("/admin/tag-autocomplete/?term=ma", ANY_ADMIN_USER),
            Probe("/admin/tag-autocomplete/taggit/tag/?term=ma", ANY_ADMIN_USER),
        ),
    ),
    Rule(
        "collections",
        ("admin/collections/*",),
        (
            Probe("/admin/collections/", admin_only()),
            Probe(url("wagtailadmin_collections:edit", obj("collection.pk")), admin_only()),
            Probe(url("wagtailadmin_collections:set_privacy", obj("collection.pk")), admin_only()),
        ),
    ),
    Rule(
        "workflows",
        ("admin/workflows/*",),
        (
            Probe("/admin/workflows/list/", admin_only()),
            Probe(url("wagtailadmin_workflows:edit", obj("workflow.pk")), admin_only()),
            Probe("/admin/workflows/task_chooser/", CHOOSER),
        ),
    ),
    Rule(
        "wagtail-reports",
        (
            "admin/reports/locked/*",
            "admin/reports/workflow/*",
            "admin/reports/workflow_tasks/*",
            "admin/reports/aging-pages/*",
            "admin/reports/page-types-usage/*",
        ),
        (
            Probe("/admin/reports/locked/", trainer_view()),
            Probe("/admin/reports/workflow/", trainer_view()),
            Probe("/admin/reports/aging-pages/", trainer_view()),
        ),
        why="Wagtail's page reports: for page editors",
    ),
    Rule(
        "site-history",
        ("admin/reports/site-history/*",),
        (
            Probe(
                "/admin/reports/site-history/",
                ANY_ADMIN_USER,
                check=hides(
                    A_NAME,
                    obj("certificate_revoked.number"),
                    REVOKE_REASON,
                    roles=("trainer", "hr_other"),
                ),
            ),
            Probe(
                "/admin/reports/site-history/results/?export=csv",
                ANY_ADMIN_USER,
                check=hides(
                    A_NAME,
                    obj("certificate_revoked.number"),
                    REVOKE_REASON,
                    roles=("trainer", "hr_other"),
                ),
            ),
        ),
        why="the audit log: entries about people only inside the viewer's HR scope",
    ),
    Rule("admin-account", ("admin/account/",), (Probe("/admin/account/", ANY_ADMIN_USER),)),
    Rule(
        "admin-logout",
        ("admin/logout/",),
        (
            Probe(
                "/admin/logout/",
                admin_view(trainer=NOT_ALLOWED, hr=NOT_ALLOWED, admin=NOT_ALLOWED),
            ),
            Probe(
                "/admin/logout/",
                admin_view(
                    trainer=redirect_to("/admin/login/"),
                    hr=redirect_to("/admin/login/"),
                    admin=redirect_to("/admin/login/"),
                ),
                method="post",
                check=lambda seen: (
                    seen.role in ("anonymous", "trainee_a", "trainee_b") or signed_out(seen)
                ),
            ),
        ),
    ),
    Rule(
        "admin-dismissibles",
        ("admin/dismissibles/",),
        (Probe("/admin/dismissibles/", ANY_ADMIN_USER),),
    ),
    Rule(
        "editing-sessions",
        ("admin/editing-sessions/*",),
        (
            Probe(
                lambda world: f"/admin/editing-sessions/ping/wagtailcore/page/{world.lesson.pk}/0/",
                trainer_view(denied=NOT_FOUND),
                method="post",
            ),
            Probe("/admin/editing-sessions/release/999999/", ANY_ADMIN_USER, method="post"),
        ),
    ),
    Rule(
        "block-preview",
        ("admin/block-preview/",),
        (Probe("/admin/block-preview/", ADMIN_GATE_404, note="404 without a block id"),),
    ),
    Rule(
        "form-submissions",
        ("admin/forms/*",),
        (
            Probe("/admin/forms/", trainer_view()),
            Probe(
                lambda world: f"/admin/forms/submissions/{world.lesson.pk}/",
                ADMIN_GATE_404,
                note="the site has no form pages: a lesson is not one",
            ),
        ),
    ),
    Rule(
        "redirects",
        ("admin/redirects/*",),
        (
            Probe("/admin/redirects/", admin_only()),
            Probe(url("wagtailredirects:edit", obj("redirect.pk")), admin_only()),
            Probe("/admin/redirects/import/", admin_only()),
        ),
    ),
    Rule(
        "site-settings",
        ("admin/settings/*",),
        (Probe(url("wagtailsettings:edit", "home", "sitesettings", obj("site.pk")), admin_only()),),
    ),
    Rule("embeds", ("admin/embeds/*",), (Probe("/admin/embeds/chooser/", CHOOSER),)),
    Rule(
        "snippets-index",
        ("admin/snippets/",),
        (
            Probe(
                "/admin/snippets/",
                admin_view(trainer=ADMIN_DENIED, hr=ADMIN_DENIED, admin=ADMIN_DENIED),
                note="every snippet has its own menu item, so the index lists nothing",
            ),
        ),
    ),
    Rule(
        "documents-admin",
        ("admin/documents/*",),
        (
            Probe("/admin/documents/", trainer_view()),
            Probe(url("wagtaildocs:edit", obj("document.pk")), trainer_view()),
            Probe(
                "/admin/documents/chooser/",
                CHOOSER,
                check=hides("Tài liệu ma trận", roles=("hr_other", "hr_province")),
            ),
        ),
    ),
    Rule(
        "images-admin",
        ("admin/images/*",),
        (
            Probe("/admin/images/", trainer_view()),
            Probe(url("wagtailimages:edit", obj("image.pk")), trainer_view()),
            Probe(
                "/admin/images/chooser/",
                CHOOSER,
                check=hides("Ảnh trang chiếu ma trận", roles=("hr_other", "hr_province")),
            ),
        ),
    ),
    Rule(
        "trainer-snippets",
        ("admin/snippets/courses/trainer/*", "admin/snippets/choose/courses/trainer/*"),
        (
            Probe("/admin/snippets/courses/trainer/", trainer_view()),
            Probe(
                url("wagtailsnippets_courses_trainer:edit", obj("trainer_snippet.pk")),
                trainer_view(),
            ),
            Probe(
                url("wagtailsnippets_courses_trainer:delete", obj("trainer_snippet.pk")),
                admin_only(),
                note="trainers may add and change lecturers, not delete them",
            ),
            Probe("/admin/snippets/choose/courses/trainer/", CHOOSER),
        ),
    ),
    Rule(
        "question-snippets",
        ("admin/snippets/quizzes/*", "admin/snippets/choose/quizzes/*"),
        (
            Probe("/admin/snippets/quizzes/question/", trainer_view()),
            Probe(url("wagtailsnippets_quizzes_question:edit", obj("question.pk")), trainer_view()),
            Probe(
                url("wagtailsnippets_quizzes_question:delete", obj("question.pk")), trainer_view()
            ),
            Probe("/admin/snippets/choose/quizzes/question/", CHOOSER),
        ),
        why="the question pool: trainers write it; HR officers (who also take quizzes) may not",
    ),
    Rule(
        "sites",
        ("admin/sites/*",),
        (
            Probe("/admin/sites/", admin_only()),
            Probe(url("wagtailsites:edit", obj("site.pk")), admin_only()),
        ),
    ),
    Rule(
        "admin-public",
        ("admin/sprite/", "admin/login/", "admin/password_reset/*", "admin/jsi18n/"),
        (
            Probe("/admin/sprite/", everyone(OK)),
            Probe(
                "/admin/login/",
                {
                    **everyone(redirect_to("/admin/", exact=True)),
                    "anonymous": OK,
                    "trainee_a": OK,
                    "trainee_b": OK,
                },
            ),
            Probe("/admin/password_reset/", everyone(OK)),
            Probe("/admin/jsi18n/", everyone(OK)),
        ),
        why="outside the admin gate: the sign-in page and its assets",
    ),
    Rule(
        "admin-catch-all",
        ("admin/.*/$",),
        (Probe("/admin/khong-co-trang-nay/", ADMIN_GATE_404),),
    ),
]


RULES = [*SITE_RULES, *PAGE_RULES, *PROJECT_ADMIN_RULES, *WAGTAIL_RULES]
ROUTES = all_routes()


# The tests --------------------------------------------------------------------------------------


class Seen:
    """What a check gets: the world, the role, the response and the client."""

    def __init__(self, world, role, response, client):
        self.world, self.role, self.response, self.client = world, role, response, client

    @property
    def text(self):
        if not hasattr(self, "_text"):
            self._text = text(self.response)
        return self._text


def _case(rule, role):
    marks = ()
    if role in rule.bugs:
        marks = (pytest.mark.xfail(strict=True, reason=f"BUG: {rule.bugs[role]}"),)
    return pytest.param(rule, role, id=f"{rule.id}-{role}", marks=marks)


def _run(world, role, probe):
    """One probe as one role, in a savepoint that is rolled back: its problems, if any.

    The role's session was made once for the module; each probe starts from its cookie alone
    and an empty cache, so a probe that signs out, or leaves a message or an import plan in the
    session, changes nothing for the next one (the database side is rolled back)."""
    address = value(probe.url, world)
    label = f"{probe.method.upper()} {address}"
    cache.clear()
    client = Client(raise_request_exception=False)
    if role in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    data = value(probe.data, world) if probe.data is not None else None
    if isinstance(data, dict):
        data = {k: v.format(role=role) if isinstance(v, str) else v for k, v in data.items()}
    kwargs = {"headers": probe.headers} if probe.headers else {}
    problems = []
    with transaction.atomic():
        response = getattr(client, probe.method)(address, data, **kwargs)
        seen = Seen(world, role, response, client)
        status_problems = probe.expect[role].problems(response, world)
        problems += status_problems
        checks = [probe.effect] + ([probe.check] if not status_problems else [])
        for check in filter(None, checks):
            try:
                check(seen)
            except AssertionError as error:
                problems.append(str(error))
        transaction.set_rollback(True)
    return [f"{label}: {problem}" for problem in problems]


@pytest.mark.parametrize(("rule", "role"), [_case(r, role) for r in RULES for role in ROLES])
def test_access(world, db, rule, role):
    problems = []
    for probe in rule.probes:
        problems += _run(world, role, probe)
    why = f" ({rule.why})" if rule.why else ""
    assert not problems, f"{rule.id}{why} as {role}:\n  " + "\n  ".join(problems)


def test_probes_request_the_routes_of_their_rule(world, db):
    """Each probe's URL resolves to a route its rule covers: a rule tests what it claims."""
    wrong = []
    for rule in RULES:
        for probe in rule.probes:
            if probe.route is None:
                continue
            address = value(probe.url, world)
            route = route_of(address)
            if not rule.covers(route):
                wrong.append(f"{rule.id}: {address} resolves to {route!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("route", ROUTES)
def test_route_has_a_rule(route):
    """A URL added without a rule in RULES fails here, by name."""
    covering = [rule.id for rule in RULES if rule.covers(route)]
    assert covering, (
        f"No permission rule covers the route {route!r}. Add a Rule to RULES in "
        "tests/test_permission_matrix.py with a probe and the expected answer for every role."
    )


def test_every_rule_matches_a_route():
    """A rule left behind for a URL that was renamed or removed is a rule that tests nothing."""
    stale = [
        (rule.id, pattern)
        for rule in RULES
        for pattern in rule.routes
        if not any(Rule("x", (pattern,), ()).covers(route) for route in ROUTES)
    ]
    assert not stale, f"Rules for routes that no longer exist: {stale}"


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
