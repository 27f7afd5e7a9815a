"""Open the store a URI names: sqlite:///path (default) or bolt:// / neo4j:// (Neo4j)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from samkarta.errors import InvalidInput
from samkarta.graph.store import GraphStore
from samkarta.settings import Settings, get_settings


def open_store(uri: str | None = None, settings: Settings | None = None) -> GraphStore:
    settings = settings or get_settings()
    uri = uri or settings.store_uri
    if uri.startswith("sqlite://"):
        from samkarta.graph.sqlite_store import SQLiteStore

        # sqlite:///abs/path.db is an absolute path, sqlite://rel/path.db a relative one
        return SQLiteStore.open(uri.removeprefix("sqlite://"))
    if uri.startswith(("bolt://", "neo4j://", "bolt+s://", "neo4j+s://")):
        from samkarta.graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(
            uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
            server_files=settings.neo4j_data_dir,
        )
    raise InvalidInput("--store", f"unsupported store URI {uri!r}: use sqlite:///path or bolt://host:port")


def migrate_store(uri: str | None = None, settings: Settings | None = None) -> str:
    """Convert the store a URI names to the current layout in place; what was done, in a sentence."""
    settings = settings or get_settings()
    uri = uri or settings.store_uri
    if not uri.startswith(("bolt://", "neo4j://", "bolt+s://", "neo4j+s://")):
        open_store(uri, settings).close()  # a bad URI says so; an SQLite file keeps one layout
        return f"nothing to migrate: {uri} is an embedded store, whose layout needs no migration"
    from samkarta.graph.neo4j_store import Neo4jStore

    store = Neo4jStore.connect(
        uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database, prepare=False
    )
    try:
        return f"{uri}: {store.migrate().message()}"
    finally:
        store.close()


class ReconnectingStore:
    """A store opened on first use and reopened after it could not be reached, so a server that
    was down when the API started (or went away) is picked up again without a restart."""

    def __init__(self, factory: Callable[[], GraphStore]) -> None:
        self._factory = factory
        self._store: GraphStore | None = None
        self._lock = threading.Lock()

    def _get(self) -> GraphStore:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._factory()
        return self._store

    @property
    def backend(self) -> str:
        return type(self._get()).__name__

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._get(), name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            return attr(*args, **kwargs)

        return call

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
