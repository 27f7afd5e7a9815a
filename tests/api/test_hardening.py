"""Web hardening: hosts, security headers, early refusal of writes, upload limits and names."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.settings import Settings
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    """An app over an empty SQLite store with a 1 MiB upload limit."""
    store = SQLiteStore.open(tmp_path / "graph.db")
    data = tmp_path / "data"
    settings = Settings(
        SAMKARTA_API_TOKEN=TOKEN,
        SAMKARTA_DATA_DIR=str(data),
        SAMKARTA_ALLOWED_HOSTS="testserver",
        SAMKARTA_MAX_UPLOAD_MB=1,
    )
    with TestClient(create_app(settings, store=store)) as client:
        yield client, data
    store.close()


def test_only_allowed_host_names_are_answered(small) -> None:
    client, _ = small
    assert client.get("/health").status_code == 200
    assert client.get("/health", headers={"Host": "evil.example"}).status_code == 400


def test_default_hosts_are_the_loopback_names(tmp_path: Path) -> None:
    from samkarta.api.security import allowed_hosts

    assert allowed_hosts(Settings(SAMKARTA_DATA_DIR=str(tmp_path))) == ["localhost", "127.0.0.1", "::1"]
    bound = Settings(SAMKARTA_DATA_DIR=str(tmp_path), SAMKARTA_HOST="192.168.1.5")
    assert allowed_hosts(bound)[-1] == "192.168.1.5"


def test_every_response_carries_the_security_headers(small) -> None:
    client, _ = small
    for path in ("/", "/health", "/docs", "/api/documents"):
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.headers["X-Content-Type-Options"] == "nosniff", path
        assert r.headers["Referrer-Policy"] == "same-origin", path
        csp = r.headers["Content-Security-Policy"]
        assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp, path


def test_scripts_of_a_page_carry_the_nonce_of_its_policy(small) -> None:
    client, _ = small
    r = client.get("/docs")
    nonce = re.search(r"'nonce-([^']+)'", r.headers["Content-Security-Policy"]).group(1)
    tags = re.findall(r"<script[^>]*>", r.text)
    assert tags and all(f'nonce="{nonce}"' in t for t in tags)
    assert "cdn" not in r.text.casefold()  # Swagger UI comes from the app itself
    assert client.get("/docs").headers["Content-Security-Policy"] != r.headers["Content-Security-Policy"]
    assert client.get("/favicon.ico").status_code == 200


def test_a_method_not_allowed_says_which_are(small) -> None:
    client, _ = small
    r = client.request("TRACE", "/health")
    assert r.status_code == 405 and "GET" in r.headers["Allow"]
    put = client.put("/api/documents")  # no write route takes PUT: the router's 405, not the guard's 401
    assert put.status_code == 405 and {"GET", "POST"} <= set(put.headers["Allow"].split(", "))


def test_an_anonymous_write_is_refused_before_its_body_is_read(small) -> None:
    client, data = small
    pulled = []

    def body() -> Iterator[bytes]:
        for _ in range(64):
            pulled.append(1)
            yield b"x" * 65536

    r = client.post("/api/documents", content=body(), headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 401
    assert len(pulled) <= 1 and not (data / "uploads").exists()


def test_an_upload_over_the_limit_is_refused_and_nothing_is_kept(small) -> None:
    client, data = small
    big = {"file": ("big.txt", b"a" * (2 * 1024 * 1024), "text/plain")}
    assert client.post("/api/documents", files=big, headers=AUTH).status_code == 413
    assert not list(data.rglob("big.txt"))


def test_upload_names_are_checked_and_rejected_files_not_kept(small) -> None:
    client, data = small
    long = {"file": ("a" * 300 + ".txt", b"Protokoll", "text/plain")}
    r = client.post("/api/documents", files=long, headers=AUTH)
    assert r.status_code == 422 and "longer than" in r.json()["error"]
    bad = client.post("/api/documents", files={"file": ("x.pdf", b"not a pdf", "application/pdf")}, headers=AUTH)
    assert bad.status_code == 422 and str(data) not in bad.text
    assert not list((data / "uploads").rglob("*.pdf"))


def test_two_different_files_of_one_name_are_two_documents(small) -> None:
    client, _ = small
    for who in ("Anna Berg, Norrby", "Per Ek, Söderby"):
        files = {"file": ("protokoll.txt", f"Protokoll 2024-03-05\nNärvarande: {who}\n".encode(), "text/plain")}
        assert client.post("/api/documents", files=files, headers=AUTH).status_code == 200
    assert client.get("/api/documents").json()["count"] == 2


def test_the_same_minutes_uploaded_again_are_one_document_with_a_copy(small) -> None:
    client, data = small
    minutes = b"Protokoll 2024-03-05\nNarvarande: Anna Berg, Norrby\n"
    for name in ("protokoll.txt", "protokoll-kopia.txt"):
        upload = client.post("/api/documents", files={"file": (name, minutes, "text/plain")}, headers=AUTH)
        assert upload.status_code == 200
    listing = client.get("/api/documents").json()
    assert listing["count"] == 1
    assert listing["data"][0]["name"] == "protokoll.txt" and listing["data"][0]["copies"] == ["protokoll-kopia.txt"]
    assert str(data) not in client.get("/api/documents").text
    assert not list((data / "uploads").rglob("protokoll-kopia.txt"))  # the store holds the text once


def _finished(client: TestClient, location: str) -> dict:
    for _ in range(600):  # polls for up to a minute; a job normally ends in well under a second
        job = client.get(location).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job still {job['status']}")


def test_an_upload_can_answer_at_once_with_a_job_to_follow(small) -> None:
    client, data = small
    minutes = {"file": ("protokoll.txt", b"Protokoll 2024-03-05\nNarvarande: Anna Berg, Norrby\n", "text/plain")}
    queued = client.post("/api/documents", params={"wait": "false"}, files=minutes, headers=AUTH)
    assert queued.status_code == 202 and queued.json()["status"] in ("queued", "running", "done")
    location = queued.headers["Location"]
    assert location == f"/api/jobs/{queued.json()['id']}"
    done = _finished(client, location)
    assert done["status"] == "done" and done["result"]["ingested"] == 1 and done["finished_at"]
    assert client.get("/api/documents").json()["count"] == 1
    bad = {"file": ("x.pdf", b"not a pdf", "application/pdf")}
    failed = _finished(client, client.post("/api/documents?wait=false", files=bad, headers=AUTH).headers["Location"])
    assert failed["status"] == "failed" and "x.pdf" in failed["error"] and str(data) not in failed["error"]
    assert client.get("/api/jobs/0123456789abcdef").status_code == 404
    assert client.get("/api/jobs/not-a-job").status_code == 422


def test_a_browser_gets_swedish_pages_for_errors_and_scripts_json(small) -> None:
    client, _ = small
    page = {"Accept": "text/html"}
    for path, status in (
        ("/entity/topic-question", 422),
        ("/no/such/page", 404),
        ("/graph/ego/person-0000000000000000?depth=9", 422),
    ):
        r = client.get(path, headers=page)
        assert r.status_code == status and r.headers["content-type"].startswith("text/html"), path
        assert '<html lang="sv">' in r.text
    assert client.get("/no/such/page").headers["content-type"] == "application/json"


def test_swedish_counts_roles_reasons_and_decimal_commas() -> None:
    from samkarta.api import swedish

    assert swedish.count(1, "möte", "möten") == "1 möte" and swedish.count(3, "möte", "möten") == "3 möten"
    assert swedish.roles(["chair", "present"]) == "ordförande, närvarande"
    assert swedish.reason("name similarity 0.93; same region (national)") == "namnlikhet 0,93; samma region (nationell)"
    assert swedish.decimal(0.5) == "0,50"


def test_a_blank_question_finds_nothing_and_is_no_error(small) -> None:
    client, _ = small
    for path in ("/api/search", "/api/owners"):
        r = client.get(path, params={"q": "\t "})
        assert r.status_code == 200 and r.json()["count"] == 0, path
    assert client.get("/api/search", params={"q": ""}).status_code == 422  # empty is outside the schema
