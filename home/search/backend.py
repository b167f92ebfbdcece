"""The site's search backend: Wagtail's database backend (SQLite FTS5, PostgreSQL tsvector) with
Vietnamese folding on the index and the query alike.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}``. Every indexed text
is stored as itself plus its folded words (``folding.index_text``), and every query is folded
before it reaches the engine, so ``duong`` and ``đường`` meet on the same tokens on both engines;
the exact spelling stays in the index for ranking (``home.search.pages_search``).
``update_index`` rebuilds the index the same way. Like Wagtail's own ``database`` backend, the
engine's module is chosen by the database vendor (each needs its vendor's models).
"""

from importlib import import_module

from django.db import connection
from modelsearch.backends.database.sqlite import utils

VENDORS = {"postgresql": "home.search.postgres", "sqlite": "home.search.sqlite"}


def SearchBackend(params):
    module = VENDORS.get(connection.vendor)
    if module is None or (
        connection.vendor == "sqlite" and not (utils.fts5_available() and utils.fts_table_exists())
    ):
        raise NotImplementedError("PAR Learn's search needs PostgreSQL or SQLite with FTS5.")
    return import_module(module).SearchBackend(params)
