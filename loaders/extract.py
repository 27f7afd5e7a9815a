"""Turn minutes into Extractions: every fact with its evidence and a confidence.

A document is prepared (furniture blanked, offsets kept), cut into parts of at most
PART_CHARS characters at blank lines, each part is run through the pipeline of loaders/nlp.py
and read into a partial Extraction, and the parts are merged in order. Cost grows linearly with
size and memory holds one part's Doc at a time; with workers > 1 the parts of a long document, or
the documents of a batch, are read in worker processes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from samkarta.loaders.collect import Collector, read_doc
from samkarta.loaders.model import Extraction, SourceInfo
from samkarta.loaders.nlp import annotate, pipeline
from samkarta.loaders.prepare import chunks, prepare
from samkarta.loaders.readers import SourceText, path_text, read_document

PART_CHARS = 60_000
PARALLEL_FROM = 2_000_000  # characters; a text this long is read with one worker per core by default
_Part = tuple[str, str, int, bool, SourceInfo]  # prepared and original text, offset, first part?, source
A = TypeVar("A")
R = TypeVar("R")


def extract_text(text: str, source: SourceInfo | None = None, workers: int | None = None) -> Extraction:
    """Extract the facts of minutes given as text; workers > 1 reads a long text's parts in
    parallel (default: one per core for texts of PARALLEL_FROM characters or more)."""
    info = source or SourceInfo(path="<text>", sha256="", format="txt", chars=len(text))
    if workers is None:
        workers = (os.cpu_count() or 1) if len(text) >= PARALLEL_FROM else 1
    prepared = prepare(text)
    spans = chunks(prepared, PART_CHARS)
    parts = ((prepared[s:e], text[s:e], s, k == 0, info) for k, (s, e) in enumerate(spans))  # cut one at a time
    collector = Collector(info)
    if workers > 1 and len(spans) > 1:
        with worker_pool(workers) as pool:
            for part in in_order(pool, _read_part, parts, 2 * workers):
                collector.add(part)
    else:
        for args in parts:
            collector.add(_read_part(args))
    return collector.result()


def in_order(pool: ProcessPoolExecutor, work: Callable[[A], R], jobs: Iterable[A], window: int) -> Iterator[R]:
    """`work` over `jobs` in the pool, results in order, with at most `window` jobs in flight: a
    consumer slower than the workers never lets finished results pile up (memory stays flat)."""
    pending: deque[Future[R]] = deque()
    for args in jobs:
        pending.append(pool.submit(work, args))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def extract_many(texts: Iterable[tuple[str, SourceInfo | None]], workers: int = 1) -> Iterator[Extraction]:
    """Extract many documents, in order; workers > 1 reads them in worker processes."""
    if workers <= 1:
        for text, source in texts:
            yield extract_text(text, source, workers=1)
        return
    with worker_pool(workers) as pool:
        yield from pool.map(_extract_one, texts, chunksize=4)


def _read_part(args: _Part) -> Extraction:
    text, original, offset, first, info = args
    return read_doc(annotate(text, first, original), offset, first, info)


def _extract_one(item: tuple[str, SourceInfo | None]) -> Extraction:
    return extract_text(*item, workers=1)  # already in a worker


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Extraction worker processes. Forked from this process when it runs no other thread (the CLI):
    each worker starts at once with the pipeline built here, where a spawned one spends about two
    seconds of CPU importing spaCy and building its own. Spawned otherwise (the API server has
    threads, and a forked child would copy their locks) and where fork is not the platform's default."""
    if sys.platform == "linux" and threading.active_count() == 1:
        pipeline()  # built once here, shared by every forked worker (copy-on-write)
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=pipeline)


def extract_source(src: SourceText, workers: int | None = None) -> Extraction:
    info = SourceInfo(path=path_text(src.path), sha256=src.sha256, format=src.format, chars=len(src.text))
    return extract_text(src.text, info, workers)


def extract_file(path: Path) -> Extraction:
    """Read and extract one file; bad input raises InvalidInput naming the file."""
    return extract_source(read_document(path))
