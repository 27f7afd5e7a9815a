"""An app over a store seeded with the corpus, on both backends (SQLite and a real Neo4j)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore
from samkarta.ingest import find_files, ingest_files
from samkarta.samples import sample_dir
from samkarta.settings import Settings

TOKEN = "test-token-0123456789"


def seeded_app(store: GraphStore, data_dir: Path) -> FastAPI:
    ingest_files(store, find_files([sample_dir()]))
    settings = Settings(SAMKARTA_API_TOKEN=TOKEN, SAMKARTA_DATA_DIR=str(data_dir), SAMKARTA_ALLOWED_HOSTS="testserver")
    return create_app(settings, store=store)


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def backend_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "sqlite":
        store: GraphStore = SQLiteStore.open(tmp_path / "graph.db")
    else:
        from samkarta.graph.neo4j_store import Neo4jStore

        uri = request.getfixturevalue("neo4j_uri")
        store = Neo4jStore.connect(uri, *request.getfixturevalue("neo4j_auth"))
        store.wipe()
    yield store
    store.close()


@pytest.fixture
def client(backend_store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(seeded_app(backend_store, tmp_path / "data")) as c:
        yield c


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
