"""Merge candidates for bodies (Network) and organisations: pairs that may be one entity written
two ways, scored with the reasons a person can check.

Computed from the graph as it stands (names and aliases, regions, members and meetings), never
from the order documents came in: every feature is read from sets, and every name a reason quotes
is the first of the sorted names that gives the best match, so two stores that hold the same graph
propose the same pairs with the same scores whatever order their minutes were ingested in.

Bodies in two different counties are never proposed: county bodies with one name are namesakes
(every county has its Socialchefsnätverket). Two entities not placed in one county (a national
body, an organisation the minutes did not place, a municipality's unit: every municipality has its
socialförvaltning) are proposed only when they also share members or meetings. A generic name (one
word that is only a kind of body: "Styrgruppen", "beredningen") contained in another says little.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

import networkx as nx
from pydantic import BaseModel, ConfigDict

from samkarta.graph.ids import make_id, name_key, normalize

LABELS = ("Network", "Organization")
MIN_SCORE = 0.5  # below it a pair is not proposed
SPELLING, ABBREVIATION, CONTAINED, SIMILAR, GENERIC = 0.6, 0.6, 0.45, 0.45, 0.2  # what each name match says
SAME_REGION = 0.25
PER_MEMBER, MAX_MEMBERS = 0.1, 0.3
PER_MEETING, MAX_MEETINGS = 0.05, 0.15
MIN_SIMILARITY = 0.88
_SMALL_WORDS = frozenset({"och", "i", "för", "med", "av", "på", "om", "till", "&"})
# the head nouns of Swedish body names, whose initial an acronym takes from inside a compound
# ("HSN" = hälso- och sjukvårds|nämnden)
_HEADS = (
    "nämnden",
    "nämnd",
    "nätverket",
    "nätverk",
    "gruppen",
    "grupp",
    "styrelsen",
    "styrelse",
    "beredningen",
    "beredning",
    "utskottet",
    "utskott",
    "rådet",
    "råd",
    "förbundet",
    "förbund",
    "fullmäktige",
    "kommittén",
    "forum",
)


class EntityCandidate(BaseModel):
    """Two bodies or two organisations that may be one; people decide (accept merges, reject keeps
    them apart for good)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    node_a: str  # the two nodes in id order
    node_b: str
    name_a: str
    name_b: str
    region_a: str | None
    region_b: str | None
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class _Entity:
    id: str
    label: str
    name: str
    names: tuple[str, ...]  # its name and every alias, sorted
    region: str | None
    members: frozenset[str]
    meetings: frozenset[str]


def candidate_id(node_a: str, node_b: str) -> str:
    return make_id("EntityCandidate", *sorted((node_a, node_b)))


@lru_cache(maxsize=50_000)  # the same few thousand names are compared many times
def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\wåäö]+", normalize(name)) if w)


@lru_cache(maxsize=50_000)  # the same few thousand names are compared many times
def _initials(name: str) -> frozenset[str]:
    """The acronyms a name can have: its words' initials, without and with the small words, and with
    the initial of a head noun inside a compound."""
    words = _words(name)
    if len(words) < 2 and not any(w.endswith(_HEADS) and len(w) > 6 for w in words):
        return frozenset()
    out = set()
    for keep_small in (False, True):
        letters = []
        for w in words:
            if w in _SMALL_WORDS and not keep_small:
                continue
            letters.append(w[0])
            head = next((h for h in _HEADS if w.endswith(h) and len(w) > len(h) + 2), None)
            if head is not None:
                letters.append(head[0])
        out.add("".join(letters))
    return frozenset(out)


@lru_cache(maxsize=50_000)  # the same few thousand names are compared many times
def _acronym(name: str) -> str | None:
    """The name as an acronym ('RUG', 'HSN', 'SCHNV'): one word of 2 to 8 capitals."""
    stripped = name.strip()
    return stripped.casefold() if re.fullmatch(r"[A-ZÅÄÖ]{2,8}", stripped) else None


def _contained(short: str, long: str) -> bool:
    """The short name's words open the long one's ('RUG' in 'RUG barn och unga')."""
    a, b = _words(short), _words(long)
    return 0 < len(a) < len(b) and b[: len(a)] == a and len("".join(a)) >= 3


@lru_cache(maxsize=50_000)  # the same few thousand names are compared many times
def _generic(name: str) -> bool:
    """One word that only says what kind of body it is ('Styrgruppen', 'beredningen', 'AU-gruppen')."""
    words = _words(name)
    return len(words) == 1 and any(words[0].endswith(h) and len(words[0]) <= len(h) + 5 for h in _HEADS)


def _name_match(x: str, y: str) -> tuple[float, str] | None:
    """How much two names say the entities are one, and why (api/swedish.py says it in Swedish);
    None if they do not."""
    kx, ky = name_key(x), name_key(y)
    if not kx or not ky:
        return None
    if kx == ky:
        if x == y:
            return SPELLING, f'same name "{x}"'
        return SPELLING, f'same name in other spacing, hyphens or case: "{x}" and "{y}"'
    for short, long in ((x, y), (y, x)):
        acronym = _acronym(short)
        if acronym is not None and acronym in _initials(long):
            return ABBREVIATION, f'"{short}" abbreviates "{long}"'
    for short, long in ((x, y), (y, x)):
        if _contained(short, long):
            return GENERIC if _generic(short) else CONTAINED, f'"{short}" opens "{long}"'
    shorter, longer = sorted((len(kx), len(ky)))
    if shorter >= 6 and 2 * shorter / (shorter + longer) >= MIN_SIMILARITY:
        matcher = SequenceMatcher(None, kx, ky)
        if matcher.quick_ratio() >= MIN_SIMILARITY:
            ratio = matcher.ratio()
            if ratio >= MIN_SIMILARITY:
                weight = GENERIC if _generic(x) or _generic(y) else SIMILAR
                return weight, f'almost the same spelling: "{x}" and "{y}"'
    return None


def _best_name_match(a: _Entity, b: _Entity) -> tuple[float, str] | None:
    best: tuple[float, str] | None = None
    for x in a.names:  # sorted: the first best pair is the same in any store holding these names
        for y in b.names:
            found = _name_match(x, y)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return best


def _score(a: _Entity, b: _Entity) -> tuple[float, list[str]] | None:
    found = _best_name_match(a, b)
    if found is None:
        return None
    score, reasons = found[0], [found[1]]
    members = len(a.members & b.members)
    meetings = len(a.meetings & b.meetings)
    if a.region is not None and a.region == b.region:
        score += SAME_REGION
        reasons.append(f"same region ({a.region})")
    elif not (members or meetings):
        return None  # a name alone, in no common county: most likely two namesakes
    if members:
        score += min(MAX_MEMBERS, PER_MEMBER * members)
        reasons.append(f"shared members {members}")
    if meetings:
        score += min(MAX_MEETINGS, PER_MEETING * meetings)
        reasons.append(f"shared meetings {meetings}")
    return round(min(score, 1.0), 2), reasons


def _entities(g: nx.MultiDiGraph, names: Iterable[tuple[str, str, str]]) -> list[_Entity]:
    every: dict[str, set[str]] = defaultdict(set)
    for node_id, label, name in names:
        if label in LABELS and name.strip():
            every[node_id].add(name)
    region_of: dict[str, str] = {}
    members: dict[str, set[str]] = defaultdict(set)
    meetings: dict[str, set[str]] = defaultdict(set)
    attendees: dict[str, set[str]] = defaultdict(set)
    held: list[tuple[str, str]] = []
    for u, v, d in g.edges(data=True):
        kind = d.get("type")
        if kind == "IN_REGION" and g.nodes[u].get("label") in LABELS:
            region_of[u] = g.nodes[v].get("name", "")
        elif kind == "ATTENDED":
            attendees[v].add(u)
        elif kind == "OF":
            held.append((u, v))
            meetings[v].add(u)
        elif kind == "MENTIONS" and g.nodes[u].get("label") == "Meeting":
            meetings[v].add(u)
        elif kind == "REPRESENTS":
            members[v].add(u)
    for meeting, body in held:  # a body's members: the people at its meetings
        members[body] |= attendees.get(meeting, set())
    out = []
    for node_id, data in g.nodes(data=True):
        if data.get("label") not in LABELS:
            continue
        region = data.get("region") if data.get("label") == "Network" else None
        out.append(
            _Entity(
                id=node_id,
                label=data["label"],
                name=data.get("name", ""),
                names=tuple(sorted(every.get(node_id) or {data.get("name", "")})),
                region=region or region_of.get(node_id) or None,
                members=frozenset(members.get(node_id, ())),
                meetings=frozenset(meetings.get(node_id, ())),
            )
        )
    return sorted(out, key=lambda e: e.id)


def _blocking_keys(e: _Entity) -> set[str]:
    """Keys two entities worth comparing share: a word of a name, a name key's first or last four
    letters (spelling variants), an acronym and the initials it would stand for."""
    keys: set[str] = set()
    for name in e.names:
        key = name_key(name)
        keys |= {f"w:{w}" for w in _words(name) if len(w) >= 3 and w not in _SMALL_WORDS}
        keys |= {f"p:{key[:4]}", f"s:{key[-4:]}"}
        keys |= {f"a:{i}" for i in _initials(name)}
        if (acronym := _acronym(name)) is not None:
            keys.add(f"a:{acronym}")
    return keys


def _pairs(entities: list[_Entity]) -> set[tuple[_Entity, _Entity]]:
    """Pairs worth scoring: of one label, in one county or not both placed, sharing a blocking key."""
    by_key: dict[tuple[str, str], list[_Entity]] = defaultdict(list)
    for e in entities:
        for key in _blocking_keys(e):
            by_key[(e.label, key)].append(e)
    out: set[tuple[_Entity, _Entity]] = set()
    for block in by_key.values():
        for x, y in combinations(block, 2):
            if x.region is not None and y.region is not None and x.region != y.region:
                continue
            out.add((x, y) if x.id < y.id else (y, x))
    return out


def entity_candidates(
    g: nx.MultiDiGraph, names: Iterable[tuple[str, str, str]], distinct: Iterable[frozenset[str]] = ()
) -> list[EntityCandidate]:
    """Pairs of bodies or of organisations that may be one, best first; `distinct` holds the pairs
    people judged to be two (never proposed again)."""
    judged = set(distinct)
    out = []
    for a, b in _pairs(_entities(g, names)):
        if frozenset((a.id, b.id)) in judged:
            continue
        scored = _score(a, b)
        if scored is None or scored[0] < MIN_SCORE:
            continue
        out.append(
            EntityCandidate(
                id=candidate_id(a.id, b.id),
                label=a.label,
                node_a=a.id,
                node_b=b.id,
                name_a=a.name,
                name_b=b.name,
                region_a=a.region,
                region_b=b.region,
                score=scored[0],
                reasons=scored[1],
            )
        )
    return sorted(out, key=lambda c: (-c.score, c.id))
