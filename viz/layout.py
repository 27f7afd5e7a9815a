"""Server-side layout for large views, and a small LRU cache for computed positions.

Big views are laid out here (igraph's Fruchterman-Reingold: ~0.2 s for 2,000 nodes / 4,000 edges) so the
browser can draw them at once with physics off, instead of running a force simulation for many seconds.
"""

from __future__ import annotations

import math
import random
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Iterator, MutableMapping, Sequence

Positions = dict[str, tuple[float, float]]

# The grid variant: ~0.04 s for 500 nodes, 0.17 s for 2,000; the exact one takes 1.1 s at 999 nodes.
# Canvas pixels per unit of sqrt(node count): keeps the average spacing roughly constant as views grow.
_SPREAD = 55.0
_IGRAPH_RNG_LOCK = threading.Lock()


class LayoutCache(MutableMapping[Hashable, Positions]):
    """A thread-safe, bounded mapping ``key -> {node id: (x, y)}`` that drops the least recently used entry.

    The API keeps one per process and passes ``cache_key`` = e.g. ``f"{graph_version}:{view_key}"`` to
    :func:`samkarta.viz.render`; positions are reused only when they cover every node of the view.
    """

    def __init__(self, max_entries: int = 64) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._data: OrderedDict[Hashable, Positions] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __getitem__(self, key: Hashable) -> Positions:
        with self._lock:
            value = self._data[key]
            self._data.move_to_end(key)
            return value

    def __setitem__(self, key: Hashable, value: Positions) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def __delitem__(self, key: Hashable) -> None:
        with self._lock:
            del self._data[key]

    def __iter__(self) -> Iterator[Hashable]:
        with self._lock:
            return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def lookup(self, key: Hashable, ids: Iterable[str]) -> Positions | None:
        """Positions under ``key`` if they cover all ``ids``; counts hits and misses."""
        try:
            positions = self[key]
        except KeyError:
            positions = None
        if positions is not None and all(i in positions for i in ids):
            self.hits += 1
            return positions
        self.misses += 1
        return None

    def __repr__(self) -> str:
        return f"LayoutCache({len(self)}/{self.max_entries} entries, hits={self.hits}, misses={self.misses})"


def compute_layout(ids: Sequence[str], edges: Iterable[tuple[str, str, float]], *, seed: int = 7) -> Positions:
    """Positions in canvas pixels for ``ids``, centred on 0, deterministic for the same input.

    ``edges`` are ``(source, target, weight)`` between members of ``ids``; weights pull harder. Nodes without
    edges go on a ring around the rest, and far-flung small components are pulled in, so that the connected
    part is not shrunk to a dot when the view is fitted.
    """
    index = {node: i for i, node in enumerate(ids)}
    pairs: list[tuple[int, int]] = []
    weights: list[float] = []
    for u, v, w in edges:
        if u != v:
            pairs.append((index[u], index[v]))
            weights.append(max(0.1, min(float(w), 10.0)))
    linked = sorted({i for pair in pairs for i in pair})
    linked_set = set(linked)
    lone = [node for i, node in enumerate(ids) if i not in linked_set]
    core = _force_layout([ids[i] for i in linked], pairs, weights, linked, seed)
    return core | _ring(lone, core)


def _force_layout(
    ids: list[str], pairs: list[tuple[int, int]], weights: list[float], linked: list[int], seed: int
) -> Positions:
    n = len(ids)
    if n == 0:
        return {}
    remap = {old: new for new, old in enumerate(linked)}
    pairs = [(remap[a], remap[b]) for a, b in pairs]
    rng = random.Random(seed)
    start = [[rng.uniform(-1, 1) * math.sqrt(n), rng.uniform(-1, 1) * math.sqrt(n)] for _ in range(n)]
    try:
        import igraph
    except ImportError:  # pragma: no cover - igraph is a dependency; this keeps a broken install usable
        coords = _networkx_layout(n, pairs, seed)
    else:
        g = igraph.Graph(n=n, edges=pairs)
        # igraph draws from one process-wide random generator; swap in a seeded one so a view always gets the
        # same picture, under a lock because the API may lay out views in parallel threads.
        with _IGRAPH_RNG_LOCK:
            igraph.set_random_number_generator(random.Random(seed))
            try:
                coords = g.layout_fruchterman_reingold(
                    weights=weights or None, seed=start, niter=500, grid="grid"
                ).coords
            finally:
                igraph.set_random_number_generator(random)
    return _scale(ids, coords)


def _networkx_layout(n: int, pairs: list[tuple[int, int]], seed: int) -> list[list[float]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(pairs)
    pos = nx.spring_layout(g, seed=seed, iterations=30)
    return [list(pos[i]) for i in range(n)]


def _scale(ids: Sequence[str], coords: Sequence[Sequence[float]]) -> Positions:
    """Centre on the median, size the bulk (95 % of nodes) to the target radius, pull outliers to its edge."""
    n = len(ids)
    xs = sorted(c[0] for c in coords)
    ys = sorted(c[1] for c in coords)
    cx, cy = xs[n // 2], ys[n // 2]
    dists = sorted(math.hypot(x - cx, y - cy) for x, y in coords)
    bulk = dists[min(n - 1, int(n * 0.95))] or 1.0
    k = _radius(n) / bulk
    out: Positions = {}
    for node, (x, y) in zip(ids, coords, strict=True):
        dx, dy = (x - cx) * k, (y - cy) * k
        d = math.hypot(dx, dy)
        limit = _radius(n) * 1.1
        if d > limit:  # a small component flung away by repulsion
            dx, dy = dx * limit / d, dy * limit / d
        out[node] = (round(dx, 1), round(dy, 1))
    return out


def _radius(n: int) -> float:
    return _SPREAD * math.sqrt(n)


def _ring(ids: list[str], core: Positions) -> Positions:
    """Nodes without edges, in rings just outside ``core``."""
    if not ids:
        return {}
    if not core and len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    r0 = max((math.hypot(x, y) for x, y in core.values()), default=0.0) + 60.0
    out: Positions = {}
    i, ring = 0, 0
    while i < len(ids):
        r = r0 + ring * 45.0
        slots = min(max(6, int(2 * math.pi * r / 40.0)), len(ids) - i)
        for j in range(slots):
            a = 2 * math.pi * j / slots
            out[ids[i]] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
            i += 1
        ring += 1
    return out
