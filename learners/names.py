"""Vietnamese name order for any list of people.

Vietnamese lists sort by the given name, the last word of "Nguyễn Văn An", then by the whole
name, with diacritics folded: the key of "Đỗ Thị Ánh" is ("anh", "do thi anh"). Names equal
once folded ("Lê Thị Anh", "Lê Thị Ánh") then compare as written: a letter without a mark
comes before the same letter with one. SQLite calls anyascii itself (functions registered
on each connection by :class:`learners.apps.LearnersConfig`); PostgreSQL folds with TRANSLATE
over a table built from anyascii below, so both databases sort alike. The keys are
expressions computed per row; an expression index on them (a migration of the learners app)
would let a very large list skip the sort. PostgreSQL folds the Vietnamese letters only; other
marked letters (ç, ñ, ö…) fold on SQLite only, which changes nothing for a Vietnamese staff
list.
"""

import unicodedata

from anyascii import anyascii
from django.db.models import CharField, F, Func, Value
from django.db.models.functions import Coalesce, NullIf


def _vietnamese_fold_table() -> tuple[str, str]:
    """The letters of Vietnamese with a mark (ă â đ ê ô ơ ư, each vowel with its five tones),
    both cases, and what anyascii folds each to, as two aligned strings for SQL TRANSLATE.

    Kept to these 134 letters on purpose: TRANSLATE scans the table for every character of
    every name, so a table of all Latin letters makes sorting 10,000 people several times
    slower.
    """
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    vowels = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u")
    vowels += ("u\u031b", "y")
    letters = {unicodedata.normalize("NFC", vowel + tone) for vowel in vowels for tone in tones}
    letters.add("đ")
    letters |= {letter.upper() for letter in letters}
    source = "".join(sorted(letter for letter in letters if not letter.isascii()))
    # The marks of decomposed (NFD) text come last with nothing opposite: TRANSLATE deletes
    # them, so "A" + U+0301 folds like "Á" without a costly NORMALIZE on every row.
    marks = "".join(sorted({mark for vowel in vowels for mark in vowel[1:]} | set(tones[1:])))
    return source + marks, "".join(anyascii(letter) for letter in source)


FOLD_FROM, FOLD_TO = _vietnamese_fold_table()


def fold(text: str | None) -> str:
    """Lower-case ASCII, diacritics removed: the Python twin of :class:`Fold`."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def last_word(text: str | None) -> str:
    words = (text or "").split()
    return words[-1] if words else ""


def register_sqlite_functions(sender, connection, **kwargs):
    """Give each new SQLite connection the functions :class:`Fold` and :class:`LastWord`
    compile to (PostgreSQL uses built-in functions)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("parlearn_fold", 1, fold, deterministic=True)
        connection.connection.create_function(
            "parlearn_last_word", 1, last_word, deterministic=True
        )


class Fold(Func):
    """``fold()`` in SQL: lower-case ASCII with the diacritics removed."""

    function = "PARLEARN_FOLD"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"LOWER(TRANSLATE({sql}, %s, %s))", [*params, FOLD_FROM, FOLD_TO]


class LastWord(Func):
    """``last_word()`` in SQL: the given name of a Vietnamese full name."""

    function = "PARLEARN_LAST_WORD"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"REGEXP_REPLACE(BTRIM({sql}), %s, '')", [*params, r"^.*\s"]


def display_name():
    """A person's name as the site shows it: the full name, or the username when it is empty."""
    return Coalesce(NullIf(F("full_name"), Value("")), F("username"), output_field=CharField())


def name_ordering(*, descending: bool = False) -> list:
    """ORDER BY terms for people in Vietnamese order: given name, whole name (both folded),
    the name as written, then id."""
    name = display_name()
    keys = [Fold(LastWord(name)), Fold(name), name, F("pk")]
    return [key.desc() if descending else key.asc() for key in keys]


def vietnamese_sort_key(name: str) -> tuple[str, str, str]:
    """The same order in Python, for short lists sorted after the query."""
    return fold(last_word(name)), fold(name), name
