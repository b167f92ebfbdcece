"""The base of ``send_reminders`` and ``send_hr_digest``: ``--today YYYY-MM-DD`` (the day to run
as, by default today in the site's time zone) and ``--dry-run`` (count, send and write nothing)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class ReminderCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help="chạy như thể hôm nay là ngày này"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="chỉ đếm, không gửi và không ghi gì"
        )

    def today(self, value) -> datetime.date:
        if not value:
            return timezone.localdate()
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"Ngày “{value}” không đúng dạng YYYY-MM-DD.") from None
