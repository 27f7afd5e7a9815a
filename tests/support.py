"""What several test modules share: the gold schema's keys and loading a script that is not a package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
# gold/SCHEMA.md: the top-level keys of one extraction, the meeting's keys and the role words
GOLD_KEYS = frozenset(
    {"meeting", "people", "organizations", "municipalities", "projects", "networks", "decisions", "actions", "handoffs"}
)
MEETING_KEYS = frozenset({"date", "body", "region", "next_meeting"})
ROLE_WORDS = frozenset({"chair", "present", "absent", "presenter", "guest", "secretary", "author", "mentioned"})


def load_script(path: Path, name: str) -> ModuleType:
    """Import a standalone script (benchmarks/synthetic.py, the shared scorer) as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module
