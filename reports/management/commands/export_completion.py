"""Write report (a), "Kết quả học tập theo người", to a CSV or XLSX file, for scheduled reporting.

An administrator's command: it is not limited to an HR scope. The file is the one the admin
report downloads with the same filters (same rows, order, columns and formatting).
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from courses.models import CoursePage
from courses.structure import course_structure
from learners.models import Agency
from reports import selectors
from reports.exports import CompletionExport

FORMATS = ("csv", "xlsx")


class Command(BaseCommand):
    help = (
        "Xuất báo cáo kết quả học tập theo người ra tệp CSV hoặc Excel "
        "(cả tỉnh, hoặc một cơ quan, đơn vị và các đơn vị trực thuộc)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", dest="file_format", choices=FORMATS, required=True, help="csv hoặc xlsx"
        )
        parser.add_argument("--agency", metavar="CODE", help="mã cơ quan (gồm đơn vị trực thuộc)")
        parser.add_argument("--course", metavar="SLUG", help="slug của khóa học")
        parser.add_argument("--output", required=True, type=Path, help="tệp sẽ ghi")

    def handle(self, *args, file_format, agency, course, output, **options):
        course_page = self.get_course(course) if course else None
        structure = course_structure(course=course_page)
        rows = selectors.completion_rows(
            people=get_user_model().objects.all(), structure=structure, course=course_page
        )
        if agency:
            try:
                rows = selectors.filter_agency(rows, Agency.objects.get(code=agency))
            except Agency.DoesNotExist as error:
                raise CommandError(f"Không có cơ quan, đơn vị mã “{agency}”.") from error
        rows = selectors.order_rows(rows, "name")

        exporter = CompletionExport()
        exporter.structure = structure
        exporter.today = timezone.localdate()
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as file:
            if file_format == "csv":
                exporter.write_csv_file(rows, file)
            else:
                exporter.write_xlsx_file(rows, file)
        self.stdout.write(f"Đã ghi {output}.")

    def get_course(self, slug):
        courses = list(CoursePage.objects.filter(slug=slug)[:2])
        if not courses:
            raise CommandError(f"Không có khóa học nào có slug “{slug}”.")
        if len(courses) > 1:
            raise CommandError(f"Có nhiều khóa học cùng slug “{slug}”: hãy đổi slug cho khác nhau.")
        return courses[0]
