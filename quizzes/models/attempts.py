"""Attempts (Lượt làm bài): what each person was asked, answered and scored."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
    quiz = models.ForeignKey("quizzes.QuizPage", on_delete=models.PROTECT, related_name="attempts")
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
