"""The vendored vis-network build (viz/static/), for inlining into pages or serving as a static file."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
VIS_NETWORK_VERSION = "9.1.9"
VIS_NETWORK_LICENSE = "Apache-2.0 OR MIT"
VIS_NETWORK_FILE = "vis-network.min.js"  # standalone UMD build: bundles its dependencies and injects its own CSS


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network script text, safe to place between ``<script>`` and ``</script>``."""
    text = (STATIC_DIR / VIS_NETWORK_FILE).read_text(encoding="utf-8")
    # "</script" would end the inline element early; "<\/" means the same inside JS strings and regexes.
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
