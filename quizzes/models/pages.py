"""The quiz page (Bài kiểm tra) and the questions each attempt asks: fixed ones and pool rules.

Taking the quiz lives under the page's own sub-URLs (``@path`` routes), which call services.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.models import CoursePage, ModulePage
from home.models import BasePage
from home.ratelimit import limited, too_many_requests

from .. import services, taking
from ..forms import QuizPageForm
from .questions import Question, QuestionArea


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
    # The introduction is searched; the questions and their answers never are.
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = _("bài kiểm tra")

    # The taking routes, in the shape of Wagtail's form pages: each reads the request, calls a
    # service and answers; what the screens show is put together in ``taking``.

    @path("")
    def index_route(self, request, *args, **kwargs):
        mine = {}
        if request.user.is_authenticated:
            mine = taking.quiz_intro_context(quiz=self, user=request.user)
        return self.render(request, template="quizzes/quiz_page.html", context_overrides=mine)

    @path("bat-dau/", name="start")
    def start_route(self, request):
        if request.method != "POST":
            return redirect(self.url)
        if not request.user.is_authenticated:
            return redirect_to_login(self.url)
        try:
            attempt = services.attempt_start(user=request.user, quiz=self)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.url)
        return redirect(self.subpage_url("take", attempt))

    @path("luot/<int:number>/", name="take")
    def take_route(self, request, number):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        attempt = self.attempt_of(request.user, number)
        if request.method == "POST":
            return self.take_post(request, attempt)
        services.attempt_finish_expired(attempt=attempt)
        if not attempt.is_open:
            return redirect(self.subpage_url("results", attempt))
        context = taking.attempt_take_context(quiz=self, attempt=attempt)
        return self.render(request, template="quizzes/attempt.html", context_overrides=context)

    def take_post(self, request, attempt):
        """The attempt form posted: "save" keeps the answers, anything else submits them."""
        results_url = self.subpage_url("results", attempt)
        saving = "save" in request.POST
        if not saving and limited(request, "quiz_submit"):
            return too_many_requests(request)
        answers = taking.attempt_answers_from_post(request.POST, attempt)
        try:
            if saving:
                services.attempt_save(attempt=attempt, answers=answers)
                messages.success(request, gettext(taking.SAVED))
                return redirect(request.path)
            attempt = services.attempt_submit(attempt=attempt, answers=answers)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(results_url if not attempt.is_open else request.path)
        messages.success(request, gettext(taking.EXPIRED if attempt.expired else taking.SUBMITTED))
        return redirect(results_url)

    @path("luot/<int:number>/luu/", name="save")
    def save_route(self, request, number):
        if request.method != "POST":
            return JsonResponse({"error": _("Chỉ nhận yêu cầu gửi (POST).")}, status=405)
        if not request.user.is_authenticated:
            return JsonResponse({"error": gettext("Hãy đăng nhập để làm bài.")}, status=401)
        attempt = self.attempt_of(request.user, number)
        answers = taking.attempt_answers_from_post(request.POST, attempt)
        try:
            services.attempt_save(attempt=attempt, answers=answers)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        return JsonResponse({"saved": True})

    @path("luot/<int:number>/ket-qua/", name="results")
    def results_route(self, request, number):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        attempt = self.attempt_of(request.user, number)
        if attempt.is_open:
            return redirect(self.subpage_url("take", attempt))
        context = taking.attempt_results_context(quiz=self, attempt=attempt, user=request.user)
        return self.render(request, template="quizzes/results.html", context_overrides=context)

    def subpage_url(self, name, attempt):
        """The URL of one of the attempt's screens ("take", "save" or "results")."""
        return self.url + self.reverse_subpage(name, args=[attempt.number])

    def attempt_of(self, user, number):
        """The person's attempt at this quiz by its number; anyone else's is a 404."""
        attempt = self.attempts.filter(user=user, number=number).first()
        if attempt is None:
            raise Http404(gettext("Không tìm thấy lượt làm bài này."))
        attempt.quiz = self
        return attempt

    def module_and_course(self):
        """The module the quiz sits in and the course above it (None where there is none)."""
        return (
            ModulePage.objects.parent_of(self).first(),
            CoursePage.objects.ancestor_of(self).first(),
        )

    @classmethod
    def module_requirement(cls, *, module, people):
        """The module requirement registered with courses (apps.py): ``people`` narrowed to
        those who passed every live quiz of the module (see ``services.quiz_passers``)."""
        return services.quiz_passers(quizzes=cls.objects.child_of(module).live(), people=people)

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
