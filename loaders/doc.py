"""One document under analysis: cleaned text, tokens, reference hits and sentences, built once."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from samkarta.loaders.gazetteer import Hit, gazetteer
from samkarta.loaders.model import Evidence
from samkarta.loaders.text import clean, sentence_spans, squash

_TOKEN = re.compile(r"[(),;/:]|[^\s(),;/:]+")
_CONTENT_MARK = re.compile(r"(?m)^[ \t]*Transkript:?[ \t]*$")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    newline_before: bool  # a line break separates it from the previous token


def _tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    append = out.append
    make = tuple.__new__  # NamedTuple's own __new__ is a Python function; this is the hot loop
    find = text.find
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        newline = find("\n", prev_end, s) >= 0
        if len(word) > 1 and word[-1] in ".!?" and word.count(".") <= 1:
            append(make(Token, (s, e - 1, word[:-1], newline)))
            append(make(Token, (e - 1, e, word[-1], False)))
        else:
            append(make(Token, (s, e, word, newline)))
        prev_end = e
    return out


@dataclass
class Doc:
    raw: str
    text: str
    hits: list[Hit]
    sentences: list[tuple[int, int]]
    content_start: int
    _hit_starts: list[int] = field(default_factory=list)
    _tokens: list[Token] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, raw: str) -> Doc:
        text = clean(raw)
        mark = _CONTENT_MARK.search(raw)
        hits = gazetteer().find(text)
        doc = cls(raw, text, hits, sentence_spans(text), mark.end() if mark else 0)
        doc._hit_starts = [h.start for h in hits]
        return doc

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens inside [start, end); the first one's newline flag looks back to start only."""
        if not self._tokens:
            self._tokens = _tokenize(self.text)
            self._token_starts = [t.start for t in self._tokens]
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        out = [t for t in self._tokens[lo:hi] if t.end <= end]
        if out and out[0].newline_before and "\n" not in self.text[start : out[0].start]:
            out[0] = Token(out[0].start, out[0].end, out[0].text, False)
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
        """Offsets of the fact and, as quote, the sentence (or list line) it stands in."""
        s, e = self.sentence_at(start)
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        if e <= s or e - s > 600 or (line_end - line_start < 160 and (s < line_start or e > line_end)):
            s, e = line_start, line_end
        # model_construct: offsets and quote are built here, validation would only cost time
        return Evidence.model_construct(start=start, end=end, quote=squash(self.text[s:e])[:400])
