"""Rewriting a stored document in Neo4j as the difference between what it holds and what it says now.

Rebuilding a document after a correction used to delete everything it said and write it all again:
some forty statements, each a round trip to the server, for a correction that changes one
relationship. plan_rewrite() compares the document's relationships, nodes, aliases, merge
candidates and source as stored (read in one statement, in the same transaction) with the new
batch, and returns only the writes that make the store hold exactly what deleting and writing again
would have left: relationships whose id, ends or properties changed are replaced; a node only this
document's relationships touched (one deleting them would have left bare and so deleted) takes the
new batch's properties, or goes if the batch no longer names it; other nodes keep theirs, as MERGE
... ON CREATE would. Where the difference cannot say the same (a label changed, the batch names a
relationship twice or a node it drops), plan_rewrite returns None and the store deletes and writes
the document whole, as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from neo4j.time import Date

ENTITY = "Sk_Entity"


@dataclass
class Stored:
    """A document's part of the store, read before rewriting it (cypher.DOCUMENT_STATE)."""

    rels: list[dict[str, Any]]  # {type, props, source, target}
    nodes: list[dict[str, Any]]  # {id, labels, props, bare}: bare = no relationship of another document
    aliases: list[dict[str, Any]]  # the document's Sk_Alias properties
    candidates: list[dict[str, Any]]  # the document's merge candidates and those the batch names
    source: dict[str, Any] | None  # the Sk_DocumentSource's properties


@dataclass
class Rewrite:
    """The writes that turn the stored document into the new batch, in the order they run."""

    delete_rels: dict[str, list[str]] = field(default_factory=dict)  # type -> relationship ids
    delete_nodes: list[str] = field(default_factory=list)
    create_nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # label -> rows to MERGE
    reset_nodes: list[dict[str, Any]] = field(default_factory=list)  # rows a bare node is SET to
    create_rels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # type -> rows
    delete_aliases: list[dict[str, Any]] = field(default_factory=list)
    add_aliases: list[dict[str, Any]] = field(default_factory=list)
    alias_lists: set[str] = field(default_factory=set)  # nodes whose list of aliases is set again
    delete_candidates: list[str] = field(default_factory=list)
    set_candidates: list[dict[str, Any]] = field(default_factory=list)
    source: dict[str, Any] | None = None  # the source's new properties, if they changed
    created: int = 0  # nodes deleting and writing again would have created
    touched: set[str] = field(default_factory=set)  # ends of the stored relationships
    named: set[str] = field(default_factory=set)  # nodes the stored aliases name


def plain(value: Any) -> Any:
    """A stored or new property value as compared: dates as ISO strings (the driver returns its own type)."""
    if isinstance(value, Date | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def same(stored: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether SET x = row would leave these stored properties as they are (None means no property)."""
    wanted = {k: plain(v) for k, v in row.items() if v is not None}
    return {k: plain(v) for k, v in stored.items()} == wanted


def _alias_key(a: dict[str, Any]) -> tuple[str, str, str]:
    return a["node_id"], a["alias"], a["doc_id"]


def plan_rewrite(
    stored: Stored,
    labels: dict[str, str],
    node_rows: dict[str, dict[str, Any]],
    rel_rows: list[tuple[str, dict[str, Any]]],
    alias_rows: list[dict[str, Any]],
    candidate_rows: list[dict[str, Any]],
    source_row: dict[str, Any],
) -> Rewrite | None:
    """The difference (see the module), or None where only deleting and writing again says the same.

    `labels` and `node_rows` are the batch's nodes by id (the first of a repeated id, as MERGE keeps),
    `rel_rows` (type, row) its relationships as merge_rels takes them."""
    out = Rewrite()
    new_rels = {row["props"]["id"]: (t, row) for t, row in rel_rows}
    if len(new_rels) != len(rel_rows):
        return None  # the same id twice: let the constraint refuse it as before
    old_rels = {r["props"]["id"]: r for r in stored.rels}
    kept: set[str] = set()
    for rid, r in old_rels.items():
        t, row = new_rels.get(rid, (None, None))
        if (
            row is not None
            and t == r["type"]
            and row["source"] == r["source"]
            and row["target"] == r["target"]
            and same(r["props"], row["props"])
        ):
            kept.add(rid)
        else:
            out.delete_rels.setdefault(r["type"], []).append(rid)
    for rid, (t, row) in new_rels.items():
        if rid not in kept:
            out.create_rels.setdefault(t, []).append(row)
    out.touched = {end for r in stored.rels for end in (r["source"], r["target"])}

    out.named = {a["node_id"] for a in stored.aliases}
    named = out.named | {a["node_id"] for a in alias_rows}  # whose list deleting and writing again rebuilds
    nodes = {n["id"]: n for n in stored.nodes}
    kept_ends = {end for rid in kept for end in (new_rels[rid][1]["source"], new_rels[rid][1]["target"])}
    bare_again = set()
    doc_id = source_row["id"]
    for node_id in sorted(out.touched | {doc_id}):  # deleting the document also let its own node go if bare
        node = nodes.get(node_id)
        if node is None or not node["bare"]:
            continue
        if node_id not in node_rows:
            if node_id in kept_ends:
                return None  # a relationship the batch keeps names a node it drops: refused as before
            out.delete_nodes.append(node_id)
            continue
        bare_again.add(node_id)
        out.created += 1  # deleted and created again
        if set(node["labels"]) != {labels[node_id], ENTITY}:
            return None  # another label: a new node, as MERGE on the batch's label would make
        props = {k: v for k, v in node["props"].items() if k != "aliases"}
        if not same(props, node_rows[node_id]) or ("aliases" in node["props"] and node_id not in named):
            out.reset_nodes.append(node_rows[node_id])
    for node_id, row in node_rows.items():
        node = nodes.get(node_id)
        if node is None:
            out.created += 1
            out.create_nodes.setdefault(labels[node_id], []).append(row)
        elif node_id not in bare_again and labels[node_id] not in node["labels"]:
            return None  # MERGE on another label would collide with this id: refused as before

    old_aliases = {_alias_key(a): a for a in stored.aliases}
    new_aliases: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a in alias_rows:
        new_aliases.setdefault(_alias_key(a), a)  # MERGE ... ON CREATE: the first row of a key wins
    for key, a in old_aliases.items():
        row = new_aliases.get(key)
        if row is None or plain(row["reason"]) != a.get("reason") or row["score"] != a.get("score"):
            out.delete_aliases.append({"node_id": key[0], "alias": key[1], "doc_id": key[2]})
            out.alias_lists.add(key[0])
    for key, row in new_aliases.items():
        a = old_aliases.get(key)
        if a is None or plain(row["reason"]) != a.get("reason") or row["score"] != a.get("score"):
            out.add_aliases.append(row)
            out.alias_lists.add(key[0])
    # a bare node set again loses its list, which deleting and writing again would have rebuilt
    out.alias_lists |= {r["id"] for r in out.reset_nodes} & named

    latest = {c["id"]: c for c in candidate_rows}  # SET c = row in order: the last row of an id wins
    for c in stored.candidates:
        if c.get("doc_id") == doc_id and c["id"] not in latest:
            out.delete_candidates.append(c["id"])
    current = {c["id"]: c for c in stored.candidates}
    out.set_candidates = [row for cid, row in latest.items() if cid not in current or not same(current[cid], row)]

    if stored.source is None or not same(stored.source, source_row):
        out.source = source_row
    return out
