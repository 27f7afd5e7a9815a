"""`samkarta migrate` on the real Neo4j: a database written by the layout-1 store code, through the
real pipeline, answers exactly as before once migrated, and nothing of it is lost."""

from __future__ import annotations

import json

import pytest
from neo4j import RoutingControl
from typer.testing import CliRunner

from samkarta.cli import app
from samkarta.errors import StoreOutdated, StoreUnavailable
from samkarta.graph import cypher as q
from samkarta.graph.neo4j_migration import LayoutMigration
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.ingest import erase_person, find_files, ingest_files
from samkarta.samples import sample_dir
from tests.integration.conftest import answers, populate
from tests.integration.layout1.neo4j_store import Neo4jStore as Layout1Store

pytestmark = pytest.mark.neo4j


def test_an_old_layout_is_refused_with_the_command_that_converts_it(
    layout1_store: Layout1Store, neo4j_uri: str, neo4j_auth: tuple[str, str]
) -> None:
    assert ingest_files(layout1_store, find_files([sample_dir()])[:1], per_transaction=1).ingested == 1
    with pytest.raises(StoreOutdated, match="samkarta migrate"):
        Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    result = CliRunner().invoke(app, ["stats", "--store", neo4j_uri], env={"NEO4J_PASSWORD": neo4j_auth[1]})
    assert result.exit_code == 2 and "run `samkarta migrate`" in result.stderr


def test_migrate_keeps_every_answer(layout1_store: Layout1Store, neo4j_uri: str, neo4j_auth: tuple[str, str]) -> None:
    populate(layout1_store)
    before = answers(layout1_store)
    env = {"NEO4J_PASSWORD": neo4j_auth[1], "NEO4J_USER": neo4j_auth[0]}
    result = CliRunner().invoke(app, ["migrate", "--store", neo4j_uri], env=env)
    assert result.exit_code == 0, result.output
    assert f"migrated to layout {q.LAYOUT}" in result.stdout and "nothing was removed" in result.stdout
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    try:
        assert answers(store) == before
        assert _old_things_left(store) == {}
        assert _alias_lists(store) == {k: sorted(v) for k, v in _aliases_by_node(store).items()}
        again = CliRunner().invoke(app, ["migrate", "--store", neo4j_uri], env=env)
        assert again.exit_code == 0 and "nothing to migrate" in again.stdout
        # the migrated store goes on working: known documents are unchanged, erasure reaches typed lists
        assert ingest_files(store, find_files([sample_dir()])).unchanged == 11
        _erase_someone_with_roles(store)
    finally:
        store.close()


def test_an_interrupted_migration_is_finished_by_running_it_again(
    layout1_store: Layout1Store, neo4j_uri: str, neo4j_auth: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(layout1_store)
    before = answers(layout1_store)
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth, prepare=False)
    real, calls = LayoutMigration._query, {"n": 0}

    def fails_midway(self: LayoutMigration, cypher: str, **params: object) -> list[dict[str, object]]:
        calls["n"] += 1
        if calls["n"] == 30:
            raise StoreUnavailable("injected failure")
        return real(self, cypher, **params)

    monkeypatch.setattr(LayoutMigration, "_query", fails_midway)
    monkeypatch.setattr(q, "BATCH_SIZE", 50)
    with pytest.raises(StoreUnavailable):
        LayoutMigration(store._driver, None, batch_size=50).run()
    monkeypatch.undo()
    with pytest.raises(StoreOutdated):  # half-way is still refused
        store.ensure_schema()
    report = store.migrate()
    assert report.nodes or report.relationships
    store.close()
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    try:
        assert answers(store) == before
        assert _old_things_left(store) == {}
    finally:
        store.close()


def _old_things_left(store: Neo4jStore) -> dict[str, int]:
    """Nodes under layout 1's labels, and nodes or relationships with its JSON properties."""
    rows = store._query(
        "CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS what, count(*) AS n "
        "UNION ALL MATCH (n) WHERE n.props_json IS NOT NULL OR n.label IS NOT NULL RETURN 'props_json' AS what, "
        "count(n) AS n UNION ALL MATCH ()-[r]->() WHERE r.props_json IS NOT NULL RETURN 'rel props_json' AS what, "
        "count(r) AS n } RETURN what, n"
    )
    old = {*q.OLD_LABELS, "props_json", "rel props_json"}
    return {r["what"]: r["n"] for r in rows if r["what"] in old and r["n"]}


def _erase_someone_with_roles(store: Neo4jStore) -> None:
    g = store.graph()
    person = next(u for u, _, d in g.edges(data=True) if d["type"] == "ATTENDED" and len(g.nodes[u]["name"]) > 8)
    name = g.nodes[person]["name"]
    erase_person(store, person)
    rows = store._query("MATCH (n) RETURN n {.*} AS p UNION ALL MATCH ()-[r]->() RETURN r {.*} AS p")
    assert rows and not [r for r in rows if name in json.dumps(r["p"], ensure_ascii=False, default=str)]


def test_a_newer_layout_is_refused(store: Neo4jStore, neo4j_uri: str, neo4j_auth: tuple[str, str]) -> None:
    store._query(f"MATCH (m:{q.META} {{key: 'layout'}}) SET m.value = $v", {"v": q.LAYOUT + 1}, RoutingControl.WRITE)
    with pytest.raises(StoreOutdated, match="newer Samkarta"):
        Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    with pytest.raises(StoreOutdated, match="newer"):
        store.migrate()


def _aliases_by_node(store: Neo4jStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for alias in store.aliases():
        out.setdefault(alias.node_id, set()).add(alias.alias)
    return out


def _alias_lists(store: Neo4jStore) -> dict[str, list[str]]:
    rows = store._query(f"MATCH (n:{q.ENTITY}) WHERE n.aliases IS NOT NULL RETURN n.id AS id, n.aliases AS aliases")
    return {r["id"]: r["aliases"] for r in rows}
