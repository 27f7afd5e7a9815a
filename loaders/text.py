"""Text preparation that keeps character offsets: markup and page furniture become spaces.

Every later step works on the cleaned text, whose offsets equal the document's, so evidence
spans point straight into the stored document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samkarta.loaders.model import Evidence
from samkarta.loaders.patterns import starting_with

_BLANKS = [
    re.compile(r"\[([^\]\n]{1,300})\]\((?:https?://|mailto:)[^)\s]*\)"),  # markdown link: keep its text
]
# (guard, pattern): a pattern only runs when its guard substring occurs, which keeps clean() cheap.
_MASKS: list[tuple[str, re.Pattern[str]]] = [
    ("<", re.compile(r"<(?:https?://|mailto:)[^>\s]*>")),
    ("http", re.compile(r"\bhttps?://\S+")),
    ("www.", re.compile(r"\bwww\.\S+")),
    ("@", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("....", re.compile(r"[.…_]{4,}")),
    ("…", re.compile(r"[.…_]{4,}")),
    ("__", re.compile(r"[.…_]{4,}|_{2,3}")),
    ("Sida ", re.compile(r"\bSida \d+ av \d+\b")),
    ("#", re.compile(r"(?m)^[ \t]*#{1,6}(?=\s)")),
    ("*", re.compile(r"\*{1,3}")),
    ("Storlek", re.compile(r"(?m)^[ \t]*Storlek: px[ \t]*$")),
    ("Starta", re.compile(r"(?m)^[ \t]*Starta visningen från sidan:[ \t]*$")),
    ("Full text", re.compile(r"(?m)^[ \t]*Full text[ \t]*$")),
    ("Transkript", re.compile(r"(?m)^[ \t]*Transkript:?[ \t]*$")),
    ("Download", re.compile(r"(?m)^[ \t]*Download \"|\"[ \t]*$")),
]
# A saved web page's list of related documents runs until its transcript starts.
_RELATED = re.compile(r"(?ms)^[ \t]*Relevanta dokument[ \t]*$.*?^(?=[ \t]*Transkript:?[ \t]*$)")
# a sentence ends at a full stop before a capital, a blank line, a line after a colon, or a bullet
_SENTENCE_END = starting_with(
    r"\s", r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9§\"”])|\n\s*\n|(?<=[:;])\s*\n|\n(?=[ \t]*[•▪◦‣*–-][ \t])"
)
# A heading on its own line ("§ 2 Familjehem", "Övrigt") also ends a sentence: a short line with
# no closing punctuation, followed by a line that starts like a new sentence.
_HEADING_BREAK = re.compile(r"(?m)^([^\n]{1,60}[^\s.!?,:;])[ \t]*\n(?=[ \t]*[A-ZÅÄÖ§])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:ordf|kl|t\.ex|bl\.a|o|enh|ans|skolsk|fr\.o\.m|t\.o\.m|m\.fl|s\.k|tex|ca|nr|dnr|bil|sekr|"
    r"resp|jfr|m\.m|p\.g\.a|d\.v\.s|dvs|f\.d|tf|f\.n|ev|inkl|exkl|st|tel|mfl)\.|\b[A-ZÅÄÖ]\.)$"
)


_ITEM_NUMBER = re.compile(r"\s*(?:§\s*)?\d{1,3}(?:\.\d{1,2})*\.?$")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def clean(text: str) -> str:
    """Same-length copy of text with markup, links, addresses and web-page furniture blanked."""
    out = text.replace("\u00a0", " ").replace("\t", " ").replace("\u200b", " ")
    if "Relevanta dokument" in out:
        related = _RELATED.search(out)
        if related:
            out = _blank(out, related.start(), related.end())
    if "](" in out:
        for pattern in _BLANKS:
            for m in pattern.finditer(out):
                out = _blank(out, m.start(), m.start(1)) if m.start(1) > m.start() else out
                out = _blank(out, m.end(1), m.end())
    for guard, pattern in _MASKS:
        if guard in out:
            out = pattern.sub(_spaces, out)
    return out


def _spaces(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def lines(text: str) -> list[Line]:
    """Lines with offsets; text is stripped but offsets are of the stripped content."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], splitting at sentence ends but not abbreviations."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if "\n" not in m.group(0) and (
            _ABBREVIATIONS.search(text, max(cur, m.start() - 12), m.start())
            or _ITEM_NUMBER.match(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        ):
            continue
        if text[cur : m.start()].strip():
            spans.append(_trim(text, cur, m.start()))
        cur = m.end()
    if text[cur:end].strip():
        spans.append(_trim(text, cur, end))
    return [piece for span in spans for piece in _split_headings(text, *span)]


def _split_headings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "\n" not in text[start:end]:
        return [(start, end)]
    out = []
    cur = start
    for m in _HEADING_BREAK.finditer(text, start, end):
        if m.start(1) < cur:
            continue
        out.append((cur, m.end(1)))
        cur = m.end()
    out.append(_trim(text, cur, end))
    return [(a, b) for a, b in out if b > a]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def squash(s: str) -> str:
    """Fold whitespace runs to single spaces."""
    return " ".join(s.split())


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line, in lists) that contains the span."""
    left = max(text.rfind("\n\n", 0, start), text.rfind("\n", 0, start) if _is_list_line(text, start) else -1)
    for m in re.finditer(r"[.!?]\s", text[max(0, start - 400) : start]):
        left = max(left, max(0, start - 400) + m.end() - 1)
    left = max(left + 1, 0)
    right_candidates = [i for i in (text.find("\n\n", end), re.search(r"[.!?](\s|$)", text[end:])) if i]
    right = len(text)
    for cand in right_candidates:
        if isinstance(cand, int) and cand >= 0:
            right = min(right, cand)
        elif isinstance(cand, re.Match):
            right = min(right, end + cand.start() + 1)
    if _is_list_line(text, start):
        nl = text.find("\n", end)
        right = min(right, nl if nl >= 0 else len(text))
    return _trim(text, left, min(right, left + 600))


def _is_list_line(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) < 120


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for a span: its offsets and the whitespace-folded sentence around it."""
    s, e = sentence_around(text, start, end)
    return Evidence(start=start, end=end, quote=squash(text[s:e])[:400])
