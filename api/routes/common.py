"""Parameter types and documented error answers shared by the routers."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel

from samkarta.graph.model import DocumentInfo

NodeId = Annotated[str, Path(pattern=r"^[a-z]+-[0-9a-f]{16}$", description="A node id such as person-3f2a0c9b1d4e5f60")]


class DocumentSummary(BaseModel):
    """A stored document as the API shows it: its file's name, never the folders on the server."""

    id: str
    name: str
    sha256: str
    format: str
    title: str | None = None
    date: str | None = None
    chars: int = 0
    copies: list[str] = []  # the names of other files found with the same content

    @classmethod
    def of(cls, info: DocumentInfo) -> DocumentSummary:
        fields = info.model_dump(exclude={"path", "copies"})
        return cls(name=_file_name(info.path), copies=[_file_name(p) for p in info.copies], **fields)


def _file_name(path: str) -> str:
    return PurePath(path.replace("\\", "/")).name


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
