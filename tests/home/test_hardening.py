"""Login lockout, Content Security Policy, idle sessions, rate limits and upload checks."""

import io
import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images import get_image_model

from home.middleware import SESSION_EXPIRED
from tests.courses.factories import ImageFactory, LessonPageFactory, lesson_body
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    from axes.models import AccessAttempt  # needs the app registry

    AccessAttempt.objects.all().delete()


def test_login_is_locked_after_five_failures_with_a_vietnamese_message(client, axes_on):
    user = UserFactory(username="hv_khoa")
    for _ in range(5):
        client.post(LOGIN, {"username": "hv_khoa", "password": "sai-mat-khau"})
    response = client.post(LOGIN, {"username": "hv_khoa", "password": "Demo@2017"})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another person from the same address is not locked out.
    other = UserFactory(username="hv_khac")
    response = client.post(LOGIN, {"username": other.username, "password": "Demo@2017"})
    assert response.status_code == 302
    assert user.pk != other.pk


def test_a_successful_login_with_axes_on_works(client, axes_on):
    UserFactory(username="hv_dung")
    response = client.post(LOGIN, {"username": "hv_dung", "password": "Demo@2017"})
    assert response.status_code == 302


def _inline_scripts(html):
    return [m for m in re.findall(r"<script\b([^>]*)>", html) if "src=" not in m]


def test_public_pages_send_a_strict_csp_and_carry_no_inline_script_or_style(client):
    image = ImageFactory()
    lesson = LessonPageFactory(body=lesson_body(slides=[image], figures=[image]))
    for url in ["/", lesson.url, lesson.get_parent().url, "/search/?q=cải+cách", LOGIN, "/tags/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "frame-ancestors 'none'" in policy
        html = response.content.decode()
        assert _inline_scripts(html) == [], url
        assert " style=" not in html and "<style" not in html, url


def test_idle_session_is_signed_out(client, settings):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/hoc-tap/").status_code == 200
    session = client.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/hoc-tap/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    follow = client.get(response["Location"])
    assert SESSION_EXPIRED in [str(m) for m in follow.context["messages"]]


def test_search_is_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": 3}
    codes = [client.get("/search/", {"q": "cải cách"}).status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    response = client.get("/search/", {"q": "cải cách"})
    assert "Thao tác quá nhanh" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_uploads_are_stored_under_server_made_names():
    document = Document.objects.create(
        title="Báo cáo", file=ContentFile(b"%PDF-1.4", name="Báo cáo CCHC 2017.PDF")
    )
    name = document.file.name
    assert "Báo cáo" not in name
    assert name.endswith(".pdf")
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", name)
    with pytest.raises(SuspiciousFileOperation):
        default_storage.save("documents/../../etc/passwd", ContentFile(b"x"))


@pytest.fixture
def trainer_client(client):
    user = UserFactory(username="giangvien_upload")
    user.groups.add(Group.objects.get(name="Giảng viên"))
    client.force_login(user)
    return client


def _upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tài liệu", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_fake_pdf_is_refused(trainer_client):
    response = _upload_document(trainer_client, "bao-cao.pdf", b"MZ\x90\x00 this is an exe")
    assert response.status_code == 200
    assert "không khớp" in response.content.decode()
    assert not Document.objects.exists()


def test_a_real_pdf_is_accepted(trainer_client):
    response = _upload_document(trainer_client, "bao-cao.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    assert response.status_code == 302
    assert Document.objects.count() == 1


def test_an_oversized_document_is_refused(trainer_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    response = _upload_document(trainer_client, "lon.txt", b"x" * 2048)
    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert not Document.objects.exists()


def _png(width, height):
    buffer = io.BytesIO()
    PILImage.new("L", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_decompression_bomb_image_is_refused(trainer_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    response = trainer_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh lớn",
            "file": SimpleUploadedFile("bom.png", _png(2000, 2000)),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_a_text_file_named_png_is_refused_as_an_image(trainer_client):
    response = trainer_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Giả",
            "file": SimpleUploadedFile("gia.png", b"not an image at all"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
