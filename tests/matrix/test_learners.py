"""The permission matrix, learners: signing in and out, one's profile and password, the staff
import, the agency tree, people's accounts and groups."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from learners.models import ActivationCode, Agency, User
from tests.matrix.checks import (
    OWNER,
    RECORDS,
    a_deleted,
    changed_only_for,
    hides,
    is_pdf,
    nothing_changed,
    obj,
    signed_out,
    spare_deleted,
    still_signed_in,
    url,
)
from tests.matrix.core import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Probe,
    Rule,
    admin_only,
    admin_view,
    everyone,
    redirect_to,
    signed_in,
)
from tests.matrix.runner import assert_rule_holds, cases
from tests.matrix.world import (
    A_CODE,
    A_NAME,
    DISTRICT_1,
    PASSWORD,
)


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


def a_changed(world, role):
    a = User.objects.get(pk=world.users[OWNER].pk)
    return a.full_name != A_NAME or a.agency_id != world.agencies["district_1_office"].pk


A_ACCOUNT = redirect_to(url("wagtailusers_users:edit", obj("users.trainee_a.pk")), exact=True)


def district_1_renamed(world, role):
    return Agency.objects.get(pk=world.agencies["district_1"].pk).name != DISTRICT_1


def staff_file(world):
    """A staff list that renames trainee A (district 1) and moves A into district 2's office:
    the other district's HR may not take someone from outside their scope."""
    content = (
        "employee_code,full_name,email,agency_code,position\r\n"
        f"{A_CODE},{A_NAME} Đổi Tên,,MT-H2-NV,Chuyên viên\r\n"
    )
    return {"file": SimpleUploadedFile("danh-sach.csv", content.encode(), "text/csv")}


def a_code_issued(world, role):
    return ActivationCode.objects.filter(user=world.users[OWNER]).exists()


def a_password_changed(world, role):
    return not User.objects.get(pk=world.users[OWNER].pk).check_password(PASSWORD)


# Acting on trainee A (district 1): the province HR and the administrator; the other district's
# HR gets a 404 whatever the URL or the agency field says; trainers a 403.
ON_A = admin_view(trainer=FORBIDDEN, hr=OK, hr_other=NOT_FOUND)
ACTIVATION = "/admin/learners/activation/"
POST_ONLY = admin_view(trainer=FORBIDDEN, hr=NOT_ALLOWED, admin=NOT_ALLOWED)
SENT_BACK = admin_view(
    trainer=FORBIDDEN,
    hr=redirect_to(ACTIVATION),
    hr_other=NOT_FOUND,
    admin=redirect_to(ACTIVATION),
)


def district_1(world):
    return {"agency": world.agencies["district_1"].pk, "include_email": "1"}


RULES = [
    Rule(
        "activation",
        ("accounts/kich-hoat/", "accounts/kich-hoat/mat-khau/"),
        (
            Probe("/accounts/kich-hoat/", everyone(OK)),
            Probe(
                "/accounts/kich-hoat/",
                everyone(OK),
                method="post",
                data={"employee_code": A_CODE, "code": "ABCD-EFGH-JK"},
                effect=nothing_changed(a_password_changed, "a wrong activation code"),
                note="a wrong code: the neutral refusal, on the same page",
            ),
            Probe("/accounts/kich-hoat/mat-khau/", everyone(redirect_to("/accounts/kich-hoat/"))),
            Probe(
                "/accounts/kich-hoat/mat-khau/",
                everyone(redirect_to("/accounts/kich-hoat/")),
                method="post",
                data={"new_password1": "Moi-Hon-2026!", "new_password2": "Moi-Hon-2026!"},
                effect=nothing_changed(a_password_changed, "a password without a checked code"),
            ),
        ),
        why="public; the password step needs a code checked in the same session",
    ),
    Rule(
        "activation-link",
        ("accounts/kich-hoat/<uidb64>/<token>/",),
        (Probe("/accounts/kich-hoat/MQ/sai-ma-kich-hoat/", everyone(OK)),),
        why="public; a wrong link shows a page saying so",
    ),
    Rule(
        "activation-admin",
        ("admin/learners/activation/", "admin/learners/activation/agencies/"),
        (
            Probe(ACTIVATION, RECORDS, check=hides(A_NAME, roles=("hr_other",))),
            Probe(
                lambda world: f"{ACTIVATION}?agency={world.agencies['district_1'].pk}",
                admin_view(trainer=FORBIDDEN, hr=OK, hr_other=NOT_FOUND),
            ),
            Probe(
                f"{ACTIVATION}agencies/",
                RECORDS,
                check=hides("MT-H1-NV", roles=("hr_other",)),
            ),
        ),
        why="HR officers (their scope) and the administrator; a real 403 for trainers",
    ),
    Rule(
        "activation-codes",
        ("admin/learners/activation/codes/", "admin/learners/activation/codes/<int:user_id>/"),
        (
            Probe(f"{ACTIVATION}codes/", POST_ONLY),
            Probe(
                f"{ACTIVATION}codes/",
                SENT_BACK,
                method="post",
                data=district_1,
                effect=nothing_changed(a_code_issued, "a batch code for A, who has a password"),
                note="the agency field names district 1: the other district's HR gets a 404; "
                "for the others nobody there is waiting for a code (back to the list)",
            ),
            Probe(
                lambda world: f"{ACTIVATION}codes/{world.users[OWNER].pk}/",
                ON_A,
                method="post",
                check=is_pdf,
                effect=changed_only_for(("hr_province", "admin"), a_code_issued, "A's code"),
            ),
        ),
        why="issuing is a POST that answers with the sheet; only for people in scope",
    ),
    Rule(
        "activation-emails",
        ("admin/learners/activation/emails/", "admin/learners/activation/emails/<int:user_id>/"),
        (
            Probe(f"{ACTIVATION}emails/", POST_ONLY),
            Probe(
                f"{ACTIVATION}emails/",
                SENT_BACK,
                method="post",
                data=district_1,
            ),
            Probe(
                lambda world: f"{ACTIVATION}emails/{world.users[OWNER].pk}/",
                SENT_BACK,
                method="post",
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


@pytest.mark.parametrize(("rule", "role"), cases(RULES))
def test_access(world, db, rule, role):
    assert_rule_holds(world, rule, role)
