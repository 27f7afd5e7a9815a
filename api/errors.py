"""One JSON error shape for every error: {"ok": false, "error": ..., "status": ...}."""

from __future__ import annotations

import html
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from samkarta.graph.errors import AppError

log = logging.getLogger("samkarta.api")


def _error(status: int, message: str, details: object | None = None) -> JSONResponse:
    body: dict[str, object] = {"ok": False, "error": message, "status": status}
    if details is not None:
        body["details"] = details
    return JSONResponse(body, status_code=status)


def _wants_page(request: Request) -> bool:
    """Explorer pages get an HTML error page; the API, /health and scripts get JSON."""
    path = request.url.path
    return not path.startswith(("/api", "/health", "/openapi", "/docs")) and "text/html" in request.headers.get(
        "accept", ""
    )


def _page(status: int, message: str) -> HTMLResponse:
    title = {404: "Hittades inte", 422: "Felaktig förfrågan", 503: "Databasen svarar inte"}.get(status, "Fel")
    body = (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{title} – Samkarta</title>'
        f'<link rel="stylesheet" href="/static/app.css"></head><body><main><h1>{title}</h1>'
        f'<p>{html.escape(message)}</p><p><a href="/">Till startsidan</a></p></main></body></html>'
    )
    return HTMLResponse(body, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> JSONResponse | HTMLResponse:
        if _wants_page(request):
            return _page(exc.status, str(exc))
        return _error(exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"field": ".".join(str(p) for p in e.get("loc", ())), "reason": e.get("msg")} for e in exc.errors()]
        return _error(422, "invalid request parameters", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _error(500, "internal error; see the server log")
