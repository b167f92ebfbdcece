"""Site search: Vietnamese folding on both engines, exact spelling ranked first.

``pages_search(query, *, course=None, tag=None)`` -> the live public pages (courses, modules,
lessons, quizzes) that hold every word of the query however it is typed, best first;
``documents_search(query)`` -> Wagtail documents by title; ``fold(text)`` -> the text without its
marks (same length as the NFC text, for highlighting); ``query_terms(query)``; ``words(text)``.
The backend (``home.search.backend``) folds the index and the queries.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from modelsearch.conf import get_app_config
from taggit.models import ItemBase
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from .folding import fold, index_text, query_terms, words

__all__ = [
    "documents_search",
    "fold",
    "index_text",
    "page_tag_models",
    "pages_search",
    "query_terms",
    "words",
]

# How many of the engine's best matches are re-ranked by exact spelling.
RERANK_TOP = 200


def searchable_pages():
    """Live public pages below the site root (the home page itself is not a result)."""
    return Page.objects.live().public().filter(depth__gt=2)


def pages_search(query, *, course=None, tag=None):
    """Pages holding every word of ``query`` (folded), best first: pages that write the query's
    words exactly as typed (diacritics included) before those that match only once folded, then
    the engine's relevance. ``course``: a page (or its id) whose subtree is searched; ``tag``: a
    tag slug (or Tag) the pages must carry. Returns a list of specific pages."""
    terms = query_terms(query)
    if not terms:
        return []
    pages = searchable_pages()
    if course is not None:
        root = course if isinstance(course, Page) else Page.objects.get(pk=course)
        pages = pages.descendant_of(root, inclusive=True)
    if tag:
        pages = pages.filter(pk__in=_tagged_page_ids(getattr(tag, "slug", tag)))
    found = list(pages.specific(defer=True).search(" ".join(terms), operator="and"))
    return _exact_first(found[:RERANK_TOP], words(query)) + found[RERANK_TOP:]


def documents_search(query):
    """Documents whose title (or tags) hold every word of ``query``, folded; best first. Only
    documents anyone may open: none from a collection with a view restriction (or below one)."""
    terms = query_terms(query)
    if not terms:
        return []
    restricted = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection")
        ).values_list("path", flat=True)
    )
    documents = get_document_model().objects.all()
    if restricted:
        documents = documents.exclude(
            collection__in=Collection.objects.filter(
                reduce(or_, (Q(path__startswith=path) for path in restricted))
            )
        )
    return list(documents.search(" ".join(terms), operator="and"))


def _exact_first(pages, typed):
    """Stable re-rank: more of the typed words written exactly (title counting twice) first."""
    typed = set(typed)
    if not pages or not typed:
        return pages
    texts = _indexed_texts(pages)

    def exact(page):
        title, body = texts.get((page.content_type_id, str(page.pk)), ("", ""))
        in_title = typed & set(words(title))
        return len(in_title) + len(typed & (set(words(body)) | in_title))

    ranked = sorted(enumerate(pages), key=lambda pair: (-exact(pair[1]), pair[0]))
    return [page for _, page in ranked]


def _indexed_texts(pages):
    """{(content type id, object id): (title text, body text)} from the index, one query."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    plain = IndexEntry._meta.get_field("title").get_internal_type() == "TextField"
    fields = ("title", "body") if plain else ("title_text", "body_text")
    rows = IndexEntry.objects.filter(
        content_type_id__in={page.content_type_id for page in pages},
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("content_type_id", "object_id", *fields)
    return {(ct, oid): (title or "", body or "") for ct, oid, title, body in rows}


def _tagged_page_ids(slug):
    """Ids of the pages tagged ``slug``, over every taggit through model that points at pages."""
    ids = []
    for model in page_tag_models():
        ids.extend(model.objects.filter(tag__slug=slug).values_list("content_object_id", flat=True))
    return ids


def page_tag_models():
    """The taggit through models whose tagged objects are pages (courses' and lessons' tags)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ItemBase)
        and hasattr(model, "content_object")
        and isinstance(target := model._meta.get_field("content_object").related_model, type)
        and issubclass(target, Page)
    ]
