"""Extraction workers: forked only from a process that runs no other thread."""

from __future__ import annotations

import threading

from samkarta.loaders.extract import worker_pool


def test_a_process_with_other_threads_spawns_its_workers() -> None:
    # a forked child would copy the locks other threads hold (the API server runs threads)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with worker_pool(1) as pool:
            assert pool._mp_context.get_start_method() == "spawn"  # type: ignore[attr-defined]
            assert pool.submit(len, "sju").result() == 3
    finally:
        stop.set()
        other.join()
