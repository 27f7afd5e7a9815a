"""GET /api/entities/{id}/neighbours, the one-step neighbourhood a graph view adds when a node is
expanded in place, on both backends: the same nodes as the ego view, drawn as the views draw them."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from tests.api.test_api import _id

KIND_FILL = {"Person": "#4e79a7", "Network": "#f28e2b", "Organization": "#59a14f", "Region": "#b07aa1"}


def _page_data(page: str) -> dict:
    found = re.search(r'<script[^>]* id="samkarta-data" type="application/json">(.*?)</script>', page, re.S)
    assert found, "no graph data on the page"
    return json.loads(found.group(1))


def test_a_node_s_neighbours_are_its_ego_view_drawn_as_the_views_draw(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    found = client.get(f"/api/entities/{anna}/neighbours").json()
    assert found["id"] == anna and found["name"] == "Anna Ståhlkloo"
    ids = {n["id"] for n in found["nodes"]}
    view = _page_data(client.get(f"/graph/ego/{anna}", headers={"Accept": "text/html"}).text)
    assert ids == {n["id"] for n in view["nodes"]}
    assert found["total"] == len(ids) - 1 and found["omitted"] == 0
    assert {"RUG barn och unga", "Socialchefs nätverket"} <= {n["name"] for n in found["nodes"]}
    # every edge joins two nodes of the answer, once per pair, with its relation's style
    pairs = [frozenset((e["from"], e["to"])) for e in found["edges"]]
    assert pairs and len(pairs) == len(set(pairs)) and all(p <= ids for p in pairs)
    assert all(anna in p for p in pairs)  # one step: nothing else links to her neighbours in this view
    member = next(e for e in found["edges"] if e["type"] == "MEMBER_OF")
    assert member["color"]["color"] == "#9aa7b5" and member["dashes"] is False and member["weight"] >= 1
    # nodes: the kind's shape and colour, the county's colour beside it, the page to open, the raw weight
    for node in found["nodes"]:
        assert node["color"]["background"] == KIND_FILL.get(node["kind"], node["color"]["background"])
        assert node["colors"]["kind"] == node["color"] and "region" in node["colors"]
        assert node["url"] == f"/entity/{node['id']}" and node["weight"] >= 1
    rug = next(n for n in found["nodes"] if n["name"] == "RUG barn och unga")
    assert rug["shape"] == "hexagon" and rug["colors"]["region"]["background"] != rug["color"]["background"]
    legend = found["legend"]
    assert [e["name"] for e in legend["kind"]] == ["Person", "Nätverk/organ", "Organisation"]
    assert "Dalarna" in [e["name"] for e in legend["region"]]
    assert {"Deltar i", "Företräder"} <= {e["name"] for e in legend["edge"]}


def test_the_view_s_filters_and_a_limit_narrow_the_neighbours(client: TestClient) -> None:
    rug = _id(client, "RUG barn och unga", "Network")
    every = client.get(f"/api/entities/{rug}/neighbours").json()
    people = client.get(f"/api/entities/{rug}/neighbours", params={"label": "Person"}).json()
    assert {n["kind"] for n in people["nodes"] if n["id"] != rug} == {"Person"}
    assert 2 < people["total"] < every["total"]
    first = client.get(f"/api/entities/{rug}/neighbours", params={"label": "Person", "limit": 2}).json()
    assert len(first["nodes"]) == 3 and first["omitted"] == people["total"] - 2
    heaviest = sorted((n for n in people["nodes"] if n["id"] != rug), key=lambda n: (-n["weight"], n["name"], n["id"]))[
        :2
    ]
    assert {n["id"] for n in first["nodes"]} == {rug, *(n["id"] for n in heaviest)}
    later = client.get(f"/api/entities/{rug}/neighbours", params={"since": "2099-01-01", "until": ""}).json()
    # no meeting that late: no members, only the county the body belongs to (a link without a date)
    assert [n["kind"] for n in later["nodes"] if n["id"] != rug] == ["Region"] and later["total"] == 1
    elsewhere = client.get(f"/api/entities/{rug}/neighbours", params={"region": "SKÅNE"}).json()
    # a body of Dalarna in a view of Skåne: only its neighbours without a county
    others = [n for n in elsewhere["nodes"] if n["id"] != rug]
    assert 0 < len(others) < every["total"]
    assert {n["colors"]["region"]["background"] for n in others} == {"#d5d9de"}


def test_the_ego_view_expands_under_its_own_filters(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    page = client.get(
        f"/graph/ego/{anna}",
        params=[("label", "Person"), ("label", "Network"), ("region", "dalarna"), ("since", ""), ("until", "")],
        headers={"Accept": "text/html"},
    ).text
    expand = _page_data(page)["expand"]
    assert expand["url"] == "/api/entities/{id}/neighbours?label=Person&label=Network&region=dalarna"
    assert expand["byWeight"] is True and expand["node"]["out"] == [10.0, 36.0]
    assert "Dubbelklicka på en nod" in page and ">Visa grannar</button>" in page
    for view in ("/graph/networks", "/graph/question?q=BBIC"):
        data = _page_data(client.get(view, headers={"Accept": "text/html"}).text)
        assert data["expand"]["url"] == "/api/entities/{id}/neighbours", view


def test_an_unknown_or_malformed_node_has_the_error_shape(client: TestClient) -> None:
    missing = client.get("/api/entities/person-0000000000000000/neighbours")
    assert missing.status_code == 404 and missing.json()["ok"] is False
    assert client.get("/api/entities/topic-question/neighbours").status_code == 422
    anna = _id(client, "Anna Ståhlkloo")
    assert client.get(f"/api/entities/{anna}/neighbours", params={"limit": 0}).status_code == 422
    assert client.get(f"/api/entities/{anna}/neighbours", params={"label": "Document"}).status_code == 422
