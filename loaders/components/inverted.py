"""Attendance lists written surname first ("Berg Anna  Socialnämnden"), as registers sorted by
surname are: a document whose attendance blocks read that way throughout gets its names there
read surname first and written given name first, the way the rest of the document names people."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from samkarta.loaders.components.entities import is_surname, person_word, surname_first
from samkarta.loaders.components.util import spans_of, tokens_of
from samkarta.loaders.words import is_given_name

_MIN_ENTRIES = 3  # entries read surname first before a block is taken to be written that way


def inverted_blocks(doc: Doc, refs: dict[int, Span]) -> list[tuple[int, int]]:
    """The attendance blocks (token ranges) whose entries read surname first: at least three
    entries of a surname, a given name and then no name, and more of them than entries of a
    given name, a surname and then no name."""
    words = tokens_of(doc).text
    out = []
    for block in spans_of(doc, "block"):
        inverted = plain = 0
        for i in range(block.start, block.end - 2):
            if not (words[i][:1].isupper() and words[i + 1][:1].isupper()) or person_word(words[i + 2]):
                continue  # both orders need two capitalised words and no name after them
            if inverted_name_at(doc, i, refs) is not None:
                inverted += 1
            elif is_given_name(words[i]) and is_surname(words[i + 1]):
                plain += 1
        if inverted >= _MIN_ENTRIES and inverted > plain:
            out.append((block.start, block.end))
    return out


def inverted_name_at(doc: Doc, i: int, refs: dict[int, Span]) -> tuple[int, str] | None:
    """A name written surname first at token i ("Berg Anna"): the token after it and the name
    given name first ("Anna Berg"). One surname only: a word before it is as often the end of the
    previous entry's affiliation as a first surname."""
    words = tokens_of(doc).text
    if i not in refs and i + 1 not in refs and surname_first(words, i):
        return i + 2, f"{words[i + 1]} {words[i]}"
    return None
