"""What the rules of the permission matrix are written with: probe builders (values read from the
world when the probe runs), checks of what a role may see and what a request may change, and the
expectations several apps' rules share."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from courses.models import LessonProgress
from learners.models import User
from tests.matrix.core import FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, admin_view, signed_in
from tests.matrix.world import A_CODE, A_NAME, B_NAME

OWNER = "trainee_a"
SIGNED_IN = tuple(role for role in ROLES if role != "anonymous")
NOT_OWNER = tuple(role for role in ROLES if role != OWNER)


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


def a_deleted(world, role):
    return not User.objects.filter(pk=world.users[OWNER].pk).exists()


def spare_deleted(world, role):
    return not User.objects.filter(pk=world.spare.pk).exists()


def lesson_admin(suffix):
    return lambda world: f"/admin/pages/{world.lesson.pk}/{suffix}"


def lesson_exists_with_progress(world, role):
    return LessonProgress.objects.filter(
        lesson_id=world.lesson.pk, user=world.users[OWNER]
    ).exists()


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
ANY_ADMIN_USER = admin_view(trainer=OK, hr=OK)
# An admin chooser answers every admin user, listing only what they may choose.
CHOOSER = admin_view(trainer=OK, hr=OK)
# Wagtail's page privacy sends people to the site's sign-in page (WAGTAIL_FRONTEND_LOGIN_URL).
PAGE_LOGIN = LOGIN
