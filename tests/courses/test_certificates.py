"""Giấy chứng nhận: issued once on course completion with its printed fields frozen, printed as a
PDF, downloadable by its owner and HR in scope, verifiable by anyone, revocable by HR in scope."""

import logging
import re
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses import certificates, services
from courses.certificate_pdf import certificate_pdf
from courses.models import Certificate, Enrolment
from home.formatting import format_decimal
from learners.roles import HR_GROUP
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.courses.test_progress import run_together, skip_on_sqlite
from tests.learners.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.districts]

COMPLETED = datetime(2017, 8, 15, 3, 0, tzinfo=UTC)  # 10:00 on 15/08/2017 in Việt Nam
REVOKED = datetime(2018, 1, 20, 2, 0, tzinfo=UTC)
VIETNAMESE_NAME = "Nguyễn Thị Phượng Hằng"
CODE_PATTERN = re.compile(r"^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$")


@contextmanager
def clock(moment):
    """Freeze ``timezone.now()`` (services and auto_now_add fields both read it)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


@pytest.fixture
def trainee(tree):
    return UserFactory(full_name=VIETNAMESE_NAME, employee_code="CC000123", agency=tree["office"])


def hr_officer(agency):
    """A Cán bộ tổ chức (the group and its permissions come from the migrations)."""
    officer = UserFactory(agency=agency)
    officer.groups.add(Group.objects.get(name=HR_GROUP))
    return officer


def signed_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def build_course(*, lessons=2, **fields):
    course = CoursePageFactory(
        title=fields.pop("title", "Tập huấn cải cách hành chính năm 2017"),
        estimated_hours=fields.pop("estimated_hours", Decimal("12.5")),
        **fields,
    )
    module = ModulePageFactory(parent=course)
    return course, [LessonPageFactory(parent=module) for _ in range(lessons)]


def complete_course(user, course, lessons):
    for lesson in lessons:
        services.lesson_complete(user=user, lesson=lesson, course=course)


@pytest.fixture
def certificate(trainee):
    course, lessons = build_course()
    with clock(COMPLETED):
        complete_course(trainee, course, lessons)
    return Certificate.objects.get(user=trainee, course=course)


def revoke(certificate, *, reason="Hồ sơ học tập không trung thực."):
    officer = UserFactory(is_superuser=True)
    with clock(REVOKED):
        return certificates.certificate_revoke(certificate=certificate, by=officer, reason=reason)


def download_url(certificate):
    return reverse("certificate_download", args=[certificate.number])


def verify_url(code):
    return reverse("certificate_verify_code", args=[code])


def admin_url(name, certificate=None):
    return reverse(f"certificates:{name}", args=[certificate.pk] if certificate else [])


# Issue -----------------------------------------------------------------------------------------


def test_urls_are_where_the_qr_code_and_the_dashboard_point():
    assert reverse("certificate_download", args=["CCHC-2017-000123"]) == (
        "/giay-chung-nhan/CCHC-2017-000123.pdf"
    )
    assert reverse("certificate_verify") == "/xac-thuc/"
    assert verify_url("K7QX-M2PA-9RTD") == "/xac-thuc/K7QX-M2PA-9RTD/"
    assert reverse("certificate_for_course", args=[7]) == "/giay-chung-nhan/khoa-hoc/7/"


def test_completing_the_last_lesson_issues_one_certificate_with_the_printed_fields(trainee):
    course, (first, last) = build_course()

    with clock(COMPLETED):
        services.lesson_complete(user=trainee, lesson=first, course=course)
        assert not Certificate.objects.exists()
        services.lesson_complete(user=trainee, lesson=last, course=course)

    certificate = Certificate.objects.get()
    assert (certificate.user, certificate.course_id) == (trainee, course.pk)
    assert certificate.full_name == VIETNAMESE_NAME
    assert certificate.employee_code == "CC000123"
    assert certificate.agency_name == "Phòng Tổ chức – Sở Nội vụ"
    assert certificate.course_title == "Tập huấn cải cách hành chính năm 2017"
    assert certificate.hours == Decimal("12.5")
    assert certificate.completed_at == COMPLETED
    assert certificate.completed_at == Enrolment.objects.get(user=trainee).completed_at
    assert certificate.number == f"CCHC-2017-{certificate.pk:06d}"
    assert CODE_PATTERN.match(certificate.code)
    assert certificate.is_valid


def test_completing_again_keeps_one_certificate_and_its_fields_after_rename_and_move(trainee, tree):
    course, lessons = build_course()
    with clock(COMPLETED):
        complete_course(trainee, course, lessons)
    before = Certificate.objects.values().get()

    course.title = "Khóa học đã đổi tên"
    course.estimated_hours = Decimal("3")
    course.save()
    trainee.full_name = "Nguyễn Thị Hằng"
    trainee.employee_code = "CC999999"
    trainee.agency = tree["district_b"]
    trainee.save()
    complete_course(trainee, course, lessons)
    services.course_refresh_completion(user=trainee, course=course)

    assert list(Certificate.objects.values()) == [before]


def test_issue_returns_the_valid_certificate_it_already_has(trainee):
    course, _lessons = build_course()

    first = certificates.certificate_issue(user=trainee, course=course, completed_at=COMPLETED)
    second = certificates.certificate_issue(user=trainee, course=course, completed_at=REVOKED)

    assert second.pk == first.pk
    assert Certificate.objects.count() == 1


def test_the_number_carries_the_year_of_completion_in_vietnam_time(trainee):
    course, _lessons = build_course()
    new_years_eve_utc = datetime(2017, 12, 31, 18, 0, tzinfo=UTC)  # 01:00 on 01/01/2018

    certificate = certificates.certificate_issue(
        user=trainee, course=course, completed_at=new_years_eve_utc
    )

    assert certificate.number.startswith("CCHC-2018-")


def test_a_person_without_an_agency_gets_a_certificate_without_one(db):
    person = UserFactory(employee_code="")
    course, lessons = build_course()

    complete_course(person, course, lessons)

    certificate = Certificate.objects.get(user=person)
    assert (certificate.agency_name, certificate.employee_code) == ("", "")


def test_codes_are_random_in_the_unambiguous_alphabet():
    codes = {certificates._new_code() for _ in range(500)}

    assert len(codes) == 500
    assert all(CODE_PATTERN.match(code) for code in codes)
    assert not set("".join(codes)) & set("01OI")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("K7QX-M2PA-9RTD", "K7QX-M2PA-9RTD"),
        ("k7qx-m2pa-9rtd", "K7QX-M2PA-9RTD"),
        ("K7QXM2PA9RTD", "K7QX-M2PA-9RTD"),
        (" k7qx m2pa 9rtd ", "K7QX-M2PA-9RTD"),
        ("K7QX-M2PA", ""),
        ("K7QX-M2PA-9RTD-22", ""),
        ("K7QX-M2PA-9RT0", ""),  # 0 is never used
        ("", ""),
    ],
)
def test_code_normalisation(typed, stored):
    assert certificates.certificate_code_normalise(typed) == stored


@pytest.mark.parametrize(
    ("code", "masked"),
    [("CC000123", "*****123"), ("123", "***"), ("7", "*"), ("", "")],
)
def test_employee_code_is_masked_but_for_the_last_three_characters(code, masked):
    assert certificates.employee_code_mask(code) == masked


@skip_on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_issues_give_one_certificate():
    person = UserFactory()
    for _round in range(5):  # a race is not lost every time: try it on several courses
        course, _lessons = build_course()

        results = run_together(
            *[
                lambda course=course: certificates.certificate_issue(
                    user=person, course=course, completed_at=COMPLETED
                )
            ]
            * 2
        )

        assert results[0].pk == results[1].pk
        assert Certificate.objects.filter(user=person, course=course).count() == 1


# PDF -------------------------------------------------------------------------------------------


def test_pdf_of_a_vietnamese_name_embeds_the_font_and_misses_no_glyph(certificate, caplog):
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        pdf = certificate_pdf(certificate)

    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
    assert b"BeVietnamPro" in pdf
    assert not [r for r in caplog.records if "missing" in r.getMessage()], caplog.text


def test_pdf_of_a_revoked_certificate_is_still_a_pdf(certificate):
    assert certificate_pdf(revoke(certificate)).startswith(b"%PDF")


def test_the_qr_code_points_at_the_absolute_verification_address(certificate, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://hoctap.snv.quangnam.gov.vn/"

    assert certificates.certificate_verify_url(certificate) == (
        f"https://hoctap.snv.quangnam.gov.vn/xac-thuc/{certificate.code}/"
    )


@pytest.mark.parametrize(
    ("hours", "shown"), [(Decimal("4.0"), "4"), (Decimal("12.5"), "12,5"), (Decimal(40), "40")]
)
def test_hours_are_written_the_vietnamese_way(hours, shown):
    assert format_decimal(hours) == shown


# Download --------------------------------------------------------------------------------------


def test_owner_downloads_the_pdf(certificate, trainee):
    response = signed_in(trainee).get(download_url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"giay-chung-nhan-{certificate.number}.pdf" in response["Content-Disposition"]
    assert "private" in response["Cache-Control"]


def test_hr_of_the_persons_agency_tree_and_superusers_download_it(certificate, tree):
    for user in [hr_officer(tree["province"]), UserFactory(is_superuser=True)]:
        assert signed_in(user).get(download_url(certificate)).status_code == 200


def test_hr_of_the_persons_district_downloads_it(tree):
    person = UserFactory(agency=tree["office_a"])
    course, lessons = build_course()
    complete_course(person, course, lessons)
    certificate = Certificate.objects.get(user=person)

    assert signed_in(hr_officer(tree["district_a"])).get(download_url(certificate)).status_code == (
        200
    )
    assert signed_in(hr_officer(tree["district_b"])).get(download_url(certificate)).status_code == (
        404
    )


def test_anyone_else_gets_the_same_404_as_for_a_missing_number(certificate, tree):
    for user in [UserFactory(agency=tree["office"]), hr_officer(tree["district_b"])]:
        assert signed_in(user).get(download_url(certificate)).status_code == 404
    missing = reverse("certificate_download", args=["CCHC-2017-999999"])
    assert signed_in(UserFactory()).get(missing).status_code == 404


def test_anonymous_download_goes_to_sign_in(certificate):
    response = signed_in(None).get(download_url(certificate))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/giay-chung-nhan/")


def test_a_revoked_certificate_is_refused_to_its_owner_with_the_reason(certificate, trainee):
    revoke(certificate)

    response = signed_in(trainee).get(download_url(certificate))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "Giấy chứng nhận này đã bị thu hồi ngày 20/01/2018." in text
    assert "Hồ sơ học tập không trung thực." in text


def test_hr_in_scope_still_gets_a_revoked_certificate(certificate, tree):
    revoke(certificate)

    response = signed_in(hr_officer(tree["province"])).get(download_url(certificate))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_dashboard_links_a_completed_course_to_its_certificate(certificate, trainee):
    client = signed_in(trainee)
    link = reverse("certificate_for_course", args=[certificate.course_id])

    assert link in client.get(reverse("dashboard")).content.decode()
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == download_url(certificate)


def test_course_link_without_a_certificate_says_how_to_get_one(trainee):
    course, _lessons = build_course()

    response = signed_in(trainee).get(reverse("certificate_for_course", args=[course.pk]))

    assert response.status_code == 404
    assert "Chưa có giấy chứng nhận cho khóa học này." in response.content.decode()


def test_course_link_to_a_revoked_certificate_says_it_was_revoked(certificate, trainee):
    revoke(certificate)

    response = signed_in(trainee).get(
        reverse("certificate_for_course", args=[certificate.course_id])
    )

    assert response.status_code == 404
    assert "đã bị thu hồi ngày 20/01/2018" in response.content.decode()


# Verification ----------------------------------------------------------------------------------


def test_valid_code_shows_what_the_certificate_says_with_the_employee_code_masked(
    client, certificate
):
    response = client.get(verify_url(certificate.code))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Giấy chứng nhận hợp lệ." in text
    for value in [
        VIETNAMESE_NAME,
        "Phòng Tổ chức – Sở Nội vụ",
        "Tập huấn cải cách hành chính năm 2017",
        "12,5 giờ",
        "15/08/2017",
        certificate.number,
        "*****123",
    ]:
        assert value in text, value
    assert "CC000123" not in text
    assert '<meta name="robots" content="noindex">' in text


@pytest.mark.parametrize(
    "typed", [str.lower, lambda code: code.replace("-", ""), lambda code: code.replace("-", " ")]
)
def test_code_is_found_whatever_the_case_dashes_and_spaces(client, certificate, typed):
    response = client.get(verify_url(typed(certificate.code)))

    assert response.status_code == 200
    assert certificate.number in response.content.decode()


def test_unknown_code_is_a_404_that_says_so(client, certificate):
    for code in ["ABCD-EFGH-JKLM", "not-a-code"]:
        response = client.get(verify_url(code))

        assert response.status_code == 404
        assert "Không tìm thấy giấy chứng nhận với mã này" in response.content.decode()


def test_revoked_code_says_when_and_why(client, certificate):
    revoke(certificate, reason="Cấp nhầm người.")

    response = client.get(verify_url(certificate.code))

    text = response.content.decode()
    assert "Giấy chứng nhận này đã bị thu hồi ngày 20/01/2018. Lý do: Cấp nhầm người." in text
    assert "Giấy chứng nhận hợp lệ." not in text


def test_verify_form_sends_the_code_to_its_page(client, certificate):
    response = client.get(reverse("certificate_verify"), {"code": certificate.code.lower()})

    assert response.status_code == 302
    assert response["Location"] == verify_url(certificate.code)


def test_verify_form_is_shown_empty_and_explains_a_malformed_code(client):
    empty = client.get(reverse("certificate_verify"))
    malformed = client.get(reverse("certificate_verify"), {"code": "123"})
    blank = client.get(reverse("certificate_verify"), {"code": "  "})

    assert empty.status_code == 200
    assert 'name="code"' in empty.content.decode()
    assert malformed.status_code == 400
    assert "Mã xác thực gồm 12 chữ cái và chữ số" in malformed.content.decode()
    assert blank.status_code == 400
    assert "Hãy nhập mã xác thực in trên giấy chứng nhận." in blank.content.decode()


# Admin: list, revoke, re-issue -----------------------------------------------------------------


@pytest.fixture
def two_districts(tree):
    """A certificate in each district."""
    issued = {}
    for district in ["office_a", "district_b"]:
        person = UserFactory(agency=tree[district])
        course, lessons = build_course()
        complete_course(person, course, lessons)
        issued[district] = Certificate.objects.get(user=person)
    return issued


def test_hr_lists_only_the_certificates_of_their_scope(tree, two_districts):
    response = signed_in(hr_officer(tree["district_a"])).get(admin_url("index"))

    assert response.status_code == 200
    text = response.content.decode()
    assert two_districts["office_a"].number in text
    assert two_districts["district_b"].number not in text


def test_superuser_lists_every_certificate(two_districts):
    text = signed_in(UserFactory(is_superuser=True)).get(admin_url("index")).content.decode()

    assert all(c.number in text for c in two_districts.values())


@pytest.mark.parametrize(
    "query",
    [
        lambda c: "hoa",
        lambda c: c.number,
        lambda c: c.code,
        lambda c: c.code.replace("-", "").lower(),
    ],
    ids=["name", "number", "code", "code-as-typed"],
)
def test_admin_search_by_name_number_and_code(tree, two_districts, query):
    wanted, other = two_districts["office_a"], two_districts["district_b"]
    Certificate.objects.filter(pk=wanted.pk).update(full_name="Phạm Thị Hoa")
    Certificate.objects.filter(pk=other.pk).update(full_name="Lê Văn Tám")
    wanted.refresh_from_db()

    response = signed_in(UserFactory(is_superuser=True)).get(
        admin_url("index"), {"q": query(wanted)}
    )

    text = response.content.decode()
    assert wanted.number in text
    assert other.number not in text


def test_list_and_record_outside_scope_are_closed(tree, two_districts):
    client = signed_in(hr_officer(tree["district_a"]))

    assert client.get(admin_url("detail", two_districts["district_b"])).status_code == 404
    trainee_client = signed_in(UserFactory(agency=tree["office_a"]))
    assert trainee_client.get(admin_url("index")).status_code == 302  # no admin access


def test_hr_in_scope_revokes_with_a_reason_and_it_is_audit_logged(tree, two_districts):
    certificate = two_districts["office_a"]
    officer = hr_officer(tree["district_a"])

    with clock(REVOKED):
        response = signed_in(officer).post(
            admin_url("revoke", certificate), {"reason": "  Cấp nhầm   người. "}
        )

    assert response.status_code == 302
    assert response["Location"] == admin_url("detail", certificate)
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_by, certificate.revoke_reason) == (
        REVOKED,
        officer,
        "Cấp nhầm người.",
    )
    entry = ModelLogEntry.objects.get(action=certificates.REVOKE_LOG_ACTION)
    assert (entry.object_id, entry.user_id, entry.data) == (
        str(certificate.pk),
        officer.pk,
        {"reason": "Cấp nhầm người."},
    )
    assert entry.label == certificate.number
    # The course stays completed.
    assert Enrolment.objects.get(user=certificate.user).completed_at is not None


def test_revoke_action_has_a_label_in_the_audit_log(tree, two_districts):
    revoke(two_districts["office_a"])

    response = signed_in(UserFactory(is_superuser=True)).get(
        reverse("wagtailadmin_reports:site_history")
    )

    assert response.status_code == 200
    assert "Thu hồi giấy chứng nhận" in response.content.decode()


def test_hr_of_another_district_is_refused_with_a_403_and_nothing_changes(tree, two_districts):
    certificate = two_districts["office_a"]

    response = signed_in(hr_officer(tree["district_b"])).post(
        admin_url("revoke", certificate), {"reason": "Không được phép."}
    )

    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.is_valid
    assert not ModelLogEntry.objects.filter(action=certificates.REVOKE_LOG_ACTION).exists()


def test_hr_without_the_change_permission_is_refused(tree, two_districts):
    officer = hr_officer(tree["district_a"])
    group = Group.objects.create(name="Chỉ xem")
    group.permissions.set(
        Group.objects.get(name=HR_GROUP).permissions.exclude(codename="change_certificate")
    )
    officer.groups.set([group])

    client = signed_in(officer)
    certificate = two_districts["office_a"]
    assert (
        admin_url("revoke", certificate)
        not in client.get(admin_url("detail", certificate)).content.decode()
    )
    assert client.post(admin_url("revoke", certificate), {"reason": "X"}).status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).is_valid


def test_revoking_needs_a_reason(tree, two_districts):
    certificate = two_districts["office_a"]

    response = signed_in(hr_officer(tree["district_a"])).post(
        admin_url("revoke", certificate), {"reason": "   "}
    )

    assert response.status_code == 400
    assert "Hãy ghi lý do thu hồi giấy chứng nhận." in response.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).is_valid
    assert not ModelLogEntry.objects.filter(action=certificates.REVOKE_LOG_ACTION).exists()


def test_an_already_revoked_certificate_cannot_be_revoked_again(tree, two_districts):
    certificate = revoke(two_districts["office_a"], reason="Lần đầu.")

    response = signed_in(hr_officer(tree["district_a"])).post(
        admin_url("revoke", certificate), {"reason": "Lần hai."}, follow=True
    )

    assert "Giấy chứng nhận này đã bị thu hồi trước đó." in response.content.decode()
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoke_reason) == (REVOKED, "Lần đầu.")
    assert ModelLogEntry.objects.filter(action=certificates.REVOKE_LOG_ACTION).count() == 1


def test_get_on_revoke_does_nothing(tree, two_districts):
    certificate = two_districts["office_a"]

    response = signed_in(hr_officer(tree["district_a"])).get(admin_url("revoke", certificate))

    assert response.status_code == 405
    assert Certificate.objects.get(pk=certificate.pk).is_valid


def test_revoke_without_csrf_token_is_refused(tree, two_districts):
    certificate = two_districts["office_a"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(hr_officer(tree["district_a"]))

    response = client.post(admin_url("revoke", certificate), {"reason": "Không có mã."})

    assert response.status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).is_valid


def test_reissue_gives_a_new_valid_certificate_after_revocation(tree, two_districts):
    old = revoke(two_districts["office_a"])
    officer = hr_officer(tree["district_a"])

    response = signed_in(officer).post(admin_url("reissue", old))

    new = Certificate.objects.get(user=old.user, revoked_at__isnull=True)
    assert response.status_code == 302
    assert response["Location"] == admin_url("detail", new)
    assert (new.number, new.code) != (old.number, old.code)
    assert new.completed_at == Enrolment.objects.get(user=old.user).completed_at
    assert not Certificate.objects.get(pk=old.pk).is_valid
    assert ModelLogEntry.objects.filter(
        action=certificates.REISSUE_LOG_ACTION, object_id=str(new.pk)
    ).exists()
    # The old record now points at its replacement instead of offering "Cấp lại" again.
    detail = signed_in(officer).get(admin_url("detail", old)).content.decode()
    assert new.number in detail


def test_a_valid_certificate_cannot_be_reissued(tree, two_districts):
    certificate = two_districts["office_a"]

    signed_in(hr_officer(tree["district_a"])).post(admin_url("reissue", certificate))

    assert Certificate.objects.filter(user=certificate.user).count() == 1
