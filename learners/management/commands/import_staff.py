"""``manage.py import_staff FILE [--as USERNAME] [--dry-run]``: the admin's staff import at the
command line, with the same checks; a file with any error imports nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from learners.importing import ImportPlan, staff_import_apply, staff_import_plan
from learners.models import User
from learners.roles import can_import_staff

USER_NOT_FOUND = "Không có tài khoản “%(username)s”."
USER_NOT_ALLOWED = "Tài khoản “%(username)s” không có quyền nhập danh sách công chức, viên chức."
FILE_NOT_OPENED = "Không mở được tệp “%(path)s”: %(reason)s."
HAS_ERRORS = "Chưa nhập gì: tệp có %(count)s lỗi. Hãy sửa các dòng trên rồi chạy lại."
DRY_RUN = "Chạy thử (--dry-run): chưa ghi gì."


class Command(BaseCommand):
    help = (
        "Nhập danh sách công chức, viên chức từ tệp CSV (UTF-8) hoặc XLSX với các cột "
        "employee_code, full_name, email, agency_code, position. Người đã có mã số được cập "
        "nhật; tệp có lỗi thì không nhập gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .csv hoặc .xlsx")
        parser.add_argument(
            "--as",
            dest="as_username",
            metavar="USERNAME",
            help=(
                "Nhập trong phạm vi của cán bộ tổ chức này "
                "(mặc định: toàn tỉnh, như quản trị viên)."
            ),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và in kế hoạch, không ghi gì."
        )

    def handle(self, *args, file, as_username=None, dry_run=False, **options):
        user = self.importing_user(as_username)
        try:
            with open(file, "rb") as handle:
                plan = staff_import_plan(user=user, file=handle)
        except OSError as error:
            raise CommandError(FILE_NOT_OPENED % {"path": file, "reason": error.strerror}) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        if not plan.is_valid:
            for error in plan.errors:
                self.stderr.write(str(error))
            raise CommandError(HAS_ERRORS % {"count": len(plan.errors)})
        self.write_plan(plan, verbosity=options.get("verbosity", 1))
        if dry_run:
            self.stdout.write(DRY_RUN)
            return
        try:
            result = staff_import_apply(user=user, plan=plan)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(result.message))

    def importing_user(self, username):
        if username is None:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(USER_NOT_FOUND % {"username": username})
        if not can_import_staff(user):
            raise CommandError(USER_NOT_ALLOWED % {"username": username})
        return user

    def write_plan(self, plan: ImportPlan, *, verbosity: int) -> None:
        self.stdout.write(
            f"Tệp “{plan.filename}”: {len(plan.creates)} người mới, {len(plan.updates)} người "
            f"được cập nhật, {plan.unchanged} người không thay đổi."
        )
        if verbosity < 1:
            return
        if plan.creates:
            self.stdout.write("Người mới:")
        for create in plan.creates:
            self.stdout.write(
                f"  Dòng {create.row}: {create.employee_code} {create.full_name}"
                f" – {create.agency_name}"
            )
        if plan.updates:
            self.stdout.write("Người được cập nhật:")
        for update in plan.updates:
            changes = "; ".join(
                f"{change.label}: {change.old or '(trống)'} → {change.new or '(trống)'}"
                for change in update.changes
            )
            self.stdout.write(
                f"  Dòng {update.row}: {update.employee_code} {update.full_name} – {changes}"
            )
