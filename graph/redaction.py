"""Redaction for data-protection erasure: one rule for every store.

A name is found however it is written: in any case, with or without its accents ("Ståhl", "Stahl",
also as decomposed characters), broken over a line ("Anna\nBerg"), with the given name as an
initial ("A. Berg"), in the genitive ("Anna Bergs", "Anna Berg:s", "Anna Berg's"; the mark goes with
the name, so no "s" is left behind), and inside an e-mail address ("anna.berg@norrby.se").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

REDACTED = "[borttaget]"
_WORD = r"[\wåäöÅÄÖ]"
_ACCENTS = "[\u0300-\u036f]*"  # combining marks: a text in decomposed form writes "ä" as "a" and a mark
_GENITIVE = "(?:{s}|:{s}|['’´]{s}?)?"  # "Bergs", "Berg:s", "Berg's"; "Ruus'" after a name in s
_GENITIVE_MARKS = ("s", ":s", "'s", "’s", "´s", "'", "’", "´")
# every Latin letter a name may be written with, to find its forms with and without accents
_LETTERS = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isalpha())
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _plain(word: str) -> str:
    """Lower case without diacritics ('Ståhlkloo' -> 'stahlkloo'), as e-mail addresses write it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def _letter(c: str, any_case: bool) -> str:
    """A letter with and without its accents ('e' -> '[eéèêë...]'), in its own case unless any_case."""
    if not c.isalpha():
        return re.escape(c)
    same = [v for v in _LETTERS if _plain(v) == _plain(c) and (any_case or v.isupper() == c.isupper())]
    return f"[{''.join(sorted({c, *same}))}]{_ACCENTS}"


def _word(word: str, any_case: bool = True) -> str:
    return "".join(_letter(c, any_case) for c in word)


@lru_cache(maxsize=256)
def _patterns(strings: tuple[str, ...]) -> tuple[re.Pattern[str], frozenset[str]]:
    """One pattern for every form of the strings, longest first, and the surnames to look for in
    e-mail addresses."""
    forms: list[str] = []
    surnames: set[str] = set()
    for s in sorted(strings, key=len, reverse=True):
        parts = s.split()
        if len(parts) == 1:  # a given name alone, as written or in capitals: "per" is a preposition
            forms += [_word(s, False) + _GENITIVE.format(s="s"), _word(s.upper(), False) + _GENITIVE.format(s="S")]
            continue
        full = r"\s+".join(_word(p) for p in parts)  # any spacing, a line break too
        initial = _word(parts[0][0]) + r"\.?\s*" + r"\s+".join(_word(p) for p in parts[1:])
        forms.append(f"(?i:(?:{full}|{initial}){_GENITIVE.format(s='s')})")
        surnames.add(_plain(parts[-1]))
    pattern = re.compile(rf"(?<!{_WORD})(?:{'|'.join(forms)})(?!{_WORD})")
    return pattern, frozenset(s for s in surnames if len(s) >= 3)


def genitive_of(name: str, names: Iterable[str]) -> bool:
    """The name is one of `names` in the genitive ("Anna Bergs", "Anna Berg:s"), whatever its case
    and accents: the record an older extraction made of a genitive, which names the same person."""
    bases = {_plain(" ".join(n.split())) for n in names}
    folded = _plain(" ".join(name.split()))
    return any(folded.endswith(mark) and folded[: -len(mark)] in bases for mark in _GENITIVE_MARKS)


def redact(value: str | None, strings: list[str]) -> str | None:
    """Replace every occurrence of each string, in any of its forms, with REDACTED."""
    if value is None or not strings:
        return value
    pattern, surnames = _patterns(tuple(strings))
    value = pattern.sub(REDACTED, value)
    if surnames and "@" in value:
        value = _EMAIL.sub(
            lambda m: REDACTED if any(s in _plain(m.group().split("@")[0]) for s in surnames) else m.group(), value
        )
    return value


def redact_value(value: Any, strings: list[str]) -> Any:
    """Redact every string in a value: a string, the strings in a list or a dict (nested), nothing else."""
    if isinstance(value, str):
        return redact(value, strings)
    if isinstance(value, list):
        return [redact_value(v, strings) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v, strings) for k, v in value.items()}
    return value


def redact_json(text: str, strings: list[str]) -> str:
    """Redact every string value inside a JSON document (not its escaped text)."""
    return json.dumps(redact_value(json.loads(text), strings), ensure_ascii=False)
