"""The trainee's own path (issue 12, point 5): the account menu in every page's header, "Tiếp
tục học" leading to the next thing to do (a quiz included), "Tiếp tục" on a module once started
and "Ôn lại" once done, and the course-complete panel after the last lesson or quiz."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Certificate, Enrolment, LessonProgress
from quizzes import services as quiz_services
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.courses.test_dashboard import page_queries
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory, question

pytestmark = pytest.mark.django_db

DASHBOARD = "/hoc-tap/"
PROFILE = "/accounts/profile/"
PASSWORD = "/accounts/password/"
RIGHT = {"q1": ["q1c1"]}  # the one question of ``quiz_in``, answered right


def quiz_in(module):
    """A one-question quiz at the end of ``module`` (its first choice is right)."""
    return QuizPageFactory(parent=module, fixed=[question()])


def course_with_quiz(lessons=2):
    """A course of one module: ``lessons`` lessons, then a quiz."""
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    pages = [LessonPageFactory(parent=module) for _ in range(lessons)]
    return course, module, pages, quiz_in(module)


def complete(user, course, *lessons):
    for lesson in lessons:
        services.lesson_complete(user=user, lesson=lesson, course=course)


def pass_quiz(user, quiz, answers=RIGHT):
    attempt = quiz_services.attempt_start(user=user, quiz=quiz)
    quiz_services.attempt_submit(attempt=attempt, answers=answers)
    attempt.refresh_from_db()
    return attempt


def submit_through_the_page(client, quiz, answers=RIGHT):
    """Start and submit through the quiz's pages; the results page, followed."""
    take = client.post(quiz.url + quiz.reverse_subpage("start"))["Location"]
    return client.post(take, answers, follow=True)


@pytest.fixture
def trainee():
    return UserFactory(full_name="Lê Thị Hoa")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def trainee_client(trainee):
    return signed_in(trainee)


def header(response):
    html = response.content.decode()
    return html[html.index('<header class="site-header">') : html.index("</header>")]


# 1. The account menu ---------------------------------------------------------------------------


def test_every_page_header_links_profile_and_password_change_for_a_signed_in_person(
    trainee_client,
):
    course, _module, (lesson, *_rest), _quiz = course_with_quiz()
    for url in ("/", course.url, lesson.url, DASHBOARD, "/tags/", PROFILE):
        response = trainee_client.get(url)
        assert response.status_code == 200, url
        menu = header(response)
        assert '<details class="account-menu">' in menu, url
        # The summary's accessible name says whose account it is.
        assert re.search(r"<summary[^>]*>.*Tài khoản: .*Lê Thị Hoa.*</summary>", menu), url
        assert f'href="{PROFILE}"' in menu and ">Hồ sơ cá nhân</a>" in menu, url
        assert f'href="{PASSWORD}"' in menu and ">Đổi mật khẩu</a>" in menu, url
        assert "Đăng xuất" in menu, url
    assert f'href="{PROFILE}" aria-current="page"' in header(trainee_client.get(PROFILE))


def test_the_menu_links_lead_to_the_profile_and_the_password_change(trainee_client):
    assert trainee_client.get(PROFILE).status_code == 200
    assert trainee_client.get(PASSWORD).status_code == 200


def test_an_anonymous_visitor_sees_sign_in_and_no_account_menu(client):
    menu = header(client.get("/"))
    assert "Đăng nhập" in menu
    assert "account-menu" not in menu
    assert PROFILE not in menu and PASSWORD not in menu


# 2. "Tiếp tục học": the next thing to do -------------------------------------------------------


def test_continue_leads_to_the_quiz_once_the_modules_lessons_are_done(trainee_client, trainee):
    course, module, lessons, quiz = course_with_quiz()
    later = ModulePageFactory(parent=course)
    LessonPageFactory(parent=later)
    complete(trainee, course, *lessons)

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]
    course_page = trainee_client.get(course.url)

    assert enrolment.resume_url == quiz.url
    assert course_page.context["resume_url"] == quiz.url
    assert f'href="{quiz.url}">Tiếp tục học' in course_page.content.decode()


def test_continue_goes_on_past_a_passed_quiz(trainee_client, trainee):
    course, _module, lessons, quiz = course_with_quiz()
    later = ModulePageFactory(parent=course)
    next_lesson = LessonPageFactory(parent=later)
    complete(trainee, course, *lessons)
    assert pass_quiz(trainee, quiz).passed

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert enrolment.resume_url == next_lesson.url
    assert trainee_client.get(course.url).context["resume_url"] == next_lesson.url


def test_a_failed_quiz_is_still_the_next_thing_to_do(trainee_client, trainee):
    course, _module, lessons, quiz = course_with_quiz()
    complete(trainee, course, *lessons)
    assert pass_quiz(trainee, quiz, answers={"q1": ["q1c2"]}).passed is False

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert enrolment.resume_url == quiz.url


def test_with_two_quizzes_continue_leads_to_the_one_not_passed(trainee_client, trainee):
    """Only the quizzes' own records tell which of two quizzes is passed: the dashboard asks
    them (one query more, only then)."""
    course, module, lessons, first_quiz = course_with_quiz()
    second_quiz = quiz_in(module)
    complete(trainee, course, *lessons)
    pass_quiz(trainee, first_quiz)

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert enrolment.resume_url == second_quiz.url
    assert trainee_client.get(course.url).context["resume_url"] == second_quiz.url


def test_a_lesson_after_a_passed_quiz_in_the_same_module_comes_next(trainee_client, trainee):
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    first = LessonPageFactory(parent=module)
    quiz = quiz_in(module)
    last = LessonPageFactory(parent=module)
    complete(trainee, course, first)
    pass_quiz(trainee, quiz)

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert enrolment.resume_url == last.url
    assert trainee_client.get(course.url).context["resume_url"] == last.url


def test_when_everything_is_done_continue_leads_to_the_course_page(trainee_client, trainee):
    """Every lesson done but the completion not recorded (no module completion yet, as after a
    lesson was added and done before the nightly reconciliation)."""
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module)
    Enrolment.objects.create(user=trainee, course=course)
    now = timezone.now()
    LessonProgress.objects.create(
        user=trainee, lesson=lesson, course=course, completed_at=now, last_viewed_at=now
    )

    (enrolment,) = trainee_client.get(DASHBOARD).context["in_progress"]

    assert enrolment.resume_url == course.url


def test_a_quiz_as_the_next_step_costs_the_dashboard_no_query(trainee):
    at_a_lesson = UserFactory()
    course, _module, lessons, quiz = course_with_quiz()
    complete(at_a_lesson, course, lessons[0])
    complete(trainee, course, *lessons)

    lesson_count, lesson_response = page_queries(at_a_lesson, DASHBOARD)
    quiz_count, quiz_response = page_queries(trainee, DASHBOARD)

    assert lesson_response.context["in_progress"][0].resume_url == lessons[1].url
    assert quiz_response.context["in_progress"][0].resume_url == quiz.url
    assert lesson_count == quiz_count


# 3. A module: "Bắt đầu học", "Tiếp tục", "Ôn lại chuyên đề" -----------------------------------


def main_buttons(response):
    html = response.content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]
    return re.findall(r'<a class="button[^"]*" href="([^"]*)">([^<]*)', main)


def test_a_module_not_started_offers_to_start(trainee_client):
    _course, module, (first, _second), _quiz = course_with_quiz()

    assert main_buttons(trainee_client.get(module.url)) == [(first.url, "Bắt đầu học")]


def test_a_started_module_offers_to_continue_at_its_next_item(trainee_client, trainee):
    course, module, (first, second), quiz = course_with_quiz()
    trainee_client.get(first.url)

    assert main_buttons(trainee_client.get(module.url)) == [(first.url, "Tiếp tục")]

    complete(trainee, course, first)
    assert main_buttons(trainee_client.get(module.url)) == [(second.url, "Tiếp tục")]

    complete(trainee, course, second)
    response = trainee_client.get(module.url)
    assert main_buttons(response) == [(quiz.url, "Tiếp tục")]
    assert "Bắt đầu học" not in response.content.decode()


def test_a_completed_module_offers_the_next_module_and_a_review(trainee_client, trainee):
    course, module, lessons, quiz = course_with_quiz()
    later = ModulePageFactory(parent=course)
    LessonPageFactory(parent=later)
    complete(trainee, course, *lessons)
    pass_quiz(trainee, quiz)

    response = trainee_client.get(module.url)

    assert main_buttons(response) == [
        (later.url, "Sang chuyên đề sau"),
        (lessons[0].url, "Ôn lại chuyên đề"),
    ]
    assert "Bạn đã học xong chuyên đề này." in response.content.decode()


def test_a_course_page_offers_start_then_continue_then_review(trainee_client, trainee):
    course, _module, lessons, quiz = course_with_quiz()
    assert (lessons[0].url, "Bắt đầu học") in main_buttons(trainee_client.get(course.url))

    trainee_client.get(lessons[0].url)
    assert (lessons[0].url, "Tiếp tục học") in main_buttons(trainee_client.get(course.url))

    complete(trainee, course, *lessons)
    pass_quiz(trainee, quiz)
    response = trainee_client.get(course.url)
    certificate = Certificate.objects.get(user=trainee, course=course)
    assert response.context["resume_url"] is None
    assert certificate.is_valid
    assert main_buttons(response) == [
        (reverse("certificate_for_course", args=[course.pk]), "Xem giấy chứng nhận"),
        (lessons[0].url, "Ôn lại khóa học"),
    ]
    assert f"Bạn đã hoàn thành khóa học “{course.title}”" in response.content.decode()


# 4. The course complete: after the last lesson, after the last quiz -----------------------------


def test_finishing_the_last_lesson_says_the_course_is_complete_and_links_the_certificate(
    trainee_client, trainee
):
    course = CoursePageFactory(title="Kỹ năng cải cách hành chính")
    module = ModulePageFactory(parent=course)
    first, last = LessonPageFactory(parent=module), LessonPageFactory(parent=module)
    complete(trainee, course, first)

    response = trainee_client.post(reverse("lesson_complete", args=[last.pk]), follow=True)

    certificate = Certificate.objects.get(user=trainee, course=course)
    html = response.content.decode()
    assert [str(m) for m in response.context["messages"]] == [
        "Đã ghi nhận hoàn thành bài học. Bạn đã hoàn thành khóa học “Kỹ năng cải cách hành "
        "chính”: giấy chứng nhận ở ngay dưới đây."
    ]
    panel = html[html.index('id="course-complete"') :]
    assert "Bạn đã hoàn thành khóa học “Kỹ năng cải cách hành chính”" in panel
    link = reverse("certificate_for_course", args=[course.pk])
    assert f'href="{link}">Xem giấy chứng nhận' in panel
    download = trainee_client.get(link, follow=True)
    assert download.redirect_chain[-1][0] == reverse(
        "certificate_download", args=[certificate.number]
    )
    assert download["Content-Type"] == "application/pdf"


def test_finishing_a_lesson_that_is_not_the_last_points_to_the_next_thing(trainee_client, trainee):
    course, _module, (first, second), _quiz = course_with_quiz()

    response = trainee_client.post(reverse("lesson_complete", args=[first.pk]), follow=True)

    html = response.content.decode()
    assert [str(m) for m in response.context["messages"]] == ["Đã ghi nhận hoàn thành bài học."]
    assert 'id="course-complete"' not in html
    assert re.search(rf'<a class="button button--primary" href="{second.url}">Tiếp tục học', html)


def test_passing_the_last_quiz_says_the_course_is_complete_and_links_the_certificate(
    trainee_client, trainee
):
    course, _module, lessons, quiz = course_with_quiz()
    complete(trainee, course, *lessons)

    response = submit_through_the_page(trainee_client, quiz)

    certificate = Certificate.objects.get(user=trainee, course=course)
    assert response.context["completion"].certificate_number == certificate.number
    html = response.content.decode()
    assert f"Bạn đã hoàn thành khóa học “{course.title}”" in html
    link = reverse("certificate_for_course", args=[course.pk])
    assert f'href="{link}">Xem giấy chứng nhận' in html


def test_passing_a_quiz_that_is_not_the_last_continues_with_the_next_thing(trainee_client, trainee):
    course, _module, lessons, quiz = course_with_quiz()
    later = ModulePageFactory(parent=course)
    next_lesson = LessonPageFactory(parent=later)
    complete(trainee, course, *lessons)

    response = submit_through_the_page(trainee_client, quiz)

    assert response.context["completion"] is None
    assert response.context["next_url"] == next_lesson.url
    html = response.content.decode()
    assert f'href="{next_lesson.url}">Tiếp tục học' in html
    assert "Bạn đã hoàn thành khóa học" not in html


def test_failing_a_quiz_offers_no_completion(trainee_client, trainee):
    course, _module, lessons, quiz = course_with_quiz()
    complete(trainee, course, *lessons)

    response = submit_through_the_page(trainee_client, quiz, answers={"q1": ["q1c2"]})

    assert (response.context["completion"], response.context["next_url"]) == (None, None)
    assert "Bạn đã hoàn thành khóa học" not in response.content.decode()


def test_the_course_page_shows_the_due_date_and_overdue(trainee_client, trainee):
    """An assigned course says by when it must be done, and that the date has passed."""
    course, _modules, _lessons, _quiz = course_with_quiz()
    anonymous = Client().get(course.url)
    assert "Hạn hoàn thành" not in anonymous.content.decode()

    Enrolment.objects.create(user=trainee, course=course, due_date=timezone.localdate())
    body = trainee_client.get(course.url).content.decode()
    assert "Hạn hoàn thành: " + timezone.localdate().strftime("%d/%m/%Y") in body
    assert "Quá hạn" not in body

    past = timezone.localdate() - datetime.timedelta(days=3)
    Enrolment.objects.filter(user=trainee, course=course).update(due_date=past)
    body = trainee_client.get(course.url).content.decode()
    assert "Hạn hoàn thành: " + past.strftime("%d/%m/%Y") in body
    assert "Quá hạn" in body
