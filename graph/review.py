"""Review judgements (graph.model.ReviewJudgement): a fact confirmed as read, two entities judged
distinct. Neither changes the graph; they take an item out of the review queue for good.

A confirmation finds its fact the way a correction does (graph/corrections.py locate): the meeting
by its document; an attendee by name; a decision, action or handoff by its text, else its quote,
else its span where the document still reads the same. It compares keys (hashes) of those strings,
which is all a confirmation keeps, and counts only while the fact still says what was confirmed:
a re-extraction that reads another date puts the date back in the queue.
"""

from __future__ import annotations

from collections.abc import Iterable

from samkarta.graph.corrections import FactRef
from samkarta.graph.ids import make_id, name_key, normalize
from samkarta.graph.model import ReviewJudgement
from samkarta.loaders.model import Extraction

MEETING_FIELDS = ("date", "body", "region")


def string_key(value: str | None, kind: str = "Text") -> str:
    """The key a review keeps of a string: a hash of its normalised form ('' for none)."""
    return make_id(kind, normalize(value)) if value else ""


def text_key(fact: FactRef) -> str:
    """The key of what identifies a fact: an attendee's name as names compare, else its text."""
    if fact.kind == "attendance":
        return string_key(name_key(fact.text), "Name")
    return string_key(fact.text)


def fact_value(extraction: Extraction, fact: FactRef, field: str = "") -> str | None:
    """What a confirmation of the fact (and, for the meeting, of one of its fields) vouches for."""
    if fact.kind == "meeting":
        m = extraction.meeting
        return {"date": m.date.isoformat() if m.date else None, "body": m.body, "region": m.region}[field]
    return fact.text


def _nearest(found: list[FactRef], start: int | None) -> FactRef | None:
    if not found:
        return None
    return min(found, key=lambda f: (abs((f.start or 0) - (start or 0)), f.index or 0))


def locate(review: ReviewJudgement, facts: list[FactRef], content: str) -> FactRef | None:
    """The fact a confirmation is about in a document as extracted now; None if it is gone."""
    pool = [f for f in facts if f.kind == review.fact_kind]
    if review.fact_kind == "meeting":
        return pool[0] if pool else None
    if review.fact_kind == "attendance":
        return _nearest([f for f in pool if text_key(f) == review.text_key], review.start)
    for found in (
        [f for f in pool if f.id == review.fact and text_key(f) == review.text_key],
        [f for f in pool if review.text_key and text_key(f) == review.text_key],
        [f for f in pool if review.quote_key and string_key(f.quote) == review.quote_key],
    ):
        if found:
            return _nearest(found, review.start)
    if review.content != content or review.start is None or review.end is None:
        return None
    lo, hi = review.start, review.end
    return _nearest([f for f in pool if f.start is not None and f.end is not None and f.start < hi and lo < f.end], lo)


def confirmed(extraction: Extraction, facts: list[FactRef], reviews: Iterable[ReviewJudgement]) -> set[tuple[str, str]]:
    """(fact id, field) of the document's facts confirmed as they read now."""
    content = extraction.source.sha256
    out: set[tuple[str, str]] = set()
    for r in reviews:
        if r.op != "confirm":
            continue
        fact = locate(r, facts, content)
        if fact is not None and string_key(fact_value(extraction, fact, r.field), "Value") == r.value_key:
            out.add((fact.id, r.field))
    return out


def in_force(reviews: Iterable[ReviewJudgement]) -> list[ReviewJudgement]:
    """The confirmations and distinctions no later undo took back, in their order."""
    every = list(reviews)
    undone = {r.undoes for r in every if r.op == "undo"}
    return [r for r in every if r.op != "undo" and r.id not in undone]


def distinct_pairs(reviews: Iterable[ReviewJudgement]) -> set[frozenset[str]]:
    """The pairs of entities people judged to be two (and did not take back)."""
    return {frozenset((r.node_a, r.node_b)) for r in in_force(reviews) if r.op == "distinct"}


def reviews_by_document(reviews: Iterable[ReviewJudgement], stored: dict[str, str]) -> dict[str, list[ReviewJudgement]]:
    """Confirmations in force (not undone) by the stored document they belong to: their own while it
    is stored, else the one with their content (the same minutes under another path); `stored` maps
    id -> content."""
    by_content = {content: doc_id for doc_id, content in stored.items()}
    out: dict[str, list[ReviewJudgement]] = {}
    for r in in_force(reviews):
        if r.op != "confirm":
            continue
        home = r.doc_id if r.doc_id in stored else by_content.get(r.content)
        if home is not None:
            out.setdefault(home, []).append(r)
    return out
