"""The county page: a map with one shape per municipality of the county, marked by participation, and the list."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from samkarta.reference import load_reference

SHAPE = re.compile(r'<(a|path) [^>]*class="muni (takes-part|gap)" data-code="(\d{4})"')


def _region(client: TestClient, name: str) -> str:
    hits = client.get("/api/search", params={"q": name, "label": "Region"}).json()["data"]
    return next(h["id"] for h in hits if h["name"] == name)


def _shapes(page: str) -> dict[str, tuple[str, str]]:
    """SCB code -> (element, class) of every municipality on the map."""
    found = SHAPE.findall(page)
    assert len(found) == len({code for _, _, code in found}), "a municipality drawn twice"
    return {code: (element, kind) for element, kind, code in found}


def test_the_county_page_maps_every_municipality_marked_by_participation(client: TestClient) -> None:
    region = _region(client, "Dalarna")
    page = client.get(f"/region/{region}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    shapes = _shapes(page.text)
    county = {m.code: m.name for m in load_reference().municipalities.values() if m.county == "Dalarna"}
    assert set(shapes) == set(county)
    # the same participation as the region graph: municipalities linked to one of the county's bodies
    graph = client.get(f"/graph/region/{region}", params={"format": "json"}).json()
    linked = {e["source"] for e in graph["links"]} | {e["target"] for e in graph["links"]}
    taking = {n["name"] for n in graph["nodes"] if n["id"] in linked and n.get("label") == "Municipality"}
    marked = {county[code] for code, (_, kind) in shapes.items() if kind == "takes-part"}
    assert marked == taking & set(county.values()) and {"Falun", "Mora"} <= marked
    # a participating municipality is a link to its page, named for screen readers
    falun = next(code for code, name in county.items() if name == "Falun")
    assert shapes[falun][0] == "a"
    link = re.search(rf'<a href="(/entity/[^"]+)" aria-label="Falun: med i[^"]*"[^>]*data-code="{falun}"', page.text)
    assert link and client.get(link[1], headers={"Accept": "text/html"}).status_code == 200
    assert "<title>Falun: med i minst ett av länets nätverk</title>" in page.text
    assert "Inte med i något av länets nätverk" in page.text  # the legend
    assert f"{len(marked)} av 15 kommuner" in page.text


def test_the_regions_page_maps_all_of_sweden(client: TestClient) -> None:
    page = client.get("/regions", headers={"Accept": "text/html"}).text
    shapes = _shapes(page)
    assert len(shapes) == 290
    taking = sum(kind == "takes-part" for _, kind in shapes.values())
    assert 0 < taking < 290 and f"{taking} av 290 kommuner" in page


def test_a_county_page_for_what_is_not_a_region_is_a_404_page(client: TestClient) -> None:
    person = client.get("/api/search", params={"q": "Anna Ståhlkloo"}).json()["data"][0]["id"]
    for node in (person, "region-0000000000000000"):
        r = client.get(f"/region/{node}", headers={"Accept": "text/html"})
        assert r.status_code == 404 and "<html" in r.text
