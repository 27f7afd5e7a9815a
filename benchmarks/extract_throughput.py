"""Extraction throughput: documents/s on typical minutes and seconds per MB by document size.

    python benchmarks/extract_throughput.py [--docs 1000] [--seed 3] [--sizes 10k,1m,20m] [--workers 2]

Prints, each the best of --repeat runs (CPU time of this process, or wall time with workers):
- documents/s over synthetic minutes (benchmarks/synthetic.py) and over the real minutes of
  corpus/docs, one process, reading from memory;
- documents/s over the synthetic minutes with --workers processes (extract_many);
- seconds per MB for one document of each size in --sizes (synthetic minutes run together), one
  process and with --workers, and this process's peak memory after each.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

from samkarta.loaders.extract import extract_many, extract_text  # noqa: E402

SIZES = {"10k": 10_000, "1m": 1_000_000, "20m": 20 * 1024 * 1024}


def _best(fn, repeat: int, wall: bool = False) -> float:
    clock = time.perf_counter if wall else time.process_time
    best = float("inf")
    for _ in range(repeat):
        t = clock()
        fn()
        best = min(best, clock() - t)
    return best


def _each(texts: list[str]) -> None:
    # each result dropped as an ingest drops it once written: a thousand held at once cost a
    # quarter of the rate in allocation and garbage collection, which no ingest pays
    for text in texts:
        extract_text(text, workers=1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="10k,1m,20m")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    synthetic = [d.text for d in generate(args.docs, seed=args.seed)]
    real = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "docs").glob("*.txt"))]
    extract_text(synthetic[0])  # build the pipeline once
    for label, texts in (("synthetic minutes", synthetic), ("real minutes (corpus/docs)", real)):
        seconds = _best(lambda texts=texts: _each(texts), args.repeat)
        kb = sum(map(len, texts)) / len(texts) / 1000
        rate = len(texts) / seconds
        print(f"{label:28} one process: {rate:7.1f} documents/s  ({len(texts)} documents, {kb:.1f} KB each)")
    if args.workers > 1:
        seconds = _best(lambda: list(extract_many(((t, None) for t in synthetic), workers=args.workers)), 1, wall=True)
        rate = len(synthetic) / seconds
        print(f"{'synthetic minutes':28} {args.workers} workers:   {rate:7.1f} documents/s (wall, start-up included)")

    base = "\n\n".join(d.text for d in generate(400, seed=args.seed + 2))
    for name in args.sizes.split(","):
        size = SIZES[name]
        text = (base * (size // len(base) + 1))[:size]
        repeat = args.repeat if size <= 1_000_000 else 1
        one = _best(lambda text=text: extract_text(text, workers=1), repeat)
        line = f"one document of {name:>4}: {one / (size / 1e6):6.2f} s/MB one process ({one:6.1f} s)"
        if args.workers > 1 and size > 1_000_000:
            many = _best(lambda text=text: extract_text(text, workers=args.workers), 1, wall=True)
            line += f", {many / (size / 1e6):5.2f} s/MB with {args.workers} workers ({many:5.1f} s wall)"
        print(f"{line}; peak memory of this process {_peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
