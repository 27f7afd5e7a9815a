"""The collaboration graph: entities linked directly, and how it follows a delta.

Each edge of the projection gives at most one link (a person attended a meeting of a body, a
person represents an organisation, a body handed a question to another or mentioned a project, a
body is in a county), so after a write the links of the removed edges are taken away and those of
the added ones put in, on a copy-on-write graph: no reader's graph changes, and a correction costs
its own links instead of a pass over every edge (seconds at 10,000 meetings).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from samkarta.queries.delta import Applied, GraphCopyOnWrite
from samkarta.queries.view import Snapshot, patches

__all__ = ["Collaboration", "collaboration", "link_of"]

_KIND_ORDER = ("MEMBER_OF", "REPRESENTS", "HANDED_OFF", "MENTIONS", "IN_REGION")
Pair = tuple[str, str]


@dataclass
class Collaboration:
    """The graph and, per linked pair (sorted), how many links of each kind it has."""

    graph: nx.Graph
    kinds: dict[Pair, Counter[str]]


def link_of(snap: Snapshot, u: str, v: str, d: dict[str, Any]) -> tuple[str, str, str] | None:
    """The link an edge of the projection gives (a, b, kind), or None."""
    t, bodies = d["type"], snap.meeting_network
    if t == "ATTENDED" and v in bodies:
        return u, bodies[v], "MEMBER_OF"
    if t == "REPRESENTS":
        return u, v, "REPRESENTS"
    if t == "HANDED_OFF" and u in bodies:
        return bodies[u], v, "HANDED_OFF"
    if t == "MENTIONS" and u in bodies and snap.g.nodes[v]["label"] in ("Project", "Network"):
        return bodies[u], v, "MENTIONS"
    if t == "IN_REGION" and snap.g.nodes[u]["label"] == "Network":
        return u, v, "IN_REGION"
    return None


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def _edge(kinds: Counter[str]) -> dict[str, Any]:
    """A pair's edge: weight all its links, type the kind it has most of (the same whatever the order
    the links were read in)."""
    kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER.index(k)))
    return {"weight": sum(kinds.values()), "type": kind}


def _node_attrs(snap: Snapshot, n: str) -> dict[str, Any]:
    return {k: v for k, v in snap.g.nodes[n].items() if k in ("label", "name", "region")}


def collaboration(snap: Snapshot, since: str | None = None, until: str | None = None) -> Collaboration:
    """Entities linked directly; meetings outside [since, until] (ISO dates) left out."""
    filtered = bool(since or until)
    kinds: dict[Pair, Counter[str]] = {}

    def in_range(meeting: str) -> bool:
        date = snap.g.nodes[meeting].get("date") or ""
        return (not since or date >= since) and (not until or date <= until)

    for u, v, d in snap.g.edges(data=True):
        t = d["type"]
        if filtered:
            meeting = v if t == "ATTENDED" else u if t in ("HANDED_OFF", "MENTIONS") else None
            if meeting is not None and not in_range(meeting):
                continue
            date = d.get("date") or ""
            if t == "REPRESENTS" and ((since and date < since) or (until and date > until)):
                continue
        link = link_of(snap, u, v, d)
        if link is not None:
            kinds.setdefault(_pair(link[0], link[1]), Counter())[link[2]] += 1
    g = nx.Graph()
    for (a, b), counts in kinds.items():
        for n in (a, b):
            if n not in g:
                g.add_node(n, **_node_attrs(snap, n))
        g.add_edge(a, b, **_edge(counts))
    for n in g:
        g.nodes[n]["weight"] = g.degree(n, weight="weight")
    return Collaboration(g, kinds)


@patches("_collab")
def _follow(old: Snapshot, new: Snapshot, applied: Applied) -> Collaboration:
    """The unfiltered collaboration graph of `new` from that of `old` and the delta between them."""
    before: Collaboration = old.__dict__["_collab"]
    kinds = dict(before.kinds)
    changed: set[Pair] = set()
    for snap, edges, step in ((old, applied.removed, -1), (new, applied.added, 1)):
        for u, v, _, d in edges:
            link = link_of(snap, u, v, d)
            if link is None:
                continue
            pair = _pair(link[0], link[1])
            if pair not in changed:
                kinds[pair] = Counter(kinds.get(pair, ()))  # the old snapshot's counter stays as it was
                changed.add(pair)
            kinds[pair][link[2]] += step
    edit = GraphCopyOnWrite(before.graph)
    g = edit.g
    touched = {n for pair in changed for n in pair}
    for pair in changed:
        counts = +kinds[pair]  # only kinds with links left
        a, b = pair
        if counts:
            kinds[pair] = counts
            for n in pair:
                if n not in g:
                    edit.set_node(n, _node_attrs(new, n))
            edit.set_edge(a, b, _edge(counts))
        else:
            del kinds[pair]
            if a in g and b in g._adj[a]:
                edit.remove_edge(a, b)
    for n in touched | (applied.nodes & set(g)):
        if n not in g:
            continue
        if not g._adj[n]:
            edit.remove_node(n)
        else:
            weight = sum(d["weight"] for d in g._adj[n].values()) + (g._adj[n][n]["weight"] if n in g._adj[n] else 0)
            edit.set_node(n, {**_node_attrs(new, n), "weight": weight})
    return Collaboration(g, kinds)
