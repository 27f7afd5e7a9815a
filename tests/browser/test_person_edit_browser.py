"""A person corrected at one meeting from their page, in headless Chromium: a wrong token changes
nothing; their affiliation and roles there are saved with who and why (markup stays text); a new
spelling leads to the page of the person it names now, where it is undone; no overflow on a phone."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from samkarta.writers import Writers
from tests.browser.explorer_app import WIDTHS, XSS, local_page, served_explorer

pytestmark = pytest.mark.browser


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the local app only
        return json.loads(answer.read())


def _person(url: str, name: str) -> str:
    hits = _get(f"{url}/api/search?{urllib.parse.urlencode({'q': name, 'label': 'Person'})}")["data"]
    return next(h["id"] for h in hits if h["name"] == name)


def test_a_person_is_corrected_at_one_meeting_from_their_page_and_undone(
    browser, tmp_path: Path, artifacts: Path
) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url:
        person = _person(url, "Magnus Nordahl")
        with local_page(browser, url, *WIDTHS["desktop"]) as page:
            page.goto(f"{url}/entity/{person}")
            row = page.locator("#moten li.fact").first
            fact = row.get_attribute("id")
            doc = row.locator("input[name=document]").first.get_attribute("value")
            row.locator("summary").first.click()
            row.locator("input[name=affiliation]").fill("Region Dalarna")
            row.locator("input[name=token]").first.fill("fel-nyckel")
            row.locator("button", has_text="Spara").click()
            page.wait_for_url(f"**/entity/{person}?message=*")
            assert "Fel API-nyckel" in page.inner_text("p.notice")
            assert _get(f"{url}/api/corrections")["count"] == 0

            row = page.locator(f"li#{fact}")
            row.locator("summary").first.click()
            row.locator("input[name=affiliation]").fill("Region Dalarna")
            row.locator("label", has_text="sekreterare").locator("input").check()
            row.locator("input[name=reason]").first.fill(f"enligt närvarolistan {XSS}")
            row.locator("input[name=token]").first.fill(token)
            row.locator("button", has_text="Spara").click()
            page.wait_for_url(f"**/entity/{person}?message=*")
            assert page.inner_text("p.notice") == "Sparat: personen är rättad för mötet."
            row = page.locator(f"li#{fact}")
            shown = row.inner_text()
            assert "Region Dalarna" in shown and "sekreterare" in shown
            assert "Anna Berg" in shown and XSS in shown  # who and why, the markup as text
            assert page.evaluate("window.__xss") is None
            assert page.evaluate("window.scrollY") > 0  # back at the meeting, not at the top
            facts = {f["id"]: f for f in _get(f"{url}/api/documents/{doc}/facts")["data"]}
            assert facts[fact]["current"]["affiliation"] == "Region Dalarna"
            assert "secretary" in facts[fact]["current"]["roles"].split(", ")
            page.screenshot(path=str(artifacts / "person-correction.png"), full_page=False)

            row.locator("summary").first.click()
            row.locator("input[name=name]").fill("Magnus Nordgren")
            row.locator("input[name=token]").first.fill(token)
            row.locator("button", has_text="Spara").click()
            page.wait_for_url("**/entity/*?message=*")
            assert page.inner_text("h1") == "Magnus Nordgren"  # the page of the person the meeting names now
            renamed = page.url.split("/entity/")[1].split("?")[0]
            assert renamed != person and _person(url, "Magnus Nordgren") == renamed
            row = page.locator(f"li#{fact}")
            assert "protokollet: Magnus Nordahl" in row.inner_text()
            row.locator("summary").first.click()
            row.locator("form", has=page.locator("button", has_text="Ångra namn")).locator("input[name=token]").fill(
                token
            )
            row.locator("button", has_text="Ångra namn").click()
            page.wait_for_url(f"**/entity/{person}?message=*")
            assert page.inner_text("p.notice") == "Sparat: rättelsen är ångrad."
            assert page.inner_text("h1") == "Magnus Nordahl"
            assert "Magnus Nordgren" not in {h["name"] for h in _get(f"{url}/api/search?q=Magnus+Nordgren")["data"]}

        with local_page(browser, url, *WIDTHS["phone"]) as phone:
            phone.goto(f"{url}/entity/{person}")
            phone.locator("#moten li.fact summary").first.click()
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= WIDTHS["phone"][0], width
            phone.screenshot(path=str(artifacts / "person-correction-phone.png"), full_page=False)
