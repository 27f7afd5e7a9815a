"""Rendering layer: networkx graphs -> standalone, offline HTML pages with an interactive network view.

``render(G, title=...)`` returns a :class:`RenderedGraph` (``html``, ``shown``, ``omitted``, ...);
``render_html(G, title=...)`` returns just the page. vis-network is vendored in ``viz/static/`` (see NOTICE) and
inlined into the page unless ``asset_url`` names where the API serves ``STATIC_DIR``.
"""

from .assets import STATIC_DIR, VIS_NETWORK_FILE, VIS_NETWORK_VERSION
from .layout import LayoutCache, compute_layout
from .palette import LEGEND, STYLES
from .render import LAYOUT_THRESHOLD, RenderedGraph, elements, render, render_html

__all__ = [
    "LAYOUT_THRESHOLD",
    "LEGEND",
    "STATIC_DIR",
    "STYLES",
    "VIS_NETWORK_FILE",
    "VIS_NETWORK_VERSION",
    "LayoutCache",
    "RenderedGraph",
    "compute_layout",
    "elements",
    "render",
    "render_html",
]
