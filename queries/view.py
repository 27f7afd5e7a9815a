"""Cached networkx projections of a store, kept up to date with the changes of each write.

A snapshot is one version of the graph and never changes. After a write the next snapshot is the
previous one with the store's delta applied copy-on-write (queries/delta.py): the documents the
write changed have their edges replaced and the nodes it touched are read again; the derived
structures the previous snapshot had computed are patched (attendance, the meetings' bodies, the
membership, collaboration and path graphs, the name and handoff indexes: each registers a patch
with @patches); what has no patch is computed again when first asked for, except the brokers'
betweenness in the API, which is computed in the background (queries/brokers.py).
Only when the store's change log does not reach back to the snapshot (another process wrote a great
deal, or an older store) is the whole graph read again.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from samkarta.graph.store import GraphDelta, GraphStore
from samkarta.queries.brokers import BrokerScores, broker_scores
from samkarta.queries.delta import Applied, Edge, GraphCopyOnWrite, apply_delta, edges_by_document, names_by_node

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
    names: list[tuple[str, str, str]]  # (node id, label, name or alias), by node; the order means nothing
    scores: BrokerScores | None = None  # the view's brokers' scores, shared by its snapshots
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @cached_property
    def doc_edges(self) -> dict[str, list[Edge]]:
        """Document id -> its edges (what a write of the document replaces)."""
        return edges_by_document(self.g)

    @cached_property
    def names_by_node(self) -> dict[str, list[tuple[str, str, str]]]:
        return names_by_node(self.names)

    def updated(self, delta: GraphDelta) -> Snapshot:
        """The next snapshot: this one with `delta` applied, sharing what it did not change."""
        applied = apply_delta(self.g, self.doc_edges, delta)
        by_node = dict(self.names_by_node)
        for n in delta.nodes:
            by_node.pop(n, None)
        for entry in delta.names:
            by_node.setdefault(entry[0], []).append(entry)
        names = [entry for entries in by_node.values() for entry in entries]
        new = Snapshot(delta.version, applied.g, names, self.scores)
        new.__dict__.update(doc_edges=applied.doc_edges, names_by_node=by_node)
        for name, patch in _PATCHES.items():
            if name in self.__dict__:  # what no reader asked for of this one is computed when asked for
                new.__dict__[name] = patch(self, new, applied)
        return new

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
    def betweenness(self) -> dict[str, float]:
        """Betweenness of people and organisations on the membership graph of this version,
        computed when first asked for (sampled from 400 sources above 2,000 nodes)."""
        return broker_scores(self.membership)

    @property
    def brokers(self) -> dict[str, float]:
        """The brokers' scores: this version's betweenness, or in an API process (`scores` set)
        the newest computed while this version's are computed in the background."""
        return self.betweenness if self.scores is None else self.scores.of(self)

    @cached_property
    def undirected(self) -> nx.Graph:
        """Simple undirected social graph for paths: per pair the edge with the smallest key (its data,
        `source` where it starts and `rel` its key), the same in whatever order the graph was read."""
        best: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
        for a, b, k, d in self.g.edges(keys=True, data=True):
            pair = (a, b) if a <= b else (b, a)
            if pair not in best or k < best[pair][0]:
                best[pair] = (k, a, d)
        u = nx.Graph()
        for (a, b), (k, source, d) in best.items():
            u.add_edge(a, b, **d, source=source, rel=k)
        for n, d in self.g.nodes(data=True):
            if n in u:
                u.nodes[n].update(d)
        return u


# A derived structure of a snapshot patched into the next one: (the old snapshot, the new one, what
# the delta changed) -> the new value. Never edits the old value: readers may hold it.
Patch = Callable[["Snapshot", "Snapshot", Applied], Any]
_PATCHES: dict[str, Patch] = {}


def patches(name: str) -> Callable[[Patch], Patch]:
    """Register how the derived structure `name` (a cached_property of Snapshot, or a key a query
    module caches in its __dict__) follows a delta."""

    def register(patch: Patch) -> Patch:
        _PATCHES[name] = patch
        return patch

    return register


def _types(edges: list[tuple[str, str, str, dict[str, Any]]], kind: str) -> list[tuple[str, str]]:
    return [(u, v) for u, v, _, d in edges if d["type"] == kind]


@patches("meeting_network")
def _meeting_network(old: Snapshot, _new: Snapshot, applied: Applied) -> dict[str, str]:
    out = dict(old.meeting_network)
    for u, v in _types(applied.removed, "OF"):
        if out.get(u) == v:
            del out[u]
    out.update(_types(applied.added, "OF"))
    return out


@patches("attendance")
def _attendance(old: Snapshot, snap: Snapshot, applied: Applied) -> dict[str, list[tuple[str, dict[str, object]]]]:
    out = dict(old.attendance)
    for person in {u for u, _ in _types(applied.removed, "ATTENDED") + _types(applied.added, "ATTENDED")}:
        found = [] if person not in snap.g else _attended(snap.g, person)
        if found:
            out[person] = found
        else:
            out.pop(person, None)
    return out


def _attended(g: nx.MultiDiGraph, person: str) -> list[tuple[str, dict[str, object]]]:
    return [(v, d) for v, keys in g._succ[person].items() for d in keys.values() if d["type"] == "ATTENDED"]


@patches("attendees")
def _attendees(old: Snapshot, snap: Snapshot, applied: Applied) -> dict[str, set[str]]:
    out = dict(old.attendees)
    for meeting in {v for _, v in _types(applied.removed, "ATTENDED") + _types(applied.added, "ATTENDED")}:
        found = set() if meeting not in snap.g else _attending(snap.g, meeting)
        if found:
            out[meeting] = found
        else:
            out.pop(meeting, None)
    return out


def _attending(g: nx.MultiDiGraph, meeting: str) -> set[str]:
    return {u for u, keys in g._pred[meeting].items() if any(d["type"] == "ATTENDED" for d in keys.values())}


@patches("membership")
def _membership(old: Snapshot, new: Snapshot, applied: Applied) -> nx.Graph:
    """People and organisations against bodies: the changed people's attendances counted again."""
    changed = [(u, v, d) for u, v, _, d in applied.removed + applied.added]
    people = {u for u, _, d in changed if d["type"] in ("ATTENDED", "REPRESENTS")}
    for meeting in {u for u, _, d in changed if d["type"] == "OF"}:  # a meeting moved to another body
        people |= _attending(old.g, meeting) if meeting in old.g else set()
        people |= _attending(new.g, meeting) if meeting in new.g else set()
    weights: Counter[tuple[str, str]] = Counter()
    for snap, sign in ((old, -1), (new, 1)):
        for person in people:
            for pair, count in _member_of(snap, person).items():
                weights[pair] += sign * count
    edit = GraphCopyOnWrite(old.membership)
    m = edit.g
    for (member, net), change in weights.items():
        if not change:
            continue
        weight = m._adj.get(member, {}).get(net, {"weight": 0})["weight"] + change
        if weight > 0:
            for n in (member, net):
                if n not in m:
                    edit.set_node(n, _named(new, n))
            edit.set_edge(member, net, {"weight": weight})
        elif member in m and net in m._adj[member]:
            edit.remove_edge(member, net)
    for n in ({n for pair in weights for n in pair} | applied.nodes) & set(m):
        if not m._adj[n]:
            edit.remove_node(n)
        elif m._node[n] != _named(new, n):
            edit.set_node(n, _named(new, n))
    return m


def _named(snap: Snapshot, n: str) -> dict[str, Any]:
    return {"label": snap.g.nodes[n]["label"], "name": snap.g.nodes[n]["name"]}


def _member_of(snap: Snapshot, person: str) -> Counter[tuple[str, str]]:
    """(member, body) -> meetings: what one person's attendance adds to the membership graph."""
    out: Counter[tuple[str, str]] = Counter()
    if person not in snap.g:
        return out
    g = snap.g
    represented = {v for v, keys in g._succ[person].items() if any(d["type"] == "REPRESENTS" for d in keys.values())}
    for meeting, _ in _attended(g, person):
        net = snap.meeting_network.get(meeting)
        if net is not None:
            for member in (person, *represented):
                out[(member, net)] += 1
    return out


@patches("undirected")
def _undirected(old: Snapshot, new: Snapshot, applied: Applied) -> nx.Graph:
    """The graph of paths: the pairs the delta touched take their edge again from the new graph."""
    edit = GraphCopyOnWrite(old.undirected)
    u = edit.g
    pairs = {(a, b) if a <= b else (b, a) for a, b, _, _ in applied.removed + applied.added}
    for a, b in pairs:
        found = [(k, x, d) for x, y in ((a, b), (b, a)) for k, d in new.g._succ.get(x, {}).get(y, {}).items()]
        if found:
            k, source, d = min(found, key=lambda e: e[0])
            for n in (a, b):
                if n not in u:
                    edit.set_node(n, dict(new.g.nodes[n]))
            edit.set_edge(a, b, {**d, "source": source, "rel": k})
        elif a in u and b in u._adj[a]:
            edit.remove_edge(a, b)
    for n in ({n for pair in pairs for n in pair} | applied.nodes) & set(u):
        if n not in new.g or not u._adj[n]:
            edit.remove_node(n)
        elif u._node[n] != new.g.nodes[n]:
            edit.set_node(n, dict(new.g.nodes[n]))
    return u


# More changed documents than this and reading the whole graph is about as quick as the delta.
MAX_DELTA_DOCUMENTS = 1000


class GraphView:
    """Hands out the current Snapshot of a store; thread-safe, one snapshot per graph version.

    Readers never wait for a write: when the graph changed (another process wrote), they keep the
    snapshot they have while the next one is made in the background, from the store's delta in
    milliseconds or, when the change log does not reach back, by reading the whole graph (seconds
    at 10,000 meetings). Writes made through this process call refresh(), which applies their delta
    before they answer, so the writer's next read shows it, as an erasure requires.
    """

    def __init__(self, store: GraphStore, stale_ok: bool = True, brokers_in_background: bool = False) -> None:
        self.store = store
        self.stale_ok = stale_ok
        self.scores = BrokerScores() if brokers_in_background else None
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._building: threading.Thread | None = None

    def current(self) -> Snapshot:
        version = self.store.version()
        snap = self._snapshot
        if snap is not None and snap.version == version:
            return snap
        if snap is not None and self.stale_ok:
            self._refresh_in_background()
            return snap
        return self.refresh()

    def refresh(self) -> Snapshot:
        """The snapshot of the store's current version, made now if it is not already current."""
        with self._lock:
            snap = self._snapshot
            if snap is None or snap.version != self.store.version():
                self._snapshot = self._next(snap)
                if self.scores is not None:
                    self.scores.follow(self._snapshot)
            return self._snapshot

    def _next(self, snap: Snapshot | None) -> Snapshot:
        if snap is not None:
            delta = self.store.delta(snap.version, SOCIAL_LABELS, SOCIAL_TYPES)
            if delta is not None and len(delta.documents) <= MAX_DELTA_DOCUMENTS:
                return snap.updated(delta)
        return self.rebuild()

    def rebuild(self) -> Snapshot:
        """A snapshot read whole from the store (not published; refresh() does that)."""
        version = self.store.version()  # before reading: a write meanwhile makes the next refresh apply it again
        snap = Snapshot(version, self.store.graph(SOCIAL_LABELS, SOCIAL_TYPES), self.store.names(), self.scores)
        snap.doc_edges  # noqa: B018 - the next delta needs it; computed here, not by a reader
        return snap

    def close(self) -> None:
        """Stop the brokers' background computation (its worker process), if any."""
        if self.scores is not None:
            self.scores.close()

    def _refresh_in_background(self) -> None:
        if self._building is not None and self._building.is_alive():
            return
        self._building = threading.Thread(target=self._refresh_quietly, name="samkarta-snapshot", daemon=True)
        self._building.start()

    def _refresh_quietly(self) -> None:
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - the next request tries again and reports the error itself
            pass
