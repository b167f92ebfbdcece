"""``manage.py import_staff FILE [--as USERNAME] [--dry-run]``."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from learners.importing import AGENCY_OUT_OF_SCOPE, EMAIL_INVALID, IMPORT_LOG_ACTION
from learners.management.commands.import_staff import Command
from learners.models import Agency, User
from learners.roles import HR_GROUP
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

HEADER = ["Mã số", "Họ và tên", "Thư điện tử", "Mã cơ quan", "Chức vụ"]


@pytest.fixture
def write_csv(tmp_path):
    def write(rows, name="danh_sach.csv"):
        path = tmp_path / name
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([HEADER, *rows])
        return str(path)

    return write


@pytest.fixture
def officer(tree):
    district = AgencyFactory(
        code="HDS",
        name="UBND huyện Đông Sơn",
        kind=Agency.Kind.DISTRICT,
        parent=Agency.objects.get(pk=tree["province"].pk),
    )
    user = UserFactory(username="nhansu_huyen", agency=district)
    user.groups.add(Group.objects.get(name=HR_GROUP))
    return user


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_staff", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def people():
    return sorted(User.objects.values_list("pk", "employee_code", "full_name", "agency_id"))


def test_imports_and_prints_the_plan(write_csv, tree, learner):
    path = write_csv(
        [
            ["CC100001", "Trần Thị Bình", "binh@snv.gov.vn", "SNV", "Chuyên viên"],
            ["CC000123", "Nguyễn Văn Ân", "", "SNV-TC", ""],
        ]
    )
    out, err = run(path)
    assert err == ""
    assert out.splitlines() == [
        "Tệp “danh_sach.csv”: 1 người mới, 1 người được cập nhật, 0 người không thay đổi.",
        "Người mới:",
        "  Dòng 2: CC100001 Trần Thị Bình – Sở Nội vụ (SNV)",
        "Người được cập nhật:",
        "  Dòng 3: CC000123 Nguyễn Văn Ân – Họ và tên: Nguyễn Văn An → Nguyễn Văn Ân",
        "Đã nhập 1 người mới, cập nhật 1 người.",
    ]
    assert User.objects.get(username="cc100001").agency == tree["home_affairs"]
    learner.refresh_from_db()
    assert learner.full_name == "Nguyễn Văn Ân"
    entry = ModelLogEntry.objects.get(action=IMPORT_LOG_ACTION)
    assert (entry.user_id, entry.data["created"], entry.data["updated"]) == (None, 1, 1)


def test_dry_run_writes_nothing(write_csv, tree):
    before = people()
    out, _err = run(write_csv([["CC100001", "Trần Thị Bình", "", "SNV", ""]]), "--dry-run")
    assert "1 người mới" in out
    assert out.splitlines()[-1] == "Chạy thử (--dry-run): chưa ghi gì."
    assert people() == before


def test_errors_are_printed_by_row_and_nothing_is_imported(write_csv, tree):
    before = people()
    path = write_csv(
        [
            ["CC100001", "Trần Thị Bình", "", "SNV", ""],
            ["CC100002", "Lê Văn Cường", "cuong@", "SNV", ""],
            ["CC100003", "", "", "KHONGCO", ""],
        ]
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_staff", path, stdout=io.StringIO(), stderr=err)
    assert failed.value.returncode == 1
    assert str(failed.value) == ("Chưa nhập gì: tệp có 3 lỗi. Hãy sửa các dòng trên rồi chạy lại.")
    assert err.getvalue().splitlines() == [
        f"Dòng 3, cột “Thư điện tử”: {EMAIL_INVALID % {'value': 'cuong@'}}",
        "Dòng 4, cột “Họ và tên”: Thiếu họ và tên.",
        "Dòng 4, cột “Mã cơ quan”: Không có cơ quan, đơn vị nào mang mã “KHONGCO”. "
        "Hãy xem mã đúng trong mục “Cơ quan, đơn vị”.",
    ]
    assert people() == before


def test_exit_code_is_non_zero_on_errors(write_csv, tree, monkeypatch, capsys):
    # run_from_argv closes the database connections when it ends; the test still needs its own.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    path = write_csv([["CC100001", "", "", "SNV", ""]])
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "import_staff", path])
    assert exited.value.code == 1
    assert "Dòng 2, cột “Họ và tên”: Thiếu họ và tên." in capsys.readouterr().err
    assert not User.objects.filter(employee_code="CC100001").exists()


def test_as_an_officer_the_import_stays_in_their_district(write_csv, officer, tree):
    before = people()
    path = write_csv(
        [
            ["CC200001", "Phạm Văn Đức", "", "HDS", ""],
            ["CC200002", "Vũ Thị Giang", "", "STC", ""],
        ]
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_staff", path, "--as", "nhansu_huyen", stdout=io.StringIO(), stderr=err)
    message = AGENCY_OUT_OF_SCOPE % {"value": "STC", "name": "Sở Tài chính"}
    assert err.getvalue().splitlines() == [f"Dòng 3, cột “Mã cơ quan”: {message}"]
    assert people() == before

    out, _err = run(
        write_csv([["CC200001", "Phạm Văn Đức", "", "HDS", ""]]), "--as", "nhansu_huyen"
    )
    assert out.splitlines()[-1] == "Đã nhập 1 người mới, cập nhật 0 người."
    assert ModelLogEntry.objects.get(action=IMPORT_LOG_ACTION).user_id == officer.pk


def test_as_needs_an_existing_user_with_the_permission(write_csv, tree):
    path = write_csv([["CC100001", "Trần Thị Bình", "", "SNV", ""]])
    with pytest.raises(CommandError, match="Không có tài khoản “ai_do”."):
        run(path, "--as", "ai_do")
    UserFactory(username="hocvien", agency=tree["office"])
    with pytest.raises(CommandError, match="không có quyền nhập danh sách"):
        run(path, "--as", "hocvien")
    assert not User.objects.filter(employee_code="CC100001").exists()


def test_a_missing_file_is_reported(tmp_path, tree):
    with pytest.raises(CommandError, match="Không mở được tệp"):
        run(str(tmp_path / "khong_co.csv"))


def test_an_xlsx_file_is_imported(tmp_path, tree):
    workbook = Workbook()
    workbook.active.append(["employee_code", "full_name", "agency_code"])
    workbook.active.append(["CC100001", "Trần Thị Bình", "SNV"])
    path = tmp_path / "danh_sach.xlsx"
    workbook.save(path)
    out, _err = run(str(path))
    assert out.splitlines()[-1] == "Đã nhập 1 người mới, cập nhật 0 người."
