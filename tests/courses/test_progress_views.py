"""Progress through the site: the slide and complete endpoints, the lesson page recording views,
outline states, "Tiếp tục học", and nobody touching anybody else's progress."""

from datetime import timedelta

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from courses import services
from courses.models import Enrolment, LessonProgress, ModuleCompletion
from tests.courses.factories import (
    CoursePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    lesson_body,
)
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db

SLIDES = 3
NOT_FOUND = "Không tìm thấy bài học này, hoặc bài học chưa được xuất bản."


def build_course(*, modules=1, lessons=3, slides=SLIDES, **lesson_fields):
    """A course of ``modules`` × ``lessons`` lessons, each with a deck of ``slides`` slides."""
    course = CoursePageFactory()
    images = [ImageFactory() for _ in range(slides)]
    pages = []
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        pages += [
            LessonPageFactory(parent=module, body=lesson_body(slides=images), **lesson_fields)
            for _ in range(lessons)
        ]
    return course, pages


def slide_url(lesson_or_id):
    return reverse("lesson_slide", args=[getattr(lesson_or_id, "pk", lesson_or_id)])


def complete_url(lesson_or_id):
    return reverse("lesson_complete", args=[getattr(lesson_or_id, "pk", lesson_or_id)])


def missing_lesson_id():
    return Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


def assert_nothing_written():
    assert Enrolment.objects.count() == 0
    assert LessonProgress.objects.count() == 0
    assert ModuleCompletion.objects.count() == 0


def writes(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def states(response):
    return {
        item.page.pk: item.state for module in response.context["outline"] for item in module.items
    }


def rows(user):
    return {
        row.lesson_id: (row.last_slide, row.completed_at, row.last_viewed_at)
        for row in LessonProgress.objects.filter(user=user)
    }


@pytest.fixture
def trainee():
    return UserFactory(full_name="Trần Thị Bình")


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


# Slide endpoint --------------------------------------------------------------------------------


def test_slide_is_remembered(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()

    response = trainee_client.post(slide_url(lesson), {"slide": "2"})

    assert response.status_code == 200
    assert response.json() == {"slide": 2, "completed": False}
    progress = LessonProgress.objects.get(user=trainee, lesson=lesson)
    assert (progress.last_slide, progress.completed_at) == (2, None)
    assert Enrolment.objects.filter(user=trainee).count() == 1


@pytest.mark.parametrize(
    ("slide", "message"),
    [
        ("4", "Trang chiếu số 4 không có trong bài học này (bài có 3 trang)."),
        ("0", "Trang chiếu số 0 không có trong bài học này (bài có 3 trang)."),
        ("-1", "Trang chiếu số -1 không có trong bài học này (bài có 3 trang)."),
        ("abc", "Số trang chiếu không hợp lệ."),
        ("2.5", "Số trang chiếu không hợp lệ."),
        ("", "Số trang chiếu không hợp lệ."),
        (None, "Số trang chiếu không hợp lệ."),
    ],
)
def test_invalid_slide_is_a_400_with_a_vietnamese_message_and_writes_nothing(
    trainee_client, slide, message
):
    _course, (lesson, *_others) = build_course()

    response = trainee_client.post(slide_url(lesson), {} if slide is None else {"slide": slide})

    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert_nothing_written()


def test_invalid_slide_leaves_existing_progress_untouched(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()
    trainee_client.post(slide_url(lesson), {"slide": "2"})
    before = rows(trainee)

    response = trainee_client.post(slide_url(lesson), {"slide": str(SLIDES + 1)})

    assert response.status_code == 400
    assert rows(trainee) == before


def test_slide_for_an_unknown_lesson_is_a_404_json(trainee_client):
    response = trainee_client.post(slide_url(missing_lesson_id()), {"slide": "1"})

    assert response.status_code == 404
    assert response.json() == {"error": NOT_FOUND}
    assert_nothing_written()


def test_slide_for_an_unpublished_lesson_is_a_404_json(trainee_client):
    _course, (lesson, *_others) = build_course()
    lesson.unpublish()

    response = trainee_client.post(slide_url(lesson), {"slide": "1"})

    assert response.status_code == 404
    assert response.json() == {"error": NOT_FOUND}
    assert_nothing_written()


def test_anonymous_slide_is_a_401_json_and_writes_nothing(client):
    _course, (lesson, *_others) = build_course()

    response = client.post(slide_url(lesson), {"slide": "1"})

    assert response.status_code == 401
    assert response.json() == {"error": "Hãy đăng nhập để lưu tiến độ học tập."}
    assert_nothing_written()


def test_get_on_the_slide_endpoint_is_a_405(trainee_client):
    _course, (lesson, *_others) = build_course()

    response = trainee_client.get(slide_url(lesson), {"slide": "1"})

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert_nothing_written()


def test_slide_without_csrf_token_is_refused(trainee):
    _course, (lesson, *_others) = build_course()
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(slide_url(lesson), {"slide": "1"})

    assert response.status_code == 403
    assert_nothing_written()


def test_reaching_the_last_slide_completes_the_lesson_when_the_trainer_turned_it_on(
    trainee_client, trainee
):
    _course, (lesson, *_others) = build_course(complete_on_last_slide=True)

    before_last = trainee_client.post(slide_url(lesson), {"slide": str(SLIDES - 1)}).json()
    last = trainee_client.post(slide_url(lesson), {"slide": str(SLIDES)}).json()
    again = trainee_client.post(slide_url(lesson), {"slide": str(SLIDES)}).json()

    assert before_last == {"slide": SLIDES - 1, "completed": False}
    assert last == {"slide": SLIDES, "completed": True}
    assert again == {"slide": SLIDES, "completed": False}  # already completed
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None


def test_reaching_the_last_slide_does_not_complete_the_lesson_when_turned_off(
    trainee_client, trainee
):
    _course, (lesson, *_others) = build_course(complete_on_last_slide=False)

    response = trainee_client.post(slide_url(lesson), {"slide": str(SLIDES)})

    assert response.json() == {"slide": SLIDES, "completed": False}
    progress = LessonProgress.objects.get(user=trainee, lesson=lesson)
    assert (progress.last_slide, progress.completed_at) == (SLIDES, None)


# Complete endpoint -----------------------------------------------------------------------------


def test_completing_redirects_to_the_lesson_with_a_success_message(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()

    response = trainee_client.post(complete_url(lesson))

    assert response.status_code == 302
    assert response["Location"] == lesson.url + "#lesson-complete"
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None

    page = trainee_client.get(response["Location"])
    shown = [(m.level, str(m)) for m in page.context["messages"]]
    assert shown == [(messages.SUCCESS, "Đã ghi nhận hoàn thành bài học.")]
    assert "Đã ghi nhận hoàn thành bài học." in page.content.decode()
    assert page.context["complete_url"] is None
    assert "Bạn đã học xong bài này ngày" in page.content.decode()


def test_completing_again_says_so_and_keeps_the_first_date(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()
    trainee_client.post(complete_url(lesson), follow=True)  # shows the first message
    first_date = LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at

    page = trainee_client.post(complete_url(lesson), follow=True)

    shown = [(m.level, str(m)) for m in page.context["messages"]]
    assert shown == [(messages.INFO, "Bài học này đã được ghi nhận hoàn thành trước đó.")]
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at == first_date
    assert LessonProgress.objects.filter(user=trainee).count() == 1


@pytest.mark.parametrize("signed_in", [True, False], ids=["trainee", "anonymous"])
def test_get_on_complete_is_a_vietnamese_405_page_and_writes_nothing(client, trainee, signed_in):
    _course, (lesson, *_others) = build_course()
    if signed_in:
        client.force_login(trainee)

    response = client.get(complete_url(lesson))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    content = response.content.decode()
    assert "Thao tác không hợp lệ" in content
    assert "Không có gì bị thay đổi." in content
    assert_nothing_written()


def test_anonymous_complete_goes_to_sign_in_and_writes_nothing(client):
    _course, (lesson, *_others) = build_course()

    response = client.post(complete_url(lesson))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={complete_url(lesson)}"
    assert_nothing_written()


def test_complete_for_an_unknown_lesson_is_a_404(trainee_client):
    response = trainee_client.post(complete_url(missing_lesson_id()))

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert_nothing_written()


def test_complete_for_an_unpublished_lesson_is_a_404(trainee_client):
    _course, (lesson, *_others) = build_course()
    lesson.unpublish()

    response = trainee_client.post(complete_url(lesson))

    assert response.status_code == 404
    assert_nothing_written()


def test_complete_without_csrf_token_is_a_vietnamese_403_and_writes_nothing(trainee):
    _course, (lesson, *_others) = build_course()
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(complete_url(lesson))

    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()
    assert_nothing_written()


def test_complete_with_the_token_from_the_lesson_page_is_accepted(trainee):
    _course, (lesson, *_others) = build_course()
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    client.get(lesson.url)  # the page's form sets the CSRF cookie

    response = client.post(
        complete_url(lesson), {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )

    assert response.status_code == 302
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None


# Lesson page -----------------------------------------------------------------------------------


def test_first_visit_enrols_the_trainee_and_records_the_view(trainee_client, trainee):
    course, (lesson, *_others) = build_course()
    before = timezone.now()

    response = trainee_client.get(lesson.url)

    assert response.status_code == 200
    enrolment = Enrolment.objects.get(user=trainee)
    assert (enrolment.course_id, enrolment.source) == (course.pk, Enrolment.Source.SELF)
    progress = LessonProgress.objects.get(user=trainee)
    assert progress.lesson_id == lesson.pk
    assert progress.course_id == course.pk
    assert progress.first_viewed_at >= before
    assert progress.last_viewed_at >= before
    assert (progress.completed_at, progress.last_slide) == (None, 0)
    assert response.context["complete_url"] == complete_url(lesson)
    assert response.context["slide_progress_url"] == slide_url(lesson)


def test_second_visit_within_a_minute_writes_nothing(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()
    trainee_client.get(lesson.url)
    before = rows(trainee)

    with CaptureQueriesContext(connection) as queries:
        response = trainee_client.get(lesson.url)

    assert response.status_code == 200
    assert writes(queries) == []
    assert rows(trainee) == before
    assert response.context["progress"].lesson_id == lesson.pk


def test_visit_after_a_minute_moves_only_the_last_view(trainee_client, trainee):
    _course, (lesson, *_others) = build_course()
    trainee_client.get(lesson.url)
    earlier = timezone.now() - timedelta(minutes=5)
    LessonProgress.objects.update(first_viewed_at=earlier, last_viewed_at=earlier)

    trainee_client.get(lesson.url)

    progress = LessonProgress.objects.get(user=trainee)
    assert progress.first_viewed_at == earlier
    assert progress.last_viewed_at > earlier + services.VIEW_RESOLUTION
    assert LessonProgress.objects.count() == 1


def test_anonymous_visit_records_nothing_and_offers_sign_in(client):
    _course, (lesson, *_others) = build_course()

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert response.context["complete_url"] is None
    assert response.context["slide_progress_url"] is None
    assert set(states(response).values()) == {None}
    assert "Đăng nhập để lưu tiến độ học tập" in response.content.decode()
    assert_nothing_written()


def test_outline_shows_completed_in_progress_and_not_started(trainee_client, trainee):
    course, (done, current, viewed, untouched) = build_course(lessons=4)
    services.lesson_complete(user=trainee, lesson=done, course=course)
    services.lesson_record_view(user=trainee, lesson=viewed, course=course)

    lesson_page = trainee_client.get(current.url)  # first visit: counts as started
    course_page = trainee_client.get(course.url)

    expected = {
        done.pk: "completed",
        current.pk: "in_progress",
        viewed.pk: "in_progress",
        untouched.pk: "not_started",
    }
    assert states(lesson_page) == expected
    assert states(course_page) == expected
    html = lesson_page.content.decode()
    for badge in ("Đã hoàn thành", "Đang học", "Chưa bắt đầu"):
        assert badge in html


# Resume ----------------------------------------------------------------------------------------


def test_course_page_resumes_at_the_last_slide_of_the_first_lesson_not_done(trainee_client):
    course, (first, second, _third) = build_course()
    trainee_client.get(first.url)
    trainee_client.post(slide_url(first), {"slide": "2"})
    trainee_client.post(complete_url(first))
    trainee_client.get(second.url)
    trainee_client.post(slide_url(second), {"slide": "3"})

    response = trainee_client.get(course.url)

    assert response.context["resume_url"] == second.url + "#slide-3"
    assert f'href="{second.url}#slide-3"' in response.content.decode()
    assert "Tiếp tục học" in response.content.decode()


def test_course_page_resumes_at_the_first_lesson_not_done_even_if_a_later_one_was_seen(
    trainee_client,
):
    course, (first, second, _third) = build_course()
    trainee_client.get(second.url)

    response = trainee_client.get(course.url)

    assert response.context["resume_url"] == first.url


def test_course_page_offers_to_start_when_nothing_was_viewed(trainee_client):
    course, _lessons = build_course()

    response = trainee_client.get(course.url)

    assert response.context["resume_url"] is None
    assert "Bắt đầu học" in response.content.decode()


# Nobody else's progress ------------------------------------------------------------------------


@pytest.fixture
def colleague_progress():
    """Another trainee, A, part-way through a course: lesson 1 done, lesson 2 at slide 2."""
    colleague = UserFactory(full_name="Lê Văn Cường")
    course, lessons = build_course()
    services.lesson_complete(user=colleague, lesson=lessons[0], course=course)
    services.lesson_record_slide(user=colleague, lesson=lessons[1], course=course, slide=2)
    return colleague, course, lessons


def test_posting_for_lessons_someone_else_studies_changes_only_my_rows(
    trainee_client, trainee, colleague_progress
):
    colleague, _course, (done, at_slide_2, _third) = colleague_progress
    theirs = rows(colleague)

    trainee_client.post(complete_url(at_slide_2))
    trainee_client.post(slide_url(done), {"slide": "3"})

    assert rows(colleague) == theirs
    mine = {row.lesson_id: row for row in LessonProgress.objects.filter(user=trainee)}
    assert mine[at_slide_2.pk].completed_at is not None
    assert (mine[done.pk].last_slide, mine[done.pk].completed_at) == (3, None)
    assert Enrolment.objects.filter(user=colleague).count() == 1


def test_naming_another_user_in_the_request_changes_nothing_of_theirs(
    trainee_client, trainee, colleague_progress
):
    colleague, _course, (_done, at_slide_2, third) = colleague_progress
    theirs = rows(colleague)
    other = {"user": colleague.pk, "user_id": colleague.pk}

    trainee_client.post(f"{complete_url(third)}?user={colleague.pk}", other)
    trainee_client.post(f"{slide_url(at_slide_2)}?user={colleague.pk}", {"slide": "1", **other})

    assert rows(colleague) == theirs
    assert set(rows(trainee)) == {third.pk, at_slide_2.pk}


def test_lesson_and_course_pages_never_show_someone_elses_progress(
    trainee_client, colleague_progress
):
    colleague, course, (done, at_slide_2, third) = colleague_progress

    lesson_page = trainee_client.get(f"{done.url}?user={colleague.pk}")
    course_page = trainee_client.get(f"{course.url}?user={colleague.pk}")

    assert lesson_page.context["progress"] is None
    assert lesson_page.context["complete_url"] == complete_url(done)
    assert states(lesson_page) == {
        done.pk: "in_progress",  # my own first visit, not their completion
        at_slide_2.pk: "not_started",
        third.pk: "not_started",
    }
    assert "Bạn đã học xong bài này" not in lesson_page.content.decode()
    assert course_page.context["resume_url"] == done.url  # mine, not their slide 2
    assert "#slide-2" not in course_page.content.decode()


# View restrictions -----------------------------------------------------------------------------


def restrict(course, restriction_type, groups=()):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=restriction_type)
    restriction.groups.set(groups)


def test_trainee_outside_a_restricted_group_can_neither_open_nor_record_its_lessons(
    trainee_client,
):
    course, (lesson, *_others) = build_course()
    restrict(course, PageViewRestriction.GROUPS, [Group.objects.create(name="Sở Tài chính")])

    page = trainee_client.get(lesson.url)
    complete = trainee_client.post(complete_url(lesson))
    slide = trainee_client.post(slide_url(lesson), {"slide": "1"})

    assert page.status_code == 302  # to sign in with another account
    assert (complete.status_code, slide.status_code) == (404, 404)
    assert_nothing_written()


def test_trainee_can_complete_a_lesson_of_a_course_for_signed_in_users(trainee_client, trainee):
    course, (lesson, *_others) = build_course()
    restrict(course, PageViewRestriction.LOGIN)
    page = trainee_client.get(lesson.url)
    assert page.status_code == 200
    assert page.context["complete_url"] == complete_url(lesson)

    response = trainee_client.post(page.context["complete_url"])

    assert response.status_code == 302
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).completed_at is not None


def test_trainee_can_record_slides_of_a_course_for_signed_in_users(trainee_client, trainee):
    course, (lesson, *_others) = build_course()
    restrict(course, PageViewRestriction.LOGIN)
    page = trainee_client.get(lesson.url)
    assert page.context["slide_progress_url"] == slide_url(lesson)

    response = trainee_client.post(page.context["slide_progress_url"], {"slide": "2"})

    assert response.status_code == 200
    assert LessonProgress.objects.get(user=trainee, lesson=lesson).last_slide == 2


# Query counts ----------------------------------------------------------------------------------


def lesson_page_queries(client, url):
    client.get(url)  # warm-up: records the view and makes the image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert writes(queries) == []
    return len(queries)


def test_lesson_page_queries_for_a_trainee_do_not_grow_with_course_or_progress(
    trainee_client, trainee
):
    _small, small_lessons = build_course(modules=1, lessons=1, slides=1)
    big, big_lessons = build_course(modules=4, lessons=6, slides=24)
    for lesson in big_lessons[:10]:
        services.lesson_complete(user=trainee, lesson=lesson, course=big)
    for n, lesson in enumerate(big_lessons[10:20], 1):
        services.lesson_record_slide(user=trainee, lesson=lesson, course=big, slide=n)

    small = lesson_page_queries(trainee_client, small_lessons[0].url)
    large = lesson_page_queries(trainee_client, big_lessons[-1].url)

    assert small == large, (
        f"lesson page: {small} queries for 1 module/1 lesson/1 slide, "
        f"{large} for 4 modules/24 lessons/24 slides with progress in 20 lessons"
    )


def test_going_back_to_a_lesson_within_a_minute_moves_continue_to_it(trainee_client):
    course, (first, second, *_rest) = build_course()
    trainee_client.get(first.url)
    trainee_client.get(second.url)
    trainee_client.get(first.url)  # back again, well within the minute

    assert trainee_client.get(course.url).context["resume_url"] == first.url


def test_completing_again_records_a_module_left_complete_by_an_unpublished_lesson(trainee):
    course, (first, second, third) = build_course()
    for lesson in (first, second):
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    third.unpublish()
    assert not ModuleCompletion.objects.filter(user=trainee).exists()

    assert services.lesson_complete(user=trainee, lesson=second, course=course) is False

    assert ModuleCompletion.objects.filter(user=trainee).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None
