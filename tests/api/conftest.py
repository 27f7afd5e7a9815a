"""An app over a seeded embedded store (the corpus), shared by the API tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.ingest import find_files, ingest_files
from samkarta.samples import sample_dir
from samkarta.settings import Settings

TOKEN = "test-token-0123456789"


def seeded_app(db: Path, data_dir: Path) -> tuple[FastAPI, SQLiteStore]:
    store = SQLiteStore.open(db)
    ingest_files(store, find_files([sample_dir()]))
    settings = Settings(SAMKARTA_API_TOKEN=TOKEN, SAMKARTA_DATA_DIR=str(data_dir))
    return create_app(settings, store=store), store


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app, store = seeded_app(tmp_path / "graph.db", tmp_path / "data")
    with TestClient(app) as c:
        yield c
    store.close()


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
