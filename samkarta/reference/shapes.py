"""Municipality boundaries as SVG paths (municipality_shapes.json, built by scripts/build_map.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

SHAPES_FILE = "municipality_shapes.json"


@dataclass(frozen=True)
class Shape:
    code: str  # SCB municipality code
    name: str
    bbox: tuple[int, int, int, int]  # min x, min y, max x, max y in the file's coordinate space
    d: str  # SVG path data in that space (y grows southwards)


@cache
def load_shapes() -> dict[str, Shape]:
    """Every municipality's shape by SCB code, read once per process."""
    text = resources.files(__package__).joinpath(SHAPES_FILE).read_text(encoding="utf-8")
    return {
        code: Shape(code=code, name=m["name"], bbox=tuple(m["bbox"]), d=m["d"])
        for code, m in json.loads(text)["municipalities"].items()
    }
