"""Repair the completions that stored progress earns but that are missing (module completions,
course completions, certificates), e.g. left by a crash between the steps in earlier versions.
Safe to run at any time and on a schedule: a second run repairs nothing. Revoked certificates
are not replaced."""

from courses.management.course_command import CourseCommand
from courses.models import CoursePage
from courses.reconcile import completions_reconcile


class Command(CourseCommand):
    help = (
        "Bổ sung các kết quả hoàn thành còn thiếu (chuyên đề, khóa học, giấy chứng nhận) "
        "theo tiến độ đã lưu."
    )

    def handle(self, *args, course, dry_run, **options):
        course_page = self.course_page(course)
        courses = [course_page] if course_page is not None else list(CoursePage.objects.live())
        repairs = completions_reconcile(courses=courses, dry_run=dry_run)
        for each in repairs.courses:
            self.stdout.write(f"{each.slug}\t{each.title}")
        counts = (
            f"{repairs.module_completions} hoàn thành chuyên đề, "
            f"{repairs.course_completions} hoàn thành khóa học, "
            f"{repairs.certificates} giấy chứng nhận"
        )
        if dry_run:
            self.stdout.write(f"Sẽ bổ sung {counts} (chưa ghi: --dry-run).")
        elif repairs.total:
            self.stdout.write(self.style.SUCCESS(f"Đã bổ sung {counts}."))
        else:
            self.stdout.write(self.style.SUCCESS("Không có gì cần bổ sung."))
