"""The explorer served by the real app, in headless Chromium: search, ego view, click, no injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.explorer_app import XSS, local_page
from tests.browser.test_viz_browser import NODE_POINT

# a selector, not a script: the app's CSP refuses the string evaluation wait_for_function polls with
GRAPH_READY = "body[data-graph-ready='1']"

pytestmark = pytest.mark.browser


@pytest.fixture
def app_page(browser, app_url: str):
    """A page that may only talk to the app; JavaScript errors and outside requests fail the test."""
    with local_page(browser, app_url, 1280, 900) as page:
        yield page


def test_the_api_docs_render_offline_under_the_policy(app_page, app_url: str) -> None:
    app_page.goto(app_url + "/docs")
    app_page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "Samkarta" in app_page.inner_text(".swagger-ui .info .title")
    assert app_page.locator(".opblock").count() > 10


def test_search_ego_view_and_click_through(app_page, app_url: str, artifacts: Path) -> None:
    page = app_page
    page.goto(app_url + "/")
    assert "Samverkanskartan" in page.inner_text("h1")
    page.fill("form.big-search input[name=q]", "Anna Ståhlkloo")
    page.press("form.big-search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    page.screenshot(path=str(artifacts / "explorer-search.png"))
    page.click("ul.results a:text-is('Anna Ståhlkloo')")
    page.wait_for_url("**/entity/person-*")
    assert page.inner_text("h1") == "Anna Ståhlkloo"
    person_id = page.url.rsplit("/", 1)[1]
    page.screenshot(path=str(artifacts / "explorer-person.png"), full_page=True)

    page.goto(f"{app_url}/graph/ego/{person_id}?depth=1")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    names = page.evaluate("window.samkartaGraph.nodes.get().map(n => n.sk_name || n.label)")
    ids = page.evaluate("window.samkartaGraph.nodes.getIds()")
    assert person_id in ids
    assert any("RUG barn och unga" in str(n) for n in names), names
    assert any(str(n).startswith("Socialchefs") for n in names), names
    page.screenshot(path=str(artifacts / "explorer-ego.png"))
    rug = next(i for i, n in zip(ids, names, strict=True) if "RUG barn och unga" in str(n))
    point = page.evaluate(NODE_POINT, rug)
    assert point["hit"] == rug
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"**/entity/{rug}")
    assert page.inner_text("h1") == "RUG barn och unga"
    assert "Medlemmar över tid" in page.inner_text("main")


def test_injected_markup_runs_nowhere(app_page, app_url: str, artifacts: Path) -> None:
    page = app_page
    page.goto(f"{app_url}/search?q=img")
    link = page.locator("ul.results a", has_text="onerror")
    assert link.count() >= 1 and link.first.inner_text() == XSS
    link.first.click()
    page.wait_for_url("**/entity/person-*")
    assert page.inner_text("h1") == XSS
    person_id = page.url.rsplit("/", 1)[1]
    page.screenshot(path=str(artifacts / "explorer-injection-entity.png"), full_page=True)
    source = (
        page.locator("blockquote", has_text="informerar om nätverket").locator("a.source").first.get_attribute("href")
    )
    page.goto(app_url + source)
    assert XSS in page.inner_text("mark")
    assert "<script>window.__xss=2</script>" in page.inner_text("pre.document")
    page.goto(f"{app_url}/graph/ego/{person_id}?depth=1")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    point = page.evaluate(NODE_POINT, person_id)
    page.mouse.move(point["x"] - 2, point["y"] - 2)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip'); return t && t.style.visibility === 'visible'; }"
    )
    assert XSS in page.inner_text("div.vis-tooltip")
    page.screenshot(path=str(artifacts / "explorer-injection-ego.png"))
    for url in ("/", f"/entity/{person_id}", "/merges?status=all", "/question?q=n%C3%A4tverket"):
        page.goto(app_url + url)
        assert page.evaluate("window.__xss") is None, url
        assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0, url
    assert page.evaluate("window.__xss") is None


def test_the_ego_filter_works_as_shown_with_empty_dates_and_every_kind(app_page, app_url: str) -> None:
    page = app_page
    page.goto(app_url + "/")
    page.fill("form.big-search input[name=q]", "Anna Ståhlkloo")
    page.press("form.big-search input[name=q]", "Enter")
    page.click("ul.results a:text-is('Anna Ståhlkloo')")
    person_id = page.url.rsplit("/", 1)[1]
    page.goto(f"{app_url}/graph/ego/{person_id}?depth=1")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    page.fill("form.samkarta-filters input[name=region]", "DALARNA")
    page.click("form.samkarta-filters button[type=submit]")
    page.wait_for_selector(GRAPH_READY, state="attached", timeout=20_000)
    assert "/graph/ego/" in page.url and "since=&" in page.url
    assert page.evaluate("window.samkartaGraph.nodes.getIds()").count(person_id) == 1


def test_pages_fit_a_phone_without_sideways_scrolling(browser, app_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(app_url + "/")
        doc = page.get_attribute("ul a[href^='/document/']", "href") or ""
        paths = "/paths?fran=Elisabeth+Beijer&till=Anna+St%C3%A5hlkloo"
        page.goto(app_url + "/search?q=Elisabeth+Beijer")
        person = page.get_attribute("a[href^='/entity/person-']", "href") or "/"
        for path in ("/", "/search?q=Anna", doc or "/", paths, "/brokers", "/regions", "/question?q=BBIC", person):
            page.goto(app_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (path, width)
    finally:
        context.close()
