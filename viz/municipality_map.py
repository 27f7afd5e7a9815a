"""Municipalities drawn as an SVG map: the shapes of samkarta/reference/municipality_shapes.json with
what a page says about each (the template, api/templates/_municipality_map.html, escapes every value)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from samkarta.reference.shapes import load_shapes

PADDING = 0.03  # of the larger side, so the outline of a border municipality is not cut


def municipality_map(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The view box around the rows' municipalities and `shapes`, one per row (the row plus its path `d`).

    Each row needs `code` (SCB); a row whose code has no shape is left out of the drawing.
    """
    shapes = load_shapes()
    items = [{**row, "d": shapes[row["code"]].d} for row in rows if row["code"] in shapes]
    if not items:
        return {"view_box": "0 0 1 1", "shapes": []}
    boxes = [shapes[item["code"]].bbox for item in items]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = round(max(x1 - x0, y1 - y0) * PADDING)
    return {"view_box": f"{x0 - pad} {y0 - pad} {x1 - x0 + 2 * pad} {y1 - y0 + 2 * pad}", "shapes": items}
