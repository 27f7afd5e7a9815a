"""Network view rendering: Python render/layout time and browser time to a stable, drawn graph.

    python benchmarks/viz_render.py [--sizes 500 2000] [--edges-per-node 2] [--runs 3] [--max-nodes 2000]

For each size builds a random graph with mixed entity labels (edges = size x edges-per-node), renders it with
samkarta.viz (cold: layout computed; warm: positions from a LayoutCache), serves the page from a loopback HTTP
server and opens it in headless Chromium (Debian's /usr/bin/chromium via Python Playwright). The browser figure
is the time from navigation start to the page's graphReady signal (drawn, layout no longer moving), as measured
inside the page and as seen from Python. Goal: under 2 s for 2,000 nodes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import networkx as nx

from samkarta.viz import LayoutCache, render

CHROMIUM = "/usr/bin/chromium"
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
LABELS = ["Person", "Person", "Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"]
READY_HOOK = "document.addEventListener('samkarta:graphready', () => { window.__readyAt = performance.now(); });"


def random_graph(n: int, edges_per_node: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        label = rng.choice(LABELS)
        G.add_node(f"{label.lower()}-{i:06x}", label=label, name=f"{label} {i}", weight=rng.randint(1, 30))
    ids = list(G.nodes)
    target = int(n * edges_per_node)
    while G.number_of_edges() < target:
        u, v = rng.choice(ids), rng.choice(ids)
        if u != v:
            G.add_edge(u, v, type=rng.choice(["MEMBER_OF", "REPRESENTS", "ATTENDED"]), weight=rng.randint(1, 5))
    return G


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--edges-per-node", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--max-nodes", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    render(random_graph(50, 2, 0), title="warm-up")  # template compile, vis-network file read, imports
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        root = Path(tmp)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(
            f"{'nodes':>6} {'edges':>6} {'shown':>6} {'physics':>7} {'render cold':>11} {'render warm':>11} "
            f"{'html MB':>7} {'browser ready (in page)':>24} {'seen from Python':>17}"
        )
        try:
            for n in args.sizes:
                G = random_graph(n, args.edges_per_node, args.seed)
                cache = LayoutCache()
                cold, warm = [], []
                for run in range(args.runs):
                    key = f"bench:{n}:{run}"
                    t0 = time.perf_counter()
                    res = render(G, title=f"Benchmark {n}", max_nodes=args.max_nodes, layout_cache=cache, cache_key=key)
                    cold.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    res = render(G, title=f"Benchmark {n}", max_nodes=args.max_nodes, layout_cache=cache, cache_key=key)
                    warm.append(time.perf_counter() - t0)
                (root / f"g{n}.html").write_text(res.html, encoding="utf-8")
                in_page, outside = [], []
                for run in range(args.runs + 1):  # the first run warms Chromium's caches and is not counted
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    context.add_init_script(READY_HOOK)
                    page = context.new_page()
                    t0 = time.perf_counter()
                    page.goto(f"{base}/g{n}.html")
                    page.wait_for_function("document.body.dataset.graphReady === '1'", timeout=60_000, polling=20)
                    seen = time.perf_counter() - t0
                    ready_ms = page.evaluate("window.__readyAt")
                    assert page.evaluate("window.samkartaGraph.nodes.length") == res.shown
                    context.close()
                    if run:
                        in_page.append(ready_ms / 1000)
                        outside.append(seen)
                print(
                    f"{n:>6} {G.number_of_edges():>6} {res.shown:>6} {str(res.physics):>7} "
                    f"{statistics.median(cold):>10.3f}s {statistics.median(warm):>10.3f}s "
                    f"{len(res.html) / 1e6:>7.2f} {statistics.median(in_page):>23.3f}s "
                    f"{statistics.median(outside):>16.3f}s"
                )
        finally:
            browser.close()
            server.shutdown()
            server.server_close()
    print(f"medians of {args.runs} runs; 'render warm' reuses cached positions; goal: < 2 s browser for 2,000 nodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
