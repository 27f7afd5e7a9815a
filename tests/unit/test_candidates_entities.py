"""Body and organisation candidates on hand-built graphs: which name matches count, what a county does,
that members and meetings add evidence, and the reasons as the explorer says them in Swedish."""

from __future__ import annotations

import networkx as nx

from samkarta.api.swedish import reason
from samkarta.graph.candidates_entities import candidate_id, entity_candidates


def graph(bodies: dict[str, tuple[str, str | None]], members: dict[str, list[str]] | None = None) -> nx.MultiDiGraph:
    """Bodies by id (name, county), each meeting once with the people given."""
    g = nx.MultiDiGraph()
    for node_id, (name, region) in bodies.items():
        g.add_node(node_id, label="Network", name=name, region=region)
        meeting = f"meeting-{node_id}"
        g.add_node(meeting, label="Meeting", name=meeting)
        g.add_edge(meeting, node_id, type="OF")
        for person in (members or {}).get(node_id, []):
            g.add_node(person, label="Person", name=person)
            g.add_edge(person, meeting, type="ATTENDED")
    return g


def names(g: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    return [(n, d["label"], d["name"]) for n, d in g.nodes(data=True)]


def pairs(g: nx.MultiDiGraph, extra_names: list[tuple[str, str, str]] | None = None) -> dict[frozenset[str], float]:
    return {frozenset((c.node_a, c.node_b)): c.score for c in entity_candidates(g, names(g) + (extra_names or []))}


def test_an_acronym_and_its_expansion_in_one_county_are_proposed() -> None:
    g = graph(
        {"network-a": ("HSN", "Västra Götaland"), "network-b": ("Hälso- och sjukvårdsnämnden", "Västra Götaland")}
    )
    (found,) = entity_candidates(g, names(g))
    assert found.id == candidate_id("network-b", "network-a")
    assert found.reasons == ['"HSN" abbreviates "Hälso- och sjukvårdsnämnden"', "same region (Västra Götaland)"]
    assert found.score == 0.85


def test_bodies_of_two_counties_are_never_proposed_whatever_they_share() -> None:
    g = graph(
        {"network-a": ("Socialchefsnätverket", "Dalarna"), "network-b": ("Socialchefsnätverket", "Västmanland")},
        {"network-a": ["person-1"], "network-b": ["person-1"]},
    )
    assert pairs(g) == {}


def test_without_a_common_county_a_name_needs_members_or_meetings_in_common() -> None:
    bodies = {"network-a": ("Styrgruppen för Barnahus", None), "network-b": ("Styrgruppen för Barnahus", "Dalarna")}
    assert pairs(graph(bodies)) == {}
    shared = graph(bodies, {"network-a": ["person-1", "person-2"], "network-b": ["person-1", "person-2"]})
    assert pairs(shared) == {frozenset(("network-a", "network-b")): 0.8}


def test_a_generic_name_inside_another_says_little() -> None:
    g = graph({"network-a": ("Styrgruppen", "Skåne"), "network-b": ("Styrgruppen för FoU", "Skåne")})
    assert pairs(g) == {}  # 0.2 + 0.25: below the threshold
    rug = graph({"network-a": ("RUG", "Dalarna"), "network-b": ("RUG barn och unga", "Dalarna")})
    assert pairs(rug) == {frozenset(("network-a", "network-b")): 0.7}


def test_an_alias_counts_as_a_name_and_a_judged_pair_is_left_out() -> None:
    g = graph({"network-a": ("Socialchefs nätverket", "Dalarna"), "network-b": ("Chefsgruppen IFO", "Dalarna")})
    assert pairs(g) == {}
    alias = [("network-b", "Network", "Socialchefsnätverket")]
    assert pairs(g, alias) == {frozenset(("network-a", "network-b")): 0.85}
    distinct = [frozenset(("network-a", "network-b"))]
    assert entity_candidates(g, names(g) + alias, distinct) == []


def test_the_reasons_read_in_swedish_in_the_explorer() -> None:
    g = graph(
        {"network-a": ("RUG", "Dalarna"), "network-b": ("RUG barn och unga", "Dalarna")},
        {"network-a": ["person-1"], "network-b": ["person-1"]},
    )
    (found,) = entity_candidates(g, names(g))
    assert [reason(r) for r in found.reasons] == [
        "”RUG” ingår i ”RUG barn och unga”",
        "samma region (Dalarna)",
        "1 gemensam medlem",
    ]
    assert reason("shared members 3") == "3 gemensamma medlemmar" and reason("shared meetings 1") == "1 gemensamt möte"
