"""One document under analysis: cleaned text, tokens, reference hits and sentences, built once."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from samkarta.loaders.gazetteer import Hit, gazetteer
from samkarta.loaders.model import Evidence
from samkarta.loaders.text import clean, evidence, sentence_spans

_TOKEN = re.compile(r"[(),;/:]|[^\s(),;/:]+")
_CONTENT_MARK = re.compile(r"(?m)^[ \t]*Transkript:?[ \t]*$")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    newline_before: bool  # a line break separates it from the previous token


@dataclass
class Doc:
    raw: str
    text: str
    hits: list[Hit]
    sentences: list[tuple[int, int]]
    content_start: int
    _hit_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, raw: str) -> Doc:
        text = clean(raw)
        mark = _CONTENT_MARK.search(raw)
        hits = gazetteer().find(text)
        doc = cls(raw, text, hits, sentence_spans(text), mark.end() if mark else 0)
        doc._hit_starts = [h.start for h in hits]
        return doc

    def tokens(self, start: int, end: int) -> list[Token]:
        out = []
        prev_end = start
        for m in _TOKEN.finditer(self.text, start, end):
            word, s, e = m.group(0), m.start(), m.end()
            newline = "\n" in self.text[prev_end:s]
            if len(word) > 1 and word[-1] in ".!?" and word.count(".") <= 1:
                out.append(Token(s, e - 1, word[:-1], newline))
                out.append(Token(e - 1, e, word[-1], False))
            else:
                out.append(Token(s, e, word, newline))
            prev_end = e
        return out

    def hit_covering(self, start: int, end: int) -> Hit | None:
        """The reference hit that overlaps [start, end), if any."""
        i = bisect.bisect_right(self._hit_starts, end - 1) - 1
        while i >= 0:
            hit = self.hits[i]
            if hit.end > start:
                return hit
            if hit.end <= start and hit.start < start - 200:
                break
            i -= 1
        return None

    def hits_in(self, start: int, end: int) -> list[Hit]:
        lo = bisect.bisect_left(self._hit_starts, start)
        hi = bisect.bisect_left(self._hit_starts, end)
        return [h for h in self.hits[lo:hi] if h.end <= end]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (pos, 10**12)) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def evidence(self, start: int, end: int) -> Evidence:
        return evidence(self.text, start, end)
