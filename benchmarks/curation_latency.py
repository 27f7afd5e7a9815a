"""Correction-to-visible latency and read latency under a stream of corrections, both backends.

    python benchmarks/curation_latency.py [--meetings 10000] [--people 20000] [--corrections 30]
        [--sqlite-file PATH] [--neo4j URI] [--reads-during 200]

The synthetic national-scale graph of api_latency.py (21 counties, ~315 bodies, meetings with
attendance, decisions, actions, handoffs) is loaded once: a --sqlite-file that already holds it, or
a Neo4j database that does, is reused (a 10,000-meeting load into Neo4j takes many minutes).
Then, in-process through the FastAPI app:

- through the API: a writer marks one attendance wrong (POST /api/documents/{id}/facts/{fact}/wrong)
  and the person's collaborators are asked for until the other attendees' shared meetings show it;
  the figure is from sending the correction to the first answer that shows it.
- from another process: the same correction written through a second connection to the store
  (as `samkarta correct` would), and the API asked until it shows (its snapshot follows by itself).
- the brokers' view: betweenness cannot be patched, so the API computes it again after each write
  in a worker process and serves the previous scores meanwhile (queries/brokers.py); measured from
  sending a correction until the brokers' scores are those of the graph with it.
- reads while corrections stream in: searches, collaborators, a body's network, ego graphs and the
  brokers asked for one after another while another thread writes corrections, against the same
  reads with no writes.

Prints p50/p95/max of each (the first correction is among them: on a freshly started Neo4j
server it was the slowest); the target for correction-to-visible is p95 <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import TOPICS, build_world  # noqa: E402

from samkarta import corrections as fix  # noqa: E402
from samkarta.api.app import create_app  # noqa: E402
from samkarta.graph.batch import build_batch  # noqa: E402
from samkarta.graph.ids import make_id  # noqa: E402
from samkarta.graph.sqlite_store import SQLiteStore  # noqa: E402
from samkarta.graph.store import GraphStore  # noqa: E402
from samkarta.queries.view import GraphView, Snapshot  # noqa: E402
from samkarta.settings import Settings  # noqa: E402

TOKEN = "curation-latency-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
POLL_EVERY = 0.02  # seconds between two asks
GIVE_UP = 30.0


def percentiles(times: list[float]) -> str:
    if not times:
        return "no samples"
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms   "
        f"max {ordered[-1] * 1000:7.0f} ms   ({len(ordered)})"
    )


def load(store: GraphStore, meetings: int, people: int, seed: int) -> None:
    """Write the synthetic world, 50 documents a transaction, unless the store already holds it."""
    held = store.stats().documents
    if held == meetings:
        print(f"  reusing the stored graph: {held} documents, version {store.version()}")
        return
    if held:
        raise SystemExit(f"the store holds {held} documents, not {meetings}: empty it or give another")
    world = build_world(meetings, people, seed)
    t0 = time.perf_counter()
    batches = [build_batch(x, x.items[0].text) for x in world]
    for i in range(0, len(batches), 50):
        store.write_new_documents(batches[i : i + 50])
    print(f"  loaded {meetings} meetings in {time.perf_counter() - t0:.0f} s")


class Bench:
    """One backend: the app over `store`, and a second connection for the other process's writes."""

    def __init__(self, store: GraphStore, other: GraphStore, seed: int) -> None:
        settings = Settings(
            SAMKARTA_DATA_DIR=tempfile.mkdtemp(), SAMKARTA_ALLOWED_HOSTS="testserver", SAMKARTA_API_TOKEN=TOKEN
        )
        self.app = create_app(settings, store=store)
        self.store, self.other = store, other
        self.rng = random.Random(seed)
        self.documents = [d.id for d in store.documents()]
        self.used: set[str] = set()
        self.refreshes: list[float] = []  # seconds the view took to apply a delta (made a new snapshot)
        self.brokers_shown: list[float] = []  # seconds from a correction to the brokers' scores of it

    def instrument(self) -> None:
        """Time each new snapshot the app's view makes (after the lifespan made the view)."""
        view: GraphView = self.app.state.view
        made = view.refresh

        def timed() -> Snapshot:
            before, t0 = view._snapshot, time.perf_counter()
            snap = made()
            if before is not None and snap is not before:
                self.refreshes.append(time.perf_counter() - t0)
            return snap

        view.refresh = timed  # type: ignore[method-assign]

    def attendance(self) -> tuple[str, str, str, str]:
        """(document, attendance fact, person, another attendee) not corrected yet."""
        while True:
            doc = self.rng.choice(self.documents)
            if doc in self.used:
                continue
            self.used.add(doc)
            facts = fix.document_facts(self.store, doc)
            people = [s.fact for s in facts.facts if s.fact.kind == "attendance" and not s.wrong]
            snap = self.app.state.view.current()
            attendees = snap.attendees.get(make_id("Meeting", doc), set())
            ids = {snap.g.nodes[p]["name"]: p for p in attendees}
            if len(people) >= 2 and people[0].text in ids and people[1].text in ids:
                return doc, people[0].id, ids[people[0].text], ids[people[1].text]

    def shared(self, client: TestClient, person: str, other: str) -> int:
        r = client.get(f"/api/people/{person}/collaborators", params={"limit": 200})
        if r.status_code == 404:  # that meeting was all the minutes said of the person: gone with it
            return -1
        r.raise_for_status()
        return next((c["shared_meetings"] for c in r.json()["data"] if c["id"] == other), 0)

    def wait_until(self, shown: Callable[[], bool]) -> bool:
        end = time.perf_counter() + GIVE_UP
        while time.perf_counter() < end:
            if shown():
                return True
            time.sleep(POLL_EVERY)
        return False

    def through_api(self, client: TestClient, n: int) -> tuple[list[float], list[float]]:
        """(seconds to visible, seconds the write itself took) per correction."""

        def post(doc: str, fact: str) -> None:
            r = client.post(f"/api/documents/{doc}/facts/{fact}/wrong", json={"reason": "benchmark"}, headers=AUTH)
            r.raise_for_status()

        return self.corrections(client, n, post)

    def from_other_process(self, client: TestClient, n: int) -> tuple[list[float], list[float]]:
        def write(doc: str, fact: str) -> None:
            fix.correct(self.other, doc, fact, "wrong", reason="benchmark", by="benchmark")

        return self.corrections(client, n, write)

    def corrections(
        self, client: TestClient, n: int, write: Callable[[str, str], None]
    ) -> tuple[list[float], list[float]]:
        shown, written = [], []
        for _ in range(n):
            doc, fact, person, other = self.attendance()
            before = self.shared(client, person, other)
            t0 = time.perf_counter()
            write(doc, fact)
            written.append(time.perf_counter() - t0)
            if self.wait_until(lambda p=person, o=other, b=before: self.shared(client, p, o) < b):
                shown.append(time.perf_counter() - t0)
            else:
                print(f"  not shown within {GIVE_UP:.0f} s: {fact}")
            self.brokers_follow(t0)
        return shown, written

    def brokers_follow(self, t0: float) -> None:
        """Wait until the brokers' scores are those of the graph version the view shows now."""
        view: GraphView = self.app.state.view
        version = view.current().version
        assert view.scores is not None
        if view.scores.version() is None:  # a graph this small has them computed with each snapshot
            return
        if self.wait_until(lambda: (view.scores.version() or 0) >= version):  # type: ignore[union-attr]
            self.brokers_shown.append(time.perf_counter() - t0)
        else:
            print(f"  the brokers did not follow within {GIVE_UP:.0f} s")

    def reads(self, client: TestClient, n: int, stop: threading.Event | None = None) -> list[float]:
        snap = self.app.state.view.current()
        people = sorted(snap.attendance)
        bodies = sorted(set(snap.meeting_network.values()))
        asks = [
            lambda: client.get("/api/search", params={"q": snap.g.nodes[self.rng.choice(people)]["name"][:10]}),
            lambda: client.get(f"/api/people/{self.rng.choice(people)}/collaborators"),
            lambda: client.get(f"/api/networks/{self.rng.choice(bodies)}"),
            lambda: client.get(f"/graph/ego/{self.rng.choice(people)}", params={"depth": 1}),
            lambda: client.get("/api/owners", params={"q": self.rng.choice(TOPICS)}),
            lambda: client.get("/api/brokers"),
        ]
        out = []
        for i in range(n):
            if stop is not None and stop.is_set():
                break
            t0 = time.perf_counter()
            r = asks[i % len(asks)]()
            out.append(time.perf_counter() - t0)
            assert r.status_code == 200, (r.status_code, r.text[:200])
        return out

    def reads_during_corrections(self, client: TestClient, n: int) -> tuple[list[float], int]:
        done = threading.Event()
        written = [0]

        def write() -> None:
            while not done.is_set():
                doc, fact, _, _ = self.attendance()
                r = client.post(f"/api/documents/{doc}/facts/{fact}/wrong", json={"reason": "benchmark"}, headers=AUTH)
                r.raise_for_status()
                written[0] += 1

        writer = threading.Thread(target=write, name="corrections")
        writer.start()
        try:
            times = self.reads(client, n)
        finally:
            done.set()
            writer.join()
        return times, written[0]


def run(name: str, store: GraphStore, other: GraphStore, args: argparse.Namespace) -> None:
    bench = Bench(store, other, args.seed)
    with TestClient(bench.app) as client:
        bench.instrument()
        t0 = time.perf_counter()
        client.get("/api/search", params={"q": "Anna"})
        print(f"{name}: the first request reads the whole graph in {time.perf_counter() - t0:.1f} s (once)")
        bench.reads(client, 20)  # the derived structures the reads need, computed once
        scores = bench.app.state.view.scores
        if scores.seconds:
            print(f"{name}: the first brokers' scores in {scores.seconds[0]:.1f} s (once; later in the background)")
        shown, written = bench.through_api(client, args.corrections)
        print(f"{name} correction to visible, through the API:      {percentiles(shown)}")
        print(f"{name}   of which the POST (save, rebuild the document, apply the delta): {percentiles(written)}")
        shown, written = bench.from_other_process(client, args.corrections)
        print(f"{name} correction to visible, from another process: {percentiles(shown)}")
        print(f"{name}   of which the write (samkarta.corrections.correct):               {percentiles(written)}")
        print(f"{name} the view applying a delta (a new snapshot):  {percentiles(bench.refreshes)}")
        print(f"{name} correction to the brokers' scores of it:       {percentiles(bench.brokers_shown)}")
        print(f"{name}   of which computing them (worker process):     {percentiles(scores.seconds[1:])}")
        quiet = bench.reads(client, args.reads_during)
        print(f"{name} reads, no writes:                          {percentiles(quiet)}")
        during, written = bench.reads_during_corrections(client, args.reads_during)
        print(f"{name} reads while corrections stream in:         {percentiles(during)}   ({written} corrections)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--meetings", type=int, default=10000)
    ap.add_argument("--people", type=int, default=20000)
    ap.add_argument("--corrections", type=int, default=30)
    ap.add_argument("--reads-during", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--sqlite-file", type=Path, help="reused when it holds the graph (default: a temporary file)")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"), help="bolt URI; its database is reused or loaded")
    args = ap.parse_args()
    print(f"synthetic graph: {args.meetings} meetings, {args.people} people; load average {os.getloadavg()[0]:.1f}")
    if not args.no_sqlite:
        path = args.sqlite_file or Path(tempfile.mkdtemp()) / "graph.db"
        store = SQLiteStore.open(path)
        load(store, args.meetings, args.people, args.seed)
        other = SQLiteStore.open(path)
        run("sqlite", store, other, args)
        other.close()
        store.close()
    if args.neo4j:
        from samkarta.graph.neo4j_store import Neo4jStore

        def connect() -> Neo4jStore:
            user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "samkarta-test")
            return Neo4jStore.connect(args.neo4j, user, password)

        store, other = connect(), connect()
        load(store, args.meetings, args.people, args.seed)
        run("neo4j", store, other, args)
        other.close()
        store.close()
    print(f"load average at the end {os.getloadavg()[0]:.1f} (the machine's {os.cpu_count()} cores are shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
