"""Search in the minutes' text with facets, in the explorer and the API, on both backends."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

HTML = {"Accept": "text/html"}
HOSTILE = """Minnesanteckningar

RUG barn och unga 2023-02-01

Närvarande: Magnus Nordahl ordf. Falun

1. Övrigt

<b>Zebrafrågan</b> <script>window.__xss=1</script> diskuterades & "bordlades".
"""


def _facet_links(page: str, title: str) -> dict[str, tuple[str, int]]:
    """A facet's values on the page: name -> (link, count)."""
    block = page.split(f"<h3>{title}</h3>", 1)[1].split("</ul>", 1)[0]
    found = re.findall(r'<a href="([^"]+)"[^>]*>(?:✕ )?([^<]+)</a> <span class="muted">\((\d+)\)</span>', block)
    return {html.unescape(name): (html.unescape(link), int(n)) for link, name, n in found}


def _listed(page: str) -> list[str]:
    return re.findall(r'<li>\s*<a href="/document/(document-[0-9a-f]{16})">', page)


def test_minutes_are_found_by_their_text_with_marked_excerpts_and_sources(client: TestClient) -> None:
    page = client.get("/search", params={"q": "familjehem"}, headers=HTML).text
    assert "I protokollen" in page and "(2 protokoll)" in page
    assert len(_listed(page)) == 2
    marked = re.findall(r"<mark>([^<]+)</mark>", page)
    assert marked and all(m.casefold().startswith("familjehem") for m in marked)
    assert "<mark>familjehemsplaceringar</mark>" in page  # a compound, found by its first part
    source = re.search(r'<a class="source" href="(/document/[^"]+)">källa</a>', page).group(1)
    passage = client.get(html.unescape(source), headers=HTML).text
    assert re.search(r"<mark[^>]*>familjehem", passage, re.IGNORECASE)


def test_facets_count_and_filter_by_region_year_and_body(client: TestClient) -> None:
    page = client.get("/search", params={"q": "socialchefer"}, headers=HTML).text
    regions, years, bodies = (_facet_links(page, t) for t in ("Region", "År", "Nätverk"))
    total = int(re.search(r"\((\d+) protokoll\)", page).group(1))
    assert total >= 3 and sum(n for _, n in regions.values()) == total
    assert "Dalarna" in regions and years and bodies
    link, dalarna = regions["Dalarna"]
    narrowed = client.get(link, headers=HTML).text
    assert f"({dalarna} protokoll)" in narrowed and len(_listed(narrowed)) == dalarna
    chosen = _facet_links(narrowed, "Region")
    assert 'aria-current="true"' in narrowed and "Visa alla träffar" in narrowed
    assert chosen["Dalarna"][0] == "/search?q=socialchefer"  # a chosen value's link takes the filter away
    assert chosen["Dalarna"][1] == dalarna and len(chosen) == len(regions)  # other regions still offered
    year, (year_link, in_year) = next(iter(_facet_links(narrowed, "År").items()))
    both = client.get(year_link, headers=HTML).text
    assert f"({in_year} protokoll)" in both and "region=Dalarna" in both and f"ar={year}" in both
    body_link, in_body = next(iter(bodies.values()))
    assert f"({in_body} protokoll)" in client.get(body_link, headers=HTML).text
    api = client.get("/api/minutes", params={"q": "socialchefer", "region": "Dalarna"}).json()
    assert api["count"] == dalarna and all(d["region"] == "Dalarna" for d in api["data"])
    assert {v["name"] for v in api["facets"]["regions"]} == set(regions)


def test_entity_hits_show_their_kind_and_county(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Falun"}, headers=HTML).text
    assert re.search(
        r'<span class="tag Municipality">Kommun</span> <a href="/entity/municipality-[0-9a-f]+">Falun</a> '
        r'<span class="muted region">Dalarna</span>',
        page,
    ), page[:3000]
    api = client.get("/api/search", params={"q": "Falun", "label": "Municipality"}).json()["data"][0]
    assert api["region"] == "Dalarna"


def test_text_of_the_minutes_is_escaped_and_the_hit_marked_inside_it(client: TestClient, auth: dict[str, str]) -> None:
    files = {"file": ("hostile.txt", HOSTILE.encode(), "text/plain")}
    assert client.post("/api/documents", files=files, headers=auth).status_code == 200
    page = client.get("/search", params={"q": "zebrafrågan"}, headers=HTML).text
    assert "&lt;b&gt;<mark>Zebrafrågan</mark>&lt;/b&gt;" in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page and "<script>window" not in page
    assert "&amp; &#34;bordlades&#34;" in page or "&amp; &quot;bordlades&quot;" in page


def test_every_form_and_page_answers_and_nothing_found_is_said(client: TestClient) -> None:
    assert "Sök i namn och protokoll" in client.get("/search", headers=HTML).text
    none = client.get("/search", params={"q": "obefintligtordxyz"}, headers=HTML)
    assert none.status_code == 200 and "Inget protokoll innehåller alla orden" in none.text
    blank = client.get("/search", params={"q": "  ", "natverk": "", "region": "", "ar": ""}, headers=HTML)
    assert blank.status_code == 200
    late = client.get("/search", params={"q": "socialchefer", "sida": 40}, headers=HTML)
    assert late.status_code == 200 and _listed(late.text) == []
    assert client.get("/search", params={"q": "x", "ar": "20"}, headers=HTML).status_code == 422
