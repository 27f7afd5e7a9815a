"""The domain graph in Neo4j is a property graph a user can query: typed properties as schema.yaml
declares them, no JSON in strings, bookkeeping apart under its own label prefix."""

from __future__ import annotations

import json
from typing import Any

import pytest
from neo4j import Driver

from samkarta.graph import cypher as q
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.graph.neo4j_values import NODE_FIELDS, REL_FIELDS
from samkarta.graph.schema import load_schema
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.ingest import find_files, ingest_files, judge
from samkarta.samples import sample_dir

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("corpus_store")]

# schema.yaml's types as Neo4j's valueType() names them
CYPHER_TYPES = {
    "string": "STRING NOT NULL",
    "integer": "INTEGER NOT NULL",
    "float": "FLOAT NOT NULL",
    "boolean": "BOOLEAN NOT NULL",
    "date": "DATE NOT NULL",
    "list<string>": "LIST<STRING NOT NULL> NOT NULL",
}


def _count(driver: Driver, cypher: str) -> int:
    return driver.execute_query(cypher).records[0][0]


def test_meetings_filter_by_date(reference_store: SQLiteStore, driver: Driver) -> None:
    dates = [d.get("date") for _, d in reference_store.graph(labels={"Meeting"}).nodes(data=True)]
    expected = sum(1 for d in dates if d and d >= "2021-01-01")
    assert 0 < expected < len(dates)
    assert _count(driver, "MATCH (m:Meeting) WHERE m.date >= date('2021-01-01') RETURN count(m)") == expected


def test_attendance_roles_are_a_list(reference_store: SQLiteStore, driver: Driver) -> None:
    g = reference_store.graph(types={"ATTENDED"})
    present = sum(1 for *_, d in g.edges(data=True) if "present" in d["roles"])
    assert present > 0
    assert _count(driver, "MATCH ()-[a:ATTENDED]->() WHERE 'present' IN a.roles RETURN count(a)") == present
    chair = sum(1 for *_, d in g.edges(data=True) if "chair" in d["roles"])
    assert 0 < chair < g.number_of_edges()  # a role that tells attendances apart
    assert _count(driver, "MATCH ()-[a:ATTENDED]->() WHERE 'chair' IN a.roles RETURN count(a)") == chair


def _domain_items(driver: Driver) -> list[dict[str, Any]]:
    """Every domain node and relationship: its label or type, its properties and their Cypher types."""
    cypher = (
        f"MATCH (n:{q.ENTITY}) RETURN {q.label_of('n')} AS kind, properties(n) AS props, "
        "[k IN keys(n) | [k, valueType(n[k])]] AS types "
        f"UNION ALL MATCH (:{q.ENTITY})-[r]->(:{q.ENTITY}) RETURN type(r) AS kind, properties(r) AS props, "
        "[k IN keys(r) | [k, valueType(r[k])]] AS types"
    )
    return [r.data() for r in driver.execute_query(cypher).records]


def _parses_as_json_container(value: Any) -> bool:
    try:
        return isinstance(json.loads(value), dict | list)
    except (TypeError, ValueError):
        return False


def test_no_domain_property_holds_json(driver: Driver) -> None:
    items = _domain_items(driver)
    assert len(items) > 1000
    strings = [
        (item["kind"], key, s)
        for item in items
        for key, value in item["props"].items()
        for s in (value if isinstance(value, list) else [value])
        if isinstance(s, str)
    ]
    assert [s for s in strings if _parses_as_json_container(s)] == []
    assert not any(key in ("props_json", "label") for item in items for key in item["props"])


def test_every_property_has_the_type_the_schema_declares(driver: Driver) -> None:
    schema = load_schema()
    found: dict[tuple[str, str], set[str]] = {}
    for item in _domain_items(driver):
        for key, cypher_type in item["types"]:
            found.setdefault((item["kind"], key), set()).add(cypher_type)
    for (kind, key), types in found.items():
        if kind in schema.nodes:
            declared = {
                **dict.fromkeys(NODE_FIELDS, "string"),
                "aliases": "list<string>",
                **schema.nodes[kind].properties,
            }
        else:
            declared = {
                **dict.fromkeys(REL_FIELDS, "string"),
                **schema.provenance,
                **schema.relationships[kind].properties,
            }
        assert key in declared, f"{kind}.{key} is not in schema.yaml"
        assert types == {CYPHER_TYPES[declared[key]]}, f"{kind}.{key}: {types}"
    assert ("Meeting", "date") in found and ("ATTENDED", "roles") in found and ("AgendaItem", "start") in found


def test_bookkeeping_is_apart_from_the_domain_graph(driver: Driver) -> None:
    rows = driver.execute_query("MATCH (n) RETURN DISTINCT labels(n) AS labels").records
    labels = {tuple(sorted(r["labels"])) for r in rows}
    domain = {tuple(sorted((label, q.ENTITY))) for label in load_schema().nodes}
    for combination in labels - domain:
        assert len(combination) == 1 and combination[0] in q.BOOKKEEPING, combination
    assert {(q.SOURCE,), (q.META,), (q.ALIAS,)} <= labels
    assert all(label.startswith(q.PREFIX) for label in q.BOOKKEEPING)


def test_a_nodes_other_names_are_a_list_on_it(corpus_store: Neo4jStore, driver: Driver) -> None:
    expected: dict[str, set[str]] = {}
    for alias in corpus_store.aliases():
        expected.setdefault(alias.node_id, set()).add(alias.alias)
    assert len(expected) > 5
    rows = driver.execute_query(f"MATCH (n:{q.ENTITY}) WHERE n.aliases IS NOT NULL RETURN n.id AS id, n.aliases AS a")
    assert {r["id"]: r["a"] for r in rows.records} == {k: sorted(v) for k, v in expected.items()}


def test_alias_lists_follow_merge_decisions_and_deletions(store: Neo4jStore) -> None:
    ingest_files(store, find_files([sample_dir()]))
    merged = next(c for c in store.candidates() if c.status == "merged")
    judge(store, merged.id, "rejected", "two people", "2026-01-01T00:00:00", decided_by="tester")
    store.delete_document(store.documents()[0].id)
    rows = store._query(f"MATCH (n:{q.ENTITY}) WHERE n.aliases IS NOT NULL RETURN n.id AS id, n.aliases AS a")
    expected: dict[str, set[str]] = {}
    for alias in store.aliases():
        expected.setdefault(alias.node_id, set()).add(alias.alias)
    assert {r["id"]: r["a"] for r in rows} == {k: sorted(v) for k, v in expected.items()}
    assert merged.node_a not in expected and merged.node_b not in expected
