"""Attendance lists written surname first ("Berg Anna  Socialnämnden"), as registers sorted by
surname are: a document whose attendance blocks read that way throughout gets its names there
read surname first and written given name first, the way the rest of the document names people."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span

from samkarta.loaders.components.entities import person_word
from samkarta.loaders.components.util import tokens_of
from samkarta.loaders.words import fold, grammar, is_given_name, lexicon

_MIN_ENTRIES = 3  # entries read surname first before a block is taken to be written that way


def inverted_blocks(doc: Doc, refs: dict[int, Span]) -> list[tuple[int, int]]:
    """The attendance blocks (token ranges) whose entries read surname first: at least three
    entries of a surname, a given name and then no name, and more of them than entries of a
    given name, a surname and then no name."""
    words = tokens_of(doc).text
    out = []
    for block in doc.spans["block"]:
        inverted = plain = 0
        for i in range(block.start, block.end - 2):
            if not (words[i][:1].isupper() and words[i + 1][:1].isupper()) or person_word(words[i + 2]):
                continue  # both orders need two capitalised words and no name after them
            if inverted_name_at(doc, i, refs) is not None:
                inverted += 1
            elif is_given_name(words[i]) and _surname(words[i + 1]):
                plain += 1
        if inverted >= _MIN_ENTRIES and inverted > plain:
            out.append((block.start, block.end))
    return out


def inverted_name_at(doc: Doc, i: int, refs: dict[int, Span]) -> tuple[int, str] | None:
    """A name written surname first at token i ("Berg Anna"): the token after it and the name
    given name first ("Anna Berg"). One surname only: a word before it is as often the end of the
    previous entry's affiliation as a first surname."""
    words = tokens_of(doc).text
    k = i + 1
    if k < len(words) and i not in refs and k not in refs and _surname(words[i]) and is_given_name(words[k]):
        return k + 1, f"{words[k]} {words[i]}"
    return None


def _surname(word: str) -> bool:
    """A name word that is no given name and no direction ("Öster" ends a district's name)."""
    return person_word(word) and not is_given_name(word) and fold(word) not in _directions()


@cache
def _directions() -> frozenset[str]:
    return frozenset(fold(d) for d in (*grammar().directions, *lexicon()["compass_words"]))
