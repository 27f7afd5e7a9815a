"""Edits of a meeting's facts over the API and from the pages, on both backends: a person's spelling,
affiliation and roles at a meeting; a decision's, action's or handoff's text, kind and target; one
added with its quote. Writes need a writer's token, bad input is a 422 naming the field, a repeat is
a 409, and each edit shows in every read at once."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from samkarta.graph.ids import make_id
from tests.api.conftest import TOKEN
from tests.api.test_corrections import document_with

AUTH = {"Authorization": f"Bearer {TOKEN}"}
XSS = '<img src=x onerror="window.__xss=1">'


def fact(facts: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return next(f for f in facts if f["kind"] == kind)


def facts_now(client: TestClient, doc: str) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in client.get(f"/api/documents/{doc}/facts").json()["data"]}


def a_sentence(client: TestClient, doc: str) -> str:
    """A sentence of the document as it stands in its text, that no fact of it quotes yet."""
    text = client.get(f"/api/documents/{doc}").json()["text"]
    quoted = {f["quote"] for f in facts_now(client, doc).values()}
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 30 and line not in quoted and not line.startswith("#"):
            return line
    raise AssertionError("no sentence left to quote")


def test_writes_are_refused_without_a_writer_token(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision, person = fact(facts, "decision")["id"], fact(facts, "attendance")["id"]
    writes = [
        ("post", f"/api/documents/{doc}/facts/{person}/person", {"name": "Anna Berg"}),
        ("put", f"/api/documents/{doc}/facts/{decision}/text", {"text": "Något annat"}),
        ("put", f"/api/documents/{doc}/facts/{decision}/kind", {"kind": "action"}),
        ("put", f"/api/documents/{doc}/facts/{decision}/target", {"to": "RUG"}),
        ("post", f"/api/documents/{doc}/facts", {"kind": "decision", "text": "Ja", "quote": "Ja."}),
    ]
    for method, url, body in writes:
        for headers in ({}, {"Authorization": "Bearer not-a-writer"}):
            answer = client.request(method, url, json=body, headers=headers)
            assert answer.status_code == 401, (url, answer.text)
    assert client.get("/api/corrections").json()["count"] == 0


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("person", {}, "body"),
        ("person", {"roles": ["ordförande"]}, "body.roles.0"),
        ("person", {"roles": []}, "body.roles"),
        ("person", {"name": "A"}, "body.name"),
        ("text", {"text": "x"}, "body.text"),
        ("kind", {"kind": "protokoll"}, "body.kind"),
        ("target", {"to": ""}, "body.to"),
        ("text", {"text": "Ett beslut", "colour": "red"}, "body.colour"),
    ],
)
def test_bad_input_is_a_422_that_names_the_field(
    client: TestClient, path: str, body: dict[str, Any], field: str
) -> None:
    doc, facts = document_with(client, "decision")
    target = fact(facts, "attendance" if path == "person" else "decision")["id"]
    method = "post" if path == "person" else "put"
    answer = client.request(method, f"/api/documents/{doc}/facts/{target}/{path}", json=body, headers=AUTH)
    assert answer.status_code == 422, answer.text
    assert [d["field"] for d in answer.json()["details"]] == [field]


def test_a_quote_the_document_does_not_say_is_a_422_naming_quote(client: TestClient) -> None:
    doc, _ = document_with(client, "decision")
    body = {"kind": "decision", "text": "Nätverket beslutar", "quote": "Detta står inte i protokollet."}
    answer = client.post(f"/api/documents/{doc}/facts", json=body, headers=AUTH)
    assert answer.status_code == 422 and answer.json()["error"].startswith("quote: not found in the document")
    body = {"kind": "handoff", "text": "En fråga", "quote": a_sentence(client, doc)}
    answer = client.post(f"/api/documents/{doc}/facts", json=body, headers=AUTH)
    assert answer.status_code == 422 and answer.json()["error"].startswith("to: a handoff needs")
    decision = fact(list(facts_now(client, doc).values()), "decision")["id"]
    answer = client.put(f"/api/documents/{doc}/facts/{decision}/kind", json={"kind": "handoff"}, headers=AUTH)
    assert answer.status_code == 422 and answer.json()["error"].startswith("to:")
    assert client.get("/api/corrections").json()["count"] == 0


def test_a_person_at_a_meeting_is_corrected_and_every_read_follows(client: TestClient) -> None:
    doc, facts = document_with(client, "attendance")
    person = fact(facts, "attendance")
    body = {"name": "Rättad Stavning", "affiliation": "Falun", "roles": ["chair", "present"], "reason": "fel"}
    done = client.post(f"/api/documents/{doc}/facts/{person['id']}/person", json=body, headers=AUTH)
    assert done.status_code == 200, done.text
    assert [c["field"] for c in done.json()["corrections"]] == ["name", "affiliation", "roles"]
    now = facts_now(client, doc)[person["id"]]
    assert now["current"] | {} == {"name": "Rättad Stavning", "affiliation": "Falun", "roles": "chair, present"}
    assert now["extracted"]["name"] == person["text"]
    hits = client.get("/api/search", params={"q": "Rättad Stavning"}).json()["data"]
    [found] = [h for h in hits if h["label"] == "Person"]
    page = client.get(f"/api/entities/{found['id']}").json()
    attended = [r for r in page["relations"] if r["type"] == "ATTENDED"]
    assert [sorted(r["props"]["roles"]) for r in attended] == [["chair", "present"]]
    assert {r["other_name"] for r in page["relations"] if r["type"] == "REPRESENTS"} == {"Falun"}
    again = client.post(f"/api/documents/{doc}/facts/{person['id']}/person", json=body, headers=AUTH)
    assert again.status_code == 409
    history = client.get(f"/api/facts/{person['id']}/history").json()
    assert [c["field"] for c in history["data"]] == ["name", "affiliation", "roles"]


def test_a_decision_is_edited_reclassified_sent_on_and_undone(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = fact(facts, "decision")
    url = f"/api/documents/{doc}/facts/{decision['id']}"
    assert client.put(f"{url}/text", json={"text": "Ett rättat beslut"}, headers=AUTH).status_code == 200
    assert client.put(f"{url}/text", json={"text": "Ett rättat beslut"}, headers=AUTH).status_code == 409
    assert client.get(f"/api/entities/{decision['id']}").json()["text"] == "Ett rättat beslut"
    moved = client.put(f"{url}/kind", json={"kind": "handoff", "to": "Rättelsenätverket"}, headers=AUTH)
    assert moved.status_code == 200 and [c["field"] for c in moved.json()["corrections"]] == ["target", "kind"]
    assert client.get(f"/api/entities/{decision['id']}").status_code == 404  # no decision any more
    now = facts_now(client, doc)[decision["id"]]
    assert (now["current"]["kind"], now["current"]["target"], now["extracted"]["kind"]) == (
        "handoff",
        "Rättelsenätverket",
        "decision",
    )
    trail = client.get("/api/networks", params={"name": "Rättelsenätverket"}).json()
    assert [h["question"] for h in trail["handoffs_in"]] == ["Ett rättat beslut"]
    assert client.put(f"{url}/target", json={"to": "Annat nätverk"}, headers=AUTH).status_code == 200
    assert client.get("/api/networks", params={"name": "Annat nätverk"}).json()["handoffs_in"]
    kind = moved.json()["corrections"][1]["id"]
    assert client.post(f"/api/corrections/{kind}/undo", json={}, headers=AUTH).status_code == 200
    assert client.get(f"/api/entities/{decision['id']}").json()["text"] == "Ett rättat beslut"


def test_a_decision_the_minutes_miss_is_added_with_its_quote_and_undone(client: TestClient) -> None:
    doc, _ = document_with(client, "decision")
    sentence = a_sentence(client, doc)
    body = {"kind": "action", "text": "Följa upp frågan", "quote": sentence, "assignee": "Ny Ansvarig"}
    added = client.post(f"/api/documents/{doc}/facts", json=body, headers=AUTH)
    assert added.status_code == 200, added.text
    made = added.json()["corrections"]
    assert [c["field"] for c in made] == ["added", "assignee"] and made[0]["quote"] == sentence
    now = facts_now(client, doc)[made[0]["fact"]]
    assert (now["added"], now["kind"], now["quote"], now["current"]["assignee"]) == (
        True,
        "action",
        sentence,
        "Ny Ansvarig",
    )
    node = make_id("Action", doc, str(made[0]["start"]))  # the graph's id of an action at that sentence
    action = client.get(f"/api/entities/{node}").json()
    assert (action["text"], action["props"]["quote"]) == ("Följa upp frågan", sentence)
    assert {r["other_name"] for r in action["relations"] if r["type"] == "ASSIGNED_TO"} == {"Ny Ansvarig"}
    assert client.post(f"/api/documents/{doc}/facts", json=body, headers=AUTH).status_code == 409
    assert client.post(f"/api/corrections/{made[0]['id']}/undo", json={}, headers=AUTH).status_code == 200
    assert client.get(f"/api/entities/{node}").status_code == 404
    assert client.get("/api/corrections/orphaned").json()["count"] == 0


def test_the_document_page_edits_and_adds_outcomes_in_place(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = fact(facts, "decision")
    page = client.get(f"/document/{doc}").text
    assert "Lägg till ett beslut" in page and "Lägg till en fråga vidare" in page
    assert f'formaction="/document/{doc}/edits"' in page
    form = {"token": TOKEN, "action": "text", "fact": decision["id"], "text": f"Nytt {XSS}", "reason": XSS}
    answer = client.post(f"/document/{doc}/edits", data=form, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].endswith(f"#{decision['id']}")
    page = client.get(answer.headers["location"]).text
    assert "Sparat: ny text." in page and XSS not in page and "Nytt &lt;img src=x" in page
    sentence = a_sentence(client, doc)
    form = {"token": TOKEN, "action": "add", "kind": "handoff", "text": "En fråga", "quote": sentence, "to": "RUG"}
    answer = client.post(f"/document/{doc}/edits", data=form, follow_redirects=False)
    assert "tillagd" in client.get(answer.headers["location"]).text
    form["quote"] = "Inte en mening ur protokollet."
    answer = client.post(f"/document/{doc}/edits", data=form, follow_redirects=False)
    assert "fel värde i citat" in client.get(answer.headers["location"]).text
    form = {"token": "fel-nyckel", "action": "kind", "fact": decision["id"], "kind": "action"}
    answer = client.post(f"/document/{doc}/edits", data=form, follow_redirects=False)
    assert "Fel API-nyckel" in client.get(answer.headers["location"]).text
    assert client.get("/api/corrections").json()["count"] == 3  # text, added, target


def test_the_person_page_corrects_a_person_at_one_meeting(client: TestClient) -> None:
    doc, facts = document_with(client, "attendance")
    person = fact(facts, "attendance")
    hits = client.get("/api/search", params={"q": person["text"]}).json()["data"]
    node = next(h["id"] for h in hits if h["label"] == "Person")
    page = client.get(f"/entity/{node}").text
    assert f'id="{person["id"]}"' in page and "Roller på mötet" in page
    form = {
        "token": TOKEN,
        "document": doc,
        "fact": person["id"],
        "name": person["text"],
        "affiliation": "Region Dalarna",
        "roles": ["present", "secretary"],
        "reason": XSS,
    }
    answer = client.post(f"/entity/{node}/attendance", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"]).text
    assert "Sparat: personen är rättad för mötet." in page and XSS not in page
    now = facts_now(client, doc)[person["id"]]["current"]
    assert (now["affiliation"], now["roles"]) == ("Region Dalarna", "present, secretary")
    [undo] = re.findall(r'value="(undo:correction-[0-9a-f]{16})"', page.split(f'id="{person["id"]}"')[1])[:1]
    form = {"token": TOKEN, "document": doc, "fact": person["id"], "action": undo}
    answer = client.post(f"/entity/{node}/attendance", data=form, follow_redirects=False)
    assert "rättelsen är ångrad" in client.get(answer.headers["location"]).text


def test_a_question_is_sent_to_an_organisation_and_the_trail_shows_it(client: TestClient) -> None:
    doc, facts = document_with(client, "decision")
    decision = fact(facts, "decision")
    url = f"/api/documents/{doc}/facts/{decision['id']}"
    question = "Tillsynsärendet om familjehemmen"
    assert client.put(f"{url}/text", json={"text": question}, headers=AUTH).status_code == 200
    moved = client.put(f"{url}/kind", json={"kind": "handoff", "to": "ivo"}, headers=AUTH)
    assert moved.status_code == 200, moved.text
    target = moved.json()["corrections"][0]
    assert (target["field"], target["value"], target["label"]) == (
        "target",
        "Inspektionen för vård och omsorg",
        "Organization",
    )
    [handoff] = client.get("/api/trail", params={"q": "tillsynsärendet"}).json()["handoffs"]
    assert (handoff["to_label"], handoff["to_name"], handoff["question"]) == (
        "Organization",
        "Inspektionen för vård och omsorg",
        question,
    )
    ivo = client.get(f"/api/entities/{handoff['to_network']}").json()
    assert ivo["label"] == "Organization"
    assert client.get("/api/networks", params={"name": "Inspektionen för vård och omsorg"}).status_code == 404
    page = client.get("/question", params={"q": "tillsynsärendet"}).text
    assert "Inspektionen för vård och omsorg (organisation)" in page
    back = client.put(f"{url}/target", json={"to": "IFO-chefsnätverket"}, headers=AUTH)
    assert back.status_code == 200 and back.json()["corrections"][0]["label"] == ""
    [handoff] = client.get("/api/trail", params={"q": "tillsynsärendet"}).json()["handoffs"]
    assert (handoff["to_label"], handoff["to_name"]) == ("Network", "IFO-chefsnätverket")
