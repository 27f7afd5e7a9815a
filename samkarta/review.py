"""Answering the review queue: the same functions for the API, the explorer and tests.

Confirming a fact and judging two bodies or organisations distinct are stored as review judgements
(graph.model.ReviewJudgement: who, when, why) that change nothing in the graph and take the item out
of the queue for good, until one is undone: a later judgement that names it, so both stay in the
history and the item comes back. Accepting a body or organisation candidate is the entity merge
people make by hand (samkarta/entities.py merge); rejecting a fact is the correction that marks it
wrong. A person pair is decided as on /merges (the pair's merge judgement, which resolution reads),
and the queue keeps a `person` review judgement of it: its id, history and undo; the undo saves the
pair's judgement as "pending", so the pair is back in the queue. `decide` and `undo_decision`
answer any item the way the page and the command line do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from samkarta import corrections, entities
from samkarta.corrections import checked_reason, document_facts, judgement_to_undo, now
from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.candidates_entities import LABELS, EntityCandidate
from samkarta.graph.ids import make_id
from samkarta.graph.model import EntityJudgement, ReviewJudgement, latest_judgements
from samkarta.graph.review import (
    MEETING_FIELDS,
    confirmed,
    distinct_pairs,
    fact_value,
    in_force,
    reviews_by_document,
    string_key,
    text_key,
)
from samkarta.graph.store import GraphStore
from samkarta.ingest import judge, reapply
from samkarta.queries.review import FactCache, ReviewItem, body_and_organisation_candidates, review_queue
from samkarta.queries.view import Snapshot

Decision = Literal["accept", "reject"]
EVERY_FACT = 1.01  # a threshold above every confidence: an item listed at any threshold is found


@dataclass(frozen=True)
class Decided:
    """What a decision from the queue stored: `undo` is the id of the judgement an undo takes back
    (a confirmation, distinction or person pair's review judgement, a correction, an entity merge),
    None for an undo; `changed_graph` when views must follow."""

    what: str
    undo: str | None
    changed_graph: bool


def confirm(
    store: GraphStore, doc_id: str, fact: str, field: str = "", *, reason: str = "", by: str
) -> ReviewJudgement:
    """Confirm a fact as the minutes were read (a meeting's date, body or region: name the field).
    NotFound for an unknown document or fact, InvalidInput for a field the fact has not, Conflict
    when it is confirmed already."""
    doc = document_facts(store, doc_id)
    state = doc.fact(fact)
    f = state.fact
    if f.kind == "meeting" and field not in MEETING_FIELDS:
        raise InvalidInput("field", "confirm one of the meeting's fields: date, body or region")
    if f.kind != "meeting" and field:
        raise InvalidInput("field", f"a {f.kind} is confirmed as a whole: leave the field out")
    value = fact_value(doc.extraction, f, field)
    at = now()
    judgement = ReviewJudgement(
        id=make_id("Review", "confirm", doc_id, f.id, field, at, by),
        op="confirm",
        doc_id=doc_id,
        content=doc.info.sha256,
        fact_kind=f.kind,
        fact=f.id,
        field=field,
        text_key=text_key(f),
        quote_key=string_key(f.quote),
        value_key=string_key(value, "Value"),
        start=f.start,
        end=f.end,
        reason=checked_reason(reason),
        decided_at=at,
        decided_by=by,
    )
    facts = [s.fact for s in doc.facts]
    own = reviews_by_document(store.reviews(), {d.id: d.sha256 for d in store.documents()}).get(doc_id, [])
    if (f.id, field) in confirmed(doc.extraction, facts, own):
        raise Conflict(f"{f.kind} {f.id} is already confirmed" + (f" ({field})" if field else ""))
    store.save_review(judgement)
    return judgement


def distinct(store: GraphStore, node_a: str, node_b: str, *, reason: str = "", by: str) -> ReviewJudgement:
    """Judge two bodies or two organisations to be two: never proposed as one again."""
    a, b = store.get_node(node_a), store.get_node(node_b)
    for node, name, field in ((a, node_a, "node_a"), (b, node_b, "node_b")):
        if node is None or node.label not in LABELS:
            raise NotFound(f"no body or organisation with id {name!r} ({field})")
    assert a is not None and b is not None  # for the type checker: checked above
    if a.id == b.id:
        raise InvalidInput("node_b", "a node is not distinct from itself")
    if a.label != b.label:
        raise InvalidInput("node_b", "a body and an organisation are told apart by their kind already")
    first, second = sorted((a.id, b.id))
    if frozenset((first, second)) in distinct_pairs(store.reviews()):
        raise Conflict(f"{first} and {second} are already judged distinct")
    at = now()
    judgement = ReviewJudgement(
        id=make_id("Review", "distinct", first, second, at, by),
        op="distinct",
        node_a=first,
        node_b=second,
        reason=checked_reason(reason),
        decided_at=at,
        decided_by=by,
    )
    store.save_review(judgement)
    return judgement


def decide_person_pair(
    store: GraphStore, candidate_id: str, decision: Decision, *, reason: str = "", by: str
) -> ReviewJudgement:
    """Accept or reject a pending person candidate as /merges does (its merge judgement; the documents
    of both people are rebuilt), kept as a `person` review judgement that can be undone. NotFound
    when the candidate is not pending."""
    found = [c for c in store.candidates("pending") if c.id == candidate_id]
    if not found:
        raise NotFound(f"no pending person merge candidate {candidate_id!r} (decided already, or not proposed)")
    c = found[0]
    verdict = "accepted" if decision == "accept" else "rejected"
    at, reason = now(), checked_reason(reason)
    judge(store, candidate_id, verdict, reason, at, decided_by=by)
    judgement = ReviewJudgement(
        id=make_id("Review", "person", candidate_id, at, by),
        op="person",
        node_a=c.node_a,
        node_b=c.node_b,
        candidate=candidate_id,
        decision=verdict,
        reason=reason,
        decided_at=at,
        decided_by=by,
    )
    store.save_review(judgement)
    return judgement


def _reopen_person_pair(store: GraphStore, found: ReviewJudgement, reason: str, at: str, by: str) -> None:
    """Save the pair's merge judgement as "pending" (decide again), unless it was decided again since:
    then that later decision is the word on the pair and this one is no longer the queue's to undo."""
    latest = {make_id("Candidate", *sorted(pair)): j for pair, j in latest_judgements(store.judgements()).items()}
    current = latest.get(found.candidate)
    if current is None or current.decision != found.decision or current.decided_at != found.decided_at:
        raise Conflict(f"the pair {found.candidate} was decided again since {found.id}: decide it on /merges")
    judge(store, found.candidate, "pending", reason, at, decided_by=by)
    if found.decision == "accepted":
        # the first rebuild compared each document's person with the other as still merged (their
        # bodies and affiliations joined); once more, now that they are two, gives the pair as proposed
        pair = [c for c in store.candidates() if c.id == found.candidate]
        reapply(store, {d for c in pair for n in (c.node_a, c.node_b) for d in store.node_documents(n)})


def undo(store: GraphStore, review_id: str, *, reason: str = "", by: str) -> ReviewJudgement:
    """Take back a confirmation, a distinction or a person pair's decision: the fact or the pair is back
    in the queue. NotFound for an unknown id, Conflict when it is already undone or is itself an undo
    (or, for a person pair, when the pair was decided again since)."""
    found = judgement_to_undo(
        store.reviews(), review_id, in_force, "review judgement", "confirm or reject the item again instead"
    )
    at = now()
    if found.op == "person":
        _reopen_person_pair(store, found, checked_reason(reason), at, by)
    revert = found.model_copy(  # the anchor stays, so the fact's or the pair's history finds the undo
        update={
            "id": make_id("Review", "undo", found.id, at, by),
            "op": "undo",
            "undoes": found.id,
            "reason": checked_reason(reason),
            "decided_at": at,
            "decided_by": by,
        }
    )
    store.save_review(revert)
    return revert


def history(store: GraphStore, *, fact: str = "", node: str = "") -> list[ReviewJudgement]:
    """The review judgements on a fact (by its id) or on a pair one of whose nodes is `node`, undos
    included, oldest first."""
    return [r for r in store.reviews() if (fact and r.fact == fact) or (node and node in (r.node_a, r.node_b))]


def entity_candidate(store: GraphStore, snap: Snapshot, candidate_id: str) -> EntityCandidate:
    """A current body or organisation candidate by id; NotFound when it is not (or no longer) one."""
    for c in body_and_organisation_candidates(store, snap):
        if c.id == candidate_id:
            return c
    raise NotFound(f"no body or organisation merge candidate {candidate_id!r} (decided already, or not proposed)")


def accept_entity_candidate(
    store: GraphStore, snap: Snapshot, candidate_id: str, *, reason: str = "", by: str
) -> EntityJudgement:
    """Merge the pair: the node with fewer relationships into the one with more (the body that met),
    as an entity merge judgement, undoable like any other."""
    c = entity_candidate(store, snap, candidate_id)
    weight = {n: (snap.g.degree(n) if n in snap.g else 0) for n in (c.node_a, c.node_b)}
    keep, merged = sorted((c.node_a, c.node_b), key=lambda n: (-weight[n], n))
    return entities.merge(store, keep, merged, reason=reason, by=by)


def reject_entity_candidate(
    store: GraphStore, snap: Snapshot, candidate_id: str, *, reason: str = "", by: str
) -> ReviewJudgement:
    """Keep the pair apart for good."""
    c = entity_candidate(store, snap, candidate_id)
    return distinct(store, c.node_a, c.node_b, reason=reason, by=by)


def decide(
    store: GraphStore,
    snap: Snapshot,
    kind: str,
    decision: Decision,
    *,
    doc_id: str = "",
    fact: str = "",
    field: str = "",
    candidate: str = "",
    reason: str = "",
    by: str,
) -> Decided:
    """Accept or reject one item of the queue (a fact by its document, id and field; a candidate by
    its id), as the API's routes do: confirm or mark wrong, merge or keep apart."""
    if kind == "fact":
        if decision == "accept":
            made = confirm(store, doc_id, fact, field, reason=reason, by=by)
            return Decided(f"confirmed {made.fact_kind} {made.fact}", made.id, False)
        if field:
            raise InvalidInput("field", "a meeting's date, body or region is fixed, not marked wrong")
        c = corrections.correct(store, doc_id, fact, "wrong", reason=reason, by=by)
        return Decided(f"marked {c.fact_kind} {c.fact} wrong", c.id, True)
    if kind == "person_merge":
        p = decide_person_pair(store, candidate, decision, reason=reason, by=by)
        return Decided(f"{p.decision} person candidate {candidate}", p.id, True)
    if decision == "accept":
        j = accept_entity_candidate(store, snap, candidate, reason=reason, by=by)
        return Decided(f"merged {j.node} into {j.value}", j.id, True)
    r = reject_entity_candidate(store, snap, candidate, reason=reason, by=by)
    return Decided(f"{r.node_a} and {r.node_b} are distinct", r.id, False)


def decide_item(
    store: GraphStore, snap: Snapshot, item_id: str, decision: Decision, *, reason: str = "", by: str
) -> Decided:
    """Accept or reject the queue's item `item_id` (as `review list` and GET /api/review give it)."""
    found = [i for i in review_queue(store, snap, EVERY_FACT, 0, 1_000_000, FactCache()).data if i.id == item_id]
    if not found:
        raise NotFound(f"no item {item_id!r} in the review queue (decided already, or not proposed)")
    item: ReviewItem = found[0]
    if decision == "reject" and not item.can_reject:
        raise InvalidInput("decision", f"{item_id} is a meeting's {item.field}: fix it, it cannot be rejected")
    return decide(
        store,
        snap,
        item.kind,
        decision,
        doc_id=item.doc_id or "",
        fact=item.fact or "",
        field=item.field,
        candidate=item.candidate or "",
        reason=reason,
        by=by,
    )


def undo_decision(store: GraphStore, judgement_id: str, *, reason: str = "", by: str) -> Decided:
    """Take back what a decision from the queue stored, whichever kind of judgement it is (by its id's
    prefix). NotFound naming the id when there is no such judgement, Conflict when it is undone."""
    if judgement_id.startswith("review-"):
        made_r = undo(store, judgement_id, reason=reason, by=by)
        return Decided(f"undid {judgement_id} ({made_r.id})", None, bool(made_r.candidate))
    if judgement_id.startswith("correction-"):
        made = corrections.undo(store, judgement_id, reason=reason, by=by)
        return Decided(f"undid {judgement_id} ({made.id})", None, True)
    if judgement_id.startswith("entityjudgement-"):
        made_e = entities.undo(store, judgement_id, reason=reason, by=by)
        return Decided(f"undid {judgement_id} ({made_e.id})", None, True)
    raise NotFound(f"no judgement {judgement_id!r} (a review-, correction- or entityjudgement- id)")
