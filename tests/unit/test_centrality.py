"""queries.centrality gives networkx's betweenness, exact and sampled, whatever the node order."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from samkarta.queries.centrality import betweenness, betweenness_of_edges


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


def _twins_and_leaves(seed: int) -> nx.Graph:
    """A membership-like graph full of twins (people in the same bodies) and leaves, with a second
    component, a body whose members are all leaves and a node on its own."""
    g = _membership(seed, people=200, bodies=12)
    rng = random.Random(seed)
    for i in range(60):  # more people in exactly the bodies of someone already there
        twin_of = f"p{rng.randrange(200)}"
        for body in list(g[twin_of]):
            g.add_edge(f"t{i}", body, weight=1)
    for i in range(8):
        g.add_edge(f"leaf{i}", "b-star", weight=1)
    g.add_edge("x1", "y1", weight=1)
    g.add_edge("x2", "y1", weight=1)
    g.add_node("alone")
    return g


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("k", [None, 3, 50])
def test_bipartite_graphs_are_counted_on_their_small_side_with_the_same_scores(seed: int, k: int | None) -> None:
    import igraph

    from samkarta.queries.centrality import _hubs, _scales

    g = _twins_and_leaves(seed)
    ours = betweenness(g, k=k, seed=7)
    theirs = nx.betweenness_centrality(_sorted(g), k=k, normalized=True, seed=7)  # Brandes on the whole graph
    assert set(ours) == set(theirs)
    assert max(abs(ours[n] - theirs[n]) for n in theirs) < 1e-12
    # and igraph's Brandes over the whole graph, from the same sources (what the API computed before)
    nodes = sorted(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    sources = None if k is None else sorted(random.Random(7).sample(range(len(nodes)), k))
    whole = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
    assert _hubs(whole) is not None  # the bipartite way was taken
    raw = whole.betweenness(directed=False, sources=sources)
    by_igraph = [2 * b * s for b, s in zip(raw, _scales(len(nodes), sources), strict=True)]
    assert max(abs(ours[n] - by_igraph[index[n]]) for n in nodes) < 1e-12
    twins = [n for n in g if n.startswith("t")]
    assert any(ours[n] > 0 for n in twins)  # twins can be brokers too


def test_graphs_that_are_not_bipartite_are_counted_whole() -> None:
    import igraph

    from samkarta.queries.centrality import _hubs

    g = _membership(5)
    body = next(iter(g["p1"]))
    g.add_edge("p1", "p2", weight=1)
    g.add_edge("p2", body, weight=1)  # a triangle
    nodes = sorted(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    assert _hubs(igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])) is None
    ours = betweenness(g, k=40, seed=7)
    theirs = nx.betweenness_centrality(_sorted(g), k=40, normalized=True, seed=7)
    assert max(abs(ours[n] - theirs[n]) for n in theirs) < 1e-12


def test_hubs_the_caller_names_are_checked() -> None:
    g = _twins_and_leaves(4)
    nodes = sorted(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in g.edges()]
    bodies = [n.startswith("b") or n == "y1" for n in nodes]
    alone = betweenness_of_edges(len(nodes), edges, 30)
    assert betweenness_of_edges(len(nodes), edges, 30, hubs=bodies) == alone
    wrong = [n.startswith("p") for n in nodes]  # people are joined to bodies, not to each other: no bipartition
    assert (
        max(abs(a - b) for a, b in zip(betweenness_of_edges(len(nodes), edges, 30, hubs=wrong), alone, strict=True))
        < 1e-12
    )
