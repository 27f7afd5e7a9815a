"""Person names in token streams: where a name starts, where it ends, and what follows it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samkarta.loaders.doc import Doc, Token
from samkarta.loaders.lexicon import PARTIES, fold, is_given_name, is_name_token, is_title

_PARTICLES = frozenset({"von", "af", "de", "van", "der", "da", "di", "la", "le", "du", "el", "al", "bin"})
_INITIALS = re.compile(r"^[A-ZÅÄÖ]{2,3}$")


@dataclass(frozen=True)
class NameRun:
    start: int
    end: int
    name: str
    first_index: int  # token indices [first_index, last_index] of the name
    last_index: int


def _blocked(doc: Doc, tok: Token) -> bool:
    """Tokens that cannot be part of a name: reference entities, titles, party markers."""
    if is_title(tok.text) or fold(tok.text) in PARTIES and tok.text.isupper():
        return True
    hit = doc.hit_covering(tok.start, tok.end)
    return hit is not None and not hit.ambiguous


def _joinable(tokens: list[Token], i: int) -> int:
    """'Ann- Karin' split by a line break or typo: index of the token that completes it, else i."""
    if tokens[i].text.endswith("-") and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
        return i + 1
    return i


def _token_text(tokens: list[Token], i: int, j: int) -> str:
    return "".join(t.text for t in tokens[i : j + 1]) if j > i else tokens[i].text


def name_runs(doc: Doc, tokens: list[Token], relaxed_start: set[int] | None = None) -> list[NameRun]:
    """Every person name in the tokens: a given name (or, at allowed positions, any capitalised
    word) followed by one to three surnames; a new given name after a surname starts a new name."""
    relaxed_start = relaxed_start or set()
    runs: list[NameRun] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not tokens[i].text[:1].isupper():
            i += 1
            continue
        j = _joinable(tokens, i)
        first = _token_text(tokens, i, j)
        starts = is_name_token(first) and not _blocked(doc, tokens[i]) and (is_given_name(first) or i in relaxed_start)
        if starts and i not in relaxed_start and _place_before_name(doc, tokens, i, j):
            starts = False
        if not starts:
            i += 1
            continue
        parts = [first]
        k = j + 1
        surnames = 0
        while k < n and len(parts) < 4:
            tok = tokens[k]
            if tok.newline_before:
                break
            if tok.text in _PARTICLES and k + 1 < n and is_name_token(tokens[k + 1].text):
                parts.append(tok.text)
                k += 1
                continue
            initial = _middle_initial(tokens, k) if surnames == 0 and len(tok.text) == 1 else 0
            if initial:  # "Anna B. Svensson"
                parts.append(tok.text + ("." if initial == 2 else ""))
                k += initial
                continue
            kj = _joinable(tokens, k)
            word = _token_text(tokens, k, kj)
            if not is_name_token(word):
                break
            given = is_given_name(word)
            hit = doc.hit_covering(tok.start, tok.end)
            if is_title(word):
                break
            if surnames > 0 and kj + 1 < n and _adjective_of_title(word, tokens[kj + 1].text):
                break  # "Kjerstin Bergman Nationell samordnare": an adjective of the title
            if hit is not None:
                # "Anna Lund, Malmö": an ambiguous place is a surname only when no name part follows
                # and the name would otherwise have no surname at all
                place_follows = _place_next(doc, tokens, kj + 1)
                if not (
                    surnames == 0
                    and hit.kind == "municipality"
                    and (place_follows or (hit.ambiguous and not _name_continues(doc, tokens, kj + 1)))
                ):
                    break
            if given and surnames > 0:
                # a given name after a surname starts the next person, unless it would leave it alone
                if _name_continues(doc, tokens, kj + 1):
                    break
            if given and surnames == 0 and len(parts) == 1 and _name_continues(doc, tokens, kj + 1):
                parts.append(word)  # second given name: "Anna Maria Svensson"
                k = kj + 1
                continue
            parts.append(word)
            surnames += 1
            k = kj + 1
        if surnames == 0:
            i += 1
            continue
        last = k - 1
        name = " ".join(p.replace("- ", "-") for p in parts)
        runs.append(NameRun(tokens[i].start, tokens[last].end, name, i, last))
        i = k
    return runs


def _middle_initial(tokens: list[Token], k: int) -> int:
    """Tokens taken by a middle initial at k ('B', or 'B' '.') when a surname follows; else 0."""
    if len(tokens[k].text) != 1 or not tokens[k].text.isupper():
        return 0
    taken = 2 if k + 1 < len(tokens) and tokens[k + 1].text == "." else 1
    after = k + taken
    if after < len(tokens) and not tokens[after].newline_before and is_name_token(tokens[after].text):
        return taken
    return 0


_ADJECTIVE_ENDINGS = ("ell", "al", "isk", "iv", "ig", "lig", "är", "ör")
_ROLE_ABBREVIATIONS = frozenset({"ordf", "ordförande", "sekr", "sekreterare", "ledamot", "ersättare"})


def _adjective_of_title(word: str, following: str) -> bool:
    """'Nationell samordnare', 'Regional utvecklingsledare': a capitalised adjective before a title."""
    return (
        fold(word).endswith(_ADJECTIVE_ENDINGS)
        and following[:1].islower()
        and is_title(following)
        and following.casefold().rstrip(".") not in _ROLE_ABBREVIATIONS
    )


def _place_before_name(doc: Doc, tokens: list[Token], i: int, j: int) -> bool:
    """'Ale Manijeh Mehdiyar': a place that is also a given name, before a full name, is a place."""
    hit = doc.hit_covering(tokens[i].start, tokens[i].end)
    if hit is None or hit.kind != "municipality":
        return False
    following = tokens[j + 1 : j + 3]
    return len(following) == 2 and all(
        is_name_token(t.text) and not t.newline_before and doc.hit_covering(t.start, t.end) is None for t in following
    )


def _place_next(doc: Doc, tokens: list[Token], k: int) -> bool:
    """'Ulf Norberg Vännäs': a place right after means the one before is a surname."""
    if k >= len(tokens) or tokens[k].newline_before:
        return False
    hit = doc.hit_covering(tokens[k].start, tokens[k].end)
    return hit is not None and hit.kind in ("municipality", "organization")


def _blocked_next(doc: Doc, tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and not tokens[k].newline_before and _blocked(doc, tokens[k])


def _name_continues(doc: Doc, tokens: list[Token], k: int) -> bool:
    """True when tokens[k] is a capitalised non-given word that could end a name."""
    if k >= len(tokens) or tokens[k].newline_before:
        return False
    word = tokens[k].text
    return is_name_token(word) and not is_given_name(word) and not _blocked(doc, tokens[k])


def initials_of(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part and part[0].isupper())


def is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word))
