"""A rehearsed correction (the API's at start, so a fresh server plans a correction's statements
before anyone corrects anything) runs the correction's statements and writes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from samkarta import corrections as fix
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.ingest import find_files, ingest_files
from samkarta.queries.view import SOCIAL_LABELS, SOCIAL_TYPES
from samkarta.samples import sample_dir
from tests.integration.test_neo4j_rewrite import _dump

pytestmark = pytest.mark.neo4j


def test_a_rehearsed_correction_runs_its_statements_and_writes_nothing(
    store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ingest_files(store, find_files([sample_dir()])).ingested == 11
    before, version, corrections = _dump(store), store.version(), store.corrections()
    rewrite = Neo4jStore._rewrite_document
    written: list[int | None] = []

    def counted(self: Neo4jStore, *args: Any) -> int | None:
        written.append(rewrite(self, *args))
        return written[-1]

    monkeypatch.setattr(Neo4jStore, "_rewrite_document", counted)
    assert fix.rehearse(store, SOCIAL_LABELS, SOCIAL_TYPES) >= 3  # documents of several lengths
    assert written and written[0] is not None  # the document was written as its difference, then rolled back
    assert _dump(store) == before and store.version() == version and store.corrections() == corrections
