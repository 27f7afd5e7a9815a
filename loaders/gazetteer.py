"""Find municipalities, counties and organisations of the reference data in text.

Lookup is by token n-grams against dictionaries built once, so a document costs a few
thousand dictionary probes however long the reference lists grow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from samkarta.loaders.lexicon import is_given_name
from samkarta.reference import Reference, load_reference

TOKEN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜüØøÆæ0-9]+(?:-[A-Za-zÅÄÖåäöÉéÜüØøÆæ0-9]+)*-?(?::s)?")

# README of the reference data: names that are also common words or names need context.
_AMBIGUOUS_MUNICIPALITIES = frozenset(
    "Mark Berg Vara Kil Ale Eda Nora Sala Mora Orsa Salem Boden Lund Habo Heby Hjo Kinda Tanum Flen Säter Åre".split()
)
_AMBIGUOUS_ABBREVIATIONS = frozenset("BO SU LU HB HV SH JU KI UM AF FK GR MIA SBU SoS Af".split())
# Generic municipal functions are part of every municipality, not separate organisations.
_SKIPPED_KINDS = frozenset({"municipal_service"})
# Services and joint services are named in lower case as common nouns ("primärvården").
_CAPITALISED_ONLY_KINDS = frozenset({"healthcare_service", "joint_service"})


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    surface: str
    kind: str  # "municipality" | "county" | "organization"
    ref: str  # SCB code, county name or canonical organisation name
    org_kind: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True)
class _Entry:
    kind: str
    ref: str
    org_kind: str | None
    ambiguous: bool


_BREAK = re.compile(r"[\n.,;:()]")


def _key(s: str) -> str:
    return " ".join(m.group(0) for m in TOKEN.finditer(s))


class Gazetteer:
    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.exact: dict[str, _Entry] = {}
        self.folded: dict[str, _Entry] = {}
        for alias, code in reference.municipality_aliases.items():
            ambiguous = alias in _AMBIGUOUS_MUNICIPALITIES or (len(alias) <= 4 and is_given_name(alias))
            self.exact.setdefault(_key(alias), _Entry("municipality", code, None, ambiguous))
        for county in reference.counties:
            for form in (f"{county} län", f"{county}s län", f"{county}s läns"):
                self.exact.setdefault(_key(form), _Entry("county", county, None, False))
            if county not in reference.municipality_aliases:
                self.exact.setdefault(_key(county), _Entry("county", county, None, False))
        for alias, name in reference.organization_aliases.items():
            org = reference.organizations[name]
            if org.kind in _SKIPPED_KINDS:
                continue
            ambiguous = alias in _AMBIGUOUS_ABBREVIATIONS
            entry = _Entry("organization", name, org.kind, ambiguous)
            self.exact.setdefault(_key(alias), entry)
            if alias.isupper() and len(alias) >= 3:
                self.exact.setdefault(_key(alias.capitalize()), entry)  # "Bup" for BUP
            if len(alias) >= 6 and not alias.isupper() and org.kind not in _CAPITALISED_ONLY_KINDS:
                self.folded.setdefault(_key(alias).casefold(), entry)
            if org.kind not in _CAPITALISED_ONLY_KINDS or alias[0].isupper():
                self.exact.setdefault(_key(alias[0].upper() + alias[1:]), entry)
        self.max_tokens = max(k.count(" ") + 1 for k in (*self.exact, *self.folded))
        self.first_tokens = {k.split(" ")[0] for k in self.exact} | {k.split(" ")[0] for k in self.folded}
        self.first_tokens_folded = {t.casefold() for t in self.first_tokens}

    def _lookup(self, key: str) -> _Entry | None:
        entry = self.exact.get(key)
        if entry is None:
            entry = self.folded.get(key.casefold())
        return entry

    def find(self, text: str) -> list[Hit]:
        """Longest non-overlapping matches, including genitive forms ("Faluns", "SKL:s")."""
        hits: list[Hit] = []
        firsts = self.first_tokens_folded
        consumed = 0
        # tokens are materialised only around candidate first words: most words start no name
        for m in TOKEN.finditer(text):
            if m.start() < consumed:
                continue
            word = m.group(0).casefold()
            if word not in firsts and word.removesuffix(":s").removesuffix("s") not in firsts:
                continue
            window = [(m.start(), m.end(), m.group(0))]
            window.extend(
                (t.start(), t.end(), t.group(0)) for t in islice(TOKEN.finditer(text, m.end()), self.max_tokens - 1)
            )
            hit = self._match_at(text, window, 0)
            if hit is not None:
                hits.append(hit[0])
                consumed = window[hit[1] - 1][1]
        return hits

    def _match_at(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[Hit, int] | None:
        # n-grams never cross a line break or sentence punctuation
        limit = min(self.max_tokens, len(tokens) - i)
        for k in range(1, limit):
            if _BREAK.search(text, tokens[i + k - 1][1], tokens[i + k][0]):
                limit = k
                break
        for n in range(limit, 0, -1):
            window = tokens[i : i + n]
            words = [t[2] for t in window]
            key = " ".join(words)
            entry = self._lookup(key)
            surface_end = window[-1][1]
            if entry is None:
                last = words[-1]
                for suffix in (":s", "s"):
                    if last.endswith(suffix) and len(last) > len(suffix) + 2:
                        entry = self._lookup(" ".join([*words[:-1], last[: -len(suffix)]]))
                        if entry is not None:
                            surface_end -= len(suffix)
                            if entry.kind == "municipality" and _followed_by_lan(text, window[-1][1]):
                                entry = None
                            break
            if entry is None:
                continue
            start = window[0][0]
            surface = text[start:surface_end].rstrip(":")
            return Hit(
                start, start + len(surface), surface, entry.kind, entry.ref, entry.org_kind, entry.ambiguous
            ), i + n
        return None


def _followed_by_lan(text: str, pos: int) -> bool:
    return bool(re.match(r"\s+läns?\b", text[pos : pos + 8]))


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer over the packaged reference data."""
    return Gazetteer(load_reference())
