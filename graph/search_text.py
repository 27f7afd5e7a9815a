"""Swedish search normalisation shared by both stores, so a query finds the same text anywhere.

Snowball's Swedish stemmer, then the endings it leaves ("familjehemmet", "introduktionskursen")
and a doubled final consonant ("familjehemm"), so "familjehemmen" and "familjehem" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+")
_STEMMER = snowballstemmer.stemmer("swedish")
_STOPWORDS = frozenset(
    "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan "
    "man när år sin nu ska skall också vid eller under".split()
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = _STEMMER.stemWord(word.casefold())
    for ending in ("arna", "erna", "orna", "heten", "het", "et", "en", "an"):
        if len(w) - len(ending) >= 4 and w.endswith(ending):
            w = w[: -len(ending)]
            break
    if len(w) >= 5 and w[-1] == w[-2] and w[-1] not in "aeiouyåäö":
        w = w[:-1]
    if len(w) >= 6 and w.endswith("s") and w[-2] not in "aeiouyåäös":
        w = w[:-1]
    return w


def search_tokens(text: str) -> list[str]:
    """Normalised tokens of a text, stop words left out."""
    return [stem(w) for w in _WORD.findall(text) if w.casefold() not in _STOPWORDS]


def search_text(text: str) -> str:
    return " ".join(search_tokens(text))


def matching_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where a text holds words the index would match for these query terms (search_tokens of the
    query): every word, stop words aside, whose normalised form starts with a term."""
    if not terms:
        return []
    return [
        m.span()
        for m in _WORD.finditer(text)
        if m.group().casefold() not in _STOPWORDS and stem(m.group()).startswith(tuple(terms))
    ]
