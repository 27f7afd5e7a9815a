"""Fixtures on the real Neo4j: a store of the current layout, one of layout 1, and the answers a
store gives, to compare two stores or one store before and after a migration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase

from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore
from samkarta.graph.tombstones import digest
from samkarta.ingest import erase_person, find_files, ingest_files, judge
from samkarta.samples import sample_dir
from tests.integration.layout1.neo4j_store import Neo4jStore as Layout1Store


def clear(uri: str, auth: tuple[str, str]) -> None:
    """Delete every node, whatever its layout (the stores refuse to open a database of another one)."""
    store = Neo4jStore.connect(uri, *auth, prepare=False)
    try:
        store.wipe()
    finally:
        store.close()


@pytest.fixture
def store(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Neo4jStore]:
    clear(neo4j_uri, neo4j_auth)
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    yield store
    store.close()
    clear(neo4j_uri, neo4j_auth)


@pytest.fixture
def layout1_store(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Layout1Store]:
    """An empty database written by the store code of layout 1."""
    clear(neo4j_uri, neo4j_auth)
    old = Layout1Store.connect(neo4j_uri, *neo4j_auth)
    yield old
    old.close()
    clear(neo4j_uri, neo4j_auth)


@pytest.fixture(scope="module")
def corpus_store(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Neo4jStore]:
    """The sample minutes in Neo4j, for the tests of one module."""
    clear(neo4j_uri, neo4j_auth)
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    assert ingest_files(store, find_files([sample_dir()])).ingested == 11
    yield store
    store.close()
    clear(neo4j_uri, neo4j_auth)


@pytest.fixture(scope="module")
def reference_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLiteStore]:
    """The same minutes in the embedded store: counts to check Neo4j's against."""
    store = SQLiteStore.open(Path(tmp_path_factory.mktemp("reference")) / "graph.db")
    assert ingest_files(store, find_files([sample_dir()])).ingested == 11
    yield store
    store.close()


@pytest.fixture(scope="session")
def driver(neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Driver]:
    """A plain driver, for Cypher as a Neo4j user would type it."""
    with GraphDatabase.driver(neo4j_uri, auth=neo4j_auth) as d:
        yield d


def populate(store: GraphStore) -> None:
    """The sample minutes, a rejected automatic merge, an erased person and a tombstone: every
    kind of thing a store keeps. One document per transaction: the old layout's store (layout1/)
    wrote no batches."""
    assert ingest_files(store, find_files([sample_dir()]), per_transaction=1).ingested == 11
    merged = [c for c in store.candidates() if c.status == "merged"]
    assert merged, "the samples have an automatic merge"
    judge(store, merged[0].id, "rejected", "two people", "2026-01-01T00:00:00", decided_by="tester")
    g = store.graph()
    attended = sorted(u for u, _, d in g.edges(data=True) if d["type"] == "ATTENDED" and len(g.nodes[u]["name"]) > 8)
    erase_person(store, attended[0])
    store.set_tombstone(digest(store.tombstone_key(), "Anna Berg"), True)


def answers(store: GraphStore) -> dict[str, Any]:
    """Everything the store protocol answers, except the version counter and full-text scores."""
    g = store.graph()
    docs = store.documents()
    persons = [n for n, d in g.nodes(data=True) if d["label"] == "Person"]
    words = sorted({w for n in g for w in g.nodes[n]["name"].split() if len(w) > 6})[:40]
    return {
        "documents": docs,
        "stored": [store.document(d.id) for d in docs],
        "nodes": {n: store.get_node(n) for n in g},
        "rels": {n: sorted(store.rels_of(n), key=lambda r: r.id) for n in g},
        "node_documents": {n: store.node_documents(n) for n in g},
        "graph_nodes": dict(g.nodes(data=True)),
        "graph_edges": sorted((k, u, v, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True)),
        "names": sorted(store.names()),
        "aliases": sorted(store.aliases(), key=repr),
        "candidates": store.candidates(),
        "judgements": store.judgements(),
        "tombstones": store.tombstones(),
        "tombstone_key": store.tombstone_key(),
        "stats": store.stats(),
        "people": store.people_by_block(sorted({g.nodes[p]["block"] for p in persons})),
        "fulltext": {
            w: sorted(repr(h.model_dump(exclude={"score"})) for h in store.fulltext(w, limit=300)) for w in words
        },
    }
