"""The accessibility check itself: it finds known violations (in the page and inside a frame), and it lets
a page through when only findings below "serious" remain, so the explorer's clean result means something."""

from __future__ import annotations

import pytest

from tests.browser.accessibility import blocking, describe, run_axe

pytestmark = pytest.mark.browser

FAULTY = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Fel med flit</title></head>
<body><main><h1>Fel med flit</h1>
<form action="#"><input type="text" name="q"><button type="submit">Sök</button></form>
<p style="color:#c4c4c4;background:#ffffff">Ljusgrå text på vitt</p>
<iframe src="faulty-inner.html"></iframe>
</main></body></html>"""
FAULTY_INNER = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Inre</title></head>
<body><main><h1>Inre</h1><img src="saknas.png" width="20" height="20"></main></body></html>"""
# right in every serious respect, but without landmarks: axe says so at "moderate", which does not fail
MODERATE_ONLY = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utan landmärken</title></head>
<body><h1>Utan landmärken</h1><form action="#"><label>Sök <input type="text" name="q"></label></form>
<iframe src="faulty-inner.html" title="Inre sida" hidden></iframe></body></html>"""


def test_the_check_finds_known_violations_in_the_page_and_in_its_frames(page, site) -> None:
    site.publish("faulty-inner.html", FAULTY_INNER)
    page.goto(site.publish("faulty.html", FAULTY))
    found = blocking(run_axe(page))
    by_rule = {v["id"]: v for v in found}
    assert {"label", "color-contrast", "frame-title", "image-alt"} <= set(by_rule), describe(found)
    assert by_rule["label"]["nodes"][0]["target"] == ["input"]
    # the image is inside the frame: its target runs through the iframe
    assert by_rule["image-alt"]["nodes"][0]["target"] == ["iframe", "img"]
    assert "label (critical)" in describe(found)


def test_findings_below_serious_do_not_fail_a_page(page, site) -> None:
    page.goto(site.publish("moderate.html", MODERATE_ONLY))
    found = run_axe(page)
    assert {"landmark-one-main", "region"} <= {v["id"] for v in found}
    assert {v["impact"] for v in found} <= {"moderate", "minor"}
    assert blocking(found) == []
