"""The explorer the browser tests visit: the real app over the sample minutes plus one hostile document,
served by uvicorn on a free loopback port."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from samkarta.api.app import create_app
from samkarta.graph.batch import build_batch
from samkarta.graph.model import GraphBatch
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.ingest import find_files, ingest_files
from samkarta.loaders.extract import extract_text
from samkarta.loaders.model import Evidence, PersonFact, SourceInfo
from samkarta.samples import sample_dir
from samkarta.settings import Settings

XSS = '<img src=x onerror="window.__xss=1">'
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}  # the widths every page is tried at


def get_json(url: str) -> dict:
    """A JSON answer of the served explorer."""
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the local app only
        return json.loads(answer.read())


INJECTION_MINUTES = f"""Minnesanteckningar

RUG barn och unga 2023-02-01

Närvarande: Magnus Nordahl ordf. Falun, Anna Ståhlkloo Bup

1. Övrigt

{XSS} informerar om nätverket. <script>window.__xss=2</script>
"""


def injection_batch():
    """Minutes that name a person whose 'name' is markup: the extractor would never produce it, so the
    person is added to the extraction as a hostile document could make any extractor pass it on."""
    info = SourceInfo(path="/minutes/injection.txt", sha256="f" * 64, format="txt", chars=len(INJECTION_MINUTES))
    extraction = extract_text(INJECTION_MINUTES, info)
    start = INJECTION_MINUTES.index(XSS)
    ev = Evidence(start=start, end=start + len(XSS), quote=f"{XSS} informerar om nätverket.")
    extraction.people.append(
        PersonFact(
            name=XSS, affiliation=XSS, affiliation_kind="organization", roles=["present", "presenter"], evidence=[ev]
        )
    )
    return build_batch(extraction, INJECTION_MINUTES)


@contextmanager
def served_explorer(tmp: Path, extra: Iterable[GraphBatch] = (), files: Iterable[Path] = ()) -> Iterator[str]:
    """The app over a fresh store in `tmp`, seeded (plus the `extra` documents and the minutes `files`);
    yields its base URL and stops it afterwards."""
    store = SQLiteStore.open(tmp / "graph.db")
    ingest_files(store, [*find_files([sample_dir()]), *files])
    store.write_document(injection_batch())
    for batch in extra:
        store.write_document(batch)
    app = create_app(Settings(SAMKARTA_DATA_DIR=str(tmp / "data")), store=store)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert server.started, "the app did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@contextmanager
def local_page(browser, app_url: str, width: int, height: int) -> Iterator:
    """A page of that size that may only talk to the app; JavaScript errors, dialogs, policy
    violations and requests outside the machine fail the test when the page closes."""
    context = browser.new_context(viewport={"width": width, "height": height})
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route):
        if route.request.url.startswith(app_url + "/"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: errors.append(f"dialog opened: {d.message}"))
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()
    assert not blocked, f"the explorer tried to reach outside the machine: {blocked}"
    assert not errors, f"JavaScript errors or dialogs: {errors}"
