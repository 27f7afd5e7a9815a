"""The rendered page in headless Chromium: it draws offline, runs no injected markup and navigates on click."""

from __future__ import annotations

import random
import shutil
import urllib.parse

import networkx as nx
import pytest

from samkarta.viz import STATIC_DIR, VIS_NETWORK_FILE, render

pytestmark = pytest.mark.browser

XSS = '<img src=x onerror="window.__xss=1">'
LABELS = ["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"]
READY = "document.body.dataset.graphReady === '1'"
# Where node `id` is on the page, in page (CSS pixel) coordinates, and which node vis finds there.
NODE_POINT = """(id) => {
  const g = window.samkartaGraph;
  const p = g.network.canvasToDOM(g.network.getPosition(id));
  const r = document.querySelector('#sk-graph canvas').getBoundingClientRect();
  return {x: r.left + p.x, y: r.top + p.y, hit: g.network.getNodeAt(p)};
}"""


def mixed_graph(n: int, seed: int = 3) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        label = LABELS[i % len(LABELS)]
        G.add_node(f"{label.lower()}-{i:04x}", label=label, name=f"{label} {i}", weight=rng.randint(1, 9))
    ids = list(G.nodes)
    for i in range(1, n):  # connected: a random tree plus extra edges
        G.add_edge(ids[i], ids[rng.randrange(i)], type="REL", weight=rng.randint(1, 4))
    for _ in range(n):
        G.add_edge(rng.choice(ids), rng.choice(ids), type="REL")
    return G


def wait_ready(page, timeout: float = 20_000) -> None:
    page.wait_for_function(READY, timeout=timeout)


def test_small_graph_draws_runs_no_markup_and_opens_a_node(page, site, artifacts):
    G = mixed_graph(24)
    G.add_node("person-xss", label="Person", name=XSS, tooltip=XSS, weight=30)
    G.add_node("person-å ä/1", label="Person", name="Åsa Öberg", weight=30)
    G.add_edge("person-xss", "person-å ä/1", type="KNOWS")
    G.add_edge("person-xss", "person-0000", type="KNOWS")
    res = render(G, title=XSS, export_urls={"gexf": "/api/graph.gexf", "csv": "/api/graph.csv"})
    assert res.physics
    page.goto(site.publish("small.html", res.html))
    wait_ready(page)

    assert page.evaluate("window.samkartaGraph.nodes.length") == 26
    assert page.evaluate("window.samkartaGraph.edges.length") == res.edges
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.inner_text("h1") == XSS
    assert "Visar 26 noder" in page.inner_text("#sk-note")
    assert page.locator(".sk-legend li").count() == 7
    assert page.locator("a.sk-export").evaluate_all("els => els.map(a => a.getAttribute('href'))") == [
        "/api/graph.gexf",
        "/api/graph.csv",
    ]
    # physics is frozen once stabilised: positions no longer change
    before = page.evaluate("JSON.stringify(window.samkartaGraph.network.getPositions())")
    page.wait_for_timeout(300)
    assert page.evaluate("JSON.stringify(window.samkartaGraph.network.getPositions())") == before

    # hover: the tooltip shows the markup as text
    point = page.evaluate(NODE_POINT, "person-xss")
    assert point["hit"] == "person-xss"
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.textContent.length > 0; }"
    )
    tip = page.locator("div.vis-tooltip")
    assert tip.inner_text().startswith(XSS)
    assert tip.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None
    page.screenshot(path=str(artifacts / "viz-small-tooltip.png"))

    # click: navigates to the entity page, id URL-quoted
    point = page.evaluate(NODE_POINT, "person-å ä/1")
    assert point["hit"] == "person-å ä/1"
    page.mouse.click(point["x"], point["y"])
    expected = f"{site.base}/entity/{urllib.parse.quote('person-å ä/1', safe='')}"
    page.wait_for_url(expected, timeout=10_000)
    assert page.url == expected


def test_large_graph_uses_python_positions_and_reports_omissions(page, site, artifacts):
    G = mixed_graph(700)
    res = render(G, title="Stor vy", max_nodes=600)
    assert (res.shown, res.omitted, res.physics) == (600, 100, False)
    page.goto(site.publish("large.html", res.html))
    wait_ready(page)
    assert page.evaluate("window.samkartaGraph.nodes.length") == 600
    assert page.inner_text("#sk-note") == "Visar 600 av 700 noder (100 utelämnade av gränsen)"
    drawn = page.evaluate(
        "() => { const g = window.samkartaGraph; const ids = g.nodes.getIds().slice(0, 20);"
        " const pos = g.network.getPositions(ids);"
        " return ids.map(id => [id, pos[id].x, pos[id].y, g.nodes.get(id).x, g.nodes.get(id).y]); }"
    )
    assert len(drawn) == 20
    for _id, x, y, given_x, given_y in drawn:
        assert (x, y) == pytest.approx((given_x, given_y), abs=1)  # vis reports whole pixels
    page.screenshot(path=str(artifacts / "viz-large.png"))


def test_png_export_downloads_the_canvas(page, site, artifacts):
    page.goto(site.publish("png.html", render(mixed_graph(30), title="Export").html))
    wait_ready(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Spara PNG").click()
    download = info.value
    assert download.suggested_filename == "export.png"
    target = artifacts / "viz-export.png"
    download.save_as(str(target))
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
    # the legend is drawn under the graph: the image is taller than the canvas, as wide
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    canvas = page.evaluate("() => { const c = document.querySelector('#sk-graph canvas'); return [c.width, c.height] }")
    assert width == canvas[0] and height > canvas[1]


def test_served_asset_mode_loads_vis_from_the_app(page, site):
    static = site.root / "static" / "viz"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy(STATIC_DIR / VIS_NETWORK_FILE, static / VIS_NETWORK_FILE)
    res = render(mixed_graph(12), title="Tillgångar", asset_url="/static/viz/", lang="en")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site.publish("assets.html", res.html))
    wait_ready(page)
    assert page.evaluate("window.samkartaGraph.nodes.length") == 12
    assert f"{site.base}/static/viz/{VIS_NETWORK_FILE}" in requests
    assert page.get_by_role("button", name="Save PNG").is_visible()


@pytest.mark.parametrize("edges", [[], [("a", "a")]], ids=["empty", "one-node-loop"])
def test_tiny_graphs_become_ready(page, site, edges):
    G = nx.Graph(edges)
    res = render(G, title="Liten")
    page.goto(site.publish(f"tiny{len(edges)}.html", res.html))
    wait_ready(page)
    assert page.evaluate("window.samkartaGraph.nodes.length") == res.shown


def test_embedded_view_opens_the_entity_in_the_top_window(page, site):
    inner = site.publish("embed-inner.html", render(mixed_graph(10), title="Inbäddad", link_target="top").html)
    outer = site.publish(
        "embed.html",
        '<!DOCTYPE html><html><body style="margin:0"><iframe src="embed-inner.html" '
        'style="border:0;position:absolute;left:0;top:0;width:1200px;height:850px"></iframe></body></html>',
    )
    page.goto(outer)
    frame = page.frame(url=inner)
    frame.wait_for_function(READY, timeout=20_000)
    point = frame.evaluate(NODE_POINT, "person-0000")
    assert point["hit"] == "person-0000"
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"{site.base}/entity/person-0000", timeout=10_000)


def test_colour_by_county_recolours_the_nodes_and_swaps_the_legend(page, site, artifacts):
    G = mixed_graph(12)
    ids = list(G.nodes)
    for i, n in enumerate(ids):
        if i % 3:
            G.nodes[n]["region"] = "Dalarna" if i % 2 else "Gävleborg"
    res = render(G, title="Län", focus=ids[1])
    page.goto(site.publish("regions.html", res.html))
    wait_ready(page)
    colour = "(id) => window.samkartaGraph.nodes.get(id).color.background"
    kind_colour = page.evaluate(colour, ids[1])
    assert page.is_visible("#sk-legend-kind") and not page.is_visible("#sk-legend-region")
    page.get_by_label("län", exact=True).check()
    assert page.evaluate("document.body.dataset.colourBy") == "region"
    assert page.is_visible("#sk-legend-region") and not page.is_visible("#sk-legend-kind")
    assert page.evaluate(colour, ids[1]) != kind_colour
    assert page.evaluate(colour, ids[1]) == page.evaluate(colour, ids[7])  # both in Dalarna
    assert page.evaluate(colour, ids[0]) == "#d5d9de"  # no county
    assert page.evaluate("(id) => window.samkartaGraph.nodes.get(id).borderWidth", ids[1]) == 5
    page.screenshot(path=str(artifacts / "viz-colour-by-county.png"))
    page.get_by_label("typ", exact=True).check()
    assert page.evaluate(colour, ids[1]) == kind_colour


def test_search_inside_the_graph_selects_and_centres_the_matches(page, site):
    G = mixed_graph(40)
    G.add_node("person-åsa", label="Person", name="Åsa Öberg", weight=2)
    G.add_edge("person-åsa", "person-0000", type="KNOWS")
    page.goto(site.publish("find.html", render(G, title="Sök").html))
    wait_ready(page)
    page.get_by_label("Sök i grafen").fill("åsa ö")
    page.get_by_label("Sök i grafen").press("Enter")
    assert page.evaluate("window.samkartaGraph.network.getSelectedNodes()") == ["person-åsa"]
    assert page.inner_text("#sk-find-status") == "1 träff"
    page.get_by_label("Sök i grafen").fill("Person")
    page.get_by_label("Sök i grafen").press("Enter")
    people = sorted(n for n, d in G.nodes(data=True) if d["name"].startswith("Person "))
    assert page.inner_text("#sk-find-status") == f"{len(people)} träffar"
    assert sorted(page.evaluate("window.samkartaGraph.network.getSelectedNodes()")) == people
    page.get_by_label("Sök i grafen").fill("finns inte")
    page.get_by_label("Sök i grafen").press("Enter")
    assert page.inner_text("#sk-find-status") == "Ingen träff"
    assert page.evaluate("window.samkartaGraph.network.getSelectedNodes()") == []
