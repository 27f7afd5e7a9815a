"""Expanding a node in place in the ego view, in headless Chromium: the neighbours come from the JSON API
and join the drawing without a reload; the layout, colours and legend stay consistent; a second expand
of the same node adds nothing; nothing leaves the machine and no markup from the minutes runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.explorer_app import XSS, local_page
from tests.browser.test_explorer import GRAPH_READY
from tests.browser.test_viz_browser import NODE_POINT

pytestmark = pytest.mark.browser

COUNTS = "() => [window.samkartaGraph.nodes.length, window.samkartaGraph.edges.length]"
IDS = "() => window.samkartaGraph.nodes.getIds().sort()"
PAIRS = "() => window.samkartaGraph.edges.get().map(e => [e.from, e.to].sort().join(' ')).sort()"
POSITIONS = "(ids) => window.samkartaGraph.network.getPositions(ids)"
# every colour drawn must have its legend entry: node fills by kind and by county, edge strokes
UNEXPLAINED = """() => {
  const fills = (id) => new Set(Array.from(document.querySelectorAll('#' + id + ' li:not(.sk-focus) svg [fill]'))
    .map(el => el.getAttribute('fill')));
  const kinds = fills('sk-legend-kind'), counties = fills('sk-legend-region');
  const strokes = new Set(Array.from(document.querySelectorAll('#sk-legend-edge line'))
    .map(l => l.getAttribute('stroke')));
  const g = window.samkartaGraph;
  return [
    ...g.nodes.get().filter(n => !kinds.has(n.colors.kind.background)).map(n => 'kind: ' + n.name),
    ...g.nodes.get().filter(n => !counties.has(n.colors.region.background)).map(n => 'county: ' + n.name),
    ...g.edges.get().filter(e => !strokes.has(e.color.color)).map(e => 'edge: ' + e.from + ' ' + e.to),
  ];
}"""
IN_MODE = "(mode) => window.samkartaGraph.nodes.get().every(n => n.color.background === n.colors[mode].background)"


@pytest.fixture
def app_page(browser, app_url: str):
    with local_page(browser, app_url, 1280, 900) as page:
        yield page


def _double_click(page, node_id: str, expansions: int) -> None:
    point = page.evaluate(NODE_POINT, node_id)
    assert point["hit"] == node_id
    page.mouse.dblclick(point["x"], point["y"])
    page.wait_for_selector(f"body[data-expansions='{expansions}']", state="attached", timeout=10_000)


def test_a_double_click_expands_a_node_in_place_and_a_second_adds_nothing(
    app_page, app_url: str, artifacts: Path
) -> None:
    page = app_page
    page.goto(f"{app_url}/search?q=Anna+Ståhlkloo")
    page.click("ul.results a:text-is('Anna Ståhlkloo')")
    page.wait_for_url("**/entity/person-*")
    person = page.url.rsplit("/", 1)[1]
    view = f"{app_url}/graph/ego/{person}?depth=1"
    page.goto(view)
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    nodes0, edges0 = page.evaluate(COUNTS)
    ids0 = page.evaluate(IDS)
    where0 = page.evaluate(POSITIONS, ids0)
    assert page.evaluate(UNEXPLAINED) == []
    body = page.evaluate(
        "() => window.samkartaGraph.nodes.get().find(n => n.name === 'RUG barn och unga' && n.kind === 'Network').id"
    )

    # a double-click on the body: its members and links join the view; nothing reloads or navigates
    _double_click(page, body, 1)
    nodes1, edges1 = page.evaluate(COUNTS)
    assert nodes1 > nodes0 and edges1 > edges0
    page.wait_for_timeout(500)  # longer than a single click waits before it opens a page
    assert page.url == f"{view}&expand={body}"  # no navigation: the address only records the expansion
    ids1 = page.evaluate(IDS)
    assert set(ids0) < set(ids1) and len(ids1) == nodes1
    pairs1 = page.evaluate(PAIRS)
    assert len(pairs1) == len(set(pairs1)) == edges1  # no pair of nodes linked twice
    assert page.evaluate(POSITIONS, ids0) == where0  # the layout shown stays put
    assert "La till" in page.inner_text("#sk-note") and "kring RUG barn och unga" in page.inner_text("#sk-note")
    assert page.evaluate(IN_MODE, "kind")
    assert page.evaluate(UNEXPLAINED) == []  # new kinds, counties and relations are in the legend
    # the hostile name from the minutes arrived as data and is shown as text
    names = page.evaluate("window.samkartaGraph.nodes.get().map(n => n.name)")
    assert XSS in names
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.screenshot(path=str(artifacts / "explorer-expand.png"))

    # the colour switch covers the new nodes too
    page.get_by_label("län", exact=True).check()
    assert page.evaluate(IN_MODE, "region")
    page.get_by_label("typ", exact=True).check()

    # the same node again: nothing is added twice
    _double_click(page, body, 2)
    assert page.evaluate(COUNTS) == [nodes1, edges1]
    assert page.evaluate(IDS) == ids1 and page.evaluate(PAIRS) == pairs1
    assert "Inget nytt att visa kring RUG barn och unga" in page.inner_text("#sk-note")

    # the keyboard way: find a node in the graph, then "Visa grannar"
    page.get_by_label("Sök i grafen").fill("Magnus Nordahl")
    page.get_by_label("Sök i grafen").press("Enter")
    magnus = page.evaluate("window.samkartaGraph.network.getSelectedNodes()")
    assert len(magnus) == 1
    page.get_by_role("button", name="Visa grannar").click()
    page.wait_for_selector("body[data-expansions='3']", state="attached", timeout=10_000)
    nodes3, edges3 = page.evaluate(COUNTS)
    assert nodes3 >= nodes1 and edges3 > edges1  # his municipality or organisation at least
    pairs3 = page.evaluate(PAIRS)
    assert len(pairs3) == len(set(pairs3)) == edges3
    assert page.evaluate(UNEXPLAINED) == []
    assert page.url == f"{view}&expand={body}&expand={magnus[0]}"
    page.screenshot(path=str(artifacts / "explorer-expand-twice.png"))


def test_a_single_click_opens_a_node_that_an_expand_added(app_page, app_url: str) -> None:
    page = app_page
    page.goto(f"{app_url}/search?q=Magnus+Nordahl")
    page.click("ul.results a:text-is('Magnus Nordahl')")
    page.wait_for_url("**/entity/person-*")
    person = page.url.rsplit("/", 1)[1]
    page.goto(f"{app_url}/graph/ego/{person}?depth=1")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    before = page.evaluate(IDS)
    body = page.evaluate("() => window.samkartaGraph.nodes.get().find(n => n.kind === 'Network').id")
    _double_click(page, body, 1)
    added = sorted(set(page.evaluate(IDS)) - set(before))
    assert added
    target = next((i for i in added if i.startswith("person-")), added[0])
    page.click("#sk-fit")  # the new nodes may lie outside the part shown
    point = page.evaluate(NODE_POINT, target)
    assert point["hit"] == target
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"**/entity/{target}", timeout=10_000)
