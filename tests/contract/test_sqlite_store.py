"""The contract on the embedded SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from samkarta.graph.sqlite_store import SQLiteStore
from tests.contract.store_contract import StoreContract


class TestSQLiteStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[SQLiteStore]:
        store = SQLiteStore.open(tmp_path / "graph.db")
        yield store
        store.close()

    def forget_document_index(self, store: SQLiteStore) -> None:
        store._conn.execute("DELETE FROM doc_fts")
        store._conn.execute("DELETE FROM meta WHERE key = 'document_search'")
