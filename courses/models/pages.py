"""Courses, modules, lessons and the trainers who teach them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.models import BasePage
from home.queries import count_subquery

from .. import selectors, services, structure
from ..blocks import LessonBodyBlock


class Trainer(index.Indexed, models.Model):
    """A lecturer (Giảng viên) credited on courses and modules."""

    name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("chức danh"), max_length=255, blank=True)
    organisation = models.CharField(_("cơ quan công tác"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("giới thiệu"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("giảng viên")
        verbose_name_plural = _("giảng viên")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PublicPageQuerySet(PageQuerySet):
    def visible(self):
        """Live and public: what anyone may see."""
        return self.live().public()

    def tagged(self, tag):
        """The visible pages carrying the tag, in tree order, without their StreamFields."""
        return self.visible().filter(tags=tag).defer_streamfields().order_by("path")


class CoursePageQuerySet(PublicPageQuerySet):
    def listed(self, *, index_page=None):
        """Visible courses (of one index page, or all) with ``module_count``, their count of live
        modules, in tree order: one query."""
        courses = self.visible().select_related("cover_image")
        if index_page is not None:
            courses = courses.child_of(index_page)
        live_modules = Page.objects.filter(
            path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1, live=True
        )
        return courses.annotate(module_count=count_subquery(live_modules)).order_by("path")


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LessonTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CourseIndexPage(BasePage):
    """The list of every course (Khóa học)."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("danh sách khóa học")
        verbose_name_plural = _("danh sách khóa học")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.listed(index_page=self)
        return context


class CoursePage(BasePage):
    """A training programme, e.g. the 2017 PAR training, made of modules (Chuyên đề)."""

    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(_("văn bản thay thế của ảnh bìa"), max_length=255, blank=True)
    description = RichTextField(
        _("giới thiệu khóa học"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    objectives = RichTextField(
        _("mục tiêu học tập"),
        blank=True,
        features=["ul", "bold", "italic"],
        help_text=_("Mỗi mục tiêu một dòng trong danh sách: sau khóa học, học viên có thể …"),
    )
    estimated_hours = models.DecimalField(
        _("thời lượng (giờ)"), max_digits=5, decimal_places=1, default=0
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True, verbose_name=_("thẻ"))

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    objects = PageManager.from_queryset(CoursePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("cover_alt_text"),
        FieldPanel("description"),
        FieldPanel("objectives"),
        FieldPanel("estimated_hours"),
        MultipleChooserPanel(
            "course_trainers", label=_("Giảng viên"), chooser_field_name="trainer"
        ),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("objectives"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("khóa học")
        verbose_name_plural = _("khóa học")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_alt_text.strip():
            raise ValidationError({"cover_alt_text": _("Hãy nhập văn bản thay thế cho ảnh bìa.")})

    def live_modules(self):
        return ModulePage.objects.child_of(self).live()

    def counted_lessons(self):
        """The lessons that count in the course (live, in a live module: ``courses.structure``)
        as a queryset, usable in a subquery (``lesson_id__in=course.counted_lessons()``)."""
        return (
            LessonPage.objects.live()
            .filter(path__startswith=self.path, depth=self.depth + 2)
            .annotate(module_path=Substr("path", 1, len(self.path) + self.steplen))
            .filter(module_path__in=self.live_modules().values("path"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        _trail, _course, outline = selectors.course_tree(page=self)
        items = selectors.flat_items(outline)
        trainers = [link.trainer for link in self.course_trainers.select_related("trainer__photo")]
        selectors.renditions_prefetch([self.cover_image, *(trainer.photo for trainer in trainers)])
        progress = selectors.progress_by_lesson(user=request.user, course=self)
        selectors.outline_states_apply(outline, progress, user=request.user)
        context.update(
            outline=outline,
            resume_url=selectors.resume_url(outline, progress, request),
            first_item=items[0] if items else None,
            lesson_count=sum(1 for item in items if item.kind == "lesson"),
            trainers=trainers,
            enrolment=selectors.enrolment_of(user=request.user, course=self),
        )
        return context


class CourseTrainer(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="course_trainers")
    trainer = models.ForeignKey(
        Trainer, verbose_name=_("giảng viên"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("trainer")]

    class Meta(Orderable.Meta):
        verbose_name = _("giảng viên của khóa học")
        constraints = [
            models.UniqueConstraint(fields=["course", "trainer"], name="unique_course_trainer")
        ]


class ModulePage(BasePage):
    """A lecture module (Chuyên đề): lessons and, at the end, its quiz, in page-tree order."""

    description = RichTextField(
        _("giới thiệu chuyên đề"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    estimated_minutes = models.PositiveIntegerField(_("thời lượng (phút)"), default=0)
    trainer = models.ForeignKey(
        Trainer,
        verbose_name=_("giảng viên phụ trách"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
    )

    parent_page_types = ["courses.CoursePage"]
    # Lessons, and the item types other apps register (quizzes: quizzes/apps.py).
    subpage_types = structure.outline_item_types

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("estimated_minutes"),
        FieldPanel("trainer"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]

    class Meta:
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")

    def live_lessons(self):
        return LessonPage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        trail, course, outline = selectors.course_tree(page=self)
        selectors.outline_states_apply(
            outline,
            selectors.progress_by_lesson(user=request.user, course=course),
            user=request.user,
        )
        module = next((m for m in outline if m.page.pk == self.pk), None)
        modules = [m.page for m in outline]
        position = modules.index(module.page) if module else -1
        context.update(
            breadcrumbs=trail[1:],
            course=course,
            outline=outline,
            module=module,
            items=module.items if module else [],
            previous_module=modules[position - 1] if position > 0 else None,
            next_module=modules[position + 1] if 0 <= position < len(modules) - 1 else None,
        )
        return context


class LessonPage(BasePage):
    """A lesson (Bài học): a StreamField body with text, images, slide decks and more."""

    estimated_minutes = models.PositiveIntegerField(_("thời lượng (phút)"), default=10)
    body = StreamField(LessonBodyBlock(), verbose_name=_("nội dung"), blank=True)
    complete_on_last_slide = models.BooleanField(
        _("hoàn thành khi xem đến trang chiếu cuối"),
        default=False,
        help_text=_(
            "Bật để ghi nhận học xong khi học viên xem đến trang chiếu cuối cùng; "
            "nếu tắt, học viên bấm “Đánh dấu đã học xong”."
        ),
    )
    tags = ClusterTaggableManager(through=LessonTag, blank=True, verbose_name=_("thẻ"))

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("complete_on_last_slide"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")

    @cached_property
    def tree(self):
        """(trail, course, outline): see ``selectors.course_tree``. One query, kept per request."""
        return selectors.course_tree(page=self)

    @property
    def course_page(self):
        return self.tree[1]

    def parent_module(self):
        return ModulePage.objects.parent_of(self).first()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated and not getattr(request, "is_preview", False):
            mine = response.context_data.get("progress")
            services.lesson_record_view(
                user=request.user,
                lesson=self,
                course=self.course_page,
                progress=mine,
                viewed_other_since=bool(
                    mine
                    and any(
                        row.last_viewed_at > mine.last_viewed_at
                        for row in response.context_data["course_progress"].values()
                    )
                ),
            )
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        trail, course, outline = self.tree
        module = next((m for m in outline if m.page.pk == trail[-1].pk), None)
        previous_item, next_item = selectors.neighbours(selectors.flat_items(outline), self.pk)
        selectors.renditions_prefetch(selectors.body_images(self.body))
        progress = selectors.progress_by_lesson(user=request.user, course=course)
        selectors.outline_states_apply(outline, progress, user=request.user)
        mine = progress.get(self.pk)
        context.update(
            breadcrumbs=trail[1:],
            course=course,
            module=module,
            outline=outline,
            previous_item=previous_item,
            next_item=next_item,
            slide_count=len(self.slides),
            progress=mine,
            course_progress=progress,
            complete_url=(
                reverse("lesson_complete", args=[self.pk])
                if request.user.is_authenticated and not (mine and mine.completed_at)
                else None
            ),
            slide_progress_url=(
                reverse("lesson_slide", args=[self.pk]) if request.user.is_authenticated else None
            ),
        )
        return context

    @cached_property
    def slides(self):
        """Every slide of the lesson's decks, numbered 1..n across decks.

        Each deck's value also learns the number of its first slide (the attribute
        ``first_number``, not a key, so that saving the page again stores nothing of it), so its
        template numbers slides the same way the progress records do.
        """
        slides = []
        for block in self.body:
            if block.block_type == "slide_deck":
                block.value.first_number = len(slides) + 1  # not a key: never saved
                slides.extend(block.value["slides"])
        return slides
