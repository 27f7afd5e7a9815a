"""Cached networkx projections of a store, rebuilt only when the graph's version changes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from samkarta.graph.store import GraphStore

# The graph queries need: everything except documents and agenda-item texts (found by full-text search).
SOCIAL_LABELS = {
    "Person",
    "Meeting",
    "Network",
    "Organization",
    "Municipality",
    "Region",
    "Project",
    "Decision",
    "Action",
}
SOCIAL_TYPES = {
    "ATTENDED",
    "ABSENT_FROM",
    "OF",
    "REPRESENTS",
    "IN_REGION",
    "MENTIONS",
    "HANDED_OFF",
    "DECIDED",
    "HAS_ACTION",
    "ASSIGNED_TO",
}


@dataclass
class Snapshot:
    """One version of the graph with the derived structures queries need, built lazily once."""

    version: int
    g: nx.MultiDiGraph
    names: list[tuple[str, str, str]]
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def meeting_network(self) -> dict[str, str]:
        """Meeting id -> the body that met."""
        return {u: v for u, v, d in self.g.edges(data=True) if d["type"] == "OF"}

    @cached_property
    def attendance(self) -> dict[str, list[tuple[str, dict[str, object]]]]:
        """Person id -> [(meeting id, edge data)] for meetings they attended."""
        out: dict[str, list[tuple[str, dict[str, object]]]] = {}
        for u, v, d in self.g.edges(data=True):
            if d["type"] == "ATTENDED":
                out.setdefault(u, []).append((v, d))
        return out

    @cached_property
    def attendees(self) -> dict[str, set[str]]:
        """Meeting id -> people who attended it."""
        out: dict[str, set[str]] = {}
        for person, meetings in self.attendance.items():
            for meeting, _ in meetings:
                out.setdefault(meeting, set()).add(person)
        return out

    @cached_property
    def membership(self) -> nx.Graph:
        """Undirected bipartite graph people/organisations - bodies, weighted by meetings attended."""
        m = nx.Graph()
        represents: dict[str, set[str]] = {}
        for u, v, d in self.g.edges(data=True):
            if d["type"] == "REPRESENTS":
                represents.setdefault(u, set()).add(v)
        for person, meetings in self.attendance.items():
            for meeting, _ in meetings:
                net = self.meeting_network.get(meeting)
                if net is None:
                    continue
                for member in (person, *represents.get(person, ())):
                    w = m.get_edge_data(member, net, {"weight": 0})["weight"]
                    m.add_edge(member, net, weight=w + 1)
        for n in m.nodes:
            m.nodes[n]["label"] = self.g.nodes[n]["label"]
            m.nodes[n]["name"] = self.g.nodes[n]["name"]
        return m

    @cached_property
    def brokers(self) -> dict[str, float]:
        """Betweenness of people and organisations on the membership graph (computed once per version)."""
        m = self.membership
        if m.number_of_nodes() == 0:
            return {}
        k = min(m.number_of_nodes(), 400) if m.number_of_nodes() > 2000 else None
        scores = nx.betweenness_centrality(m, k=k, normalized=True, seed=7)
        return {n: s for n, s in scores.items() if m.nodes[n]["label"] in ("Person", "Organization", "Municipality")}

    @cached_property
    def undirected(self) -> nx.Graph:
        """Simple undirected social graph for paths, keeping one edge (with its data) per pair."""
        u = nx.Graph()
        for a, b, d in self.g.edges(data=True):
            if not u.has_edge(a, b):
                u.add_edge(a, b, **d, source=a)
        for n, d in self.g.nodes(data=True):
            if n in u:
                u.nodes[n].update(d)
        return u


class GraphView:
    """Hands out the current Snapshot of a store; thread-safe, rebuilt per graph version.

    When another process changed the graph, readers keep the previous snapshot while a new one is
    built in the background (at 10,000 meetings a rebuild takes seconds); writes made through this
    process call refresh() and see their result at once, which an erasure requires.
    """

    def __init__(self, store: GraphStore, stale_ok: bool = True) -> None:
        self.store = store
        self.stale_ok = stale_ok
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._building: threading.Thread | None = None

    def current(self) -> Snapshot:
        version = self.store.version()
        snap = self._snapshot
        if snap is not None and snap.version == version:
            return snap
        if snap is not None and self.stale_ok:
            self._rebuild_in_background()
            return snap
        return self.refresh()

    def refresh(self) -> Snapshot:
        """Build the snapshot of the store's current version now (if it is not already current)."""
        with self._lock:
            version = self.store.version()
            if self._snapshot is None or self._snapshot.version != version:
                g = self.store.graph(SOCIAL_LABELS, SOCIAL_TYPES)
                self._snapshot = Snapshot(version, g, self.store.names())
            return self._snapshot

    def _rebuild_in_background(self) -> None:
        if self._building is not None and self._building.is_alive():
            return
        self._building = threading.Thread(target=self._rebuild_quietly, name="samkarta-snapshot", daemon=True)
        self._building.start()

    def _rebuild_quietly(self) -> None:
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - the next request tries again and reports the error itself
            pass
