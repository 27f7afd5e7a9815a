"""Headless Chromium (Debian's /usr/bin/chromium) driven by Python Playwright, and a loopback HTTP server.

Without Chromium or Playwright the browser tests are skipped, except under CI=true where they fail loudly.
Pages may only load from the local server: any other request is aborted and fails the test.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.explorer_app import WIDTHS, local_page, served_explorer

CHROMIUM = Path(os.environ.get("SAMKARTA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Python Playwright is not installed (pip install playwright; never `playwright install`)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@dataclass
class Site:
    root: Path
    base: str
    blocked: list[str] = field(default_factory=list)

    def publish(self, name: str, html: str) -> str:
        (self.root / name).write_text(html, encoding="utf-8")
        return f"{self.base}/{name}"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("viz-site")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(root=root, base=f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def page(browser, site: Site):
    """A fresh page that can reach only the local server; page errors and outside requests fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(site.base + "/"):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    p = context.new_page()
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    yield p
    context.close()
    assert not blocked, f"the page tried to reach outside the machine: {blocked}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    """The explorer over the sample minutes (and one hostile document), shared by the browser tests."""
    with served_explorer(tmp_path_factory.mktemp("explorer")) as url:
        yield url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(params=list(WIDTHS))
def view(request, browser, app_url: str):
    """A page of one width that may only talk to the app; errors, dialogs and outside requests fail."""
    width, height = WIDTHS[request.param]
    with local_page(browser, app_url, width, height) as page:
        page.width, page.name = width, request.param  # type: ignore[attr-defined]
        yield page
