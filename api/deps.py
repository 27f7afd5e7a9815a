"""Request dependencies: the store, its cached graph view, the settings and write authorisation."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from samkarta.api.jobs import JobQueue
from samkarta.graph.errors import AppError
from samkarta.graph.store import GraphStore
from samkarta.queries.view import GraphView, Snapshot
from samkarta.settings import Settings


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


def token_problem(settings: Settings, authorization: str | None) -> AppError | None:
    """Why a request may not write, or None when its bearer token is the configured one."""
    if not settings.api_token:
        return Forbidden("writes are disabled: set SAMKARTA_API_TOKEN to enable them")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.api_token.encode()):
        return Unauthorized("a valid bearer token is required for this endpoint")
    return None


def require_token(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Write endpoints need `Authorization: Bearer <SAMKARTA_API_TOKEN>`."""
    problem = token_problem(settings, authorization)
    if problem is not None:
        raise problem


WriteAccess = Depends(require_token)
