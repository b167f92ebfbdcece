"""Vietnamese folding: the same text with its marks taken off, for the index and the query alike.

``fold`` maps each character of the NFC text to one character (``đ``/``Đ`` to ``d``/``D``, every
letter with one or two stacked marks to its base letter), so a position in ``fold(text)`` is the
same position in ``unicodedata.normalize("NFC", text)``: highlighting can find a folded match and
mark the original letters.
"""

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")
# A legal reference or any word joined by "/", "-" or ".": "2948/QĐ-BNV", "30/2021/NĐ-CP".
COMPOUND = re.compile(r"[^\W_]+(?:[/.\-][^\W_]+)+")
SPECIAL = {"đ": "d", "Đ": "D"}


@lru_cache(maxsize=4096)
def _fold_char(char):
    if char in SPECIAL:
        return SPECIAL[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def fold(text):
    """``"Đường Nghị quyết"`` -> ``"Duong Nghi quyet"``; case kept, length of the NFC text kept."""
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFC", text or ""))


def words(text):
    """The words of a text, lower case, NFC: ``"2948/QĐ-BNV"`` -> ``["2948", "qđ", "bnv"]``."""
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def query_terms(query):
    """The folded words of a query, the form the index is searched with."""
    return [fold(word) for word in words(query)]


def index_text(text):
    """What the index holds for a text: the text itself, then the words that folding changes in
    their folded form, then the parts of every joined word (a legal reference's number, type and
    issuer) on their own, so each engine's tokeniser sees them whatever it makes of the joined
    form (PostgreSQL's parser reads "2948/QĐ-BNV" as one file-path token)."""
    text = unicodedata.normalize("NFC", text or "")
    extra = [folded for word in words(text) if (folded := fold(word)) != word]
    for compound in COMPOUND.findall(text):
        parts = words(compound)
        extra.extend(parts)
        extra.extend(folded for part in parts if (folded := fold(part)) != part)
    if not extra:
        return text
    return f"{text}\n{' '.join(dict.fromkeys(extra))}"
