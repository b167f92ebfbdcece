"""Nhập bài trình chiếu từ PDF: a trainer turns a lecture's PDF into a slide deck on a lesson,
as a draft to review; bad files get a Vietnamese error and change nothing.

The upload is checked in the request and queued (a SlideImport job); the suite's immediate
backend runs the job once the request's transaction commits (``django_capture_on_commit_callbacks``
here); test_slide_import_queue.py runs it with the database queue and its worker.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from fpdf import FPDF
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from courses.models import SlideImport
from courses.slide_import import IMPORT_LOG_ACTION
from learners.roles import HR_GROUP, TRAINER_GROUP
from tests.courses.factories import LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGES = [
    (
        "Tổng quan về cải cách hành chính",
        ["• Cải cách thể chế", "• Cải cách thủ tục hành chính", "Giai đoạn 2011–2020"],
    ),
    ("Kết quả giai đoạn 2011–2015", ["- Đơn giản hóa thủ tục", "- Một cửa liên thông"]),
    ("", []),  # a page with no text: an image-only slide
]


def lecture_pdf(pages=PAGES) -> bytes:
    fonts = django_settings.BASE_DIR / "static" / "fonts"
    pdf = FPDF(orientation="landscape", unit="mm", format=(90, 160))
    pdf.add_font("BeVietnamPro", "", fonts / "BeVietnamPro-Regular.ttf")
    pdf.set_auto_page_break(False)
    for title, lines in pages:
        pdf.add_page()
        pdf.set_font("BeVietnamPro", "", 14)
        if title:
            pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("BeVietnamPro", "", 10)
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.rect(10, 70, 140, 10)
    return bytes(pdf.output())


def upload(data, name="bai-giang.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture
def trainer_client(client):
    trainer = UserFactory(username="giangvien")
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    client.force_login(trainer)
    client.user = trainer
    return client


@pytest.fixture
def lesson():
    return LessonPageFactory(title="Những nội dung cơ bản về CCHC")


def url_for(lesson):
    return reverse("courses_slide_import", args=[lesson.pk])


def imported(client, lesson, data, capture, title="Tổng quan về CCHC"):
    """Post the PDF, the job run at the commit; returns the status page's response."""
    with capture(execute=True):
        response = client.post(url_for(lesson), {"title": title, "file": upload(data)})
    assert response.status_code == 302, response.context["form"].errors
    job = SlideImport.objects.get()
    assert response["Location"] == reverse("courses_slide_import_status", args=[lesson.pk, job.pk])
    return client.get(response["Location"])


def test_a_trainer_turns_a_pdf_into_a_draft_slide_deck(
    trainer_client, lesson, django_capture_on_commit_callbacks
):
    live_body = list(lesson.body.raw_data)
    response = imported(trainer_client, lesson, lecture_pdf(), django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert "Đã xong" in html
    assert "“Tổng quan về CCHC” gồm 3 trang chiếu" in html
    assert reverse("wagtailadmin_pages:edit", args=[lesson.pk]) in html
    assert reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]) in html
    assert 'http-equiv="refresh"' not in html  # finished: no more reloading
    job = SlideImport.objects.get()
    assert (job.status, job.pages_done, job.pages_total) == ("ready", 3, 3)
    assert job.requested_by == trainer_client.user
    assert not job.file  # the uploaded PDF is deleted once done

    lesson.refresh_from_db()
    assert list(lesson.body.raw_data) == live_body  # the live page is unchanged
    assert lesson.has_unpublished_changes
    draft = lesson.get_latest_revision_as_object()
    deck = draft.body[-1]
    assert deck.block_type == "slide_deck"
    assert deck.value["title"] == "Tổng quan về CCHC"
    slides = deck.value["slides"]
    assert [s["title"] for s in slides] == [
        "Tổng quan về cải cách hành chính",
        "Kết quả giai đoạn 2011–2015",
        "Trang 3",
    ]
    first_text = slides[0]["text"].source
    assert "<li>Cải cách thể chế</li>" in first_text
    assert "<li>Cải cách thủ tục hành chính</li>" in first_text
    assert "<p>Giai đoạn 2011–2020</p>" in first_text
    assert all(s["image"].width == 1600 for s in slides)
    assert {s["image"].collection.name for s in slides} == {"Bài trình chiếu"}
    [entry] = PageLogEntry.objects.filter(action=IMPORT_LOG_ACTION, page=lesson)
    assert entry.user == trainer_client.user
    assert entry.data == {"title": "Tổng quan về CCHC", "slides": 3, "file": "bai-giang.pdf"}

    # Published, the slides are on the lesson page with their titles as alt text.
    draft.get_latest_revision().publish()
    html = trainer_client.get(lesson.url).content.decode()
    assert 'alt="Kết quả giai đoạn 2011–2015"' in html
    assert "Một cửa liên thông" in html


def refused(client, lesson, data, name="bai-giang.pdf", title="Bài trình chiếu"):
    images, revisions = get_image_model().objects.count(), Revision.objects.count()
    response = client.post(url_for(lesson), {"title": title, "file": upload(data, name)})
    assert response.status_code == 200
    assert get_image_model().objects.count() == images
    assert Revision.objects.count() == revisions
    assert not SlideImport.objects.exists()  # refused in the request: nothing queued
    return " ".join(response.context["form"].errors["file"])


def test_a_file_that_is_not_a_pdf_is_refused(trainer_client, lesson):
    error = refused(trainer_client, lesson, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "anh.pdf")
    assert "không phải là PDF" in error


def test_a_damaged_pdf_is_refused(trainer_client, lesson):
    error = refused(trainer_client, lesson, b"%PDF-1.7\n" + b"hong" * 50)
    assert "Không đọc được tệp PDF" in error


def test_too_many_pages_are_refused(trainer_client, lesson, settings):
    settings.SLIDE_PDF_MAX_PAGES = 2
    error = refused(trainer_client, lesson, lecture_pdf())
    assert "có 3 trang, nhiều hơn mức tối đa 2 trang" in error


def test_too_large_a_file_is_refused(trainer_client, lesson, settings):
    settings.SLIDE_PDF_MAX_UPLOAD_SIZE = 1000
    error = refused(trainer_client, lesson, lecture_pdf())
    assert "Tệp PDF quá lớn" in error


def test_a_missing_file_or_title_is_asked_for(trainer_client, lesson):
    response = trainer_client.post(url_for(lesson), {"title": ""})
    errors = response.context["form"].errors
    assert errors["file"] == ["Hãy chọn tệp PDF của bài trình chiếu."]
    assert "title" in errors


def test_the_import_is_offered_on_lessons_only(trainer_client, lesson):
    html = trainer_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content
    assert url_for(lesson).encode() in html
    module = lesson.get_parent()
    html = trainer_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content
    assert b"import-slides" not in html
    assert trainer_client.get(url_for(lesson)).status_code == 200


def test_only_editors_of_the_lesson_may_import(client, lesson):
    assert client.get(url_for(lesson)).status_code == 302  # anonymous: the admin sign-in
    hr = UserFactory()
    hr.groups.add(Group.objects.get(name=HR_GROUP))
    client.force_login(hr)
    response = client.post(url_for(lesson), {"title": "X", "file": upload(lecture_pdf())})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not get_image_model().objects.exists()
    assert not SlideImport.objects.exists()


def test_a_module_is_not_a_lesson(trainer_client):
    module = ModulePageFactory()
    assert trainer_client.get(reverse("courses_slide_import", args=[module.pk])).status_code == 404


def test_pdf_text_is_not_html(trainer_client, lesson, django_capture_on_commit_callbacks):
    pages = [("Tiêu đề <script>alert(1)</script>", ["• <b>đậm</b> & nhạt"])]
    imported(trainer_client, lesson, lecture_pdf(pages), django_capture_on_commit_callbacks)
    lesson.refresh_from_db()
    slide = lesson.get_latest_revision_as_object().body[-1].value["slides"][0]
    assert "<b>" not in slide["text"].source
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; nhạt" in slide["text"].source
