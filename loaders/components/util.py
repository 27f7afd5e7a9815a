"""Small helpers the components share: offsets to tokens, evidence for a span."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from samkarta.loaders.model import Evidence

_MAX_QUOTE = 400


@dataclass(frozen=True)
class Tokens:
    """The token attributes the components read, as plain lists (spaCy builds a Token object on
    every doc[i]; loops over these lists cost a fraction of that)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]
    space: list[bool]
    idx: list[int]


def tokens_of(doc: Doc) -> Tokens:
    table = doc.user_data.get("tokens")
    if table is None:
        # one C-level array read instead of a Token object per token and attribute
        strings = doc.vocab.strings
        cols = doc.to_array([ORTH, LOWER, LEMMA, IS_SPACE, IDX]).T.tolist() if len(doc) else [[]] * 5
        table = doc.user_data["tokens"] = Tokens(
            [strings[h] for h in cols[0]],
            [strings[h] for h in cols[1]],
            [strings[h] for h in cols[2]],
            [bool(v) for v in cols[3]],
            cols[4],
        )
    return table


def spans_of(doc: Doc, key: str) -> list[Span]:
    """doc.spans[key] as a list, made once per group: iterating a SpanGroup builds a new Span
    object for every member each time. A group set anew (doc.spans[key] = ...) is read again."""
    group = doc.spans[key]
    lists = doc.user_data.setdefault("span_lists", {})
    made = lists.get(key)
    if made is None or made[0] is not group:
        made = lists[key] = (group, list(group))
    return made[1]


def label_at(doc: Doc) -> dict[int, Span]:
    """Token index -> the label span it belongs to (built once per Doc, after samkarta_layout)."""
    index = doc.user_data.get("label_at")
    if index is None:
        index = doc.user_data["label_at"] = {i: lab for lab in doc.spans["label"] for i in range(lab.start, lab.end)}
    return index


def text_of(doc: Doc) -> str:
    """The Doc's text, built once (spaCy joins every token's text on each Doc.text)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, sliced from the Doc's text (Span.text builds it token by token)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """The text of tokens start..end-1 as doc[start:end].text gives it, without building the Span."""
    if end <= start:
        return ""
    t = tokens_of(doc)
    return text_of(doc)[t.idx[start] : t.idx[end - 1] + len(t.text[end - 1])]


def token_after(doc: Doc, char: int) -> int:
    """Index of the first token at or after a character offset."""
    if char <= 0:
        return 0
    return bisect.bisect_left(doc._.token_starts, char)


def token_at(doc: Doc, char: int) -> int:
    """Index of the token that holds a character offset (or the last one before it)."""
    return max(0, bisect.bisect_right(doc._.token_starts, char) - 1)


def sentences(doc: Doc) -> Iterator[Span]:
    for start, end in doc._.sentences:
        yield doc[start:end]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence token i stands in."""
    k = bisect.bisect_right(doc._.sentences, (i, len(doc) + 1)) - 1
    start, end = doc._.sentences[max(k, 0)]
    return doc[start:end]


class Evidencer:
    """Evidence for the facts of one Doc: offsets (shifted by the Doc's place in the whole
    document) and, as quote, the sentence a fact stands in, or its line when the sentence is very
    long, as the document writes it (not as prepared). Sentence look-ups and quotes are computed
    once per Doc."""

    def __init__(self, doc: Doc, offset: int = 0) -> None:
        self.text = text_of(doc)
        self.original = doc.user_data.get("original", self.text)
        self.offset = offset
        self.sentences: list[tuple[int, int]] = doc._.sentences or []
        table = tokens_of(doc)
        self.idx, self.words = table.idx, table.text
        self.quotes: dict[tuple[int, int], str] = doc.user_data.setdefault("quotes", {})

    def __call__(self, start: int, end: int) -> Evidence:
        text = self.text
        s, e = start, end
        if self.sentences:
            token = max(0, bisect.bisect_right(self.idx, start) - 1)
            k = bisect.bisect_right(self.sentences, (token, len(self.idx) + 1)) - 1
            first, last = self.sentences[max(k, 0)]
            s, e = self.idx[first], self.idx[last - 1] + len(self.words[last - 1])
            s, e = min(s, start), max(e, end)  # a fact read across a sentence's edge: its quote holds all of it
        if e - s > 600 or e <= s:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            s, e = (
                (line_start, line_end)
                if line_end - line_start <= 600
                else (max(0, start - 200), min(len(text), end + 200))
            )
        if end - start >= _MAX_QUOTE:  # a fact longer than a quote: the quote is its beginning
            s, e = start, start + _MAX_QUOTE
        elif e - s > _MAX_QUOTE:  # a long passage: the part around the fact, so the quote holds it
            s = max(s, min(start - (_MAX_QUOTE - (end - start)) // 3, e - _MAX_QUOTE))
            while s > 0 and not text[s - 1].isspace() and end - s < _MAX_QUOTE:
                s -= 1  # from the start of a word
            e = min(e, s + _MAX_QUOTE)
        quote = self.quotes.get((s, e))
        if quote is None:
            quote = self.quotes[(s, e)] = " ".join(self.original[s:e].split())[:_MAX_QUOTE]
        # validated: pydantic 2 builds a model from its core validator in half the time model_construct takes
        return Evidence(start=start + self.offset, end=end + self.offset, quote=quote)


def evidence(doc: Doc, start: int, end: int, offset: int = 0) -> Evidence:
    """Evidence for one fact (see Evidencer, which serves many facts of one Doc)."""
    return Evidencer(doc, offset)(start, end)


def verb_like(tok: Token) -> bool:
    """A lower-case word that reads as a finite verb: a passive or past ending ('redovisas',
    'bildades'), or a verb the pattern files name in an inflected form ('beslutade', 'lämnar'; its
    lemma is an infinitive in -a, which a noun's genitive 'barns' -> 'barn' is not)."""
    low = tok.lower_
    return (len(low) > 5 and low.endswith(("as", "ades", "des", "tes"))) or (
        len(low) > 3 and tok.lemma_ != low and tok.lemma_.endswith("a") and low.endswith(("r", "de", "te", "s"))
    )  # "för" is also a form of "föra"
