"""Property-based run of the OpenAPI schema: no generated request may produce a 5xx."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.queries.view import GraphView
from tests.api.conftest import seeded_app

_tmp = Path(tempfile.mkdtemp(prefix="samkarta-fuzz-"))
_store = SQLiteStore.open(_tmp / "graph.db")
app = seeded_app(_store, _tmp / "data")
# schemathesis' ASGI transport does not run the lifespan, so the state it would set is set here
app.state.store = _store
app.state.view = GraphView(_store)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[not_a_server_error])
