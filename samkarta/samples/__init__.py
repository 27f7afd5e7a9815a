"""Packaged sample minutes for the demo and the tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dir() -> Path:
    """Folder of the packaged sample minutes."""
    return Path(str(resources.files(__name__)))


def sample_files() -> list[Path]:
    return sorted(p for p in sample_dir().iterdir() if p.suffix == ".txt")
