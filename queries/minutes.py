"""Full-text search in the minutes: documents by their whole text, facets by body, region and year,
and excerpts with the words found.

The store's index finds the documents (GraphStore.search_documents); the facets come from the
meeting each document describes; an excerpt marks the words the index matched (the same
normalisation, graph/search_text.py), so what is marked is what was found.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from samkarta.graph.search_text import matching_spans, search_tokens
from samkarta.graph.store import GraphStore
from samkarta.queries.delta import Applied
from samkarta.queries.results import (
    BodyRef,
    Excerpt,
    Facets,
    FacetValue,
    MinutesHit,
    MinutesResults,
    Segment,
)
from samkarta.queries.view import Snapshot, patches

__all__ = ["NATIONAL", "search_minutes", "excerpts"]

NATIONAL = "Nationellt"  # the region facet of minutes of no county (as on the start page)
MOST_DOCUMENTS = 2000  # asked of the index; facets count within these
_CONTEXT = 90  # characters either side of a hit in an excerpt
_EXCERPTS = 3
_FACET_VALUES = 15


@dataclass(frozen=True)
class _Found:
    doc_id: str
    score: float
    body: str | None
    region: str
    year: str | None
    date: str | None


def search_minutes(
    store: GraphStore,
    snap: Snapshot,
    query: str,
    body: str | None = None,
    region: str | None = None,
    year: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> MinutesResults:
    """Minutes whose text holds every word of the query, best first, narrowed by body (id), region
    (name, "Nationellt" for none) and year; each facet counts its values under the other two filters."""
    hits = store.search_documents(query, limit=MOST_DOCUMENTS) if query.strip() else []
    meetings = _meetings_by_document(snap)
    found = [_describe(snap, h.doc_id, h.score, meetings.get(h.doc_id)) for h in hits]
    wanted: dict[str, str | None] = {"body": body or None, "region": region or None, "year": year or None}

    def passes(f: _Found, *skip: str) -> bool:
        return all(value is None or getattr(f, key) == value for key, value in wanted.items() if key not in skip)

    facets = Facets(
        bodies=_facet(found, "body", wanted["body"], lambda f: passes(f, "body"), lambda v: _name(snap, v)),
        regions=_facet(found, "region", wanted["region"], lambda f: passes(f, "region"), str),
        years=_facet(found, "year", wanted["year"], lambda f: passes(f, "year"), str),
    )
    chosen = [f for f in found if passes(f)]
    terms = search_tokens(query)
    data = [_hit(store, snap, f, terms) for f in chosen[offset : offset + limit]]
    return MinutesResults(
        query=query,
        count=len(chosen),
        data=[d for d in data if d is not None],
        facets=facets,
        limited=len(hits) >= MOST_DOCUMENTS,
    )


def _meetings_by_document(snap: Snapshot) -> dict[str, str]:
    cached = snap.__dict__.get("_doc_meetings")
    if cached is None:
        cached = {d["doc_id"]: n for n, d in snap.g.nodes(data=True) if d["label"] == "Meeting" and d.get("doc_id")}
        snap.__dict__["_doc_meetings"] = cached
    return cached


@patches("_doc_meetings")
def _follow_doc_meetings(old: Snapshot, new: Snapshot, applied: Applied) -> dict[str, str]:
    meetings = dict(old.__dict__["_doc_meetings"])
    for n in applied.nodes:  # a meeting's node changes with its document
        before, after = old.g.nodes.get(n, {}), new.g.nodes.get(n, {})
        if before.get("label") == "Meeting" and before.get("doc_id") and meetings.get(before["doc_id"]) == n:
            del meetings[before["doc_id"]]
        if after.get("label") == "Meeting" and after.get("doc_id"):
            meetings[after["doc_id"]] = n
    return meetings


def _describe(snap: Snapshot, doc_id: str, score: float, meeting: str | None) -> _Found:
    data = snap.g.nodes[meeting] if meeting else {}
    date = data.get("date")
    return _Found(
        doc_id=doc_id,
        score=score,
        body=snap.meeting_network.get(meeting or ""),
        region=data.get("region") or NATIONAL,
        year=date[:4] if date else None,
        date=date,
    )


def _name(snap: Snapshot, node_id: str) -> str:
    return snap.g.nodes[node_id]["name"] if node_id in snap.g else node_id


def _facet(
    found: list[_Found],
    key: str,
    selected: str | None,
    counted: Callable[[_Found], bool],
    name: Callable[[str], str],
) -> list[FacetValue]:
    """The values of one facet, most hits first (years newest first), the selected one always shown."""
    counts = Counter(v for f in found if counted(f) and (v := getattr(f, key)) is not None)
    if key == "year":
        ranked = sorted(counts, reverse=True)
    else:
        ranked = sorted(counts, key=lambda v: (-counts[v], name(v).casefold()))
    shown = ranked[:_FACET_VALUES]
    if selected and selected not in shown:
        shown.append(selected)
    return [FacetValue(value=v, name=name(v), count=counts.get(v, 0), selected=v == selected) for v in shown]


def _hit(store: GraphStore, snap: Snapshot, f: _Found, terms: list[str]) -> MinutesHit | None:
    stored = store.document(f.doc_id)
    if stored is None:  # removed since the search: nothing to show
        return None
    spans = matching_spans(stored.text, terms)
    return MinutesHit(
        doc_id=f.doc_id,
        name=PurePath(stored.info.path.replace("\\", "/")).name,
        title=stored.info.title,
        date=f.date or stored.info.date,
        body=BodyRef(id=f.body, name=_name(snap, f.body)) if f.body else None,
        region=f.region,
        score=round(f.score, 3),
        hits=len(spans),
        excerpts=excerpts(stored.text, spans),
    )


_SPACE = re.compile(r"\s+")
_MARKS = re.compile(r"\*\*|^#{1,6} ", re.MULTILINE)  # Markdown marks: the document page hides them too


def excerpts(text: str, spans: list[tuple[int, int]], most: int = _EXCERPTS) -> list[Excerpt]:
    """Passages around the first hits, overlapping ones joined; hits apart from the text around
    them, so a page can mark them (and escape both)."""
    windows: list[list[tuple[int, int]]] = []
    bounds: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        if bounds and lo <= bounds[-1][1]:
            bounds[-1] = (bounds[-1][0], hi)
            windows[-1].append((start, end))
        elif len(bounds) < most:
            bounds.append((lo, hi))
            windows.append([(start, end)])
        else:
            break
    out = []
    for (lo, hi), hits in zip(bounds, windows, strict=True):
        lo, hi = _word_edge(text, lo, -1), _word_edge(text, hi, 1)
        segments, pos = [], lo
        for start, end in hits:
            segments += [Segment(text=_clean(text[pos:start]), hit=False), Segment(text=text[start:end], hit=True)]
            pos = end
        segments.append(Segment(text=_clean(text[pos:hi]), hit=False))
        if lo > 0:
            segments.insert(0, Segment(text="…", hit=False))
        if hi < len(text):
            segments.append(Segment(text=" …", hit=False))
        out.append(Excerpt(segments=[s for s in segments if s.text], start=hits[0][0], end=hits[0][1]))
    return out


def _word_edge(text: str, pos: int, step: int) -> int:
    """Move a window's edge to the nearest space (within 20 characters) so no word is cut."""
    for _ in range(20):
        if pos <= 0 or pos >= len(text) or text[pos].isspace():
            return pos
        pos += step
    return pos


def _clean(piece: str) -> str:
    return _SPACE.sub(" ", _MARKS.sub("", piece))
