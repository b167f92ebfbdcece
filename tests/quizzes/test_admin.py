"""Trainers write the question pool and quizzes in the Wagtail admin; the forms refuse a question
without a right answer and a quiz that asks for more questions than its pool holds."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes.forms import NO_CORRECT_CHOICE, POOL_TOO_SMALL, check_choices
from quizzes.models import Choice, Question, QuestionArea, QuizPage, QuizPoolRule
from tests.courses.factories import LessonPageFactory
from tests.learners.factories import UserFactory
from tests.quizzes.factories import (
    QuestionAreaFactory,
    QuestionFactory,
    QuizPageFactory,
    QuizPoolRuleFactory,
    question_with_choices,
)

pytestmark = pytest.mark.django_db

TRAINER = "Giảng viên"
QUESTION_URLS = "wagtailsnippets_quizzes_question"


@pytest.fixture
def trainer(client):
    user = UserFactory(username="giangvien", full_name="Trần Thị Bình")
    user.groups.add(Group.objects.get(name=TRAINER))
    client.force_login(user)
    return user


def _choices(*rows):
    return inline_formset(
        [
            {"text": text, "is_correct": "on" if right else "", "feedback": ""}
            for text, right in rows
        ]
    )


def _question_data(**overrides):
    data = {
        "text": "Chỉ số cải cách hành chính (PAR Index) do cơ quan nào công bố?",
        "kind": "single",
        "area": "",
        "explanation": rich_text("<p>Bộ Nội vụ công bố hằng năm.</p>"),
        "choices": _choices(
            ("Bộ Nội vụ", True), ("Bộ Tài chính", False), ("Văn phòng Chính phủ", False)
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


# Factories -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "correct"), [("single", [2]), ("multiple", [0, 3]), ("true_false", [1])]
)
def test_factory_questions_meet_the_admin_rule(kind, correct):
    made = question_with_choices(kind=kind, correct=correct)
    flags = list(made.choices.order_by("sort_order").values_list("is_correct", flat=True))
    assert check_choices(kind, flags) is None
    assert [i for i, flag in enumerate(flags) if flag] == correct
    for default_kind in ("single", "multiple", "true_false"):
        default = QuestionFactory(kind=default_kind)
        assert check_choices(default_kind, [c.is_correct for c in default.choices.all()]) is None


def test_a_quiz_factory_sits_under_a_module_with_its_fixed_questions():
    questions = [QuestionFactory(), QuestionFactory()]
    quiz = QuizPageFactory(fixed=questions)
    assert quiz.get_parent().specific_class.__name__ == "ModulePage"
    assert [link.question for link in quiz.fixed_questions.all()] == questions
    assert quiz.question_count == 2


# The trainer group ------------------------------------------------------------------------------


def test_trainers_may_manage_the_question_pool():
    codenames = set(
        Group.objects.get(name=TRAINER)
        .permissions.filter(content_type__app_label="quizzes")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        f"{action}_{model}"
        for model in ("question", "choice", "questionarea")
        for action in ("add", "change", "view", "delete")
    }


def test_the_question_list_shows_text_kind_and_area_and_filters(client, trainer):
    area = QuestionAreaFactory(name="Chỉ số CCHC")
    QuestionFactory(text="Câu hỏi về chỉ số", area=area)
    QuestionFactory(text="Câu hỏi đúng sai", kind="true_false", area=QuestionAreaFactory())

    listing = client.get(reverse(f"{QUESTION_URLS}:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Câu hỏi về chỉ số" in html and "Chỉ số CCHC" in html and "Đúng / Sai" in html

    by_area = client.get(reverse(f"{QUESTION_URLS}:list"), {"area": area.pk}).content.decode()
    assert "Câu hỏi về chỉ số" in by_area and "Câu hỏi đúng sai" not in by_area
    by_kind = client.get(reverse(f"{QUESTION_URLS}:list"), {"kind": "true_false"}).content.decode()
    assert "Câu hỏi đúng sai" in by_kind and "Câu hỏi về chỉ số" not in by_kind


def test_the_question_areas_are_a_snippet_too(client, trainer):
    response = client.post(
        reverse("wagtailsnippets_quizzes_questionarea:add"), {"name": "Cải cách thể chế"}
    )
    assert response.status_code == 302
    assert QuestionArea.objects.filter(name="Cải cách thể chế").exists()


# Questions ---------------------------------------------------------------------------------------


def test_trainer_adds_a_question_with_its_choices(client, trainer):
    area = QuestionAreaFactory(name="Chỉ số CCHC")

    response = client.post(reverse(f"{QUESTION_URLS}:add"), _question_data(area=area.pk))

    assert response.status_code == 302, response.context["form"].errors
    question = Question.objects.get()
    assert question.kind == "single" and question.area == area
    assert [(c.text, c.is_correct) for c in question.choices.order_by("sort_order")] == [
        ("Bộ Nội vụ", True),
        ("Bộ Tài chính", False),
        ("Văn phòng Chính phủ", False),
    ]


def test_a_question_without_a_correct_answer_is_refused_and_nothing_is_saved(client, trainer):
    data = _question_data(choices=_choices(("Bộ Nội vụ", False), ("Bộ Tài chính", False)))

    response = client.post(reverse(f"{QUESTION_URLS}:add"), data)

    assert response.status_code == 200
    assert str(NO_CORRECT_CHOICE) in response.context["form"].non_field_errors()
    assert str(NO_CORRECT_CHOICE) in response.content.decode()
    assert not Question.objects.exists()
    assert not Choice.objects.exists()


def test_editing_a_question_to_lose_its_right_answer_changes_nothing(client, trainer):
    question = question_with_choices(kind="single", correct=[1], text="Câu hỏi gốc")
    rows = list(question.choices.order_by("sort_order"))
    data = {
        "text": "Câu hỏi đã sửa",
        "kind": "single",
        "area": question.area_id,
        "explanation": rich_text(""),
        "choices": inline_formset(
            [
                {"id": c.pk, "text": c.text, "is_correct": "", "feedback": "", "ORDER": str(i)}
                for i, c in enumerate(rows)
            ],
            initial=len(rows),
        ),
    }

    response = client.post(
        reverse(f"{QUESTION_URLS}:edit", args=[question.pk]), nested_form_data(data)
    )

    assert response.status_code == 200
    assert str(NO_CORRECT_CHOICE) in response.content.decode()
    question.refresh_from_db()
    assert question.text == "Câu hỏi gốc"
    assert [c.is_correct for c in question.choices.order_by("sort_order")] == [
        False,
        True,
        False,
        False,
    ]


def test_a_trainee_cannot_open_the_question_pool(client):
    trainee = UserFactory()
    trainee.groups.add(Group.objects.get(name="Học viên"))
    client.force_login(trainee)
    assert client.get(reverse(f"{QUESTION_URLS}:list")).status_code in (302, 403)
    assert client.post(reverse(f"{QUESTION_URLS}:add"), _question_data()).status_code in (302, 403)
    assert not Question.objects.exists()


# Quiz pages --------------------------------------------------------------------------------------


def _quiz_data(quiz, *, fixed=(), rules=(), initial_rules=0, **overrides):
    data = {
        "title": quiz.title,
        "slug": quiz.slug,
        "summary": quiz.summary,
        "intro": rich_text(""),
        "pass_mark": "70",
        "attempts_allowed": "3",
        "time_limit_minutes": "",
        "shuffle_questions": "on",
        "shuffle_choices": "on",
        "answer_policy": "after_each",
        "fixed_questions": inline_formset(
            [{"question": q.pk, "ORDER": str(i)} for i, q in enumerate(fixed)]
        ),
        "pool_rules": inline_formset(list(rules), initial=initial_rules),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_trainer_publishes_a_quiz_drawing_from_an_area(client, trainer):
    area = QuestionAreaFactory(name="Chỉ số CCHC")
    for _ in range(3):
        QuestionFactory(area=area)
    quiz = QuizPageFactory()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
        _quiz_data(quiz, rules=[{"area": area.pk, "count": "3", "ORDER": "0"}], pass_mark="80"),
    )

    assert response.status_code == 302, response.context["form"].errors
    quiz = QuizPage.objects.get(pk=quiz.pk)
    assert quiz.pass_mark == 80
    assert [(r.area_id, r.count) for r in quiz.pool_rules.all()] == [(area.pk, 3)]
    assert quiz.question_count == 3


def test_a_quiz_asking_more_than_its_pool_holds_is_refused_and_nothing_changes(client, trainer):
    area = QuestionAreaFactory(name="Chỉ số CCHC")
    QuestionFactory(area=area)
    QuestionFactory(area=area)
    quiz = QuizPageFactory(title="Bài kiểm tra chuyên đề 1", pass_mark=70)
    QuizPoolRuleFactory(quiz=quiz, area=area, count=2)
    rule = quiz.pool_rules.get()
    revisions = quiz.revisions.count()

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
        _quiz_data(
            quiz,
            rules=[{"id": rule.pk, "area": area.pk, "count": "5", "ORDER": "0"}],
            initial_rules=1,
            title="Không được lưu",
            pass_mark="90",
        ),
    )

    assert response.status_code == 200
    expected = str(POOL_TOO_SMALL % {"area": "Chỉ số CCHC", "available": 2, "count": 5})
    assert expected in response.context["form"].non_field_errors()
    assert expected in response.content.decode()
    quiz = QuizPage.objects.get(pk=quiz.pk)
    assert (quiz.title, quiz.pass_mark) == ("Bài kiểm tra chuyên đề 1", 70)
    assert list(QuizPoolRule.objects.values_list("quiz_id", "area_id", "count")) == [
        (quiz.pk, area.pk, 2)
    ]
    assert quiz.revisions.count() == revisions
    assert Page.objects.get(pk=quiz.pk).title == "Bài kiểm tra chuyên đề 1"


# Ways to the statistics ------------------------------------------------------------------------


def test_the_quiz_editor_and_the_explorer_link_to_the_statistics(client, trainer):
    quiz = QuizPageFactory()
    statistics_url = reverse("quizzes_statistics", args=[quiz.pk])

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert editor.status_code == 200
    assert statistics_url in editor.content.decode()

    explorer = client.get(reverse("wagtailadmin_explore", args=[quiz.get_parent().pk]))
    assert explorer.status_code == 200
    assert statistics_url in explorer.content.decode()


def test_other_pages_have_no_statistics_link(client, trainer):
    lesson = LessonPageFactory()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert "/statistics/" not in editor


def test_the_reports_menu_lists_the_quiz_statistics(client, trainer):
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse("quizzes_statistics_report") in response.content.decode()
