"""The contract on the embedded SQLite store."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from samkarta.graph.model import Judgement
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


def test_a_store_from_before_named_writers_gets_their_column_and_keeps_its_judgements(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:  # the judgements table as stores created before writers have it
        old.execute(
            "CREATE TABLE judgements (key_a TEXT NOT NULL, key_b TEXT NOT NULL, decision TEXT NOT NULL, "
            "reason TEXT NOT NULL, decided_at TEXT NOT NULL, PRIMARY KEY (key_a, key_b))"
        )
        old.execute("INSERT INTO judgements VALUES ('a|x', 'b|y', 'rejected', 'två personer', '2025-05-01')")
    old.close()
    store = SQLiteStore.open(path)
    try:
        kept = Judgement(key_a="a|x", key_b="b|y", decision="rejected", reason="två personer", decided_at="2025-05-01")
        assert store.judgements() == [kept]
        store.save_judgement(
            Judgement(key_a="c|x", key_b="d|y", decision="accepted", decided_at="2026-01-01", decided_by="Anna Berg")
        )
        assert [j.decided_by for j in store.judgements()] == ["", "Anna Berg"]
    finally:
        store.close()
    again = SQLiteStore.open(path)  # opening again adds nothing twice
    try:
        assert [j.decided_by for j in again.judgements()] == ["", "Anna Berg"]
    finally:
        again.close()
