"""Issue the certificates missing for completed courses (completions from before certificates
existed). Revoked certificates are not replaced: re-issuing is an administrator's decision."""

from courses import certificates
from courses.management.course_command import CourseCommand


class Command(CourseCommand):
    dry_run_help = "chỉ liệt kê, không cấp giấy chứng nhận nào"
    help = "Cấp giấy chứng nhận còn thiếu cho những người đã hoàn thành khóa học."

    def handle(self, *args, course, dry_run, **options):
        course_page = self.course_page(course)
        if dry_run:
            missing = list(certificates.completions_without_certificate(course=course_page))
            for enrolment in missing:
                self.stdout.write(
                    f"{enrolment.user.employee_code or enrolment.user.username}\t"
                    f"{enrolment.user.get_full_name()}\t{enrolment.course.title}"
                )
            self.stdout.write(f"Sẽ cấp {len(missing)} giấy chứng nhận (chưa cấp: --dry-run).")
            return
        issued = certificates.certificates_backfill(course=course_page)
        self.stdout.write(self.style.SUCCESS(f"Đã cấp {len(issued)} giấy chứng nhận."))
