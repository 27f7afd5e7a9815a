"""Section labels of Swedish minutes: attendance lists, signatures and header fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samkarta.loaders.lexicon import is_title
from samkarta.loaders.model import Role

# label -> roles given to the people listed under it; an empty tuple marks a label that only
# ends the list before it (header fields, signatures, adjusters).
_ROLE_LABELS: dict[str, tuple[Role, ...]] = {
    "Närvarande": ("present",),
    "Närvarande är": ("present",),
    "Närvarande ledamöter": ("present",),
    "Närvarande ersättare": ("present",),
    "Närvarande, ej tjg ers": ("present",),
    "Närvarande ej tjänstgörande ersättare": ("present",),
    "Ej tjänstgörande ersättare": ("present",),
    "Tjänstgörande ersättare": ("present",),
    "Ledamöter": ("present",),
    "Beslutande": ("present",),
    "Beslutande ledamöter": ("present",),
    "Ersättare": ("present",),
    "Deltagare": ("present",),
    "Deltagande": ("present",),
    "Deltog": ("present",),
    "Övriga närvarande": ("present",),
    "Övriga deltagare": ("present",),
    "Övriga deltagande": ("present",),
    "Övriga": ("present",),
    "Närvarande tjänstemän": ("present",),
    "Tjänstemän": ("present",),
    "Medverkande": ("present", "guest"),
    "Gäster": ("present", "guest"),
    "Gäst": ("present", "guest"),
    "Inbjudna": ("present", "guest"),
    "Inbjuden": ("present", "guest"),
    "Särskilt inbjudna": ("present", "guest"),
    "Adjungerade": ("present", "guest"),
    "Adjungerad": ("present", "guest"),
    "Föredragande": ("present", "presenter"),
    "Frånvarande": ("absent",),
    "Frånvarande är": ("absent",),
    "Frånvarande ledamöter": ("absent",),
    "Inte närvarande": ("absent",),
    "Ej närvarande": ("absent",),
    "Ej närvarande ledamöter": ("absent",),
    "Anmält förhinder": ("absent",),
    "Anmält frånvaro": ("absent",),
    "Anmäld frånvaro": ("absent",),
    "Förhinder": ("absent",),
    "Ej deltagande": ("absent",),
    "Sekreterare": ("present", "secretary"),
    "Mötessekreterare": ("present", "secretary"),
    "Protokollförare": ("present", "secretary"),
    "Sekr": ("present", "secretary"),
    "Antecknare": ("present", "secretary"),
    "Vid protokollet": ("present", "secretary"),
    "Vid anteckningarna": ("present", "secretary"),
    "Vid pennan": ("present", "secretary"),
    "Anteckningar förda av": ("present", "secretary"),
    "Minnesanteckningar förda av": ("present", "secretary"),
    "Antecknat av": ("present", "secretary"),
    "Antecknad av": ("present", "secretary"),
    "Antecknat": ("present", "secretary"),
    "Ordförande": ("present", "chair"),
    "Mötesordförande": ("present", "chair"),
    "Ordf": ("present", "chair"),
    "Handläggare": ("author",),
    "Författare": ("author",),
    "Upprättad av": ("author",),
    "Skriven av": ("author",),
}
# Only with a colon: the same words also head documents ("Minnesanteckningar Regionrådsmöte ...").
_COLON_ROLE_LABELS: dict[str, tuple[Role, ...]] = {
    "Minnesanteckningar": ("present", "secretary"),
    "Anteckningar": ("present", "secretary"),
    "Protokoll": ("present", "secretary"),
}
_STOP_LABELS = (
    "Plats och tid",
    "Tid och plats",
    "Dag och tid",
    "Tid och dag",
    "Datum och tid",
    "Utses att justera",
    "Justeringens tid och plats",
    "Justeringens plats och tid",
    "Justerare",
    "Justerande",
    "Justering",
    "Paragrafer",
    "Underskrifter",
    "Underskrift",
    "Sammanträdesdatum",
    "Förvaringsplats för protokollet",
    "Organ och §§",
    "Organ",
    "ANSLAG/BEVIS",
    "Anslag uppsättes",
    "Anslag nedtages",
    "Utdragsbestyrkande",
    "Dagordning",
    "Ärende",
    "Ärenden",
    "Bilagor",
    "Bilaga",
    "Kopia till",
    "Kopia",
    "Diarienummer",
    "Dnr",
    "Mötets öppnande",
    "Beslutsärende",
    "Informationsärende",
)
# Header fields that end a list only when written as a field ("Tid:" or at a line start).
_FIELD_LABELS = ("Plats", "Tid", "Datum", "Dag", "Lokal", "Ort", "Mötesdatum", "Telefon", "E-post", "Sida")


@dataclass(frozen=True)
class Label:
    start: int
    end: int  # after the label and its colon
    name: str
    roles: tuple[Role, ...]
    colon: bool

    @property
    def is_stop(self) -> bool:
        return not self.roles


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_ALL_LABELS = [*_ROLE_LABELS, *_COLON_ROLE_LABELS, *_STOP_LABELS, *_FIELD_LABELS]
# Case-sensitive on purpose: labels are capitalised or all caps, and a literal first letter lets
# the regex engine skip every lower-case position.
_LABEL_RE = re.compile(
    r"(?<![\wåäöÅÄÖ-])(?P<label>"
    + _alternation([*_ALL_LABELS, *(w.upper() for w in _ALL_LABELS)])
    + r")(?![\wåäöÅÄÖ-])(?P<colon>\.?\s*:)?"
)
# Cheap first pass: only capitalised words that can begin a label are tried against the full pattern.
_CAPITALISED = re.compile(r"(?<![\wåäöÅÄÖ-])[A-ZÅÄÖ][\wåäöÅÄÖ/]*")
_FIRST_WORDS = frozenset(label.split()[0].casefold() for label in _ALL_LABELS)
_LOOKUP = {k.casefold(): v for k, v in {**_ROLE_LABELS, **_COLON_ROLE_LABELS}.items()}
_COLON_ONLY = {k.casefold() for k in _COLON_ROLE_LABELS}
_FIELDS = {k.casefold() for k in _FIELD_LABELS}


# document-type words ("Minnesanteckningar") head titles too, so they count only with a colon
_ONE_WORD_LABELS = frozenset(
    label.casefold() for label in [*_ROLE_LABELS, *_STOP_LABELS, *_FIELD_LABELS] if " " not in label
)


def starts_with_label_word(line: str) -> bool:
    """'Sammanträdesdatum 2022-09-13', 'Justerare Eva Borg': a line opened by a field or list label."""
    words = line.split(maxsplit=1)
    return bool(words) and (
        words[0].rstrip(":").casefold() in _ONE_WORD_LABELS
        or (words[0].endswith(":") and words[0].rstrip(":").casefold() in _COLON_ONLY)
    )


def find_labels(text: str, start: int = 0) -> list[Label]:
    """Labels that head a list or field: capitalised, and followed by a colon, a name or a line end."""
    out: list[Label] = []
    for w in _CAPITALISED.finditer(text, start):
        if w.group(0).casefold() not in _FIRST_WORDS:
            continue
        m = _LABEL_RE.match(text, w.start())
        if m is None:
            continue
        word = m.group("label")
        if not (word[0].isupper()):
            continue
        roles = _LOOKUP.get(" ".join(word.split()).casefold(), ())
        after_comma = text[max(0, m.start() - 3) : m.start()].rstrip(" ").endswith(",")
        if after_comma and (set(roles) & {"chair", "secretary"} or is_title(word)):
            continue  # "Anders Elingfors Växjö, Ordförande", "Kim Berg, Handläggare BUP": a title in an entry
        key = " ".join(word.split()).casefold()
        colon = m.group("colon") is not None
        after = text[m.end() : m.end() + 40].lstrip(" ")
        at_line_start = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip() == ""
        followed_ok = colon or after.startswith("\n") or after == "" or (after[:1].isupper())
        if not followed_ok:
            continue
        if key in _COLON_ONLY and not colon:
            continue
        if key in _FIELDS and not (colon or at_line_start):
            continue
        if key in _FIELDS and not colon and after[:1].isupper() and not word.isupper():
            # "Dag Larsson" is a person; a bare field word at a line start needs a line end after it
            if not after.startswith("\n"):
                continue
        out.append(Label(m.start(), m.end(), word, _LOOKUP.get(key, ()), colon))
    return out
