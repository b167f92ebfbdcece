from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo
from demo.people import DEMO_PASSWORD

REFUSED = (
    "load_par_demo tạo tài khoản mẫu với mật khẩu công khai: không chạy với cấu hình production."
)


class Command(BaseCommand):
    help = "Load the demo course (2017 PAR training) and the demo accounts. Safe to run twice."

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError(REFUSED)
        result = load_demo()
        if result.created:
            self.stdout.write(f"Đã tạo {len(result.created)} mục:")
            for line in result.created:
                self.stdout.write(f"  - {line}")
        else:
            self.stdout.write("Dữ liệu mẫu đã có sẵn: không thay đổi gì.")
        self.stdout.write(f"\nTài khoản mẫu (mật khẩu: {DEMO_PASSWORD}):")
        for username, role in result.accounts:
            self.stdout.write(f"  {username:<14} {role}")
        self.stdout.write(
            "\nTrang web: http://127.0.0.1:8000/  ·  Quản trị: http://127.0.0.1:8000/admin/"
        )
