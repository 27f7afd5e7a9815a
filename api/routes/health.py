"""Liveness and store health."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from samkarta.api.deps import StoreDep
from samkarta.api.routes.common import READ_ERRORS

router = APIRouter(tags=["health"], responses={503: READ_ERRORS[503]})


class Health(BaseModel):
    ok: bool
    store: str
    graph_version: int
    documents: int


@router.get("/health", response_model=Health)
def health(store: StoreDep) -> Health:
    """Whether the API can reach its graph store."""
    stats = store.stats()
    backend = getattr(store, "backend", type(store).__name__)
    return Health(ok=True, store=backend, graph_version=store.version(), documents=stats.documents)
