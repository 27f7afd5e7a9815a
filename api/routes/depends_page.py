"""The explorer's "Vad hänger på X?": what depends on one person or body, with the evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from samkarta.api.deps import SnapshotDep, StoreDep
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.pages import _page
from samkarta.errors import NotFound
from samkarta.queries.dependence import dependents
from samkarta.queries.questions import _resolve

router = APIRouter(include_in_schema=False)
DEPENDENT_KINDS = {"Person", "Network"}


@router.get("/depends", response_class=HTMLResponse)
def depends_form(
    request: Request, store: StoreDep, snap: SnapshotDep, namn: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    """Pick a person or body by name; the best match's page follows."""
    problem = None
    if namn.strip():
        try:
            return RedirectResponse(f"/depends/{_resolve(snap, namn, DEPENDENT_KINDS, store)}", status_code=303)
        except NotFound:
            problem = f"Hittar ingen person eller inget nätverk som heter ”{namn}” i protokollen."
    return _page(request, "depends.html", title="Vad hänger på …?", namn=namn, problem=problem, found=None)


@router.get("/depends/{node_id}", response_class=HTMLResponse)
def depends_page(request: Request, snap: SnapshotDep, node_id: NodeId) -> HTMLResponse:
    """What depends on a person or body: bodies, open actions and questions handed on, each with its source."""
    found = dependents(snap, node_id)
    return _page(request, "depends.html", title=f"Vad hänger på {found.name}?", namn="", problem=None, found=found)
