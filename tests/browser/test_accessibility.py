"""Every explorer page, at desktop width and at 390 px, has no axe-core violation of impact "serious" or
"critical", is in Swedish, and reaches nothing outside the machine. One tab per width is reused throughout."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser.accessibility import blocking, describe, run_axe
from tests.browser.explorer_app import WIDTHS

pytestmark = pytest.mark.browser

# one entity of each kind in the sample minutes, by kind and name
ENTITIES = {
    "Person": "Anna Ståhlkloo",
    "Network": "RUG barn och unga",
    "Organization": "Region Dalarna",
    "Municipality": "Falun",
    "Project": "Barnahus",
    "Region": "Dalarna",
    "Meeting": "RUG barn och unga 2023-02-01",
}
PAGES = {
    "start": "/",
    "search": "/search?q=Anna",
    "search-none": "/search?q=finnsingenstans",
    "document": "{document}",
    **{f"entity-{kind.lower()}": f"/entity/{{{kind}}}" for kind in ENTITIES},
    "relation": "{relation}",
    "paths": "/paths?fran=Elisabeth+Beijer&till=Anna+St%C3%A5hlkloo",
    "paths-empty": "/paths",
    "brokers": "/brokers",
    "depends-person": "/depends/{Person}",
    "depends-network": "/depends/{Network}",
    "depends-form": "/depends",
    "search-minutes": "/search?q=barnahus",
    "regions": "/regions",
    "region": "/region/{Region}",
    "question": "/question?q=BBIC",
    "merges": "/merges?status=all",
    "merges-message": "/merges?message=Fel+API-nyckel%3A+beslutet+sparades+inte.",
    "graph-ego": "/graph/ego/{Person}?depth=1",
    "graph-networks": "/graph/networks",
    "graph-question": "/graph/question?q=BBIC",
    "graph-region": "/graph/region/{Region}",
    "error-404": "/entity/person-0000000000000000",
    "error-422": "/graph/ego/{Person}?depth=9",
}
GRAPH_READY = "body[data-graph-ready='1']"


@dataclass
class Tab:
    """One page of its own context: what it tried to reach outside the app and its script errors."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def visit(self, url: str) -> Any:
        self.blocked.clear()
        self.errors.clear()
        return self.page.goto(url)

    def assert_stayed_local_without_errors(self) -> None:
        assert not self.blocked, f"the page tried to reach outside the machine: {self.blocked}"
        assert not self.errors, f"JavaScript errors: {self.errors}"


@pytest.fixture(scope="module")
def tabs(browser, app_url: str) -> Iterator[dict[str, Tab]]:
    contexts, out = [], {}
    for name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        tab = Tab(context.new_page())

        def guard(route, tab=tab):
            if route.request.url.startswith(app_url + "/"):
                route.continue_()
            else:
                tab.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        tab.page.on("pageerror", lambda exc, tab=tab: tab.errors.append(str(exc)))
        out[name] = tab
    yield out
    for context in contexts:
        context.close()


def _api(app_url: str, path: str, **params: str) -> Any:
    with urllib.request.urlopen(f"{app_url}{path}?{urllib.parse.urlencode(params)}", timeout=10) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def places(app_url: str, tabs: dict[str, Tab]) -> dict[str, str]:
    """The ids behind the page paths: one entity per kind by name, and from the person page the links
    a reader follows to a document (passage highlighted) and to a relation."""
    ids = {}
    for kind, name in ENTITIES.items():
        hits = _api(app_url, "/api/search", q=name)["data"]
        ids[kind] = next(h["id"] for h in hits if h["label"] == kind and h["name"] == name)
    page = tabs["desktop"].page
    page.goto(f"{app_url}/entity/{ids['Person']}")
    ids["document"] = page.get_attribute("a.source[href*='start=']", "href") or ""
    ids["relation"] = page.get_attribute("a[href^='/relation/']", "href") or ""
    assert ids["document"] and ids["relation"], ids
    return ids


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_serious_or_critical_violation(
    tabs: dict[str, Tab], places: dict[str, str], app_url: str, artifacts: Path, name: str, width: str
) -> None:
    tab = tabs[width]
    response = tab.visit(app_url + PAGES[name].format(**places))
    assert response is not None and response.status == (int(name[-3:]) if name.startswith("error-") else 200)
    if "/graph/" in tab.page.url and response.ok:
        tab.page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    assert tab.page.evaluate("document.documentElement.lang") == "sv"
    found = run_axe(tab.page)
    tab.page.screenshot(path=str(artifacts / f"a11y-{name}-{width}.png"), full_page=True)
    assert not blocking(found), f"{name} at {width}:\n{describe(blocking(found))}"
    tab.assert_stayed_local_without_errors()


LANDMARK_RULES = {"landmark-one-main", "landmark-no-duplicate-banner", "landmark-unique", "region"}


@pytest.mark.parametrize("name", ["graph-ego", "entity-person"])
def test_graph_views_are_one_main_landmark_beside_the_explorer_header(
    tabs: dict[str, Tab], places: dict[str, str], app_url: str, name: str
) -> None:
    """Below "serious", so not failed above, but fixed: a graph page (and the view framed in an entity page)
    has one banner, the explorer's, and one named main landmark holding the view and its filters."""
    tab = tabs["desktop"]
    page = tab.page
    tab.visit(app_url + PAGES[name].format(**places))
    found = [v for v in run_axe(page) if v["id"] in LANDMARK_RULES]
    assert not found, describe(found)
    if name == "graph-ego":
        assert page.locator("header.top").count() == 1
        assert page.locator("main.sk-main form.samkarta-filters").count() == 1
        assert page.get_by_role("main").get_attribute("aria-labelledby") == "sk-title"
    tab.assert_stayed_local_without_errors()


def test_what_a_graph_view_shows_after_use_has_no_serious_or_critical_violation(
    tabs: dict[str, Tab], places: dict[str, str], app_url: str, artifacts: Path
) -> None:
    """The county legend is hidden until the colour switch shows it, and the search status is empty until a
    search: axe skips hidden content, so they are checked after use."""
    tab = tabs["desktop"]
    page = tab.page
    tab.visit(f"{app_url}/graph/ego/{places['Person']}?depth=2")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    page.get_by_label("län", exact=True).check()
    page.get_by_label("Sök i grafen").fill("Anna")
    page.get_by_label("Sök i grafen").press("Enter")
    assert page.is_visible("#sk-legend-region") and "träff" in page.inner_text("#sk-find-status")
    found = blocking(run_axe(page))
    page.screenshot(path=str(artifacts / "a11y-graph-ego-in-use-desktop.png"))
    assert not found, describe(found)
    tab.assert_stayed_local_without_errors()
