"""Renaming, re-kinding, merging and splitting bodies, organisations and projects (and splitting
people): the same functions for the API and the CLI.

Each decision is stored as a judgement (graph.model.EntityJudgement: who, when, why), and the
documents that mention the node are rebuilt with every judgement applied (graph/entities.py), as
after a correction. Nothing is ever deleted: undoing stores a later judgement that takes one back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from samkarta.corrections import checked_reason, judgement_to_undo, now
from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.batch import build_batch
from samkarta.graph.corrections import CorrectionIndex, corrected
from samkarta.graph.entities import EntityMap, in_force, rekinded_id, rekinded_ids, split_id
from samkarta.graph.ids import make_id, name_key
from samkarta.graph.model import CURATED_LABELS, REKINDABLE, SPLITTABLE, DocumentInfo, EntityJudgement, Node
from samkarta.graph.store import GraphStore
from samkarta.ingest import reapply
from samkarta.loaders.model import Extraction

MAX_NAME = 200
LABEL_NAMES = {"Network": "body", "Organization": "organisation", "Project": "project", "Person": "person"}
MAX_SPLIT_DOCUMENTS = 1000


def _entity(store: GraphStore, node_id: str, field: str = "node", labels: tuple[str, ...] = CURATED_LABELS) -> Node:
    node = store.get_node(node_id)
    if node is None or node.label not in labels:
        raise NotFound(f"no {_kinds(labels)} with id {node_id!r} ({field})")
    return node


def _kinds(labels: tuple[str, ...]) -> str:
    return "body, organisation, project or person" if "Person" in labels else "body, organisation or project"


def _judgement(
    node: Node, op: str, value: str, reason: str, by: str, value_name: str = "", **anchor: list[str]
) -> EntityJudgement:
    at = now()
    return EntityJudgement(
        **anchor,
        id=make_id("EntityJudgement", op, node.id, value, at, by),
        op=op,  # type: ignore[arg-type]
        node=node.id,
        label=node.label,  # type: ignore[arg-type]
        name=node.name,
        value=value,
        value_name=value_name,
        reason=checked_reason(reason),
        decided_at=at,
        decided_by=by,
    )


def _save(store: GraphStore, judgement: EntityJudgement, nodes: set[str]) -> EntityJudgement:
    """Store a judgement, rebuild every document that mentions the nodes it touches, and give the
    nodes their display names (a node several documents mention keeps the name it was written with)."""
    docs = {d for n in nodes for d in store.node_documents(n)}
    store.save_entity_judgement(judgement)
    reapply(store, docs)
    rename_stored(store, nodes)
    return judgement


def rename_stored(store: GraphStore, nodes: set[str]) -> None:
    """Stored nodes named as the judgements in force say (or as renamed before an undone rename)."""
    every = store.entity_judgements()
    entities = EntityMap.of(every)
    undone = {j.value for j in every if j.op == "undo"}
    for node_id in nodes:
        node = store.get_node(node_id)
        if node is None:
            continue
        rename = entities.renames.get(node_id)
        if rename is not None:
            name = rename.value
        else:  # the name before the latest undone rename of the node, if any
            names = [j.name for j in every if j.op == "rename" and j.node == node_id and j.id in undone]
            name = names[-1] if names else node.name
        if name != node.name:
            store.set_node_name(node_id, name)


def rename(store: GraphStore, node_id: str, name: str, *, reason: str = "", by: str) -> EntityJudgement:
    """Give a body, organisation or project another display name; the old one stays an alias."""
    node = _entity(store, node_id)
    name = " ".join(name.split())
    if not name.isprintable() or not 2 <= len(name) <= MAX_NAME:
        raise InvalidInput("name", f"give the new name, 2 to {MAX_NAME} printable characters")
    if name == node.name:
        raise Conflict(f"{node.id} is already named {name!r}")
    return _save(store, _judgement(node, "rename", name, reason, by), {node.id})


def rekind(store: GraphStore, node_id: str, label: str, *, reason: str = "", by: str) -> EntityJudgement:
    """Make a project an organisation or an organisation a project, with its relationships. A node
    re-kinded back to what it was is the undo of that re-kind."""
    node = _entity(store, node_id)
    if label not in REKINDABLE or node.label not in REKINDABLE:
        raise InvalidInput("label", "only a project and an organisation can change kind (Organization or Project)")
    if label == node.label:
        raise Conflict(f"{node.id} is already a {LABEL_NAMES[label]}")
    back = next(
        (
            j
            for j in in_force(store.entity_judgements())
            if j.op == "rekind" and j.node == rekinded_id(label, node.id) and j.value == node.label
        ),
        None,
    )
    if back is not None:  # re-kinded back: the undo of that re-kind (else the two would go round)
        undone = undo(store, back.id, reason=reason, by=by)
        node = store.get_node(node.id)  # a node of the old kind and name may stand there by itself
        if node is None or node.label == label:
            return undone
    judgement = _judgement(node, "rekind", label, reason, by)
    return _save(store, judgement, {node.id, rekinded_id(label, node.id)})


def merge(store: GraphStore, keep_id: str, merged_id: str, *, reason: str = "", by: str) -> EntityJudgement:
    """Merge the second node into the first: its relationships move there, its name becomes an alias."""
    keep = _entity(store, keep_id, "keep")
    merged = _entity(store, merged_id, "merged")
    if keep.id == merged.id:
        raise InvalidInput("merged", "a node cannot be merged into itself")
    if keep.label != merged.label:
        raise InvalidInput(
            "merged", f"a {LABEL_NAMES[merged.label]} can only be merged into a {LABEL_NAMES[merged.label]}"
        )
    judgement = _judgement(merged, "merge", keep.id, reason, by, value_name=keep.name)
    return _save(store, judgement, {keep.id, merged.id})


def split(
    store: GraphStore, node_id: str, documents: list[str], *, name: str = "", reason: str = "", by: str
) -> EntityJudgement:
    """Split off a node's mentions in the given documents into a node of its own (what resolution
    joined wrongly: two people alike in name, two bodies that share a name). Its relationships from
    those documents go with it; `name` names it (by default the name those minutes give it)."""
    node = _entity(store, node_id, labels=SPLITTABLE)
    name = " ".join(name.split())
    if name and (not name.isprintable() or not 2 <= len(name) <= MAX_NAME):
        raise InvalidInput("name", f"give the new node's name, 2 to {MAX_NAME} printable characters, or none")
    chosen = sorted(set(documents))
    if not chosen or len(chosen) > MAX_SPLIT_DOCUMENTS:
        raise InvalidInput("documents", f"give 1 to {MAX_SPLIT_DOCUMENTS} documents whose mentions to split off")
    mentioned = set(store.node_documents(node.id))
    infos = {d: stored.info for d in store.stored_documents(set(chosen)) if (stored := store.document(d)) is not None}
    for doc_id in chosen:
        if doc_id not in infos:
            raise InvalidInput("documents", f"no stored document {doc_id!r}")
        if doc_id not in mentioned:
            shown = PurePath(infos[doc_id].path).name  # a file's name, never the server's folders
            raise InvalidInput("documents", f"document {shown!r} does not mention {node.name!r}")
    if mentioned <= set(chosen):
        raise Conflict(
            f"every document that mentions {node.name!r} is chosen: a split must leave the node at least one "
            "(to change its name, rename it)"
        )
    contents = sorted({infos[d].sha256 for d in chosen})
    new_id = split_id(node.label, node.id, contents)
    judgement = _judgement(node, "split", new_id, reason, by, value_name=name, documents=chosen, contents=contents)
    docs = set(chosen)
    store.save_entity_judgement(judgement)
    reapply(store, docs)
    rename_stored(store, {node.id, new_id})
    return judgement


def undo(store: GraphStore, judgement_id: str, *, reason: str = "", by: str) -> EntityJudgement:
    """Take back a rename, re-kind, merge or split: the minutes' own reading again. Conflict when it is
    already undone, or is itself an undo."""
    every = store.entity_judgements()
    found = judgement_to_undo(every, judgement_id, in_force, "entity judgement", "judge the entity again instead")
    at = now()
    revert = EntityJudgement(
        id=make_id("EntityJudgement", "undo", found.id, at, by),
        op="undo",
        node=found.node,
        label=found.label,
        name=found.name,
        value=found.id,
        reason=checked_reason(reason),
        decided_at=at,
        decided_by=by,
    )
    nodes = {found.node}
    if found.op in ("merge", "split"):
        nodes.add(found.value)
    if found.op == "rekind":
        nodes.add(rekinded_id(found.value, found.node))
    entities = EntityMap.of(every)
    nodes |= {entities.resolve(n, found.label, found.name).id for n in list(nodes)}
    return _save(store, revert, nodes)


def history(store: GraphStore, node_id: str) -> list[EntityJudgement]:
    """Every judgement on a node, oldest first: on it, merged into it, and the undos of those."""
    every = store.entity_judgements()
    about = {j.id for j in every if node_id in (j.node, j.value) or node_id in rekinded_ids(j)}
    return [j for j in every if j.id in about or (j.op == "undo" and j.value in about)]


@dataclass
class Orphan:
    judgement: EntityJudgement
    why: str


def orphaned(store: GraphStore) -> list[Orphan]:
    """Judgements in force whose node no stored document gives any more (re-extracted, or its
    minutes gone). Listed, never dropped: they apply again when the node comes back."""
    every = store.entity_judgements()
    live = in_force(every)
    if not live:
        return []
    entities = EntityMap.of(every)
    documents = store.documents()
    corrections = CorrectionIndex.of(store.corrections(), (d.id for d in documents))
    seen: set[str] = set()
    for info in documents:
        stored = store.document(info.id)
        if stored is None:
            continue
        extraction = Extraction.model_validate(stored.extraction)
        own = corrections.for_document(info.id, info.sha256)
        if own:  # a meeting's body as corrected is the body a judgement may be about
            extraction = corrected(extraction, stored.text, info.id, own).extraction
        seen |= entities.seen(build_batch(extraction, stored.text))
    out = [Orphan(j, "node not found") for j in live if j.op != "split" and j.node not in seen]
    out += _orphaned_splits(store, [j for j in live if j.op == "split"], entities, documents)
    out += [
        Orphan(j, "merged into a node not found")
        for j in live
        if j.op == "merge" and j.node in seen and j.value not in seen and store.get_node(j.value) is None
    ]
    return out


def _orphaned_splits(
    store: GraphStore, splits: list[EntityJudgement], entities: EntityMap, documents: list[DocumentInfo]
) -> list[Orphan]:
    """Splits whose documents are gone, or no longer mention the node (re-read without it): the
    node split off is in none of them."""
    out = []
    for j in splits:
        anchored = {d.id for d in documents if d.id in j.documents or d.sha256 in j.contents}
        if not anchored:
            out.append(Orphan(j, "document gone"))
            continue
        now_at = entities.resolve(j.value, j.label, "").id
        if not anchored & set(store.node_documents(now_at)):
            out.append(Orphan(j, "node not found in its documents"))
    return out


def find_entity(
    store: GraphStore, name_or_id: str, field: str = "node", labels: tuple[str, ...] = CURATED_LABELS
) -> Node:
    """A body, organisation or project (or, with `labels`, a person) by id, else by its name or an
    alias (the CLI's way in). NotFound when none, Conflict when the name is ambiguous."""
    node = store.get_node(name_or_id)
    if node is not None and node.label in labels:
        return node
    key = name_key(name_or_id)
    ids = sorted({i for i, label, name in store.names() if label in labels and name_key(name) == key})
    if not ids:
        raise NotFound(f"no {_kinds(labels)} named {name_or_id!r} ({field})")
    if len(ids) > 1:
        raise Conflict(f"{name_or_id!r} names {len(ids)} nodes ({', '.join(ids)}); give the id ({field})")
    return _entity(store, ids[0], field, labels)


def where_now(store: GraphStore, node_id: str) -> str | None:
    """The stored node a node id stands for after the judgements in force (None if none)."""
    entities = EntityMap.of(store.entity_judgements())
    found = entities.resolve(node_id, "", "").id
    return found if store.get_node(found) is not None else None
