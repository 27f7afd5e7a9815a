"""The review queue over the API and as a page, on both backends: ordered by relationships changed,
writes need a writer's token, a confirmed fact and a decided candidate leave the queue, everything
shown is escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi.testclient import TestClient

from samkarta.graph.store import GraphStore
from samkarta.ingest import ingest_files
from tests.api.conftest import TOKEN
from tests.contract.minutes import PAIR_MINUTES

AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {"Accept": "application/json"}


def queue(client: TestClient, **params: Any) -> dict[str, Any]:
    answer = client.get("/api/review", params={"limit": 500, **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def first(client: TestClient, kind: str, **params: Any) -> dict[str, Any]:
    return next(i for i in queue(client, **params)["data"] if i["kind"] == kind)


def test_the_queue_is_ordered_by_relationships_changed_and_says_how(client: TestClient) -> None:
    answer = queue(client)
    items = answer["data"]
    assert answer["count"] == len(items) == answer["facts"] + answer["candidates"] and answer["facts"] > 0
    assert [i["impact"] for i in items] == sorted((i["impact"] for i in items), reverse=True)
    assert all(i["confidence"] < 0.7 for i in items if i["kind"] == "fact")  # the default threshold
    assert "relationer i grafen" in answer["measure"]
    assert {i["kind"] for i in items} == {"fact", "entity_merge"}  # the samples have no pending person pairs
    fact = next(i for i in items if i["kind"] == "fact" and i["passages"])
    passage = fact["passages"][0]
    text = client.get(f"/api/documents/{passage['doc_id']}").json()["text"]
    assert text[passage["start"] : passage["end"]] == passage["hit"]
    assert passage["before"] + passage["hit"] + passage["after"] in text
    assert queue(client, threshold=0)["facts"] == 0
    assert queue(client, threshold=1)["facts"] > answer["facts"]
    page = client.get("/api/review", params={"offset": 2, "limit": 3}).json()
    assert [i["id"] for i in page["data"]] == [i["id"] for i in items[2:5]]


def test_writes_are_refused_without_a_writer_token(client: TestClient) -> None:
    fact = first(client, "fact")
    candidate = first(client, "entity_merge")
    writes = [
        (f"/api/documents/{fact['doc_id']}/facts/{fact['fact']}/confirm", {"field": fact["field"]}),
        (f"/api/entity-candidates/{candidate['id']}/accept", {}),
        (f"/api/entity-candidates/{candidate['id']}/reject", {}),
    ]
    for url, body in writes:
        for headers in ({}, {"Authorization": "Bearer not-a-writer"}):
            answer = client.post(url, json=body, headers=headers)
            assert answer.status_code == 401, (url, answer.text)
    assert client.get("/api/reviews").json()["count"] == 0
    assert queue(client)["count"] == len(queue(client)["data"])


def test_a_confirmed_fact_leaves_the_queue_and_is_kept_with_its_writer(client: TestClient) -> None:
    fact = first(client, "fact")
    url = f"/api/documents/{fact['doc_id']}/facts/{fact['fact']}/confirm"
    wrong_field = client.post(url, json={"field": "colour"}, headers=AUTH)
    assert wrong_field.status_code == 422 and [d["field"] for d in wrong_field.json()["details"]] == ["body.field"]
    if fact["field"]:  # a meeting is confirmed field by field
        whole = client.post(url, json={}, headers=AUTH)
        assert whole.status_code == 422 and whole.json()["error"].startswith("field: confirm one of the meeting's")
    answer = client.post(url, json={"field": fact["field"], "reason": "stämmer"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert fact["id"] not in {i["id"] for i in queue(client)["data"]}
    (kept,) = client.get("/api/reviews").json()["data"]
    assert (kept["op"], kept["fact"], kept["decided_by"], kept["reason"]) == (
        "confirm",
        fact["fact"],
        "api-token",
        "stämmer",
    )
    again = client.post(url, json={"field": fact["field"]}, headers=AUTH)
    assert again.status_code == 409 and again.json()["ok"] is False


def test_body_and_organisation_candidates_are_accepted_or_rejected(client: TestClient) -> None:
    listed = client.get("/api/entity-candidates").json()
    assert listed["count"] >= 2 and all(c["reasons"] for c in listed["data"])
    rejected, accepted = listed["data"][0], listed["data"][1]
    answer = client.post(f"/api/entity-candidates/{rejected['id']}/reject", json={"reason": "två"}, headers=AUTH)
    assert answer.status_code == 200 and answer.json()["review"]["op"] == "distinct"
    assert client.post(f"/api/entity-candidates/{rejected['id']}/reject", json={}, headers=AUTH).status_code == 404
    answer = client.post(f"/api/entity-candidates/{accepted['id']}/accept", json={}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    merge = answer.json()["judgement"]
    assert merge["op"] == "merge" and {merge["node"], merge["value"]} == {accepted["node_a"], accepted["node_b"]}
    assert client.get(f"/api/entities/{merge['value']}/history").json()["count"] == 1
    left = {c["id"] for c in client.get("/api/entity-candidates").json()["data"]}
    assert rejected["id"] not in left and accepted["id"] not in left
    assert client.get("/api/entity-candidates/entitycandidate-0123456789abcdef/accept").status_code == 405


def test_the_page_decides_with_a_writer_token_and_refuses_a_bad_one(client: TestClient) -> None:
    fact = first(client, "fact")
    form = {"kind": "fact", "doc_id": fact["doc_id"], "fact": fact["fact"], "field": fact["field"]}
    refused = client.post("/granska", data={**form, "decision": "accept", "token": "wrong-token"}, headers=JSON)
    assert refused.status_code == 403 and refused.json() == {
        "ok": False,
        "message": "Fel API-nyckel: beslutet sparades inte.",
    }
    plain = client.post("/granska", data={**form, "decision": "accept", "token": "wrong"}, follow_redirects=False)
    assert plain.status_code == 303 and "Fel+API-nyckel" in plain.headers["location"]
    assert fact["id"] in {i["id"] for i in queue(client)["data"]}
    done = client.post("/granska", data={**form, "decision": "accept", "token": TOKEN}, follow_redirects=False)
    assert done.status_code == 303
    page = client.get(done.headers["location"])
    assert "Sparat: uppgiften stämmer och har lämnat kön." in page.text and f'id="{fact["id"]}"' not in page.text
    if fact["field"]:  # a meeting's field is fixed, never marked wrong
        bad = client.post("/granska", data={**form, "decision": "reject", "token": TOKEN}, headers=JSON)
        assert bad.status_code in (409, 422) and bad.json()["ok"] is False


def test_the_page_counts_in_swedish_and_escapes_what_it_shows(client: TestClient) -> None:
    minutes = (
        "Minnesanteckningar\n\nLänsgrupp för familjehemsfrågor 2023-03-09\n\n"
        "Närvarande: Torbjörn Wahlgren ordf. Sala, Agneta Lövgren Region Västmanland\n\n"
        "1. Rekrytering\n\nLänsgruppen beslutade\natt ställa sig bakom <script>alert(1)</script> kampanjen.\n"
    )
    up = client.post("/api/documents", files={"file": ("hostile.txt", minutes.encode())}, headers=AUTH)
    assert up.status_code == 200, up.text
    items = queue(client, threshold=1)["data"]
    at = next(n for n, i in enumerate(items) if "<script>" in i["text"])
    page = client.get("/granska", params={"threshold": 1, "offset": at})
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert" not in page.text
    count = queue(client, threshold=1)["count"]
    assert f"{count} saker att granska" in page.text and "säkerhet 0,80" in page.text
    assert "Faktauppgifter med en säkerhet under 1,00 tas med." in page.text


def test_a_confirmation_is_undone_and_the_fact_is_back_in_the_queue(client: TestClient) -> None:
    fact = first(client, "fact")
    before = [i["id"] for i in queue(client)["data"]]
    url = f"/api/documents/{fact['doc_id']}/facts/{fact['fact']}/confirm"
    made = client.post(url, json={"field": fact["field"], "reason": "stämmer"}, headers=AUTH).json()["review"]
    assert client.post(f"/api/reviews/{made['id']}/undo", json={}).status_code == 401
    answer = client.post(f"/api/reviews/{made['id']}/undo", json={"reason": "läste fel"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    undo = answer.json()["review"]
    assert (undo["op"], undo["undoes"], undo["decided_by"], undo["reason"]) == (
        "undo",
        made["id"],
        "api-token",
        "läste fel",
    )
    assert [i["id"] for i in queue(client)["data"]] == before
    history = client.get("/api/reviews", params={"fact": fact["fact"]}).json()
    assert [(r["op"], r["id"]) for r in history["data"]] == [("confirm", made["id"]), ("undo", undo["id"])]
    again = client.post(f"/api/reviews/{made['id']}/undo", json={}, headers=AUTH)
    assert again.status_code == 409 and "already undone" in again.json()["error"]
    assert client.post(f"/api/reviews/{undo['id']}/undo", json={}, headers=AUTH).status_code == 409
    unknown = client.post("/api/reviews/review-0123456789abcdef/undo", json={}, headers=AUTH)
    assert unknown.status_code == 404 and "review-0123456789abcdef" in unknown.json()["error"]
    bad = client.post("/api/reviews/not-an-id/undo", json={}, headers=AUTH)
    assert bad.status_code == 422 and bad.json()["ok"] is False
    page = client.get(f"/document/{fact['doc_id']}").text
    assert "Bekräftad som den lästes" in page and "Bekräftelsen ångrad" in page and "läste fel" in page
    responses = client.get("/openapi.json").json()["paths"]["/api/reviews/{review_id}/undo"]["post"]["responses"]
    assert {"200", "401", "404", "409", "422"} <= set(responses)


def test_a_distinction_is_undone_and_the_pair_is_proposed_again(client: TestClient) -> None:
    candidate = client.get("/api/entity-candidates").json()["data"][0]
    made = client.post(f"/api/entity-candidates/{candidate['id']}/reject", json={}, headers=AUTH).json()["review"]
    assert candidate["id"] not in {c["id"] for c in client.get("/api/entity-candidates").json()["data"]}
    answer = client.post(f"/api/reviews/{made['id']}/undo", json={}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert candidate in client.get("/api/entity-candidates").json()["data"]
    history = client.get("/api/reviews", params={"node": candidate["node_a"]}).json()["data"]
    assert [r["op"] for r in history] == ["distinct", "undo"]


def _undo_from_page(client: TestClient, location: str) -> str:
    """Follow a decision's redirect, send its "Ångra" form, and return the page it leads to."""
    undo = dict(parse_qsl(urlsplit(location).query))["undo"]
    page = client.get(location).text
    assert 'action="/granska/undo"' in page and "Ångra beslutet" in page
    assert f'name="undo" value="{undo}"' in page
    form = {"undo": undo, "token": TOKEN, "reason": "fel knapp"}
    done = client.post("/granska/undo", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    again = client.post("/granska/undo", data=form, headers=JSON)
    assert again.status_code == 409 and again.json()["ok"] is False and "redan ångrat" in again.json()["message"]
    return client.get(done.headers["location"]).text


def test_the_page_takes_back_each_kind_of_decision_without_javascript(client: TestClient) -> None:
    fact = next(i for i in queue(client)["data"] if i["kind"] == "fact" and i["can_reject"])
    candidate = first(client, "entity_merge")
    before = {i["id"] for i in queue(client)["data"]}
    decisions = [
        ({"kind": "fact", "doc_id": fact["doc_id"], "fact": fact["fact"], "decision": "accept"}, "review-"),
        ({"kind": "fact", "doc_id": fact["doc_id"], "fact": fact["fact"], "decision": "reject"}, "correction-"),
        ({"kind": "entity_merge", "candidate": candidate["id"], "decision": "reject"}, "review-"),
        ({"kind": "entity_merge", "candidate": candidate["id"], "decision": "accept"}, "entityjudgement-"),
    ]
    for form, stored in decisions:
        done = client.post("/granska", data={**form, "token": TOKEN}, follow_redirects=False)
        assert done.status_code == 303 and f"undo={stored}" in done.headers["location"], done.headers
        assert {i["id"] for i in queue(client)["data"]} < before
        page = _undo_from_page(client, done.headers["location"])
        assert "Ångrat: beslutet är taget tillbaka och saken är i kön igen." in page
        assert {i["id"] for i in queue(client)["data"]} == before, form
    refused = client.post(
        "/granska/undo",
        data={"undo": "review-0123456789abcdef", "token": "wrong"},
        headers=JSON,
    )
    assert refused.status_code == 403 and refused.json()["message"] == "Fel API-nyckel: ångrandet sparades inte."


def _with_person_pair(store: GraphStore, folder: Path) -> None:
    folder.mkdir()
    for name, text in PAIR_MINUTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest_files(store, sorted(folder.iterdir()))


def test_a_person_pair_decided_in_the_queue_is_undone_and_back(
    client: TestClient, backend_store: GraphStore, tmp_path: Path
) -> None:
    _with_person_pair(backend_store, tmp_path / "pair")
    before = queue(client)["data"]
    pair = first(client, "person_merge")
    form = {"kind": "person_merge", "candidate": pair["id"], "decision": "accept", "token": TOKEN}
    done = client.post("/granska", data=form, headers=JSON)
    assert done.status_code == 200 and done.json()["undo"].startswith("review-"), done.text
    made = done.json()["undo"]
    assert pair["id"] not in {i["id"] for i in queue(client)["data"]}
    history = client.get("/api/reviews", params={"node": pair["sides"][1]["id"]}).json()["data"]
    assert [(r["id"], r["op"], r["candidate"], r["decision"], r["decided_by"]) for r in history] == [
        (made, "person", pair["id"], "accepted", "api-token")
    ]
    assert client.post(f"/api/reviews/{made}/undo", json={}).status_code == 401
    answer = client.post(f"/api/reviews/{made}/undo", json={"reason": "två personer"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    undo = answer.json()["review"]
    assert (undo["op"], undo["undoes"], undo["candidate"], undo["reason"]) == ("undo", made, pair["id"], "två personer")
    assert queue(client)["data"] == before  # back in its place, with the same score, reasons and sides
    history = client.get("/api/reviews", params={"node": pair["sides"][0]["id"]}).json()["data"]
    assert [r["op"] for r in history] == ["person", "undo"]
    again = client.post(f"/api/reviews/{made}/undo", json={}, headers=AUTH)
    assert again.status_code == 409 and "already undone" in again.json()["error"]
    # rejected from the page without JavaScript, and taken back with the page's form
    done = client.post("/granska", data={**form, "decision": "reject"}, follow_redirects=False)
    assert done.status_code == 303 and "undo=review-" in done.headers["location"], done.headers
    assert pair["id"] not in {i["id"] for i in queue(client)["data"]}
    _undo_from_page(client, done.headers["location"])
    assert queue(client)["data"] == before


def test_a_person_pair_decided_again_on_merges_is_not_undone_from_the_queue(
    client: TestClient, backend_store: GraphStore, tmp_path: Path
) -> None:
    _with_person_pair(backend_store, tmp_path / "pair")
    pair = first(client, "person_merge")
    form = {"kind": "person_merge", "candidate": pair["id"], "decision": "reject", "token": TOKEN}
    made = client.post("/granska", data=form, headers=JSON).json()["undo"]
    assert client.post(f"/api/merges/{pair['id']}/accept", json={}, headers=AUTH).status_code == 200
    refused = client.post(f"/api/reviews/{made}/undo", json={}, headers=AUTH)
    assert refused.status_code == 409 and "decided again" in refused.json()["error"]
    assert [j.decision for j in backend_store.judgements()] == ["accepted"]
