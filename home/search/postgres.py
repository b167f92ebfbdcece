"""The folding backend on PostgreSQL (imported on PostgreSQL only), with the ``simple`` text
search configuration (no English stemming or stop words) unless ``SEARCH_CONFIG`` says otherwise."""

from modelsearch.backends.database.postgres import postgres

from .mixins import FoldingIndexer, FoldingQueries


class PostgresIndexer(FoldingIndexer, postgres.ObjectIndexer):
    pass


# As on SQLite: the library's ``add_items`` looks ``ObjectIndexer`` up in its module.
postgres.ObjectIndexer = PostgresIndexer


class PostgresFoldingBackend(FoldingQueries, postgres.PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or "simple"


SearchBackend = PostgresFoldingBackend
