"""Quizzes (Bài kiểm tra): questions in a shared pool, quiz pages and attempts."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage

from . import views
from .forms import QuestionForm, QuizPageForm


class QuestionArea(models.Model):
    """A PAR area that questions are tagged with, e.g. "Chỉ số CCHC"; quizzes draw from it."""

    name = models.CharField(_("tên chủ đề"), max_length=150, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("chủ đề câu hỏi")
        verbose_name_plural = _("chủ đề câu hỏi")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Question(index.Indexed, ClusterableModel):
    """A question in the shared pool, with its choices (Lựa chọn)."""

    base_form_class = QuestionForm

    class Kind(models.TextChoices):
        SINGLE = "single", _("Một đáp án đúng")
        MULTIPLE = "multiple", _("Nhiều đáp án đúng")
        TRUE_FALSE = "true_false", _("Đúng / Sai")

    text = models.TextField(_("câu hỏi"))
    kind = models.CharField(
        _("loại câu hỏi"), max_length=16, choices=Kind.choices, default=Kind.SINGLE
    )
    area = models.ForeignKey(
        QuestionArea,
        verbose_name=_("chủ đề"),
        on_delete=models.PROTECT,
        related_name="questions",
        null=True,
        blank=True,
    )
    explanation = RichTextField(
        _("giải thích"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Hiện sau khi chấm, theo chính sách hiển thị đáp án của bài kiểm tra."),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("area"),
        InlinePanel("choices", label=_("Các lựa chọn"), min_num=2),
        FieldPanel("explanation"),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text")]

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:77] + "…"


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("lựa chọn"), max_length=500)
    is_correct = models.BooleanField(_("đúng"), default=False)
    feedback = models.CharField(_("phản hồi"), max_length=500, blank=True)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    class Meta(Orderable.Meta):
        verbose_name = _("lựa chọn")
        verbose_name_plural = _("lựa chọn")

    def __str__(self):
        return self.text


class QuizPage(RoutablePageMixin, BasePage):
    """The quiz at the end of a module. Taking it lives under the page's own sub-URLs."""

    class AnswerPolicy(models.TextChoices):
        AFTER_EACH = "after_each", _("Sau mỗi lượt làm bài")
        AFTER_PASS_OR_LAST = "after_pass_or_last", _("Khi đã đạt hoặc đã hết lượt")
        NEVER = "never", _("Không hiển thị")

    intro = RichTextField(_("hướng dẫn"), blank=True, features=["bold", "italic", "ul", "link"])
    pass_mark = models.PositiveSmallIntegerField(
        _("điểm đạt (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("số lượt làm bài"), default=3, help_text=_("0 = không giới hạn.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("thời gian làm bài (phút)"),
        null=True,
        blank=True,
        help_text=_("Để trống: không giới hạn."),
    )
    shuffle_questions = models.BooleanField(_("xáo trộn câu hỏi"), default=True)
    shuffle_choices = models.BooleanField(_("xáo trộn lựa chọn"), default=True)
    answer_policy = models.CharField(
        _("hiển thị đáp án đúng"),
        max_length=24,
        choices=AnswerPolicy.choices,
        # Not "after each": on fixed questions a failed attempt's key would be copied into the
        # next attempt. After a failure the trainee sees which questions were right or wrong.
        default=AnswerPolicy.AFTER_PASS_OR_LAST,
    )

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    base_form_class = QuizPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("answer_policy"),
            ],
            heading=_("Thiết lập"),
        ),
        InlinePanel("fixed_questions", label=_("Câu hỏi cố định")),
        InlinePanel("pool_rules", label=_("Rút ngẫu nhiên theo chủ đề")),
    ]

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = _("bài kiểm tra")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return views.intro(self, request)

    @path("bat-dau/", name="start")
    def start_route(self, request):
        if request.method != "POST":
            return redirect(self.url)
        return views.start(self, request)

    @path("luot/<int:number>/", name="take")
    def take_route(self, request, number):
        return views.take(self, request, number)

    @path("luot/<int:number>/luu/", name="save")
    def save_route(self, request, number):
        if request.method != "POST":
            return JsonResponse({"error": _("Chỉ nhận yêu cầu gửi (POST).")}, status=405)
        return views.save(self, request, number)

    @path("luot/<int:number>/ket-qua/", name="results")
    def results_route(self, request, number):
        return views.results(self, request, number)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = list(self.get_ancestors().filter(depth__gt=2))
        return context

    @property
    def question_count(self):
        """How many questions an attempt asks."""
        return len(self.fixed_questions.all()) + sum(rule.count for rule in self.pool_rules.all())


class QuizQuestion(Orderable):
    """A question every attempt of the quiz asks."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, verbose_name=_("câu hỏi"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("câu hỏi cố định")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="unique_quiz_question")
        ]


class QuizPoolRule(Orderable):
    """Draw ``count`` random questions of an area for each attempt."""

    quiz = ParentalKey(QuizPage, on_delete=models.CASCADE, related_name="pool_rules")
    area = models.ForeignKey(
        QuestionArea, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="+"
    )
    count = models.PositiveSmallIntegerField(
        _("số câu rút"), default=5, validators=[MinValueValidator(1)]
    )

    panels = [FieldPanel("area"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        verbose_name = _("quy tắc rút câu hỏi")


class AttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def open(self):
        return self.filter(submitted_at__isnull=True)


class Attempt(models.Model):
    """One attempt (Lượt làm bài). ``questions`` is a snapshot of what was asked, answer key
    included, so editing the quiz later never rewrites results."""

    # PROTECT: no path deletes a quiz or a person with attempts (courses/records.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(QuizPage, on_delete=models.PROTECT, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("lượt"))
    pass_mark = models.PositiveSmallIntegerField(_("điểm đạt (%)"))
    started_at = models.DateTimeField(_("bắt đầu"), auto_now_add=True)
    deadline = models.DateTimeField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    expired = models.BooleanField(_("hết giờ"), default=False)
    questions = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=dict)
    score = models.DecimalField(_("điểm (%)"), max_digits=5, decimal_places=2, null=True)
    passed = models.BooleanField(_("đạt"), null=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = _("lượt làm bài")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="unique_attempt_number"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]

    def __str__(self):
        return f"{self.user_id} · {self.quiz_id} · {self.number}"

    @property
    def is_open(self):
        return self.submitted_at is None
