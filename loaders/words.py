"""Word knowledge read from the data files in loaders/data: lexicons, labels, name dictionary.

Given names come from the gender-guesser package's name dictionary (Jörg Michael's nam_dict,
GNU FDL, about 48,000 names from 54 countries), which covers Swedish and immigrant names alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

_DATA = resources.files("samkarta.loaders").joinpath("data")


@cache
def data(name: str) -> Any:
    """One YAML data file of loaders/data, parsed once per process."""
    return yaml.safe_load(_DATA.joinpath(name).read_text(encoding="utf-8"))


def data_path(name: str) -> Any:
    return _DATA.joinpath(name)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Casefold and strip accents but keep å ä ö ('Therése' -> 'therese')."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in "\u030a\u0308")
    return unicodedata.normalize("NFC", kept)


@cache
def lexicon() -> dict[str, Any]:
    return data("lexicon.yaml")


@cache
def common_words() -> frozenset[str]:
    return frozenset(lexicon()["common_words"].split())


@cache
def role_words() -> frozenset[str]:
    """The words that give a person's role in an entry ("ordförande", "sekreterare"), as lexicon.yaml
    writes them."""
    return frozenset(w for words in lexicon()["inline_roles"].values() for w in words)


@cache
def title_suffixes() -> tuple[str, ...]:
    return tuple(lexicon()["title_suffixes"])


@cache
def parties() -> frozenset[str]:
    return frozenset(lexicon()["parties"])


@cache
def months() -> dict[str, int]:
    return dict(lexicon()["months"])


@cache
def given_names() -> frozenset[str]:
    """Every given name of the name dictionary, folded; 'A+B' entries expand to 'A-B' and 'AB'."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        for variant in (parts[1].replace("+", "-"), parts[1].replace("+", "")):
            names.add(fold(variant))
    return frozenset(names)


@lru_cache(maxsize=20_000)
def in_name_dictionary(token: str) -> bool:
    """The word is listed as a given name, even if it is also a common word ('Dag', 'Bo')."""
    return len(token) >= 2 and fold(token) in given_names()


@lru_cache(maxsize=200_000)
def is_given_name(token: str) -> bool:
    """A capitalised token that is a known given name (each part of a hyphenated one)."""
    if len(token) < 2 or not token[0].isupper() or token.isupper():
        return False
    folded = fold(token)
    if folded in common_words():
        return False
    names = given_names()
    if folded in names:
        return True
    variant = spelling_variant(folded)
    if variant != folded and variant in variant_given_names():
        return True  # "Maths", "Towa", "Saaga": an older or personal spelling of a listed name
    parts = [p for p in folded.split("-") if p]
    return len(parts) > 1 and parts[0] in names and all(p.isalpha() for p in parts)


@lru_cache(maxsize=200_000)
def spelling_variant(folded: str) -> str:
    """A folded word with the spellings Swedish names vary in made one (w/v, th/t, ph/f, z/s, c/k,
    a doubled vowel): 'maths' and 'mats' are one name."""
    word = folded
    for old, new in lexicon()["name_spellings"].items():
        word = word.replace(old, new)
    return re.sub(r"([aeiouyåäö])\1", r"\1", word)


@cache
def variant_given_names() -> frozenset[str]:
    return frozenset(spelling_variant(n) for n in given_names())


@lru_cache(maxsize=200_000)
def plain(word: str) -> str:
    """Casefolded without any diacritics ('Sammanträdesdatum' -> 'sammantradesdatum'), to know
    words that OCR has stripped of their å, ä and ö."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def plain_common_words() -> frozenset[str]:
    return frozenset(plain(w) for w in common_words())


def ends_after(word: str, endings: tuple[str, ...], letters: int) -> bool:
    """The word ends in one of the endings with at least `letters` letters before it."""
    return word.endswith(endings) and any(word.endswith(e) and len(word) - len(e) >= letters for e in endings)


def _place_word(word: str) -> bool:
    """A place noun ("Torget") or a compound ending in one ("Storgatan"), matched with its accents
    and after two letters at least: "Hallén" and "Wallén" are surnames, not an avenue or a hall."""
    return word in place_suffixes() or ends_after(word, place_suffixes(), 2)


@lru_cache(maxsize=200_000)
def is_name_shape(token: str) -> bool:
    """Shape of a name part: a capitalised word in any Latin script ('Kovačević', 'AnneMarie',
    'Ann-Karin'), at most one hyphen, no digits, not a common word, title or place word."""
    if len(token) < 2 or not token[0].isupper():
        return False
    folded = fold(token)
    if folded in common_words() or _place_word(token.casefold()) or is_title(token):
        return False
    if plain(token) in plain_common_words():
        return False
    parts = token.split("-")
    if len(parts) > 2 or any(len(p) < 2 or not p.replace("'", "").replace("´", "").isalpha() for p in parts):
        return False
    # a name has lower-case letters; at most one inner capital per part ("AnneMarie", "McDonald")
    return all(p[1:] != p[1:].upper() and sum(c.isupper() for c in p[1:]) <= 1 and not p[-1].isupper() for p in parts)


@cache
def _surname_endings() -> tuple[str, ...]:
    return tuple(lexicon()["surname_endings"])


def surname_like(word: str) -> bool:
    """The word ends like a Swedish surname ("-sson", "-berg", "-ström")."""
    return fold(word).endswith(_surname_endings())


@cache
def place_suffixes() -> tuple[str, ...]:
    return tuple(lexicon()["place_suffixes"])


@lru_cache(maxsize=100_000)
def is_street(word: str) -> bool:
    """'Storgatan', 'torget': a word of an address."""
    return fold(word).endswith(_street_suffixes())


@cache
def _street_suffixes() -> tuple[str, ...]:
    return tuple(lexicon()["street_suffixes"])


@lru_cache(maxsize=200_000)  # asked of most words, several times each, by four components
def is_title(word: str) -> bool:
    """An occupational title such as 'Utvecklingsledare', 'IFO-chef' or 'sekr.'."""
    w = word.casefold().strip(".,:;()")
    return w in title_suffixes() or (len(w) > 2 and w.endswith(title_suffixes()))


def is_definite_title(word: str) -> bool:
    """A title in its definite form ('Kommunchefen', 'sekreteraren'): the person, named after it."""
    w = word.casefold().strip(".,:;()")
    return any(w.endswith(e) and len(w) > len(e) + 2 and is_title(w[: -len(e)]) for e in ("en", "n"))


@dataclass(frozen=True)
class Grammar:
    """The word classes and endings of data/grammar.yaml."""

    connectors: frozenset[str]
    place_prepositions: frozenset[str]
    directions: frozenset[str]
    title_links: frozenset[str]
    purpose_stops: frozenset[str]
    clause_words: frozenset[str]
    announcing_words: frozenset[str]
    abstract_noun_endings: tuple[str, ...]
    ordinal_endings: tuple[str, ...]
    presenter_lemmas: frozenset[str]
    finite_verbs: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    modal_verbs: frozenset[str]
    time_words: frozenset[str]
    state_verbs: frozenset[str]
    inserted_adverbs: frozenset[str]
    question_words: frozenset[str]
    subject_pronouns: frozenset[str]
    subordinators: frozenset[str]
    municipality_words: frozenset[str]
    county_words: frozenset[str]
    genitive_or_adjective_endings: tuple[str, ...]
    lower_adjective_endings: tuple[str, ...]
    title_adjective_endings: tuple[str, ...]
    participle_endings: tuple[str, ...]
    active_verb_endings: tuple[str, ...]
    passive_endings: tuple[str, ...]
    definite_endings: tuple[str, ...]
    plural_people_endings: tuple[str, ...]
    question_nouns: frozenset[str]
    question_prepositions: frozenset[str]
    work_prepositions: frozenset[str]
    party_prepositions: frozenset[str]
    work_adjective_endings: tuple[str, ...]
    acronym: re.Pattern[str]
    bare_year: re.Pattern[str]


@cache
def grammar() -> Grammar:
    spec = data("grammar.yaml")
    values: dict[str, Any] = {}
    for f in fields(Grammar):
        value = spec[f.name]
        if f.type.startswith("frozenset"):
            values[f.name] = frozenset(value)
        elif f.type.startswith("tuple"):
            values[f.name] = tuple(value)
        else:
            values[f.name] = re.compile(value)
    return Grammar(**values)


def phrase_regex(words: list[str]) -> str:
    """An alternation of phrases, longest first, where a space matches any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
