"""The county map in headless Chromium, at desktop width and on a 390 px phone: drawn from the app alone,
one shape per municipality, a click on a participating municipality opens its page, no overflow, and
no serious or critical axe-core violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.accessibility import blocking, describe, run_axe

pytestmark = pytest.mark.browser
# a point of the screen where the element itself is hit (a shape's centre may lie in a neighbour or a lake)
POINT_INSIDE = """el => {
  const r = el.getBoundingClientRect();
  for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
    const x = r.left + r.width * i / 20, y = r.top + r.height * j / 20;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit.closest('a') === el) return [x, y];
  }
  return null;
}"""


def _no_blocking_violation(page, what: str) -> None:
    found = blocking(run_axe(page))
    assert not found, f"{what}:\n{describe(found)}"


def test_the_county_map_renders_and_a_participating_municipality_opens_its_page(
    view, app_url: str, artifacts: Path
) -> None:
    page = view
    page.goto(app_url + "/regions")
    assert page.locator("figure.muni-map .muni").count() == 290
    _no_blocking_violation(page, "/regions")
    page.locator("main ul.list a", has_text="Dalarna").click()
    page.wait_for_url("**/region/**")
    page.wait_for_selector("figure.muni-map svg")
    shapes = page.locator("figure.muni-map .muni")
    assert shapes.count() == 15
    assert all(box and box["width"] > 1 and box["height"] > 1 for box in (s.bounding_box() for s in shapes.all()))
    assert page.locator("figure.muni-map .muni.takes-part").count() == page.locator("tr.takes-part").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.width
    _no_blocking_violation(page, page.url)
    page.screenshot(path=str(artifacts / f"region-map-{page.name}.png"), full_page=True)

    falun = page.locator("figure.muni-map a.muni.takes-part[aria-label^='Falun:']")
    point = falun.evaluate(POINT_INSIDE)
    assert point, "Falun is covered by another shape"
    page.mouse.click(*point)
    page.wait_for_url("**/entity/**")
    assert page.locator("h1").inner_text() == "Falun"
