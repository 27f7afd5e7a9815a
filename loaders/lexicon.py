"""Word knowledge for Swedish minutes: given names, titles, common words and section labels.

Given names come from the gender-guesser package's name dictionary (Jörg Michael's nam_dict,
GNU FDL, ~48,000 names from 54 countries), which covers Swedish and immigrant names alike.
Everything else here is general Swedish, not names or phrasings of any particular minutes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

# Words that start sentences or headings and that the name dictionary also lists as given names.
COMMON_WORDS = frozenset(
    """
    alla allt andra angående annan annat april att augusti av bara beslut beslutade bland bra de
    dagordning datum de december dem den denna deras dess det detta dock du där då efter eftersom ej
    eller en enligt ett fanns februari finns flera fortsatt fråga frågan från för före genom gemensam
    god ha har hela hon hur här i ingen inom information inte januari juli juni just kan kl kort
    kommer kring man mars med mellan men mer mest mot maj många ni nu ny nya nytt nästa när och också
    oktober om on plats på rapport region regionen sam samt sedan september sida sig sin sina
    ska skall so som stor ta tack tid till tillsammans under upp ut utan vad vara var vi vid vilka
    vilken vill välkommen väl år åter över övrigt övriga nationell nationella regional regionala
    biträdande tillförordnad tf vice lokal lokala kommunal kommunala statlig statliga särskild
    särskilda ansvarig ansvariga underskrifter underskrift paragrafer justerande justerare ledamöter
    varje mycket viktigt viktiga inga inget
    beslutande ersättare närvarande frånvarande deltagare medverkande föredragande organ sammanträdesdatum
    """.split()
)

# Occupational titles end in these; a capitalised title word is never a surname.
TITLE_SUFFIXES = (
    "chef",
    "direktör",
    "ledare",
    "strateg",
    "samordnare",
    "koordinator",
    "sekreterare",
    "konsult",
    "handläggare",
    "ombud",
    "utvecklare",
    "ansvarig",
    "sköterska",
    "assistent",
    "controller",
    "ekonom",
    "forskare",
    "jurist",
    "ordförande",
    "ordf",
    "representant",
    "administratör",
    "specialist",
    "rådgivare",
    "inspektör",
    "kurator",
    "psykolog",
    "läkare",
    "expert",
    "projektledare",
    "analytiker",
    "minister",
    "kommunalråd",
    "regionråd",
    "ledamot",
    "ersättare",
    "sekr",
    "moderator",
    "författare",
    "föreståndare",
    "medarbetare",
    "socionom",
    "utredare",
    "rektor",
    "lärare",
    "processledare",
    "chefer",
    "praktikant",
    "student",
    "doktorand",
    "professor",
    "lektor",
    "docent",
    "informatör",
    "kommunikatör",
    "planerare",
    "samordnare",
    "arbetsledare",
    "enhetschef",
    "avdelningschef",
)

# Party markers in political minutes: "(S)", "(KD)", "(fp)".
PARTIES = frozenset("s m c l kd v mp sd fp pp fi spi opol nyd ind vf vägv sjvp mbp ksl".split())

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_LOWER = "a-zåäöéèüøæáíóúýçñ'´"
NAME_TOKEN = rf"[A-ZÅÄÖÉÈÜØÆÁÍÓÚ][{_LOWER}]+(?:[A-ZÅÄÖ][{_LOWER}]+)?(?:-[A-ZÅÄÖÉa-zåäöé][{_LOWER}]+)?"
# Street, place and office words are never surnames ("Anders Personsgatan 8", "Kiel Europa Direktkontor").
_PLACE_SUFFIXES = (
    "gatan",
    "vägen",
    "gränd",
    "torget",
    "stigen",
    "backen",
    "platsen",
    "allén",
    "leden",
    "huset",
    "kontor",
    "kontoret",
    "centrum",
    "center",
    "förbund",
    "förbundet",
    "kansliet",
    "byrån",
)
_NAME_TOKEN_RE = re.compile(NAME_TOKEN + r"$")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Casefold and strip accents, for dictionary lookups ("Therése" -> "therese")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in "\u030a\u0308")
    return unicodedata.normalize("NFC", kept)


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
        name = parts[1]
        for variant in (name.replace("+", "-"), name.replace("+", "")):
            names.add(fold(variant))
    return frozenset(names)


@lru_cache(maxsize=200_000)
def is_given_name(token: str) -> bool:
    """True for a capitalised token that is a known given name (each part of a hyphenated one)."""
    if not token or not token[0].isupper():
        return False
    folded = fold(token)
    if folded in COMMON_WORDS:
        return False
    names = given_names()
    if folded in names:
        return True
    parts = [p for p in folded.split("-") if p]
    return len(parts) > 1 and parts[0] in names and all(p[0].isalpha() for p in parts)


@lru_cache(maxsize=200_000)
def is_name_token(token: str) -> bool:
    """Shape of a name part: a capitalised word in any Latin script ('Kovačević', 'AnneMarie', 'Ann-Karin'),
    optionally hyphenated, no digits."""
    folded = fold(token)
    if folded in COMMON_WORDS or folded.endswith(_PLACE_SUFFIXES) or not token[:1].isupper():
        return False
    parts = token.split("-")
    if len(parts) > 2 or any(len(p) < 2 or not p.replace("'", "").replace("´", "").isalpha() for p in parts):
        return False
    # a name has lower-case letters; at most one inner capital per part ("AnneMarie", "McDonald"), never
    # a final one ("FoU" is an abbreviation)
    return all(p[1:] != p[1:].upper() and sum(c.isupper() for c in p[1:]) <= 1 and not p[-1].isupper() for p in parts)


@lru_cache(maxsize=200_000)
def is_title(word: str) -> bool:
    """Occupational title such as 'Utvecklingsledare', 'IFO-chef' or 'sekr.'."""
    w = word.casefold().strip(".,:;()")
    return len(w) > 2 and w.endswith(TITLE_SUFFIXES)
