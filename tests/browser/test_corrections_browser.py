"""An inline correction in headless Chromium: from a meeting's page to its facts, a decision marked
wrong with a writer's token, the page back with what was saved, every view following, and undone;
a wrong token changes nothing; markup in a reason stays text; no overflow on a phone."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from samkarta.writers import Writers
from tests.browser.explorer_app import WIDTHS, XSS, local_page, served_explorer

pytestmark = pytest.mark.browser


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the local app only
        return json.loads(answer.read())


def _decision_of_a_body(url: str) -> tuple[str, dict, str]:
    """A document with a decision, that decision, and the body whose page lists it."""
    for doc in _get(f"{url}/api/documents")["data"]:
        facts = _get(f"{url}/api/documents/{doc['id']}/facts")["data"]
        decisions = [f for f in facts if f["kind"] == "decision"]
        meeting = _get(f"{url}/api/entities/{facts[0]['id']}")
        bodies = [r["other_id"] for r in meeting["relations"] if r["type"] == "OF"]
        if decisions and bodies:
            return doc["id"], decisions[0], bodies[0]
    raise AssertionError("no sample minutes with a decision of a body")


def test_a_decision_is_marked_wrong_in_place_every_view_follows_and_it_is_undone(
    browser, tmp_path: Path, artifacts: Path
) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url:
        doc, decision, body = _decision_of_a_body(url)
        text = decision["text"]
        with local_page(browser, url, *WIDTHS["desktop"]) as page:
            page.goto(f"{url}/entity/{body}")
            assert text in page.inner_text("main")
            page.goto(f"{url}/entity/{_get(f'{url}/api/documents/{doc}/facts')['data'][0]['id']}")
            page.click("a.correct-link")
            page.wait_for_url(f"**/document/{doc}#fakta")
            fact = page.locator(f"li#{decision['id']}")
            fact.locator("summary").click()
            fact.locator("input[name=reason]").fill(f"Ingen beslutspunkt {XSS}")
            fact.locator("input[name=token]").fill("fel-nyckel")
            fact.locator("button", has_text="Markera som fel").click()
            page.wait_for_url(f"**/document/{doc}?message=*")
            assert "Fel API-nyckel" in page.inner_text("p.notice")
            assert "wrong" not in (page.locator(f"li#{decision['id']}").get_attribute("class") or "")

            fact = page.locator(f"li#{decision['id']}")
            fact.locator("summary").click()
            fact.locator("input[name=reason]").fill(f"Ingen beslutspunkt {XSS}")
            fact.locator("input[name=token]").fill(f" {token}\n".strip())
            fact.locator("button", has_text="Markera som fel").click()
            page.wait_for_url(f"**/document/{doc}?message=*")
            assert page.inner_text("p.notice").startswith("Sparat: markerad som fel")
            fact = page.locator(f"li#{decision['id']}")
            assert "wrong" in (fact.get_attribute("class") or "") and fact.locator("s").inner_text() == text
            history = fact.locator("ul.history").inner_text()
            assert "Markerad som fel av Anna Berg" in history and XSS in history  # shown as text
            assert (
                page.evaluate("window.__xss") is None
                and page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
            )
            assert page.evaluate("window.scrollY") > 0  # back at the fact, not at the top
            page.screenshot(path=str(artifacts / "correction-document.png"), full_page=False)

            page.goto(f"{url}/entity/{body}")
            assert text not in page.inner_text("main")  # the body's page follows at once
            assert _get(f"{url}/api/facts/{decision['id']}/history")["count"] == 1

            page.goto(f"{url}/document/{doc}")
            fact = page.locator(f"li#{decision['id']}")
            fact.locator("summary").click()
            fact.locator("input[name=token]").fill(token)
            fact.locator("button", has_text="Ångra").click()
            page.wait_for_url(f"**/document/{doc}?message=*")
            assert page.inner_text("p.notice") == "Sparat: rättelsen är ångrad."
            assert "wrong" not in (page.locator(f"li#{decision['id']}").get_attribute("class") or "")
            page.goto(f"{url}/entity/{body}")
            assert text in page.inner_text("main")

        with local_page(browser, url, *WIDTHS["phone"]) as phone:
            phone.goto(f"{url}/document/{doc}")
            phone.locator(f"li#{decision['id']} summary").click()
            phone.locator("#fakta-rubrik ~ article.meeting summary").click()
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= WIDTHS["phone"][0], width
            phone.screenshot(path=str(artifacts / "correction-document-phone.png"), full_page=False)
