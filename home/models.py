"""The site root, the shared page base and site-wide settings."""

from django.core.cache import cache
from django.db import models, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Shared fields for every public page: a one-line summary used in listings and meta tags."""

    summary = models.TextField(
        _("tóm tắt"),
        blank=True,
        max_length=500,
        help_text=_("Một hoặc hai câu, hiện trong danh sách và kết quả tìm kiếm."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """Resolve the whole remaining path in one query instead of two per level.

        Wagtail's default walks the tree one level at a time (a child query and a ``specific``
        query per level); a lesson four levels down would spend ten queries just being found.
        The deepest page whose ``url_path`` is a prefix of the request wins, and routing
        continues from it, so a page with sub-routes of its own still gets them.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        page = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .specific()
            .first()
        )
        if page is None:
            raise Http404
        consumed = page.depth - self.depth
        return page.route(request, path_components[consumed:])


class HomePage(BasePage):
    """The site root: the programme's name, a search box and the course cards."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What the footer and the header show; editable by administrators."""

    organisation_name = models.CharField(
        _("tên cơ quan chủ quản"), max_length=255, default="Sở Nội vụ"
    )
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=64, blank=True)
    footer_note = models.CharField(_("ghi chú cuối trang"), max_length=255, blank=True)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("footer_note"),
    ]

    # Every public page shows these: read from the cache, not the database, on each request.
    # A save clears the entry; the timeout bounds how long another process without a shared
    # cache (no REDIS_URL) can show the old text.
    CACHE_TIMEOUT = 5 * 60

    @staticmethod
    def cache_key(site_id) -> str:
        return f"home:site-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        key = cls.cache_key(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, cls.CACHE_TIMEOUT)
        return instance

    def _forget(self):
        # Now, and again once committed: a request in between may have cached the old row.
        key = self.cache_key(self.site_id)
        cache.delete(key)
        transaction.on_commit(lambda: cache.delete(key))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._forget()
        return result

    class Meta:
        verbose_name = _("thiết lập trang")


class RateCounter(models.Model):
    """A fixed-window request count that every worker process sees (``home.ratelimit``).

    Used when there is no Redis, and when Redis is down. ``key`` names the scope, a hash of
    who is counted and the window; ``expires`` (Unix seconds) is when the row may be purged.
    """

    key = models.CharField(max_length=120, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("bộ đếm giới hạn tần suất")
        verbose_name_plural = _("bộ đếm giới hạn tần suất")

    def __str__(self):
        return f"{self.key}: {self.count}"


class ScheduledRun(models.Model):
    """One periodic job's run for one time slot (``home.schedule``).

    The scheduler inserts the row and queues the job's task in one transaction; the unique
    constraint makes a second scheduler (another app server) fail its insert for the same slot and
    skip it, so a job runs once per slot however many schedulers run.
    """

    job = models.CharField(_("công việc"), max_length=100)
    slot = models.DateTimeField(_("lượt"))
    queued_at = models.DateTimeField(_("lúc xếp hàng"), auto_now_add=True)
    task_result_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("lượt chạy định kỳ")
        verbose_name_plural = _("lượt chạy định kỳ")
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="home_scheduledrun_once_per_slot")
        ]

    def __str__(self):
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
