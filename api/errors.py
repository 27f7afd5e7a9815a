"""One JSON error shape for every error: {"ok": false, "error": ..., "status": ...}."""

from __future__ import annotations

import html
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from samkarta.api.security import allowed_methods
from samkarta.errors import AppError, StoreUnavailable

log = logging.getLogger("samkarta.api")
STORE_DOWN = "the graph store is not reachable right now; try again shortly"
STORE_DOWN_PAGE = "Databasen svarar inte just nu. Försök igen om en stund."


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
        page = _wants_page(request)
        message = str(exc)
        if isinstance(exc, StoreUnavailable):
            log.warning("store unavailable: %s", exc)  # the driver's words go to the log, not to callers
            message = STORE_DOWN_PAGE if page else STORE_DOWN
        return _page(exc.status, message) if page else _error(exc.status, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
        details = [{"field": ".".join(str(p) for p in e.get("loc", ())), "reason": e.get("msg")} for e in exc.errors()]
        if _wants_page(request):
            fields = ", ".join(sorted({d["field"].rsplit(".", 1)[-1] for d in details}))
            return _page(422, f"Sidan kunde inte visas: fel värde i {fields}.")
        return _error(422, "invalid request parameters", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        if exc.status_code == 404 and _wants_page(request):
            return _page(404, "Sidan finns inte.")
        response = _error(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, not only those of the first route
            response.headers["Allow"] = ", ".join(sorted(allowed_methods(request.app.router.routes, request.scope)))
        return response

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _error(500, "internal error; see the server log")
