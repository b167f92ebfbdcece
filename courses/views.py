"""Tag listings: every tag in use, and the courses and lessons carrying one tag."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from . import selectors


def tag_index(request):
    tags = (
        Tag.objects.annotate(
            uses=Count("courses_coursetag_items", distinct=True)
            + Count("courses_lessontag_items", distinct=True)
        )
        .filter(Q(courses_coursetag_items__isnull=False) | Q(courses_lessontag_items__isnull=False))
        .distinct()
        .order_by("name")
    )
    return render(request, "courses/tag_index.html", {"tags": tags})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    courses, lessons = selectors.tagged_pages(tag=tag)
    return render(
        request, "courses/tag_detail.html", {"tag": tag, "courses": courses, "lessons": lessons}
    )
