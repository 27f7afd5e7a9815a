"""Curation shared between stores: people's judgements as JSON lines, to review, version and load
into another store (`samkarta curation export FILE`, `samkarta curation import FILE`).

One line per judgement. A merge decision: {"kind": "merge", "key_a": ..., "key_b": ..., "decision":
"accepted" | "rejected", "reason": ..., "decided_at": ..., "decided_by": ...}; decided_by names the
writer (a line from before named writers has none and reads as ""). The keys are the people's
resolution keys (region and name), so a judgement finds its people in any store that holds their
minutes. A correction of a fact: {"kind": "correction", ...graph.model.Correction}, anchored to the
document's content and the fact's text and quote, so it finds its fact in any store that holds the
same minutes; every correction is a line (undone ones too: they are the fact's history). A rename,
re-kind, merge or undo of a body, organisation or project: {"kind": "entity",
...graph.model.EntityJudgement}, anchored to node ids, which are hashes of the entities' keys and so
the same in any store holding the same minutes. A fact confirmed from the review queue, or two
bodies or organisations judged distinct: {"kind": "review", ...graph.model.ReviewJudgement}, anchored
like a correction (keys of the fact's strings) or to node ids.

Importing applies each judgement that is new or changed and rebuilds the documents it touches;
importing the same file again changes nothing. Tombstones are not exported: their keyed hashes only
mean something in the store that made them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from pydantic import ValidationError

from samkarta.errors import InvalidInput
from samkarta.graph.entities import EntityMap, rekinded_ids
from samkarta.graph.ids import make_id
from samkarta.graph.model import (
    FIELDS_OF,
    Correction,
    EntityJudgement,
    Judgement,
    ReviewJudgement,
    latest_judgements,
)
from samkarta.graph.store import GraphStore
from samkarta.ingest import reapply

KIND = "merge"
CORRECTION = "correction"
ENTITY = "entity"
REVIEW = "review"


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    rebuilt: int = 0


def export_lines(store: GraphStore) -> Iterator[str]:
    """The store's judgements as JSON lines, in a stable order (so a file diffs well): merge
    decisions by pair, then corrections as they were made."""
    for judgement in sorted(store.judgements(), key=lambda j: (j.key_a, j.key_b)):
        yield json.dumps({"kind": KIND, **judgement.model_dump()}, ensure_ascii=False, sort_keys=True)
    for correction in sorted(store.corrections(), key=lambda c: (c.decided_at, c.id)):
        yield json.dumps({"kind": CORRECTION, **correction.model_dump()}, ensure_ascii=False, sort_keys=True)
    for entity in store.entity_judgements():  # oldest first: an undo after what it undoes
        yield json.dumps({"kind": ENTITY, **entity.model_dump()}, ensure_ascii=False, sort_keys=True)
    for review in store.reviews():
        yield json.dumps({"kind": REVIEW, **review.model_dump()}, ensure_ascii=False, sort_keys=True)


Line = Judgement | Correction | EntityJudgement | ReviewJudgement
T = TypeVar("T", Correction, EntityJudgement, ReviewJudgement)


def parse_lines(lines: Iterable[str], source: str) -> list[Line]:
    """Every judgement of a file, or InvalidInput naming the line and what is wrong with it."""
    out: list[Line] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            kind = row.pop("kind", None) if isinstance(row, dict) else None
            if kind == KIND:
                out.append(Judgement.model_validate(row))
            elif kind == CORRECTION:
                correction = Correction.model_validate(row)
                if correction.field not in FIELDS_OF[correction.fact_kind]:
                    raise ValueError(f"a {correction.fact_kind} has no field {correction.field!r}")
                out.append(correction)
            elif kind == ENTITY:
                out.append(EntityJudgement.model_validate(row))
            elif kind == REVIEW:
                out.append(ReviewJudgement.model_validate(row))
            else:
                kinds = f'"{KIND}", "{CORRECTION}", "{ENTITY}" or "{REVIEW}"'
                raise ValueError(f'not a judgement line (expected "kind": {kinds})')
        except (ValueError, ValidationError) as e:
            reason = e.errors()[0]["msg"] if isinstance(e, ValidationError) else str(e)
            raise InvalidInput(f"{source}, line {number}", reason) from None
    return out


def import_judgements(store: GraphStore, lines: list[Line]) -> ImportReport:
    """Save the judgements that are new or changed and rebuild the documents of their people and
    facts. A correction is new unless one with its id (the same fact, change, time and writer) is
    stored."""
    judgements = [j for j in lines if isinstance(j, Judgement)]
    known = latest_judgements(store.judgements())
    report = ImportReport()
    touched: set[str] = set()
    stored = {c.id for c in store.corrections()}
    documents = store.documents()
    for correction in _new([c for c in lines if isinstance(c, Correction)], stored, report):
        store.save_correction(correction)
        own = [d.id for d in documents if d.id == correction.doc_id]
        touched |= set(own or [d.id for d in documents if d.sha256 == correction.content])
    for judgement in judgements:
        pair = frozenset((judgement.key_a, judgement.key_b))
        same = known.get(pair)
        if same is not None and _verdict(same) == _verdict(judgement):
            report.unchanged += 1
            continue
        if same is not None and (same.key_a, same.key_b) != (judgement.key_a, judgement.key_b):
            judgement = judgement.model_copy(update={"key_a": same.key_a, "key_b": same.key_b})
        store.save_judgement(judgement)
        known[pair] = judgement
        report.applied += 1
        touched |= _documents_of(store, pair)
    renamed = _import_entities(store, [e for e in lines if isinstance(e, EntityJudgement)], report, touched)
    for review in _new([r for r in lines if isinstance(r, ReviewJudgement)], {r.id for r in store.reviews()}, report):
        store.save_review(review)  # changes no graph: nothing to rebuild
    report.rebuilt = reapply(store, touched)
    if renamed:
        from samkarta.entities import rename_stored

        rename_stored(store, renamed)
    return report


def _import_entities(
    store: GraphStore, lines: list[EntityJudgement], report: ImportReport, touched: set[str]
) -> set[str]:
    """Save the entity judgements not stored yet (by id); the nodes they touch, whose documents go
    into `touched`."""
    stored = {e.id for e in store.entity_judgements()}
    nodes: set[str] = set()
    for judgement in _new(lines, stored, report):
        store.save_entity_judgement(judgement)
        nodes |= {judgement.node, judgement.value, *rekinded_ids(judgement)}
    if nodes:
        every = store.entity_judgements()
        undone = {j.id: j for j in every}
        for j in (undone.get(n) for n in list(nodes)):  # an undo: the nodes of what it took back
            if j is not None:
                nodes |= {j.node, j.value, *rekinded_ids(j)}
        entities = EntityMap.of(every)
        nodes |= {entities.resolve(n, "", "").id for n in list(nodes)}
        touched |= {doc for node in nodes for doc in store.node_documents(node)}
    return nodes


def _new(lines: list[T], stored: set[str], report: ImportReport) -> Iterator[T]:
    """The lines whose id is not stored yet (each counted applied, once even if the file repeats it);
    the others counted unchanged."""
    for line in lines:
        if line.id in stored:
            report.unchanged += 1
            continue
        stored.add(line.id)
        report.applied += 1
        yield line


def _verdict(judgement: Judgement) -> tuple[str, str, str]:
    """What makes two judgements of a pair the same: what was decided, why and by whom (not when)."""
    return judgement.decision, judgement.reason, judgement.decided_by


def _documents_of(store: GraphStore, keys: frozenset[str]) -> set[str]:
    """The documents that name either person of a pair, as one record or as a merge candidate."""
    nodes = {make_id("Person", key) for key in keys}
    for cand in store.candidates():
        if frozenset((cand.key_a, cand.key_b)) == keys:
            nodes |= {cand.node_a, cand.node_b}
    return {doc for node in nodes for doc in store.node_documents(node)}
