"""A county's collaboration structure: which of its municipalities take part in which of its bodies,
and which take part in none (the gaps a region view is for)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from samkarta.queries import questions as q
from samkarta.queries.view import Snapshot
from samkarta.reference import load_reference


def region_graph(snap: Snapshot, county: str) -> nx.Graph:
    """Municipalities against the county's bodies their people attended (edge weight: attendances),
    plus every municipality of the county in none of them (gap=True; no node id of the graph when
    the minutes never name it)."""
    collab = q.collaboration_graph(snap)
    g = nx.Graph()
    for person, meetings in snap.attendance.items():
        munis = [
            v
            for _, v, d in snap.g.out_edges(person, data=True)
            if d["type"] == "REPRESENTS" and snap.g.nodes[v]["label"] == "Municipality"
        ]
        for muni in munis:
            for meeting, _ in meetings:
                net = snap.meeting_network.get(meeting)
                if net and snap.g.nodes[net].get("region") == county:
                    for n in (muni, net):
                        g.add_node(n, label=snap.g.nodes[n]["label"], name=snap.g.nodes[n]["name"])
                    w = g.get_edge_data(muni, net, {"weight": 0})["weight"]
                    g.add_edge(muni, net, weight=w + 1, type="TAKES_PART")
    for n in g:
        g.nodes[n]["weight"] = collab.nodes[n]["weight"] if n in collab else 1
    _add_gaps(g, snap, county)
    return g


def _add_gaps(g: nx.Graph, snap: Snapshot, county: str) -> None:
    in_graph = {d["name"]: n for n, d in snap.g.nodes(data=True) if d["label"] == "Municipality"}
    shown = {d.get("name") for _, d in g.nodes(data=True)}
    for muni in load_reference().municipalities.values():
        if muni.county == county and muni.name not in shown:
            named = in_graph.get(muni.name)
            node = named or f"municipality-{muni.code}"
            g.add_node(node, label="Municipality", name=muni.name, weight=1, gap=True, named=named is not None)


def regions(snap: Snapshot) -> list[dict[str, Any]]:
    """Every region in the graph with how many bodies and municipalities of its county it holds."""
    bodies: Counter[str] = Counter()
    munis: Counter[str] = Counter()
    for _, d in snap.g.nodes(data=True):  # one pass, not one per region
        if d["label"] == "Network" and d.get("region"):
            bodies[d["region"]] += 1
        elif d["label"] == "Municipality" and d.get("county"):
            munis[d["county"]] += 1
    rows = [
        {"id": n, "name": d["name"], "bodies": bodies[d["name"]], "municipalities": munis[d["name"]]}
        for n, d in snap.g.nodes(data=True)
        if d["label"] == "Region"
    ]
    return sorted(rows, key=lambda r: r["name"])


def county_coverage(snap: Snapshot, county: str) -> list[dict[str, Any]]:
    """Every municipality of the county (reference order by name) with whether it takes part in one of
    the county's bodies, as the region view computes it: code, name, node id (None when the minutes
    never name it), takes_part, and the bodies it takes part in."""
    g = region_graph(snap, county)
    shown = {d["name"]: n for n, d in g.nodes(data=True) if d["label"] == "Municipality"}
    rows = []
    for muni in sorted(load_reference().municipalities.values(), key=lambda m: m.name):
        if muni.county != county:
            continue
        node = shown.get(muni.name)
        gap = node is None or g.nodes[node].get("gap", False)
        rows.append(
            {
                "code": muni.code,
                "name": muni.name,
                "id": node if node is not None and (not gap or g.nodes[node].get("named")) else None,
                "takes_part": not gap,
                "bodies": [] if gap else sorted(g.nodes[b]["name"] for b in g[node]),
            }
        )
    return rows


def sweden_coverage(snap: Snapshot) -> list[dict[str, Any]]:
    """Every municipality of Sweden as in `county_coverage`, each against the bodies of its own county."""
    counties = sorted({m.county for m in load_reference().municipalities.values()})
    return [row for county in counties for row in county_coverage(snap, county)]
