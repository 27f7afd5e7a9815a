"""'Vad hänger på X?': what depends on a person or body, in the explorer and the API, on both backends."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

HTML = {"Accept": "text/html"}


def _id(client: TestClient, name: str, label: str) -> str:
    hits = client.get("/api/search", params={"q": name, "label": label}).json()["data"]
    assert hits and hits[0]["name"] == name, hits[:3]
    return hits[0]["id"]


def _sources(page: str) -> list[str]:
    return re.findall(r'<a class="source" href="([^"]+)">källa</a>', page)


def test_a_chair_s_page_names_the_body_they_lead_with_its_source(client: TestClient) -> None:
    magnus = _id(client, "Magnus Nordahl", "Person")
    entity = client.get(f"/entity/{magnus}", headers=HTML).text
    assert f'href="/depends/{magnus}"' in entity and "Vad hänger på Magnus Nordahl?" in entity
    page = client.get(f"/depends/{magnus}", headers=HTML)
    assert page.status_code == 200 and "<h1>Vad hänger på" in page.text
    rug = _id(client, "RUG barn och unga", "Network")
    assert f'<a href="/entity/{rug}">RUG barn och unga</a>' in page.text
    assert "Magnus Nordahl är ordförande" in page.text
    source = _sources(page.text)[0]
    assert source.startswith("/document/document-") and "start=" in source
    passage = client.get(source.replace("&amp;", "&"), headers=HTML).text
    assert re.search(r"<mark[^>]*>Magnus Nordahl</mark>", passage)


def test_a_person_s_open_actions_and_the_question_they_carry(client: TestClient) -> None:
    lena = _id(client, "Lena Berggren", "Person")
    found = client.get(f"/api/entities/{lena}/dependents").json()
    assert found["label"] == "Person" and len(found["actions"]) == 4
    assert all(a["assignee_id"] == lena and a["body"]["name"] == "RUG barn och unga" for a in found["actions"])
    assert all(a["evidence"]["quote"].startswith("Lena") and a["evidence"]["start"] for a in found["actions"])
    [carried] = found["handoffs"]
    assert carried["to_name"] == "IFO-chefsnätverket" and "Lena tar även med sig" in carried["evidence"]["quote"]
    page = client.get(f"/depends/{lena}", headers=HTML).text
    assert "Frågor Lena Berggren för vidare" in page and "Lena tar även med sig denna fråga" in page
    assert len(_sources(page)) == 5  # four actions and the question, each with its passage


def test_a_body_s_page_lists_bodies_that_meet_others_only_through_it_and_questions_handed_to_it(
    client: TestClient,
) -> None:
    rug = _id(client, "RUG barn och unga", "Network")
    found = client.get(f"/api/entities/{rug}/dependents").json()
    only = {b["name"]: b for b in found["bodies"]}
    assert {"IFO-chefsnätverket", "Socialchefs nätverket"} <= set(only)
    assert all(b["reason"] == "only_contact" and b["evidence"] for b in found["bodies"])
    assert [p["name"] for p in only["Socialchefs nätverket"]["via"]] == ["Anna Ståhlkloo"]
    assert {a["text"].split()[0] for a in found["actions"]} == {"Lena", "Eva"}  # Eva Randell comes to the next RUG
    ifo = _id(client, "IFO-chefsnätverket", "Network")
    handed = client.get(f"/api/entities/{ifo}/dependents").json()["handoffs"]
    assert len(handed) == 5 and {h["from_name"] for h in handed} == {"RUG barn och unga"}
    page = client.get(f"/depends/{ifo}", headers=HTML).text
    assert "Frågor som lämnats över till IFO-chefsnätverket" in page and "Samordnare för BBIC" in page
    assert f'href="/entity/{rug}"' in page


def test_the_form_finds_by_name_and_says_when_nothing_is_found(client: TestClient) -> None:
    magnus = _id(client, "Magnus Nordahl", "Person")
    found = client.get("/depends", params={"namn": "magnus nordahl"}, headers=HTML, follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == f"/depends/{magnus}"
    empty = client.get("/depends", params={"namn": ""}, headers=HTML)
    assert empty.status_code == 200 and 'name="namn"' in empty.text
    missing = client.get("/depends", params={"namn": "<b>Ingen Alls</b>"}, headers=HTML)
    assert missing.status_code == 200 and "Hittar ingen" in missing.text
    assert "&lt;b&gt;Ingen Alls&lt;/b&gt;" in missing.text and "<b>Ingen" not in missing.text


def test_only_people_and_bodies_have_a_page(client: TestClient) -> None:
    falun = _id(client, "Falun", "Municipality")
    assert 'href="/depends/' not in client.get(f"/entity/{falun}", headers=HTML).text
    page = client.get(f"/depends/{falun}", headers=HTML)
    assert page.status_code == 404 and "<html" in page.text
    assert client.get(f"/api/entities/{falun}/dependents").json()["status"] == 404
