"""The explorer's search page: entities by name, and the minutes by their text with facets."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from samkarta.api.deps import SnapshotDep, StoreDep
from samkarta.api.routes.pages import LABELS, _page
from samkarta.queries import questions as q
from samkarta.queries.minutes import search_minutes

router = APIRouter(include_in_schema=False)
PER_PAGE = 20
# the filters a facet link sets, by the name the page's URL gives them
FILTERS = {"natverk": "bodies", "region": "regions", "ar": "years"}


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    store: StoreDep,
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", max_length=200)] = "",
    natverk: Annotated[str, Query(pattern=r"^([a-z]+-[0-9a-f]{16})?$")] = "",
    region: Annotated[str, Query(max_length=60)] = "",
    ar: Annotated[str, Query(pattern=r"^(\d{4})?$")] = "",
    sida: Annotated[int, Query(ge=1, le=500)] = 1,
) -> HTMLResponse:
    """Entities whose name matches, then the minutes whose text holds every word, narrowed by facets."""
    entities = q.search(snap, q_, set(LABELS), limit=40).data if q_.strip() else []
    minutes = search_minutes(store, snap, q_, natverk, region, ar, limit=PER_PAGE, offset=(sida - 1) * PER_PAGE)
    chosen = {"q": q_, "natverk": natverk, "region": region, "ar": ar}

    def link(**change: str | int) -> str:
        params = {k: v for k, v in {**chosen, **change}.items() if v not in ("", None, 1) or k == "q"}
        return "/search?" + urlencode(params)

    facets = [
        (
            title,
            [
                {**v.model_dump(), "link": link(**{param: "" if v.selected else v.value})}
                for v in getattr(minutes.facets, FILTERS[param])
            ],
        )
        for param, title in (("natverk", "Nätverk"), ("region", "Region"), ("ar", "År"))
    ]
    more = link(sida=sida + 1) if sida * PER_PAGE < minutes.count else None
    return _page(
        request,
        "search.html",
        title=f"Sök {q_}",
        q=q_,
        results=entities,
        minutes=minutes,
        facets=facets,
        filtered=any(chosen[k] for k in FILTERS),
        clear=link(natverk="", region="", ar=""),
        more=more,
        first=(sida - 1) * PER_PAGE,
    )
