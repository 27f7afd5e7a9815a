"""Renaming, re-kinding and merging entities over the API, on both backends: writes need a writer's
token, bad input is a 422 naming the field, and a judgement shows in every read at once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from samkarta.graph.store import GraphStore
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


def _in_two_documents(store: GraphStore, label: str) -> tuple[str, list[str]]:
    """A node of the label that two or more sample documents mention, with those documents."""
    for node_id, lab, _ in sorted(store.names()):
        docs = store.node_documents(node_id) if lab == label else []
        if len(docs) >= 2:
            return node_id, docs
    raise AssertionError(f"no {label} in two sample documents")


@pytest.mark.parametrize(("label", "route"), [("Person", "people"), ("Network", "entities")])
def test_split_moves_the_mentions_of_a_document_and_undo_gives_them_back(
    client: TestClient, backend_store: GraphStore, label: str, route: str
) -> None:
    node, docs = _in_two_documents(backend_store, label)
    url = f"/api/{route}/{node}/split"
    assert client.post(url, json={"documents": docs[:1]}).status_code == 401
    everything = client.post(url, json={"documents": docs}, headers=AUTH)
    assert everything.status_code == 409 and "a split must leave the node at least one" in everything.json()["error"]
    unknown = client.post(url, json={"documents": ["document-0123456789abcdef"]}, headers=AUTH)
    assert unknown.status_code == 422 and unknown.json()["error"].startswith("documents: no stored document")
    bad = client.post(url, json={"documents": ["../etc/passwd"]}, headers=AUTH)
    assert bad.status_code == 422 and [d["field"] for d in bad.json()["details"]] == ["body.documents.0"]
    done = client.post(url, json={"documents": docs[:1], "name": "Den andra", "reason": "två"}, headers=AUTH)
    assert done.status_code == 200, done.text
    made, new = done.json()["judgement"], done.json()["node"]
    assert (made["op"], made["node"], made["value"], made["documents"]) == ("split", node, new, docs[:1])
    assert backend_store.node_documents(new) == docs[:1] and docs[0] not in backend_store.node_documents(node)
    assert [h["id"] for h in client.get(f"/api/entities/{new}/history").json()["data"]] == [made["id"]]
    assert [h["id"] for h in client.get(f"/api/entities/{node}/history").json()["data"]] == [made["id"]]
    again = client.post(url, json={"documents": docs[:1]}, headers=AUTH)
    assert again.status_code == 422 and "does not mention" in again.json()["error"]
    undone = client.post(f"/api/entity-judgements/{made['id']}/undo", json={}, headers=AUTH)
    assert undone.status_code == 200 and undone.json()["node"] == node
    assert backend_store.get_node(new) is None  # the node split off is gone again
    assert sorted(backend_store.node_documents(node)) == sorted(docs)


def test_the_person_split_route_is_for_people_only(client: TestClient, backend_store: GraphStore) -> None:
    body, docs = _in_two_documents(backend_store, "Network")
    answer = client.post(f"/api/people/{body}/split", json={"documents": docs[:1]}, headers=AUTH)
    assert answer.status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/entities/{node_id}/split", "/api/people/{node_id}/split"):
        assert {"401", "404", "409", "422"} <= set(paths[route]["post"]["responses"]), route


def test_the_entity_page_splits_a_person_as_a_plain_form(client: TestClient, backend_store: GraphStore) -> None:
    person, docs = _in_two_documents(backend_store, "Person")
    page = client.get(f"/entity/{person}").text
    assert "<summary>Dela upp</summary>" in page and page.count('name="documents"') == len(docs)
    refused = client.post(
        f"/entity/{person}/curation",
        data={"action": "split", "documents": docs[:1], "token": "fel-nyckel"},
        follow_redirects=False,
    )
    assert refused.status_code == 303 and backend_store.entity_judgements() == []
    nothing = client.post(
        f"/entity/{person}/curation", data={"action": "split", "token": TOKEN}, follow_redirects=True
    ).text
    assert "fel värde i protokollen" in nothing
    done = client.post(
        f"/entity/{person}/curation",
        data={"action": "split", "documents": docs[:1], "name": "<b>Ny</b>", "token": TOKEN},
        follow_redirects=True,
    )
    assert done.status_code == 200 and "hör nu till en ny nod, &lt;b&gt;Ny&lt;/b&gt;." in done.text
    [j] = backend_store.entity_judgements()
    assert (j.op, j.node, j.documents, j.value_name) == ("split", person, docs[:1], "<b>Ny</b>")
    assert f'href="/entity/{j.value}"' in done.text
