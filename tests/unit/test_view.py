"""GraphView: readers keep their snapshot while the next one is made, and no snapshot changes under them."""

from __future__ import annotations

import time
from pathlib import Path

from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.ingest import ingest_files
from samkarta.queries.view import GraphView
from tests.contract.entities_contract import MINUTES, OTHER


def test_a_reader_never_waits_for_the_next_snapshot(tmp_path: Path) -> None:
    store = SQLiteStore.open(tmp_path / "graph.db")
    first, second = tmp_path / "lansgrupp.txt", tmp_path / "familjehem.txt"
    first.write_text(MINUTES, encoding="utf-8")
    second.write_text(OTHER, encoding="utf-8")
    ingest_files(store, [first], workers=1)
    view = GraphView(store)
    old = view.current()
    seen = (dict(old.g.nodes(data=True)), sorted(old.g.edges(keys=True)))
    ingest_files(store, [second], workers=1)  # as another process would: the view learns of it when asked
    with view._lock:  # the next snapshot cannot be made meanwhile
        start = time.perf_counter()
        got = view.current()
        waited = time.perf_counter() - start
    assert got is old and waited < 0.5
    view._building.join(10)  # type: ignore[union-attr]
    new = view.current()
    assert new.version == store.version() != old.version
    assert {"Lisa Holm"} <= {d["name"] for _, d in new.g.nodes(data=True)} - {
        d["name"] for _, d in old.g.nodes(data=True)
    }
    assert (dict(old.g.nodes(data=True)), sorted(old.g.edges(keys=True))) == seen
    store.close()
