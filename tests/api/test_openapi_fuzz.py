"""Property-based run of the OpenAPI schema with every schemathesis check: no 5xx, only documented
status codes and content types, 405 with the right Allow for undeclared methods, valid bodies."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from samkarta.api.jobs import JobQueue
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.queries.view import GraphView
from tests.api.conftest import seeded_app

_tmp = Path(tempfile.mkdtemp(prefix="samkarta-fuzz-"))
_store = SQLiteStore.open(_tmp / "graph.db")
app = seeded_app(_store, _tmp / "data")
# schemathesis' ASGI transport does not run the lifespan, so the state it would set is set here
app.state.store = _store
app.state.view = GraphView(_store)
app.state.jobs = JobQueue()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)  # the same cases in every run: CI stays reproducible
def test_the_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()
