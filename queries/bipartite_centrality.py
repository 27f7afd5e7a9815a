"""Brandes' dependencies on a bipartite graph, counted on its small side (numpy, no Python loop per path).

The membership graph is bipartite: some hundreds of bodies (the hubs) against some 20,000 people,
organisations and municipalities (the members). Two members with the same bodies are twins: swapping
them is an automorphism, so from any source they have the same path counts and dependencies, and a
member is never on a shortest path from its own twin. So members are counted once per class of twins
with the class's size, and the breadth-first search runs over the hubs alone: two hubs are adjacent
when they share a member, weighted by how many (a path hub-member-hub is one of that many). Every
source's search is a few dense products of (sources x hubs) matrices; the members' path counts and
dependencies come from their hubs' in one vectorised pass. The sums are the same as Brandes' over
the whole graph (the scores agree with igraph's to float rounding: tests/unit/test_centrality.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Split"]

FAR = np.int32(1 << 30)  # the level of a hub a source does not reach
ROWS = 32  # sources computed together: (sources x member entries) arrays of a few MB, near the cache


def _unique_rows(rows: NDArray[np.int64], nh: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """np.unique(rows, axis=0, return_inverse=True) for rows of hub indices below nh: a row that fits
    in 62 bits is one integer (sorting integers is several times quicker than sorting rows)."""
    bits = max(1, (nh - 1).bit_length())
    d = rows.shape[1]
    if bits * d > 62:
        return np.unique(rows, axis=0, return_inverse=True)  # type: ignore[no-any-return]
    shifts = bits * np.arange(d - 1, -1, -1, dtype=np.int64)
    keys, which = np.unique((rows << shifts).sum(axis=1), return_inverse=True)
    return (keys[:, None] >> shifts) & ((1 << bits) - 1), which


class Split:
    """A bipartite graph as hubs (the smaller side of each component) and classes of twin members.

    Classes are ordered by degree, so the entries (class, hub) of the classes of one degree are one
    block of shape (classes, degree): a class's minimum or sum over its hubs is a reduction of the
    block along one axis (numpy's reduceat over 20,000 tiny segments costs ten times as much)."""

    def __init__(self, n: int, edges: Sequence[tuple[int, int]], hub: NDArray[np.bool_]) -> None:
        self.hub_nodes = np.flatnonzero(hub)
        nh = len(self.hub_nodes)
        self.hub_index = np.full(n, -1, dtype=np.int64)
        self.hub_index[self.hub_nodes] = np.arange(nh)
        pairs = np.array(edges, dtype=np.int64).reshape(-1, 2)
        flipped = hub[pairs[:, 0]]  # each pair as (member, hub)
        pairs[flipped] = pairs[flipped][:, ::-1]
        keys = np.unique(pairs[:, 0] * max(nh, 1) + self.hub_index[pairs[:, 1]])  # by member, then hub
        member, their_hub = keys // max(nh, 1), keys % max(nh, 1)
        degree = np.bincount(member, minlength=n)
        first = np.cumsum(degree) - degree
        self.member_class = np.full(n, -1, dtype=np.int64)  # -1: a hub, or a member without hubs (isolated)
        self.groups: list[tuple[int, int, int, int, int]] = []  # (first class, end, first entry, end, degree)
        hubs_of: list[NDArray[np.int64]] = []
        classes = entries = 0
        for d in np.unique(degree[~hub & (degree > 0)]).tolist():
            members = np.flatnonzero(~hub & (degree == d))
            rows = their_hub[first[members][:, None] + np.arange(d)]  # each member's hubs, ascending
            unique, which = _unique_rows(rows, nh)
            self.member_class[members] = classes + which.reshape(-1)
            hubs_of.append(unique.reshape(-1))
            self.groups.append((classes, classes + len(unique), entries, entries + unique.size, d))
            classes += len(unique)
            entries += unique.size
        self.size = np.bincount(self.member_class[self.member_class >= 0], minlength=classes).astype(np.float64)
        self.entry_hub = np.concatenate(hubs_of) if hubs_of else np.zeros(0, dtype=np.int64)
        self.entry_class = np.concatenate(
            [np.repeat(np.arange(c0, c1), d) for c0, c1, _, _, d in self.groups] or [np.zeros(0, dtype=np.int64)]
        )
        self.start = np.concatenate(
            [[0], np.cumsum(np.repeat([g[4] for g in self.groups], [g[1] - g[0] for g in self.groups]))]
        ).astype(np.int64)
        self._flats: dict[int, NDArray[np.int64]] = {}
        # hubs sharing members, weighted by how many: the hub-member-hub paths between them
        flat, weight = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
        for c0, c1, e0, e1, d in self.groups:
            block = self.entry_hub[e0:e1].reshape(-1, d)
            i, j = np.nonzero(~np.eye(d, dtype=bool))  # every ordered pair of a class's hubs
            flat.append((block[:, i] * nh + block[:, j]).reshape(-1))
            weight.append(np.repeat(self.size[c0:c1], len(i)))
        shared = np.bincount(np.concatenate(flat), weights=np.concatenate(weight), minlength=nh * nh)
        self.shared = shared.reshape(nh, nh)

    def _flat(self, s: int) -> NDArray[np.int64]:
        """Each cell of an (entries x s) array as its cell of the (hubs x s) array: what members
        send back to their hubs is summed by np.bincount (numpy's reduceat is four times slower)."""
        if s not in self._flats:
            self._flats[s] = (self.entry_hub[:, None] * s + np.arange(s)[None, :]).ravel()
        return self._flats[s]

    def _per_class(self, entries: NDArray[Any], reduce: Any) -> NDArray[Any]:
        """(entries x sources) -> (classes x sources): `reduce` (np.min, np.sum) over each class's hubs."""
        out = np.empty((len(self.size), entries.shape[1]), dtype=entries.dtype)
        for c0, c1, e0, e1, d in self.groups:
            out[c0:c1] = reduce(entries[e0:e1].reshape(c1 - c0, d, -1), axis=1)
        return out

    def dependencies(self, sources: Sequence[int]) -> NDArray[np.float64]:
        """Per node of the graph, the sum over `sources` of Brandes' dependency (its own source excluded)."""
        n = len(self.member_class)
        out = np.zeros(n)
        # a source's dependencies are those of any twin: one search per hub or class of members
        hub_sources = [int(self.hub_index[s]) for s in sources if self.hub_index[s] >= 0]
        twins: dict[int, int] = {}
        for s in sources:
            if self.member_class[s] >= 0:
                twins[int(self.member_class[s])] = twins.get(int(self.member_class[s]), 0) + 1
        rows = [(b, -1, 1) for b in hub_sources] + [(-1, x, m) for x, m in sorted(twins.items())]
        hub_total = np.zeros(len(self.hub_nodes))
        member_total = np.zeros(len(self.size))
        for i in range(0, len(rows), ROWS):
            chunk = rows[i : i + ROWS]
            on_hubs, on_members = self._chunk([r[0] for r in chunk], [r[1] for r in chunk])
            times = np.array([r[2] for r in chunk], dtype=np.float64)
            hub_total += times @ on_hubs
            member_total += times @ on_members
        out[self.hub_nodes] = hub_total
        members = self.member_class >= 0
        out[members] = member_total[self.member_class[members]]
        return out

    def _chunk(self, hub_source: list[int], class_source: list[int]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """(dependencies of hubs, of one member of each class), a row per source of a chunk: each
        source a hub (hub_source >= 0) or one member of a class (class_source >= 0). Arrays are
        (hubs or member entries) x sources, so a gather or a sum over entries moves whole rows."""
        s, nh = len(hub_source), len(self.hub_nodes)
        cols = np.arange(s)
        level = np.full((nh, s), FAR, dtype=np.int32)
        sigma = np.zeros((nh, s))
        by_hub = np.array(hub_source) >= 0
        hub_cols, hub_src = cols[by_hub], np.array(hub_source)[by_hub]
        level[hub_src, hub_cols] = 0
        member_cols = np.flatnonzero(~by_hub)
        member_src = np.array(class_source)[member_cols]
        for c, x in zip(member_cols.tolist(), member_src.tolist(), strict=True):
            level[self.entry_hub[self.start[x] : self.start[x + 1]], c] = 0  # the member's hubs, one step away
        sigma[level == 0] = 1.0
        # breadth-first over the hubs, all sources at once: a level's hubs reach the next through shared members
        frontier, depth = level == 0, 0
        while frontier.any():
            reach = self.shared @ (sigma * frontier)
            frontier = (reach > 0) & (level == FAR)
            depth += 1
            level[frontier] = depth
            sigma[frontier] = reach[frontier]
        # members: their hubs nearest the source are their predecessors, those one level further their successors
        entry_level = np.take(level, self.entry_hub, axis=0)
        nearest = self._per_class(entry_level, np.min)
        near = np.take(nearest, self.entry_class, axis=0)
        pred = (entry_level == near) & (near < FAR)
        member_sigma = self._per_class(np.take(sigma, self.entry_hub, axis=0) * pred, np.sum)
        inverse = np.divide(1.0, member_sigma, out=np.zeros_like(member_sigma), where=member_sigma > 0)
        # each member (a target) sends its share of paths back to its predecessors, the source's twins
        # counted without the source itself
        targets = np.broadcast_to(self.size[:, None], inverse.shape).copy()
        targets[member_src, member_cols] -= 1.0
        ends = np.take(targets * inverse, self.entry_class, axis=0) * pred
        ends_at_hub = np.bincount(self._flat(s), weights=ends.ravel(), minlength=nh * s).reshape(nh, s)
        # backwards, deepest level first: (1 + delta) / sigma of the next level's hubs, carried
        # through the shared members (each a path hub-member-hub) to this level's hubs
        delta = np.zeros((nh, s))
        carry = np.zeros((nh, s))
        for d in range(depth, -1, -1):
            at = level == d
            through = self.shared @ (carry * (level == d + 1))
            delta[at] = sigma[at] * (ends_at_hub[at] + through[at])
            carry[at] = (1.0 + delta[at]) / sigma[at]
        delta[hub_src, hub_cols] = 0.0  # a source is no intermediate
        # a member's dependency: its paths on to its successors' subtrees
        succ = entry_level == near + 1
        onward = self._per_class(np.take(carry, self.entry_hub, axis=0) * succ, np.sum)
        return delta.T, (member_sigma * onward).T
