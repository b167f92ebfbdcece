"""Vietnamese by default whatever the browser asks; English when chosen; catalogues compiled."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import formats, translation

pytestmark = pytest.mark.django_db


def test_vietnamese_is_the_default_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()
    assert "Tìm kiếm" in response.content.decode()


def test_english_is_available_from_the_language_switch(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en"' in html
    assert "Search" in html


def test_compiled_catalogues_are_shipped():
    for language in ("vi", "en"):
        catalogue = Path(settings.BASE_DIR, "locale", language, "LC_MESSAGES", "django.mo")
        assert catalogue.exists(), catalogue


def test_dates_are_written_day_month_year():
    with translation.override("vi"):
        assert formats.date_format(datetime.date(2017, 8, 31)) == "31/08/2017"
        assert formats.number_format(87.5, 1) == "87,5"


@pytest.mark.django_db
def test_the_wagtail_admin_speaks_vietnamese_to_trainers(client):
    """Strings Wagtail's own Vietnamese catalogue leaves in English come from locale_admin/."""
    from django.contrib.auth.models import Group

    from tests.courses.factories import LessonPageFactory
    from tests.learners.factories import UserFactory

    trainer = UserFactory()
    trainer.groups.add(Group.objects.get(name="Giảng viên"))
    client.force_login(trainer)
    lesson = LessonPageFactory()
    html = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    for text in ("Lưu nháp", "Thao tác khác", "Bản đồ thu nhỏ"):
        assert text in html, text
    assert ">Save draft<" not in html
    assert "gravatar" not in client.get("/admin/").content.decode()  # nothing from outside


@pytest.mark.django_db
def test_the_admin_scripts_speak_vietnamese_too(client):
    from tests.learners.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True))
    import json

    catalogue = client.get("/admin/jsi18n/").content.decode()
    text = "Thu gọn tất cả"
    assert text in catalogue or json.dumps(text)[1:-1] in catalogue
