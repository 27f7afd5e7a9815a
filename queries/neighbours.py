"""One step around a node, for expanding it in place in a graph view, and the view filters it shares
with the ego view (kinds, county)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from samkarta.errors import InvalidInput
from samkarta.queries import questions as q
from samkarta.queries.view import Snapshot

# The kinds a view filters by; any other label counts as "Other".
VIEW_KINDS = frozenset({"Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"})
OTHER_KIND = "Other"


def filter_view(g: nx.Graph, labels: Collection[str] | None, region: str | None, keep: Collection[str]) -> nx.Graph:
    """The nodes of the kinds asked for ("Other": any kind not in VIEW_KINDS) and of the county typed
    (any case; a node without a county stays), plus the nodes in ``keep``."""
    wanted = region.strip().casefold() if region and region.strip() else None

    def shown(d: dict[str, Any]) -> bool:
        kind = d.get("label") if d.get("label") in VIEW_KINDS else OTHER_KIND
        return (not labels or kind in labels) and (not wanted or str(d.get("region") or wanted).casefold() == wanted)

    return g.subgraph([n for n, d in g.nodes(data=True) if n in keep or shown(d)]).copy()


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """A node and its neighbours in the collaboration graph, and how many neighbours a limit left out."""

    graph: nx.Graph
    total: int  # neighbours after the filters
    omitted: int  # of those, left out by the limit


def neighbours(
    snap: Snapshot,
    node_id: str,
    *,
    since: str | None = None,
    until: str | None = None,
    labels: Collection[str] | None = None,
    region: str | None = None,
    limit: int = 200,
) -> Neighbourhood:
    """The one-step neighbourhood of ``node_id`` in the collaboration graph (the ego view's graph): the
    node, its neighbours of the kinds and county asked for (the ``limit`` heaviest) and the links among
    them. Meetings outside [since, until] count for nothing. Raises NotFound for an unknown id.
    """
    g = q.ego(snap, node_id, 1, since=since, until=until)
    g = filter_view(g, labels, region, {node_id})
    around = sorted(
        (n for n in g if n != node_id),
        key=lambda n: (-(g.nodes[n].get("weight") or 0), str(g.nodes[n].get("name") or ""), n),
    )
    kept = around[:limit]
    return Neighbourhood(graph=g.subgraph([node_id, *kept]).copy(), total=len(around), omitted=len(around) - len(kept))


def with_expansions(
    g: nx.Graph,
    snap: Snapshot,
    expanded: Sequence[str],
    *,
    since: str | None = None,
    until: str | None = None,
    labels: Collection[str] | None = None,
    region: str | None = None,
    limit: int = 200,
) -> nx.Graph:
    """The view ``g`` after the nodes of ``expanded`` were expanded in place, in that order, as a graph
    page does it (same filters and limit as :func:`neighbours`): the neighbours the view lacks are added,
    and each link between two drawn nodes not linked yet. So a download holds what the page shows.

    Raises InvalidInput when a node to expand is not in the view at its turn (the page could not have
    expanded it), NotFound for an unknown id.
    """
    out = g.copy()
    for node_id in expanded:
        if node_id not in out:
            raise InvalidInput("expand", f"{node_id!r} is not in the view, so it cannot be expanded")
        found = neighbours(snap, node_id, since=since, until=until, labels=labels, region=region, limit=limit).graph
        for n, d in found.nodes(data=True):
            if n not in out:
                out.add_node(n, **d)
        for a, b, d in found.edges(data=True):
            if not (out.has_edge(a, b) or out.has_edge(b, a)):
                out.add_edge(a, b, **d)
    return out


__all__ = ["OTHER_KIND", "VIEW_KINDS", "Neighbourhood", "filter_view", "neighbours", "with_expansions"]
