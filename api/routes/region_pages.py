"""The explorer's maps: every region with a map of Sweden, a county page with its municipalities, and a
body's map of the municipalities its people came from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from samkarta.api.deps import SnapshotDep
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.pages import _page
from samkarta.errors import NotFound
from samkarta.queries.regions import county_coverage, regions, sweden_coverage
from samkarta.queries.timeline import body_map
from samkarta.viz.municipality_map import municipality_map

router = APIRouter(include_in_schema=False)
# the legend's words, also each municipality's accessible name after its own
PART_TEXT = "med i minst ett av länets nätverk"
GAP_TEXT = "inte med i något av länets nätverk"


@router.get("/regions", response_class=HTMLResponse)
def regions_page(request: Request, snap: SnapshotDep) -> HTMLResponse:
    """Every region, and a map of Sweden's municipalities coloured by whether they take part."""
    rows = sweden_coverage(snap)
    return _page(
        request,
        "regions.html",
        title="Regioner",
        regions=regions(snap),
        map=municipality_map(rows),
        map_label="Karta över Sveriges kommuner",
        part_text=PART_TEXT,
        gap_text=GAP_TEXT,
        taking=sum(r["takes_part"] for r in rows),
        total=len(rows),
    )


@router.get("/region/{node_id}", response_class=HTMLResponse)
def region_page(request: Request, snap: SnapshotDep, node_id: NodeId) -> HTMLResponse:
    """A county: a map and a list of all its municipalities, each marked by whether it takes part."""
    if node_id not in snap.g or snap.g.nodes[node_id]["label"] != "Region":
        raise NotFound(f"no region with id {node_id!r}")
    county = snap.g.nodes[node_id]["name"]
    rows = county_coverage(snap, county)
    return _page(
        request,
        "region.html",
        title=f"{county}: kommuner",
        county=county,
        region_id=node_id,
        rows=rows,
        map=municipality_map(rows),
        map_label=f"Karta över kommunerna i {county}",
        part_text=PART_TEXT,
        gap_text=GAP_TEXT,
        taking=sum(r["takes_part"] for r in rows),
    )


@router.get("/body/{node_id}/map", response_class=HTMLResponse)
def body_map_page(
    request: Request,
    snap: SnapshotDep,
    node_id: NodeId,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only this year's meetings")] = None,
) -> HTMLResponse:
    """A body's map: the municipalities of its county (all of Sweden for a national body), those whose
    people attended its meetings (in one year, when asked) filled, the others hatched."""
    found = body_map(snap, node_id, year)
    when = f" {year}" if year is not None else ""
    rows = [m.model_dump() for m in found.municipalities]
    return _page(
        request,
        "body_map.html",
        title=f"{found.name}: kommuner{when}",
        body=found,
        rows=rows,
        taking=[r for r in rows if r["takes_part"]],
        map=municipality_map(rows),
        map_label=f"Karta över kommunerna{' i ' + found.region if found.region else ''} och {found.name}{when}",
        part_text=f"med i {found.name}{when}",
        gap_text=f"inte med i {found.name}{when}",
    )
