"""Read endpoints: search, entities, collaborators, networks, questions, structure, export."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Annotated, Literal

import networkx as nx
from fastapi import APIRouter, Query
from fastapi.responses import Response

from samkarta.api.deps import SnapshotDep, StoreDep
from samkarta.api.routes.common import READ_ERRORS, NodeId
from samkarta.graph.errors import InvalidInput
from samkarta.graph.model import Stats
from samkarta.queries import questions as q
from samkarta.queries.results import (
    Brokers,
    Collaborators,
    Dependency,
    EntityPublic,
    NetworkPublic,
    Owners,
    Paths,
    SearchResults,
    Trail,
)

router = APIRouter(prefix="/api", tags=["explore"], responses=READ_ERRORS)
Label = Literal["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"]
Limit = Annotated[int, Query(ge=1, le=200)]
Text = Annotated[str, Query(min_length=1, max_length=200, description="Free text, Swedish")]


@router.get("/search", response_model=SearchResults)
def search(
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
    label: Annotated[list[Label] | None, Query()] = None,
    limit: Limit = 20,
) -> SearchResults:
    """Entities by name or alias, tolerant of spelling and case."""
    return q.search(snap, q_, set(label) if label else None, limit)


@router.get("/entities/{node_id}", response_model=EntityPublic)
def entity(store: StoreDep, snap: SnapshotDep, node_id: NodeId) -> EntityPublic:
    """Any node with its facts, the documents that mention it and the quotes."""
    return q.entity(store, snap, node_id)


@router.get("/people/{node_id}/collaborators", response_model=Collaborators)
def collaborators(snap: SnapshotDep, node_id: NodeId, limit: Limit = 50) -> Collaborators:
    """People who share meetings with a person, ranked, with recency and evidence."""
    return q.collaborators(snap, node_id, limit)


@router.get("/people/{node_id}/depends", response_model=Dependency)
def depends(snap: SnapshotDep, node_id: NodeId) -> Dependency:
    """Bodies a person chairs, their open actions, and bodies they alone connect."""
    return q.depends(snap, node_id)


@router.get("/organizations/{node_id}/collaborators", response_model=Collaborators)
def organization_collaborators(snap: SnapshotDep, node_id: NodeId, limit: Limit = 50) -> Collaborators:
    """Organisations and municipalities whose people sit in the same bodies (also for municipalities)."""
    return q.organization_collaborators(snap, node_id, limit)


@router.get("/networks/{node_id}", response_model=NetworkPublic)
def network(snap: SnapshotDep, node_id: NodeId) -> NetworkPublic:
    """A body: members over time, meetings, decisions, open actions, handoffs in and out, region."""
    return q.network(snap, node_id)


@router.get("/owners", response_model=Owners)
def owners(
    store: StoreDep,
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
    limit: Limit = 20,
) -> Owners:
    """Which networks own a question, ranked by what they did about it, with evidence."""
    return q.owners(store, snap, q_, limit)


@router.get("/trail", response_model=Trail)
def trail(
    store: StoreDep, snap: SnapshotDep, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)]
) -> Trail:
    """The bodies a question passed through, in date order, with the handoffs."""
    return q.trail(store, snap, q_)


@router.get("/paths", response_model=Paths)
def paths(
    snap: SnapshotDep,
    source: Annotated[str, Query(pattern=r"^[a-z]+-[0-9a-f]{16}$")],
    target: Annotated[str, Query(pattern=r"^[a-z]+-[0-9a-f]{16}$")],
    max_paths: Annotated[int, Query(ge=1, le=10)] = 3,
) -> Paths:
    """Paths between two entities, explained edge by edge."""
    return q.paths(snap, source, target, max_paths)


@router.get("/brokers", response_model=Brokers)
def brokers(snap: SnapshotDep, limit: Limit = 20) -> Brokers:
    """People and organisations that bridge bodies (computed once per graph version)."""
    return q.brokers(snap, limit)


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> Stats:
    """Counts by label and relationship type."""
    return store.stats()


ExportFormat = Literal["graphml", "gexf", "csv", "json"]
EXPORT_FORMATS = frozenset(ExportFormat.__args__)


def export_graph(
    snap: SnapshotDep, around: str | None, depth: int, label: list[str] | None, region: str | None
) -> nx.Graph:
    g = q.ego(snap, around, depth) if around else q.collaboration_graph(snap)
    keep = [
        n
        for n, d in g.nodes(data=True)
        if (not label or d.get("label") in label) and (not region or d.get("region") in (None, region))
    ]
    return g.subgraph(keep).copy()


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}, "application/zip": {}, "application/json": {}}}},
)
def export(
    snap: SnapshotDep,
    fmt: Annotated[ExportFormat, Query(alias="format")] = "json",
    around: Annotated[str | None, Query(pattern=r"^[a-z]+-[0-9a-f]{16}$")] = None,
    depth: Annotated[int, Query(ge=1, le=2)] = 1,
    label: Annotated[list[Label] | None, Query()] = None,
    region: Annotated[str | None, Query(max_length=60)] = None,
) -> Response:
    """A filtered subgraph as GraphML, GEXF (Gephi), CSV (zip of nodes.csv and edges.csv) or JSON."""
    g = export_graph(snap, around, depth, list(label) if label else None, region)
    return Response(**render_export(g, fmt))


def render_export(g: nx.Graph, fmt: str) -> dict[str, object]:
    """Body, media type and download headers of an export."""
    clean = nx.Graph()
    for n, d in g.nodes(data=True):
        clean.add_node(n, **{k: v for k, v in d.items() if isinstance(v, (str, int, float))})
    for a, b, d in g.edges(data=True):
        clean.add_edge(a, b, **{k: v for k, v in d.items() if isinstance(v, (str, int, float))})
    if fmt == "graphml":
        body, media = "\n".join(nx.generate_graphml(clean)).encode(), "application/xml"
    elif fmt == "gexf":
        body, media = "\n".join(nx.generate_gexf(clean)).encode(), "application/xml"
    elif fmt == "csv":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(
                "nodes.csv",
                _csv(
                    ["id", "label", "name", "weight"],
                    [[n, d.get("label"), d.get("name"), d.get("weight")] for n, d in clean.nodes(data=True)],
                ),
            )
            z.writestr(
                "edges.csv",
                _csv(
                    ["source", "target", "type", "weight"],
                    [[a, b, d.get("type"), d.get("weight")] for a, b, d in clean.edges(data=True)],
                ),
            )
        body, media = buf.getvalue(), "application/zip"
    elif fmt == "json":
        body = json.dumps(nx.node_link_data(clean, edges="links"), ensure_ascii=False).encode()
        media = "application/json"
    else:
        raise InvalidInput("format", f"unknown export format {fmt!r}")
    ext = {"csv": "zip"}.get(fmt, fmt)
    return {
        "content": body,
        "media_type": media,
        "headers": {"Content-Disposition": f'attachment; filename="samkarta.{ext}"'},
    }


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
