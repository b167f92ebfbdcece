"""Send the reminders due today (not started, due soon, overdue): what the daily job runs.
Safe to run again: a reminder already sent (or being sent) is never sent twice."""

from courses.management.reminder_command import ReminderCommand
from courses.models import Reminder
from courses.reminders import reminders_send


class Command(ReminderCommand):
    help = "Gửi lời nhắc học tập đến hạn hôm nay (chưa bắt đầu, sắp đến hạn, quá hạn)."

    def handle(self, *args, today, dry_run, **options):
        counts = reminders_send(today=self.today(today), dry_run=dry_run)
        reasons = dict(Reminder.Reason.choices)
        channels = dict(Reminder.Channel.choices)
        for (reason, channel), count in sorted(counts.items()):
            self.stdout.write(f"{reasons[reason]}\t{channels[channel]}\t{count}")
        total = sum(counts.values())
        if dry_run:
            self.stdout.write(f"Sẽ gửi {total} lời nhắc (chưa gửi: --dry-run).")
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã gửi {total} lời nhắc."))
