"""The JSON API over the corpus: answers with evidence, error shapes, write protection."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.samples import sample_dir


def _id(client: TestClient, name: str, label: str = "Person") -> str:
    hits = client.get("/api/search", params={"q": name, "label": label}).json()["data"]
    assert hits and hits[0]["name"] == name, hits[:3]
    return hits[0]["id"]


def test_search_is_tolerant_of_case_and_spelling(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "ANNA STÅHLKLO"}).json()["data"]
    assert data[0]["name"] == "Anna Ståhlkloo"
    assert client.get("/api/search", params={"q": "SCHNV"}).json()["data"][0]["label"] == "Network"


def test_owners_of_honour_violence_is_the_dalarna_network_that_decided(client: TestClient) -> None:
    body = client.get("/api/owners", params={"q": "hedersrelaterat våld"}).json()
    first = body["data"][0]
    assert first["name"].startswith("Socialchefs") and first["region"] == "Dalarna"
    decision = next(e for e in first["evidence"] if e["kind"] == "decision")
    assert "hedersrelaterat våld" in decision["evidence"]["quote"]
    assert decision["evidence"]["doc_id"] and decision["evidence"]["start"] is not None


def test_owners_of_bbic_include_the_body_that_received_the_question(client: TestClient) -> None:
    body = client.get("/api/owners", params={"q": "BBIC"}).json()
    receivers = [o for o in body["data"] if any(e["kind"] == "handoff_received" for e in o["evidence"])]
    assert [o["name"] for o in receivers] == ["IFO-chefsnätverket"]
    trail = client.get("/api/trail", params={"q": "BBIC"}).json()
    assert [(h["from_name"], h["to_name"]) for h in trail["handoffs"]] == [("RUG barn och unga", "IFO-chefsnätverket")]


def test_a_body_is_looked_up_by_any_of_its_names(client: TestClient) -> None:
    dalarna = client.get("/api/networks", params={"name": "Socialchefsnätverket"})
    assert dalarna.status_code == 200, dalarna.text
    body = dalarna.json()
    assert (body["name"], body["region"], len(body["meetings"])) == ("Socialchefs nätverket", "Dalarna", 1)
    alias = client.get("/api/networks", params={"name": "socialchefs-nätverket (SCHNV)"}).json()
    assert alias["id"] == body["id"]
    twins = client.get("/api/networks", params={"name": "ifo chefsnätverket"}).json()["namesakes"]
    assert sorted(t["region"] for t in twins) == ["Dalarna", "Västra Götaland"]
    missing = client.get("/api/networks", params={"name": "Qxzw Ykvj"})
    assert missing.status_code == 404 and missing.json()["ok"] is False
    form = client.get(
        "/depends", params={"namn": "SOCIALCHEFS NÄTVERKET"}, headers={"Accept": "text/html"}, follow_redirects=False
    )
    assert form.status_code == 303 and form.headers["location"] == f"/depends/{body['id']}"


def test_collaborators_span_both_bodies(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    body = client.get(f"/api/people/{anna}/collaborators").json()
    bodies = {b for c in body["data"] for b in c["shared_bodies"]}
    assert "RUG barn och unga" in bodies and any(b.startswith("Socialchefs") for b in bodies)
    assert all(c["evidence"] and c["evidence"][0]["quote"] for c in body["data"])


def test_entity_network_paths_depends_brokers_export(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    entity = client.get(f"/api/entities/{anna}").json()
    assert len(entity["documents"]) == 2 and all(r["evidence"]["doc_id"] for r in entity["relations"])
    net = _id(client, "RUG barn och unga", "Network")
    network = client.get(f"/api/networks/{net}").json()
    assert network["region"] == "Dalarna" and network["handoffs_out"] and network["decisions"]
    magnus = _id(client, "Magnus Nordahl")
    assert [b["name"] for b in client.get(f"/api/people/{magnus}/depends").json()["chairs"]] == ["RUG barn och unga"]
    lena = _id(client, "Lena Berggren")
    assert len(client.get(f"/api/people/{lena}/depends").json()["open_actions"]) >= 3
    juan = _id(client, "Juan Navas")
    paths = client.get("/api/paths", params={"source": anna, "target": juan}).json()["data"]
    assert paths and all(step["evidence"]["doc_id"] for step in paths[0]["steps"])
    assert client.get("/api/brokers").json()["count"] > 0
    for fmt, media in (
        ("graphml", "application/xml"),
        ("gexf", "application/xml"),
        ("csv", "application/zip"),
        ("json", "application/json"),
    ):
        r = client.get("/api/export", params={"format": fmt, "around": anna, "depth": 2})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media) and len(r.content) > 100


def test_errors_have_one_shape(client: TestClient) -> None:
    missing = client.get("/api/entities/person-0000000000000000")
    assert missing.status_code == 404
    assert missing.json() == {"ok": False, "error": "no node with id 'person-0000000000000000'", "status": 404}
    bad = client.get("/api/entities/not-an-id")
    assert bad.status_code == 422 and bad.json()["ok"] is False and bad.json()["details"][0]["field"] == "path.node_id"
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/export", params={"format": "pdf"}).status_code == 422


def test_writes_need_the_token(client: TestClient, auth: dict[str, str]) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    assert client.delete(f"/api/people/{anna}").status_code == 401
    assert client.delete(f"/api/people/{anna}", headers={"Authorization": "Bearer wrong"}).status_code == 401
    files = {"file": ("protokoll.txt", "Närvarande: Agneta Lövgren, Sala".encode(), "text/plain")}
    assert client.post("/api/documents", files=files).status_code == 401
    up = client.post("/api/documents", files=files, headers=auth)
    assert up.status_code == 200 and up.json()["ingested"] == 1
    bad = client.post("/api/documents", files={"file": ("x.pdf", b"not a pdf", "application/pdf")}, headers=auth)
    assert bad.status_code == 422 and bad.json()["error"].startswith("x.pdf: is not a valid PDF")


def test_erasing_a_person_leaves_no_trace(client: TestClient, auth: dict[str, str]) -> None:
    lena = _id(client, "Lena Berggren")
    docs = client.get(f"/api/entities/{lena}").json()["documents"]
    assert client.delete(f"/api/people/{lena}", headers=auth).json()["ok"] is True
    assert client.get(f"/api/entities/{lena}").status_code == 404
    assert not [
        h
        for h in client.get("/api/search", params={"q": "Lena Berggren"}).json()["data"]
        if h["name"] == "Lena Berggren"
    ]
    for doc in docs:
        assert "Lena Berggren" not in client.get(f"/api/documents/{doc}").json()["text"]


def test_merge_decisions_over_the_api(client: TestClient, auth: dict[str, str]) -> None:
    merged = client.get("/api/merges", params={"status": "merged"}).json()
    assert [(c["name_a"], c["name_b"]) for c in merged] == [("Elisabet Franson", "Elisabeth Fransson")]
    url = f"/api/merges/{merged[0]['id']}/reject"
    assert client.post(url).status_code == 401
    assert client.post(url, headers=auth).json()["ok"] is True
    assert [c["status"] for c in client.get("/api/merges", params={"status": "all"}).json()] == ["rejected"]
    assert _id(client, "Elisabeth Fransson")


def test_documents_show_their_file_name_never_a_server_folder_and_hide_markdown_marks(client: TestClient) -> None:
    folder = str(sample_dir())
    listing = client.get("/api/documents")
    docs = listing.json()["data"]
    assert folder not in listing.text and all("path" not in d and "/" not in d["name"] for d in docs)
    marked = next(d for d in docs if "**" in client.get(f"/api/documents/{d['id']}").json()["text"])
    assert folder not in client.get(f"/api/documents/{marked['id']}").text
    page = client.get(f"/document/{marked['id']}", headers={"Accept": "text/html"}).text
    assert "**" in page and "**" not in re.sub(r'<span class="md">[^<]*</span>', "", page)
    assert folder not in page and marked["name"] in page
    person = _id(client, "Lena Berggren")
    entity_page = client.get(f"/entity/{person}", headers={"Accept": "text/html"}).text
    assert folder not in entity_page and folder not in client.get(f"/api/entities/{person}").text


ERASE_MINUTES = (
    "Protokoll 2024-03-05\nSocialchefsnätverket i Dalarna\n\nNärvarande: Greta Fjällström, Mora; Per Ek, Falun\n\n"
    "1. Budget\nGreta Fjällström ska ta fram underlaget till nästa möte. Frågan om budgeten lämnas till "
    "IFO-chefsnätverket, som GRETA FJÄLLSTRÖM föreslog. Kontakt: greta.fjallstrom@mora.se. G. Fjällström "
    "informerade om läget, och Greta\nFjällström tackade.\n"
)
ERASED_FORMS = ("fjällström", "fjallstrom")
# other minutes that name her only in the genitive: in a decision, an action and a handoff
GENITIVE_MINUTES = (
    "Protokoll 2024-04-09\nIFO-chefsnätverket i Dalarna\n\nNärvarande: Per Ek, Falun; Eva Lind, Mora\n\n"
    "1. Budget\nNätverket beslutade att anta Greta Fjällströms förslag till budget. Greta Fjällström:s grupp "
    "ska ta fram underlaget till nästa möte. Frågan om GRETA FJÄLLSTRÖMS förslag och Greta\nFjällström's enkät "
    "lämnas till Socialchefsnätverket.\n"
)


def test_an_erased_person_is_gone_from_every_answer_export_and_store_file(
    client: TestClient, auth: dict[str, str], backend_store, tmp_path
) -> None:
    files = {"file": ("erase.txt", ERASE_MINUTES.encode(), "text/plain")}
    assert client.post("/api/documents", files=files, headers=auth).status_code == 200
    genitive = {"file": ("erase-genitive.txt", GENITIVE_MINUTES.encode(), "text/plain")}
    assert client.post("/api/documents", files=genitive, headers=auth).status_code == 200
    greta = _id(client, "Greta Fjällström")
    people = client.get("/api/search", params={"q": "Fjällström", "label": "Person"}).json()["data"]
    assert [p["name"] for p in people if "Fjällström" in p["name"]] == ["Greta Fjällström"]  # no "Fjällströms"
    docs = client.get(f"/api/entities/{greta}").json()["documents"]
    assert len(docs) == 2
    assert client.get("/api/minutes", params={"q": "Fjällström"}).json()["count"] >= 1
    facts = [client.get(f"/api/documents/{d}/facts").text for d in docs]
    assert sum(f.count("Fjällströms förslag") + f.count("FJÄLLSTRÖMS förslag") for f in facts) >= 2  # quoted
    assert client.delete(f"/api/people/{greta}", headers=auth).status_code == 200
    for q in ("Fjällström", "fjallstrom", "Greta"):  # the index of whole minutes forgot her too
        assert client.get("/api/minutes", params={"q": q}).json()["count"] == 0, q
    found = client.get("/search", params={"q": "Fjällström"}, headers={"Accept": "text/html"}).text
    assert "Inget protokoll innehåller alla orden" in found and "<mark>" not in found
    answers = [client.get("/api/minutes", params={"q": "borttaget"}).text]
    answers += [client.get(f"/api/documents/{d}").text for d in docs]
    answers += [client.get("/api/search", params={"q": q}).text for q in ("Fjällström", "Greta")]
    answers += [client.get("/api/export", params={"format": f}).text for f in ("gexf", "csv", "graphml")]
    answers += [client.get(f"/document/{d}", headers={"Accept": "text/html"}).text for d in docs]
    answers += [client.get(f"/api/documents/{d}/facts").text for d in docs]  # decisions, assignees, questions
    for q in ("enkät", "budget", "underlaget"):  # where the question went, who owns it, with quotes
        answers += [client.get("/api/trail", params={"q": q}).text, client.get("/api/owners", params={"q": q}).text]
        answers += [client.get("/question", params={"q": q}, headers={"Accept": "text/html"}).text]
    assert not list((tmp_path / "data" / "uploads").rglob("erase.txt"))  # the uploaded original is gone
    assert not list((tmp_path / "data" / "uploads").rglob("erase-genitive.txt"))
    # the same minutes again under another name, and a rebuild after a merge decision: no comeback
    again = {"file": ("erase-again.txt", ERASE_MINUTES.encode(), "text/plain")}
    assert client.post("/api/documents", files=again, headers=auth).status_code == 200
    again = {"file": ("erase-genitive-again.txt", GENITIVE_MINUTES.encode(), "text/plain")}
    assert client.post("/api/documents", files=again, headers=auth).status_code == 200
    merged = client.get("/api/merges", params={"status": "all"}).json()
    assert client.post(f"/api/merges/{merged[0]['id']}/reject", headers=auth).status_code == 200
    people = client.get("/api/search", params={"q": "borttaget", "label": "Person"}).json()["data"]
    assert not [p for p in people if "borttaget" in p["name"]]
    answers += [client.get(f"/api/documents/{d['id']}").text for d in client.get("/api/documents").json()["data"]]
    answers += [client.get("/api/search", params={"q": "Fjällström"}).text]
    for text in answers:
        assert not any(form in text.casefold() for form in ERASED_FORMS), text[:200]
    assert not list((tmp_path / "data" / "uploads").rglob("erase-again.txt"))
    if isinstance(backend_store, SQLiteStore):
        for path in tmp_path.glob("graph.db*"):
            raw = path.read_bytes()
            assert not any(form.encode() in raw.lower() for form in ERASED_FORMS), path.name
            assert "FJÄLLSTRÖM".encode() not in raw and "Fjällström".encode() not in raw


def test_a_graph_page_downloads_exactly_the_graph_it_shows(client: TestClient) -> None:
    page = client.get("/graph/question", params={"q": "BBIC"}, headers={"Accept": "text/html"}).text
    shown = set(re.findall(r'"id": ?"([a-z]+-[\w-]+)"', page))
    link = re.search(r'href="([^"]*format=gexf[^"]*)"', page).group(1).replace("&amp;", "&")
    assert link.startswith("/graph/question?")
    exported = set(re.findall(r'<node id="([^"]+)"', client.get(link).text))
    assert shown and exported == shown


def test_a_region_view_shows_every_municipality_of_the_county_gaps_too(client: TestClient) -> None:
    from samkarta.reference import load_reference

    dalarna = _id(client, "Dalarna", "Region")
    gexf = client.get(f"/graph/region/{dalarna}", params={"format": "gexf"}).text
    names = {html.unescape(v) for v in re.findall(r'<attvalue for="\d+" value="([^"]+)"', gexf)}
    county = {m.name for m in load_reference().municipalities.values() if m.county == "Dalarna"}
    assert len(county) == 15 and county <= names
    page = client.get(f"/graph/region/{dalarna}", headers={"Accept": "text/html"}).text
    assert "Inte med i något av länets nätverk" in page


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<section id="{anchor}">')
    return page[start : page.index("</section>", start)]


def test_a_person_page_reaches_every_collaborator_and_quotes_each_passage_once(client: TestClient) -> None:
    person = _id(client, "Elisabeth Beijer")
    total = client.get(f"/api/people/{person}/collaborators", params={"limit": 200}).json()["count"]
    assert total > 20
    first = _section(client.get(f"/entity/{person}", headers={"Accept": "text/html"}).text, "samarbetar")
    assert first.count("<li>") == 20 and f"Visa alla {total}</a>" in first
    every = _section(client.get(f"/entity/{person}?alla=1", headers={"Accept": "text/html"}).text, "samarbetar")
    assert every.count("<li>") == total and "Visa alla" not in every
    quotes = re.findall(r"<blockquote>(.*?) <a", every, flags=re.S)
    assert quotes and len(quotes) == len(set(quotes))  # one attendance list is quoted once, not per name


def test_a_person_page_lists_each_body_with_its_period_and_meetings(client: TestClient) -> None:
    person = _id(client, "Elisabeth Beijer")
    page = client.get(f"/entity/{person}", headers={"Accept": "text/html"}).text
    section = page[page.index("Nätverk och perioder") : page.index('<section id="samarbetar">')]
    periods = re.findall(r'<span class="muted">(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2}), (\d+) möten?</span>', section)
    assert periods and all(first <= last for first, last, _ in periods)
    assert "> – " not in section  # an undated meeting leaves no empty start of a period


def test_the_explorer_shows_paths_with_their_quotes_and_the_brokers(client: TestClient) -> None:
    html = {"Accept": "text/html"}
    page = client.get("/paths", params={"fran": "Elisabeth Beijer", "till": "Anna Ståhlkloo"}, headers=html).text
    assert "Väg 1" in page and 'class="source" href="/document/' in page
    assert client.get("/paths", headers=html).status_code == 200  # the empty form
    unknown = client.get("/paths", params={"fran": "Xyzzy Qwerty", "till": "Anna Ståhlkloo"}, headers=html)
    assert unknown.status_code == 200 and "Hittar ingen som heter" in unknown.text
    brokers = client.get("/brokers", headers=html).text
    assert brokers.count('<li><a href="/entity/') >= 5
    assert 'href="/paths"' in brokers and 'href="/brokers"' in brokers  # in the header of every page


def test_a_relation_page_lists_the_meetings_two_people_shared_with_their_passages(client: TestClient) -> None:
    html = {"Accept": "text/html"}
    person = _id(client, "Elisabeth Beijer")
    first = client.get(f"/api/people/{person}/collaborators").json()["data"][0]
    entity_page = client.get(f"/entity/{person}", headers=html).text
    assert f'href="/relation/{person}/{first["id"]}"' in entity_page
    page = client.get(f"/relation/{person}/{first['id']}", headers=html).text
    assert page.count('<span class="date">') == first["shared_meetings"]
    assert 'class="source" href="/document/' in page and first["name"] in page
    assert client.get(f"/relation/{person}/person-0000000000000000", headers=html).status_code == 404
