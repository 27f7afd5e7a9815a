"""Read endpoints: search, entities, collaborators, networks, questions, structure, export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel

from samkarta.api.deps import SnapshotDep, StoreDep
from samkarta.api.routes.common import READ_ERRORS, NodeId
from samkarta.graph.model import Stats
from samkarta.queries import questions as q
from samkarta.queries.dependence import dependents
from samkarta.queries.minutes import search_minutes
from samkarta.queries.neighbours import neighbours
from samkarta.queries.results import (
    BodyMap,
    BodyYears,
    Brokers,
    Collaborators,
    Dependency,
    Dependents,
    EntityPublic,
    MinutesResults,
    NetworkPublic,
    Owners,
    Paths,
    SearchResults,
    Trail,
    TrailYears,
)
from samkarta.queries.timeline import body_map, body_years, trail_years
from samkarta.viz import elements
from samkarta.viz.export import export_graph, render_export

router = APIRouter(prefix="/api", tags=["explore"], responses=READ_ERRORS)
Label = Literal["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"]
Limit = Annotated[int, Query(ge=1, le=200)]
Text = Annotated[str, Query(min_length=1, max_length=200, description="Free text, Swedish")]
# a date field left empty in a form (or a view's permalink) is sent as "": no limit
ISODate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
ViewKind = Literal["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting", "Other"]


class NeighboursPublic(BaseModel):
    """A node's one-step neighbourhood drawn as the graph views draw it (vis-network nodes and edges with
    both colourings and the relation styles, and the legend entries they need), for expanding it in place."""

    id: str
    name: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: dict[str, list[dict[str, Any]]]
    total: int  # neighbours after the filters
    omitted: int  # of those, left out by the limit


@router.get("/search", response_model=SearchResults)
def search(
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
    label: Annotated[list[Label] | None, Query()] = None,
    limit: Limit = 20,
) -> SearchResults:
    """Entities by name or alias, tolerant of spelling and case."""
    return q.search(snap, q_, set(label) if label else None, limit)


@router.get("/minutes", response_model=MinutesResults)
def minutes(
    store: StoreDep,
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
    body: Annotated[str | None, Query(pattern=r"^[a-z]+-[0-9a-f]{16}$", description="A body's id")] = None,
    region: Annotated[str | None, Query(max_length=60, description="A county, or Nationellt")] = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    limit: Limit = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> MinutesResults:
    """Minutes whose whole text holds every word (Swedish-aware), with facets by body, region and year
    and excerpts marking the words found."""
    return search_minutes(store, snap, q_, body, region, year, limit, offset)


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


@router.get("/entities/{node_id}/dependents", response_model=Dependents)
def entity_dependents(snap: SnapshotDep, node_id: NodeId) -> Dependents:
    """What depends on a person or body: bodies, open actions and questions handed on, with evidence."""
    return dependents(snap, node_id)


@router.get("/entities/{node_id}/neighbours", response_model=NeighboursPublic)
def entity_neighbours(
    snap: SnapshotDep,
    node_id: NodeId,
    label: Annotated[list[ViewKind] | None, Query(description="Only neighbours of these kinds")] = None,
    region: Annotated[str | None, Query(max_length=60, description="Only neighbours in this county (any case)")] = None,
    since: ISODate = None,
    until: ISODate = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> NeighboursPublic:
    """The entities one step from a node (people, bodies, organisations, municipalities, projects,
    counties) and the links among them, as a graph view draws them: for expanding a node in place."""
    found = neighbours(
        snap, node_id, since=since or None, until=until or None, labels=label, region=region, limit=limit
    )
    drawn = elements(found.graph, lang="sv", link_template="/entity/{id}")
    name = str(snap.g.nodes[node_id].get("name") or node_id)
    return NeighboursPublic(id=node_id, name=name, total=found.total, omitted=found.omitted, **drawn)


@router.get("/organizations/{node_id}/collaborators", response_model=Collaborators)
def organization_collaborators(snap: SnapshotDep, node_id: NodeId, limit: Limit = 50) -> Collaborators:
    """Organisations and municipalities whose people sit in the same bodies (also for municipalities)."""
    return q.organization_collaborators(snap, node_id, limit)


@router.get("/networks", response_model=NetworkPublic)
def network_by_name(
    store: StoreDep, snap: SnapshotDep, name: Annotated[str, Query(min_length=1, max_length=200)]
) -> NetworkPublic:
    """A body by its canonical name or any alias (case, spacing and hyphens aside): the one that met
    first, with every body under that name in `namesakes` (region, meetings, members) to pick another."""
    return q.network_named(store, snap, name)


@router.get("/networks/{node_id}", response_model=NetworkPublic)
def network(snap: SnapshotDep, node_id: NodeId) -> NetworkPublic:
    """A body: members over time, meetings, decisions, open actions, handoffs in and out, region."""
    return q.network(snap, node_id)


@router.get("/networks/{node_id}/years", response_model=BodyYears)
def network_years(snap: SnapshotDep, node_id: NodeId) -> BodyYears:
    """A body's members year by year: people, organisations and municipalities at its meetings, who came
    and who went; every year from the first meeting to the last (a year without one is empty)."""
    return body_years(snap, node_id)


@router.get("/networks/{node_id}/municipalities", response_model=BodyMap)
def network_municipalities(
    snap: SnapshotDep,
    node_id: NodeId,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only this year's meetings")] = None,
) -> BodyMap:
    """The municipalities of a body's county (all of Sweden for a national body) and any other whose
    people attended its meetings, each with whether it took part, who represented it and how often."""
    return body_map(snap, node_id, year)


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


@router.get("/trail/years", response_model=TrailYears)
def trail_by_year(
    store: StoreDep, snap: SnapshotDep, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)]
) -> TrailYears:
    """A question's trail year by year: each year's steps and handoffs and the bodies involved."""
    return trail_years(store, snap, q_)


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
