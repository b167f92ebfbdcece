"""The courses app's admin screens, one Wagtail ViewSet per feature (registered in
``courses.wagtail_hooks``): Giao khóa học (``assignments``), Giấy chứng nhận (``certificates``)
and Nhập bài trình chiếu từ PDF (``slides``)."""
