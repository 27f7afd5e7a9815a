"""People's judgements on bodies, organisations and projects (rename, re-kind, merge, undo),
applied to a document's graph batch whenever the document is built: on ingest, re-ingest and every
rebuild, so every query, view and export reads the curated graph.

A judgement is anchored to a node id, a hash of the entity's keys (graph/ids.py), so it finds its
node again in any store holding the same minutes. A re-kind gives the node a new id (its new label
with the old id), so the stores need no label change; a merge sends the second node's relationships
to the first and keeps the second's name as an alias; a rename keeps the old name as an alias.
A split (of any of them, or of a person) is anchored to documents as well: in those documents the
node's mentions go to a new node (its id a hash of the node's id and the documents' contents), so
what resolution joined is two again, first, before any other judgement on either node applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samkarta.graph.ids import make_id
from samkarta.graph.model import SPLITTABLE, Alias, EntityJudgement, GraphBatch, MergeCandidate, Node, Rel

MAX_CHAIN = 50  # merges and re-kinds followed from one node; the write side refuses cycles


def in_force(judgements: Iterable[EntityJudgement]) -> list[EntityJudgement]:
    """The judgements that count, oldest first: every rename, re-kind and merge not undone."""
    ordered = sorted(judgements, key=lambda j: (j.decided_at, j.id))
    undone = {j.value for j in ordered if j.op == "undo"}
    return [j for j in ordered if j.op != "undo" and j.id not in undone]


def rekinded_id(label: str, node_id: str) -> str:
    """The id of a node after a re-kind: its key's hash under the new label, which is the id the
    minutes give a node of that kind and name ('project-23ae...' Barnahus becomes the organisation
    'organization-23ae...' Barnahus, one node with both kinds' relationships)."""
    return f"{label.lower()}-{node_id.partition('-')[2]}"


def split_id(label: str, node_id: str, contents: Iterable[str]) -> str:
    """The id of the node a split makes: from the node and the contents of the documents split off,
    so any store holding the same minutes, in whatever order they came, gives the same id."""
    return make_id(label, "split", node_id, *sorted(set(contents)))


def split_pairs(judgements: Iterable[EntityJudgement]) -> set[frozenset[str]]:
    """The pairs of nodes that splits in force keep apart (never proposed as a merge again), as the
    stored nodes are named after the judgements on each."""
    every = list(judgements)
    entities = EntityMap.of(every)
    return {
        frozenset((entities.resolve(j.node, j.label, "").id, entities.resolve(j.value, j.label, "").id))
        for j in in_force(every)
        if j.op == "split"
    }


def rekinded_ids(judgement: EntityJudgement) -> set[str]:
    """The id a re-kind gives its node (none for other judgements)."""
    return {rekinded_id(judgement.value, judgement.node)} if judgement.op == "rekind" else set()


@dataclass
class Resolved:
    id: str
    label: str
    name: str
    path: list[str]  # every id the node went through, the anchor first
    aliases: list[tuple[str, str]]  # (former name, why)


@dataclass
class EntityMap:
    """Where each curated node goes: split, merged into another, re-kinded, renamed."""

    splits: dict[str, list[EntityJudgement]] = field(default_factory=dict)  # node -> splits, oldest first
    merges: dict[str, EntityJudgement] = field(default_factory=dict)
    rekinds: dict[str, EntityJudgement] = field(default_factory=dict)
    renames: dict[str, EntityJudgement] = field(default_factory=dict)

    @classmethod
    def of(cls, judgements: Iterable[EntityJudgement]) -> EntityMap:
        out = cls()
        for j in in_force(judgements):  # oldest first: the latest on a node counts
            if j.op == "split":
                out.splits.setdefault(j.node, []).append(j)
                continue
            {"merge": out.merges, "rekind": out.rekinds, "rename": out.renames}[j.op][j.node] = j
        return out

    def __bool__(self) -> bool:
        return bool(self.splits or self.merges or self.rekinds or self.renames)

    def split_of(self, node_id: str, doc: tuple[str, str]) -> EntityJudgement | None:
        """The split (the latest in force) that sends a node's mentions in a document, given by its
        id and content hash, to a node of its own."""
        doc_id, content = doc
        found = [j for j in self.splits.get(node_id, ()) if doc_id in j.documents or content in j.contents]
        return found[-1] if found else None

    def resolve(self, node_id: str, label: str, name: str, doc: tuple[str, str] | None = None) -> Resolved:
        """Where a node as the minutes (`doc`: the id and content hash of the document that gives it)
        give it ends up, and the names it leaves behind as aliases."""
        out = Resolved(node_id, label, name, [node_id], [])
        split_done: set[str] = set()
        for _ in range(MAX_CHAIN):
            if len(set(out.path)) < len(out.path):
                break  # a cycle the write side should have refused: stop where it closes
            # a split is of the node as stored (after merges and re-kinds), so it is looked for at each step
            split = self.split_of(out.id, doc) if doc is not None else None
            if split is not None and split.id not in split_done:
                split_done.add(split.id)
                if split.value_name and split.value_name != out.name:
                    out.aliases.append((out.name, f"split off by a person ({split.decided_by or 'unnamed'})"))
                out.id, out.name = split.value, split.value_name or name  # by default, as these minutes write it
            elif (m := self.merges.get(out.id)) is not None:
                out.aliases.append((out.name, f"merged by a person ({m.decided_by or 'unnamed'})"))
                out.id, out.name = m.value, m.value_name or out.name
            elif (k := self.rekinds.get(out.id)) is not None:
                out.id, out.label = rekinded_id(k.value, out.id), k.value
            else:
                break
            out.path.append(out.id)
        if (r := self.renames.get(out.id)) is not None and r.value != out.name:
            out.aliases.append((out.name, f"renamed by a person ({r.decided_by or 'unnamed'})"))
            out.name = r.value
        return out

    def apply(self, batch: GraphBatch) -> GraphBatch:
        """The batch with every curated node in its place; relationships follow their nodes."""
        if not self:
            return batch
        moved: dict[str, Resolved] = {}
        doc = (batch.document.id, batch.document.sha256)
        for n in batch.nodes:
            if n.label in SPLITTABLE:
                r = self.resolve(n.id, n.label, n.name, doc)
                if (r.id, r.label, r.name) != (n.id, n.label, n.name):
                    moved[n.id] = r
        if not moved:
            return batch
        doc_id = batch.document.id
        nodes: dict[str, Node] = {n.id: n for n in batch.nodes if n.id not in moved}  # a target keeps its own
        for n in batch.nodes:
            r = moved.get(n.id)
            if r is not None and r.id not in nodes:
                nodes[r.id] = n.model_copy(update={"id": r.id, "label": r.label, "name": r.name})
        rels: dict[tuple[str, str, str, int | None], Rel] = {}
        for rel in batch.rels:
            source = moved[rel.source].id if rel.source in moved else rel.source
            target = moved[rel.target].id if rel.target in moved else rel.target
            # a merged node's mention of the same meeting is one mention of the node it joined
            rels.setdefault(
                (rel.type, source, target, rel.start), rel.model_copy(update={"source": source, "target": target})
            )
        aliases: dict[tuple[str, str], Alias] = {}
        for a in batch.aliases:
            node_id = moved[a.node_id].id if a.node_id in moved else a.node_id
            aliases.setdefault((node_id, a.alias), a.model_copy(update={"node_id": node_id}))
        for r in moved.values():
            for former, why in r.aliases:
                if former != r.name:
                    aliases.setdefault(
                        (r.id, former), Alias(node_id=r.id, alias=former, reason=why, score=1.0, doc_id=doc_id)
                    )
        final = {n.id: n.name for n in nodes.values()}
        kept = [a for a in aliases.values() if final.get(a.node_id) != a.alias]
        candidates = [_moved_candidate(c, moved) for c in batch.candidates]
        return batch.model_copy(
            update={
                "nodes": list(nodes.values()),
                "rels": list(rels.values()),
                "aliases": kept,
                "candidates": candidates,
            }
        )

    def seen(self, batch: GraphBatch) -> set[str]:
        """Every id a document's curated nodes go through (their ids before judgements included)."""
        out: set[str] = set()
        doc = (batch.document.id, batch.document.sha256)
        for n in batch.nodes:
            if n.label in SPLITTABLE:
                out.update(self.resolve(n.id, n.label, n.name, doc).path)
        return out


def _moved_candidate(candidate: MergeCandidate, moved: dict[str, Resolved]) -> MergeCandidate:
    """A person merge candidate naming the nodes its people went to (a person split off here)."""
    a, b = (moved[n].id if n in moved else n for n in (candidate.node_a, candidate.node_b))
    return (
        candidate
        if (a, b) == (candidate.node_a, candidate.node_b)
        else candidate.model_copy(update={"node_a": a, "node_b": b})
    )
