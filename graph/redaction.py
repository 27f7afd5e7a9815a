"""Redaction for data-protection erasure: one rule for every store."""

from __future__ import annotations

import json
import re
from typing import Any

REDACTED = "[borttaget]"


def redact(value: str | None, strings: list[str]) -> str | None:
    """Replace whole-word occurrences of each string (longest first) with REDACTED."""
    if value is None:
        return None
    for s in sorted(strings, key=len, reverse=True):
        value = re.sub(rf"(?<![\wåäöÅÄÖ]){re.escape(s)}(?![\wåäöÅÄÖ])", REDACTED, value)
    return value


def redact_json(text: str, strings: list[str]) -> str:
    """Redact every string value inside a JSON document (not its escaped text)."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return redact(value, strings)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return json.dumps(walk(json.loads(text)), ensure_ascii=False)
