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
from itertools import chain
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from samkarta.queries.centrality import betweenness_of_edges

if TYPE_CHECKING:
    from samkarta.queries.view import Snapshot

BROKER_LABELS = ("Person", "Organization", "Municipality")
SAMPLE_FROM = 2000  # membership nodes; a larger graph's betweenness is estimated from sampled sources
SAMPLED_SOURCES = 400  # the estimate's k (sources drawn from the sorted nodes with SEED)
SEED = 7
WORKER_NICE = 10  # the worker process's priority below the API's (os.nice)
BACKGROUND_FROM = 2000  # membership nodes; a smaller graph takes milliseconds and is computed at once


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


class _Closed(Exception):
    """The scores were closed while a computation was starting."""


class _Plain:
    """The membership graph as plain data for the worker process: sorted nodes, edges by index.

    Kept from one version to the next: a snapshot shares the adjacency dicts a write did not touch
    (queries/delta.py), so a node whose dict is the same object as before keeps its edges by index
    and only the few a write touched are looked up again (all 40,000 edges took 45-120 ms of the
    API's GIL at 10,000 meetings; this takes a few)."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        self.index: dict[str, int] = {}
        self.brokers: list[bool] = []
        self._rows: dict[str, tuple[dict[str, Any], list[int]]] = {}  # node -> (its adjacency, larger neighbours)

    def of(self, m: nx.Graph) -> tuple[int, NDArray[np.int64], int | None]:
        """(nodes, edges by index, k) of `m`."""
        if m._node.keys() != self.index.keys():
            self.nodes = sorted(m._node)
            self.index = {n: i for i, n in enumerate(self.nodes)}
            self.brokers = [m._node[n]["label"] in BROKER_LABELS for n in self.nodes]  # an id keeps its label
            self._rows = {}
        index, old, rows = self.index, self._rows, {}
        for u, nbrs in m._adj.items():
            row = old.get(u)
            if row is None or row[0] is not nbrs:
                i = index[u]
                row = (nbrs, [j for j in (index[v] for v in nbrs) if j > i])
            rows[u] = row
        self._rows = rows
        degree = np.fromiter((len(r[1]) for r in rows.values()), dtype=np.int64, count=len(rows))
        first = np.repeat(np.fromiter((index[u] for u in rows), dtype=np.int64, count=len(rows)), degree)
        second = np.fromiter(chain.from_iterable(r[1] for r in rows.values()), dtype=np.int64, count=len(first))
        k = SAMPLED_SOURCES if len(self.nodes) > SAMPLE_FROM else None
        return len(self.nodes), np.column_stack([first, second]), k

    def hubs(self) -> list[bool]:
        """The bodies: the membership graph joins each person or organisation to bodies only."""
        return [not b for b in self.brokers]

    def scores(self, values: list[float]) -> dict[str, float]:
        """The brokers' scores among a computation's values (by the sorted nodes)."""
        return {n: s for n, s, b in zip(self.nodes, values, self.brokers, strict=True) if b}


def broker_scores(m: nx.Graph) -> dict[str, float]:
    """Betweenness of people and organisations on the membership graph, computed here and now."""
    plain = _Plain()
    n, edges, k = plain.of(m)
    return plain.scores(betweenness_of_edges(n, edges, k, SEED, plain.hubs()))


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
        self._plain = _Plain()  # used by the computing thread only
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
            while self._latest is None and not self._closed:
                if self._error is not None:
                    raise self._error
                self._cond.wait()
            if self._latest is not None:
                return self._latest[1]
        return snap.betweenness  # closed before any scores: computed here

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
        """Stop computing: no worker process is started from now on, and the one computing (if any)
        is waited for, so none is left starting while the interpreter shuts down."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            pool, self._pool = self._pool, None
            thread = self._thread
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)  # the computation under way: under a second
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _want(self, snap: Snapshot) -> None:
        if self._closed:
            return
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
            except _Closed:
                return
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
        n, edges, k = self._plain.of(snap.membership)
        try:
            values = self._executor().submit(betweenness_of_edges, n, edges, k, SEED, self._plain.hubs()).result()
        except BrokenProcessPool:  # the worker died (killed, out of memory): a new one next time
            with self._cond:
                self._pool = None
            raise
        return self._plain.scores(values)

    def _executor(self) -> ProcessPoolExecutor:
        with self._cond:
            if self._closed:  # closed while this computation was starting: start no process
                raise _Closed
            if self._pool is None:
                # one BLAS thread in the worker: numpy's products are small, and OpenBLAS's threads
                # spin, doubling the CPU on a shared machine for no gain (read when the worker starts)
                for name in BLAS_THREADS:
                    os.environ.setdefault(name, "1")
                # spawned, not forked: the API process has threads, and a fork would copy its heap;
                # niced, so on a busy machine the scores wait rather than the API's reads and writes
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=os.nice,
                    initargs=(WORKER_NICE,),
                )
            return self._pool
