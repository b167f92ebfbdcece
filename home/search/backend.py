"""The site's search backend: Wagtail's database backend (SQLite FTS5, PostgreSQL tsvector) with
Vietnamese folding on the index and the query alike.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}``. Every indexed text
is stored as itself plus its folded words (``folding.index_text``), and every query is folded
before it reaches the engine, so ``duong`` and ``đường`` meet on the same tokens on both engines;
the exact spelling is kept in the index for ranking (``home.search.pages_search``). On PostgreSQL
the text search configuration is ``simple`` (no English stemming or stop words) unless
``SEARCH_CONFIG`` says otherwise. ``update_index`` rebuilds the index the same way.
"""

from django.db import connection
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.sqlite import sqlite, utils
from modelsearch.index import RelatedFields

from .folding import fold, index_text


class FoldingIndexer:
    """Folds every leaf value an object gives the index (related fields fold at their leaves),
    when the backend is a folding one."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.folds = isinstance(backend, FoldingQueries)

    def prepare_field(self, obj, field):
        if not self.folds or isinstance(field, RelatedFields):
            yield from super().prepare_field(obj, field)
            return
        for *head, value in super().prepare_field(obj, field):
            yield (*head, index_text(value))


class FoldingQueries:
    """Folds a query string before the engine sees it (query objects pass through as they are)."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_folded(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_folded(query), model_or_queryset, *args, **kwargs)


def _folded(query):
    return fold(query) if isinstance(query, str) else query


class SQLiteIndexer(FoldingIndexer, sqlite.ObjectIndexer):
    pass


class PostgresIndexer(FoldingIndexer, postgres.ObjectIndexer):
    pass


# The library's ``add_items`` builds its entries with the ``ObjectIndexer`` of its own module:
# point that name at the subclass above once, at import (thread-safe: the name never changes back;
# the subclass folds only for the backends below, so the library's own backends are unchanged).
sqlite.ObjectIndexer = SQLiteIndexer
postgres.ObjectIndexer = PostgresIndexer


class SQLiteFoldingBackend(FoldingQueries, sqlite.SQLiteSearchBackend):
    pass


class PostgresFoldingBackend(FoldingQueries, postgres.PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "simple"


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return PostgresFoldingBackend(params)
    if connection.vendor == "sqlite" and utils.fts5_available() and utils.fts_table_exists():
        return SQLiteFoldingBackend(params)
    raise NotImplementedError("PAR Learn's search needs PostgreSQL or SQLite with FTS5.")
