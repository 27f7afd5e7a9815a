"""The brokers' betweenness of a view's snapshots, computed where no reader waits for it.

Betweenness cannot be patched by a delta (one removed attendance can change every shortest path),
and at 10,000 meetings it takes seconds even in C. So in the API the scores of the newest snapshot
that has them are served for every newer snapshot while the newest one's are computed, in a worker
process: igraph holds the GIL while it computes, and in a thread of the API it would stall every
read. After a write the computation starts at once (once anyone has asked for brokers), so the
brokers' view follows a write by the time the computation takes; writes that come meanwhile are
gathered into the next computation, so at most one runs at a time. Only the very first request
waits, for the first scores (other requests go on meanwhile).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import networkx as nx

from samkarta.queries.centrality import betweenness_of_edges

if TYPE_CHECKING:
    from samkarta.queries.view import Snapshot

BROKER_LABELS = ("Person", "Organization", "Municipality")
SAMPLE_FROM = 2000  # membership nodes; a larger graph's betweenness is estimated from sampled sources
SAMPLED_SOURCES = 400  # the estimate's k (sources drawn from the sorted nodes with SEED)
SEED = 7
WORKER_NICE = 10  # the worker process's priority below the API's (os.nice)
BACKGROUND_FROM = 2000  # membership nodes; a smaller graph takes milliseconds and is computed at once


def _inputs(m: nx.Graph) -> tuple[list[str], list[tuple[int, int]], int | None]:
    """The membership graph as plain data for another process: sorted nodes, edges by index, k."""
    nodes = sorted(m.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    k = SAMPLED_SOURCES if len(nodes) > SAMPLE_FROM else None
    return nodes, [(index[u], index[v]) for u, v in m.edges()], k


def _brokers_of(m: nx.Graph, nodes: list[str], values: list[float]) -> dict[str, float]:
    return {n: s for n, s in zip(nodes, values, strict=True) if m.nodes[n]["label"] in BROKER_LABELS}


def broker_scores(m: nx.Graph) -> dict[str, float]:
    """Betweenness of people and organisations on the membership graph, computed here and now."""
    nodes, edges, k = _inputs(m)
    return _brokers_of(m, nodes, betweenness_of_edges(len(nodes), edges, k, SEED))


class BrokerScores:
    """The brokers' scores for one view's snapshots (GraphView(brokers_in_background=True))."""

    def __init__(self, background_from: int = BACKGROUND_FROM) -> None:
        self.background_from = background_from
        self._cond = threading.Condition()
        self._latest: tuple[int, dict[str, float]] | None = None  # (version, scores), the newest computed
        self._wanted: Snapshot | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._closed = False
        self.computed = 0  # how many computations finished (benchmarks and tests)
        self.seconds: list[float] = []  # how long each took, in the worker and around it

    def of(self, snap: Snapshot) -> dict[str, float]:
        """The snapshot's own scores when computed; otherwise the newest computed, while the
        snapshot's are computed in the background (only the first request waits)."""
        own = snap.__dict__.get("betweenness")
        if own is not None:
            return own  # type: ignore[no-any-return]
        if snap.membership.number_of_nodes() < self.background_from:
            return snap.betweenness
        with self._cond:
            if self._latest is None or self._latest[0] < snap.version:
                self._want(snap)
            while self._latest is None:
                if self._error is not None:
                    raise self._error
                self._cond.wait()
            return self._latest[1]

    def follow(self, snap: Snapshot) -> None:
        """A new snapshot was published: compute its scores now, if anyone has asked for scores."""
        with self._cond:
            if self._latest is not None and self._latest[0] < snap.version:
                self._want(snap)

    def version(self) -> int | None:
        """The graph version of the newest scores computed (None before the first)."""
        with self._cond:
            return None if self._latest is None else self._latest[0]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _want(self, snap: Snapshot) -> None:
        if self._wanted is None or self._wanted.version < snap.version:
            self._wanted = snap
        self._error = None
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="samkarta-brokers", daemon=True)
            self._thread.start()
        self._cond.notify_all()

    def _work(self) -> None:
        while True:
            with self._cond:
                while self._wanted is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                snap, self._wanted = self._wanted, None
            assert snap is not None
            started = time.perf_counter()
            try:
                scores = self._compute(snap)
            except Exception as e:  # noqa: BLE001 - handed to the request waiting for the first scores
                with self._cond:
                    self._error = e
                    self._cond.notify_all()
                continue
            with self._cond:
                snap.__dict__["betweenness"] = scores
                if self._latest is None or self._latest[0] < snap.version:
                    self._latest = (snap.version, scores)
                self.computed += 1
                self.seconds.append(time.perf_counter() - started)
                self._cond.notify_all()

    def _compute(self, snap: Snapshot) -> dict[str, float]:
        m = snap.membership
        nodes, edges, k = _inputs(m)
        try:
            values = self._executor().submit(betweenness_of_edges, len(nodes), edges, k, SEED).result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): a new one next time
            with self._cond:
                self._pool = None
            raise
        return _brokers_of(m, nodes, values)

    def _executor(self) -> ProcessPoolExecutor:
        with self._cond:
            if self._pool is None:
                # spawned, not forked: the API process has threads, and a fork would copy its heap;
                # niced, so on a busy machine the scores wait rather than the API's reads and writes
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=os.nice,
                    initargs=(WORKER_NICE,),
                )
            return self._pool
