"""Web hardening as ASGI middleware: which hosts may be named, the security headers of every
response, and writes refused before their body is read."""

from __future__ import annotations

import secrets

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from samkarta.api.deps import authorise, bearer_token
from samkarta.errors import AppError
from samkarta.settings import Settings

# Scripts run only from this origin or with the response's nonce; the explorer's graphs are framed
# by its own pages, by nobody else.
_CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
)
_WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def allowed_hosts(settings: Settings) -> list[str]:
    """The Host names the app answers to: SAMKARTA_ALLOWED_HOSTS, else this machine's loopback
    names and the address it listens on. Any other name (DNS rebinding) gets a 400."""
    if settings.allowed_hosts:
        return [h.strip() for h in settings.allowed_hosts.split(",") if h.strip()]
    hosts = ["localhost", "127.0.0.1", "::1"]
    if settings.host not in ("0.0.0.0", "::", "", *hosts):  # noqa: S104 - compared, not bound
        hosts.append(settings.host)
    return hosts


def allowed_methods(routes: list[BaseRoute], scope: Scope) -> set[str]:
    """The methods some route takes at this path (routes of included routers too)."""
    return {
        method
        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
        if any(route.matches({**scope, "method": method})[0] == Match.FULL for route in routes)
    }


class SecurityHeaders:
    """CSP with a fresh nonce, nosniff, frame and referrer policy on every response. The nonce is
    put on every <script> of an HTML page here, once: page text is escaped, so any script tag in
    it was written by the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(18)
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_secured(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = _CSP.format(nonce=nonce)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "SAMEORIGIN"
                headers["Referrer-Policy"] = "same-origin"
                if headers.get("content-type", "").startswith("text/html"):
                    start = message  # held until the whole page is there to sign its scripts
                    return
                await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks).replace(b"<script", f'<script nonce="{nonce}"'.encode())
            MutableHeaders(scope=start)["Content-Length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, send_secured)


class WriteGuard:
    """A write to the API without the token of a writer (samkarta/writers.py) is refused before any
    of its body is read, so an anonymous upload never reaches the disk. Only writes to a route that
    takes them: any other method or path gets the router's 405 or 404."""

    def __init__(self, app: ASGIApp, settings: Settings, routes: list[BaseRoute]) -> None:
        self.app = app
        self.settings = settings
        self.routes = routes

    def _writes_to_a_route(self, scope: Scope) -> bool:
        if scope["method"] not in _WRITE_METHODS or not scope["path"].startswith("/api/"):
            return False
        return scope["method"] in allowed_methods(self.routes, scope)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._writes_to_a_route(scope):
            try:
                authorise(self.settings, bearer_token(Headers(scope=scope).get("authorization")))
            except AppError as problem:
                body = {"ok": False, "error": str(problem), "status": problem.status}
                await JSONResponse(body, status_code=problem.status)(scope, receive, send)
                return
        await self.app(scope, receive, send)
