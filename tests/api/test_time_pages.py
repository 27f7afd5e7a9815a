"""Time and place on the explorer's pages, on both backends: a body's members year by year, a question's
trail year by year, a body's municipality map, and graph downloads that hold the nodes expanded in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samkarta.graph.store import GraphStore
from samkarta.reference import load_reference
from tests.api.conftest import seeded_app
from tests.api.test_api import _id
from tests.api.test_neighbours import _page_data
from tests.api.test_region_page import _shapes
from tests.contract.store_contract import one_body_two_years

HTML = {"Accept": "text/html"}
BODY = "Länsgrupp för familjehemsfrågor"


@pytest.fixture
def client(backend_store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    """The sample minutes plus one body's minutes of 2021 and 2023 (nothing in 2022)."""
    for batch in one_body_two_years():
        backend_store.write_document(batch)
    with TestClient(seeded_app(backend_store, tmp_path / "data")) as c:
        yield c


def _panels(page: str, box: str) -> dict[str, str]:
    """Year -> the HTML of that year's panel in the year box `box`."""
    start = page.index(f'<section class="years" id="{box}"')
    found = re.findall(r'<section class="year-panel[^"]*" data-year="(\d{4})"[^>]*>(.*?)</section>', page[start:], re.S)
    return dict(found)


def test_a_body_page_shows_its_members_year_by_year_with_a_slider(client: TestClient) -> None:
    body = _id(client, BODY, "Network")
    page = client.get(f"/entity/{body}", headers=HTML).text
    panels = _panels(page, "medlemmar-ar")
    assert list(panels) == ["2021", "2022", "2023"]  # the year without a meeting shows as a gap
    for year, panel in panels.items():
        assert f'<h3 id="medlemmar-ar-{year}">{year}</h3>' in panel
    assert "1 möte · 2 kommuner · 1 organisation · 3 personer" in panels["2021"]
    assert "Inga möten." in panels["2022"] and "<h4>" not in panels["2022"]
    y2023 = panels["2023"]
    assert re.search(r">Köping</a> <span class=\"tag new\">ny</span>", y2023)
    assert re.search(r">Sala</a></li>", y2023)  # there before: not new
    assert "Inte med sedan förra mötesåret: Arboga, Lisa Holm" in y2023
    assert f'href="/body/{body}/map?year=2023"' in y2023
    # the slider: labelled, one step a year from the first to the last, the last year's shown beside it
    assert '<label for="medlemmar-ar-range">År</label>' in page
    assert 'type="range" id="medlemmar-ar-range" min="0" max="2" step="1" value="2" aria-valuetext="2023"' in page
    assert '<output for="medlemmar-ar-range" id="medlemmar-ar-value" aria-live="polite">2023</output>' in page
    assert re.search(r'<script nonce="[^"]+" src="/static/years.js" defer></script>', page)
    assert client.get("/static/years.js").status_code == 200
    assert f'<a class="body-map" href="/body/{body}/map">' in page


def test_the_json_api_answers_what_the_pages_show(client: TestClient) -> None:
    body = _id(client, BODY, "Network")
    years = client.get(f"/api/networks/{body}/years").json()
    assert [(y["year"], y["meetings"]) for y in years["years"]] == [(2021, 1), (2022, 0), (2023, 1)]
    assert [m["name"] for m in years["years"][2]["municipalities"]] == ["Köping", "Sala"]
    munis = client.get(f"/api/networks/{body}/municipalities", params={"year": 2021}).json()
    assert sorted(m["name"] for m in munis["municipalities"] if m["takes_part"]) == ["Arboga", "Sala"]
    trail = client.get("/api/trail/years", params={"q": "gemensam annonsering"}).json()
    assert [[h["to_name"] for h in y["handoffs"]] for y in trail["years"]] == [
        ["IFO-chefsnätverket"],
        [],
        ["Socialchefsnätverket"],
    ]
    anna = _id(client, "Anna Ståhlkloo")
    for url in (f"/api/networks/{anna}/years", f"/api/networks/{anna}/municipalities"):
        r = client.get(url)
        assert r.status_code == 404 and r.json()["ok"] is False
    assert client.get(f"/api/networks/{body}/municipalities", params={"year": 1200}).status_code == 422


def test_a_page_without_years_has_no_slider(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    page = client.get(f"/entity/{anna}", headers=HTML).text
    assert 'class="years"' not in page and "years.js" not in page
    ifo = _id(client, "IFO-chefsnätverket", "Network")  # a body that never met: no year, no slider
    page = client.get(f"/entity/{ifo}", headers=HTML).text
    assert 'class="years"' not in page and 'class="body-map"' in page


def test_a_question_page_shows_its_trail_year_by_year(client: TestClient) -> None:
    page = client.get("/question", params={"q": "gemensam annonsering"}, headers=HTML).text
    panels = _panels(page, "fragans-vag")
    assert list(panels) == ["2021", "2022", "2023"]
    assert "Inget om frågan." in panels["2022"]
    assert f"2021-03-11</span> {BODY} → IFO-chefsnätverket: gemensam annonsering" in panels["2021"]
    assert f"2023-03-09</span> {BODY} → Socialchefsnätverket: gemensam annonsering" in panels["2023"]
    assert "2 nätverk, 1 fråga skickad vidare" in panels["2023"]
    assert "IFO-chefsnätverket" not in panels["2023"] and "Socialchefsnätverket" not in panels["2021"]
    assert 'type="range" id="fragans-vag-range" min="0" max="2"' in page
    # a step whose minutes give no date is listed apart, in no year
    page = client.get("/question", params={"q": "hedersrelaterat våld"}, headers=HTML).text
    assert list(_panels(page, "fragans-vag")) == ["2021"]
    undated = page[page.index("<h2>Utan datum</h2>") :]
    assert ">nätverket för verksamhetsutvecklare</a> – diskussion:" in undated
    # a trail in one year: the panel alone, no slider to move
    page = client.get("/question", params={"q": "BBIC"}, headers=HTML).text
    assert list(_panels(page, "fragans-vag")) == ["2019"] and 'id="fragans-vag-range"' not in page


def test_a_body_map_fills_the_municipalities_its_people_came_from(client: TestClient) -> None:
    body = _id(client, BODY, "Network")
    county = {m.code: m.name for m in load_reference().municipalities.values() if m.county == "Västmanland"}
    page = client.get(f"/body/{body}/map", headers=HTML)
    assert page.status_code == 200
    shapes = _shapes(page.text)
    assert set(shapes) == set(county)  # every municipality of the body's county, once
    filled = sorted(county[c] for c, (_, kind) in shapes.items() if kind == "takes-part")
    assert filled == ["Arboga", "Köping", "Sala"]
    assert (
        f"<title>Sala: med i {BODY}</title>" in page.text and f"<title>Västerås: inte med i {BODY}</title>" in page.text
    )
    assert "3 av 10 kommuner på kartan" in page.text
    # one year: only those at that year's meeting; the year links say which is shown
    one = client.get(f"/body/{body}/map", params={"year": 2021}, headers=HTML).text
    assert sorted(county[c] for c, (_, kind) in _shapes(one).items() if kind == "takes-part") == ["Arboga", "Sala"]
    assert f'href="/body/{body}/map?year=2021" aria-current="page">2021</a>' in one
    assert "<h1>Länsgrupp för familjehemsfrågor: kommunerna 2021</h1>" in one
    none = client.get(f"/body/{body}/map", params={"year": 2022}, headers=HTML).text
    assert not [c for c, (_, kind) in _shapes(none).items() if kind == "takes-part"] and "Ingen kommun 2022." in none


def test_a_body_map_of_what_is_not_a_body_or_a_bad_year_is_an_error_page(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    for node in (anna, "network-0000000000000000"):
        r = client.get(f"/body/{node}/map", headers=HTML)
        assert r.status_code == 404 and "<html" in r.text
    body = _id(client, BODY, "Network")
    r = client.get(f"/body/{body}/map", params={"year": "förra"}, headers=HTML)
    assert r.status_code == 422 and "fel värde i year" in r.text


def test_a_download_after_expanding_holds_the_expanded_nodes(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    rug = _id(client, "RUG barn och unga", "Network")
    view = client.get(f"/graph/ego/{anna}", params={"format": "json"}).json()
    around = client.get(f"/api/entities/{rug}/neighbours").json()
    expanded = client.get(f"/graph/ego/{anna}", params={"expand": rug, "format": "json"}).json()
    ids = {n["id"] for n in expanded["nodes"]}
    assert ids == {n["id"] for n in view["nodes"]} | {n["id"] for n in around["nodes"]}
    assert len(ids) > len(view["nodes"])
    pairs = {frozenset((e["source"], e["target"])) for e in expanded["links"]}
    assert pairs == {frozenset((e["source"], e["target"])) for e in view["links"]} | {
        frozenset((e["from"], e["to"])) for e in around["edges"]
    }
    # the page drawn at that address shows the same, and its download links keep the expansion
    page = client.get(f"/graph/ego/{anna}", params={"expand": rug}, headers=HTML).text
    data = _page_data(page)
    assert {n["id"] for n in data["nodes"]} == ids and data["expand"]["expanded"] == [rug]
    assert f'href="/graph/ego/{anna}?expand={rug}&amp;format=gexf"' in page
    gexf = client.get(f"/graph/ego/{anna}", params={"expand": rug, "format": "gexf"}).text
    assert all(f'id="{i}"' in gexf for i in ids)


def test_an_expansion_the_page_could_not_have_made_is_refused_naming_the_field(client: TestClient) -> None:
    anna = _id(client, "Anna Ståhlkloo")
    far = _id(client, BODY, "Network")  # not in her one-step view
    for value in (far, "topic-question", "<script>"):
        r = client.get(f"/graph/ego/{anna}", params={"expand": value, "format": "json"})
        assert r.status_code == 422 and r.json()["error"].startswith("expand: "), value
    r = client.get(f"/graph/ego/{anna}", params={"expand": far}, headers=HTML)
    assert r.status_code == 422 and "<html" in r.text and "&lt;script&gt;" not in r.text
