"""Person names in the genitive: "Vibeke Ylvanders förslag" names Vibeke Ylvander, no person
"Vibeke Ylvanders".

Swedish writes a name's genitive with a plain -s, after an acronym with a colon ("AB:s") and in some
texts with an apostrophe ("Ylvander's"); a name ending in s, x or z takes no extra s. Many surnames
end in an s of their own ("Ekfors", "Santos"), so a plain -s is read as a genitive only when the
document also names the person without it, or when the s cannot be the name's own (no surname
ending, no name of the dictionary) and every mention of the name stands before a word it could own
(a noun, not a verb or a function word).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from samkarta.loaders.components.util import tokens_of
from samkarta.loaders.words import fold, grammar, in_name_dictionary, is_given_name, is_title, lexicon, surname_like


@cache
def _rules() -> dict[str, Any]:
    return lexicon()["genitive"]


@cache
def _not_owned() -> frozenset[str]:
    """Words that follow a name without being owned by it: verbs and function words."""
    g = grammar()
    return (
        g.finite_verbs
        | g.modal_verbs
        | g.perfect_auxiliaries
        | g.connectors
        | g.clause_words
        | g.subordinators
        | g.title_links
        | g.purpose_stops
    )


def marked_base(word: str) -> str | None:
    """The word without its genitive mark ("Ylvander:s", "Ylvander's" -> "Ylvander"), else None."""
    for mark in _rules()["marks"]:
        if word.endswith(mark) and len(word) > len(mark) + 1:
            return word[: -len(mark)]
    return None


def plain_base(word: str) -> str | None:
    """The word without a genitive -s, if it can have one ("Ylvanders" -> "Ylvander"); a name in s,
    x or z takes none, so "Voss" is no genitive of "Vos"."""
    if len(word) < 4 or not word.endswith("s") or fold(word[:-1]).endswith(tuple(_rules()["silent_endings"])):
        return None
    return word[:-1]


def own_s(word: str) -> bool:
    """The word's -s may be its own: a surname ending ("Ekfors") or a name of the dictionary ("Jonas")."""
    return surname_like(word) or in_name_dictionary(word)


def attached_mark(doc: Doc, k: int) -> int:
    """Tokens from k that mark the genitive of the word before, which the tokenizer split off:
    an apostrophe and an s ("Ylvander’s"), or after a name in s, x or z an apostrophe alone ("Ruus’")."""
    if k >= len(doc) or tokens_of(doc).text[k] not in _rules()["apostrophes"] or doc[k - 1].whitespace_:
        return 0
    if k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "s":
        return 2
    silent = fold(doc[k - 1].text).endswith(tuple(_rules()["silent_endings"]))
    return 1 if silent and (k + 1 >= len(doc) or not doc[k + 1].is_alpha or doc[k].whitespace_) else 0


def owns_next(doc: Doc, k: int) -> bool:
    """The word at k, right after a name on its line, is one the name could own in the genitive: a
    lower-case word that is no title, no function word and no verb the data knows."""
    if k >= len(doc) or not doc[k - 1].whitespace_:
        return False
    tok = doc[k]
    word = tok.lower_
    return (
        tok.is_alpha
        and tok.text[0].islower()
        and word not in _not_owned()
        and tok.lemma_ == word  # an inflected form the lemma table knows: mostly a verb ("informerar")
        and not word.endswith(tuple(_rules()["verb_endings"]))
        and not is_title(word)
    )


def _one_surname(parts: list[str]) -> bool:
    """Only the last word is a surname: given names, initials and particles stand before it."""
    particles = lexicon()["name_particles"]
    return all(is_given_name(p) or p.endswith(".") or p in particles for p in parts[:-1])


def read_genitives(doc: Doc, spans: list[Span]) -> list[Span]:
    """The name spans, those of a full name in the genitive with a plain -s named in the base form
    (span.kb_id_): when the document also names the person without the -s, or when the -s cannot
    be the name's own and every mention of the name owns the word after it. After two or more
    surnames such a word is something else's genitive ("... Norrdalens kansli": a place's or a
    body's) and the name ends before it, unless the word without its s ends like a surname."""
    named = {(fold(p[0]), fold(p[-1])) for s in spans if len(p := s.kb_id_.split()) > 1}
    by_name: dict[str, list[Span]] = {}
    for span in spans:
        by_name.setdefault(fold(span.kb_id_), []).append(span)
    shortened: dict[int, Span] = {}
    for group in by_name.values():
        parts = group[0].kb_id_.split()
        base = plain_base(parts[-1]) if len(parts) > 1 else None
        if base is None:
            continue
        if (fold(parts[0]), fold(base)) not in named:
            if own_s(parts[-1]) or not all(owns_next(doc, s.end) for s in group):
                continue
            if not (_one_surname(parts) or surname_like(base)):
                if len(parts) > 2:
                    shortened.update((id(s), _without_last(s)) for s in group if doc[s.end - 1].text == parts[-1])
                continue
        for span in group:
            span.kb_id_ = " ".join([*span.kb_id_.split()[:-1], base])
    return [shortened.get(id(s), s) for s in spans]


def _without_last(span: Span) -> Span:
    return Span(span.doc, span.start, span.end - 1, label=span.label_, kb_id=" ".join(span.kb_id_.split()[:-1]))
