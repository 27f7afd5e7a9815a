"""The FastAPI application: JSON API, OpenAPI and the explorer pages."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from starlette.middleware.trustedhost import TrustedHostMiddleware

from samkarta.api.errors import install_error_handlers
from samkarta.api.jobs import JobQueue
from samkarta.api.routes import (
    corrections,
    depends_page,
    document_page,
    entities,
    entity_form,
    explore,
    fact_edit_form,
    fact_edits,
    health,
    manage,
    pages,
    region_pages,
    review,
    review_page,
    search_page,
)
from samkarta.api.routes.manage import FORM_OVERHEAD
from samkarta.api.security import SecurityHeaders, WriteGuard, allowed_hosts
from samkarta.errors import AppError
from samkarta.graph.store import GraphStore
from samkarta.queries.view import SOCIAL_LABELS, SOCIAL_TYPES, GraphView
from samkarta.settings import Settings, get_settings

log = logging.getLogger("samkarta.api")


def _rehearse(store: GraphStore, stop: threading.Event) -> None:
    """A correction rehearsed (nothing written), so its statements are planned before anyone corrects."""
    from samkarta.corrections import rehearse

    try:
        rehearse(store, SOCIAL_LABELS, SOCIAL_TYPES, stop=stop)
    except AppError as e:  # the store unreachable or closed meanwhile: the first correction plans them
        log.warning("could not rehearse a correction: %s", e)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the app; the store is opened in the lifespan unless one is given (tests)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from samkarta.stores import ReconnectingStore, open_store

        owned = store is None
        # opened on first request and retried while unreachable: the API starts even if Neo4j is down
        app.state.store = store if store is not None else ReconnectingStore(lambda: open_store(settings=settings))
        app.state.view = GraphView(app.state.store, brokers_in_background=True)
        app.state.jobs = JobQueue()
        # a fresh Neo4j server plans each statement on first use: the first correction would wait seconds
        stop = threading.Event()
        rehearsal = threading.Thread(target=_rehearse, args=(app.state.store, stop), name="samkarta-rehearse")
        rehearsal.start()
        try:
            yield
        finally:
            stop.set()
            rehearsal.join()  # at most one document's rehearsal: the store is not closed under it
            app.state.jobs.close()
            app.state.view.close()
            if owned:
                app.state.store.close()

    # /docs with its Swagger UI assets served by the app itself: it works offline and under the CSP
    app = FastAPIOffline(
        title="Samkarta",
        summary="Swedish regional collaboration structures from meeting minutes",
        version="0.1.0",
        lifespan=lifespan,
        static_url="/static/docs",
        favicon_url="/favicon.ico",
        # every body is refused while it streams once past the upload limit (the API's other bodies are small)
        max_body_size=settings.max_upload_mb * 1024 * 1024 + FORM_OVERHEAD,
    )
    app.state.settings = settings
    # the last added runs first: an unknown Host is refused before anything else
    app.add_middleware(WriteGuard, settings=settings, routes=app.router.routes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(settings))
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(explore.router)
    app.include_router(manage.router)
    app.include_router(corrections.router)
    app.include_router(entities.router)
    app.include_router(pages.router)
    app.include_router(document_page.router)
    app.include_router(entity_form.router)
    app.include_router(fact_edits.router)
    app.include_router(fact_edit_form.router)
    app.include_router(depends_page.router)
    app.include_router(region_pages.router)
    app.include_router(search_page.router)
    app.include_router(review.router)
    app.include_router(review_page.router)
    pages.mount_static(app)
    return app
