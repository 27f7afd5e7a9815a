"""GraphView: readers keep their snapshot while the next one is made, and no snapshot changes under them."""

from __future__ import annotations

import multiprocessing
import threading
import time
from pathlib import Path

import pytest

from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.ingest import ingest_files
from samkarta.queries.brokers import BrokerScores
from samkarta.queries.view import GraphView, Snapshot
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


def test_the_brokers_follow_a_write_in_the_background_and_no_read_waits_for_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SQLiteStore.open(tmp_path / "graph.db")
    first, second = tmp_path / "lansgrupp.txt", tmp_path / "familjehem.txt"
    first.write_text(MINUTES, encoding="utf-8")
    second.write_text(OTHER, encoding="utf-8")
    ingest_files(store, [first], workers=1)
    view = GraphView(store, brokers_in_background=True)
    assert view.scores is not None
    view.scores.background_from = 0  # in the worker process however small the graph
    try:
        old = view.refresh()
        assert old.brokers == old.betweenness != {}  # the first scores are waited for
        assert view.scores.version() == old.version
        go_on = threading.Event()
        compute = BrokerScores._compute

        def slow(self: BrokerScores, snap: Snapshot) -> dict[str, float]:
            go_on.wait(30)  # a computation that takes long
            return compute(self, snap)

        monkeypatch.setattr(BrokerScores, "_compute", slow)
        ingest_files(store, [second], workers=1)
        new = view.refresh()  # the write's snapshot: its scores are being computed, in the worker
        start = time.perf_counter()
        served = new.brokers
        waited = time.perf_counter() - start
        assert served == old.brokers and waited < 0.1  # meanwhile the previous scores, at once
        assert view.scores.version() == old.version
        go_on.set()
        deadline = time.perf_counter() + 30
        while view.scores.version() != new.version and time.perf_counter() < deadline:
            time.sleep(0.02)
        assert view.scores.version() == new.version
        expected = GraphView(store).current().brokers  # computed in this process, read whole
        assert new.brokers == expected and set(expected) - set(old.brokers)  # the new minutes' people
    finally:
        view.close()
        store.close()


def test_no_worker_process_starts_once_the_brokers_are_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A computation starting as the app shuts down used to start a worker process after close()
    (at interpreter exit a SemLock traceback); now close() wins and the scores come from here."""
    store = SQLiteStore.open(tmp_path / "graph.db")
    minutes = tmp_path / "lansgrupp.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    ingest_files(store, [minutes], workers=1)
    view = GraphView(store, brokers_in_background=True)
    scores = view.scores
    assert scores is not None
    scores.background_from = 0
    starting, closed = threading.Event(), threading.Event()
    executor = BrokerScores._executor

    def late(self: BrokerScores) -> object:  # the worker thread about to start the worker process
        starting.set()
        closed.wait(30)
        return executor(self)

    monkeypatch.setattr(BrokerScores, "_executor", late)
    served: list[dict[str, float]] = []
    reader = threading.Thread(target=lambda: served.append(view.current().brokers))
    reader.start()
    assert starting.wait(30)
    closer = threading.Thread(target=view.close)
    closer.start()
    deadline = time.perf_counter() + 30
    while not scores._closed and time.perf_counter() < deadline:
        time.sleep(0.01)
    closed.set()
    closer.join(30)
    reader.join(30)
    assert not closer.is_alive() and not reader.is_alive()
    assert scores._pool is None and multiprocessing.active_children() == []
    assert served == [view.current().betweenness] and served[0] != {}
    store.close()
