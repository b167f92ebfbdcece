"""Renditions are made before a trainee asks for them (issue 10, point 9): at publication, at a
PDF import and by the demo loader, so that the first view of a slide lesson resizes nothing.

Publishing queues the work (django_tasks) once the transaction commits; the tests run inside a
transaction, so they run the commit callbacks with ``django_capture_on_commit_callbacks``.
"""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.images.models import Filter, Rendition

from courses import images
from courses.models import CourseTrainer, LessonPage
from learners.roles import TRAINER_GROUP
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainerFactory,
    lesson_body,
)
from tests.courses.test_slide_import import lecture_pdf
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_image_processing(monkeypatch):
    """Fail the test if anything resizes an image from here on."""

    def refuse(*args, **kwargs):
        raise AssertionError("an image was processed while serving a page")

    def start():
        monkeypatch.setattr(Filter, "run", refuse)

    return start


@pytest.fixture
def trainee_client(client):
    client.force_login(UserFactory())
    return client


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def srcset_widths(html):
    return sorted({int(w) for w in re.findall(r"\.webp (\d+)w", html)})


def test_the_kinds_expand_to_one_webp_rendition_per_width():
    assert images.filter_specs("slide") == (
        "width-480|format-webp",
        "width-960|format-webp",
        "width-1280|format-webp",
    )
    assert all(
        "format-webp" in spec for kind in images.IMAGE_KINDS for spec in images.filter_specs(kind)
    )


def test_publishing_a_slide_lesson_makes_every_rendition_its_page_shows(
    trainee_client, django_capture_on_commit_callbacks, no_image_processing
):
    slides = [ImageFactory(file__width=1600, file__height=900) for _ in range(4)]
    figure = ImageFactory(file__width=1600, file__height=900)
    lesson = LessonPageFactory(body=lesson_body(slides=slides, figures=[figure]))
    assert Rendition.objects.count() == 0

    publish(lesson, django_capture_on_commit_callbacks)

    expected = len(slides) * len(images.filter_specs("slide")) + len(images.filter_specs("figure"))
    assert Rendition.objects.count() == expected
    made = Rendition.objects.count()
    no_image_processing()
    response = trainee_client.get(lesson.url)
    assert response.status_code == 200
    assert Rendition.objects.count() == made
    assert srcset_widths(response.content.decode()) == [480, 960, 1280, 1440]


def test_publishing_a_course_makes_its_cover_card_and_trainer_photo_renditions(
    client, django_capture_on_commit_callbacks, no_image_processing
):
    course = CoursePageFactory(cover_image=ImageFactory(), cover_alt_text="Hội nghị tập huấn")
    CourseTrainer.objects.create(course=course, trainer=TrainerFactory(photo=ImageFactory()))
    ModulePageFactory(parent=course)

    publish(course, django_capture_on_commit_callbacks)

    made = Rendition.objects.count()
    assert made == sum(
        len(images.filter_specs(kind)) for kind in ("course_cover", "course_card", "trainer_photo")
    )
    no_image_processing()
    for url in (course.url, course.get_parent().url, "/"):
        assert client.get(url).status_code == 200, url
    assert Rendition.objects.count() == made


def test_a_pdf_import_makes_the_slides_renditions_before_anyone_opens_the_lesson(
    client, django_capture_on_commit_callbacks, no_image_processing
):
    trainer = UserFactory(username="giangvien")
    trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    client.force_login(trainer)
    lesson = LessonPageFactory()
    pdf = SimpleUploadedFile("bai-giang.pdf", lecture_pdf(), content_type="application/pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("courses_slide_import", args=[lesson.pk]), {"title": "Tổng quan", "file": pdf}
        )
    assert response.status_code == 302

    lesson = LessonPage.objects.get(pk=lesson.pk)
    slides = lesson.get_latest_revision_as_object().slides
    assert len(slides) == 3
    assert Rendition.objects.count() == 3 * len(images.filter_specs("slide"))
    made = Rendition.objects.count()

    no_image_processing()
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert preview.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        lesson.get_latest_revision().publish()
    assert client.get(lesson.url).status_code == 200
    assert Rendition.objects.count() == made


def test_renditions_left_after_the_time_allowed_are_made_at_the_first_view(trainee_client):
    """In a request (the immediate backend) the work stops in time: a deck too long for it is
    finished at the next publication or, failing that, by the page itself."""
    lesson = LessonPageFactory(body=lesson_body(slides=[ImageFactory() for _ in range(2)]))
    pairs = images.page_image_kinds(lesson)

    assert images.renditions_make(pairs, deadline=time.monotonic() - 1) == 0
    assert Rendition.objects.count() == 0
    assert trainee_client.get(lesson.url).status_code == 200
    assert Rendition.objects.count() == 2 * len(images.filter_specs("slide"))
    assert images.renditions_make(pairs) == 0  # all there now: nothing more to make


def test_the_demo_loader_leaves_no_rendition_to_the_first_view(
    client, django_capture_on_commit_callbacks, no_image_processing
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_par_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    made = Rendition.objects.count()
    assert made > 0
    no_image_processing()
    assert client.login(username="hocvien", password="Demo@2017")
    deck_lessons = [lesson for lesson in LessonPage.objects.live() if lesson.slides]
    assert len(deck_lessons) == 4
    for lesson in deck_lessons:
        assert client.get(lesson.url).status_code == 200, lesson.url
    course = deck_lessons[0].course_page
    for url in ("/", course.url, course.get_parent().url):
        assert client.get(url).status_code == 200, url
    assert Rendition.objects.count() == made
