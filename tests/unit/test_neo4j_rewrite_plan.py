"""plan_rewrite: a document written again changes only what differs, and declines what only
deleting and writing it whole says the same way (tests/integration/test_neo4j_rewrite.py compares
whole stores on a real Neo4j)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j.time import Date

from samkarta.graph.neo4j_rewrite import Rewrite, Stored, plan_rewrite

DAY = Date(2024, 2, 29)  # as the driver returns a stored date
SOURCE = {"id": "doc", "path": "p.txt", "sha256": "abc", "text": "Närvarande: Anna Berg", "chars": 21}


def _rel(rid: str, rtype: str, source: str, target: str, **props: Any) -> tuple[str, dict[str, Any]]:
    return rtype, {"source": source, "target": target, "props": {"id": rid, "doc_id": "doc", **props}}


def _stored_rel(rtype: str, row: dict[str, Any]) -> dict[str, Any]:
    props = {k: v for k, v in row["props"].items() if v is not None}
    return {"type": rtype, "props": props, "source": row["source"], "target": row["target"]}


def _world() -> tuple[Stored, dict[str, str], dict[str, dict[str, Any]], list[tuple[str, dict[str, Any]]]]:
    labels = {"m": "Meeting", "anna": "Person", "nils": "Person", "net": "Network"}
    rows = {
        "m": {"id": "m", "name": "Möte", "date": dt.date(2024, 2, 29), "text": None},
        "anna": {"id": "anna", "name": "Anna Berg"},
        "nils": {"id": "nils", "name": "Nils Berg"},
        "net": {"id": "net", "name": "Socialchefsnätverket"},
    }
    rels = [
        _rel("a1", "ATTENDED", "anna", "m", roles=["chair"], quote=None),
        _rel("a2", "ATTENDED", "nils", "m", roles=["present"]),
        _rel("of", "OF", "m", "net"),
    ]
    stored_nodes = [
        # the meeting only this document names; the people and the body met elsewhere too
        {
            "id": "m",
            "labels": ["Meeting", "Sk_Entity"],
            "props": {"id": "m", "name": "Möte", "date": DAY},
            "bare": True,
        },
        {"id": "anna", "labels": ["Person", "Sk_Entity"], "props": rows["anna"], "bare": False},
        {"id": "nils", "labels": ["Person", "Sk_Entity"], "props": rows["nils"], "bare": False},
        {"id": "net", "labels": ["Network", "Sk_Entity"], "props": {**rows["net"], "aliases": ["SCN"]}, "bare": False},
    ]
    aliases = [{"node_id": "net", "alias": "SCN", "doc_id": "doc", "reason": "acronym", "score": 1.0}]
    stored = Stored([_stored_rel(t, r) for t, r in rels], stored_nodes, aliases, [], dict(SOURCE))
    return stored, labels, rows, rels


def _plan(stored: Stored, labels: dict, rows: dict, rels: list) -> Rewrite | None:
    return plan_rewrite(stored, labels, rows, rels, list(stored.aliases), [], dict(SOURCE))


def test_the_same_document_writes_nothing() -> None:
    plan = _plan(*_world())
    assert plan is not None and plan.created == 1  # the bare meeting, as deleting and writing again counts it
    assert (plan.delete_rels, plan.create_rels, plan.create_nodes, plan.reset_nodes) == ({}, {}, {}, [])
    assert (plan.delete_aliases, plan.add_aliases, plan.alias_lists, plan.source) == ([], [], set(), None)


def test_an_attendance_marked_wrong_deletes_one_relationship() -> None:
    stored, labels, rows, rels = _world()
    plan = _plan(stored, labels, rows, [r for r in rels if r[1]["props"]["id"] != "a2"])
    assert plan is not None and plan.delete_rels == {"ATTENDED": ["a2"]}
    assert (plan.create_rels, plan.reset_nodes, plan.delete_nodes) == ({}, [], [])


def test_a_changed_relationship_and_a_changed_bare_node_are_written_again() -> None:
    stored, labels, rows, rels = _world()
    rels[0] = _rel("a1", "ATTENDED", "anna", "m", roles=["present"])
    rows["m"] = {**rows["m"], "date": dt.date(2024, 3, 1)}
    rows["anna"] = {**rows["anna"], "name": "Anna Bergh"}  # met elsewhere: keeps what it has, as MERGE would
    plan = _plan(stored, labels, rows, rels)
    assert plan is not None
    assert plan.delete_rels == {"ATTENDED": ["a1"]} and plan.create_rels == {"ATTENDED": [rels[0][1]]}
    assert plan.reset_nodes == [rows["m"]]


def test_what_only_deleting_and_writing_again_says_is_declined() -> None:
    stored, labels, rows, rels = _world()
    assert _plan(stored, {**labels, "m": "Project"}, rows, rels) is None  # the bare meeting is another kind now
    assert _plan(stored, labels, rows, [*rels, rels[0]]) is None  # one relationship twice
    dropped = {k: v for k, v in rows.items() if k != "m"}
    assert _plan(stored, labels, dropped, rels) is None  # kept relationships name a node the batch drops
