"""The search page (minutes with facets) and 'Vad hänger på X?' in headless Chromium, at desktop
width and on a 390 px phone: every form as shown, facet clicks, sources, no overflow, nothing leaves
the machine, no markup from the minutes runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.explorer_app import XSS

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.width, (page.url, width)


def _documents_found(page) -> int:
    return int(page.inner_text("#protokoll h2 .muted").strip("()").split()[0])


def test_search_the_minutes_and_narrow_by_facets(view, app_url: str, artifacts: Path) -> None:
    page = view
    page.goto(app_url + "/")
    page.fill("header form.search input[name=q]", "familjehem")
    page.click("header form.search button[type=submit]")
    page.wait_for_url("**/search?q=familjehem")
    assert page.locator("#protokoll ol.documents > li").count() == 2
    marks = page.locator("#protokoll mark").all_inner_texts()
    assert marks and all(m.casefold().startswith("familjehem") for m in marks)
    _fits(page)
    page.screenshot(path=str(artifacts / f"search-minutes-{page.name}.png"), full_page=True)

    page.fill("main form.big-search input[name=q]", "socialchefer")
    page.click("main form.big-search button[type=submit]")
    page.wait_for_url("**/search?q=socialchefer")
    everything = _documents_found(page)
    assert everything >= 3
    page.click("aside.facets a:text-is('Dalarna')")
    page.wait_for_url("**region=Dalarna**")
    in_dalarna = _documents_found(page)
    assert 0 < in_dalarna < everything
    assert page.locator("#protokoll ol.documents > li").count() == in_dalarna
    assert page.locator("aside.facets a.active").inner_text() == "✕ Dalarna"
    _fits(page)
    page.screenshot(path=str(artifacts / f"search-facet-{page.name}.png"), full_page=True)
    page.locator("aside.facets h3:text-is('År') + ul a").first.click()
    page.wait_for_url("**ar=**")
    assert 0 < _documents_found(page) <= in_dalarna
    page.click("text=Visa alla träffar")
    page.wait_for_url("**/search?q=socialchefer")
    assert _documents_found(page) == everything

    page.locator("#protokoll a.source").first.click()
    page.wait_for_url("**/document/**#hit")
    assert "socialchef" in page.inner_text("mark").casefold()
    _fits(page)


def test_markup_in_the_minutes_is_shown_as_text_in_a_search_hit(view, app_url: str) -> None:
    page = view
    page.goto(app_url + "/search?q=informerar+n%C3%A4tverket")
    excerpt = page.locator("#protokoll blockquote.excerpt", has_text="onerror").first
    assert XSS in excerpt.inner_text() and "<script>window.__xss=2</script>" in excerpt.inner_text()
    assert excerpt.locator("mark").count() >= 2
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img[src=x], main script').length") == 0
    _fits(page)


def test_what_depends_on_a_person_and_a_body(view, app_url: str, artifacts: Path) -> None:
    page = view
    page.goto(app_url + "/search?q=Magnus+Nordahl")
    page.click("ul.results a:text-is('Magnus Nordahl')")
    page.wait_for_url("**/entity/person-*")
    page.click("a.depends")
    page.wait_for_url("**/depends/person-*")
    assert page.inner_text("h1") == "Vad hänger på Magnus Nordahl?"
    assert "Magnus Nordahl är ordförande" in page.inner_text("#natverk")
    _fits(page)
    page.screenshot(path=str(artifacts / f"depends-person-{page.name}.png"), full_page=True)
    page.locator("#natverk a.source").first.click()
    page.wait_for_url("**/document/**#hit")
    assert "Magnus Nordahl" in page.inner_text("mark")
    page.go_back()

    page.fill("main form.big-search input[name=namn]", "RUG barn och unga")
    page.click("main form.big-search button[type=submit]")
    page.wait_for_url("**/depends/network-*")
    assert page.inner_text("h1") == "Vad hänger på RUG barn och unga?"
    assert page.locator("#natverk li").count() >= 2 and page.locator("#atgarder a.source").count() >= 3
    _fits(page)
    page.screenshot(path=str(artifacts / f"depends-body-{page.name}.png"), full_page=True)
    page.locator("#natverk li > a").first.click()
    page.wait_for_url("**/entity/network-*")
    assert page.locator("a.depends").count() == 1

    page.goto(app_url + "/depends")
    page.fill("main form.big-search input[name=namn]", "Ingen Sådan Människa Alls")
    page.click("main form.big-search button[type=submit]")
    page.wait_for_url("**/depends?namn=*")
    assert "Hittar ingen" in page.inner_text("main")
    _fits(page)
