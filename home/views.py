"""Site search and error pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import HomePage

SEARCH_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10
QUERY_TOO_LONG = "Từ khóa quá dài: hãy nhập tối đa %(limit)s ký tự."


def _clean_query(raw):
    """Strip control characters (including NUL, which PostgreSQL refuses) and collapse spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())


def search(request):
    """Search live public courses, modules and lessons: ``/search/?q=…&page=…``."""
    query = _clean_query(request.GET.get("q", ""))
    error = None
    results_page = None
    if len(query) > SEARCH_MAX_LENGTH:
        error = _(QUERY_TOO_LONG) % {"limit": SEARCH_MAX_LENGTH}
    elif query:
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=2)
            .not_type(HomePage)
            .specific(defer=True)
            .search(query, operator="and")
        )
        paginator = Paginator(pages, SEARCH_PAGE_SIZE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return render(
        request,
        "home/search.html",
        {"search_query": query, "results": results_page, "error": error},
        status=400 if error else 200,
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
