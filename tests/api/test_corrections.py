"""Corrections over the API, on both backends: writes need a writer's token, bad input is a 422 that
names the field, and a correction shows in every read at once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def document_with(client: TestClient, kind: str) -> tuple[str, list[dict[str, Any]]]:
    """A sample document with a fact of `kind`, and its facts."""
    for doc in client.get("/api/documents").json()["data"]:
        facts = client.get(f"/api/documents/{doc['id']}/facts").json()["data"]
        if any(f["kind"] == kind for f in facts):
            return doc["id"], facts
    raise AssertionError(f"no sample document has a {kind}")


def test_writes_are_refused_without_a_writer_token(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = next(f for f in facts if f["kind"] == "decision")
    writes = [
        ("post", f"/api/documents/{doc}/facts/{decision['id']}/wrong", {"reason": ""}),
        ("put", f"/api/documents/{doc}/facts/{decision['id']}/assignee", {"assignee": "Anna Berg"}),
        ("post", f"/api/documents/{doc}/meeting", {"date": "2024-01-01"}),
        ("post", f"/api/documents/{doc}/attendees", {"name": "Anna Berg"}),
        ("post", "/api/corrections/correction-0123456789abcdef/undo", {}),
    ]
    for method, url, body in writes:
        for headers in ({}, {"Authorization": "Bearer not-a-writer"}):
            answer = client.request(method, url, json=body, headers=headers)
            assert answer.status_code == 401, (url, answer.text)
            assert answer.json() == {
                "ok": False,
                "error": "a valid bearer token is required for this endpoint",
                "status": 401,
            }
    assert client.get("/api/corrections").json()["count"] == 0


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("meeting", {"region": "Narnia"}, "body.region"),
        ("meeting", {"date": "2024-13-01"}, "body.date"),
        ("meeting", {"date": "2024-01-01", "colour": "red"}, "body.colour"),
        ("meeting", {}, "body"),
        ("meeting", {"body": "x"}, "body.body"),
        ("attendees", {"name": "A"}, "body.name"),
        ("attendees", {"name": "Anna Berg", "reason": "x" * 501}, "body.reason"),
    ],
)
def test_bad_input_is_a_422_that_names_the_field(
    client: TestClient, path: str, body: dict[str, Any], field: str
) -> None:
    doc, _ = document_with(client, "decision")
    answer = client.post(f"/api/documents/{doc}/{path}", json=body, headers=AUTH)
    assert answer.status_code == 422, answer.text
    assert [d["field"] for d in answer.json()["details"]] == [field]


def test_a_field_the_fact_lacks_is_a_422_naming_it(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = next(f for f in facts if f["kind"] == "decision")
    answer = client.put(f"/api/documents/{doc}/facts/{decision['id']}/assignee", json={"assignee": "X Y"}, headers=AUTH)
    assert answer.status_code == 422 and answer.json()["error"].startswith("field: a decision can be corrected in")
    unknown = client.post(f"/api/documents/{doc}/facts/decision-0123456789abcdef/wrong", json={}, headers=AUTH)
    assert unknown.status_code == 404


def test_a_correction_shows_at_once_can_be_undone_and_its_history_is_kept(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = next(f for f in facts if f["kind"] == "decision")
    assert client.get(f"/api/entities/{decision['id']}").status_code == 200
    marked = client.post(
        f"/api/documents/{doc}/facts/{decision['id']}/wrong", json={"reason": "ingen beslutspunkt"}, headers=AUTH
    )
    assert marked.status_code == 200, marked.text
    [made] = marked.json()["corrections"]
    assert (made["decided_by"], made["reason"], made["field"]) == ("api-token", "ingen beslutspunkt", "wrong")
    assert client.get(f"/api/entities/{decision['id']}").status_code == 404  # gone from every read
    again = client.post(f"/api/documents/{doc}/facts/{decision['id']}/wrong", json={}, headers=AUTH)
    assert again.status_code == 409
    listed = client.get(f"/api/documents/{doc}/facts").json()
    assert next(f for f in listed["data"] if f["id"] == decision["id"])["wrong"] is True
    undone = client.post(f"/api/corrections/{made['id']}/undo", json={"reason": "jo, ett beslut"}, headers=AUTH)
    assert undone.status_code == 200 and undone.json()["corrections"][0]["value"] is None
    assert client.get(f"/api/entities/{decision['id']}").status_code == 200
    assert client.post(f"/api/corrections/{made['id']}/undo", json={}, headers=AUTH).status_code == 409
    history = client.get(f"/api/facts/{decision['id']}/history").json()
    assert [(c["value"], c["reason"]) for c in history["data"]] == [
        ("true", "ingen beslutspunkt"),
        (None, "jo, ett beslut"),
    ]
    assert client.get("/api/corrections/orphaned").json() == {"data": [], "count": 0}


def test_the_meeting_and_its_attendees_are_corrected_for_every_view(client: TestClient) -> None:
    doc, facts = document_with(client, "attendance")
    meeting = next(f for f in facts if f["kind"] == "meeting")
    moved = client.post(
        f"/api/documents/{doc}/meeting",
        json={"date": "2019-05-06", "body": "Rättade nätverket", "region": "Gotlands län"},
        headers=AUTH,
    )
    assert moved.status_code == 200 and [c["field"] for c in moved.json()["corrections"]] == ["date", "body", "region"]
    node = client.get(f"/api/entities/{meeting['id']}").json()
    assert (node["props"]["date"], node["props"]["body"], node["props"]["region"]) == (
        "2019-05-06",
        "Rättade nätverket",
        "Gotland",
    )
    found = client.get("/api/networks", params={"name": "Rättade nätverket"}).json()
    assert found["region"] == "Gotland" and [m["date"] for m in found["meetings"]] == ["2019-05-06"]
    added = client.post(f"/api/documents/{doc}/attendees", json={"name": "Ny Deltagare"}, headers=AUTH)
    assert added.status_code == 200
    assert "Ny Deltagare" in {
        m["name"] for m in client.get("/api/networks", params={"name": "Rättade nätverket"}).json()["members"]
    }
    assert (
        client.post(f"/api/documents/{doc}/attendees", json={"name": "Ny Deltagare"}, headers=AUTH).status_code == 409
    )
