"""The base of the commands that work on every course or on one (``--course SLUG``), with a
``--dry-run`` that writes nothing."""

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage


class CourseCommand(BaseCommand):
    dry_run_help = "chỉ đếm, không ghi gì vào cơ sở dữ liệu"

    def add_arguments(self, parser):
        parser.add_argument("--course", metavar="SLUG", help="chỉ khóa học có slug này")
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)

    def course_page(self, slug):
        """The course the ``--course`` option names, None for every course."""
        if not slug:
            return None
        course_page = CoursePage.objects.filter(slug=slug).first()
        if course_page is None:
            raise CommandError(f"Không có khóa học với slug “{slug}”.")
        return course_page
