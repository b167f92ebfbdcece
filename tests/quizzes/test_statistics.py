"""Quiz statistics for trainers: exact numbers on a hand-made set of attempts, a constant number
of queries, no names, only for people who may edit the quiz, and a report that exports."""

import csv
import io
import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quizzes import services
from quizzes.admin_views import NO_PERMISSION
from quizzes.models import Attempt, QuizPage
from quizzes.selectors import quiz_statistics, quizzes_with_statistics
from tests.learners.factories import UserFactory
from tests.quizzes.factories import (
    AttemptFactory,
    QuestionAreaFactory,
    QuestionFactory,
    QuizPageFactory,
    QuizPoolRuleFactory,
    question_with_choices,
)

pytestmark = pytest.mark.django_db

START = timezone.now() - timedelta(days=1)


@pytest.fixture
def trainer(client):
    user = UserFactory(username="giangvien", full_name="Trần Thị Bình")
    user.groups.add(Group.objects.get(name="Giảng viên"))
    client.force_login(user)
    return user


def snapshot(*asked):
    """A snapshot as ``services`` writes it, from (question, [its choices in the order shown])."""
    rows = []
    for position, (question, choices) in enumerate(asked, 1):
        rows.append(
            {
                "key": f"q{position}",
                "question_id": question.pk,
                "kind": question.kind,
                "text": question.text,
                "explanation": "",
                "choices": [
                    {
                        "key": f"q{position}c{n}",
                        "choice_id": choice.pk,
                        "text": choice.text,
                        "correct": choice.is_correct,
                        "feedback": "",
                    }
                    for n, choice in enumerate(choices, 1)
                ],
            }
        )
    return rows


def submitted(user, quiz, questions, picks, *, number=1, minutes=0):
    """A submitted attempt graded by ``services.attempt_grade``; ``picks``: question → choices."""
    answers = {}
    for asked in questions:
        by_id = {c["choice_id"]: c["key"] for c in asked["choices"]}
        answers[asked["key"]] = [by_id[c.pk] for c in picks.get(asked["question_id"], [])]
    results, score, passed = services.attempt_grade(questions, answers, quiz.pass_mark)
    return AttemptFactory(
        user=user,
        quiz=quiz,
        number=number,
        questions=questions,
        answers=answers,
        results=results,
        score=score,
        passed=passed,
        submitted_at=START + timedelta(minutes=minutes),
    )


@pytest.fixture
def hand_made():
    """Two questions, four submitted attempts by three people, one open attempt, another quiz.

    Q1 (single, A right): picked B, A, B, C  -> 1/4 right (25 %), B misleads (2 picks vs 1).
    Q2 (multiple, A and B right): AB, AB, A, AC -> 2/4 right (50 %).
    Scores 50, 100, 0, 0 -> average 37.5; pass mark 50 -> 2 of 4 passed.
    """
    q1 = question_with_choices(kind="single", correct=[0], count=3, text="Câu hỏi một (cũ)")
    q2 = question_with_choices(kind="multiple", correct=[0, 1], count=3, text="Câu hỏi hai")
    a1, b1, c1 = q1.choices.order_by("sort_order")
    a2, b2, c2 = q2.choices.order_by("sort_order")
    quiz = QuizPageFactory(pass_mark=50, fixed=[q1, q2])
    an, binh, chi, dung = (
        UserFactory(full_name=name, username=f"hocvienthongke{n}")
        for n, name in enumerate(["Nguyễn Văn An", "Lê Thị Bình", "Phạm Minh Chi", "Võ Dũng"])
    )
    in_order = snapshot((q1, [a1, b1, c1]), (q2, [a2, b2, c2]))
    submitted(an, quiz, in_order, {q1.pk: [b1], q2.pk: [a2, b2]}, number=1, minutes=1)
    submitted(an, quiz, in_order, {q1.pk: [a1], q2.pk: [a2, b2]}, number=2, minutes=2)
    submitted(binh, quiz, in_order, {q1.pk: [b1], q2.pk: [a2]}, minutes=3)
    # Shuffled: Q2 asked first, choices in another order, and Q1 reworded since.
    q1.text = "Câu hỏi một (đã sửa)"
    shuffled = snapshot((q2, [c2, a2, b2]), (q1, [c1, b1, a1]))
    submitted(chi, quiz, shuffled, {q1.pk: [c1], q2.pk: [a2, c2]}, minutes=4)
    # Not submitted, and another quiz: neither counts.
    Attempt.objects.create(
        user=dung, quiz=quiz, number=1, pass_mark=50, questions=in_order, answers={"q1": ["q1c3"]}
    )
    other = QuizPageFactory(fixed=[q1])
    submitted(dung, other, snapshot((q1, [a1, b1, c1])), {q1.pk: [c1]}, minutes=5)
    return {"quiz": quiz, "q1": q1, "q2": q2, "choices": (a1, b1, c1, a2, b2, c2)}


def test_statistics_are_exact_on_a_hand_made_set(hand_made):
    quiz, q1, q2 = hand_made["quiz"], hand_made["q1"], hand_made["q2"]
    a1, b1, c1, a2, b2, c2 = hand_made["choices"]

    stats = quiz_statistics(quiz=quiz)

    assert (stats.attempts, stats.people, stats.passed) == (4, 3, 2)
    assert stats.pass_rate == Decimal("50.0")
    assert stats.average_score == Decimal("37.5")
    first, second = stats.questions  # hardest first
    assert (first.question_id, first.text) == (q1.pk, "Câu hỏi một (đã sửa)")
    assert (first.asked, first.answered_correctly, first.correct_rate) == (4, 1, Decimal("25.0"))
    assert [
        (c.choice_id, c.correct, c.picked, c.pick_rate, c.misleading) for c in first.choices
    ] == [
        (a1.pk, True, 1, Decimal("25.0"), False),
        (b1.pk, False, 2, Decimal("50.0"), True),
        (c1.pk, False, 1, Decimal("25.0"), False),
    ]
    assert first.too_hard and first.has_misleading_choice and first.flagged
    assert (second.question_id, second.text) == (q2.pk, "Câu hỏi hai")
    assert (second.asked, second.answered_correctly, second.correct_rate) == (
        4,
        2,
        Decimal("50.0"),
    )
    assert [(c.choice_id, c.correct, c.picked) for c in second.choices] == [
        (a2.pk, True, 4),
        (b2.pk, True, 2),
        (c2.pk, False, 1),
    ]
    assert not second.flagged
    assert stats.flagged_questions == [first]


def test_a_quiz_nobody_has_submitted(hand_made):
    stats = quiz_statistics(quiz=QuizPageFactory())
    assert (stats.attempts, stats.people, stats.passed, stats.questions) == (0, 0, 0, [])
    assert stats.pass_rate is None and stats.average_score is None


def test_statistics_of_attempts_taken_through_the_services():
    area = QuestionAreaFactory()
    pool = [question_with_choices(correct=[0], area=area) for _ in range(4)]
    quiz = QuizPageFactory(pass_mark=100, shuffle_questions=True, shuffle_choices=True)
    QuizPoolRuleFactory(quiz=quiz, area=area, count=2)
    for n in range(3):
        rng = random.Random(n + 1)  # noqa: S311 - a seeded, repeatable draw
        attempt = services.attempt_start(user=UserFactory(), quiz=quiz, rng=rng)
        # Everyone picks the right answer of their first question and nothing for the second.
        first = attempt.questions[0]
        right = next(c["key"] for c in first["choices"] if c["correct"])
        services.attempt_submit(attempt=attempt, answers={first["key"]: [right]})

    stats = quiz_statistics(quiz=quiz)

    assert (stats.attempts, stats.people, stats.passed, stats.pass_rate) == (3, 3, 0, 0)
    assert stats.average_score == Decimal("50.0")
    assert sum(q.asked for q in stats.questions) == 6
    assert sum(q.answered_correctly for q in stats.questions) == 3
    assert {q.question_id for q in stats.questions} <= {q.pk for q in pool}
    for question in stats.questions:
        assert sum(c.picked for c in question.choices if c.correct) == question.answered_correctly
        assert sum(c.picked for c in question.choices if not c.correct) == 0


def _attempts(quiz, question, count):
    choices = list(question.choices.order_by("sort_order"))
    asked = snapshot((question, choices))
    for n in range(count):
        submitted(UserFactory(), quiz, asked, {question.pk: [choices[n % 2]]}, minutes=n)


def test_the_selector_reads_in_two_queries(django_assert_num_queries):
    question = question_with_choices()
    quiz = QuizPageFactory(fixed=[question])
    _attempts(quiz, question, 5)
    with django_assert_num_queries(2):
        quiz_statistics(quiz=quiz)


def test_the_statistics_page_costs_the_same_for_2_and_30_attempts(client, trainer):
    question = question_with_choices()
    quiz = QuizPageFactory(fixed=[question])
    url = reverse("quizzes_statistics", args=[quiz.pk])
    client.get(url)  # warm caches (content types, site root)

    _attempts(quiz, question, 2)
    with CaptureQueriesContext(connection) as two:
        assert client.get(url).status_code == 200
    _attempts(quiz, question, 28)
    with CaptureQueriesContext(connection) as thirty:
        response = client.get(url)

    assert response.context["statistics"].attempts == 30
    assert len(two) == len(thirty)


def test_the_statistics_page_shows_the_numbers_and_no_names(client, trainer, hand_made):
    quiz = hand_made["quiz"]

    response = client.get(reverse("quizzes_statistics", args=[quiz.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-statistic="attempts">4<' in html
    assert 'data-statistic="people">3<' in html
    assert 'data-statistic="pass-rate">50%<' in html
    assert 'data-statistic="average-score">37,5%<' in html
    assert "Câu hỏi một (đã sửa)" in html and "Câu hỏi hai" in html
    assert "25%" in html and "(1/4 lượt)" in html
    assert "Cần xem lại" in html
    assert f'data-choice-id="{hand_made["choices"][1].pk}" data-misleading' in html
    for name in ["Nguyễn Văn An", "Lê Thị Bình", "Phạm Minh Chi", "Võ Dũng", "hocvienthongke"]:
        assert name not in html


def test_the_statistics_page_of_an_untaken_quiz_says_so(client, trainer):
    quiz = QuizPageFactory(fixed=[QuestionFactory()])
    response = client.get(reverse("quizzes_statistics", args=[quiz.pk]))
    assert response.status_code == 200
    assert "Chưa có lượt làm bài nào được nộp" in response.content.decode()


def test_a_trainee_cannot_see_statistics(client, hand_made):
    trainee = UserFactory(username="hocvien")
    trainee.groups.add(Group.objects.get(name="Học viên"))
    client.force_login(trainee)

    for url in [
        reverse("quizzes_statistics", args=[hand_made["quiz"].pk]),
        reverse("quizzes_statistics_report"),
        reverse("quizzes_statistics_report") + "?export=csv",
    ]:
        response = client.get(url)
        # The admin itself turns away people without admin access before our view runs.
        assert response.status_code in (302, 403)
        assert "Câu hỏi hai" not in response.content.decode()


def test_an_admin_user_who_cannot_edit_the_quiz_gets_403(client, hand_made):
    user = UserFactory(username="cantochuc")
    group = Group.objects.create(name="Chỉ vào trang quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)

    response = client.get(reverse("quizzes_statistics", args=[hand_made["quiz"].pk]))

    assert response.status_code == 403
    html = response.content.decode()
    assert str(NO_PERMISSION) in html
    assert "Câu hỏi hai" not in html
    report = client.get(reverse("quizzes_statistics_report"))
    assert report.status_code != 200


def test_a_superuser_sees_statistics(client, hand_made):
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    response = client.get(reverse("quizzes_statistics", args=[hand_made["quiz"].pk]))
    assert response.status_code == 200


# The report across quizzes ---------------------------------------------------------------------


def test_quizzes_are_annotated_in_one_query(hand_made, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = {q.pk: q for q in quizzes_with_statistics(QuizPage.objects.all())}
    quiz = rows[hand_made["quiz"].pk]
    assert (quiz.attempt_count, quiz.people_count, quiz.passed_count) == (4, 3, 2)
    assert quiz.pass_rate == pytest.approx(50.0)
    assert quiz.average_score == pytest.approx(Decimal("37.5"))


def test_the_report_lists_every_quiz_with_its_numbers(client, trainer, hand_made):
    untaken = QuizPageFactory(title="Bài kiểm tra chưa ai làm")

    response = client.get(reverse("quizzes_statistics_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("quizzes_statistics", args=[hand_made["quiz"].pk]) in html
    assert untaken.title in html
    assert "37,5%" in html and "50%" in html
    assert "Xuất tệp Excel" in html and "Xuất tệp CSV" in html


def test_the_report_costs_the_same_for_1_and_6_quizzes(client, trainer):
    question = question_with_choices()
    url = reverse("quizzes_statistics_report")
    quiz = QuizPageFactory(fixed=[question])
    _attempts(quiz, question, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(5):
        _attempts(QuizPageFactory(fixed=[question]), question, 2)
    with CaptureQueriesContext(connection) as six:
        response = client.get(url)
    assert len(response.context["object_list"]) == 6
    assert len(one) == len(six)


def test_the_report_exports_a_csv(client, trainer, hand_made):
    QuizPageFactory(title="Bài kiểm tra chưa ai làm")

    response = client.get(reverse("quizzes_statistics_report"), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Bài kiểm tra",
        "Chuyên đề",
        "Lượt làm bài đã nộp",
        "Số người làm bài",
        "Lượt đạt",
        "Tỉ lệ đạt (%)",
        "Điểm trung bình (%)",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    quiz = hand_made["quiz"]
    assert by_title[quiz.title] == [
        quiz.title,
        quiz.get_parent().title,
        "4",
        "3",
        "2",
        "50",
        "37,5",
    ]
    assert by_title["Bài kiểm tra chưa ai làm"][2:] == ["0", "0", "0", "", ""]


def test_the_report_exports_an_xlsx(client, trainer, hand_made):
    from openpyxl import load_workbook

    response = client.get(reverse("quizzes_statistics_report"), {"export": "xlsx"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[hand_made["quiz"].title][2:] == (4, 3, 2, 50.0, 37.5)


def test_the_report_filters_by_course(client, trainer, hand_made):
    other = QuizPageFactory(title="Bài kiểm tra khóa khác")
    course = hand_made["quiz"].get_parent().get_parent()

    response = client.get(reverse("quizzes_statistics_report"), {"course": course.pk})

    titles = [quiz.title for quiz in response.context["object_list"]]
    assert hand_made["quiz"].title in titles and other.title not in titles
