"""Site search and error pages."""

import re
from functools import wraps
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import search_results
from .ratelimit import limited, too_many_requests
from .search import documents_search, fold, pages_search, query_terms

SEARCH_MAX_LENGTH = 200
SEARCH_PAGE_SIZE = 10
SEARCH_DOCUMENTS = 5
QUERY_TOO_LONG = "Từ khóa quá dài: hãy nhập tối đa %(limit)s ký tự."
UNKNOWN_COURSE = "Không có khóa học đã chọn: kết quả dưới đây không lọc theo khóa học."
UNKNOWN_TAG = "Không có thẻ đã chọn: kết quả dưới đây không lọc theo thẻ."


def _clean_query(raw):
    """Strip control characters (including NUL, which PostgreSQL refuses) and collapse spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())


def _search_terms(query):
    """Words and numbers only: quotes, brackets and operators mean syntax to the full-text
    engines (SQLite FTS5, PostgreSQL tsquery) and would make an ordinary query fail."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", query).split())


def _page_number(paginator, number):
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def _filters(request, visible):
    """The course and tag chosen in the query string, if they are among the choices; a message
    for each one that is not (it is then ignored)."""
    courses = search_results.course_choices(visible)
    tags = search_results.tag_choices(visible)
    raw_course = request.GET.get("course", "").strip()
    raw_tag = request.GET.get("tag", "").strip()
    course = next((c for c in courses if str(c.pk) == raw_course), None)
    tag = next(((slug, name) for slug, name in tags if slug == raw_tag), None)
    notices = []
    if raw_course and course is None:
        notices.append(_(UNKNOWN_COURSE))
    if raw_tag and tag is None:
        notices.append(_(UNKNOWN_TAG))
    return {"courses": courses, "tags": tags, "course": course, "tag": tag, "notices": notices}


def _link(query, *, course=None, tag=None, page=None):
    """The search page's query string for these words and filters."""
    params = {"q": query}
    if course is not None:
        params["course"] = course.pk
    if tag is not None:
        params["tag"] = tag[0]
    if page is not None:
        params["page"] = page
    return "?" + urlencode(params)


def _suggestions(query, terms, *, course, tag):
    """Other searches to try when nothing was found: [(label, url)]."""
    found = []
    folded = fold(query)
    if search_results.has_diacritics(query):
        found.append((_("Tìm “%(q)s”") % {"q": folded}, _link(folded, course=course, tag=tag)))
    words = terms.split()
    if len(words) > 1:
        shorter = " ".join(words[:-1])
        found.append((_("Tìm “%(q)s”") % {"q": shorter}, _link(shorter, course=course, tag=tag)))
    if course is not None:
        found.append((_("Bỏ lọc theo khóa học"), _link(query, tag=tag)))
    if tag is not None:
        found.append((_("Bỏ lọc theo thẻ"), _link(query, course=course)))
    return found


def search(request):
    """Search live public courses, modules, lessons and quizzes:
    ``/search/?q=…&course=<id>&tag=<slug>&page=…``."""
    if request.GET.get("q") and limited(request, "search"):
        return too_many_requests(request)
    query = _clean_query(request.GET.get("q", ""))
    visible = Page.objects.live().public()
    context = {"search_query": query, "results": None, "error": None, **_filters(request, visible)}
    course, tag = context["course"], context["tag"]
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = _(QUERY_TOO_LONG) % {"limit": SEARCH_MAX_LENGTH}
    elif terms := _search_terms(query):
        found = pages_search(query, course=course, tag=tag[0] if tag else None)
        paginator = Paginator(found, SEARCH_PAGE_SIZE)
        results = _page_number(paginator, request.GET.get("page", 1))
        pages = search_results.pages_loaded(results.object_list)
        context.update(
            results=results,
            described=search_results.results_describe(pages, query_terms(query)),
            page_link=_link(query, course=course, tag=tag, page=""),
            remove_course=_link(query, tag=tag) if course is not None else None,
            remove_tag=_link(query, course=course) if tag is not None else None,
            suggestions=[]
            if paginator.count
            else _suggestions(query, terms, course=course, tag=tag),
            # Documents (decisions, plans) by title: beside the first page of unfiltered results.
            documents=documents_search(query)[:SEARCH_DOCUMENTS]
            if course is None and tag is None and results.number == 1
            else [],
        )
    return render(request, "home/search.html", context, status=400 if context["error"] else 200)


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
