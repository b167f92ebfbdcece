"""Site search and error pages."""

import re
from functools import wraps

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import HomePage
from .ratelimit import limited, too_many_requests

SEARCH_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10
QUERY_TOO_LONG = "Từ khóa quá dài: hãy nhập tối đa %(limit)s ký tự."


def _clean_query(raw):
    """Strip control characters (including NUL, which PostgreSQL refuses) and collapse spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())


def _search_terms(query):
    """Words and numbers only: quotes, brackets and operators mean syntax to the full-text
    engines (SQLite FTS5, PostgreSQL tsquery) and would make an ordinary query fail."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", query).split())


def search(request):
    """Search live public courses, modules and lessons: ``/search/?q=…&page=…``."""
    if request.GET.get("q") and limited(request, "search"):
        return too_many_requests(request)
    query = _clean_query(request.GET.get("q", ""))
    error = None
    results_page = None
    if len(query) > SEARCH_MAX_LENGTH:
        error = _(QUERY_TOO_LONG) % {"limit": SEARCH_MAX_LENGTH}
    elif terms := _search_terms(query):
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=2)
            .not_type(HomePage)
            .specific(defer=True)
            .search(terms, operator="and")
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


def post_only(view):
    """Like ``require_POST``, but a GET gets a page that says what to do, not a blank 405."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            response = render(request, "405.html", status=405)
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def csrf_failure(request, reason=""):
    """A form sent without its security token (an old tab, cookies blocked): say so plainly."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
