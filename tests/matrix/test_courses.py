"""The permission matrix, courses: tags, the learner's dashboard and transcript, lesson progress,
certificates (download, verification and their admin), the course pages, assignments, the slide
import, deleting a page with records, and the lecturer snippets."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from courses.models import Assignment, Certificate, Enrolment, LessonProgress, SlideImport
from quizzes.models import Attempt
from tests.matrix.checks import (
    CHOOSER,
    OWNER,
    OWNER_ONLY,
    PAGE_LOGIN,
    RECORDS,
    SIGNED_IN,
    changed_only_for,
    hides,
    is_pdf,
    lesson_admin,
    lesson_exists_with_progress,
    nothing_changed,
    obj,
    page_url,
    scoped,
    url,
)
from tests.matrix.core import (
    ADMIN_DENIED,
    BAD_REQUEST,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    UNAUTHORISED,
    Probe,
    Rule,
    admin_only,
    admin_view,
    everyone,
    redirect_to,
    signed_in,
    trainer_view,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_CODE,
    A_NAME,
    DISTRICT_1,
    DISTRICT_2,
)


def slide_import_url(world, lesson_name, suffix=""):
    """The status page of a slide import on world.lesson, under the lesson ``lesson_name``."""
    job, _created = SlideImport.objects.get_or_create(
        lesson_id=world.lesson.pk,
        title="Ma trận",
        defaults={"status": "ready", "pages_done": 3, "pages_total": 3},
    )
    lesson = getattr(world, lesson_name)
    return f"/admin/lessons/{lesson.pk}/import-slides/{job.pk}/{suffix}"


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


def certificate_revoked(world, role):
    return Certificate.objects.get(pk=world.certificate.pk).revoked_at is not None


def certificate_reissued(world, role):
    return Certificate.objects.filter(
        user=world.users[OWNER], course=world.course_2, revoked_at__isnull=True
    ).exists()


def a_enrolled_in_private(world, role):
    return Enrolment.objects.filter(user=world.users[OWNER], course=world.private).exists()


def new_assignment(world, role):
    return Assignment.objects.filter(course=world.private).exists()


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


# Giving a course: the other district's HR officer gets the form back with the error.
ASSIGNED = admin_view(
    trainer=FORBIDDEN,
    hr=redirect_to("/admin/assignments/", exact=True),
    hr_other=OK,
    admin=redirect_to("/admin/assignments/", exact=True),
)


BACK_TO_MODULE = redirect_to(lambda world: f"/admin/pages/{world.module.pk}/", exact=True)


BACK_TO_CERTIFICATE = redirect_to(url("certificates:detail", obj("certificate.pk")), exact=True)


RULES = [
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
        "slide-import-status",
        (
            "admin/lessons/<int:lesson_id>/import-slides/<int:import_id>/",
            "admin/lessons/<int:lesson_id>/import-slides/<int:import_id>/status.json",
        ),
        (
            Probe(lambda world: slide_import_url(world, "lesson"), trainer_view()),
            Probe(lambda world: slide_import_url(world, "lesson", "status.json"), trainer_view()),
            Probe(
                lambda world: slide_import_url(world, "other_lesson"),
                trainer_view(allowed=NOT_FOUND),
                note="the job of another lesson: not found under this one",
            ),
        ),
        why="where a PDF import stands (queued, rendering, ready, failed): the lesson's editors",
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
]


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
