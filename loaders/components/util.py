"""Small helpers the components share: offsets to tokens, evidence for a span."""

from __future__ import annotations

from spacy.tokens import Doc

from samkarta.loaders.model import Evidence

_MAX_QUOTE = 400


def token_after(doc: Doc, char: int) -> int:
    """Index of the first token at or after a character offset."""
    if char <= 0:
        return 0
    span = doc.char_span(char, len(doc.text), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def evidence(doc: Doc, start: int, end: int, offset: int = 0) -> Evidence:
    """A fact's offsets and, as quote, the sentence it stands in (its line when the sentence is
    very long); offset shifts both into the whole document when doc is one part of it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    text = doc.text
    if span is not None and len(span):
        sent = span[0].sent
        s, e = sent.start_char, sent.end_char
    else:
        s, e = start, end
    if e - s > 600 or e <= s:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        s, e = (
            (line_start, line_end) if line_end - line_start <= 600 else (max(0, start - 200), min(len(text), end + 200))
        )
    quote = " ".join(text[s:e].split())[:_MAX_QUOTE]
    return Evidence.model_construct(start=start + offset, end=end + offset, quote=quote)
