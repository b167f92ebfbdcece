from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.backup import (
    ENGINE_LABELS,
    BackupError,
    check_compatible,
    create_backup,
    current_counts,
    database_label,
    database_settings,
    default_backup_dir,
    media_target,
    read_archive,
    restore_backup,
)
from home.management.commands.backup import format_counts, megabytes

PRODUCTION_FLAG = "--i-know-this-replaces-production-data"


class Command(BaseCommand):
    help = (
        "Restore the database and the media files from an archive made by `backup`. "
        "Without --yes only shows what would be replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The parlearn-backup-….tar.gz file.")
        parser.add_argument(
            "--yes", action="store_true", help="Really replace the database and media files."
        )
        parser.add_argument(
            PRODUCTION_FLAG,
            action="store_true",
            dest="production_ok",
            help="Also required (with --yes) when ENVIRONMENT is production.",
        )
        parser.add_argument(
            "--safety-backup-dir",
            metavar="DIR",
            help="Where the backup of the current data taken first goes (default: backups/).",
        )
        parser.add_argument(
            "--no-safety-backup",
            action="store_true",
            help="Do not back up the current data before replacing it.",
        )

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        db = database_settings()
        media_root = Path(settings.MEDIA_ROOT)
        try:
            info = read_archive(archive)  # checks the members, the manifest and the sha256
            warnings = check_compatible(info, db)
            overwritten = sum(
                media_target(media_root, member.relative).exists() for member in info.media
            )
        except BackupError as error:
            raise CommandError(f"Không khôi phục: {error}") from error

        manifest = info.manifest
        self.stdout.write(
            f"Tệp sao lưu: {archive} (đã kiểm tra sha256 và kích thước của "
            f"{len(manifest['files'])} tệp: khớp)"
        )
        self.stdout.write(
            f"  Tạo lúc {manifest['created_at']}, CSDL {ENGINE_LABELS[info.engine]}, "
            f"Django {manifest['django_version']}, Wagtail {manifest['wagtail_version']}"
        )
        self.stdout.write(f"  Trong tệp: {format_counts(manifest['counts'])}")
        self.stdout.write(
            f"  Media: {manifest['media']['files']} tệp ({megabytes(manifest['media']['bytes'])})"
        )
        self.stdout.write("Sẽ bị thay thế:")
        self.stdout.write(
            f"  - Toàn bộ CSDL {database_label(db)} (hiện có: {format_counts(current_counts())})"
        )
        self.stdout.write(
            f"  - Trong MEDIA_ROOT {media_root}: ghi {len(info.media)} tệp, trong đó {overwritten} "
            f"tệp đang có sẽ bị ghi đè; tệp không có trong bản sao lưu được giữ nguyên."
        )
        for warning in warnings:
            self.stdout.write(self.style.WARNING(f"Lưu ý: {warning}"))

        if not options["yes"]:
            raise CommandError("Chưa thay đổi gì. Chạy lại với --yes để khôi phục thật.")
        if settings.ENVIRONMENT == "production" and not options["production_ok"]:
            raise CommandError(
                "Đây là môi trường production: chưa thay đổi gì. Muốn ghi đè dữ liệu thật, "
                f"chạy lại với cả --yes và {PRODUCTION_FLAG}."
            )

        try:
            if not options["no_safety_backup"]:
                safety = create_backup(options["safety_backup_dir"] or default_backup_dir())
                self.stdout.write(f"Đã sao lưu dữ liệu hiện tại trước khi thay: {safety.path}")
            result = restore_backup(archive, settings_dict=db, media_root=media_root)
        except BackupError as error:
            raise CommandError(f"Khôi phục thất bại: {error}") from error

        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục từ {archive}."))
        after = current_counts()
        self.stdout.write(f"  CSDL: {format_counts(after)}")
        self.stdout.write(f"  Media: đã ghi {result.media_written} tệp vào {media_root}")
        self.stdout.write(
            "  Bộ nhớ đệm: đã xoá các khóa của trang này (khóa của ứng dụng khác giữ nguyên)."
        )
        if result.caches_skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"Không xoá được bộ nhớ đệm {', '.join(result.caches_skipped)} (máy chủ không "
                    f"trả lời, hoặc loại chưa hỗ trợ xoá riêng khóa của trang): hãy xoá tay các "
                    f"khóa của trang hoặc đợi chúng hết hạn."
                )
            )
        if any(
            expected is not None and after.get(key) != expected
            for key, expected in manifest["counts"].items()
        ):
            self.stdout.write(
                self.style.WARNING("Số bản ghi sau khi khôi phục khác với manifest: hãy kiểm tra.")
            )
        self.stdout.write("Nên khởi động lại các tiến trình web để chúng mở kết nối CSDL mới.")
