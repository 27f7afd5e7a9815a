"""Betweenness centrality as a plain function, computed by igraph (C) rather than networkx (Python).

networkx's sampled betweenness takes minutes on the membership graph of 10,000 meetings; igraph's
subset betweenness from the same sampled sources gives the same scores (to float rounding) some
thirty times faster. Sources are drawn from the sorted nodes, so the scores do not depend on the
order the graph was built in (a snapshot patched by deltas and one read whole agree).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from samkarta.queries.bipartite_centrality import Split

if TYPE_CHECKING:
    import igraph

__all__ = ["betweenness", "betweenness_of_edges"]

MAX_HUBS = 3000  # a bipartite graph's smaller side up to this is searched alone (a 72 MB matrix at most)


def betweenness(g: nx.Graph, k: int | None = None, seed: int = 7) -> dict[str, float]:
    """Normalised betweenness of an undirected graph, unweighted, endpoints excluded, as
    networkx.betweenness_centrality(g, k=k, normalized=True) with `k` sources sampled by `seed`
    (all nodes if None)."""
    nodes = sorted(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in g.edges()]
    return dict(zip(nodes, betweenness_of_edges(len(nodes), edges, k, seed), strict=True))


def betweenness_of_edges(
    n: int,
    edges: Sequence[tuple[int, int]] | NDArray[np.int64],
    k: int | None = None,
    seed: int = 7,
    hubs: Sequence[bool] | None = None,
) -> list[float]:
    """betweenness() of the graph of nodes 0..n-1 and these edges, each once (plain data, so another
    process can compute it). `hubs`, if the caller knows the graph is bipartite, marks its small side
    (checked: a graph that is not so is counted whole)."""
    if n < 3:
        return [0.0] * n
    sources = None if k is None or k >= n else sorted(random.Random(seed).sample(range(n), k))
    hub = _given_hubs(n, edges, hubs)
    g = None
    if hub is None:
        import igraph  # noqa: PLC0415 - a compiled library, loaded only where scores are computed

        g = igraph.Graph(n=n, edges=edges.tolist() if isinstance(edges, np.ndarray) else edges)
        hub = _hubs(g)
    scales = _scales(n, sources)
    if hub is not None:  # a bipartite graph with a small side: searched over that side alone
        raw = Split(n, edges, hub).dependencies(range(n) if sources is None else sources)
        return (raw * scales).tolist()  # type: ignore[no-any-return]
    # igraph counts each unordered pair once; networkx sums over ordered (source, target) pairs
    assert g is not None
    return (2 * np.array(g.betweenness(directed=False, sources=sources)) * scales).tolist()  # type: ignore[no-any-return]


def _given_hubs(
    n: int, edges: Sequence[tuple[int, int]] | NDArray[np.int64], hubs: Sequence[bool] | None
) -> NDArray[np.bool_] | None:
    """The caller's hubs, if every edge joins a hub and a node that is none, and they are few enough."""
    if hubs is None:
        return None
    hub = np.array(hubs, dtype=bool).reshape(n)
    pairs = np.array(edges, dtype=np.int64).reshape(-1, 2)
    if (hub[pairs[:, 0]] == hub[pairs[:, 1]]).any() or hub.sum() > MAX_HUBS:
        return None
    return hub


def _hubs(g: igraph.Graph) -> NDArray[np.bool_] | None:
    """The smaller side of each component of a bipartite graph, or None when the graph is not
    bipartite or that side is too large for its (hubs x hubs) matrix."""
    bipartite, side = g.is_bipartite(return_types=True)
    if not bipartite:
        return None
    side = np.array(side, dtype=bool)
    component = np.array(g.connected_components().membership)
    on_one_side = np.bincount(component, weights=side)
    flip = on_one_side > np.bincount(component) - on_one_side  # that side the larger: the other is the hubs
    hub = side ^ flip[component]
    return hub if hub.sum() <= MAX_HUBS else None


def _scales(n: int, sources: list[int] | None) -> NDArray[np.float64]:
    """networkx's normalisation: by the (source, target) pairs a path through a node could join,
    where a sampled source cannot be its own target (networkx 3.5+)."""
    pairs = n - 1  # targets other than the node itself, endpoints excluded
    if sources is None:
        return np.full(n, 1 / (pairs * (pairs - 1)))
    k = len(sources)
    out = np.full(n, 1 / (k * (pairs - 1)))
    out[sources] = 1 / ((k - 1) * (pairs - 1))
    return out
