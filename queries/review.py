"""The review queue: what a person should look at first. Facts the extractor was unsure of (a
confidence below a threshold) and merge candidates (people, bodies, organisations), ordered by how
many answers a decision on them changes.

The measure (IMPACT_MEASURE, shown on the page): the number of relationships in the graph the
decision touches. For a meeting's date, body or region, every relationship of the meeting (its
attendees, decisions, actions and handoffs move with it); for an attendee, their attendance and the
co-attendance with each other attendee (who collaborates with whom); for a decision, action or
handoff, its own relationships; for a merge, every relationship of both records.

A fact leaves the queue when a person confirms it (graph/review.py), corrects it or marks it wrong
(graph/corrections.py); a candidate when it is accepted or rejected.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from samkarta.graph.candidates_entities import EntityCandidate, entity_candidates
from samkarta.graph.corrections import CorrectionIndex, FactState, corrected
from samkarta.graph.entities import split_pairs
from samkarta.graph.ids import make_id
from samkarta.graph.model import Correction, MergeCandidate, ReviewJudgement
from samkarta.graph.review import MEETING_FIELDS, confirmed, distinct_pairs, fact_value, reviews_by_document
from samkarta.graph.store import GraphStore
from samkarta.loaders.model import Evidence, Extraction
from samkarta.queries.view import Snapshot

IMPACT_MEASURE = (
    "relationer i grafen som beslutet ändrar: för mötets datum, organ eller region alla mötets relationer; "
    "för en deltagare närvaron och samarbetet med varje annan deltagare; för beslut, åtgärder och frågor "
    "vidare deras egna relationer; för en sammanslagning båda posternas relationer"
)
CONTEXT = 240  # characters of the source shown on either side of a quote, at most
ItemKind = Literal["fact", "person_merge", "entity_merge"]
TITLES = {
    ("meeting", "date"): "Mötets datum",
    ("meeting", "body"): "Mötets organ",
    ("meeting", "region"): "Mötets region",
    ("attendance", ""): "Person i protokollet",
    ("decision", ""): "Beslut",
    ("action", ""): "Åtgärd",
    ("handoff", ""): "Fråga vidare",
}


class Passage(BaseModel):
    """Where an item stands in its minutes: the quote, and the sentence around it with the quote marked."""

    model_config = ConfigDict(extra="forbid")
    doc_id: str
    start: int | None
    end: int | None
    quote: str
    before: str  # the source before the quote, from the start of its sentence
    hit: str
    after: str


class ReviewSide(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    region: str | None = None


class ReviewItem(BaseModel):
    """One thing to review: a fact (its document, id and field) or a merge candidate (its id and sides)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    kind: ItemKind
    title: str
    text: str
    impact: int
    confidence: float | None = None  # a fact's, as the extractor gave it
    score: float | None = None  # a candidate's
    reasons: list[str] = []
    doc_id: str | None = None
    fact: str | None = None
    fact_kind: str | None = None
    field: str = ""
    candidate: str | None = None
    label: str | None = None  # a candidate's kind of node: Person, Network, Organization
    sides: list[ReviewSide] = []
    passages: list[Passage] = []
    can_reject: bool = True  # a meeting's field cannot be marked wrong, only fixed


class ReviewQueue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data: list[ReviewItem]
    count: int  # every item in the queue; data holds one page of it
    facts: int
    candidates: int
    threshold: float
    measure: str = IMPACT_MEASURE


def context(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    """The sentence around text[start:end] (at most CONTEXT characters either side), cut into
    before / the quote / after; None when the span is not in the text."""
    if not (0 <= start < end <= len(text)):
        return None

    def past(found: int, width: int) -> int:
        return found + width if found >= 0 else 0

    lo = max(past(text.rfind("\n", 0, start), 1), past(text.rfind(". ", 0, start), 2), start - CONTEXT, 0)
    newline, period = text.find("\n", end), text.find(". ", end)
    stops = [p for p in (newline, period + 1 if period >= 0 else -1) if p >= 0]  # the period stays in
    hi = min([*stops, end + CONTEXT, len(text)])
    return text[lo:start].lstrip(), text[start:end], text[end:hi].rstrip()


def _passage(texts: dict[str, str], doc_id: str, start: int | None, end: int | None, quote: str) -> Passage:
    text = texts.get(doc_id, "")
    cut = context(text, start, end) if start is not None and end is not None else None
    if cut is None:
        return Passage(doc_id=doc_id, start=start, end=end, quote=quote, before="", hit=quote, after="")
    before, hit, after = cut
    return Passage(doc_id=doc_id, start=start, end=end, quote=quote, before=before, hit=hit, after=after)


def _degree(snap: Snapshot, node_id: str) -> int:
    return snap.g.degree(node_id) if node_id in snap.g else 0


@dataclass
class _Doc:
    doc_id: str
    text: str
    extraction: Extraction
    states: list[FactState]
    confirmed: set[tuple[str, str]]


def _fact_items(doc: _Doc, threshold: float) -> Iterable[ReviewItem]:
    """A document's facts below the threshold, not yet judged; their impact is set per graph version."""
    x, m = doc.extraction, doc.extraction.meeting
    texts = {doc.doc_id: doc.text}
    for state in doc.states:
        f = state.fact
        if f.kind == "meeting":
            for field in MEETING_FIELDS:
                confidence = getattr(m, f"{field}_confidence")
                if confidence >= threshold or field in state.in_force or (f.id, field) in doc.confirmed:
                    continue
                ev: Evidence | None = getattr(m, f"{field}_evidence")
                value = fact_value(x, f, field)
                yield ReviewItem(
                    id=make_id("Review", f.id, field),
                    kind="fact",
                    title=TITLES[("meeting", field)],
                    text=value or "(inte funnet)",
                    impact=0,
                    confidence=confidence,
                    doc_id=doc.doc_id,
                    fact=f.id,
                    fact_kind="meeting",
                    field=field,
                    passages=[_passage(texts, doc.doc_id, ev.start, ev.end, ev.quote)] if ev else [],
                    can_reject=False,
                )
            continue
        if f.index is None or state.in_force or (f.id, "") in doc.confirmed:
            continue  # added by a person, or already corrected, marked wrong or confirmed
        source = {"attendance": x.people, "decision": x.decisions, "action": x.actions, "handoff": x.handoffs}
        confidence = source[f.kind][f.index].confidence
        if confidence >= threshold:
            continue
        yield ReviewItem(
            id=make_id("Review", f.id, ""),
            kind="fact",
            title=TITLES[(f.kind, "")],
            text=f.text,
            impact=0,
            confidence=confidence,
            doc_id=doc.doc_id,
            fact=f.id,
            fact_kind=f.kind,
            passages=[_passage(texts, doc.doc_id, f.start, f.end, f.quote)] if f.quote else [],
        )


def _fact_impact(snap: Snapshot, item: ReviewItem) -> int:
    """The relationships a decision on the fact changes (IMPACT_MEASURE), in the graph as it is now."""
    meeting_id = make_id("Meeting", item.doc_id or "")
    if item.fact_kind == "meeting":
        return max(1, _degree(snap, meeting_id))
    if item.fact_kind == "attendance":  # the attendance, and a collaboration with each other attendee
        return max(1, len(snap.attendees.get(meeting_id, ())))
    if item.fact_kind == "handoff":
        return 1
    return max(1, _degree(snap, item.fact or ""))


def _first_quote(snap: Snapshot, node_id: str) -> dict[str, Any] | None:
    """The node's first relationship with a quote (by document and position: the same in any store)."""
    if node_id not in snap.g:
        return None
    found = [
        d
        for _, _, d in (*snap.g.in_edges(node_id, data=True), *snap.g.out_edges(node_id, data=True))
        if d.get("quote") and d.get("doc_id")
    ]
    return min(found, key=lambda d: (d["doc_id"], d.get("start") or 0), default=None)


def _candidate_passages(store: GraphStore, snap: Snapshot, nodes: list[str], texts: dict[str, str]) -> list[Passage]:
    out = []
    for node_id in nodes:
        d = _first_quote(snap, node_id)
        if d is None:
            continue
        if d["doc_id"] not in texts:
            stored = store.document(d["doc_id"])
            texts[d["doc_id"]] = stored.text if stored is not None else ""
        out.append(_passage(texts, d["doc_id"], d.get("start"), d.get("end"), d["quote"]))
    return out


def _region(snap: Snapshot, node_id: str) -> str | None:
    return snap.g.nodes[node_id].get("region") if node_id in snap.g else None


def _person_item(snap: Snapshot, c: MergeCandidate) -> ReviewItem:
    return ReviewItem(
        id=c.id,
        kind="person_merge",
        title="Samma person?",
        text=f"{c.name_a} ~ {c.name_b}",
        impact=_degree(snap, c.node_a) + _degree(snap, c.node_b),
        score=c.score,
        reasons=c.reasons,
        candidate=c.id,
        label="Person",
        sides=[
            ReviewSide(id=c.node_a, name=c.name_a, region=_region(snap, c.node_a)),
            ReviewSide(id=c.node_b, name=c.name_b, region=_region(snap, c.node_b)),
        ],
    )


def _entity_item(c: EntityCandidate, snap: Snapshot) -> ReviewItem:
    what = "Samma organ?" if c.label == "Network" else "Samma organisation?"
    return ReviewItem(
        id=c.id,
        kind="entity_merge",
        title=what,
        text=f"{c.name_a} ~ {c.name_b}",
        impact=_degree(snap, c.node_a) + _degree(snap, c.node_b),
        score=c.score,
        reasons=c.reasons,
        candidate=c.id,
        label=c.label,
        sides=[
            ReviewSide(id=c.node_a, name=c.name_a, region=c.region_a),
            ReviewSide(id=c.node_b, name=c.name_b, region=c.region_b),
        ],
    )


def body_and_organisation_candidates(store: GraphStore, snap: Snapshot) -> list[EntityCandidate]:
    """Merge candidates for bodies and organisations, without the pairs people judged distinct or
    split apart (kept on the snapshot: the graph is the same until its version changes)."""
    distinct = frozenset(distinct_pairs(store.reviews()) | split_pairs(store.entity_judgements()))
    cache: dict[frozenset[frozenset[str]], list[EntityCandidate]] = snap.__dict__.setdefault("_entity_candidates", {})
    if distinct not in cache:
        cache.clear()
        cache[distinct] = entity_candidates(snap.g, snap.names, distinct)
    return cache[distinct]


class FactCache:
    """A document's queued facts, kept while the document, its corrections and its review judgements
    stay the same: after a decision only the documents it touched are read again, not all of them."""

    def __init__(self) -> None:
        self._by_doc: dict[str, tuple[tuple[object, ...], list[ReviewItem]]] = {}
        self._lock = threading.Lock()

    def facts(self, store: GraphStore, threshold: float) -> list[ReviewItem]:
        infos = store.documents()
        corrections = CorrectionIndex.of(store.corrections(), (d.id for d in infos))
        reviews = reviews_by_document(store.reviews(), {d.id: d.sha256 for d in infos})
        out: list[ReviewItem] = []
        fresh: dict[str, tuple[tuple[object, ...], list[ReviewItem]]] = {}
        for info in infos:
            own = corrections.for_document(info.id, info.sha256)
            judged = reviews.get(info.id, [])
            key = (info.sha256, threshold, *sorted(c.id for c in own), "|", *sorted(r.id for r in judged))
            with self._lock:
                known = self._by_doc.get(info.id)
            if known is not None and known[0] == key:
                items = known[1]
            else:
                items = list(self._read(store, info.id, own, judged, threshold))
            fresh[info.id] = (key, items)
            out += items
        with self._lock:
            self._by_doc = fresh  # removed documents go
        return out

    @staticmethod
    def _read(
        store: GraphStore, doc_id: str, own: list[Correction], judged: list[ReviewJudgement], threshold: float
    ) -> Iterable[ReviewItem]:
        stored = store.document(doc_id)
        if stored is None:
            return []
        x = Extraction.model_validate(stored.extraction)
        result = corrected(x, stored.text, doc_id, own)
        facts = [s.fact for s in result.facts]
        return _fact_items(_Doc(doc_id, stored.text, x, result.facts, confirmed(x, facts, judged)), threshold)


def _items(store: GraphStore, snap: Snapshot, threshold: float, cache: FactCache) -> tuple[list[ReviewItem], int]:
    """Every item, in queue order, and how many are facts; kept on the snapshot for the store's
    version (every judgement, correction and merge changes it), so paging reads them once."""
    versions: dict[tuple[int, float], tuple[list[ReviewItem], int]] = snap.__dict__.setdefault("_review_items", {})
    key = (store.version(), threshold)
    if key not in versions:
        facts = cache.facts(store, threshold)
        items = [item.model_copy(update={"impact": _fact_impact(snap, item)}) for item in facts]
        items += [_person_item(snap, c) for c in store.candidates("pending")]
        items += [_entity_item(c, snap) for c in body_and_organisation_candidates(store, snap)]
        items.sort(key=lambda i: (-i.impact, i.confidence if i.confidence is not None else 1 - (i.score or 0), i.id))
        versions.clear()  # one version at a time
        versions[key] = (items, len(facts))
    return versions[key]


def review_queue(
    store: GraphStore,
    snap: Snapshot,
    threshold: float,
    offset: int = 0,
    limit: int = 50,
    cache: FactCache | None = None,
) -> ReviewQueue:
    """The queue, most answers changed first (then the least sure fact, the best candidate); one page.
    Facts read with a confidence below `threshold` are in it (SAMKARTA_REVIEW_THRESHOLD); `cache`
    keeps documents' facts between calls (the API keeps one)."""
    items, facts = _items(store, snap, threshold, cache or FactCache())
    page = [item.model_copy() for item in items[offset : offset + limit]]
    texts: dict[str, str] = {}
    for item in page:  # a candidate's passages only for the page shown: each may read a document
        if item.candidate is not None:
            item.passages = _candidate_passages(store, snap, [s.id for s in item.sides], texts)
    return ReviewQueue(
        data=page,
        count=len(items),
        facts=facts,
        candidates=len(items) - facts,
        threshold=threshold,
    )
