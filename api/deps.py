"""Request dependencies: the store, its cached graph view, the settings and which writer writes."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, Header, Request

from samkarta.api.jobs import JobQueue
from samkarta.errors import AppError
from samkarta.graph.store import GraphStore
from samkarta.queries.view import GraphView, Snapshot
from samkarta.settings import Settings
from samkarta.writers import writer_of, writes_enabled

# Every write through the API, with the writer's name (in SAMKARTA_DATA_DIR/samkarta.log under
# `samkarta serve`). INFO, above the WARNING the log file takes from libraries: no write goes unrecorded.
audit = logging.getLogger("samkarta.audit")
audit.setLevel(logging.INFO)


class Forbidden(AppError):
    status = 403


class Unauthorized(AppError):
    status = 401


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def get_view(request: Request) -> GraphView:
    return request.app.state.view


def get_jobs(request: Request) -> JobQueue:
    return request.app.state.jobs


def get_snapshot(view: Annotated[GraphView, Depends(get_view)]) -> Snapshot:
    return view.current()


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
SnapshotDep = Annotated[Snapshot, Depends(get_snapshot)]
ViewDep = Annotated[GraphView, Depends(get_view)]
JobsDep = Annotated[JobQueue, Depends(get_jobs)]


DISABLED = "writes are disabled: add a writer with `samkarta writers add NAME` (or set SAMKARTA_API_TOKEN)"


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer TOKEN` header, or "" for any other header."""
    scheme, _, token = (authorization or "").partition(" ")
    return token if scheme.lower() == "bearer" else ""


def authorise(settings: Settings, token: str) -> str:
    """The name of the writer whose token this is; Forbidden when no token can write at all,
    Unauthorized for any other token."""
    writer = writer_of(settings, token)
    if writer is not None:
        return writer
    if not writes_enabled(settings):
        raise Forbidden(DISABLED)
    raise Unauthorized("a valid bearer token is required for this endpoint")


class FormRefused(Exception):
    """A page form's token cannot write; `message` says so in Swedish, for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def form_writer(settings: Settings, token: str, unsaved: str) -> str:
    """The writer a page form's pasted token names; FormRefused when it cannot write (`unsaved`
    names what was not saved: "beslutet", "rättelsen", ...)."""
    try:
        return authorise(settings, token.strip())  # a pasted token may bring a space or line break
    except Forbidden:
        raise FormRefused("Skrivning är avstängd: lägg till en skrivare med samkarta writers add.") from None
    except Unauthorized:
        raise FormRefused(f"Fel API-nyckel: {unsaved} sparades inte.") from None


def require_writer(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> str:
    """Write endpoints need `Authorization: Bearer <a writer's token>`; the writer's name."""
    return authorise(settings, bearer_token(authorization))


WriterDep = Annotated[str, Depends(require_writer)]
