"""Extraction throughput, single process: documents/s and MB/s over synthetic minutes.

    python benchmarks/extract_throughput.py [--docs 2000] [--seed 3]

Writes the documents to a temporary folder first, then times reading + extraction of every file
(what `samkarta ingest` does before writing to a store), and extraction alone.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from samkarta.loaders.extract import extract_source, extract_text  # noqa: E402
from samkarta.loaders.readers import read_document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), args.docs, seed=args.seed)
        total_bytes = sum(p.stat().st_size for p in paths)
        extract_text("Närvarande: Anna Andersson, Falun")  # load reference data and name lists once
        t0 = time.perf_counter()
        texts = []
        facts = 0
        for p in paths:
            src = read_document(p)
            texts.append(src.text)
            r = extract_source(src)
            facts += len(r.people) + len(r.decisions) + len(r.actions) + len(r.handoffs)
        t_full = time.perf_counter() - t0
        t0 = time.perf_counter()
        for text in texts:
            extract_text(text)
        t_extract = time.perf_counter() - t0
    mb = total_bytes / 1e6
    print(f"documents: {len(paths)}  size: {mb:.2f} MB  facts (people+decisions+actions+handoffs): {facts}")
    print(f"read+extract: {len(paths) / t_full:8.1f} documents/s  {mb / t_full:6.2f} MB/s  ({t_full:.2f} s)")
    print(f"extract only: {len(paths) / t_extract:8.1f} documents/s  {mb / t_extract:6.2f} MB/s  ({t_extract:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
