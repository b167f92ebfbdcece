from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, create_backup, database_label, database_settings


def megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def format_counts(counts):
    labels = {"users": "người dùng", "pages": "trang", "lesson_progress": "tiến độ bài học"}
    return ", ".join(
        f"{labels.get(key, key)}: {'?' if value is None else value}"
        for key, value in counts.items()
    )


class Command(BaseCommand):
    help = (
        "Back up the database and every media file into one archive "
        "parlearn-backup-YYYYmmdd-HHMMSS.tar.gz (safe while the site runs)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            metavar="DIR",
            help="Folder for the archive (default: backups/ in the project folder).",
        )

    def handle(self, *args, **options):
        self.stdout.write(f"Đang sao lưu CSDL {database_label(database_settings())} và media…")
        try:
            result = create_backup(options["output"])
        except BackupError as error:
            raise CommandError(f"Sao lưu thất bại: {error}") from error
        manifest = result.manifest
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu: {result.path}"))
        self.stdout.write(f"  Kích thước: {megabytes(result.path.stat().st_size)}")
        self.stdout.write(f"  CSDL: {format_counts(manifest['counts'])}")
        self.stdout.write(
            f"  Media: {manifest['media']['files']} tệp ({megabytes(manifest['media']['bytes'])})"
        )
        if result.skipped_media:
            self.stdout.write(
                self.style.WARNING(
                    f"  Bỏ qua {len(result.skipped_media)} mục media (liên kết tượng trưng hoặc "
                    f"bị xoá trong lúc sao lưu): {', '.join(result.skipped_media[:10])}"
                )
            )
        self.stdout.write(
            "  Tệp chứa dữ liệu cá nhân và mật khẩu đã băm: hãy cất giữ ở nơi an toàn, "
            "ngoài máy chủ."
        )
