"""People's corrections of facts read from minutes, applied to a document's extraction before it
becomes a graph batch: every query, view and export reads the corrected graph, and a rebuild of the
document (re-ingest, a merge decision, another correction) applies them again.

A correction finds its fact again by what identifies the fact in its document, not by position:
an attendee by name; a decision, action or handoff by its text, else its quote, else its span
(where the document still reads the same there). A correction that finds no fact is orphaned:
listed (`Corrected.orphaned`), never applied to another fact and never dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from samkarta.graph.batch import canonical_body
from samkarta.graph.fact_edits import (
    added_outcome,
    edit_person,
    edited_outcome,
    kind_now,
    merged_people,
    target_label_of,
    target_of,
)
from samkarta.graph.ids import make_id, name_key, network_key, normalize
from samkarta.graph.model import OUTCOME_KINDS, Correction, FactKind
from samkarta.loaders.model import Evidence, Extraction, HandoffFact, PersonFact

TRUE = "true"  # the value of a `wrong` or `added` correction
_ATTENDING_ROLES = ("chair", "present", "presenter", "guest", "secretary", "author")


@dataclass(frozen=True)
class FactRef:
    """One fact of a document as a correction anchors to it."""

    id: str
    kind: FactKind
    index: int | None  # position in its extraction list; None for an attendee only a correction adds
    text: str = ""
    quote: str = ""
    start: int | None = None
    end: int | None = None


@dataclass
class FactState:
    """A fact with the corrections that found it (its history, oldest first) and those in force."""

    fact: FactRef
    history: list[Correction] = field(default_factory=list)
    in_force: dict[str, Correction] = field(default_factory=dict)  # field -> the correction that counts

    @property
    def wrong(self) -> bool:
        """Out of the graph: marked wrong (for an attendee, unless added again later)."""
        wrong, added = self.in_force.get("wrong"), self.in_force.get("added")
        if wrong is None:
            return False
        return added is None or (added.decided_at, added.id) < (wrong.decided_at, wrong.id)

    @property
    def added(self) -> bool:
        return "added" in self.in_force and not self.wrong

    @property
    def kind(self) -> str:
        """What the fact is now: a decision, action or handoff may have been reclassified."""
        return kind_now(self) if self.fact.kind in OUTCOME_KINDS else self.fact.kind


@dataclass
class Corrected:
    """A document's extraction with its corrections applied, each fact's state, and the orphans."""

    extraction: Extraction
    facts: list[FactState]
    orphaned: list[Correction]


def fact_id(doc_id: str, kind: FactKind, text: str = "", start: int | None = None, to: str = "") -> str:
    """A fact's id. A meeting's, a decision's and an action's are their node ids in the graph."""
    if kind == "meeting":
        return make_id("Meeting", doc_id)
    if kind == "attendance":
        return make_id("Attendance", doc_id, name_key(text))
    if kind == "handoff":
        return make_id("Handoff", doc_id, str(start) if start is not None else text, network_key(to))
    label = "Decision" if kind == "decision" else "Action"
    return make_id(label, doc_id, str(start) if start is not None else text)


def _span(evidence: list[Evidence]) -> dict[str, object]:
    ev = evidence[0] if evidence else None
    return {"quote": ev.quote, "start": ev.start, "end": ev.end} if ev else {}


def facts_of(extraction: Extraction, doc_id: str) -> list[FactRef]:
    """Every fact of a document that can be corrected: its meeting first, then its attendees
    (everyone the minutes name), decisions, actions and handoffs."""
    out = [FactRef(fact_id(doc_id, "meeting"), "meeting", 0)]
    for i, p in enumerate(extraction.people):
        out.append(FactRef(fact_id(doc_id, "attendance", p.name), "attendance", i, p.name, **_span(p.evidence)))  # type: ignore[arg-type]
    for i, d in enumerate(extraction.decisions):
        span = _span(d.evidence)
        fid = fact_id(doc_id, "decision", d.text, span.get("start"))  # type: ignore[arg-type]
        out.append(FactRef(fid, "decision", i, d.text, **span))  # type: ignore[arg-type]
    for i, a in enumerate(extraction.actions):
        span = _span(a.evidence)
        fid = fact_id(doc_id, "action", a.text, span.get("start"))  # type: ignore[arg-type]
        out.append(FactRef(fid, "action", i, a.text, **span))  # type: ignore[arg-type]
    for i, h in enumerate(extraction.handoffs):
        span = _span(h.evidence)
        fid = fact_id(doc_id, "handoff", h.question, span.get("start"), h.to)  # type: ignore[arg-type]
        out.append(FactRef(fid, "handoff", i, h.question, **span))  # type: ignore[arg-type]
    seen: set[str] = set()
    for n, f in enumerate(out):  # the same text twice without evidence, or one name listed twice
        if f.id in seen:
            out[n] = FactRef(make_id(f.kind, f.id, str(f.index)), f.kind, f.index, f.text, f.quote, f.start, f.end)
        seen.add(out[n].id)
    return out


def _nearest(found: list[FactRef], start: int | None) -> FactRef | None:
    if not found:
        return None
    return min(found, key=lambda f: (abs((f.start or 0) - (start or 0)), f.index or 0))


def _region(c: Correction, text: str, content: str) -> tuple[int, int] | None:
    """Where the corrected fact stood in the document as it reads now: its own span where the
    content is unchanged, else the occurrence of its quote nearest to where it was."""
    if c.content == content and c.start is not None and c.end is not None:
        return c.start, c.end
    if not c.quote:
        return None
    found, at = [], text.find(c.quote)
    while at >= 0:
        found.append(at)
        at = text.find(c.quote, at + 1)
    if not found:
        return None
    best = min(found, key=lambda p: abs(p - (c.start or 0)))
    return best, best + len(c.quote)


def locate(
    c: Correction, facts: list[FactRef], text: str, content: str, added: frozenset[str] = frozenset()
) -> FactRef | None:
    """The fact a correction is about, in a document as extracted now; None if it is gone. A fact a
    person added (its id in `added`) is found by its id or its text only: another fact quoting the
    same sentence is another fact."""
    pool = [f for f in facts if f.kind == c.fact_kind]
    if c.fact_kind == "meeting":
        return pool[0] if pool else None
    if c.fact_kind == "attendance":
        return _nearest([f for f in pool if name_key(f.text) == name_key(c.text)], c.start)
    said = normalize(c.text)
    for found in (
        [f for f in pool if f.id == c.fact and normalize(f.text) == said],
        [f for f in pool if said and normalize(f.text) == said],
        [f for f in pool if c.quote and normalize(f.quote) == normalize(c.quote) and c.fact not in added],
    ):
        if found:
            return _nearest(found, c.start)
    if c.fact in added:
        return None
    region = _region(c, text, content)
    if region is None:
        return None
    lo, hi = region
    return _nearest([f for f in pool if f.start is not None and f.end is not None and f.start < hi and lo < f.end], lo)


def corrected(extraction: Extraction, text: str, doc_id: str, corrections: Iterable[Correction]) -> Corrected:
    """The extraction as people corrected it. Corrections are applied oldest first, so on each
    fact's field the latest counts; undone ones (value None) leave the minutes' value."""
    facts = facts_of(extraction, doc_id)
    states = {f.id: FactState(f) for f in facts}
    content = extraction.source.sha256
    lost: dict[tuple[str, str], Correction] = {}
    ordered_corrections = sorted(corrections, key=lambda c: (c.decided_at, c.id))
    added = frozenset(c.fact for c in ordered_corrections if c.field == "added" and c.fact_kind in OUTCOME_KINDS)
    for c in ordered_corrections:
        fact = locate(c, facts, text, content, added)
        if fact is None and c.field == "added":
            fact = _added_fact(c, doc_id, text, content)
            if fact is not None:
                facts.append(fact)
                states[fact.id] = FactState(fact)
        if fact is None:
            lost[(c.fact, c.field)] = c
            continue
        state = states[fact.id]
        state.history.append(c)
        if c.value is None:
            state.in_force.pop(c.field, None)
        else:
            state.in_force[c.field] = c
    orphaned = [c for c in lost.values() if c.value is not None]
    ordered = [states[f.id] for f in facts]
    return Corrected(_apply(extraction, ordered), ordered, orphaned)


def _added_fact(c: Correction, doc_id: str, text: str, content: str) -> FactRef | None:
    """A fact the minutes miss, as a fact of its own: an attendee by name; a decision, action or
    handoff where its quote stands in the document as it reads now (None where it says it no more)."""
    if c.fact_kind == "attendance":
        return FactRef(fact_id(doc_id, "attendance", c.text), "attendance", None, c.text)
    region = _region(c, text, content)
    if region is None:
        return None
    lo, hi = region
    return FactRef(c.fact, c.fact_kind, None, c.text, text[lo:hi], lo, hi)


def _apply(extraction: Extraction, states: list[FactState]) -> Extraction:
    if not any(s.in_force for s in states):
        return extraction
    x = extraction.model_copy(deep=True)
    by_kind: dict[str, dict[int, FactState]] = {}
    for s in states:
        if s.fact.index is not None:
            by_kind.setdefault(s.fact.kind, {})[s.fact.index] = s
    meeting = by_kind.get("meeting", {}).get(0)
    if meeting is not None:
        _correct_meeting(x, meeting)
    people = by_kind.get("attendance", {})
    kept_people = []
    for i, p in enumerate(x.people):
        state = people.get(i)
        if state is not None and state.wrong:
            continue
        if state is not None and state.added:
            p.roles = sorted({*(r for r in p.roles if r not in ("absent", "mentioned")), "present"}, key=_role_order)
        if state is not None:
            edit_person(x, p, state)
        kept_people.append(p)
    for s in states:
        if s.fact.index is None and s.fact.kind == "attendance" and s.added:
            person = PersonFact(name=s.fact.text, roles=["present"], confidence=1.0)
            edit_person(x, person, s)
            kept_people.append(person)
    renamed = any("name" in s.in_force for s in states if s.fact.kind == "attendance")
    x.people = merged_people(kept_people) if renamed else kept_people
    _outcomes(x, by_kind, states)
    return x


def _outcomes(x: Extraction, by_kind: dict[str, dict[int, FactState]], states: list[FactState]) -> None:
    """Decisions, actions and handoffs as corrected: the wrong ones out, the edited and reclassified
    ones in the list of their kind now, the added ones after those the minutes gave."""
    found: list[tuple[str, Any, FactState | None]] = [
        (kind, fact, by_kind.get(kind, {}).get(i))
        for kind, facts in (("decision", x.decisions), ("action", x.actions), ("handoff", x.handoffs))
        for i, fact in enumerate(facts)
    ]
    found += [
        (s.fact.kind, added_outcome(s.fact, target_of(x, s), target_label_of(s)), s)
        for s in states
        if s.fact.index is None and s.fact.kind in OUTCOME_KINDS and s.added
    ]
    out: dict[str, list[Any]] = {"decision": [], "action": [], "handoff": []}
    for kind, fact, state in found:
        if state is None:
            out[kind].append(fact)
        elif not state.wrong:
            now, edited = edited_outcome(x, fact, state)
            if not (isinstance(edited, HandoffFact) and not edited.to):  # a handoff goes somewhere
                out[now].append(edited)
    x.decisions, x.actions, x.handoffs = out["decision"], out["action"], out["handoff"]


def _role_order(role: str) -> int:
    order = ("chair", "present", "absent", "presenter", "guest", "secretary", "author", "mentioned")
    return order.index(role) if role in order else len(order)


def _body_key(name: str) -> str:
    return network_key(canonical_body(name)[0])


def _correct_meeting(x: Extraction, state: FactState) -> None:
    m = x.meeting
    if (c := state.in_force.get("date")) is not None and c.value:
        m.date, m.date_evidence, m.date_confidence = dt.date.fromisoformat(c.value), None, 1.0
    if (c := state.in_force.get("body")) is not None and c.value:
        # the body the minutes were wrongly read as is no body of this meeting, nor mentioned by it
        wrong = {_body_key(n) for n in (m.body, m.body_full) if n}
        x.networks = [n for n in x.networks if _body_key(n.name) not in wrong]
        m.body, m.body_full, m.body_evidence, m.body_confidence = c.value, None, None, 1.0
    if (c := state.in_force.get("region")) is not None:
        m.region, m.region_evidence, m.region_confidence = c.value or None, None, 1.0


@dataclass
class CorrectionIndex:
    """Stored corrections by the document they belong to: the one with their document id while it
    is stored, else the one with their content (the same file found again under another path)."""

    stored: set[str] = field(default_factory=set)  # ids of the documents in the store
    by_doc: dict[str, list[Correction]] = field(default_factory=dict)
    by_content: dict[str, list[Correction]] = field(default_factory=dict)

    @classmethod
    def of(cls, corrections: Iterable[Correction], stored: Iterable[str]) -> CorrectionIndex:
        index = cls(set(stored))
        for c in corrections:
            index.by_doc.setdefault(c.doc_id, []).append(c)
            index.by_content.setdefault(c.content, []).append(c)
        return index

    def for_document(self, doc_id: str, content: str) -> list[Correction]:
        found = {c.id: c for c in self.by_doc.get(doc_id, [])}
        for c in self.by_content.get(content, []):
            if c.doc_id not in self.stored:
                found.setdefault(c.id, c)
        return list(found.values())
