"""Renaming, re-kinding and merging entities over the API, on both backends: writes need a writer's
token, bad input is a 422 naming the field, and a judgement shows in every read at once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def found(client: TestClient, name: str, label: str) -> list[dict[str, Any]]:
    hits = client.get("/api/search", params={"q": name, "label": label, "limit": 50}).json()["data"]
    return [h for h in hits if h["name"] == name]


def one(client: TestClient, name: str, label: str) -> str:
    [hit] = found(client, name, label)
    return hit["id"]


def test_writes_are_refused_without_a_writer_token(client: TestClient) -> None:
    body = one(client, "RUG barn och unga", "Network")
    writes = [
        (f"/api/entities/{body}/rename", {"name": "RUG"}),
        (f"/api/entities/{body}/rekind", {"label": "Project"}),
        (f"/api/entities/{body}/merge", {"merged": body}),
        ("/api/entity-judgements/entityjudgement-0123456789abcdef/undo", {}),
    ]
    for url, payload in writes:
        answer = client.post(url, json=payload)
        assert answer.status_code == 401, (url, answer.text)
    assert client.get("/api/entity-judgements").json() == {"data": [], "count": 0}


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("rename", {"name": "x"}, "body.name"),
        ("rename", {"name": "RUG", "colour": "red"}, "body.colour"),
        ("rename", {"name": "RUG", "reason": "x" * 501}, "body.reason"),
        ("rekind", {"label": "Network"}, "body.label"),
        ("merge", {"merged": "not an id"}, "body.merged"),
        ("merge", {}, "body.merged"),
    ],
)
def test_bad_input_is_a_422_that_names_the_field(
    client: TestClient, path: str, payload: dict[str, Any], field: str
) -> None:
    body = one(client, "RUG barn och unga", "Network")
    answer = client.post(f"/api/entities/{body}/{path}", json=payload, headers=AUTH)
    assert answer.status_code == 422, answer.text
    assert [d["field"] for d in answer.json()["details"]] == [field]


def test_rename_shows_at_once_under_both_names_and_undo_takes_it_back(client: TestClient) -> None:
    body = one(client, "RUG barn och unga", "Network")
    renamed = client.post(
        f"/api/entities/{body}/rename", json={"name": "Regional utvecklingsgrupp barn och unga"}, headers=AUTH
    )
    assert renamed.status_code == 200, renamed.text
    made = renamed.json()["judgement"]
    assert (made["op"], made["decided_by"], made["name"]) == ("rename", "api-token", "RUG barn och unga")
    assert client.get(f"/api/networks/{body}").json()["name"] == "Regional utvecklingsgrupp barn och unga"
    assert client.get("/api/networks", params={"name": "RUG barn och unga"}).json()["id"] == body  # the old name
    assert client.post(f"/api/entities/{body}/rename", json={"name": made["value"]}, headers=AUTH).status_code == 409
    unknown = client.post("/api/entities/network-0123456789abcdef/rename", json={"name": "Ny"}, headers=AUTH)
    assert unknown.status_code == 404
    undone = client.post(f"/api/entity-judgements/{made['id']}/undo", json={"reason": "fel"}, headers=AUTH)
    assert undone.status_code == 200 and undone.json()["judgement"]["op"] == "undo"
    assert client.get(f"/api/networks/{body}").json()["name"] == "RUG barn och unga"
    assert client.post(f"/api/entity-judgements/{made['id']}/undo", json={}, headers=AUTH).status_code == 409
    history = client.get(f"/api/entities/{body}/history").json()
    assert [j["op"] for j in history["data"]] == ["rename", "undo"]
    assert client.get("/api/entity-judgements/orphaned").json() == {"data": [], "count": 0}


def test_rekind_and_merge_move_relationships_for_every_view(client: TestClient) -> None:
    project = one(client, "Barnahus", "Project")
    organisation = one(client, "Barnahus", "Organization")
    meetings = {r["other_id"] for r in client.get(f"/api/entities/{project}").json()["relations"]}
    rekinded = client.post(f"/api/entities/{project}/rekind", json={"label": "Organization"}, headers=AUTH)
    assert rekinded.status_code == 200, rekinded.text
    assert rekinded.json()["node"] == organisation  # the organisation of the same name: one node
    assert found(client, "Barnahus", "Project") == []
    now = {r["other_id"] for r in client.get(f"/api/entities/{organisation}").json()["relations"]}
    assert meetings <= now
    bup = one(client, "Barn- och ungdomspsykiatrin", "Organization")
    merged = client.post(f"/api/entities/{organisation}/merge", json={"merged": bup}, headers=AUTH)
    assert merged.status_code == 200, merged.text
    assert client.get(f"/api/entities/{bup}").status_code == 404
    assert found(client, "Barn- och ungdomspsykiatrin", "Organization") == []
    hits = client.get("/api/search", params={"q": "Barn- och ungdomspsykiatrin", "label": "Organization"}).json()
    assert organisation in {h["id"] for h in hits["data"]}  # the merged name is an alias
    aliases = {a["alias"] for a in client.get(f"/api/entities/{organisation}").json()["aliases"]}
    assert "Barn- och ungdomspsykiatrin" in aliases
    back = client.post(f"/api/entity-judgements/{merged.json()['judgement']['id']}/undo", json={}, headers=AUTH)
    assert back.status_code == 200 and client.get(f"/api/entities/{bup}").status_code == 200
    plan = one(client, "Barnplanen", "Project")
    refused = client.post(f"/api/entities/{organisation}/merge", json={"merged": plan}, headers=AUTH)
    assert refused.status_code == 422 and refused.json()["error"].startswith("merged:")
