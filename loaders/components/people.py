"""samkarta_people: person names and one record per person.

A name is a given name (from the name dictionary) followed by one to three surnames on the same
line, or, at the start of an entry in an attendance list, any two or more capitalised name-shaped
words. Later mentions by first name alone ("Lena informerar") point to the one person with that
given name. Names go to doc.spans["person"] (span.kb_id_ is the record key) and the records to
doc._.people.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from samkarta.loaders.components.entities import body_head_of, org_head
from samkarta.loaders.components.genitive import attached_mark, marked_base, plain_base, read_genitives
from samkarta.loaders.components.inverted import inverted_blocks, inverted_name_at
from samkarta.loaders.components.util import label_at, spans_of, text_of, tokens_of, tokens_text
from samkarta.loaders.words import (
    common_words,
    ends_after,
    fold,
    grammar,
    is_given_name,
    is_name_shape,
    is_title,
    lexicon,
    parties,
    place_suffixes,
    role_words,
    surname_like,
)

_MAX_SURNAMES = 3


@dataclass
class PersonRecord:
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char spans of full names
    short_mentions: list[tuple[int, int]] = field(default_factory=list)  # first name or initials only
    roles: set[str] = field(default_factory=set)
    role_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # where each role was read
    affiliation: str | None = None
    affiliation_kind: str | None = None  # municipality | organization | unit
    affiliation_ref: str | None = None
    affiliation_span: tuple[int, int] | None = None
    unit: str | None = None  # a department within the affiliation ("Vård och omsorg" in Region X)
    unit_span: tuple[int, int] | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    party: str | None = None
    listed: bool = False  # named in an attendance list, a run of names at the top or a signature
    in_list: bool = False  # named under an attendance label
    confidence: float = 0.7

    def add_role(self, role: str, where: tuple[int, int]) -> None:
        """A role, and where it was read (the first place it was read stays)."""
        self.roles.add(role)
        self.role_spans.setdefault(role, where)

    def take_affiliation(self, other: PersonRecord) -> None:
        """The affiliation `other` was read with, for one place written once for several people."""
        self.affiliation, self.affiliation_kind = other.affiliation, other.affiliation_kind
        self.affiliation_ref, self.affiliation_span = other.affiliation_ref, other.affiliation_span


@cache
def _particles() -> frozenset[str]:
    return frozenset(lexicon()["name_particles"])


class PeopleFinder:
    def __init__(self) -> None:
        self.particles = _particles()

    def __call__(self, doc: Doc) -> Doc:
        refs = {i: s for s in spans_of(doc, "ref") for i in range(s.start, s.end)}
        entry_starts = _entry_starts(doc) - _in_place_fields(doc)  # "Plats: Norra Mässan, Norrby"
        self.in_label = label_at(doc)
        spans: list[Span] = []
        words = tokens_of(doc).text
        inverted = inverted_blocks(doc, refs)
        self.org_runs = _name_org_runs(doc, refs)
        i = 0
        n = len(doc)
        while i < n:
            if not words[i][:1].isupper():  # names start with a capital: skip the rest cheaply
                i += 1
                continue
            found = None
            if any(s <= i < e for s, e in inverted):
                found = inverted_name_at(doc, i, refs)
            if found is None:
                found = self._name_at(doc, i, refs, i in entry_starts)
            if found is None:
                i += 1
                continue
            end, text = found
            # a name right after a name on its line starts the next entry; in a run of names and
            # organisations a name the dictionary lacks does only before a surname-shaped word
            unknown = end >= n or not self._in_org_run(doc[end]) or _surname_shaped_after(doc, end)
            if _starts_name(doc, end, refs, unknown):
                entry_starts.add(end)
            span = Span(doc, i, end, label="PERSON", kb_id=text)
            spans.append(span)
            i = end
        spans, doc.spans["name_column"] = _without_place_column(doc, spans)
        spans = read_genitives(doc, spans)  # "Vibeke Ylvanders förslag" names Vibeke Ylvander
        people: dict[str, PersonRecord] = {}
        index: dict[tuple[str, str], list[str]] = {}
        for span in spans:
            key = _person_key(span.kb_id_, index)
            span.kb_id_ = key
            record = people.setdefault(key, PersonRecord(name=key))
            record.name = _fuller(record.name, _clean_name(span))
            record.mentions.append((span.start_char, span.end_char))
        _short_mentions(doc, spans, people, refs)
        doc.spans["person"] = spans
        doc._.people = people
        return doc

    def _in_org_run(self, tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in self.org_runs)

    def _name_at(self, doc: Doc, i: int, refs: dict[int, Span], entry_start: bool) -> tuple[int, str] | None:
        tb = tokens_of(doc)  # the token table: a Token object only where one is needed
        if not tb.text[i][:1].isupper() or tb.space[i]:
            return None
        initials = _given_initials(doc, i)
        if initials is not None:
            return self._initialled_name(doc, i, initials, refs)
        j, first = _joined(doc, i)
        common_name = _common_word_name(doc, j, first)
        if not (is_name_shape(first) or common_name) or i in self.in_label or _blocked(doc[i], refs):
            return None
        given = common_name or is_given_name(first)
        if not (given or entry_start or _unknown_after_comma(doc, i, j, refs) or _marked_as_member(doc, i, j, refs)):
            return None
        if not given and _starts_name(doc, j + 1, refs):
            return None  # "Sköldinge Britta Bergström": a place or heading word before a full name
        if not given and _names_a_thing(first):
            return None  # "Konferensrum Norrby", "Socialnämnden Au": a room, a body or an organisation
        if _place_before_name(doc, i, j, refs):
            return None
        parts = [first]
        k = j + 1
        surnames = 0
        while k < len(doc) and surnames < _MAX_SURNAMES:
            space = tb.space[k]
            if space and surnames == 0 and len(parts) == 1 and given and _surname_on_next_line(doc, k, refs):
                k += 1  # "..., Anna<line break>Berg, ...": a name broken over a line
                continue
            if space or "\n" in text_of(doc)[tb.idx[k - 1] + len(tb.text[k - 1]) : tb.idx[k]]:
                break
            if tb.lower[k] in self.particles and k + 1 < len(doc) and is_name_shape(tb.text[k + 1]):
                parts.append(tb.text[k])
                k += 1
                continue
            initial = _middle_initial(doc, k) if surnames == 0 else 0
            if initial:
                parts.append(tb.text[k].rstrip(".") + ".")
                k += initial
                continue
            kj, written = _joined(doc, k)
            word = marked_base(written) or written  # "Ylvander:s": the genitive of a name ends it
            if not is_name_shape(word) or is_title(word) or k in self.in_label:
                break
            if surnames > 0 and (word in (parts[-1], parts[0]) or (len(word) <= 3 and fold(word) in parties())):
                # "Anna Berg Berg Konsult": her firm; "Per Ek Kd": his party; "Anna Berg Anna hälsade":
                # her given name again, opening a sentence about her
                break
            if surnames > 0 and adjective_of_title(doc, kj):
                break  # "Anna Berg Administrativ assistent": the title's adjective
            if (surnames > 0 or len(parts) > 1 or not given) and _not_a_surname(doc, k, word):
                # "Anna Berg Justeringens plats", "Anna Berg Justerar", "Anna Berg Sociala"; after a
                # word that is no given name: "Norrdals Utbildningsförbunds kansli" names no one
                break
            if surnames == 0 and (fold(word).startswith(_minutes_stems()) or _body_or_organisation(word)):
                break  # "Anslag Protokollet", "Lena Kulturnämnden": a word of the page, a body
            if (
                (surnames or is_given_name(parts[-1]))
                and len(parts) > 1
                and not surname_like(word)
                and self._in_org_run(doc[k])
            ):
                break  # "Anna Berg Norrlab, Per Ek Norrby kommun": in a run of names and organisations
            if surnames > 0 and is_given_name(word) and _starts_name(doc, k, refs):
                break  # a given name after a surname starts the next person
            if surnames > 0 and surname_like(parts[-1]) and not surname_like(word) and _starts_name(doc, k, refs, True):
                break  # "Jonas Lindqvist Tirvo Karlsson": an unknown given name starts the next person
            hit = refs.get(k)
            if hit is not None:
                # a place right after a given name is its surname only when it is also a common name
                # or another place follows ("Ulf Norberg Vännäs")
                surname = (
                    surnames == 0
                    and hit.label_ == "municipality"
                    and (hit._.ambiguous or (given and _surname_place(hit)) or _place_follows(doc, kj + 1, refs))
                )
                if not surname:
                    break
            if surnames == 0 and len(parts) == 1 and is_given_name(word) and _name_continues(doc, kj + 1, refs):
                parts.append(word)  # second given name: "Anna Maria Svensson"
                k = kj + 1
                continue
            parts.append(word)
            surnames += 1
            last_surname_at = k
            k = kj + 1
            mark = attached_mark(doc, k)
            if word != written or mark:
                k += mark  # "Ylvander’s", "Ruus’": the mark belongs to the mention, not to the name
                break
        if surnames == 0 and len(parts) == 2 and given:
            surnames = 1  # "Eva Lind Sociala": the second given name was the surname
        if surnames == 0:
            return None
        if not given and not is_given_name(parts[1]) and surnames < 1:
            return None
        if k < len(doc) and doc[k].text in lexicon()["company_forms"]:
            if surnames < 2:
                return None  # "Tova Mattsson AB": a company named like a person
            # "Karin Holm Nordkraft AB": a flattened table's name, then the company she comes from
            parts.pop()
            k = last_surname_at
        return k, " ".join(parts)

    def _initialled_name(
        self, doc: Doc, i: int, initials: tuple[int, str], refs: dict[int, Span]
    ) -> tuple[int, str] | None:
        """'K G Englund', 'K.G. Englund': initials that stand for the given names, then a surname
        shaped word on the same line that is no reference name (a place, an organisation)."""
        end, given = initials
        t = tokens_of(doc)
        if end >= len(doc) or t.space[end] or end in self.in_label:
            return None
        word = t.text[end]
        hit = refs.get(end)
        if not is_name_shape(word) or is_given_name(word) or (hit is not None and not hit._.ambiguous):
            return None
        if end + 1 < len(doc) and not t.space[end + 1] and t.text[end + 1][:1].islower():
            return None  # "P G Vejdes väg", "A L. Rekrytering av": a street, a sentence, not a person
        return end + 1, " ".join(tokens_text(doc, i, end + 1).split())


_ORG_RUN = 3  # names with an organisation right after them that make a line a run of the two


def _name_org_runs(doc: Doc, refs: dict[int, Span]) -> list[tuple[int, int]]:
    """The lines (as character ranges) where at least _ORG_RUN times a given name and a surname are
    followed by an organisation or a municipality: a list of "Name Surname Organisation" entries,
    as a table flattened into one line writes it. There a second surname must look like one."""
    out = []
    t = tokens_of(doc)
    starts = doc._.token_starts or [tok.idx for tok in doc]
    for a, b in doc._.lines or ():
        i, end = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        found = 0
        for k in range(i, end - 2):
            if not (t.text[k][:1].isupper() and is_given_name(t.text[k])) or not is_name_shape(t.text[k + 1]):
                continue
            j = k + 2 if not t.space[k + 2] else k + 3
            if j < end and _organisation_at(doc, j, refs):
                found += 1
        if found >= _ORG_RUN:
            out.append((a, b))
    return out


def _surname_place(hit: Span) -> bool:
    """A municipality named in one word that ends like a surname ('Norberg', 'Lindesberg'): after a
    given name it is the person's surname."""
    return len(hit) == 1 and surname_like(hit.text)


def _surname_shaped_after(doc: Doc, k: int) -> bool:
    j = _joined(doc, k)[0] + 1
    if j >= len(doc):
        return False
    word = doc[j].text
    return surname_like(word) and not fold(word).endswith(grammar().abstract_noun_endings)  # not "Utbildning"


def _organisation_at(doc: Doc, j: int, refs: dict[int, Span]) -> bool:
    hit = refs.get(j)
    if hit is not None:
        return hit.label_ in ("organization", "municipality") and not hit._.ambiguous
    word = doc[j].text
    return word[:1].isupper() and (_body_or_organisation(word) or word in lexicon()["company_forms"])


def _surname_on_next_line(doc: Doc, k: int, refs: dict[int, Span]) -> bool:
    """Token k is one line break, and after it stands a surname that a comma (or the text's end)
    closes: no given name, title, place or label."""
    if doc[k].text.count("\n") != 1 or doc[k].text.strip() or k + 1 >= len(doc):
        return False
    word = doc[k + 1]
    closed = k + 2 >= len(doc) or doc[k + 2].text in (",", ".", ";")
    return (
        closed
        and is_name_shape(word.text)
        and surname_like(word.text)
        and not is_given_name(word.text)
        and not is_title(word.text)
        and k + 1 not in refs
    )


@cache
def _given_name_words() -> frozenset[str]:
    return frozenset(lexicon()["given_name_words"])


def _common_word_name(doc: Doc, j: int, first: str) -> bool:
    """'Dag Forsberg': a given name that is also a common word ('dag') is one before a word that
    ends like a surname on its line."""
    if j + 1 >= len(doc) or fold(first) not in _given_name_words():
        return False
    nxt = doc[j + 1].text
    return is_name_shape(nxt) and surname_like(nxt) and not doc[j + 1].is_space


def _names_a_thing(word: str) -> bool:
    """A room or a place, a body or an organisation, a direction opening a district's name ("Södra
    Norrdal") or an abstract noun opening a heading ("Sammanställning"): no part of a person's name."""
    folded = fold(word)
    return (
        folded.endswith(place_suffixes())
        or folded in grammar().directions
        or folded.endswith(grammar().abstract_noun_endings)
        or _body_or_organisation(word)
    )


def _body_or_organisation(word: str) -> bool:
    return org_head(word) is not None or body_head_of(word) is not None


def _in_place_fields(doc: Doc) -> set[int]:
    """The tokens of the values of place fields: a venue's name there is no entry of a list."""
    return {i for f in spans_of(doc, "field") if f._.field == "place" for i in range(f.start, f.end)}


def _not_a_surname(doc: Doc, k: int, word: str) -> bool:
    """A word after a surname that starts something else: a label's words, an inflected cue verb,
    or a lower-case adjective written with a capital."""
    if k in doc.user_data.get("label_words_at", ()) or doc[k].lemma_ != doc[k].lower_:
        return True
    if fold(word).startswith(_minutes_stems()):
        return True  # "Anna Berg Justeringens plats", "Per Ek Utdragsbestyrkande": the page's next field
    if _body_or_organisation(word):
        return True  # "Anna Berg Kommunstyrelsen": the body or organisation she comes from
    if fold(word) in common_words():
        return True  # "Anna Berg Tjänstgörande", "Per Ek Dessutom": a common word opens what follows
    if _compound_of_common(fold(word)):
        return True  # "Anna Berg Medborgarförslag": a compound of a common noun opens the next item
    if fold(word).endswith(_definite_abstract_endings()):
        return True  # "Anna Berg Vuxenutbildningen": a definite verbal or abstract noun names her unit
    if fold(word) in grammar().directions:
        return True  # "Anna Berg Östra valkretsen": a direction opens a district's or a body's name
    return fold(word).endswith(grammar().lower_adjective_endings) and not surname_like(word)


_COMMON_TAIL = 6  # letters of a common word that, ending a longer word, make it a compound noun


@cache
def _long_common_words() -> tuple[str, ...]:
    return tuple(w for w in common_words() if len(w) >= _COMMON_TAIL)


def _compound_of_common(folded: str) -> bool:
    return ends_after(folded, _long_common_words(), 3)


@cache
def _definite_abstract_endings() -> tuple[str, ...]:
    """'-ningen', '-heten': the abstract noun endings in the definite form ('-ning' ends 'Henning')."""
    return tuple(e for e in grammar().abstract_noun_endings if e.endswith(("en", "et")))


@cache
def _minutes_stems() -> tuple[str, ...]:
    return tuple(lexicon()["minutes_stems"])


def _joined(doc: Doc, i: int) -> tuple[int, str]:
    """'Ann- Karin' (a hyphenated name broken by a space or a line): the last index and the word."""
    t = tokens_of(doc)
    word = t.text[i]
    if word.endswith("-") and i + 1 < len(doc):
        j = i + 2 if t.space[i + 1] and i + 2 < len(doc) else i + 1
        nxt = t.text[j]
        if nxt[:1].isupper() and nxt.isalpha():
            return j, word + nxt
    return i, word


def _blocked(tok: Token, refs: dict[int, Span]) -> bool:
    """Tokens that cannot start a name: unambiguous reference names, titles, party markers."""
    if is_title(tok.text) or (tok.text.isupper() and fold(tok.text) in parties()):
        return True
    hit = refs.get(tok.i)
    return hit is not None and not hit._.ambiguous


def _given_initials(doc: Doc, i: int) -> tuple[int, str] | None:
    """Two initials written for the given names at i ('K G', 'K.G.', 'K. G.', 'K-G'): where they
    end and the letters, else None."""
    t = tokens_of(doc)
    letters: list[str] = []
    k = i
    while k < len(doc) and len(letters) < 2 and not (t.space[k] or "\n" in t.text[k]):
        word = t.text[k]
        if _INITIALS.fullmatch(word):
            letters.extend(c for c in word if c.isalpha())
        elif word in (".", "-") and letters:
            pass
        else:
            break
        k += 1
    while k < len(doc) and t.text[k] == ".":
        k += 1
    if len(letters) != 2 or any(not c.isupper() for c in letters):
        return None
    return k, " ".join(letters)


# one initial ("K", "K."), or two joined by a stop or a hyphen ("K.G.", "K-G"); never two capitals run
# together ("KG" is as often an acronym)
_INITIALS = re.compile(r"[A-ZÅÄÖ]\.?(?:(?:\.|\.?-)[A-ZÅÄÖ]\.?)?")


def _middle_initial(doc: Doc, k: int) -> int:
    """Tokens taken by a middle initial at k ('B', 'B.' or 'B' '.') when a surname follows; else 0."""
    text = tokens_of(doc).text[k]
    if not (len(text) == 1 and text.isupper()) and not (len(text) == 2 and text[0].isupper() and text[1] == "."):
        return 0
    taken = 2 if len(text) == 1 and k + 1 < len(doc) and doc[k + 1].text == "." else 1
    after = k + taken
    if after < len(doc) and not doc[after].is_space and is_name_shape(doc[after].text):
        return taken
    return 0


def _same_line(doc: Doc, k: int) -> bool:
    t = tokens_of(doc)
    return k < len(doc) and not t.space[k] and "\n" not in text_of(doc)[t.idx[k - 1] : t.idx[k]]


def _starts_name(doc: Doc, k: int, refs: dict[int, Span], unknown: bool = False) -> bool:
    """A given name at k (any name-shaped word if unknown) followed on its line by a surname, a
    middle initial and a surname, or a particle and a surname ('Rachel De Basso')."""
    word = _joined(doc, k)[1] if k < len(doc) else ""
    if not _same_line(doc, k) or not (is_given_name(word) or (unknown and is_name_shape(word))):
        return False
    kj = _joined(doc, k)[0]
    nxt = kj + 1
    if not _same_line(doc, nxt):
        return False
    initial = _middle_initial(doc, nxt)
    if initial:
        nxt += initial
    elif doc[nxt].lower_ in _particles() and _same_line(doc, nxt + 1):
        nxt += 1
    if not _same_line(doc, nxt):
        return False
    word = _joined(doc, nxt)[1]
    hit = refs.get(nxt)
    # a place may be the surname as in _name_at: an ambiguous one, or one shaped like a surname ("Norberg")
    return is_name_shape(word) and not is_title(word) and (hit is None or hit._.ambiguous or _surname_place(hit))


def adjective_of_title(doc: Doc, k: int) -> bool:
    """'Nationell samordnare', 'Administrativ assistent': a capitalised adjective before a title."""
    word = doc[k].lower_
    return (
        word.endswith(grammar().title_adjective_endings)
        and _same_line(doc, k + 1)
        and doc[k + 1].text[:1].islower()
        and is_title(doc[k + 1].text)
    )


def _name_continues(doc: Doc, k: int, refs: dict[int, Span]) -> bool:
    """A capitalised, non-given, name-shaped word at k that could end a name: a reference name only
    when it is a one-word municipality shaped like a surname ("Per Morten Lund")."""
    if not _same_line(doc, k):
        return False
    word = doc[k].text
    hit = refs.get(k)
    place = hit is not None and hit.label_ == "municipality" and _surname_place(hit)
    return is_name_shape(word) and not is_given_name(word) and (hit is None or place)


def _place_follows(doc: Doc, k: int, refs: dict[int, Span]) -> bool:
    """'Ulf Norberg Vännäs': a place right after means the word before is a surname."""
    return _same_line(doc, k) and k in refs and refs[k].label_ in ("municipality", "organization")


def _place_before_name(doc: Doc, i: int, j: int, refs: dict[int, Span]) -> bool:
    """'Ale Anna Berg': a place that is also a given name, before a full name, is the place."""
    hit = refs.get(i)
    if hit is None or hit.label_ != "municipality":
        return False
    following = [doc[k] for k in (j + 1, j + 2) if _same_line(doc, k)]
    return len(following) == 2 and all(is_name_shape(t.text) and t.i not in refs for t in following)


def _unknown_after_comma(doc: Doc, i: int, j: int, refs: dict[int, Span]) -> bool:
    """'Ola Lindqvist, Tirvo Karlsson': after a comma or a role, a name-shaped word the dictionary lacks
    starts a person when a word shaped like a Swedish surname follows it on its line."""
    # ... or after a role that ends the entry before it ("Per Ek ordförande Tirvo Karlsson")
    prev = tokens_of(doc).text[i - 1] if i > 0 else ""
    after = i > 0 and (prev == "," or fold(prev.rstrip(".")) in role_words())
    return after and _surname_slot(doc, j + 1, refs) and surname_like(doc[j + 1].text)


def _marked_as_member(doc: Doc, i: int, j: int, refs: dict[int, Span]) -> bool:
    """Two name-shaped words followed by a party marker ("Ingvor Regnemer (S)") or by a comma and
    a role ("..., ersättare"): a person, whether or not the dictionary knows the given name; not
    the last words of a longer capitalised name."""
    if i > 0 and doc[i - 1].text[:1].isupper():
        return False
    k = j + 1
    if k + 2 >= len(doc) or not _surname_slot(doc, k, refs) or _names_a_thing(doc[k].text):
        return False
    a, b = doc[k + 1], doc[k + 2]
    if a.text == "(" and fold(b.text) in parties() and k + 3 < len(doc) and doc[k + 3].text == ")":
        return True
    return a.text == "," and (is_title(b.text) or fold(b.text) in role_words())


def _surname_slot(doc: Doc, k: int, refs: dict[int, Span]) -> bool:
    """The word at k, on the line of the word before, could be a surname: name-shaped, no title
    and no reference name."""
    return _same_line(doc, k) and k not in refs and is_name_shape(doc[k].text) and not is_title(doc[k].text)


def _entry_starts(doc: Doc) -> set[int]:
    """Token indices where an attendance entry may start: line starts and after separators in
    a list, or after a party marker, a place or a label in a flattened list."""
    out: set[int] = set()
    t = tokens_of(doc)
    for block in [*spans_of(doc, "block"), *spans_of(doc, "field")]:
        for i in range(block.start, block.end):
            if t.space[i]:
                continue
            prev = t.text[i - 1] if i > block.start else None
            if (
                prev is None
                or t.space[i - 1]
                or prev in (";", ")", ":", "/", "•", "-", "–")
                or (prev[:1].isupper() and prev.isupper())
            ):
                out.add(i)
        if len(block):
            out.add(block.start)
    for lab in spans_of(doc, "label"):
        if lab.end < len(doc):
            out.add(lab.end if not doc[lab.end].is_space else min(lab.end + 1, len(doc) - 1))
    return out


_COLUMN_LINES = 4  # a list of one person per line at least this long ...
_COLUMN_SHARE = 0.75  # ... where at least this share of the names end in one word too many


def _without_place_column(doc: Doc, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """In a list of one person per line where most names run to the line's end with three words
    or more ('Anna Berg Norrby' line after line), the last word is a column of its own (a place, a
    parish, a firm), not a second surname: double surnames are never the rule of a whole list.
    Returns the names and the column's words."""
    starts = [a for a, _ in doc._.lines]
    by_line: dict[int, list[int]] = {}
    for k, span in enumerate(spans):
        by_line.setdefault(bisect.bisect_right(starts, span.start_char) - 1, []).append(k)
    alone = sorted((line, ks[0]) for line, ks in by_line.items() if len(ks) == 1 and line >= 0)
    runs: list[list[tuple[int, int]]] = []
    for line, k in alone:
        if runs and runs[-1][-1][0] == line - 1:
            runs[-1].append((line, k))
        else:
            runs.append([(line, k)])
    out = list(spans)
    column: list[Span] = []
    for run in runs:
        long = [k for line, k in run if _column_word_at_end(doc, spans[k], doc._.lines[line][1])]
        if len(run) < _COLUMN_LINES or len(long) < _COLUMN_SHARE * len(run):
            continue
        for k in long:
            span = spans[k]
            name = span.kb_id_[: span.kb_id_.rstrip().rfind(" ")].rstrip()
            out[k] = Span(doc, span.start, span.end - 1, label=span.label_, kb_id=name)
            column.append(doc[span.end - 1 : span.end])
    return out, column


def _column_word_at_end(doc: Doc, span: Span, line_end: int) -> bool:
    words = [t for t in span if not t.is_space]
    return span.end_char == line_end and len(words) >= 3 and words[-1].is_alpha and not doc[span.end - 2].is_space


def _clean_name(span: Span) -> str:
    return " ".join(span.kb_id_.replace("- ", "-").split())


def _fuller(a: str, b: str) -> str:
    return b if len(b) > len(a) else a


def _person_key(name: str, index: dict[tuple[str, str], list[str]]) -> str:
    """The same person written with and without a middle initial or hyphen spacing is one record.
    index holds the keys seen so far by (first, last) name part."""
    folded = fold(name).replace("-", " ")
    b = folded.split()
    candidates = index.setdefault((b[0], b[-1]), [])
    for key in candidates:
        k = fold(key).replace("-", " ")
        a = k.split()
        if k == folded or len(a) == 3 and len(a[1]) <= 2 or len(b) == 3 and len(b[1]) <= 2:
            return key
    candidates.append(name)
    return name


def _short_mentions(doc: Doc, spans: list[Span], people: dict[str, PersonRecord], refs: dict[int, Span]) -> None:
    """First names alone ('Lena informerar') and initials ('AB') that point to exactly one person."""
    by_first: dict[str, list[str]] = {}
    by_initials: dict[str, list[str]] = {}
    for key, rec in people.items():
        parts = rec.name.split()
        by_first.setdefault(fold(parts[0]), []).append(key)
        initials = "".join(p[0] for p in parts if p[:1].isupper())
        if len(initials) >= 2:
            by_initials.setdefault(initials, []).append(key)
    covered = {i for s in spans for i in range(s.start, s.end)}
    table = tokens_of(doc)
    for i, word in enumerate(table.text):
        if not word[:1].isupper() or i in covered or i in refs:
            continue
        keys = by_first.get(fold(word)) if is_given_name(word) else None
        if keys is None and (base := _short_genitive(word)):  # "Vibekes förslag", "VY:s förslag"
            word = base
            keys = by_first.get(fold(word)) if is_given_name(word) else None
        if keys is None and word.isupper() and 2 <= len(word) <= 3:
            keys = by_initials.get(word)
        if keys and len(keys) == 1:
            people[keys[0]].short_mentions.append((table.idx[i], table.idx[i] + len(table.text[i])))


def _short_genitive(word: str) -> str | None:
    """A first name or initials in the genitive, without its mark: "Vibekes", "VY:s"; not a given
    name of its own that ends in s."""
    base = marked_base(word)
    if base is None and not is_given_name(word) and (plain := plain_base(word)) and is_given_name(plain):
        base = plain
    return base


@Language.factory("samkarta_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:  # noqa: ARG001
    return PeopleFinder()
