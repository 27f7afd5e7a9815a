"""The municipality shapes the maps draw: one valid, compact SVG path per municipality of the reference."""

from __future__ import annotations

import re
from importlib import resources

from samkarta.reference import load_reference
from samkarta.reference.shapes import SHAPES_FILE, load_shapes
from samkarta.viz.municipality_map import municipality_map

NUMBER = r"-?\d+"
# what build_map.py writes: per ring an absolute move, relative line steps, a close
RING = re.compile(rf"M({NUMBER}) ({NUMBER})l((?:{NUMBER} {NUMBER}(?: |(?=z)))+)z")


def _points(d: str) -> list[tuple[int, int]]:
    """The absolute points of a path in the builder's syntax; fails on anything else."""
    points, pos = [], 0
    while pos < len(d):
        m = RING.match(d, pos)
        assert m, f"not SVG path syntax at {pos}: {d[pos : pos + 40]!r}"
        x, y = int(m[1]), int(m[2])
        points.append((x, y))
        steps = [int(v) for v in m[3].split()]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        pos = m.end()
    return points


def test_every_municipality_of_the_reference_has_a_shape_under_its_name() -> None:
    shapes, munis = load_shapes(), load_reference().municipalities
    assert set(shapes) == set(munis) and len(shapes) == 290
    assert all(shapes[code].name == m.name for code, m in munis.items())


def test_every_path_parses_and_lies_in_its_bounding_box() -> None:
    for code, shape in load_shapes().items():
        points = _points(shape.d)
        assert len(points) >= 3, code
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        assert (min(xs), min(ys), max(xs), max(ys)) == shape.bbox, code
        assert min(xs) >= 0 and min(ys) >= 0


def test_the_file_is_small() -> None:
    size = len(resources.files("samkarta.reference").joinpath(SHAPES_FILE).read_bytes())
    assert 20_000 < size < 300_000  # well under 1 MB, and not emptied by a broken build


def test_a_county_map_frames_its_municipalities_only() -> None:
    codes = [m.code for m in load_reference().municipalities.values() if m.county == "Dalarna"]
    view = municipality_map([{"code": c} for c in codes] + [{"code": "9999"}])
    assert [s["code"] for s in view["shapes"]] == codes  # an unknown code is left out
    x, y, w, h = map(int, view["view_box"].split())
    for code in codes:
        x0, y0, x1, y1 = load_shapes()[code].bbox
        assert x <= x0 and y <= y0 and x1 <= x + w and y1 <= y + h
    assert w < 4000 and h < 4000  # about Dalarna (~250 x 290 km), not the country
