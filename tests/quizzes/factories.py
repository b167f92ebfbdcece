"""Factories for question areas, questions with their choices, quiz pages and attempts."""

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from quizzes.models import (
    Attempt,
    Choice,
    Question,
    QuestionArea,
    QuizPage,
    QuizPoolRule,
    QuizQuestion,
)
from tests.courses.factories import ModulePageFactory
from tests.learners.factories import UserFactory


class QuestionAreaFactory(DjangoModelFactory):
    class Meta:
        model = QuestionArea
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Chủ đề CCHC {n}")


class ChoiceFactory(DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory("tests.quizzes.factories.QuestionFactory", choices=[])
    text = factory.Sequence(lambda n: f"Lựa chọn {n}")
    is_correct = False
    feedback = ""
    sort_order = factory.Sequence(lambda n: n)


class QuestionFactory(DjangoModelFactory):
    """A question with choices that pass the admin rule for its kind.

    ``choices`` is a list of (text, is_correct) pairs; left out, the kind's default set is made
    (single: A correct of A-D; multiple: A and B correct of A-D; true/false: "Đúng" correct).
    Pass ``choices=[]`` for a question without choices.
    """

    class Meta:
        model = Question
        skip_postgeneration_save = True

    text = factory.Sequence(lambda n: f"Câu hỏi số {n} về cải cách hành chính?")
    kind = Question.Kind.SINGLE
    area = factory.SubFactory(QuestionAreaFactory)
    explanation = ""

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        if not create or extracted == []:
            return
        if extracted is None:
            extracted = default_choices(self.kind)
        for order, (text, is_correct) in enumerate(extracted):
            Choice.objects.create(question=self, text=text, is_correct=is_correct, sort_order=order)


def default_choices(kind):
    if kind == Question.Kind.TRUE_FALSE:
        return [("Đúng", True), ("Sai", False)]
    correct = {"A"} if kind == Question.Kind.SINGLE else {"A", "B"}
    return [(f"Phương án {letter}", letter in correct) for letter in "ABCD"]


def question_with_choices(*, kind=Question.Kind.SINGLE, correct=(0,), count=4, **kwargs):
    """A question with ``count`` choices, those at the positions in ``correct`` right."""
    if kind == Question.Kind.TRUE_FALSE:
        count = 2
        texts = ["Đúng", "Sai"]
    else:
        texts = [f"Phương án {chr(ord('A') + i)}" for i in range(count)]
    return QuestionFactory(
        kind=kind, choices=[(texts[i], i in set(correct)) for i in range(count)], **kwargs
    )


class QuizPageFactory(wagtail_factories.PageFactory):
    """A quiz under a new module. Give it questions with ``QuizQuestion``/``QuizPoolRule`` rows
    (or the ``fixed=[…]`` post-generation helper)."""

    class Meta:
        model = QuizPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bài kiểm tra {n}")
    slug = factory.Sequence(lambda n: f"bai-kiem-tra-{n}")
    summary = "Kiểm tra kiến thức chuyên đề."
    pass_mark = 70
    attempts_allowed = 3
    shuffle_questions = False
    shuffle_choices = False
    parent = factory.SubFactory(ModulePageFactory)

    @factory.post_generation
    def fixed(self, create, extracted, **kwargs):
        """``fixed=[question, …]``: questions every attempt asks, in this order."""
        if not create or not extracted:
            return
        for order, question in enumerate(extracted):
            QuizQuestion.objects.create(quiz=self, question=question, sort_order=order)


class QuizPoolRuleFactory(DjangoModelFactory):
    class Meta:
        model = QuizPoolRule

    quiz = factory.SubFactory(QuizPageFactory)
    area = factory.SubFactory(QuestionAreaFactory)
    count = 1


class AttemptFactory(DjangoModelFactory):
    """A submitted attempt with an empty snapshot; pass ``questions``/``answers``/``results``
    (see ``tests.quizzes.test_statistics`` for hand-made ones) or use the services."""

    class Meta:
        model = Attempt

    user = factory.SubFactory(UserFactory)
    quiz = factory.SubFactory(QuizPageFactory)
    number = factory.Sequence(lambda n: n + 1)
    pass_mark = factory.LazyAttribute(lambda a: a.quiz.pass_mark)
    submitted_at = factory.LazyFunction(timezone.now)
    questions = factory.LazyFunction(list)
    answers = factory.LazyFunction(dict)
    results = factory.LazyFunction(dict)
    score = None
    passed = None


# Quiz-taking helpers (tests/quizzes/test_grading.py, test_taking.py, test_records.py) ----------


def question(
    kind="single",
    correct=(0,),
    n_choices=4,
    area=None,
    *,
    text=None,
    explanation="",
    feedback="Phản hồi {n}",
):
    """A question whose choices are "Lựa chọn 1" … "Lựa chọn n" with feedback "Phản hồi n".

    ``correct`` holds 0-based positions; choice n (1-based) is the snapshot's key ``q…c{n}``
    when choices are not shuffled. ``feedback`` is formatted with ``n`` (and ``q``, the text).
    """
    if kind == Question.Kind.TRUE_FALSE:
        n_choices = 2
    fields = {"text": text} if text else {}
    made = QuestionFactory(kind=kind, area=area, explanation=explanation, choices=[], **fields)
    for i in range(n_choices):
        Choice.objects.create(
            question=made,
            text=f"Lựa chọn {i + 1}",
            is_correct=i in set(correct),
            feedback=feedback.format(n=i + 1, q=made.text),
            sort_order=i,
        )
    return made
