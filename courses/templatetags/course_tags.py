from django import template
from django.core.cache import cache

from courses import selectors
from courses.models import CoursePage

register = template.Library()


@register.simple_tag
def live_courses():
    """Live, public courses with their module count (for the home page)."""
    return CoursePage.objects.listed()


TAGS_CACHE_TIMEOUT = 10 * 60


@register.simple_tag(takes_context=True)
def page_tags(context, page):
    """The page's tags. A live page's come from the cache, keyed by its last publication (tags
    change only when a trainer publishes); a preview or a draft reads them as they are."""
    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.live or not page.last_published_at:
        return list(page.tags.all())
    key = f"courses:page-tags:{page.pk}:{page.last_published_at.timestamp()}"
    tags = cache.get(key)
    if tags is None:
        tags = list(page.tags.all())
        cache.set(key, tags, TAGS_CACHE_TIMEOUT)
    return tags


@register.simple_tag(takes_context=True)
def with_my_progress(context, courses):
    """The courses, each with ``my_enrolment``: the signed-in person's enrolment with
    ``done_lessons``, ``total_lessons`` and ``percent`` (``selectors.dashboard``: three
    queries), or None. Anonymous visitors cost nothing."""
    courses = list(courses)
    request = context.get("request")
    user = getattr(request, "user", None)
    mine = {}
    if user is not None and user.is_authenticated and courses:
        mine = {e.course_id: e for e in selectors.dashboard(user=user, request=request)}
    for course in courses:
        course.my_enrolment = mine.get(course.pk)
    return courses


@register.simple_tag
def next_step(items):
    """Where the person stands in outline items, or in an outline's modules (``started``,
    ``finished`` and ``item``, the next thing to do: ``selectors.next_step``). No query."""
    return selectors.next_step(items)


@register.simple_tag(takes_context=True)
def course_completion(context, course):
    """The signed-in person's completed enrolment in ``course`` with its certificate state
    (``certificate_number``, ``certificate_revoked``), or None: one query (none when
    anonymous). Call it only where the course may be complete."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or course is None:
        return None
    return selectors.course_completion(user=user, course_id=course.pk)
