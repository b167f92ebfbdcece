"""The staff import services: every row checked first, then all or nothing."""

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from learners.importing import (
    AGENCY_OUT_OF_SCOPE,
    AGENCY_UNKNOWN,
    CODE_INVALID,
    CSV_MALFORMED,
    DUPLICATE_CODE,
    DUPLICATE_COLUMN,
    EMAIL_INVALID,
    EMPTY_FILE,
    FILE_TOO_LARGE,
    FORMULA_REFUSED,
    IMPORT_LOG_ACTION,
    MAX_FILE_SIZE,
    MAX_ROWS,
    MISSING_COLUMNS,
    NO_AGENCY,
    NO_DATA_ROWS,
    NOT_UTF8,
    NOT_XLSX,
    OLD_EXCEL,
    PERSON_OUT_OF_SCOPE,
    PERSON_PROTECTED,
    PLAN_HAS_ERRORS,
    PLAN_STALE,
    TOO_MANY_ROWS,
    USERNAME_TAKEN,
    VALUE_MISSING,
    VALUE_TOO_LONG,
    XLSX_TOO_LARGE,
    Change,
    ImportPlan,
    RowError,
    staff_import_apply,
    staff_import_plan,
)
from learners.models import Agency, User
from learners.roles import HR_GROUP, TRAINEE_GROUP
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = ["employee_code", "full_name", "email", "agency_code", "position"]


def csv_upload(rows, *, header=HEADER, name="danh_sach.csv", encoding="utf-8", delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding))


def xlsx_upload(rows, *, header=HEADER, name="danh_sach.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def snapshot():
    """Everything an import could write: people, their groups, the audit log."""
    return (
        sorted(
            User.objects.values_list(
                "pk", "username", "employee_code", "full_name", "email", "agency_id", "position"
            )
        ),
        sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        ModelLogEntry.objects.filter(action=IMPORT_LOG_ACTION).count(),
    )


def messages(plan):
    return [(error.row, error.column, error.message) for error in plan.errors]


def assert_refused_and_nothing_written(plan, before):
    assert not plan.is_valid
    assert plan.creates == plan.updates == ()
    with pytest.raises(ValidationError) as refused:
        staff_import_apply(user=None, plan=plan)
    assert refused.value.messages == [str(PLAN_HAS_ERRORS)]
    assert snapshot() == before


@pytest.fixture
def districts(tree):
    """Two districts under the province, each with an office."""
    province = Agency.objects.get(pk=tree["province"].pk)
    AgencyFactory(
        code="HDS", name="UBND huyện Đông Sơn", kind=Agency.Kind.DISTRICT, parent=province
    )
    AgencyFactory(
        code="HTH",
        name="UBND huyện Tân Hòa",
        kind=Agency.Kind.DISTRICT,
        parent=Agency.objects.get(pk=province.pk),
    )
    for code, name, parent in [
        ("HDS-NV", "Phòng Nội vụ huyện Đông Sơn", "HDS"),
        ("HTH-NV", "Phòng Nội vụ huyện Tân Hòa", "HTH"),
    ]:
        AgencyFactory(
            code=code,
            name=name,
            kind=Agency.Kind.OFFICE,
            parent=Agency.objects.get(code=parent),
        )
    return {**tree, **{agency.code: agency for agency in Agency.objects.all()}}


@pytest.fixture
def officer(districts):
    """The HR officer of Đông Sơn district."""
    user = UserFactory(username="nhansu_huyen", agency=districts["HDS"], employee_code="HR0001")
    user.groups.add(Group.objects.get(name=HR_GROUP))
    return User.objects.get(pk=user.pk)


def test_creates_people_with_unusable_password_trainee_group_and_audit_log(tree):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [
                ["CC100001", "Nguyễn Văn An", "an.nv@snv.gov.vn", "SNV-TC", "Chuyên viên"],
                ["cc100002", "  Trần   Thị Bình ", "", "SNV", ""],
            ]
        ),
    )
    assert plan.is_valid, messages(plan)
    assert [(c.row, c.employee_code, c.full_name) for c in plan.creates] == [
        (2, "CC100001", "Nguyễn Văn An"),
        (3, "cc100002", "Trần Thị Bình"),
    ]
    assert plan.creates[0].agency_name == "Phòng Tổ chức (SNV-TC)"

    result = staff_import_apply(user=None, plan=plan)

    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert result.message == "Đã nhập 2 người mới, cập nhật 0 người."
    an = User.objects.get(employee_code="CC100001")
    assert (an.username, an.full_name, an.email, an.agency, an.position) == (
        "cc100001",
        "Nguyễn Văn An",
        "an.nv@snv.gov.vn",
        tree["office"],
        "Chuyên viên",
    )
    assert not an.has_usable_password()
    assert an.is_active and not an.is_staff and not an.is_superuser
    assert list(an.groups.values_list("name", flat=True)) == [TRAINEE_GROUP]
    assert User.objects.get(username="cc100002").email == ""
    # One audit entry for the import, filed under the province for an administrator.
    entry = ModelLogEntry.objects.get(action=IMPORT_LOG_ACTION)
    assert entry.object_id == str(tree["province"].pk)
    assert entry.user is None
    assert entry.data == {
        "file": "danh_sach.csv",
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "created_codes": ["CC100001", "cc100002"],
        "updated_codes": {},
    }
    assert entry.message == "Đã nhập 2 người mới, cập nhật 0 người từ tệp “danh_sach.csv”."
    assert str(entry.formatter.label) == "Nhập danh sách công chức"


def test_updates_by_employee_code_case_insensitively_instead_of_duplicating(tree, learner):
    count = User.objects.count()
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [["cc000123", "Nguyễn Văn Ân", "", "SNV", "Phó Trưởng phòng"]],
        ),
    )
    assert plan.creates == ()
    [update] = plan.updates
    assert update.person_id == learner.pk
    assert update.changes == (
        Change("full_name", "Nguyễn Văn An", "Nguyễn Văn Ân"),
        Change("agency", "Phòng Tổ chức (SNV-TC)", "Sở Nội vụ (SNV)"),
        Change("position", "Chuyên viên", "Phó Trưởng phòng"),
    )

    result = staff_import_apply(user=None, plan=plan)

    assert (result.created, result.updated) == (0, 1)
    assert User.objects.count() == count
    learner.refresh_from_db()
    assert (learner.employee_code, learner.full_name, learner.agency, learner.position) == (
        "CC000123",
        "Nguyễn Văn Ân",
        tree["home_affairs"],
        "Phó Trưởng phòng",
    )
    # A blank e-mail cell keeps the address the person has.
    assert learner.email == "an@snv.quangnam.gov.vn"
    entry = ModelLogEntry.objects.get(action=IMPORT_LOG_ACTION)
    assert entry.data["updated_codes"] == {"CC000123": ["full_name", "agency", "position"]}
    assert entry.message == "Đã nhập 0 người mới, cập nhật 1 người từ tệp “danh_sach.csv”."


def test_the_same_file_twice_changes_nothing_the_second_time(tree, learner):
    rows = [
        ["CC000123", "Nguyễn Văn An", "an@snv.quangnam.gov.vn", "SNV-TC", "Chuyên viên"],
        ["CC100001", "Trần Thị Bình", "", "SNV", ""],
    ]
    first = staff_import_plan(user=None, file=csv_upload(rows))
    assert (len(first.creates), len(first.updates), first.unchanged) == (1, 0, 1)
    staff_import_apply(user=None, plan=first)
    before = snapshot()

    second = staff_import_plan(user=None, file=csv_upload(rows))

    assert (second.creates, second.updates, second.unchanged) == ((), (), 2)
    assert staff_import_apply(user=None, plan=second).created == 0
    assert snapshot() == before


def test_applying_the_same_plan_twice_is_refused_the_second_time(tree):
    plan = staff_import_plan(
        user=None, file=csv_upload([["CC100001", "Trần Thị Bình", "", "SNV", ""]])
    )
    staff_import_apply(user=None, plan=plan)
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        staff_import_apply(user=None, plan=plan)
    assert refused.value.messages == [str(PLAN_STALE)]
    assert User.objects.filter(employee_code__iexact="CC100001").count() == 1
    assert snapshot() == before


def test_a_change_since_the_preview_refuses_the_whole_plan(tree, learner):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [
                ["CC100001", "Trần Thị Bình", "", "SNV", ""],
                ["CC000123", "Nguyễn Văn Ân", "", "SNV-TC", ""],
            ]
        ),
    )
    # Someone edits the person between the preview and "Áp dụng".
    User.objects.filter(pk=learner.pk).update(full_name="Nguyễn Văn Anh")
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        staff_import_apply(user=None, plan=plan)
    assert refused.value.messages == [str(PLAN_STALE)]
    assert snapshot() == before


def test_utf8_with_bom_semicolons_and_decomposed_vietnamese_are_read(tree):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(
        [HEADER, ["CC100001", "Nguye\u0302\u0303n Văn An", "", "SNV", "Chuyên viên"]]
    )
    plan = staff_import_plan(
        user=None, file=SimpleUploadedFile("ds.csv", b"\xef\xbb\xbf" + buffer.getvalue().encode())
    )
    assert plan.is_valid, messages(plan)
    assert plan.columns["employee_code"] == "employee_code"  # no BOM left in the heading
    assert plan.creates[0].full_name == "Nguyễn Văn An"


def test_vietnamese_headers_in_any_order_and_case_with_extra_columns(tree):
    header = [
        "STT",
        "HỌ VÀ TÊN",
        "Mã cơ quan",
        "mã số công chức, viên chức",
        "Thư điện tử",
        "Ghi chú",
    ]
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [["1", "Nguyễn Văn An", "SNV", "CC100001", "an@snv.gov.vn", "mới tuyển"]],
            header=header,
        ),
    )
    assert plan.is_valid, messages(plan)
    assert plan.creates[0].employee_code == "CC100001"
    assert plan.creates[0].email == "an@snv.gov.vn"
    assert plan.creates[0].position == ""  # no Chức vụ column


@pytest.mark.parametrize(
    "header",
    [
        ["Mã số", "Ho va ten", "Email", "Ma co quan", "Chuc vu"],
        ["Mã số công chức, viên chức", "Họ và tên", "E-mail", "MÃ CƠ QUAN", "Chức vụ"],
    ],
)
def test_header_variants_are_recognised(tree, header):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [["CC1", "Nguyễn Văn An", "an@snv.gov.vn", "SNV", "Chuyên viên"]], header=header
        ),
    )
    assert plan.is_valid, messages(plan)
    assert plan.creates[0].position == "Chuyên viên"


def test_xlsx_is_read_from_the_first_sheet(tree):
    upload = xlsx_upload(
        [
            [123456, "Nguyễn Văn An", "an@snv.gov.vn", "SNV-TC", "Chuyên viên"],
            [None, None, None, None, None],
            ["CC100002", "Trần Thị Bình", None, "snv", None],
        ]
    )
    plan = staff_import_plan(user=None, file=upload)
    assert plan.is_valid, messages(plan)
    assert [(c.row, c.employee_code, c.agency_name) for c in plan.creates] == [
        (2, "123456", "Phòng Tổ chức (SNV-TC)"),
        (4, "CC100002", "Sở Nội vụ (SNV)"),
    ]
    staff_import_apply(user=None, plan=plan)
    assert User.objects.get(username="123456").full_name == "Nguyễn Văn An"


def test_formulas_in_an_xlsx_are_refused_not_evaluated(tree):
    upload = xlsx_upload([["CC1", '=HYPERLINK("http://x","Nguyễn")', "", "SNV", ""]])
    before = snapshot()
    plan = staff_import_plan(user=None, file=upload)
    assert messages(plan) == [(2, "full_name", str(FORMULA_REFUSED % {"char": "="}))]
    assert_refused_and_nothing_written(plan, before)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Excel's "CSV (Comma delimited)" on a Vietnamese Windows writes cp1258, where
        # "ễ" is "ê" followed by a combining tilde and "ặ" is "ă" with a dot below.
        ("employee_code,full_name,agency_code\r\nCC1,Nguy\u00ea\u0303n Văn An,SNV\r\n", "cp1258"),
        ("employee_code,full_name,agency_code\r\nCC1,Đ\u0103\u0323ng Văn Ân,SNV\r\n", "cp1258"),
        ("employee_code,full_name,agency_code\r\nCC1,José Müller,SNV\r\n", "latin-1"),
    ],
)
def test_a_csv_not_in_utf8_is_refused(tree, learner, data, message):
    before = snapshot()
    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.csv", data.encode(message)))
    assert messages(plan) == [(None, "", str(NOT_UTF8))]
    assert str(plan.errors[0]) == (
        "Tệp không phải UTF-8: hãy lưu lại tệp với mã hóa UTF-8 (Excel: CSV UTF-8)."
    )
    assert_refused_and_nothing_written(plan, before)


def test_missing_required_columns_are_named(tree):
    before = snapshot()
    plan = staff_import_plan(
        user=None,
        file=csv_upload([["Nguyễn Văn An", "an@snv.gov.vn"]], header=["Họ và tên", "Email"]),
    )
    assert messages(plan) == [
        (
            1,
            "",
            str(MISSING_COLUMNS % {"columns": "Mã số công chức, viên chức, Mã cơ quan"}),
        )
    ]
    assert_refused_and_nothing_written(plan, before)


def test_a_column_given_twice_is_refused(tree):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [["CC1", "A", "SNV", "CC2"]],
            header=["employee_code", "full_name", "agency_code", "Mã số"],
        ),
    )
    assert messages(plan) == [
        (1, "", str(DUPLICATE_COLUMN % {"column": "Mã số", "first": 1, "second": 4}))
    ]


def test_every_row_error_is_reported_with_excel_row_numbers_and_nothing_is_imported(tree, learner):
    before = snapshot()
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [
                ["CC100001", "Trần Thị Bình", "binh@snv.gov.vn", "SNV", ""],  # row 2: fine
                ["", "Lê Văn Cường", "", "SNV", ""],  # row 3
                ["CC100004", "", "khong-phai-email", "KHONGCO", ""],  # row 4
                [],  # row 5: blank, skipped, still counted
                ["cc100001", "Trần Thị Bình", "", "SNV", ""],  # row 6: repeats row 2
                ["CC 7", "Phạm Văn Dũng", "dung@snv", "SNV", "=1+2"],  # row 7
                ["CC100008", "+Hoàng Văn E", "-x@y.vn", "@SNV", ""],  # row 8
                ["CC100009", "X" * 151, "a@b.vn", "SNV", ""],  # row 9
            ]
        ),
    )
    assert messages(plan) == [
        (3, "employee_code", str(VALUE_MISSING % {"label": "mã số công chức, viên chức"})),
        (4, "full_name", str(VALUE_MISSING % {"label": "họ và tên"})),
        (4, "email", str(EMAIL_INVALID % {"value": "khong-phai-email"})),
        (4, "agency_code", str(AGENCY_UNKNOWN % {"value": "KHONGCO"})),
        (6, "employee_code", str(DUPLICATE_CODE % {"value": "cc100001", "first": 2})),
        (7, "employee_code", str(CODE_INVALID % {"value": "CC 7"})),
        (7, "email", str(EMAIL_INVALID % {"value": "dung@snv"})),
        (7, "position", str(FORMULA_REFUSED % {"char": "="})),
        (8, "full_name", str(FORMULA_REFUSED % {"char": "+"})),
        (8, "email", str(FORMULA_REFUSED % {"char": "-"})),
        (8, "agency_code", str(FORMULA_REFUSED % {"char": "@"})),
        (9, "full_name", str(VALUE_TOO_LONG % {"max": 150, "length": 151})),
    ]
    assert str(plan.errors[1]) == "Dòng 4, cột “full_name”: Thiếu họ và tên."
    assert "công thức" in plan.errors[7].message
    assert_refused_and_nothing_written(plan, before)


def test_errors_name_the_columns_as_the_file_does(tree):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [["CC1", "Nguyễn Văn An", "sai", "SNV"]],
            header=["Mã số", "Họ và tên", "Thư điện tử", "Mã cơ quan"],
        ),
    )
    assert str(plan.errors[0]) == (
        "Dòng 2, cột “Thư điện tử”: “sai” không phải địa chỉ thư điện tử. "
        "Hãy nhập theo dạng ten@coquan.gov.vn."
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", (None, "", str(EMPTY_FILE))),
        (b"\xef\xbb\xbf\r\n\r\n", (None, "", str(EMPTY_FILE))),
        (b"employee_code,full_name,agency_code\r\n", (None, "", str(NO_DATA_ROWS))),
        (
            b"employee_code,full_name,agency_code\r\n,,\r\n \r\n,,,,\r\n",
            (None, "", str(NO_DATA_ROWS)),
        ),
    ],
)
def test_an_empty_file_or_one_without_data_rows_is_refused(tree, data, expected):
    before = snapshot()
    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.csv", data))
    assert messages(plan) == [expected]
    assert_refused_and_nothing_written(plan, before)


def test_more_than_5000_rows_is_refused_without_reading_on(tree, django_assert_max_num_queries):
    rows = [[f"CC{n:06d}", f"Người số {n}", "", "SNV", ""] for n in range(MAX_ROWS + 1)]
    before = snapshot()
    with django_assert_max_num_queries(1):  # the permission check only: no row is planned
        plan = staff_import_plan(user=None, file=csv_upload(rows))
    assert messages(plan) == [(None, "", str(TOO_MANY_ROWS % {"max": "5.000"}))]
    assert_refused_and_nothing_written(plan, before)


def test_exactly_5000_rows_are_accepted(tree, django_assert_max_num_queries):
    rows = [[f"CC{n:06d}", f"Người số {n}", "", "SNV", ""] for n in range(MAX_ROWS)]
    with django_assert_max_num_queries(3):
        plan = staff_import_plan(user=None, file=csv_upload(rows))
    assert plan.is_valid and len(plan.creates) == MAX_ROWS


class _Unread(io.BytesIO):
    """A file that records how much of it was read."""

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read = getattr(self, "bytes_read", 0) + len(data)
        return data


def test_a_file_over_5_mb_is_refused_before_it_is_parsed(tree):
    line = b"CC000001,Nguy\xe1\xbb\x85n V\xc4\x83n An,,SNV,\r\n"
    data = b"employee_code,full_name,email,agency_code,position\r\n" + line * (
        MAX_FILE_SIZE // len(line) + 1
    )
    assert len(data) > MAX_FILE_SIZE
    before = snapshot()

    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.csv", data))
    assert messages(plan) == [(None, "", str(FILE_TOO_LARGE % {"max": 5}))]
    assert_refused_and_nothing_written(plan, before)

    # Without a known size (the command's open file), reading stops past the limit.
    unsized = _Unread(data + b"x" * MAX_FILE_SIZE)
    unsized.name = "ds.csv"
    plan = staff_import_plan(user=None, file=unsized)
    assert messages(plan) == [(None, "", str(FILE_TOO_LARGE % {"max": 5}))]
    assert unsized.bytes_read == MAX_FILE_SIZE + 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ds.xlsx", b"employee_code,full_name,agency_code\r\nCC1,A,SNV\r\n", NOT_XLSX),
        ("ds.xlsx", b"PK\x03\x04 broken zip", NOT_XLSX),
        ("ds.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, OLD_EXCEL),
    ],
)
def test_a_file_that_is_not_a_real_xlsx_is_refused(tree, name, data, message):
    plan = staff_import_plan(user=None, file=SimpleUploadedFile(name, data))
    assert messages(plan) == [(None, "", str(message))]


def test_a_zip_that_is_not_a_workbook_is_refused(tree):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.xlsx", buffer.getvalue()))
    assert messages(plan) == [(None, "", str(NOT_XLSX))]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tree):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\x00" * (70 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_FILE_SIZE
    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.xlsx", buffer.getvalue()))
    assert messages(plan) == [(None, "", str(XLSX_TOO_LARGE % {"max": "5.000"}))]


def test_a_csv_with_an_unclosed_quote_is_refused(tree):
    data = b'employee_code,full_name,agency_code\r\nCC1,"Nguyen' + b"x" * 140_000 + b"\r\n"
    plan = staff_import_plan(user=None, file=SimpleUploadedFile("ds.csv", data))
    assert messages(plan) == [(None, "", str(CSV_MALFORMED % {"row": 2}))]


def test_an_officer_imports_into_their_own_district(districts, officer):
    plan = staff_import_plan(
        user=officer,
        file=csv_upload([["CC200001", "Phạm Văn Đức", "", "HDS-NV", "Chuyên viên"]]),
    )
    assert plan.is_valid, messages(plan)
    staff_import_apply(user=officer, plan=plan)
    person = User.objects.get(employee_code="CC200001")
    assert person.agency == districts["HDS-NV"]
    entry = ModelLogEntry.objects.get(action=IMPORT_LOG_ACTION)
    assert (entry.user_id, entry.object_id) == (officer.pk, str(districts["HDS"].pk))


def test_an_officer_cannot_import_into_another_district(districts, officer):
    before = snapshot()
    plan = staff_import_plan(
        user=officer,
        file=csv_upload(
            [
                ["CC200001", "Phạm Văn Đức", "", "HDS-NV", ""],
                ["CC200002", "Vũ Thị Giang", "", "HTH-NV", ""],
                ["CC200003", "Đỗ Văn Hải", "", "SNV", ""],
            ]
        ),
    )
    assert messages(plan) == [
        (
            3,
            "agency_code",
            str(AGENCY_OUT_OF_SCOPE % {"value": "HTH-NV", "name": "Phòng Nội vụ huyện Tân Hòa"}),
        ),
        (4, "agency_code", str(AGENCY_OUT_OF_SCOPE % {"value": "SNV", "name": "Sở Nội vụ"})),
    ]
    assert_refused_and_nothing_written(plan, before)
    with pytest.raises(ValidationError):
        staff_import_apply(user=officer, plan=plan)
    assert snapshot() == before


def test_an_officer_cannot_update_or_take_over_a_person_of_another_district(districts, officer):
    UserFactory(username="vtg", employee_code="CC300001", agency=districts["HTH-NV"])
    UserFactory(username="noagency", employee_code="CC300002", agency=None)
    before = snapshot()
    plan = staff_import_plan(
        user=officer,
        file=csv_upload(
            [
                # Their own district's agency, but the code is someone in Tân Hòa.
                ["cc300001", "Vũ Thị Giang", "moi@hds.gov.vn", "HDS-NV", ""],
                ["CC300002", "Người chưa có đơn vị", "", "HDS", ""],
            ]
        ),
    )
    assert messages(plan) == [
        (2, "employee_code", str(PERSON_OUT_OF_SCOPE % {"value": "cc300001"})),
        (3, "employee_code", str(PERSON_OUT_OF_SCOPE % {"value": "CC300002"})),
    ]
    assert_refused_and_nothing_written(plan, before)


def test_an_officer_cannot_change_an_account_with_admin_roles(districts, officer):
    colleague = UserFactory(username="nv2", employee_code="HR0002", agency=districts["HDS-NV"])
    colleague.groups.add(Group.objects.get(name=HR_GROUP))
    direct = UserFactory(username="nv3", employee_code="HR0003", agency=districts["HDS-NV"])
    direct.user_permissions.add(Permission.objects.get(codename="import_staff"))
    before = snapshot()
    rows = [
        ["HR0002", colleague.full_name, "ke-gian@example.com", "HDS-NV", ""],
        ["HR0003", direct.full_name, "ke-gian@example.com", "HDS-NV", ""],
        # The officer's own row, unchanged, is fine.
        ["HR0001", officer.full_name, officer.email, "HDS", officer.position],
    ]
    plan = staff_import_plan(user=officer, file=csv_upload(rows))
    assert messages(plan) == [
        (2, "employee_code", str(PERSON_PROTECTED % {"value": "HR0002"})),
        (3, "employee_code", str(PERSON_PROTECTED % {"value": "HR0003"})),
    ]
    assert_refused_and_nothing_written(plan, before)

    admin = UserFactory(username="quantri", is_superuser=True)
    plan = staff_import_plan(user=admin, file=csv_upload(rows))
    assert plan.is_valid and len(plan.updates) == 2


def test_a_scope_lost_since_the_preview_refuses_the_plan(districts, officer):
    plan = staff_import_plan(
        user=officer, file=csv_upload([["CC200001", "Phạm Văn Đức", "", "HDS-NV", ""]])
    )
    User.objects.filter(pk=officer.pk).update(agency=districts["HTH"])
    officer.refresh_from_db()
    before = snapshot()
    with pytest.raises(ValidationError) as refused:
        staff_import_apply(user=officer, plan=plan)
    assert refused.value.messages == [str(PLAN_STALE)]
    assert snapshot() == before


def test_a_user_without_the_permission_cannot_plan_or_apply(districts):
    trainee = UserFactory(agency=districts["HDS"])
    trainee.groups.add(Group.objects.get(name=TRAINEE_GROUP))
    upload = csv_upload([["CC1", "A", "", "HDS", ""]])
    with pytest.raises(PermissionDenied):
        staff_import_plan(user=trainee, file=upload)
    plan = staff_import_plan(user=None, file=upload)
    with pytest.raises(PermissionDenied):
        staff_import_apply(user=trainee, plan=plan)
    assert not User.objects.filter(employee_code="CC1").exists()


def test_an_officer_without_an_agency_is_told_why(districts):
    officer = UserFactory(agency=None)
    officer.groups.add(Group.objects.get(name=HR_GROUP))
    plan = staff_import_plan(
        user=User.objects.get(pk=officer.pk), file=csv_upload([["CC1", "A", "", "HDS", ""]])
    )
    assert messages(plan) == [(None, "", str(NO_AGENCY))]


def test_a_username_already_taken_by_someone_else_is_refused(tree):
    UserFactory(username="cc100001", employee_code="")
    plan = staff_import_plan(
        user=None, file=csv_upload([["CC100001", "Trần Thị Bình", "", "SNV", ""]])
    )
    assert messages(plan) == [(2, "employee_code", str(USERNAME_TAKEN % {"value": "cc100001"}))]


def test_the_plan_survives_a_round_trip_through_json(tree, learner):
    plan = staff_import_plan(
        user=None,
        file=csv_upload(
            [
                ["CC100001", "Trần Thị Bình", "", "SNV", ""],
                ["CC000123", "Nguyễn Văn Ân", "", "SNV-TC", ""],
            ]
        ),
    )
    restored = ImportPlan.from_data(json.loads(json.dumps(plan.as_data())))
    assert restored == plan
    bad = staff_import_plan(user=None, file=csv_upload([["", "A", "", "SNV", ""]]))
    assert ImportPlan.from_data(json.loads(json.dumps(bad.as_data()))).errors == bad.errors
    assert isinstance(bad.errors[0], RowError)


def test_planning_takes_the_same_queries_for_one_row_or_many(
    tree, learner, django_assert_num_queries
):
    def rows(count):
        return [["CC000123", "Nguyễn Văn Ân", "", "SNV", ""]] + [
            [f"CC{n:06d}", f"Người số {n}", "", "SNV", ""] for n in range(500, 500 + count)
        ]

    # Agencies, people by code, usernames taken.
    with django_assert_num_queries(3):
        staff_import_plan(user=None, file=csv_upload(rows(1)))
    with django_assert_num_queries(3):
        staff_import_plan(user=None, file=csv_upload(rows(300)))


def test_an_officers_plan_takes_a_fixed_number_of_queries(
    districts, officer, django_assert_num_queries
):
    UserFactory(employee_code="CC999999", agency=districts["HDS"])

    def rows(count):
        return [["CC999999", "Người đã có", "", "HDS", ""]] + [
            [f"CC{n:06d}", f"Người số {n}", "", "HDS", ""] for n in range(count)
        ]

    officer.has_perm("learners.import_staff")  # Django caches the permissions on the user
    # The officer's agency, then agencies, people, protected accounts, usernames.
    with django_assert_num_queries(5):
        staff_import_plan(user=officer, file=csv_upload(rows(1)))
    with django_assert_num_queries(5):
        staff_import_plan(user=officer, file=csv_upload(rows(300)))
