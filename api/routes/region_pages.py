"""The explorer's counties: every region with a map of Sweden, and a county page with its municipalities."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from samkarta.api.deps import SnapshotDep
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.pages import _page
from samkarta.errors import NotFound
from samkarta.queries.regions import county_coverage, regions, sweden_coverage
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
