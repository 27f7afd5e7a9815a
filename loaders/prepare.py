"""Text preparation that keeps character offsets: page furniture and markup become spaces, and a
few words set letter-spaced for emphasis are written whole (padded with spaces).

Every later step works on the prepared text, whose offsets equal the document's, so evidence
spans point straight into the stored document text. The patterns are data (data/furniture.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from samkarta.loaders.words import data


@dataclass(frozen=True)
class _Rules:
    regions: tuple[tuple[str, re.Pattern[str]], ...]
    masks: tuple[tuple[str, re.Pattern[str]], ...]
    content_start: re.Pattern[str]
    letter_spaced: re.Pattern[str]


@cache
def _rules() -> _Rules:
    spec = data("furniture.yaml")

    def compiled(entries: list[dict[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((e["guard"], re.compile(e["pattern"])) for e in entries)

    spaced = "|".join(" ".join(re.escape(ch) for ch in word) for word in spec["letter_spaced"])
    return _Rules(
        compiled(spec["regions"]),
        compiled(spec["masks"]),
        re.compile(spec["content_start"]),
        # a word of its own: no letter or other single letter right before or after it
        re.compile(rf"(?<!\w)(?<!\b\w )(?:{spaced})(?!\w)(?! \w\b)", re.IGNORECASE),
    )


def _spaces(m: re.Match[str]) -> str:
    """The match with every character but line breaks blanked, or only its groups if it has any."""
    if not m.re.groups:
        return re.sub(r"[^\n]", " ", m.group(0))
    text = m.group(0)
    base = m.start()
    for g in range(1, m.re.groups + 1):
        s, e = m.span(g)
        if s >= 0:
            text = text[: s - base] + re.sub(r"[^\n]", " ", text[s - base : e - base]) + text[e - base :]
    return text


def prepare(text: str) -> str:
    """A same-length copy of text with furniture, links, addresses and markup blanked, and the
    letter-spaced words of furniture.yaml joined."""
    out = text.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", " ").replace("\r", " ")
    out = out.replace("\f", "\n").replace("\u00ad", " ")
    rules = _rules()
    for guard, pattern in (*rules.regions, *rules.masks):
        if guard in out:
            out = pattern.sub(_spaces, out)
    return rules.letter_spaced.sub(_joined, out)


def _joined(m: re.Match[str]) -> str:
    """A letter-spaced word written whole, then the spaces it took ("A t t" -> "Att  ")."""
    word = m.group(0).replace(" ", "")
    return word + " " * (len(m.group(0)) - len(word))


def content_start(text: str) -> int:
    """Where the minutes begin in a saved document-viewer page (0 for plain minutes)."""
    m = _rules().content_start.search(text)
    return m.end() if m else 0


def chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of at most about `size` characters, cut at blank lines (else line breaks), covering text."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        cut = text.rfind("\n\n", start + size // 2, start + size)
        if cut < 0:
            cut = text.rfind("\n", start + size // 2, start + size)
        if cut < 0:
            cut = start + size
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out
