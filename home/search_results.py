"""What the search page shows around its results: where each result sits in the course tree,
its kind, a highlighted excerpt, and the course and tag filters.

Home sits below the course apps, so nothing here names them: a page's depth says what it is
(tree root 1, home 2, course list 3, course 4, module 5, lesson or quiz 6), its text comes from
its own ``search_fields``, and tags from every taggit through model whose items are pages.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from taggit.models import Tag
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import search as engine

COURSE_DEPTH = 4  # courses.structure.COURSE_DEPTH: tree root 1, home 2, course list 3, course 4
MODULE_DEPTH = COURSE_DEPTH + 1
EXCERPT_BEFORE = 60
EXCERPT_LENGTH = 220
# Text fields read first for an excerpt, then the page's other searched fields in their order.
LEAD_FIELDS = ("search_description", "summary")
# StreamField values that are settings, not text: block types and ids, choice keys, links.
_NOT_TEXT = re.compile(r"[a-z0-9_-]{1,20}|https?://\S*")


def fold(text):
    """Lower case without diacritics: "Đường" -> "duong" (the search engine's folding)."""
    return engine.fold(text).lower()


def has_diacritics(text):
    return engine.fold(text) != unicodedata.normalize("NFC", text)


# --- where a result sits -----------------------------------------------------------------


@dataclass
class Result:
    page: Page
    kind: str
    course: Page | None
    module: Page | None
    title: str
    excerpt: str


def _ancestor_paths(page):
    depths = (COURSE_DEPTH, MODULE_DEPTH)
    return [page.path[: Page.steplen * depth] for depth in depths if depth < page.depth]


def ancestors_of(pages):
    """{path: page} of the course and module above each page: one query for all of them."""
    paths = {path for page in pages for path in _ancestor_paths(page)}
    if not paths:
        return {}
    found = Page.objects.filter(path__in=paths).only("id", "path", "depth", "title", "url_path")
    return {page.path: page for page in found}


def pages_loaded(pages):
    """The same pages, in the same order, with all their fields (the engine hands them over
    with their own fields deferred): one query, plus one per kind of page."""
    ids = [page.pk for page in pages]
    loaded = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [loaded[pk] for pk in ids if pk in loaded]


def results_describe(pages, terms):
    """Each page of results as a ``Result`` (kind, course, module, highlighted title and
    excerpt). ``pages`` are specific pages; one query for the ancestors."""
    ancestors = ancestors_of(pages)
    results = []
    for page in pages:
        above = [ancestors.get(path) for path in _ancestor_paths(page)]
        course = above[0] if above else None
        module = above[1] if len(above) > 1 else None
        results.append(
            Result(
                page=page,
                kind=capfirst(page.specific_class._meta.verbose_name),
                course=course,
                module=module,
                title=highlight(page.title, terms),
                excerpt=excerpt(page_text(page), terms),
            )
        )
    return results


# --- the excerpt --------------------------------------------------------------------------


def _raw_strings(data, key=None):
    """Every text inside a StreamField's raw data (no block is converted: no image query)."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name not in ("type", "id"):
                yield from _raw_strings(value, name)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _raw_strings(value, key)
    elif isinstance(data, str) and not _NOT_TEXT.fullmatch(data):
        yield strip_tags(data) if "<" in data else data


def _field_text(page, name):
    try:
        field = page._meta.get_field(name)
    except FieldDoesNotExist:  # a search field that is a method: not read here
        return []
    value = getattr(page, field.attname, None)
    if not value:
        return []
    if isinstance(field, StreamField):
        raw = value.raw_data if hasattr(value, "raw_data") else value
        return list(_raw_strings(list(raw)))
    if hasattr(field, "get_searchable_content"):
        return [strip_tags(str(part)) for part in field.get_searchable_content(value)]
    return [str(value)]


def page_text(page):
    """The page's readable text: its description and summary first, then the rest of what the
    search engine indexes for it (body text, slide titles and text, a quiz's introduction)."""
    names = list(LEAD_FIELDS)
    for field in page.get_search_fields():
        if type(field) is index.SearchField and field.field_name not in (*names, "title"):
            names.append(field.field_name)
    parts = []
    for name in names:
        parts.extend(part for part in _field_text(page, name) if part.strip())
    return " ".join(" · ".join(" ".join(part.split()) for part in parts).split())


def _folded_with_map(text):
    """(folded text, position in the text of each folded character)."""
    folded, where = [], []
    for position, char in enumerate(text):
        for out in fold(char):
            folded.append(out)
            where.append(position)
    return "".join(folded), where


def _matches(text, terms):
    """Spans (start, end) in ``text`` of the words that match the terms, diacritics folded."""
    words = sorted({fold(term) for term in terms if term.strip()}, key=len, reverse=True)
    if not words or not text:
        return []
    folded, where = _folded_with_map(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + ")")
    spans = []
    for match in pattern.finditer(folded):
        if match.end() > match.start():
            end = where[match.end() - 1] + 1
            spans.append((where[match.start()], end))
    return spans


def _marked(text, spans):
    pieces, at = [], 0
    for start, end in spans:
        if start < at:
            continue
        pieces.append(escape(text[at:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        at = end
    pieces.append(escape(text[at:]))
    return mark_safe("".join(pieces))  # every piece escaped above


def highlight(text, terms):
    """``text`` escaped, with the words that match ``terms`` in ``<mark>``."""
    text = unicodedata.normalize("NFC", text or "")
    return _marked(text, _matches(text, terms))


def excerpt(text, terms):
    """Some ``EXCERPT_LENGTH`` characters of ``text`` around the first match, escaped, with the
    matches marked; the beginning of the text when nothing in it matches (a title match)."""
    text = unicodedata.normalize("NFC", text or "")
    spans = _matches(text, terms)
    start = 0
    if spans and spans[0][0] > EXCERPT_BEFORE:
        start = text.rfind(" ", 0, spans[0][0] - EXCERPT_BEFORE) + 1
    end = start + EXCERPT_LENGTH
    if end < len(text):
        cut = text.rfind(" ", start, end)
        if cut > start + EXCERPT_LENGTH // 2:
            end = cut
    window = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    body = _marked(text[start:end], window)
    return format_html("{}{}{}", "… " if start > 0 else "", body, " …" if end < len(text) else "")


# --- filters ------------------------------------------------------------------------------


def course_choices(visible):
    """The live, public courses, in tree order (id, title and path only)."""
    return list(
        visible.filter(depth=COURSE_DEPTH).order_by("path").only("id", "title", "path", "depth")
    )


def tag_choices(visible):
    """The tags in use on live, public pages, by name: [(slug, name)]."""
    condition = Q(pk__in=[])
    for model in engine.page_tag_models():
        used = model.objects.filter(content_object__in=visible.values("pk")).values("tag_id")
        condition |= Q(pk__in=used)
    return list(Tag.objects.filter(condition).order_by("name").values_list("slug", "name"))
