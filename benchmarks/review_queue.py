"""The review queue's first build (no document's facts known yet) at scale, on the embedded store.

    python benchmarks/review_queue.py [--meetings 1000 10000] [--work DIR] [--profile]

Writes the synthetic minutes of synthetic.py (seed 1) and ingests them (read, extract, resolve,
write: the extractor's own confidences, person merge candidates) into DIR/N/graph.db, reused when it
already holds N documents (10,000 take many minutes to ingest). Then builds the queue once from
nothing, as the first GET /api/review or /granska after a start does: every document's facts below
the threshold, their impact, the person and body/organisation candidates. Prints the build time
(wall and CPU, with the load average) and the CPU of its parts per document; --profile prints the
top of a cProfile of the build.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from samkarta.graph.corrections import corrected  # noqa: E402
from samkarta.graph.sqlite_store import SQLiteStore  # noqa: E402
from samkarta.ingest import ingest_files  # noqa: E402
from samkarta.loaders.model import Extraction  # noqa: E402
from samkarta.queries.review import FactCache, review_queue  # noqa: E402
from samkarta.queries.view import GraphView  # noqa: E402

THRESHOLD = 0.7  # the default SAMKARTA_REVIEW_THRESHOLD


def load(folder: Path, meetings: int) -> SQLiteStore:
    """The store of `meetings` synthetic minutes in `folder`, ingested unless it holds them already."""
    store = SQLiteStore.open(folder / "graph.db")
    held = store.stats().documents
    if held == meetings:
        print(f"  reusing {folder / 'graph.db'}: {held} documents")
        return store
    if held:
        raise SystemExit(f"{folder / 'graph.db'} holds {held} documents, not {meetings}: remove it")
    paths = write_corpus(folder / "minutes", meetings, seed=1)
    t0 = time.perf_counter()
    ingest_files(store, paths)
    print(f"  ingested {meetings} minutes in {time.perf_counter() - t0:.0f} s")
    return store


def parts(store: SQLiteStore) -> None:
    """CPU per document of the parts of reading a document's facts (no corrections, as the synthetic ones)."""
    spent = dict.fromkeys(("read the stored document", "validate the extraction", "its facts"), 0.0)
    infos = store.documents()
    for info in infos:
        t = time.process_time()
        stored = store.document(info.id)
        assert stored is not None
        t1 = time.process_time()
        x = Extraction.model_validate(stored.extraction)
        t2 = time.process_time()
        corrected(x, stored.text, info.id, [])
        t3 = time.process_time()
        for name, took in zip(spent, (t1 - t, t2 - t1, t3 - t2), strict=True):
            spent[name] += took
    print("  " + ", ".join(f"{name} {took / len(infos) * 1000:.2f} ms" for name, took in spent.items()))


def build_once(store: SQLiteStore, profile: bool) -> None:
    snap = GraphView(store).refresh()
    body_candidates = snap.__dict__.get("_entity_candidates")
    assert body_candidates is None  # a fresh snapshot: nothing of the queue is known
    profiler = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    queue = review_queue(store, snap, THRESHOLD, 0, 50, FactCache())
    if profiler:
        profiler.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    docs = store.stats().documents
    print(
        f"  first build: {wall:.2f} s wall, {cpu:.2f} s CPU ({cpu / docs * 1000:.2f} ms CPU a document); "
        f"{queue.facts} facts, {queue.candidates} candidates; load average {os.getloadavg()[0]:.1f}"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "samkarta-review-queue")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    for meetings in args.meetings:
        print(f"{meetings} synthetic minutes (SQLite)")
        store = load(args.work / str(meetings), meetings)
        try:
            build_once(store, args.profile)
            parts(store)
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
