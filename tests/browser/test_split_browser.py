"""Splitting a person from their page in headless Chromium: the chosen minutes go to a new person,
both pages say so in their history (who, why, escaped), and the split is undone from the first page."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from samkarta.writers import Writers
from tests.browser.explorer_app import WIDTHS, XSS, get_json, local_page, served_explorer

pytestmark = pytest.mark.browser


def test_a_person_is_split_from_their_page_and_the_split_undone(browser, tmp_path: Path, artifacts: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url:
        people = get_json(f"{url}/api/search?{urllib.parse.urlencode({'q': 'Anna Ståhlkloo', 'label': 'Person'})}")
        person = next(h["id"] for h in people["data"] if h["name"] == "Anna Ståhlkloo")
        with local_page(browser, url, *WIDTHS["desktop"]) as page:
            page.goto(f"{url}/entity/{person}")
            form = page.locator("#kurering details", has_text="Dela upp")
            form.locator("summary").click()
            boxes = form.locator("input[name=documents]")
            mentioned = boxes.count()
            assert mentioned >= 2
            boxes.first.check()
            form.locator("input[name=name]").fill("Anna Ståhlkloo (den andra)")
            form.locator("input[name=reason]").fill(f"två personer {XSS}")
            form.locator("input[name=token]").fill(token)
            form.locator("button", has_text="Dela upp").click()
            page.wait_for_url(f"**/entity/{person}?message=*")
            assert page.inner_text("p.notice") == (
                "Sparat: det som står i 1 protokoll hör nu till en ny nod, Anna Ståhlkloo (den andra)."
            )
            left = page.locator("#kurering input[name=documents]").count()
            assert left == (mentioned - 1 if mentioned > 2 else 0)  # one document left: nothing to split
            link = page.locator("#kurering li a", has_text="Delade upp")
            assert "Anna Berg" in page.inner_text("#kurering") and XSS in page.inner_text("#kurering")
            assert page.evaluate("window.__xss") is None
            page.screenshot(path=str(artifacts / "person-split.png"), full_page=False)
            link.click()
            page.wait_for_url("**/entity/person-*")
            assert page.inner_text("h1") == "Anna Ståhlkloo (den andra)"
            assert "Delades ut från Anna Ståhlkloo (1 protokoll)" in page.inner_text("#kurering")
            new = page.url.rsplit("/", 1)[-1]
            assert new != person

            page.goto(f"{url}/entity/{person}")
            undo = page.locator("#kurering li details", has_text="Ångra")
            undo.locator("summary").click()
            undo.locator("input[name=token]").fill(token)
            undo.locator("button", has_text="Ångra").click()
            page.wait_for_url(f"**/entity/{person}?message=*")
            assert page.inner_text("p.notice") == "Sparat: ändringen är ångrad."
            assert page.locator("#kurering input[name=documents]").count() == mentioned
            assert page.goto(f"{url}/entity/{new}").status == 404
