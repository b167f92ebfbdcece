"""/tags/ and /tags/<slug>/ list only the tags of live, public courses and lessons: a draft's
tags (saved through the admin) never show, nor a private page's."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonTag
from learners.roles import TRAINER_GROUP
from tests.courses.factories import CoursePageFactory, LessonPageFactory
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    user = UserFactory(username="giangvien")
    user.groups.add(Group.objects.get(name=TRAINER_GROUP))
    client.force_login(user)
    return client


def save_draft(client, lesson, tags):
    """The trainer's "Lưu bản nháp" in the page editor, with these tags."""
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "estimated_minutes": "20",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
            "tags": tags,
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 302, response.context["form"].errors


def listed_tags(client):
    response = client.get("/tags/")
    assert response.status_code == 200
    return {tag.name: tag.uses for tag in response.context["tags"]}


def test_tags_of_a_never_published_draft_do_not_show(client, trainer_client):
    published = LessonPageFactory()
    published.tags.add("cải cách hành chính")
    published.save_revision().publish()
    draft = LessonPageFactory(live=False)
    Page.objects.filter(pk=draft.pk).update(live=False)
    save_draft(trainer_client, draft, "bí mật chưa công bố, cải cách hành chính")
    # The draft's tags are in the database (Wagtail saves a never-published page itself).
    assert LessonTag.objects.filter(content_object=draft, tag__name="bí mật chưa công bố").exists()

    client.logout()
    assert listed_tags(client) == {"cải cách hành chính": 1}
    assert "bí mật chưa công bố" not in client.get("/tags/").content.decode()
    secret = Tag.objects.get(name="bí mật chưa công bố")
    assert client.get(f"/tags/{secret.slug}/").status_code == 404
    shared = Tag.objects.get(name="cải cách hành chính")
    response = client.get(f"/tags/{shared.slug}/")
    assert list(response.context["lessons"]) == [published.specific_deferred]


def test_a_published_page_shows_its_published_tags_not_its_drafts(client, trainer_client):
    lesson = LessonPageFactory()
    lesson.tags.add("kế hoạch CCHC")
    lesson.save_revision().publish()

    save_draft(trainer_client, lesson, "kế hoạch CCHC, thẻ mới trong bản nháp")

    client.logout()
    assert listed_tags(client) == {"kế hoạch CCHC": 1}
    # The draft (with the new tag) is saved as a revision, waiting for its publication.
    lesson.refresh_from_db()
    assert lesson.has_unpublished_changes


def test_unpublished_and_private_pages_tags_do_not_show_and_counts_are_exact(client):
    public = CoursePageFactory()
    public.tags.add("chỉ số CCHC")
    public.save_revision().publish()
    for _ in range(2):
        lesson = LessonPageFactory()
        lesson.tags.add("chỉ số CCHC")
        lesson.save_revision().publish()
    unpublished = LessonPageFactory()
    unpublished.tags.add("đã gỡ xuống")
    unpublished.save_revision().publish()
    unpublished.unpublish()
    private = LessonPageFactory()
    private.tags.add("nội bộ")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert listed_tags(client) == {"chỉ số CCHC": 3}
    for name in ("đã gỡ xuống", "nội bộ"):
        assert client.get(f"/tags/{Tag.objects.get(name=name).slug}/").status_code == 404
