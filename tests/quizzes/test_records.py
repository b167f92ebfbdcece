"""Attempt records: each person sees only their own attempts, the quiz page lists their history,
and passing the quiz completes the module (and the course with its last module) end to end."""

import random

import pytest
from django.urls import reverse

from courses.models import Enrolment, LessonProgress, ModuleCompletion
from quizzes import services, taking
from quizzes.models import Attempt
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory, question

pytestmark = pytest.mark.django_db

FIELDS = ("number", "submitted_at", "expired", "answers", "results", "score", "passed")


def sub_url(quiz, name, *args):
    return quiz.url + quiz.reverse_subpage(name, args=list(args) or None)


def complete_url(lesson):
    return reverse("lesson_complete", args=[lesson.pk])


def quiz_questions(n=3):
    return [question(text=f"Câu hỏi cuối chuyên đề số {q}", correct=(0,)) for q in range(1, n + 1)]


def right(n=3):
    return {f"q{q}": [f"q{q}c1"] for q in range(1, n + 1)}


def wrong(n=3):
    return {f"q{q}": [f"q{q}c2"] for q in range(1, n + 1)}


def take(user, quiz, answers):
    attempt = services.attempt_start(user=user, quiz=quiz, rng=random.Random(3))  # noqa: S311 - reproducible draws
    return services.attempt_submit(attempt=attempt, answers=answers)


def stored(user):
    return list(Attempt.objects.filter(user=user).order_by("number").values(*FIELDS))


def shown(response):
    return [str(m) for m in response.context["messages"]]


@pytest.fixture
def trainee():
    return UserFactory(full_name="Võ Văn Minh")


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


# Only one's own attempts -----------------------------------------------------------------------


@pytest.fixture
def colleague_attempts():
    """Colleague A: attempt 1 passed, attempt 2 open with a saved answer."""
    colleague = UserFactory(full_name="Lê Thị Lan")
    quiz = QuizPageFactory(fixed=quiz_questions(), attempts_allowed=3)
    take(colleague, quiz, right())
    open_attempt = services.attempt_start(user=colleague, quiz=quiz)
    services.attempt_save(attempt=open_attempt, answers={"q1": ["q1c2"]})
    return colleague, quiz


def test_another_persons_attempt_numbers_are_404_everywhere(trainee_client, colleague_attempts):
    colleague, quiz = colleague_attempts
    theirs = stored(colleague)

    responses = {
        "take 1": trainee_client.get(sub_url(quiz, "take", 1)),
        "take 2": trainee_client.get(sub_url(quiz, "take", 2)),
        "submit 2": trainee_client.post(sub_url(quiz, "take", 2), right()),
        "form save 2": trainee_client.post(sub_url(quiz, "take", 2), {**right(), "save": "1"}),
        "save 2": trainee_client.post(sub_url(quiz, "save", 2), right()),
        "results 1": trainee_client.get(sub_url(quiz, "results", 1)),
        "results 2": trainee_client.get(sub_url(quiz, "results", 2)),
    }

    assert {name: r.status_code for name, r in responses.items()} == dict.fromkeys(responses, 404)
    assert "Lê Thị Lan" not in "".join(r.content.decode() for r in responses.values())
    assert stored(colleague) == theirs
    assert not Attempt.objects.exclude(user=colleague).exists()


def test_my_attempt_numbers_are_my_own_attempts(trainee_client, trainee, colleague_attempts):
    colleague, quiz = colleague_attempts
    theirs = stored(colleague)

    started = trainee_client.post(sub_url(quiz, "start"))
    page = trainee_client.get(sub_url(quiz, "take", 1))
    trainee_client.post(sub_url(quiz, "take", 1), wrong())
    results = trainee_client.get(sub_url(quiz, "results", 1))
    someone_elses_open_number = trainee_client.get(sub_url(quiz, "take", 2))

    assert started["Location"] == sub_url(quiz, "take", 1)
    assert page.context["attempt"].user == trainee
    assert page.context["questions"][0]["picked"] == []  # not A's saved "q1c2"
    assert results.context["attempt"].user == trainee
    assert (results.context["attempt"].passed, str(results.context["attempt"].score)) == (
        False,
        "0.00",
    )
    assert someone_elses_open_number.status_code == 404
    assert stored(colleague) == theirs


def test_the_quiz_page_lists_only_my_attempts(trainee_client, trainee, colleague_attempts):
    _colleague, quiz = colleague_attempts

    before = trainee_client.get(quiz.url)
    take(trainee, quiz, wrong())
    after = trainee_client.get(quiz.url)

    assert before.context["history"] == []
    assert before.context["open_attempt"] is None
    assert (before.context["best"], before.context["passed"]) == (None, False)
    assert before.context["attempts_left"] == 3
    assert "Các lượt làm bài của bạn" not in before.content.decode()
    assert "Bắt đầu làm bài" in before.content.decode()

    assert [(a.user, a.number) for a in after.context["history"]] == [(trainee, 1)]
    assert after.context["passed"] is False
    assert after.context["attempts_left"] == 2
    html = after.content.decode()
    assert "Chưa đạt" in html
    assert "100%" not in html  # A's passing score


def test_the_quiz_page_lists_my_history_with_best_score(trainee_client, trainee):
    quiz = QuizPageFactory(fixed=quiz_questions(), attempts_allowed=3)
    take(trainee, quiz, {"q1": ["q1c1"]})
    take(trainee, quiz, right())

    response = trainee_client.get(quiz.url)

    assert [(a.number, a.passed) for a in response.context["history"]] == [(1, False), (2, True)]
    assert str(response.context["best"]) == "100.00"
    assert response.context["passed"] is True
    html = response.content.decode()
    assert "Bạn đã đạt bài kiểm tra này." in html
    assert "33,33%" in html
    assert "Chưa đạt" in html
    assert sub_url(quiz, "results", 1) in html
    assert sub_url(quiz, "results", 2) in html


# End to end ------------------------------------------------------------------------------------


def course_with_quiz(*, lessons=2, earlier_modules=0, **quiz_fields):
    """A course whose last module holds ``lessons`` lessons then a 3-question quiz."""
    course = CoursePageFactory()
    earlier = []
    for _ in range(earlier_modules):
        module = ModulePageFactory(parent=course)
        earlier.append((module, LessonPageFactory(parent=module)))
    module = ModulePageFactory(parent=course)
    lesson_pages = [LessonPageFactory(parent=module) for _ in range(lessons)]
    quiz = QuizPageFactory(parent=module, fixed=quiz_questions(), **quiz_fields)
    return course, earlier, module, lesson_pages, quiz


def study(client, lessons):
    for lesson in lessons:
        assert client.get(lesson.url).status_code == 200
        assert client.post(complete_url(lesson)).status_code == 302


def form_data(response, extra):
    """What the browser sends from the attempt form: each question's empty hidden input, the
    choices already checked, and ``extra``."""
    data = {}
    for q in response.context["questions"]:
        data[q["key"]] = ["", *q["picked"], *extra.get(q["key"], [])]
    return data


def test_a_trainee_studies_takes_the_quiz_passes_and_completes_the_module_and_course(
    trainee_client, trainee
):
    course, earlier, module, lessons, quiz = course_with_quiz(earlier_modules=1)
    study(trainee_client, [lesson for _module, lesson in earlier])
    study(trainee_client, lessons)
    assert LessonProgress.objects.filter(user=trainee, completed_at__isnull=False).count() == 3
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None

    intro = trainee_client.get(quiz.url)
    assert intro.status_code == 200
    assert intro.context["attempts_left"] == 3
    assert "Bắt đầu làm bài" in intro.content.decode()

    started = trainee_client.post(sub_url(quiz, "start"))
    assert started["Location"] == sub_url(quiz, "take", 1)
    page = trainee_client.get(started["Location"])
    assert page.status_code == 200
    assert [q["text"] for q in page.context["questions"]] == [
        "Câu hỏi cuối chuyên đề số 1",
        "Câu hỏi cuối chuyên đề số 2",
        "Câu hỏi cuối chuyên đề số 3",
    ]
    assert "Câu 1/3" in page.content.decode()

    saved = trainee_client.post(
        sub_url(quiz, "take", 1),
        {**form_data(page, {"q1": ["q1c1"]}), "save": "1"},
        follow=True,
    )
    assert shown(saved) == [taking.SAVED]
    assert Attempt.objects.get(user=trainee).answers == {"q1": ["q1c1"], "q2": [], "q3": []}
    assert saved.context["questions"][0]["picked"] == ["q1c1"]
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()

    submitted = trainee_client.post(
        sub_url(quiz, "take", 1), form_data(saved, {"q2": ["q2c1"], "q3": ["q3c1"]}), follow=True
    )

    assert submitted.redirect_chain == [(sub_url(quiz, "results", 1), 302)]
    assert shown(submitted) == [taking.SUBMITTED]
    attempt = submitted.context["attempt"]
    assert (str(attempt.score), attempt.passed, attempt.expired) == ("100.00", True, False)
    assert attempt.answers == right()
    html = submitted.content.decode()
    assert "Đạt" in html
    assert "Chưa đạt" not in html
    assert "100%" in html
    assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None

    intro = trainee_client.get(quiz.url)
    assert intro.context["passed"] is True
    assert "Bạn đã đạt bài kiểm tra này." in intro.content.decode()


def test_passing_the_quiz_of_a_module_that_is_not_the_last_leaves_the_course_open(
    trainee_client, trainee
):
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)
    lesson = LessonPageFactory(parent=module)
    quiz = QuizPageFactory(parent=module, fixed=quiz_questions())
    LessonPageFactory(parent=ModulePageFactory(parent=course))  # a later module, not studied
    study(trainee_client, [lesson])

    take(trainee, quiz, right())

    assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None


def test_a_failed_attempt_does_not_complete_the_module(trainee_client, trainee):
    course, _earlier, module, lessons, quiz = course_with_quiz()
    study(trainee_client, lessons)
    trainee_client.post(sub_url(quiz, "start"))

    response = trainee_client.post(
        sub_url(quiz, "take", 1), {"q1": "q1c1", "q2": "q2c1", "q3": "q3c2"}, follow=True
    )

    attempt = response.context["attempt"]
    assert (str(attempt.score), attempt.passed) == ("66.67", False)
    assert "Chưa đạt" in response.content.decode()
    assert "Làm lại" in response.content.decode()
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None

    take(trainee, quiz, right())  # the second attempt passes

    assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_passing_before_the_lessons_are_done_completes_the_module_with_the_last_lesson(
    trainee_client, trainee
):
    course, _earlier, module, (first, second), quiz = course_with_quiz()
    study(trainee_client, [first])

    take(trainee, quiz, right())
    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()

    study(trainee_client, [second])

    assert ModuleCompletion.objects.filter(user=trainee, module=module).count() == 1
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_passing_again_keeps_the_first_completion_date(trainee_client, trainee):
    _course, _earlier, module, lessons, quiz = course_with_quiz()
    study(trainee_client, lessons)
    take(trainee, quiz, right())
    first = ModuleCompletion.objects.get(user=trainee, module=module).completed_at

    take(trainee, quiz, right())

    assert ModuleCompletion.objects.get(user=trainee, module=module).completed_at == first


def test_someone_elses_pass_does_not_complete_my_module(trainee_client, trainee):
    _course, _earlier, module, lessons, quiz = course_with_quiz()
    study(trainee_client, lessons)

    take(UserFactory(), quiz, right())

    assert not ModuleCompletion.objects.filter(user=trainee, module=module).exists()
