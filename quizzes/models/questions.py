"""The shared question pool: areas, questions and their choices (Lựa chọn)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from ..forms import QuestionForm


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
