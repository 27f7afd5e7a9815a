"""Shared fixtures: a real Neo4j server for the tests marked `neo4j`."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVER = Path(__file__).resolve().parent.parent / "scripts" / "neo4j-server"


def _server(command: str) -> subprocess.CompletedProcess[str]:
    # the first start may build the launcher with Maven (minutes on a cold cache)
    return subprocess.run([str(SERVER), command], capture_output=True, text=True, timeout=900, check=False)


def _emptied(uri: str, auth: tuple[str, str]) -> str:
    """The test database emptied once per session, whatever an earlier run (or an older Samkarta,
    whose layout the store would refuse) left in it; each test wipes it again."""
    from samkarta.graph.neo4j_store import Neo4jStore

    store = Neo4jStore.connect(uri, *auth, prepare=False)
    try:
        store.wipe()
    finally:
        store.close()
    return uri


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_auth: tuple[str, str]) -> Iterator[str]:
    """NEO4J_URI if set, else the repository's local server (scripts/neo4j-server), started if needed.

    A server that was running before is someone else's and stays up. One this session started is
    stopped at its end, so no JVM is left behind (SAMKARTA_KEEP_NEO4J=1 keeps it up: the next run
    then starts in seconds instead of ~10-20 s).
    """
    if os.environ.get("NEO4J_URI"):
        yield _emptied(os.environ["NEO4J_URI"], neo4j_auth)
        return
    try:
        status = _server("status")
        if status.returncode == 0 and "bolt://" in status.stdout:
            yield _emptied(status.stdout.split()[-1], neo4j_auth)
            return
        started = _server("start")
        output = f"{started.stdout}{started.stderr}"
        ok = started.returncode == 0 and started.stdout.strip().startswith("bolt://")
    except (OSError, subprocess.TimeoutExpired) as e:
        ok, output = False, str(e)
    if ok:
        yield _emptied(started.stdout.strip().splitlines()[-1], neo4j_auth)
        if os.environ.get("SAMKARTA_KEEP_NEO4J") != "1":
            _server("stop")
        return
    reason = f"cannot start Neo4j with scripts/neo4j-server (needs Java 17+ and, once, Maven):\n{output}"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_auth() -> tuple[str, str]:
    return "neo4j", os.environ.get("NEO4J_PASSWORD", "samkarta-test")
