"""queries.centrality gives networkx's betweenness, exact and sampled, whatever the node order."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from samkarta.queries.centrality import betweenness


def _membership(seed: int, people: int = 300, bodies: int = 25) -> nx.Graph:
    """People and organisations against bodies, like Snapshot.membership."""
    rng = random.Random(seed)
    g = nx.Graph()
    for i in range(people):
        for b in rng.sample(range(bodies), rng.choice([1, 1, 2, 3])):
            g.add_edge(f"p{i}", f"b{b}", weight=1)
    g.add_edge("lonely", "b-alone", weight=1)  # a component of its own
    return g


def _sorted(g: nx.Graph) -> nx.Graph:
    out = nx.Graph()
    out.add_nodes_from(sorted(g.nodes()))
    out.add_edges_from(g.edges(data=True))
    return out


@pytest.mark.parametrize("k", [None, 40])
def test_the_scores_are_those_of_networkx(k: int | None) -> None:
    g = _membership(3)
    ours = betweenness(g, k=k, seed=7)
    theirs = nx.betweenness_centrality(_sorted(g), k=k, normalized=True, seed=7)
    assert set(ours) == set(theirs)
    assert max(abs(ours[n] - theirs[n]) for n in theirs) < 1e-12
    assert max(theirs.values()) > 0.01  # bodies bridge people: something to compare


def test_the_order_the_graph_was_built_in_does_not_matter() -> None:
    g = _membership(4)
    edges = list(g.edges())
    random.Random(1).shuffle(edges)
    shuffled = nx.Graph(edges)
    assert betweenness(g, k=30) == betweenness(shuffled, k=30)


def test_tiny_graphs() -> None:
    assert betweenness(nx.Graph()) == {}
    assert betweenness(nx.Graph([("a", "b")])) == {"a": 0.0, "b": 0.0}
    assert betweenness(nx.path_graph(["a", "b", "c"])) == {"a": 0.0, "b": 1.0, "c": 0.0}
