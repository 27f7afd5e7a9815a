"""The review queue in headless Chromium, at desktop width and at 390 px: moved through with j/k and
the arrow keys (focus visible), a wrong token refused with the item kept, an item accepted with `a`
and another rejected with `r`, each leaving the page and the queue; without JavaScript every item is a
plain form; no axe violation of impact serious or critical, no overflow on a phone."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from samkarta.writers import Writers
from tests.browser.accessibility import blocking, describe, run_axe
from tests.browser.explorer_app import WIDTHS, local_page, served_explorer
from tests.contract.minutes import PAIR_MINUTES

pytestmark = pytest.mark.browser


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 - the local app only
        return json.loads(answer.read())


def _active_id(page) -> str:
    return page.evaluate("document.activeElement.id")


@contextmanager
def _without_javascript(browser, url: str) -> Iterator:
    """A page of /granska in a context with JavaScript off (closed afterwards)."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{url}/granska")
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_queue_is_worked_from_the_keyboard(browser, tmp_path: Path, artifacts: Path, width: str) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url, local_page(browser, url, *WIDTHS[width]) as page:
        before = _get(f"{url}/api/review?limit=25")
        page.goto(f"{url}/granska")
        ids = page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)")
        assert ids == [i["id"] for i in before["data"]] and len(ids) >= 3
        assert page.is_visible("#review-token") and not page.is_visible("li.review-item .item-token")
        assert page.inner_text("#queue-count").startswith(f"{before['count']} saker att granska")

        page.keyboard.press("j")
        assert _active_id(page) == ids[1]
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("k")
        assert _active_id(page) == ids[0]
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowUp")
        assert _active_id(page) == ids[1]

        page.fill("#review-token", "fel-nyckel")
        page.keyboard.press("Escape")  # out of the field, back to the item
        assert _active_id(page) == ids[1]
        page.keyboard.press("a")
        page.wait_for_selector("#review-status:has-text('Fel API-nyckel')")  # the page's CSP forbids eval
        assert page.inner_text("#review-status") == "Fel API-nyckel: beslutet sparades inte."
        assert page.locator(f"li#{ids[1]}").count() == 1 and _active_id(page) == "review-token"

        page.fill("#review-token", token)
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        page.wait_for_selector("#review-status:has-text('Sparat')")
        assert page.locator(f"li#{ids[1]}").count() == 0
        assert _active_id(page) == ids[2]  # the next item, ready for the next key
        assert page.inner_text("#queue-count").startswith(f"{before['count'] - 1} saker att granska")
        after = _get(f"{url}/api/review?limit=500")
        assert ids[1] not in {i["id"] for i in after["data"]} and after["count"] == before["count"] - 1
        decided = _get(f"{url}/api/reviews")["data"] + _get(f"{url}/api/entity-judgements")["data"]
        assert [d["decided_by"] for d in decided] == ["Anna Berg"]

        rejectable = page.eval_on_selector_all(
            "li.review-item", "items => items.map(i => !!i.querySelector('button[value=reject]'))"
        )
        target = rejectable.index(True)
        left = page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)")
        page.keyboard.press("k")  # to the top, then down to the first item that can be rejected
        for _ in range(len(left)):
            page.keyboard.press("k")
        for _ in range(target):
            page.keyboard.press("j")
        assert _active_id(page) == left[target]
        page.keyboard.press("r")
        page.locator(f"li#{left[target]}").wait_for(state="detached")
        assert page.inner_text("#review-status").startswith("Sparat")
        assert left[target] not in {i["id"] for i in _get(f"{url}/api/review?limit=500")["data"]}

        found = blocking(run_axe(page))
        assert not found, describe(found)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
        page.screenshot(path=str(artifacts / f"review-queue-{width}.png"), full_page=False)


def test_without_javascript_each_item_is_a_plain_form(browser, tmp_path: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url, _without_javascript(browser, url) as page:
        assert not page.is_visible("#review-token")
        first = page.locator("li.review-item").first
        item = first.get_attribute("id")
        first.locator("input[name=token]").fill("fel-nyckel")
        first.locator("button[value=accept]").click()
        page.wait_for_url("**/granska?message=*")
        assert "Fel API-nyckel" in page.inner_text("p.notice") and page.locator(f"li#{item}").count() == 1
        first = page.locator("li.review-item").first
        first.locator("input[name=token]").fill(token)
        first.locator("button[value=accept]").click()
        page.wait_for_url("**/granska?message=*")
        assert page.inner_text("p.notice").startswith("Sparat")
        assert page.locator(f"li#{item}").count() == 0


def test_the_latest_decision_is_taken_back_with_u_and_the_item_returns(browser, tmp_path: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url, local_page(browser, url, *WIDTHS["desktop"]) as page:
        page.goto(f"{url}/granska")
        ids = page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)")
        assert not page.is_visible("#undo-form")
        page.keyboard.press("u")  # nothing decided yet
        page.wait_for_selector("#review-status:has-text('Inget beslut att ångra')")
        page.fill("#review-token", token)
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        page.wait_for_selector("#review-status:has-text('Sparat')")
        assert page.locator(f"li#{ids[0]}").count() == 0
        assert page.is_visible("#undo-form button") and not page.is_visible("#undo-form .item-token")
        page.keyboard.press("u")
        page.wait_for_url("**/granska?*message=*")
        assert page.inner_text("p.notice").startswith("Ångrat")
        assert page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)") == ids  # back in place
        assert not page.is_visible("#undo-form")
        history = _get(f"{url}/api/reviews")["data"]
        assert [(r["op"], r["decided_by"]) for r in history] == [("confirm", "Anna Berg"), ("undo", "Anna Berg")]
        found = blocking(run_axe(page))
        assert not found, describe(found)


def test_without_javascript_the_decision_is_taken_back_with_a_form(browser, tmp_path: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    with served_explorer(tmp_path) as url, _without_javascript(browser, url) as page:
        assert not page.is_visible("#undo-form")
        item = page.locator("li.review-item").first.get_attribute("id")
        first = page.locator("li.review-item").first
        first.locator("input[name=token]").fill(token)
        first.locator("button[value=accept]").click()
        page.wait_for_url("**/granska?message=*")
        assert page.locator(f"li#{item}").count() == 0 and page.is_visible("#undo-form")
        page.fill("#undo-form input[name=token]", token)
        page.fill("#undo-form input[name=reason]", "fel knapp")
        page.click("#undo-form button")
        page.wait_for_url("**/granska?message=*")
        assert page.inner_text("p.notice").startswith("Ångrat") and page.locator(f"li#{item}").count() == 1
        assert _get(f"{url}/api/reviews")["data"][-1]["reason"] == "fel knapp"


def test_a_person_pair_decision_is_taken_back_with_u_and_the_pair_returns(browser, tmp_path: Path) -> None:
    token = Writers.in_dir(tmp_path / "data").add("Anna Berg")
    (tmp_path / "pair").mkdir()
    files = []
    for name, text in PAIR_MINUTES.items():
        files.append(tmp_path / "pair" / name)
        files[-1].write_text(text, encoding="utf-8")
    with served_explorer(tmp_path, files=files) as url, local_page(browser, url, *WIDTHS["desktop"]) as page:
        before = _get(f"{url}/api/review?threshold=0&limit=25")["data"]  # candidates only
        pair = next(i for i in before if i["kind"] == "person_merge")
        page.goto(f"{url}/granska?threshold=0")
        ids = page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)")
        assert ids == [i["id"] for i in before]
        page.fill("#review-token", token)
        page.keyboard.press("Escape")
        for _ in range(ids.index(pair["id"])):
            page.keyboard.press("j")
        assert _active_id(page) == pair["id"]
        page.keyboard.press("a")
        page.wait_for_selector("#review-status:has-text('Sparat: samma person')")
        assert page.locator(f"li#{pair['id']}").count() == 0 and page.is_visible("#undo-form button")
        assert pair["id"] not in {i["id"] for i in _get(f"{url}/api/review?threshold=0&limit=500")["data"]}
        page.keyboard.press("u")
        page.wait_for_url("**/granska?*message=*")
        assert page.inner_text("p.notice").startswith("Ångrat")
        assert page.eval_on_selector_all("li.review-item", "items => items.map(i => i.id)") == ids  # back in place
        assert _get(f"{url}/api/review?threshold=0&limit=25")["data"] == before  # the same pair, sides and score
        history = _get(f"{url}/api/reviews?node={pair['sides'][0]['id']}")["data"]
        assert [(r["op"], r["decision"], r["decided_by"]) for r in history] == [
            ("person", "accepted", "Anna Berg"),
            ("undo", "accepted", "Anna Berg"),
        ]
