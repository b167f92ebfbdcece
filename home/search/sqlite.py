"""The folding backend on SQLite FTS5 (imported on SQLite only: the library's module needs its
SQLite-only models)."""

from modelsearch.backends.database.sqlite import sqlite

from .mixins import FoldingIndexer, FoldingQueries


class SQLiteIndexer(FoldingIndexer, sqlite.ObjectIndexer):
    pass


# The library's ``add_items`` builds entries with its module's ``ObjectIndexer``: the name points
# at the subclass for good (thread-safe; it folds only for the folding backend below).
sqlite.ObjectIndexer = SQLiteIndexer


class SQLiteFoldingBackend(FoldingQueries, sqlite.SQLiteSearchBackend):
    pass


SearchBackend = SQLiteFoldingBackend
