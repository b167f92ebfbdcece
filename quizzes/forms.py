"""Admin forms that refuse a question without a correct answer and a quiz that cannot be drawn."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

NO_CORRECT_CHOICE = _("Câu hỏi cần ít nhất một lựa chọn đúng.")
SINGLE_NEEDS_ONE = _(
    "Câu hỏi một đáp án đúng (và câu Đúng/Sai) chỉ được có đúng một lựa chọn đúng."
)
TRUE_FALSE_NEEDS_TWO = _("Câu hỏi Đúng/Sai cần đúng hai lựa chọn.")
MULTIPLE_NEEDS_TWO = _("Câu hỏi nhiều đáp án đúng cần ít nhất hai lựa chọn đúng.")
POOL_TOO_SMALL = _(
    "Chủ đề “%(area)s” chỉ có %(available)s câu hỏi, không đủ để rút %(count)s câu mỗi lượt."
)
QUIZ_WITHOUT_QUESTIONS = _(
    "Bài kiểm tra cần ít nhất một câu hỏi: chọn câu hỏi cố định hoặc thêm quy tắc rút câu hỏi."
)


def _live_rows(formset):
    """Cleaned data of the inline rows that are kept (not deleted, not left empty)."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


def check_choices(kind, choices):
    """The rule a question's choices must meet, as a list of (correct: bool) flags."""
    correct = sum(1 for is_correct in choices if is_correct)
    if correct == 0:
        return NO_CORRECT_CHOICE
    if kind == "true_false" and len(choices) != 2:
        return TRUE_FALSE_NEEDS_TWO
    if kind in ("single", "true_false") and correct != 1:
        return SINGLE_NEEDS_ONE
    if kind == "multiple" and correct < 2:
        return MULTIPLE_NEEDS_TWO
    return None


class QuestionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        rows = _live_rows(self.formsets["choices"])
        error = check_choices(cleaned.get("kind"), [row.get("is_correct") for row in rows])
        if error:
            raise ValidationError(error)
        return cleaned


class QuizPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        fixed = [row["question"] for row in _live_rows(self.formsets["fixed_questions"])]
        rules = [row for row in _live_rows(self.formsets["pool_rules"]) if row.get("area")]
        if not fixed and not rules:
            raise ValidationError(QUIZ_WITHOUT_QUESTIONS)
        fixed_ids = {question.pk for question in fixed}
        for rule in rules:
            available = rule["area"].questions.exclude(pk__in=fixed_ids).count()
            if rule["count"] > available:
                raise ValidationError(
                    POOL_TOO_SMALL
                    % {"area": rule["area"].name, "available": available, "count": rule["count"]}
                )
        return cleaned
