"""Góc học tập (the learner dashboard) and Kết quả học tập (the transcript)."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Enrolment
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    lesson_body,
)
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/hoc-tap/"
TRANSCRIPT = "/hoc-tap/ket-qua/"


def build_course(*, modules=1, lessons=2, images=(), title=None):
    """A course of ``modules`` × ``lessons`` lessons; each lesson has a deck over ``images``."""
    course = CoursePageFactory(**({"title": title} if title else {}))
    pages = []
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        pages += [
            LessonPageFactory(parent=module, body=lesson_body(slides=images))
            for _ in range(lessons)
        ]
    return course, pages


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def local_date(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y")


@pytest.fixture
def trainee():
    return UserFactory(full_name="Trần Thị Bình")


@pytest.fixture
def trainee_client(trainee):
    return signed_in(trainee)


# Dashboard -------------------------------------------------------------------------------------


def test_urls_are_where_the_site_links_to():
    assert reverse("dashboard") == DASHBOARD
    assert reverse("transcript") == TRANSCRIPT


@pytest.mark.parametrize("url", [DASHBOARD, TRANSCRIPT])
def test_dashboard_and_transcript_need_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_empty_dashboard_invites_the_trainee_to_start(trainee_client):
    response = trainee_client.get(DASHBOARD)

    assert response.status_code == 200
    assert (response.context["in_progress"], response.context["completed"]) == ([], [])
    content = response.content.decode()
    assert "Góc học tập" in content
    assert "Bạn chưa bắt đầu khóa học nào." in content


def test_dashboard_shows_a_course_in_progress_with_lessons_done_and_percent(
    trainee_client, trainee
):
    course, lessons = build_course(modules=2, lessons=2)
    services.lesson_complete(user=trainee, lesson=lessons[0], course=course)
    services.lesson_record_view(user=trainee, lesson=lessons[1], course=course)

    response = trainee_client.get(DASHBOARD)

    (enrolment,) = response.context["in_progress"]
    assert enrolment.course.pk == course.pk
    assert (enrolment.done_lessons, enrolment.total_lessons, enrolment.percent) == (1, 4, 25)
    assert response.context["completed"] == []
    content = response.content.decode()
    assert course.title in content
    assert "Đã học xong 1/4 bài học" in content
    assert 'value="25"' in content


def test_dashboard_counts_only_live_lessons(trainee_client, trainee):
    course, lessons = build_course(lessons=4)
    for lesson in lessons[:2]:
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    lessons[0].unpublish()  # completed, then withdrawn: counts neither as done nor in the total

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert (enrolment.done_lessons, enrolment.total_lessons, enrolment.percent) == (1, 3, 33)


def test_tiep_tuc_hoc_on_the_dashboard_is_the_course_pages_resume_link(trainee_client):
    """The first lesson not done, at the slide where the person stopped in it, even when they
    looked at a later lesson since (the next thing to do, not the last thing seen)."""
    course, (first, second) = build_course(images=[ImageFactory() for _ in range(4)])
    trainee_client.get(first.url)
    trainee_client.post(reverse("lesson_slide", args=[first.pk]), {"slide": "3"})
    trainee_client.get(second.url)
    trainee_client.post(reverse("lesson_slide", args=[second.pk]), {"slide": "2"})

    course_page = trainee_client.get(course.url)
    dashboard = trainee_client.get(DASHBOARD)

    expected = first.url + "#slide-3"
    assert course_page.context["resume_url"] == expected
    (enrolment,) = dashboard.context["in_progress"]
    assert enrolment.resume_url == expected
    assert f'href="{expected}">Tiếp tục học' in dashboard.content.decode()


def test_assigned_course_not_yet_opened_links_to_the_course(trainee_client, trainee):
    course, _lessons = build_course()
    services.enrolment_ensure(
        user=trainee, course=course, source=Enrolment.Source.ASSIGNED, due_date=date(2099, 1, 31)
    )

    response = trainee_client.get(DASHBOARD)

    (enrolment,) = response.context["in_progress"]
    assert enrolment.resume_url is None
    assert (enrolment.done_lessons, enrolment.percent) == (0, 0)
    content = response.content.decode()
    assert f'href="{course.url}">Bắt đầu học' in content  # not yet started
    assert "31/01/2099" in content


def test_completed_course_is_listed_as_completed_with_its_date(trainee_client, trainee):
    course, lessons = build_course()
    for lesson in lessons:
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    completed_at = Enrolment.objects.get(user=trainee).completed_at

    response = trainee_client.get(DASHBOARD)

    assert response.context["in_progress"] == []
    (enrolment,) = response.context["completed"]
    assert enrolment.completed_at == completed_at
    assert (enrolment.done_lessons, enrolment.total_lessons) == (2, 2)
    assert local_date(completed_at) in response.content.decode()


def test_unpublished_course_leaves_the_dashboard(trainee_client, trainee):
    course, lessons = build_course()
    services.lesson_record_view(user=trainee, lesson=lessons[0], course=course)
    course.unpublish()

    response = trainee_client.get(DASHBOARD)

    assert (response.context["in_progress"], response.context["completed"]) == ([], [])


def test_dashboard_resume_link_follows_the_course_page_when_a_module_is_withdrawn(
    trainee_client,
):
    course = CoursePageFactory()
    kept = LessonPageFactory(parent=ModulePageFactory(parent=course))
    withdrawn_module = ModulePageFactory(parent=course)
    withdrawn = LessonPageFactory(parent=withdrawn_module)
    trainee_client.get(kept.url)
    trainee_client.get(withdrawn.url)  # viewed last
    withdrawn_module.unpublish()

    course_page = trainee_client.get(course.url)
    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert course_page.context["resume_url"] == kept.url
    assert enrolment.resume_url == course_page.context["resume_url"]


def test_dashboard_total_leaves_out_lessons_of_a_withdrawn_module(trainee_client, trainee):
    course, lessons = build_course(modules=2, lessons=2)
    services.lesson_complete(user=trainee, lesson=lessons[0], course=course)
    lessons[2].get_parent().unpublish()

    course_page = trainee_client.get(course.url)
    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert course_page.context["lesson_count"] == 2
    assert (enrolment.done_lessons, enrolment.total_lessons, enrolment.percent) == (1, 2, 50)


# Transcript ------------------------------------------------------------------------------------


def test_transcript_lists_lessons_and_modules_with_their_dates(trainee_client, trainee):
    course, (done, viewed, untouched) = build_course(modules=1, lessons=3)
    other_module = ModulePageFactory(parent=course)
    finished = LessonPageFactory(parent=other_module)
    services.lesson_complete(user=trainee, lesson=done, course=course)
    services.lesson_record_view(user=trainee, lesson=viewed, course=course)
    services.lesson_complete(user=trainee, lesson=finished, course=course)

    response = trainee_client.get(TRANSCRIPT)

    (entry,) = response.context["courses"]
    assert entry["enrolment"].course_id == course.pk
    assert [row.lesson_id for row in entry["lessons"]] == [done.pk, viewed.pk, finished.pk]
    assert [row.module_id for row in entry["modules"]] == [other_module.pk]
    content = response.content.decode()
    assert "Kết quả học tập" in content
    for title in (course.title, done.title, viewed.title, finished.title, other_module.title):
        assert title in content
    assert untouched.title not in content
    assert "Chuyên đề đã hoàn thành" in content


def test_transcript_shows_a_completed_course_and_its_date(trainee_client, trainee):
    course, lessons = build_course(lessons=1)
    services.lesson_complete(user=trainee, lesson=lessons[0], course=course)
    completed_at = Enrolment.objects.get(user=trainee).completed_at

    response = trainee_client.get(TRANSCRIPT)

    (entry,) = response.context["courses"]
    assert entry["enrolment"].completed_at == completed_at
    assert local_date(completed_at) in response.content.decode()


def test_empty_transcript_says_results_appear_after_studying(trainee_client):
    response = trainee_client.get(TRANSCRIPT)

    assert response.context["courses"] == []
    assert "Chưa có kết quả học tập." in response.content.decode()


# Nobody else's progress ------------------------------------------------------------------------


@pytest.fixture
def colleague():
    """Another trainee with one course in progress and one completed."""
    person = UserFactory(full_name="Lê Văn Cường")
    studying, studying_lessons = build_course(title="Khóa học của đồng nghiệp A")
    finished, finished_lessons = build_course(lessons=1, title="Khóa học đồng nghiệp đã xong")
    services.lesson_complete(user=person, lesson=studying_lessons[0], course=studying)
    services.lesson_complete(user=person, lesson=finished_lessons[0], course=finished)
    return person


@pytest.mark.parametrize("query", ["", "?user={pk}", "?user_id={pk}&username={username}"])
def test_nobody_sees_someone_elses_dashboard_or_transcript(trainee_client, colleague, query):
    query = query.format(pk=colleague.pk, username=colleague.username)

    dashboard = trainee_client.get(DASHBOARD + query)
    transcript = trainee_client.get(TRANSCRIPT + query)

    assert (dashboard.context["in_progress"], dashboard.context["completed"]) == ([], [])
    assert transcript.context["courses"] == []
    for response in (dashboard, transcript):
        content = response.content.decode()
        assert "đồng nghiệp" not in content
        assert colleague.get_full_name() not in content


def test_each_person_sees_only_their_own_courses(trainee_client, trainee, colleague):
    mine, lessons = build_course(title="Khóa học của tôi")
    services.lesson_record_view(user=trainee, lesson=lessons[0], course=mine)

    dashboard = trainee_client.get(f"{DASHBOARD}?user={colleague.pk}")
    transcript = trainee_client.get(f"{TRANSCRIPT}?user={colleague.pk}")

    assert [e.course.pk for e in dashboard.context["in_progress"]] == [mine.pk]
    assert dashboard.context["completed"] == []
    assert [entry["enrolment"].course_id for entry in transcript.context["courses"]] == [mine.pk]
    assert "đồng nghiệp" not in dashboard.content.decode() + transcript.content.decode()


# Query counts ----------------------------------------------------------------------------------


def person_with_courses(count, image):
    """Someone enrolled in ``count`` courses, with progress in every one of them."""
    person = UserFactory()
    for n in range(count):
        course, (first, second) = build_course(images=[image])
        services.lesson_record_slide(user=person, lesson=first, course=course, slide=1)
        if n % 2:
            services.lesson_complete(user=person, lesson=second, course=course)
        if n % 3 == 0:
            services.lesson_complete(user=person, lesson=first, course=course)
    Enrolment.objects.filter(user=person).update(due_date=date(2099, 1, 31))
    return person


def page_queries(user, url):
    client = signed_in(user)
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("url", [DASHBOARD, TRANSCRIPT])
def test_queries_do_not_grow_with_the_number_of_enrolments(url):
    image = ImageFactory()
    one = person_with_courses(1, image)
    eight = person_with_courses(8, image)

    few, few_response = page_queries(one, url)
    many, many_response = page_queries(eight, url)

    if url == DASHBOARD:  # both lists are really rendered for the person with eight courses
        shown = many_response.context["in_progress"] + many_response.context["completed"]
        assert len(shown) == 8
        assert many_response.context["completed"]
    else:
        assert len(many_response.context["courses"]) == 8
    assert few_response.status_code == 200
    assert few == many, f"{url}: {few} queries with 1 enrolment, {many} with 8 enrolments"
