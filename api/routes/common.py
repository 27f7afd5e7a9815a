"""Parameter types and documented error answers shared by the routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel

NodeId = Annotated[str, Path(pattern=r"^[a-z]+-[0-9a-f]{16}$", description="A node id such as person-3f2a0c9b1d4e5f60")]


class ErrorBody(BaseModel):
    """Every error: {"ok": false, "error": "...", "status": 404}."""

    ok: bool = False
    error: str
    status: int


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


READ_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("Nothing with that id or name"),
    503: _error("The graph store is not reachable"),
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **READ_ERRORS,
    401: _error("No valid bearer token"),
    403: _error("Writes are disabled (no SAMKARTA_API_TOKEN set)"),
}
