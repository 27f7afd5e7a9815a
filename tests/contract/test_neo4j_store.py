"""The contract on the Neo4j store, against a real server (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import RoutingControl

from samkarta.graph.neo4j_store import Neo4jStore
from tests.contract.store_contract import StoreContract

pytestmark = pytest.mark.neo4j


class TestNeo4jStore(StoreContract):
    @pytest.fixture
    def store(self, neo4j_uri: str, neo4j_auth: tuple[str, str]) -> Iterator[Neo4jStore]:
        store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
        store.wipe()  # every test starts from an empty graph
        yield store
        store.close()

    def forget_document_index(self, store: Neo4jStore) -> None:
        store._query("MATCH (d:Sk_DocumentSource) REMOVE d.search_text", routing=RoutingControl.WRITE)
