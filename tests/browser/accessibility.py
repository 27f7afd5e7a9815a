"""axe-core in a page: the axe.min.js that axe-playwright-python ships, injected from the local file into
the page and each of its frames (no request leaves the machine), then run from the top frame."""

from __future__ import annotations

from functools import cache
from typing import Any

# what fails a page; "moderate" and "minor" findings are reported by axe but do not
BLOCKING = frozenset({"serious", "critical"})


@cache
def axe_script() -> str:
    from axe_playwright_python.base import AXE_FILE_PATH

    return AXE_FILE_PATH.read_text(encoding="utf-8")


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Every axe-core violation on the page as it stands, frames included (axe reaches a frame only
    where it was injected too)."""
    for frame in page.frames:
        if not frame.evaluate("() => typeof window.axe === 'object'"):
            frame.evaluate(axe_script())
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per rule: its id, impact and help, and where (a frame's elements as 'iframe >> x')."""
    out = []
    for v in violations:
        out.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"][:5]:
            out.append(f"  at {' >> '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(v["nodes"]) > 5:
            out.append(f"  and {len(v['nodes']) - 5} more")
    return "\n".join(out)
