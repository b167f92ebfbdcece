"""Send each HR officer the weekly digest of their scope: what the Monday job runs. Safe to run
again: an officer gets one digest per week."""

from courses.management.reminder_command import ReminderCommand
from courses.reminders import hr_digests_send


class Command(ReminderCommand):
    help = "Gửi bản tổng hợp học tập hằng tuần cho cán bộ tổ chức."

    def handle(self, *args, today, dry_run, **options):
        count = hr_digests_send(today=self.today(today), dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Sẽ gửi {count} bản tổng hợp (chưa gửi: --dry-run).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã gửi {count} bản tổng hợp."))
