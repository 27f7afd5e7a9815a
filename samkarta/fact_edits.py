"""Adding the decisions, actions and handoffs the minutes miss, and finding a person's facts at
each meeting for the person's page: the same functions for the API, the explorer and the CLI.

An added fact quotes a sentence of the minutes, so its evidence still leads back to them; it is a
stored correction (field `added`) like the others: undone, listed as orphaned when the sentence is
gone from the document, exported and imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from samkarta.corrections import (
    MAX_TEXT,
    DocumentFacts,
    FactState,
    _anchored,
    _save_all,
    check_value,
    document_facts,
    handoff_target,
    now,
    values_of,
)
from samkarta.errors import Conflict, InvalidInput
from samkarta.graph.corrections import TRUE, FactRef
from samkarta.graph.fact_edits import find_quote
from samkarta.graph.ids import make_id, name_key, normalize
from samkarta.graph.model import OUTCOME_KINDS, Correction, DocumentInfo
from samkarta.graph.store import GraphStore

KIND_LABELS = {"decision": "Decision", "action": "Action", "handoff": "Handoff"}


def add_fact(
    store: GraphStore,
    doc_id: str,
    kind: str,
    text: str,
    quote: str,
    *,
    to: str = "",
    assignee: str = "",
    reason: str = "",
    by: str,
) -> list[Correction]:
    """Add a decision, action or handoff the minutes miss, quoting the sentence of the minutes it
    stands in (a handoff with the body it went to, an action with whom it is given to, if anyone),
    and rebuild the document. InvalidInput naming the field (`quote` for a sentence the document
    does not say); Conflict when a fact of that kind says it already or quotes that sentence."""
    if kind not in OUTCOME_KINDS:
        raise InvalidInput("kind", f"add one of {', '.join(OUTCOME_KINDS)}, not {kind!r}")
    doc = document_facts(store, doc_id)
    text = check_value("text", text)
    if not 2 <= len(quote.strip()) <= MAX_TEXT:
        raise InvalidInput("quote", f"give the sentence of the minutes it stands in, 2 to {MAX_TEXT} characters")
    span = find_quote(doc.text, quote)
    if span is None:
        raise InvalidInput("quote", "not found in the document: give a sentence of the minutes as it stands there")
    if kind == "handoff" and not to.strip():
        raise InvalidInput("to", "a handoff needs the body it went to")
    labels: dict[str, str] = {}
    extra: dict[str, str] = {}
    if kind == "handoff":
        extra["target"], labels["target"] = handoff_target(store, to)
    if kind == "action" and assignee.strip():
        extra["assignee"] = check_value("assignee", assignee)
    start, end = span
    for state in doc.facts:
        if state.kind != kind or state.wrong or (state.fact.index is None and not state.added):
            continue
        _, current = values_of(doc, state)
        if normalize(current.get("text") or "") == normalize(text) or state.fact.start == start:
            raise Conflict(f"a {kind} of this document says that or quotes that sentence already: {state.fact.id}")
    fid = make_id(KIND_LABELS[kind], doc_id, "added", normalize(text), str(start))
    fact = FactRef(fid, kind, None, text, doc.text[start:end], start, end)  # type: ignore[arg-type]
    at = now()
    made = [_anchored(doc, fact, "added", TRUE, reason, by, at)]
    made += [_anchored(doc, fact, f, value, reason, by, now(), labels.get(f, "")) for f, value in extra.items()]
    return _save_all(store, made)


@dataclass
class Attendance:
    """A person's fact at one meeting, as the person's page offers it for correction."""

    info: DocumentInfo
    state: FactState
    said: dict[str, str | None]
    now: dict[str, str | None]


def attendances(store: GraphStore, person_id: str, names: set[str]) -> list[Attendance]:
    """The facts of a person at each meeting of theirs: in every document the person node comes
    from, the person fact at the span of the person's relationship there, else by a name of theirs."""
    keys = {name_key(n) for n in names}
    spans: dict[str, set[int]] = {}
    for rel in store.rels_of(person_id):
        if rel.doc_id and rel.start is not None:
            spans.setdefault(rel.doc_id, set()).add(rel.start)
    out = []
    for doc_id in sorted(store.node_documents(person_id)):
        doc: DocumentFacts = document_facts(store, doc_id)
        for state in doc.facts:
            if state.fact.kind != "attendance" or state.wrong:
                continue
            said, current = values_of(doc, state)
            at_span = state.fact.start is not None and state.fact.start in spans.get(doc_id, set())
            if at_span or name_key(current.get("name") or "") in keys:
                out.append(Attendance(doc.info, state, said, current))
    return sorted(out, key=lambda a: (a.info.date or "", a.info.id))
