"""samkarta_glued: two words run together where a saved table lost the break between its cells
("NorrbyAnna Berg", "KommunkansletPer Ek") become two tokens; the text itself is unchanged.

A capitalised word directly followed by another is split only when the first part is a known
place, organisation or label, or exactly one of the two is a given name (a double given name such
as "AnnaKarin" stays whole, and so do brand names such as "PowerPoint"). A header label
run into its value ("Datum:3 maj", "Sammanträdesdatum2021-05-03") is split from it too.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from samkarta.loaders.components.layout import label_specs
from samkarta.loaders.components.util import text_of
from samkarta.loaders.words import is_given_name
from samkarta.reference import load_reference

_GLUED = re.compile(r"\b[A-ZÅÄÖ][a-zåäöéü]{2,}(?=[A-ZÅÄÖ][a-zåäöéü]+\b)")
# a label word, then its colon or a digit with no space: the value a flattened form ran into it
_LABEL_GLUED = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]{2,})(?::(?=\S)|(?=\d))")


@cache
def _known_firsts() -> frozenset[str]:
    """Places, organisations and labels that may stand first in a glued pair."""
    ref = load_reference()
    labels = {w.capitalize() for w in label_specs() if " " not in w}
    return frozenset(ref.municipality_aliases) | frozenset(ref.organization_aliases) | labels


def split_at(word: str, cut: int) -> bool:
    """Whether `word` is two words that meet at `cut`."""
    first, second = word[:cut], word[cut:]
    if first in _known_firsts():
        return True
    # a two-letter name ("Bo", "Le") is too often the tail of a brand name written so
    if len(second) > 2 and is_given_name(second) and not is_given_name(first):
        return True
    # a given name run into a longer word that is none ("AnnaBergström"): the name and the surname
    # (a short tail is more often a brand's or an abbreviation's: "LisaNet")
    tail = second.split(":")[0]  # "LisaNet:s": the genitive is no part of the word's length
    return len(tail) >= 4 and is_given_name(first) and not is_given_name(tail)


class Glued:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        cuts = []
        for m in _GLUED.finditer(text):
            token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if token is None or len(token) != 1 or token.start_char != m.start():
                continue
            cut = m.end() - m.start()  # the first word's length
            if split_at(token[0].text, cut):
                cuts.append((token[0], cut))
        taken = {tok.i for tok, _ in cuts}
        labelled = [(tok, parts) for tok, parts in _labels_run_into_values(doc, text) if tok.i not in taken]
        if cuts or labelled:
            with doc.retokenize() as retokenizer:
                for tok, cut in cuts:
                    retokenizer.split(tok, [tok.text[:cut], tok.text[cut:]], heads=[(tok, 1), (tok, 1)])
                for tok, parts in labelled:
                    retokenizer.split(tok, parts, heads=[(tok, 0)] * len(parts))
        return doc


def _labels_run_into_values(doc: Doc, text: str) -> list[tuple[Token, list[str]]]:
    """Tokens that are a known header label run into its value ("Datum:3", "Mötesdatum2021-05-04"),
    each with its parts: the label, its colon if any and the value."""
    out = []
    for m in _LABEL_GLUED.finditer(text):
        if m.group(1).casefold() not in label_specs():
            continue  # "Anna:s", "Datumet" never match: a longer word is no label run into its value
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None or len(tok) != 1 or tok.start_char != m.start() or tok[0].idx + len(tok[0].text) <= m.end():
            continue
        word = tok[0].text
        label, rest = word[: m.end(1) - m.start()], word[m.end(1) - m.start() :]
        colon = ":" if rest.startswith(":") else ""
        out.append((tok[0], [p for p in (label, colon, rest[len(colon) :]) if p]))
    return out


@Language.factory("samkarta_glued")
def make_glued(nlp: Language, name: str) -> Glued:  # noqa: ARG001
    return Glued()
