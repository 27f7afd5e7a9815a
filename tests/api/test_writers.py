"""Named writers over the API: each writes with a token of their own, and judgements and the audit
log say who; on both backends."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore
from samkarta.settings import Settings
from samkarta.writers import Writers
from tests.api.conftest import TOKEN

MINUTES = "Protokoll 2024-03-05\nStyrgruppen för trygghet\nNärvarande: Anna Berg, Mora; Per Ek, Falun\n"


@pytest.fixture
def registry(tmp_path: Path) -> Writers:
    """The registry of the `client` app (its SAMKARTA_DATA_DIR), read by the app on every write."""
    return Writers.in_dir(tmp_path / "data")


@pytest.fixture
def tokens(registry: Writers) -> dict[str, str]:
    return {name: registry.add(name) for name in ("Anna Berg", "ci-skript")}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def merged_candidate(client: TestClient) -> str:
    merged = client.get("/api/merges", params={"status": "all"}).json()
    assert [(c["name_a"], c["name_b"]) for c in merged] == [("Elisabet Franson", "Elisabeth Fransson")]
    return merged[0]["id"]


def test_each_writer_writes_with_their_own_token_and_the_audit_log_names_them(
    client: TestClient, tokens: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="samkarta.audit")
    files = {"file": ("styrgrupp.txt", MINUTES.encode(), "text/plain")}
    up = client.post("/api/documents", files=files, headers=bearer(tokens["Anna Berg"]))
    assert up.status_code == 200 and up.json()["ingested"] == 1
    doc = next(d["id"] for d in client.get("/api/documents").json()["data"] if d["name"] == "styrgrupp.txt")
    assert client.delete(f"/api/documents/{doc}", headers=bearer(tokens["ci-skript"])).status_code == 200
    gone = client.delete(f"/api/documents/{doc}", headers=bearer(TOKEN))
    assert gone.status_code == 404  # SAMKARTA_API_TOKEN still writes: past the guard to the route
    audit = [r.getMessage() for r in caplog.records if r.name == "samkarta.audit"]
    size = len(MINUTES.encode())
    assert audit == [f"Anna Berg uploaded styrgrupp.txt ({size} bytes)", f"ci-skript removed {doc}"]


def test_a_merge_decision_records_the_writer_who_made_it(
    client: TestClient, backend_store: GraphStore, tokens: dict[str, str]
) -> None:
    candidate = merged_candidate(client)
    assert client.post(f"/api/merges/{candidate}/reject", headers=bearer(tokens["Anna Berg"])).status_code == 200
    assert [(j.decision, j.decided_by) for j in backend_store.judgements()] == [("rejected", "Anna Berg")]
    assert client.post(f"/api/merges/{candidate}/accept", headers=bearer(tokens["ci-skript"])).status_code == 200
    assert [(j.decision, j.decided_by) for j in backend_store.judgements()] == [("accepted", "ci-skript")]
    assert client.post(f"/api/merges/{candidate}/reject", headers=bearer(TOKEN)).status_code == 200
    assert [j.decided_by for j in backend_store.judgements()] == ["api-token"]


def test_the_merges_form_takes_any_writers_token_and_the_page_shows_who_decided(
    client: TestClient, backend_store: GraphStore, registry: Writers
) -> None:
    token = registry.add("<b>Ola</b>")  # printable, so a valid name: the page must escape it
    candidate = merged_candidate(client)
    wrong = client.post(f"/merges/{candidate}", data={"decision": "reject", "token": "nope", "reason": ""})
    assert "Fel API-nyckel" in wrong.text and backend_store.judgements() == []
    form = {"decision": "reject", "token": f"{token}\n", "reason": "två personer"}  # pasted with a line break
    page = client.post(f"/merges/{candidate}", data=form)
    assert page.status_code == 200 and "Sparat: olika personer." in page.text
    assert [j.decided_by for j in backend_store.judgements()] == ["<b>Ola</b>"]
    assert "Olika personer, beslutat av\n    &lt;b&gt;Ola&lt;/b&gt;" in page.text and "<b>Ola" not in page.text
    assert "”två personer”" in page.text


def test_a_removed_writers_token_is_refused_and_the_others_still_write(
    client: TestClient, registry: Writers, tokens: dict[str, str]
) -> None:
    candidate = merged_candidate(client)
    registry.remove("Anna Berg")  # from the command line, while the server runs
    refused = client.post(f"/api/merges/{candidate}/reject", headers=bearer(tokens["Anna Berg"]))
    assert (
        refused.status_code == 401 and refused.json()["error"] == "a valid bearer token is required for this endpoint"
    )
    assert client.post(f"/api/merges/{candidate}/reject", headers=bearer(tokens["ci-skript"])).status_code == 200


@pytest.mark.parametrize("who", ["wrong", "removed"])
def test_a_wrong_token_is_refused_before_the_body_is_read(
    client: TestClient, registry: Writers, tokens: dict[str, str], tmp_path: Path, who: str
) -> None:
    token = "x" * 43 if who == "wrong" else tokens["Anna Berg"]
    if who == "removed":
        registry.remove("Anna Berg")
    pulled = []

    def body() -> Iterator[bytes]:
        for _ in range(64):
            pulled.append(1)
            yield b"x" * 65536

    headers = {"Content-Type": "multipart/form-data; boundary=b", **bearer(token)}
    assert client.post("/api/documents", content=body(), headers=headers).status_code == 401
    assert len(pulled) <= 1 and not (tmp_path / "data" / "uploads").exists()


def test_without_writers_or_api_token_writes_are_disabled(tmp_path: Path) -> None:
    store = SQLiteStore.open(tmp_path / "graph.db")
    settings = Settings(SAMKARTA_DATA_DIR=str(tmp_path / "data"), SAMKARTA_ALLOWED_HOSTS="testserver")
    try:
        with TestClient(create_app(settings, store=store)) as client:
            r = client.delete("/api/documents/document-0123456789abcdef", headers=bearer("x" * 43))
            assert r.status_code == 403 and "samkarta writers add" in r.json()["error"]
            form = client.post("/merges/person-0123456789abcdef", data={"decision": "reject", "token": "x" * 43})
            assert "Skrivning är avstängd" in form.text
            token = Writers.in_dir(tmp_path / "data").add("Anna Berg")  # the first writer opens writes at once
            r = client.delete("/api/documents/document-0123456789abcdef", headers=bearer(token))
            assert r.status_code == 404
    finally:
        store.close()
