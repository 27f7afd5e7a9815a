"""Renaming a body from its page in headless Chromium: a wrong token changes nothing, the page comes
back with what was saved, the old name stays another name, and the rename is undone in place."""

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


def test_a_body_is_renamed_from_its_page_and_the_rename_undone(browser, tmp_path: Path, artifacts: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url:
        bodies = _get(f"{url}/api/search?{urllib.parse.urlencode({'q': 'RUG barn och unga', 'label': 'Network'})}")
        body = next(h["id"] for h in bodies["data"] if h["name"] == "RUG barn och unga")
        with local_page(browser, url, *WIDTHS["desktop"]) as page:
            page.goto(f"{url}/entity/{body}")
            form = page.locator("#kurering details", has_text="Byt namn")
            form.locator("summary").click()
            form.locator("input[name=name]").fill("Regional utvecklingsgrupp barn och unga")
            form.locator("input[name=token]").fill("fel-nyckel")
            form.locator("button", has_text="Spara namnet").click()
            page.wait_for_url(f"**/entity/{body}?message=*")
            assert "Fel API-nyckel" in page.inner_text("p.notice")
            assert page.inner_text("h1") == "RUG barn och unga"

            form = page.locator("#kurering details", has_text="Byt namn")
            form.locator("summary").click()
            form.locator("input[name=name]").fill("Regional utvecklingsgrupp barn och unga")
            form.locator("input[name=reason]").fill(f"heter så {XSS}")
            form.locator("input[name=token]").fill(token)
            form.locator("button", has_text="Spara namnet").click()
            page.wait_for_url(f"**/entity/{body}?message=*")
            assert page.inner_text("p.notice").startswith("Sparat: heter nu Regional utvecklingsgrupp barn och unga")
            assert page.inner_text("h1") == "Regional utvecklingsgrupp barn och unga"
            main = page.inner_text("main")
            assert "RUG barn och unga" in main and "Anna Berg" in main and XSS in main  # alias, who, why as text
            assert page.evaluate("window.__xss") is None
            assert _get(f"{url}/api/networks?name=RUG%20barn%20och%20unga")["id"] == body
            page.screenshot(path=str(artifacts / "entity-rename.png"), full_page=False)

            undo = page.locator("#kurering li details", has_text="Ångra")
            undo.locator("summary").click()
            undo.locator("input[name=token]").fill(token)
            undo.locator("button", has_text="Ångra").click()
            page.wait_for_url(f"**/entity/{body}?message=*")
            assert page.inner_text("p.notice") == "Sparat: ändringen är ångrad."
            assert page.inner_text("h1") == "RUG barn och unga"
