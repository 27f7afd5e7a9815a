"""Open the store a URI names: sqlite:///path (default) or bolt:// / neo4j:// (Neo4j)."""

from __future__ import annotations

from samkarta.graph.errors import InvalidInput
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

        return Neo4jStore.connect(uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)
    raise InvalidInput("--store", f"unsupported store URI {uri!r}: use sqlite:///path or bolt://host:port")
