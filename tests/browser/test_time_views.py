"""Time and place in headless Chromium, at desktop width and on a 390 px phone: a body's members and a
question's trail year by year (a labelled slider whose value is shown, changing the panel shown; all
years side by side on request), a body's map with the right municipalities filled and the others
hatched, and downloads after "Visa grannar" that hold the expanded view. No overflow, no serious or
critical axe-core violation, nothing loaded from outside the machine."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from tests.browser.accessibility import blocking, describe, run_axe
from tests.browser.explorer_app import WIDTHS, local_page, served_explorer
from tests.browser.test_explorer import GRAPH_READY
from tests.contract.store_contract import one_body_two_years

pytestmark = pytest.mark.browser
BODY = "Länsgrupp för familjehemsfrågor"
VISIBLE_YEARS = (
    "(box) => Array.from(document.querySelectorAll('#' + box + ' .year-panel:not([hidden])')).map(p => p.dataset.year)"
)
IDS = "() => window.samkartaGraph.nodes.getIds().sort()"
PAIRS = "() => window.samkartaGraph.edges.get().map(e => [e.from, e.to].sort().join(' ')).sort()"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The explorer over the sample minutes plus one body's minutes of 2021 and 2023 (none in 2022);
    the `view` fixture (conftest) opens its pages at each width."""
    with served_explorer(tmp_path_factory.mktemp("time-explorer"), one_body_two_years()) as url:
        yield url


def _id(app: str, name: str, label: str) -> str:
    query = urllib.parse.urlencode({"q": name, "label": label})
    with urllib.request.urlopen(f"{app}/api/search?{query}") as r:
        hit = json.load(r)["data"][0]
    assert hit["name"] == name
    return hit["id"]


def _fits_and_passes_axe(page, what: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width, f"{what} overflows"
    found = blocking(run_axe(page))
    assert not found, f"{what}:\n{describe(found)}"


def test_a_body_s_members_year_by_year_follow_the_slider(view, app_url: str, artifacts: Path) -> None:
    page = view
    page.goto(f"{app_url}/entity/{_id(app_url, BODY, 'Network')}")
    slider = page.get_by_label("År", exact=True)
    assert slider.is_visible() and page.locator("#medlemmar-ar-value").inner_text() == "2023"
    assert page.evaluate(VISIBLE_YEARS, "medlemmar-ar") == ["2023"]
    panel = page.locator(".year-panel[data-year='2023']")
    assert panel.get_by_role("heading", name="2023").is_visible()
    assert panel.get_by_role("link", name="Köping").is_visible() and "ny" in panel.inner_text()
    _fits_and_passes_axe(page, "the body's page")
    page.screenshot(path=str(artifacts / f"body-years-{page.name}.png"), full_page=True)

    slider.focus()
    page.keyboard.press("ArrowLeft")  # the keyboard moves it a year back
    assert page.locator("#medlemmar-ar-value").inner_text() == "2022"
    assert page.evaluate(VISIBLE_YEARS, "medlemmar-ar") == ["2022"]
    assert "Inga möten." in page.locator(".year-panel[data-year='2022']").inner_text()
    page.keyboard.press("Home")
    assert page.locator("#medlemmar-ar-value").inner_text() == "2021"
    assert slider.get_attribute("aria-valuetext") == "2021: 1 möte · 2 kommuner · 1 organisation · 3 personer"
    shown = page.locator(".year-panel[data-year='2021']")
    assert shown.get_by_role("link", name="Arboga").is_visible() and not page.get_by_role("link", name="Köping").count()

    page.get_by_label("Visa alla år sida vid sida").check()  # the small multiples, side by side
    assert page.evaluate(VISIBLE_YEARS, "medlemmar-ar") == ["2021", "2022", "2023"] and slider.is_disabled()
    _fits_and_passes_axe(page, "all years side by side")
    page.screenshot(path=str(artifacts / f"body-years-all-{page.name}.png"), full_page=True)


def test_a_question_s_trail_year_by_year_follows_the_slider(view, app_url: str, artifacts: Path) -> None:
    page = view
    page.goto(f"{app_url}/question?q=gemensam+annonsering")
    slider = page.get_by_label("År", exact=True)
    assert page.evaluate(VISIBLE_YEARS, "fragans-vag") == ["2023"]
    assert "Socialchefsnätverket" in page.locator(".year-panel[data-year='2023']").inner_text()
    _fits_and_passes_axe(page, "the question's page")
    slider.fill("0")  # the first of the years
    assert page.locator("#fragans-vag-value").inner_text() == "2021"
    assert page.evaluate(VISIBLE_YEARS, "fragans-vag") == ["2021"]
    shown = page.locator(".year-panel[data-year='2021']")
    assert f"{BODY} → IFO-chefsnätverket: gemensam annonsering" in shown.inner_text()
    page.screenshot(path=str(artifacts / f"question-years-{page.name}.png"), full_page=True)


def test_a_body_s_map_fills_its_municipalities_and_hatches_the_others(view, app_url: str, artifacts: Path) -> None:
    page = view
    page.goto(f"{app_url}/entity/{_id(app_url, BODY, 'Network')}")
    page.get_by_role("link", name="Kommunerna som är med, på kartan").click()
    page.wait_for_url("**/body/*/map")
    page.wait_for_selector("figure.muni-map svg")
    shapes = page.locator("figure.muni-map .muni")
    assert shapes.count() == 10  # Västmanland's municipalities
    filled = page.locator("figure.muni-map .muni.takes-part")
    names = sorted(a.get_attribute("aria-label").split(":")[0] for a in filled.all())
    assert names == ["Arboga", "Köping", "Sala"]
    # filled with a colour; the others with the hatch pattern, so colour is not the only signal
    fill = "el => getComputedStyle(el.matches('path') ? el : el.querySelector('path')).fill"
    assert filled.first.evaluate(fill).startswith("rgb(")
    assert page.locator("figure.muni-map .muni.gap").first.evaluate(fill).startswith('url("#muni-gap-hatch")')
    _fits_and_passes_axe(page, "the body's map")
    page.screenshot(path=str(artifacts / f"body-map-{page.name}.png"), full_page=True)
    page.get_by_role("link", name="2021", exact=True).click()
    page.wait_for_url("**/map?year=2021")
    names = sorted(a.get_attribute("aria-label").split(":")[0] for a in filled.all())
    assert names == ["Arboga", "Sala"]


def test_the_downloads_after_visa_grannar_hold_the_expanded_view(browser, app_url: str, artifacts: Path) -> None:
    with local_page(browser, app_url, *WIDTHS["desktop"]) as page:
        anna = _id(app_url, "Anna Ståhlkloo", "Person")
        view = f"{app_url}/graph/ego/{anna}?depth=1"
        page.goto(view)
        page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
        first = page.evaluate(IDS)
        # the keyboard way: find the body in the graph, then "Visa grannar"
        page.get_by_label("Sök i grafen").fill("RUG barn och unga")
        page.get_by_label("Sök i grafen").press("Enter")
        page.get_by_role("button", name="Visa grannar").click()
        page.wait_for_selector("body[data-expansions='1']", state="attached", timeout=10_000)
        shown, pairs = page.evaluate(IDS), page.evaluate(PAIRS)
        assert set(first) < set(shown)
        rug = page.evaluate("() => document.body.dataset.expanded")
        assert rug.startswith("network-") and f"expand={rug}" in page.url  # the address is a permalink of it
        link = page.locator("a.sk-export[data-format='gexf']")
        assert f"expand={rug}" in link.get_attribute("href")
        with page.expect_download() as info:
            link.click()
        target = artifacts / "expanded-view.gexf"
        info.value.save_as(str(target))
        g = nx.read_gexf(str(target))
        assert sorted(g.nodes) == shown
        assert sorted(" ".join(sorted(e)) for e in g.edges) == pairs
        page.screenshot(path=str(artifacts / "expanded-view.png"))

        # expanding the focus adds nothing new, so the address stays; opened anew it draws the same view
        page.get_by_label("Sök i grafen").fill("Anna Ståhlkloo")
        page.get_by_label("Sök i grafen").press("Enter")
        page.get_by_role("button", name="Visa grannar").click()
        page.wait_for_selector("body[data-expansions='2']", state="attached", timeout=10_000)
        assert page.evaluate("() => document.body.dataset.expanded") == rug
        page.goto(page.url)
        page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
        assert page.evaluate(IDS) == shown and page.evaluate(PAIRS) == pairs
