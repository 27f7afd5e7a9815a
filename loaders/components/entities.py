"""samkarta_entities: municipalities, organisations, collaboration bodies and projects named.

Municipalities and most organisations come from the reference hits. Bodies ("networks") are words
headed by a body noun of data/bodies.yaml ("Socialchefsnätverket", "styrgruppen för X",
"Regionala samverkansrådet"), organisations not in the reference are capitalised words headed by
an organisation noun ("Kulturförvaltningen") or people's affiliations, and projects are named
works: a capitalised compound of a project noun ("Norrdalsmodellen"), a project noun with a
name after it ("projektet Vägvisaren"), or an unexplained acronym.
Results: doc.spans["municipality"], ["org"], ["network"], ["project"].
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from samkarta.loaders.components.layout import label_specs
from samkarta.loaders.components.util import label_at, spans_of, text_of, token_after, tokens_of, verb_like
from samkarta.loaders.words import (
    common_words,
    data,
    fold,
    grammar,
    is_given_name,
    is_name_shape,
    is_street,
    is_title,
    lexicon,
    months,
    parties,
    surname_like,
)


@dataclass(frozen=True)
class Heads:
    body: tuple[str, ...]
    generic: frozenset[str]
    org: tuple[str, ...]
    project: tuple[str, ...]
    weak_project: frozenset[str]
    titled_work: frozenset[str]
    named_work: frozenset[str]
    compound_only: frozenset[str]
    project_kinds: frozenset[str]
    branch_kinds: frozenset[str]
    routine: frozenset[str]
    not_bodies: frozenset[str]
    purposes: frozenset[str]
    place_named: frozenset[str]
    acronyms: dict[str, str]
    plural_body: frozenset[str]


@cache
def heads() -> Heads:
    b = data("bodies.yaml")
    return Heads(
        tuple(sorted(b["body_heads"] + b["plural_body_heads"], key=len, reverse=True)),
        frozenset(b["generic_bodies"]),
        tuple(sorted(b["org_heads"], key=len, reverse=True)),
        tuple(sorted(b["project_heads"], key=len, reverse=True)),
        frozenset(b["weak_project_heads"]),
        frozenset(b["titled_work_heads"]),
        frozenset(b["named_work_heads"]),
        frozenset(b["compound_only_heads"]),
        frozenset(b["project_reference_kinds"]),
        frozenset(b["branch_reference_kinds"]),
        frozenset(b["routine"]),
        frozenset(b["not_bodies"]),
        frozenset(b["purposes"]),
        frozenset(b["place_named_heads"]),
        dict(b["body_acronyms"]),
        frozenset(b["plural_body_heads"]),
    )


@lru_cache(maxsize=200_000)  # a loop over every noun, asked again of the same words by every component
def head_of(word: str, nouns: tuple[str, ...]) -> str | None:
    """The noun a word is headed by: itself, or the end of a compound ('Länschefsnätverket')."""
    w = word.casefold().removesuffix(":s")
    order = _noun_order(nouns)
    for form in (w, w[:-1]) if w.endswith("s") else (w,):
        # the word itself or an ending after at least three letters; the first listed noun wins
        found = [order[end] for end in (form, *(form[i:] for i in range(3, len(form)))) if end in order]
        if found:
            return nouns[min(found)]
    return None


@cache
def _noun_order(nouns: tuple[str, ...]) -> dict[str, int]:
    """Each noun's place in its list: a word's endings are looked up, not every noun tried in turn."""
    order: dict[str, int] = {}
    for i, noun in enumerate(nouns):
        order.setdefault(noun, i)
    return order


@lru_cache(maxsize=100_000)
def body_head_of(word: str) -> str | None:
    """The body noun ending a word (head_of over the body nouns), cached by the word alone: a
    cache keyed by the noun list too hashes the whole list on every call."""
    return head_of(word, heads().body)


@lru_cache(maxsize=100_000)
def project_head(word: str) -> str | None:
    return head_of(word, heads().project)


@lru_cache(maxsize=100_000)
def org_head(word: str) -> str | None:
    """The organisation noun heading a word, unless a longer body noun heads it ('Nätverket' ends
    in 'verket' but is a network)."""
    noun = head_of(word, heads().org)
    body = body_head_of(word) if noun is not None else None
    return None if body is not None and len(body) > len(noun or "") else noun


def _body_head(tok: Token) -> str | None:
    if tok.is_space or not (tok.is_alpha or ":" in tok.text or "-" in tok.text):
        return None
    return _body_noun(tok.text)


@lru_cache(maxsize=100_000)
def _body_noun(word: str) -> str | None:
    """The body noun heading a word ('Länschefsnätverket' -> 'nätverket'), None for titles and the
    words that end in a body noun but name no body ('målgrupp', 'området')."""
    h = heads()
    stem = _meeting_stem(word)
    if stem is not None and body_head_of(stem):
        return body_head_of(stem)  # "Direktionsprotokoll", "Styrgruppsmöte"
    low = fold(word).removesuffix(":s")
    if is_title(word) or low in h.not_bodies or low.removesuffix("s") in h.not_bodies:
        return None
    if any(low[i:] in h.not_bodies for i in range(len(low) - 6)):  # ends in a long one
        return None
    noun = body_head_of(word)
    return None if noun in h.plural_body and not is_compound(word, noun) else noun


def is_initiative(ref: Span) -> bool:
    """A reference hit of a project kind names an initiative, unless its name is headed by an
    organisation noun: a joint service set up as a body of its own ("Samordningsförbundet",
    "Ungdomsmottagningen") is an organisation, read by its noun and the name after it."""
    return ref._.ref_kind in heads().project_kinds and org_head(ref[-1].text) is None


def body_noun(word: str) -> str | None:
    """The body noun heading a word, None for titles and words that name no body."""
    return _body_noun(word)


def is_compound(word: str, noun: str) -> bool:
    """The word is longer than its head noun, a genitive -s aside ('Regionens' is no compound)."""
    w = word.casefold().removesuffix(":s")
    return len(w) > len(noun) + (1 if w.endswith("s") and not noun.endswith("s") else 0)


class Entities:
    def __call__(self, doc: Doc) -> Doc:
        h = heads()
        in_person = {i for s in spans_of(doc, "person") for i in range(s.start, s.end)}
        refs = sorted(spans_of(doc, "ref"), key=lambda s: s.start)
        ref_at = {i: s for s in refs for i in range(s.start, s.end)}
        affiliation_spans = _affiliation_spans(doc)
        start = token_after(doc, doc._.content_start)
        networks = self._networks(doc, h, in_person, ref_at, start)
        in_network = {t.i for s in networks for t in s}
        projects = self._projects(doc, h, in_person, ref_at, in_network, start)
        in_project = {t.i for s in projects for t in s}
        doc.spans["network"] = networks
        doc.spans["project"] = projects
        orgs = self._organizations(doc, h, refs, in_person, in_network | in_project, affiliation_spans, start, ref_at)
        held = {t.i for s in orgs for t in s} | in_person
        orgs = sorted(orgs + _organ_owners(doc, networks, held, ref_at), key=lambda span: span.start)
        doc.spans["org"] = orgs
        # a place in an organisation's name ("Norrby tingsrätt", "Högskolan i Norrby") is part of that
        # name; "Norrby kommun" names the municipality wherever it stands
        place_named = {
            k
            for s in orgs
            for k in range(s.start, s.end)
            if k in ref_at
            and ref_at[k].label_ == "municipality"
            and ref_at[k][-1].lower_ not in grammar().municipality_words
        }
        municipalities = self._municipalities(doc, refs, in_person, in_network, affiliation_spans, start)
        doc.spans["municipality"] = [m for m in municipalities if m.start not in place_named]
        return doc

    # -- bodies -----------------------------------------------------------------------------------
    def _networks(self, doc: Doc, h: Heads, in_person: set[int], ref_at: dict[int, Span], start: int) -> list[Span]:
        """Body phrases anywhere (the title before the minutes too: the meeting reads it)."""
        del start
        out: list[Span] = []
        generic_spans: list[Span] = []
        in_label = label_at(doc)
        words = tokens_of(doc).text
        i = 0
        while i < len(doc):
            if _body_noun(words[i]) is None:  # on the string first: most words head no body
                i += 1
                continue
            tok = doc[i]
            noun = _body_head(tok)
            if (
                noun is None
                or i in in_person
                or i in in_label
                or (i in ref_at and (ref_at[i].label_ == "organization" or not is_compound(tok.text, noun)))
            ):
                i += 1
                continue
            left = _left_modifiers(doc, i, ref_at)
            while left < i and any(j in in_person for j in range(left, i)):
                left += 1  # "Vibeke Ylvander:s grupp": a person's group, no body named after her
            last = i
            # "Kommunstyrelsens arbetsutskott", "Regionstyrelsens presidium": a board of a board
            while tok.lower_.endswith("s"):
                nxt = last + 1
                if nxt + 1 < len(doc) and doc[nxt].lower_.endswith(("a", "iska")) and _body_head(doc[nxt + 1]):
                    nxt += 1  # "Kommunstyrelsens sociala utskott"
                if nxt >= len(doc) or _body_head(doc[nxt]) is None:
                    break
                last = nxt
                tok = doc[last]
            right = _right_extension(doc, last, ref_at)
            generic = fold(tok.text).removesuffix(":s") in h.generic
            # "nätverket", "regionala nätverk": a group word with at most a common adjective names none
            plain = all(doc[j].lower_ in common_words() for j in range(left, i))
            if generic and plain and right == last + 1 and last == i:
                weak = Span(doc, i, i + 1, label="GENERIC")
                weak._.confidence = 0.3
                generic_spans.append(weak)
                i += 1
                continue
            if fold(tok.text) in h.routine:
                i += 1
                continue
            span = Span(doc, left, right, label="NETWORK")
            span._.confidence = 0.8 if (is_compound(tok.text, noun) or right > last + 1 or left < i) else 0.6
            out.append(span)
            i = right
        doc.spans["network_generic"] = generic_spans  # "gruppen", "nämnd": only the meeting may use them
        return out + _acronym_bodies(doc, h, out, in_person, ref_at)

    # -- projects ---------------------------------------------------------------------------------
    def _projects(
        self, doc: Doc, h: Heads, in_person: set[int], ref_at: dict[int, Span], taken: set[int], start: int
    ) -> list[Span]:
        out: list[Span] = []
        seen: set[int] = set()
        for ref in spans_of(doc, "ref"):
            # "Familjecentralen Norrby": a name after a joint service names a unit of its own; an
            # initiative's regional instances are read by the reference matcher as branches, so a
            # name it left after one starts the next phrase ("Bostad först Norrdalsgården öppnar")
            named_more = ref.end < len(doc) and _name_word(doc[ref.end]) and ref._.ref_kind not in h.branch_kinds
            # "ungdomsmottagningarna": generic (a branch's name ends in its place, which may look plural)
            plural = ref._.ref is not None and ref.text.casefold().endswith(grammar().plural_people_endings)
            if (
                ref.label_ == "organization"
                and is_initiative(ref)
                and ref.start >= start
                and not named_more
                and not plural
            ):
                span = Span(doc, ref.start, ref.end, label="PROJECT")
                span._.ref = ref._.ref
                span._.confidence = 0.8
                out.append(span)
                seen.update(range(ref.start, ref.end))
        words = tokens_of(doc).text
        for i in range(start, len(words)):
            noun = project_head(words[i])  # cheap on strings; a Token only for the few candidates
            if noun is None or i in seen or i in taken or i in in_person:
                continue
            tok = doc[i]
            if noun in h.compound_only and not (tok.text[:1].isupper() and is_compound(tok.text, noun)):
                continue
            if "-" in tok.text and is_compound(tok.text, noun) and not _definite_noun(noun, h):
                continue  # "ett EU-projekt": a kind of work; "IPS-projektet" names one
            if noun in _PROJECT_NOUNS and i + 2 < len(doc) and doc[i + 1].text in (":", ";"):
                # "Projekt: Unga i rörelse", "Forskningsprojektet; Lika chanser": the name after the colon
                named = _name_after(doc, i + 2, ref_at, in_person, after_label=True)
                if (
                    named is not None
                    and not any(k in seen or k in taken for k in range(*named))
                    and not any(verb_like(doc[k]) for k in range(*named))  # a sentence, not a name
                ):
                    out.append(self._project(doc, named[0], named[1], 0.7))
                    seen.update(range(named[0], named[1]))
                    continue
            if fold(tok.text) not in h.routine:
                first = _coordinated_work_start(doc, tok.i, noun, h)
                if first is not None and not any(k in seen or k in taken or k in in_person for k in range(first, i)):
                    out.append(self._project(doc, first, tok.i + 1, 0.6))  # "Miljö- och klimatavtalet"
                    seen.update(range(first, tok.i + 1))
                    continue
                titled = tok.text[:1].isupper() and (noun not in h.weak_project or noun in h.titled_work)
                if is_compound(tok.text, noun) and (noun in h.named_work or titled):
                    end = _years_after(doc, tok.i + 1)  # "Folkhälsoplan 2021-2029": the period is in the name
                    first = tok.i - 1 if titled and _work_adjective(doc, tok.i - 1, seen | taken | in_person) else tok.i
                    out.append(self._project(doc, first, end, 0.7))  # "Norrdalsmodellen"
                    seen.update(range(first, end))
                    continue
                if tok.text[:1].isupper() and "-" in tok.text and is_compound(tok.text, noun):
                    out.append(self._project(doc, tok.i, tok.i + 1, 0.7))  # "IPS-projektet"
                    seen.add(tok.i)
                    continue
                explained = _acronym_after(doc, tok.i + 1)
                if explained > tok.i + 1 and noun not in h.weak_project:
                    out.append(self._project(doc, tok.i + 2, tok.i + 3, 0.6))  # "... plan (SIP)"
                    seen.add(tok.i + 2)
                # "Räddningstjänsten Östra Norrdal": a compound of a service or event word before a
                # name is an organisation's or a place's name, not a work named after it
                service = is_compound(tok.text, noun) and noun in h.weak_project and noun not in h.titled_work
                named = None if service else _name_after(doc, tok.i + 1, ref_at, in_person)
                if named is not None:
                    s, e = named
                    if tok.text[:1].isupper() and (noun in h.titled_work or noun in h.named_work):
                        s = tok.i  # "Handlingsplanen Missbruk och beroende": a plan's title holds its noun
                    out.append(self._project(doc, s, e, 0.7))  # "projektet Vägvisaren"
                    seen.update(range(s, e))
                continue
        out.extend(_titled_works(doc, h, seen | taken | in_person, start))
        # the subject may name a body or an organisation: "en översyn av nämndens uppdrag"
        out.extend(_investigations(doc, {t.i for s in out for t in s} | in_person, start))
        out.extend(_inquiries(doc, {t.i for s in out for t in s} | taken, start))
        out.extend(_quoted_names(doc, {t.i for s in out for t in s} | taken | in_person, start))
        out.extend(_adjective_titles(doc, h, {t.i for s in out for t in s} | taken | in_person, ref_at, start))
        return out

    @staticmethod
    def _project(doc: Doc, start: int, end: int, confidence: float) -> Span:
        span = Span(doc, start, end, label="PROJECT")
        span._.confidence = confidence
        return span

    # -- organisations ----------------------------------------------------------------------------
    def _organizations(
        self,
        doc: Doc,
        h: Heads,
        refs: list[Span],
        in_person: set[int],
        taken: set[int],
        affiliations: list[Span],
        start: int,
        ref_at: dict[int, Span],
    ) -> list[Span]:
        out: list[Span] = []
        covered: set[int] = set()
        affiliated = {s.start for s in affiliations}
        for ref in refs:
            if ref.label_ != "organization" or ref._.ref_kind in h.project_kinds or ref.start < start:
                continue
            if ref._.ambiguous and ref.start not in affiliated and not _parenthesised(doc, ref):
                continue
            if any(t.i in in_person for t in ref):
                continue
            span = Span(doc, ref.start, ref.end, label="ORG")
            span._.ref = ref._.ref
            span._.ref_kind = ref._.ref_kind
            span._.confidence = 0.9
            out.append(span)
            covered.update(range(ref.start, ref.end))
        column = {s.start for s in spans_of(doc, "name_column")}
        for aff in affiliations:
            if aff.start in covered or aff.label_ not in ("organization", "unit"):
                continue
            if any(p.start <= aff.start < p.end for p in spans_of(doc, "project")):
                continue  # a joint service as someone's affiliation is still the initiative
            if aff.label_ == "unit" and body_head_of(aff[-1].text) is not None or aff.text in h.acronyms:
                continue  # "Per Ek, visionspanelen", "Per Ek, SN": a body they sit in, not an organisation
            if len(aff) == 1 and aff.start in column and org_head(aff.text) is None:
                continue  # "Per Ek Norrby" line after line: a column of places, parishes more often than firms
            county = ref_at.get(aff.start)
            if county is not None and county.label_ == "county" and county.end == aff.end:
                continue  # "Per Ek, Norrdalen": the county he comes from, which names no organisation
            span = Span(doc, aff.start, aff.end, label="ORG")
            span._.ref_kind = "unit" if aff.label_ == "unit" else None
            span._.confidence = 0.6
            out.append(span)
            covered.update(range(aff.start, aff.end))
        words = tokens_of(doc).text
        for span in _place_named(doc, ref_at, covered | taken | in_person, start):
            out.append(span)
            covered.update(range(span.start, span.end))
        for i in range(start, len(words)):
            noun = org_head(words[i]) or service_head(words[i])
            if noun is None or i in covered or i in taken or i in in_person:
                continue
            tok = doc[i]
            if not (tok.is_alpha or _hyphenated(tok.text) and noun not in _area_nouns()):
                continue  # "GIS-enheten", "Hörsel-syncentrum": a compound with a hyphen
            named = _org_name_end(doc, i, ref_at) if tok.text[:1].isupper() else i + 1
            headed = tok.text[:1].isupper() and fold(tok.text).endswith(noun)  # not itself a genitive
            if tok.text[:1].isupper() and not headed and _owns_unit(doc, i + 1):
                continue  # "Norrbyregionens Familjecentrum": the owner opens the name of the unit it owns
            of_members = tok.lower_ in union_heads()
            # "Norrdals kommunalförbund", "Ekbackens intresseförening": the name in the genitive
            # before it names the organisation
            owned = tok.text.islower() and (of_members or head_of(tok.lower_, _owned_heads()) is not None)
            owner = (
                _place_genitive_before(doc, i, ref_at, at_start=of_members or owned or headed) if headed or owned else i
            )
            if owner == i and (headed or owned) and not tok.lower_.endswith(grammar().definite_endings):
                # "Norrby Hembygdsförening", "Öby-Norrby fiskevårdsförening"; a definite name
                # ("Norrbyförbundet") is whole without the place before it
                owner = _place_before(doc, i, ref_at)
            if owner < i and not any(k in covered or k in taken or k in in_person for k in range(owner, i)):
                span = Span(doc, owner, named, label="ORG")  # "Norra Norrdals Kommunalförbund"
                span._.confidence = 0.7
                out.append(span)
                covered.update(range(owner, named))
                continue
            if named > i + 1:  # "Samordningsförbundet Norrdal", "Regionförbundet i Kalmar län"
                span = Span(doc, i, named, label="ORG")
                span._.confidence = 0.7
                out.append(span)
                covered.update(range(i, named))
                continue
            # "kansliet" alone: the one office of the organisation whose minutes these are
            office = tok.lower_ in _office_nouns() and tok.lower_.endswith(grammar().definite_endings)
            if _described_unit(doc, i, start) and not any(k in covered or k in taken for k in (i - 1, i)):
                span = Span(doc, i - 1, i + 1, label="ORG")  # "psykiatriska kliniken": the clinic it names
                span._.confidence = 0.5
                out.append(span)
                covered.update((i - 1, i))
                continue
            if not (is_compound(words[i], noun) or office):
                continue
            if not tok.text[:1].isupper() and not noun.endswith(grammar().definite_endings):
                continue
            s = _first_part(doc, tok.i, ref_at)
            span = Span(doc, s, tok.i + 1, label="ORG")
            span._.confidence = 0.6 if tok.text[:1].isupper() else 0.5
            out.append(span)
            covered.update(range(s, tok.i + 1))
        companies = _companies(doc, covered | taken | in_person, start, ref_at)
        out = [s for s in out if not any(c.start <= s.start and s.end <= c.end for c in companies)] + companies
        held = covered | taken | in_person | {t.i for c in companies for t in c}
        out = [_with_office(doc, _with_adjective(doc, span, held, start)) for span in out]
        # a board's office is an organisation while the board stays a body: "Kommunstyrelsens kansli"
        out.extend(_offices(doc, {t.i for s in out for t in s} | in_person, start))
        return sorted(out, key=lambda span: span.start)

    # -- municipalities ---------------------------------------------------------------------------
    def _municipalities(
        self,
        doc: Doc,
        refs: list[Span],
        in_person: set[int],
        in_network: set[int],
        affiliations: list[Span],
        start: int,
    ) -> list[Span]:
        affiliated = {s.start for s in affiliations}
        out = []
        for ref in refs:
            if ref.label_ != "municipality" or ref.start < start or any(t.i in in_person for t in ref):
                continue
            if ref.start in in_network and ref.start not in affiliated:
                continue  # "Lokal nämnd Kungsbacka": part of another name
            if ref._.ambiguous and ref.start not in affiliated and not _among_places(doc, ref, refs):
                continue
            if _names_a_county(doc, ref.end) or _after_county(refs, ref):
                continue  # "i Kalmar och Gotlands län", "Region Jämtland Härjedalen": the county's name
            span = Span(doc, ref.start, ref.end, label="MUNICIPALITY")
            hit, ext = ref._, span._
            ext.ref, ext.confidence = hit.ref, 0.95 if not hit.ambiguous else 0.7
            out.append(span)
        return out


def _names_a_county(doc: Doc, k: int) -> bool:
    """A county word follows, past coordinated place names: "Kalmar, Kronobergs och Blekinge län"."""
    g = grammar()
    for _ in range(4):
        if k >= len(doc):
            return False
        if doc[k].lower_ in g.county_words:
            return True
        if doc[k].lower_ in ("och", ",", "samt") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 2
            continue
        return False
    return False


def _after_county(refs: list[Span], ref: Span) -> bool:
    """A county's name ends right before: the municipality is the second half of a region's name."""
    k = bisect.bisect_left(refs, ref.start, key=lambda r: r.start) - 1
    return k >= 0 and refs[k].label_ == "county" and refs[k].end == ref.start


def _affiliation_spans(doc: Doc) -> list[Span]:
    """People's affiliations as spans labelled by their kind."""
    out = []
    for rec in (doc._.people or {}).values():
        for where, kind in ((rec.affiliation_span, rec.affiliation_kind or "organization"), (rec.unit_span, "unit")):
            span = doc.char_span(*where, label=kind) if where is not None else None
            if span is not None:
                out.append(span)
    return out


def _left_modifiers(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    """'Regionala styrgruppen', 'GR:s styrgrupp', 'Lokal nämnd': capitalised words before the noun;
    'Sociala vård- och omsorgsgruppen': a coordinated first part and the adjective before it."""
    left = _modifiers_before(doc, i, ref_at)
    if left == i and _first_part(doc, i, ref_at) < i:
        first = _first_part(doc, i, ref_at)
        while True:
            if first >= 2 and doc[first - 1].text == "," and doc[first - 2].text.endswith("-"):
                first -= 2  # "Kultur-, fritids- och turismnämnden": a longer list of parts
            elif first >= 1 and doc[first - 1].text.endswith("-") and len(doc[first - 1].text) > 1:
                first -= 1  # ... written without the comma: "Kultur- fritids- och turismnämnden"
            else:
                break
        left = _modifiers_before(doc, first, ref_at)
    return left


@cache
def _one_word_labels() -> frozenset[str]:
    return frozenset(label for label in label_specs() if " " not in label)


def _first_part(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    """Where the compound at i starts with a first part coordinated with it: 'Barn- och
    utbildningsnämnden' (i - 2), 'barn-och utbildningsnämnden' written without the space (i - 1),
    or i."""
    if i >= 1 and doc[i - 1].lower_.endswith("-och") and doc[i - 1].text[:-4].isalpha():
        return i - 1
    return i - 2 if _coordinated_part_before(doc, i, ref_at) else i


def _coordinated_part_before(doc: Doc, i: int, ref_at: dict[int, Span]) -> bool:
    """'Barn- och utbildningsnämnden', 'Miljö och byggnadsnämnden': a first part coordinated with
    the compound at i belongs to its name; written without the hyphen, it is one capitalised noun
    that names nothing itself (no person, place, body or organisation) before a lower-case compound."""
    if i < 2 or doc[i - 1].lower_ not in ("och", "&"):
        return False
    first = doc[i - 2]
    if first.text.endswith("-"):
        return True
    return (
        doc[i].text.islower()
        and first.is_alpha
        and first.text[:1].isupper()
        and not first.text.isupper()
        and i - 2 not in ref_at
        and not is_given_name(first.text)
        and _body_noun(first.text) is None
        and org_head(first.text) is None
        and not (i > 2 and doc[i - 3].text[:1].isupper() and doc[i - 3].is_alpha and not _common(doc[i - 3]))
    )  # after another capitalised word, the first part is a surname: "Per Ek och socialnämnden"


def _common(tok: Token) -> bool:
    return tok.lower_ in common_words()


def _modifiers_before(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    left = i
    owner = _org_ending_at(doc, ref_at, i)
    if owner is not None and doc[i - 1].lower_.endswith("s"):
        return owner.start  # "Region Norrbys direktion": an organisation in the genitive owns the body
    if owner is not None and _opens_line(doc, owner.start):
        return owner.start  # "Region Norrby direktion" opening a line: the same, written without it
    while left > 0 and i - left < 2:
        prev = doc[left - 1]
        lower_adjective = (
            prev.text.islower() and prev.lower_.endswith(grammar().lower_adjective_endings) and len(prev.text) > 4
        )
        if (
            prev.is_space
            or prev.is_punct
            or not (prev.text[:1].isupper() or lower_adjective)
            or prev.is_sent_start
            and prev.lower_ in common_words()
            and not prev.lower_.endswith(grammar().lower_adjective_endings)  # "Lokala nämnden" opens it
        ):
            break
        if prev.lower_ in grammar().time_words:
            break  # "Nästa nätverksmöte", "Dagens valberedning": when, not which body
        if prev.lower_.endswith(("ades", "des", "tes")) and verb_like(prev):
            break  # "Redovisades styrelsens förslag": a passive verb opens the sentence, no owner
        if prev.text.isupper() and 2 <= len(prev.text) <= 5 and prev.is_alpha:
            if prev.lower_ in common_words():
                break  # "FRÅN STYRGRUPP X": a heading in capitals, the word is no acronym
            left -= 1  # "ABC Primärvårdsråd": an acronym naming the body's organisation
            break
        if is_given_name(prev.text) and left - 1 not in ref_at:
            break
        if prev.lower_.rstrip(":") in _one_word_labels():
            break  # "Instans Socialnämnden", "Föredragningslista Styrgruppen": a field's label
        if (
            prev.text.endswith(":s")
            or prev.lower_.endswith(grammar().genitive_or_adjective_endings)
            or (left - 1 in ref_at and ref_at[left - 1].label_ != "municipality")
        ):
            left -= 1
            continue
        if (
            left < i
            and doc[left].lower_.endswith("s")
            and doc[left].text[:1].isupper()
            and _name_word(prev)
            and _body_noun(prev.text) is None
        ):
            left -= 1  # "Sörby Hembygds styrelse": the owner's name goes on before its genitive
            continue
        break
    return left


@cache
def _matters_phrases() -> tuple[list[str], ...]:
    return tuple(phrase.split() for phrase in data("bodies.yaml")["matters_phrases"])


def _matters_phrase_end(doc: Doc, k: int) -> int | None:
    """The end of "i frågor om X" after a body noun at k - 1: the matters the body is for, a part of
    its name (its lower-case words, over one line break), or None."""
    for words in _matters_phrases():
        if tokens_of(doc).lower[k : k + len(words)] != words:
            continue
        j = k + len(words)
        if j < len(doc) and doc[j].is_space and doc[j].text.count("\n") == 1:
            j += 1
        end = _lower_run(doc, j)
        return end if end > j else None
    return None


def _opens_line(doc: Doc, k: int) -> bool:
    return k == 0 or doc[k - 1].is_space and "\n" in doc[k - 1].text


def _org_ending_at(doc: Doc, ref_at: dict[int, Span], end: int) -> Span | None:
    """The reference organisation whose name ends right before token `end`."""
    ends = doc.user_data.get("org_ends")
    if ends is None:
        ends = doc.user_data["org_ends"] = {s.end: s for s in ref_at.values() if s.label_ == "organization"}
    return ends.get(end)


def _right_extension(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    """'styrgruppen för social välfärd', 'Chefsnätverket i Norrdal', 'Regionrådet Norrdalen',
    'Samverkansgruppen Barn och Familj (SBF)', 'STYRGRUPP VÅRDKEDJOR<line break>NORRDAL'."""
    n = len(doc)
    caps = doc[i].text.isupper() and len(doc[i].text) > 1
    end = i + 1
    matter = _matters_phrase_end(doc, end)
    if matter is not None:
        return _acronym_after(doc, matter)  # "Rådet i frågor om kollektivtrafik"
    if end + 1 < n and doc[end].lower_ == "för" and doc[end + 1].lower_ not in heads().purposes:
        if _name_word(doc[end + 1], caps) or end + 1 in ref_at:
            first = end + 1
            end = _name_run(doc, first, ref_at, caps)  # "Styrelsen för Samordningsförbundet X"
            if end > first and end < n and _owner_noun_after(doc[end - 1], doc[end]):
                end += 1  # "Styrelsen för Norrdals läns luftvårdsförbund": a genitive needs the noun it owns
            # one word and lower-case ones after it: "Nämnden för Hälsa och vård", a purpose in sentence
            # case, or "styrelsen för Norrbyåns vattenvård", what a name in the genitive owns
            if (
                end == first + 1
                and first not in ref_at
                and end < n
                and (doc[end].lower_ == "och" or (not caps and doc[first].lower_.endswith("s")))
            ):
                end = max(end, _lower_run(doc, end))
            elif end == first + 1 and first not in ref_at:
                end = _list_rest(doc, end)  # "Nämnden för Kultur, fritid och idrott": a list in sentence case
        else:
            run = _title_case_run(doc, end + 1)
            if run > end + 1 and _ends_line(doc, run) and _heading_group(doc, i, caps):
                end = run  # a heading "Forum för Hållbar Tillväxt": the purpose in title case
            else:
                end = _purpose_end(doc, end + 1, ref_at)  # "styrgruppen för social välfärd"
    elif end < n and doc[end].is_alpha and doc[end].text.islower() and _heading_group(doc, i, caps):
        run = _lower_run(doc, end)
        if run > end and _ends_line(doc, run) and not any(t.lower_.endswith(_minutes_words()) for t in doc[end:run]):
            end = run  # a heading "Arbetsgrupp barn och unga": what the group is for, to the line's end
    if end + 1 < n and doc[end].lower_ in grammar().place_prepositions and end + 1 in ref_at:
        hit = ref_at[end + 1]
        if hit.label_ in ("county", "municipality") or hit._.ref_kind == "region":
            after = hit.end
            if after < n and doc[after].text[:1].isupper() and _body_head(doc[after]) is not None:
                after += 1  # "årsmöte i Norrby Kustgrupp": the place opens the name of the group meeting
            return _acronym_after(doc, after)
    if end < n and end in ref_at and ref_at[end].label_ in ("municipality", "county"):
        # "Lokal nämnd Kungsbacka"; not "... Norrby kommun", the municipality itself in the next column
        if ref_at[end][-1].lower_ not in grammar().municipality_words:
            end = ref_at[end].end
    elif end + 1 < n and doc[end].text.islower() and doc[end].lower_ in grammar().directions:
        if _name_word(doc[end + 1]) and not is_given_name(doc[end + 1].text):
            end = _name_run(doc, end + 1, ref_at, caps)  # "Hälso- och sjukvårdsnämnden östra Norrdal"
    elif caps and end < n and _name_word(doc[end], caps):
        end = _name_run(doc, end, ref_at, caps)  # a title in capitals: "STYRGRUPP VÅRDKEDJOR NORRDAL"
    elif doc[i].text[:1].isupper() and end < n and doc[end].text[:1].isupper():
        # "Samverkansgruppen Barn och Familj (SBF)": a name that an acronym after it confirms
        run = end
        while (
            run < n
            and run - end < 6
            and (doc[run].text[:1].isupper() and doc[run].is_alpha or doc[run].lower_ in ("och", "för", "i"))
            and not is_given_name(doc[run].text)  # "Kommunstyrelsen Anna Berg (KD)": a member, her party
        ):
            run += 1
        if _acronym_after(doc, run) > run:
            end = run
    return _acronym_after(doc, end)


@cache
def _meeting_intro() -> re.Pattern[str]:
    return re.compile(data("dates.yaml")["body"]["intro_before"], re.IGNORECASE)


def _heading_group(doc: Doc, i: int, caps: bool) -> bool:
    """The body noun at i, not in capitals nor a genitive, starts its line or follows only a meeting
    word on it ("Möte med X")."""
    if caps or doc[i].lower_.endswith("s"):
        return False
    text = text_of(doc)
    before = text[text.rfind("\n", 0, doc[i].idx) + 1 : doc[i].idx]
    return not before.strip() or _meeting_intro().search(before) is not None


def _ends_line(doc: Doc, k: int) -> bool:
    return k >= len(doc) or "\n" in doc[k].text


def branch_end(doc: Doc, ref: Span, ref_at: dict[int, Span]) -> int:
    """Where a local branch of a national organisation is named: name words or places after the
    name on its line ("Förbundet Norrby", "Förbundet Norrby AB"), never another organisation. A
    lower-case word right after them makes them a sentence's words, not a name ("... Frånvaro
    anmäld")."""
    k = ref.end
    while k < len(doc) and k - ref.end < 3:
        if k in ref_at:
            if ref_at[k].label_ == "organization":
                break
            k = ref_at[k].end
        elif _name_word(doc[k]) and len(doc[k]) >= 3 and not doc[k].is_sent_start:
            k += 1
        else:
            break
    words = tokens_of(doc).text
    # "Förbundet Berg Anna, ...": a person written surname first ends the branch's name
    k = next((j for j in range(ref.end, k) if surname_first(words, j) and not _name_follows(words, j + 2)), k)
    if k == ref.end or any(surname_like(t.text) for t in doc[ref.end + 1 : k + 1] if t.text[:1].isupper()):
        return ref.end  # "Förbundet Eva Ekberg": a person, not a branch
    if k < len(doc) and doc[k].text in lexicon()["company_forms"]:
        return k + 1
    if k < len(doc) and doc[k].is_alpha and doc[k].text.islower() and doc[k].lower_ != "i":
        return ref.end
    return k


def surname_first(words: list[str], j: int) -> bool:
    """A surname at j and a given name after it: a person written surname first ("Berg Anna")."""
    return j + 1 < len(words) and is_surname(words[j]) and is_given_name(words[j + 1])


def _name_follows(words: list[str], j: int) -> bool:
    return j < len(words) and person_word(words[j])


def is_surname(word: str) -> bool:
    """A name word that is no given name and no direction ("Öster" ends a district's name)."""
    return person_word(word) and not is_given_name(word) and fold(word) not in _directions()


@cache
def _directions() -> frozenset[str]:
    return frozenset(fold(d) for d in (*grammar().directions, *lexicon()["compass_words"]))


@lru_cache(maxsize=100_000)
def person_word(word: str) -> bool:
    """A word that may be part of a person's name: name-shaped, no title, heading no body or
    organisation ("Berg", not "Socialnämnden")."""
    return is_name_shape(word) and not is_title(word) and org_head(word) is None and body_head_of(word) is None


def _name_run(doc: Doc, k: int, ref_at: dict[int, Span], caps: bool) -> int:
    """The end of a run of name words (and places) from k; a title in capitals may go on over
    one line break."""
    n = len(doc)
    start = k
    while k < n and k - start < 6:
        tok = doc[k]
        if k in ref_at:
            k = ref_at[k].end
        elif _name_word(tok, caps):
            k += 1
        elif tok.lower_ in ("och", "i", "&") and k + 1 < n and (_name_word(doc[k + 1], caps) or k + 1 in ref_at):
            k += 1
        elif (
            caps
            and tok.is_space
            and tok.text.count("\n") == 1
            and k + 1 < n
            and doc[k + 1].text.isupper()
            and _name_word(doc[k + 1], caps)
        ):
            k += 1
        else:
            break
    while k > start and (doc[k - 1].lower_ in ("och", "i", "&") or doc[k - 1].is_space):
        k -= 1
    return k


def _owner_noun_after(genitive: Token, noun: Token) -> bool:
    """A name's last word in the genitive, then a lower-case body or organisation noun it owns."""
    return (
        genitive.text.endswith("s")
        and noun.is_alpha
        and noun.text.islower()
        and (body_head_of(noun.lower_) is not None or head_of(noun.lower_, heads().org) is not None)
    )


def _title_case_run(doc: Doc, k: int) -> int:
    """The end of a run of capitalised words from k ("Hållbar Tillväxt och Miljö")."""
    start = k
    while k < len(doc) and k - start < 6:
        tok = doc[k]
        if tok.is_alpha and tok.text[:1].isupper():
            k += 1
        elif tok.lower_ in ("och", "i") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 1
        else:
            break
    return k


def _purpose_end(doc: Doc, k: int, ref_at: dict[int, Span]) -> int:
    """The end of a lower-case purpose after 'för' (or k - 1): with the rest of a list of its
    words ('för miljö, hälsa och trafik') and a name that the purpose goes on to ('för
    delområdet Norra Norrdal')."""
    n = len(doc)
    end = _lower_run(doc, k)
    if end > k:
        end = _list_rest(doc, end)
    if end > k and end < n and doc[end - 1].text.islower() and not doc[end].is_sent_start:
        if end in ref_at and ref_at[end].label_ != "organization" or _name_word(doc[end]):
            end = _name_run(doc, end, ref_at, False)
    return end


def _list_rest(doc: Doc, end: int) -> int:
    """Past the rest of a list of a purpose's words after `end` (", hälsa och trafik"), if one follows."""
    n = len(doc)
    while end + 1 < n and doc[end].text == "," and doc[end + 1].text.islower():
        more = _lower_run(doc, end + 1)
        if more <= end + 1 or not (more < n and doc[more].text == "," or doc[more - 2].lower_ == "och"):
            break
        end = more  # another word of the list: it ends with "och" and its last word
    return end


def _lower_run(doc: Doc, k: int) -> int:
    """The end of a short lower-case description after 'för' ('för social välfärd')."""
    n = len(doc)
    start = k
    while k < n and k - start < 5:
        t = doc[k]
        if t.is_space or t.is_punct or t.lower_ in grammar().purpose_stops or t.text[:1].isupper():
            break
        if any(ch.isdigit() for ch in t.text) or verb_like(t):  # "nätverk för X bildades"
            break
        if t.lower_ in _period_nouns() and k + 1 < n and doc[k + 1].text[:1].isdigit():
            break  # "för X år 2019": when, not what for
        if t.lower_ == "och" and not (k + 1 < n and doc[k + 1].is_alpha):
            break
        k += 1
        if t.lower_.endswith(grammar().definite_endings) and org_head(t.text) and not _body_noun(t.text):
            break  # "direktionen för kommunalförbundet": a named owner ends the description
    while k > start and doc[k - 1].lower_ in ("och", "i", "för"):
        k -= 1
    return k if k > start else start - 1


def _acronym_bodies(doc: Doc, h: Heads, named: list[Span], in_person: set[int], ref_at: dict[int, Span]) -> list[Span]:
    """Abbreviations of bodies standing alone: the standard ones ("AU", "KPR") and any other that
    decides somewhere in the minutes ("ABC beslutar", "ABC ställer sig bakom"); not as the prefix
    of a file number ("KS 2019/12", "Dnr KS/2019") or a paragraph ("AU § 4"), not inside a name,
    not a party or an organisation of the reference data."""
    covered = {i for s in named for i in range(s.start, s.end)}
    words = tokens_of(doc).text
    text = text_of(doc)
    deciding = {
        word
        for i, word in enumerate(words)
        if grammar().acronym.match(word)
        and word not in parties()
        and i not in ref_at
        and _decides(text, doc[i].idx + len(word))
    }
    out = []
    for i, word in enumerate(words):
        if (word not in h.acronyms and word not in deciding) or i in covered or i in in_person:
            continue
        nxt = next((words[j] for j in range(i + 1, min(len(words), i + 3)) if words[j].strip()), "")
        prev = next((words[j] for j in range(i - 1, max(-1, i - 3), -1) if words[j].strip()), "")
        if nxt[:1].isdigit() or nxt[:1] in "/§:-" or prev.casefold().rstrip(":.") == "dnr":
            continue
        span = Span(doc, i, i + 1, label="NETWORK")
        span._.confidence = 0.6
        out.append(span)
    return out


@cache
def deciding() -> re.Pattern[str]:
    """What follows a body that decides in its own minutes ("beslutar", "noterar", "ställer")."""
    return re.compile(data("dates.yaml")["body"]["deciding"], re.IGNORECASE)


def _decides(text: str, pos: int) -> bool:
    """A decision verb right after pos ("beslutar", "noterar", "ställer sig bakom"); "har" alone
    says nothing of who decides."""
    m = deciding().match(text, pos)
    return m is not None and m.group().strip().casefold() != "har"


_HEADING_LINE = 80  # characters: a longer line is running text
_TITLE_CUT = re.compile(r"\s[-–]\s|:")


def _titled_works(doc: Doc, h: Heads, taken: set[int], start: int) -> list[Span]:
    """An agenda item or a heading line titled by a work noun and what it is about ("Utvärdering av
    X", "Strategi för Y - förslag"): the title, up to a dash or colon, names the work."""
    text = text_of(doc)
    titles = [item._.title for item in spans_of(doc, "item") if item._.title is not None]
    titles += [(s, e) for s, e in doc._.lines if e - s <= _HEADING_LINE and not text[s:e].rstrip().endswith(".")]
    out = []
    for ts, te in sorted(set(titles)):
        cut = _TITLE_CUT.search(text, ts, te)
        title = doc.char_span(ts, cut.start() if cut else te, alignment_mode="contract")
        if title is None or title.start < start or len(title) < 3 or len(title) > 12:
            continue
        first, prep = title[0], title[1]
        noun = project_head(first.text)
        if noun is None or not first.text[:1].isupper() or fold(first.text) in h.routine:
            continue
        if prep.lower_ not in grammar().work_prepositions or any(t.i in taken for t in title):
            continue
        span = Span(doc, title.start, title.end, label="PROJECT")
        span._.confidence = 0.5
        out.append(span)
    return out


@cache
def _investigation_heads() -> tuple[str, ...]:
    return tuple(data("bodies.yaml")["investigation_heads"])


def _definite_noun(noun: str, h: Heads) -> bool:
    """A work noun in its definite form ('avtalet', 'planen', 'strategin'), not 'plan'."""
    return noun.endswith(("en", "et")) or noun.endswith("n") and noun[:-1] in h.project


def _coordinated_work_start(doc: Doc, i: int, noun: str, h: Heads) -> int | None:
    """'Miljö- och klimatavtalet': a definite compound of a work noun whose first part is
    coordinated with another ('X- och Y...') is one named agreement, plan or programme; where the
    coordinated part starts, or None."""
    word = doc[i].text
    if noun not in h.titled_work | h.named_work or not word.islower() or not is_compound(word, noun):
        return None
    if not _definite_noun(noun, h):
        return None  # "ett miljö- och klimatavtal": an agreement of that kind, not a named one
    if i >= 1 and doc[i - 1].lower_.endswith("-och") and doc[i - 1].text[:1].isalpha():
        return i - 1  # "Miljö-och klimatavtalet"
    if i >= 2 and doc[i - 1].lower_ == "och" and doc[i - 2].text.endswith("-") and doc[i - 2].text[:1].isalpha():
        return i - 2
    return None


@cache
def _adjective_work_heads() -> tuple[str, ...]:
    return tuple(sorted(data("bodies.yaml")["adjective_work_heads"], key=len, reverse=True))


def _work_adjective(doc: Doc, k: int, taken: set[int]) -> bool:
    """The word at k is a capitalised adjective that may open a work's title ("Regional", "Gemensamt")."""
    if k < 0 or k in taken:
        return False
    tok = doc[k]
    return (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and tok.lower_.endswith(grammar().work_adjective_endings)
    )


def _adjective_titles(doc: Doc, h: Heads, taken: set[int], ref_at: dict[int, Span], start: int) -> list[Span]:
    """'Regionalt tillväxtprogram', 'Gemensam strategi för pendling': a capitalised adjective
    before a lower-case work noun (a plan, a programme, a strategy, a model, an inquiry) titles the
    work, with the subject after it ('för X') to a stop."""
    t = tokens_of(doc)
    works = h.titled_work | h.named_work | frozenset(_adjective_work_heads())
    places = frozenset(k for k, ref in ref_at.items() if ref.label_ in ("municipality", "county"))
    out = []
    for i in range(max(start, 2), len(doc) - 1):
        if not t.text[i].islower() or not (t.text[i - 1][:1].isupper() or t.text[i - 2][:1].isupper()):
            continue  # a lower-case noun after a capitalised adjective, or two words after one
        noun = project_head(t.text[i]) or head_of(t.text[i], _adjective_work_heads())
        if noun is None or noun not in works or i in taken or i - 1 in taken:
            continue
        first = i - 1
        if _lower_adjective(doc[first]) and first - 1 not in taken:
            first -= 1  # "Regional fysisk plan": a second adjective in lower case
        if not _work_adjective(doc, first, taken) or fold(t.text[i]) in h.routine:
            continue
        end = i + 1
        if end + 1 < len(doc) and t.lower[end] in grammar().work_prepositions:
            k = end + 1
            while k < len(doc) and k - end < 8 and k not in taken and not _subject_stop(doc, k, places):
                k += 1
            while k > end + 1 and doc[k - 1].lower_ in grammar().purpose_stops | grammar().connectors:
                k -= 1
            end = k if k > end + 1 else end
        span = Span(doc, first, end, label="PROJECT")
        span._.confidence = 0.5
        out.append(span)
        taken = taken | set(range(first, end))
    return out


@cache
def _described_unit_heads() -> frozenset[str]:
    return frozenset(data("bodies.yaml")["described_unit_heads"])


def _described_unit(doc: Doc, i: int, start: int) -> bool:
    """A unit noun in the definite form after a lower-case adjective of a field ('psykiatriska
    kliniken', 'ortopedtekniska avdelningen'): a named unit, as 'Psykiatrikliniken' would be."""
    tok = doc[i]
    if i <= start or not tok.text.islower() or tok.lower_ not in _described_unit_heads():
        return False
    prev = doc[i - 1]
    return prev.is_alpha and prev.text.islower() and prev.lower_.endswith(grammar().lower_adjective_endings)


def _lower_adjective(tok: Token) -> bool:
    return tok.is_alpha and tok.text.islower() and tok.lower_.endswith(grammar().work_adjective_endings)


def _investigations(doc: Doc, taken: set[int], start: int) -> list[Span]:
    """'förstudien kring ett gemensamt avtal', 'en översyn av organisationen': an investigation
    noun (or a compound of one), a preposition of its subject and the subject, to a stop; an
    agreement may name its parties first ('överenskommelsen mellan Norrby kommun och Region Norrdal om X')."""
    t = tokens_of(doc)
    out = []
    for i in range(start, len(doc) - 2):
        low = t.lower[i]
        if not low.endswith(_investigation_heads()) or i in taken:
            continue
        if t.lower[i + 1] in grammar().party_prepositions:
            prep = _parties_end(doc, i + 2)
        else:
            prep = i + 1 if t.lower[i + 1] in grammar().work_prepositions else None
        if prep is None:
            continue
        end = prep + 1
        while end < len(doc) and end - prep < 8 and end not in taken and not _subject_stop(doc, end):
            end += 1
        trailing = grammar().purpose_stops | grammar().connectors
        while end > prep + 1 and doc[end - 1].lower_ in trailing:
            end -= 1
        if end > prep + 1:
            out.append(Span(doc, i, end, label="PROJECT"))
            out[-1]._.confidence = 0.5
            taken = taken | set(range(i, end))
    return out


def _parties_end(doc: Doc, k: int) -> int | None:
    """Where the parties of an agreement ('mellan Norrby kommun och Region Norrdal') end at
    the preposition of its subject ('om', 'inom'); None when a stop comes first."""
    g = grammar()
    for j in range(k + 1, min(len(doc), k + 9)):
        low = doc[j].lower_
        if low in g.work_prepositions or low in g.place_prepositions and low != "i":
            return j
        if doc[j].is_space or doc[j].is_punct or low in g.finite_verbs or verb_like(doc[j]):
            return None
    return None


def _subject_stop(doc: Doc, k: int, places: frozenset[int] = frozenset()) -> bool:
    """The subject of a work ends at punctuation, a line break, a clause word or a verb; a capital
    opens the next heading unless it is one of the `places` named ("för Norrdalen")."""
    tok = doc[k]
    low = tok.lower_
    if tok.text == "-" and not doc[k - 1].whitespace_:
        return False  # "hälso- och sjukvård": a word's part in a coordination
    return (
        _ends_a_name(tok)
        or low in grammar().clause_words
        or low in grammar().question_words  # "översyn av hur ...": a question, not a name
        or verb_like(tok)
        # where an agenda has lost its lines the next heading starts with a capital ("... Information")
        or (tok.text[:1].isupper() and not low.endswith("s") and doc[k - 1].text.islower() and k not in places)
    )


@cache
def _inquiry_pattern() -> re.Pattern[str]:
    return re.compile(data("bodies.yaml")["inquiry_reference"])


def _inquiries(doc: Doc, taken: set[int], start: int) -> list[Span]:
    """A government inquiry by its series number ("SOU 2020:12", "Ds 2019:3") is a named
    investigation the minutes work on (a remiss, a report)."""
    out = []
    for m in _inquiry_pattern().finditer(text_of(doc), doc[start].idx if start < len(doc) else len(text_of(doc))):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand", label="PROJECT")
        if span is None or any(t.i in taken for t in span):
            continue
        span._.confidence = 0.7
        out.append(span)
    return out


@cache
def _quoted_pattern() -> re.Pattern[str]:
    return re.compile(data("bodies.yaml")["quoted_name"])


@cache
def _document_nouns() -> tuple[str, ...]:
    return tuple(data("bodies.yaml")["quoted_document_nouns"])


def _quoted_names(doc: Doc, taken: set[int], start: int) -> list[Span]:
    """A capitalised name in quotation marks ("arbetet med ”Trygga Norrby”"): a work the
    minutes name by its title, unless the noun before it says it is a document's title ("motionen
    ”X”", "lagen om ”X”", and a second title coordinated with one) or a body's or an organisation's
    name ("samverkansgruppen ”X”"), or it names a body or person already read."""
    text = text_of(doc)
    out = []
    titled_until = -1  # where the last quotation named by a document or body noun ended
    for m in _quoted_pattern().finditer(text, doc[start].idx if start < len(doc) else len(text)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract", label="PROJECT")
        if span is None or not span.text.strip() or any(t.i in taken for t in span):
            continue
        while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
            span = span[:-1]  # "”Trygg hela vägen…”": the title without its closing punctuation
        k = span.start - 2  # the word before the opening quotation mark
        if k >= 0 and doc[k].lower_ in grammar().question_prepositions:
            k -= 1  # "lagen om ”X”"
        joined = k >= 0 and k - 1 <= titled_until and doc[k].lower_ in ("och", ",")
        if joined or (k >= 0 and _names_its_quotation(doc[k].text)) or any(org_head(t.text) for t in span):
            titled_until = span.end
            continue
        named = Span(doc, span.start, span.end, label="PROJECT")
        named._.confidence = 0.6
        out.append(named)
    return out


def _names_its_quotation(word: str) -> bool:
    """A document, body or organisation noun whose name or title a quotation after it gives."""
    return fold(word).endswith(_document_nouns()) or _body_noun(word) is not None or org_head(word) is not None


def institution_noun_at(doc: Doc, k: int) -> bool:
    """The word at k is a lower-case noun that names an institution after its town ("Norrby
    tingsrätt", "Norrby lasarett")."""
    if k >= len(doc) or not (doc[k].text.islower() or doc[k].text.istitle()):
        return False  # "Norrby Tingsrätt" in title case too, not a heading in capitals
    return fold(doc[k].text) in heads().place_named


def _place_named(doc: Doc, ref_at: dict[int, Span], taken: set[int], start: int) -> list[Span]:
    """An institution named by its town and a lower-case noun: "Norrby tingsrätt", "Norrby lasarett"."""
    out = []
    for i in range(max(start, 1), len(doc)):
        place = ref_at.get(i - 1)
        if place is None or place.label_ not in ("municipality", "county") or not institution_noun_at(doc, i):
            continue
        if any(k in taken for k in range(place.start, i + 1)):
            continue
        span = Span(doc, place.start, i + 1, label="ORG")
        span._.confidence = 0.7
        out.append(span)
    return out


@cache
def _owned_heads() -> tuple[str, ...]:
    return tuple(data("bodies.yaml")["owned_org_heads"])


@cache
def union_heads() -> frozenset[str]:
    return frozenset(data("bodies.yaml")["union_heads"])


@cache
def _office_nouns() -> frozenset[str]:
    return frozenset(data("bodies.yaml")["office_nouns"])


def is_office(span: Span) -> bool:
    """'Landstingets kansli': an office, which writes minutes but never meets as a body."""
    return len(span) > 1 and span[-1].lower_ in _office_nouns()


def _owns_office(doc: Doc, k: int) -> bool:
    """A capitalised genitive at k right before an office noun ('Landstingets kansli')."""
    tok = doc[k]
    return (
        k + 1 < len(doc)
        and doc[k + 1].lower_ in _office_nouns()
        and tok.is_alpha
        and tok.text[:1].isupper()
        and tok.lower_.endswith("s")
        and not tok.lower_.endswith("ss")
    )


def _with_office(doc: Doc, span: Span) -> Span:
    """'Landstingets' before 'kansli': the organisation named is its office."""
    if not _owns_office(doc, span.end - 1):
        return span
    office = Span(doc, span.start, span.end + 1, label="ORG")
    office._.confidence = span._.confidence  # the office, not the region or union itself
    return office


def _offices(doc: Doc, taken: set[int], start: int) -> list[Span]:
    """'Kommunstyrelsens kansli', 'Norrbyregionens kansli': an office by its owner's name."""
    out = []
    lower, offices = tokens_of(doc).lower, _office_nouns()
    for k in range(start, len(doc) - 1):
        if lower[k + 1] not in offices:
            continue  # on the strings first: few words stand before an office noun (_owns_office asks it too)
        if k in taken or k + 1 in taken or not _owns_office(doc, k) or is_given_name(doc[k].text[:-1]):
            continue
        span = Span(doc, k, k + 2, label="ORG")
        span._.confidence = 0.6
        out.append(span)
    return out


def _owns_unit(doc: Doc, k: int) -> bool:
    """The word at k is a capitalised compound of an organisation noun, not in the genitive."""
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return False
    noun = org_head(doc[k].text)
    return noun is not None and fold(doc[k].text).endswith(noun) and is_compound(doc[k].text, noun)


@lru_cache(maxsize=100_000)
def service_head(word: str) -> str | None:
    """'Missbruksomsorgen', 'Färdtjänsten': a capitalised compound of a service noun names the service
    as an organisation (in lower case it is the activity); the noun, else None."""
    if not word[:1].isupper() or word.isupper():
        return None
    noun = head_of(word, _service_nouns())
    return noun if noun is not None and is_compound(word, noun) and fold(word).endswith(noun) else None


@cache
def _service_nouns() -> tuple[str, ...]:
    return tuple(sorted(data("bodies.yaml")["service_heads"], key=len, reverse=True))


@cache
def _period_nouns() -> frozenset[str]:
    return frozenset(data("bodies.yaml")["period_nouns"])


@cache
def _area_nouns() -> frozenset[str]:
    return frozenset(data("bodies.yaml")["area_org_heads"])


def _hyphenated(word: str) -> bool:
    """'GIS-enheten', 'Hörsel-syncentrum': letters joined by hyphens into one word."""
    parts = word.split("-")
    return len(parts) > 1 and all(p.isalpha() for p in parts)


def _with_adjective(doc: Doc, span: Span, taken: set[int], start: int) -> Span:
    """'Regionala färdtjänstmyndigheten', 'Nordvästra sjukvårdsregionen': a capitalised adjective
    right before an organisation's name opens that name, and so does a first part coordinated with
    its compound ('musik- och kulturenheten')."""
    if span._.ref is not None:
        return span
    first = _first_part(doc, span.start, {})
    if start <= first < span.start and not any(j in taken for j in range(first, span.start)):
        span = _widened(span, first)  # "musik- och kulturenheten" read as a person's unit
    k = span.start - 1
    if k < start or k in taken:
        return span
    prev = doc[k]
    low = prev.lower_
    if not (prev.is_alpha and prev.text[:1].isupper() and low.endswith("a") and len(low) > 3):
        return span
    common = low in common_words() and not low.endswith(grammar().lower_adjective_endings)  # "Övriga", not "Regionala"
    if common or low in grammar().time_words or is_given_name(prev.text):
        return span
    return _widened(span, k)


def _widened(span: Span, start: int) -> Span:
    wider = Span(span.doc, start, span.end, label=span.label_)
    wider._.ref_kind, wider._.confidence = span._.ref_kind, span._.confidence
    return wider


def _companies(doc: Doc, taken: set[int], start: int, ref_at: dict[int, Span]) -> list[Span]:
    """A company by its legal form: capitalised words before 'AB' ('Norrby Glas & Bygg AB'); a
    reference organisation right before it, or before a place, names its regional company ('Almi
    Företagspartner Norrbotten AB'), which the company's span takes in."""
    words = tokens_of(doc).text
    forms = set(lexicon()["company_forms"])
    out = []
    for i in range(max(start, 1), len(words)):
        if words[i] not in forms or i in taken:
            continue
        k, own_words, owner = i, False, None
        while k > start and not doc[k - 1].is_space:
            hit = ref_at.get(k - 1)
            if hit is not None and hit.start >= start and "\n" not in hit.text:
                if hit.label_ == "organization" and own_words:
                    break  # "Region Norrby Glas AB": the company's own name ends at another organisation
                owner = hit if hit.end == i else None
                k = hit.start
                if hit.label_ == "organization":
                    break  # the owner's name opens its regional company's
                continue  # "... Norrbottens län AB": a place in the name
            own_words = True
            if k - 1 in taken or i - k >= 5:
                break
            prev = doc[k - 1]
            if not (prev.text in ("&", "-") or prev.text[:1].isupper() and prev.text[:1].isalpha()):
                break
            if is_given_name(prev.text) and k - 1 > start and doc[k - 2].text[:1].isupper():
                break  # "... Anna Berg Norrby AB" is a person before the company
            k -= 1
        while k < i and doc[k].text in ("&", "-"):
            k += 1
        if k < i and label_at(doc).get(k) is None:
            span = Span(doc, k, i + 1, label="ORG")
            if owner is not None and owner.label_ == "organization":
                span._.ref, span._.ref_kind = owner._.ref, owner._.ref_kind  # "Almi AB" is Almi itself
            span._.confidence = 0.7
            out.append(span)
            taken = taken | set(range(k, i + 1))
    return out


def _years_after(doc: Doc, i: int) -> int:
    """Where a year or a period of years right at i ends ("2010", "2021-2029"), else i."""
    year = grammar().bare_year

    def period(k: int) -> bool:
        parts = doc[k].text.replace("–", "-").split("-") if k < len(doc) else []
        return 1 <= len(parts) <= 2 and all(year.fullmatch(p) for p in parts)

    def period_start(text: str) -> bool:
        return year.fullmatch(text) is not None

    if i < len(doc) and doc[i].text[-1:] in ("-", "–") and period_start(doc[i].text[:-1]) and period(i + 1):
        return i + 2  # "2020- 2024": the dash written before a space
    if not period(i):
        return i
    if i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and period(i + 2):
        return i + 3
    return i + 1


def _acronym_after(doc: Doc, end: int) -> int:
    """'... (SBF)': an acronym in parentheses after a name belongs to it."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        if grammar().acronym.match(doc[end + 1].text):
            return end + 3
    return end


@cache
def _organ_nouns() -> tuple[str, ...]:
    return tuple(sorted(data("bodies.yaml")["organ_nouns"], key=len, reverse=True))


def _organ_owners(doc: Doc, networks: list[Span], held: set[int], ref_at: dict[int, Span]) -> list[Span]:
    """The organisation a governing organ belongs to, named with it: "Styrelsen för Norrdals
    förening" (after 'för' or 'i') or "Sörby Leaders direktion" (a genitive before it; labelled
    OWNER, its name loses the -s). Not an owner that is itself a body ("Kommunstyrelsens
    arbetsutskott"), a place alone ("Norrdalens styrelse"), one word in the definite form
    ("Förbundets styrelse": whichever the minutes speak of), an acronym alone (a body's as often as an
    organisation's) or lower case."""
    out: list[Span] = []
    for net in networks:
        words = [t for t in net if not t.is_space]
        if len(words) >= 3 and words[1].lower_ in ("för", "i") and head_of(words[0].text, _organ_nouns()):
            owner, label = doc[words[2].i : net.end], "ORG"
        elif len(words) >= 2 and words[-1].text.islower() and head_of(words[-1].text, _organ_nouns()):
            owner, label = doc[words[0].i : words[-1].i], "OWNER"
            last = owner[-1].text
            if not (last.endswith("s") and not last.endswith("ss")):
                continue
        else:
            continue
        first = owner[0]
        if not first.text[:1].isupper() or any(t.i in held for t in owner):
            continue
        if body_head_of(owner[-1].text) is not None:
            continue
        if all(t.i in ref_at and ref_at[t.i].label_ in ("municipality", "county") for t in owner):
            continue
        if len(owner) == 1 and (
            fold(first.text).removesuffix("s").endswith(grammar().definite_endings) or _acronym_like(first.text)
        ):
            continue
        span = Span(doc, owner.start, owner.end, label=label)
        span._.confidence = 0.6
        out.append(span)
        held.update(range(owner.start, owner.end))
    return out


def _acronym_like(word: str) -> bool:
    """'ABC', 'AbCd:s': a capital after the first letter."""
    return any(c.isupper() for c in word[1:])


def _place_genitive_before(doc: Doc, i: int, ref_at: dict[int, Span], at_start: bool = False) -> int:
    """Where a place in the genitive before an organisation noun starts ('Norra Norrdals
    Räddningstjänstförbund'): a capitalised word ending in -s, after a direction word or not; at
    a sentence's start only when at_start says so: before a union of members ('Norrdals
    kommunalförbund ska ...') or a lower-case noun the genitive names ('Ekbackens förening')."""
    k = i - 1
    if k < 0 or not (doc[k].is_alpha and doc[k].text[:1].isupper() and doc[k].lower_.endswith("s")):
        return i
    opens = doc[k].is_sent_start and not at_start
    if opens or is_given_name(doc[k].text[:-1]) or fold(doc[k].text[:-1]) in common_words():
        return i
    if k in label_at(doc):
        return i  # "Plats Kommunens hus": a field label
    if k in ref_at and ref_at[k].label_ == "organization":
        return i  # "Regionens förvaltning": the organisation is named already
    start = k
    if k > 0 and doc[k - 1].lower_ in grammar().directions and doc[k - 1].text[:1].isupper():
        start = k - 1
    return start


def _place_before(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    """Where a place right before an organisation noun on its line starts, the place naming the
    organisation without a genitive ("Norrby Hembygdsförening"): a municipality or county, or a
    place name of parts joined by a hyphen ("Öby-Norrby"); else i."""
    k = i - 1
    if k < 0 or doc[k].is_space or k in label_at(doc):
        return i
    hit = ref_at.get(k)
    if hit is not None and hit.end == i and hit.label_ in ("municipality", "county"):
        return hit.start
    word = doc[k].text
    parts = word.split("-")
    if _hyphenated(word) and all(p[:1].isupper() and not is_given_name(p) for p in parts):
        return k  # not "Anna-Karin", a given name
    return i


def _org_name_end(doc: Doc, i: int, ref_at: dict[int, Span]) -> int:
    """Where the name of an organisation headed by the word at i ends: a name or a place after
    it ('Kommunförbundet Norrbotten'), or 'i' and a place ('Regionförbundet i Kalmar län')."""
    k = i + 1
    if k + 1 < len(doc) and doc[k].lower_ == "i" and k + 1 in ref_at and ref_at[k + 1].label_ != "organization":
        return ref_at[k + 1].end
    if k + 1 < len(doc) and doc[k].lower_ in grammar().directions and _name_word(doc[k + 1]):
        # "Regionförbundet södra Småland"
        return _before_next_org(doc, k + 1, _name_run(doc, k + 1, ref_at, False), ref_at)
    if k < len(doc) and (k in ref_at and ref_at[k].label_ != "organization" or _name_word(doc[k])):
        return _before_next_org(doc, k, _name_run(doc, k, ref_at, False), ref_at)
    return k


def _before_next_org(doc: Doc, k: int, end: int, ref_at: dict[int, Span]) -> int:
    """The name after an organisation noun ends where another organisation or body starts (a list
    or a table row written without commas: "Planeringsenheten Norrby Ekonomiavdelningen") or an
    address does ("Norrbyförbundet Kvarngatan 3")."""
    for j in range(k, end):
        word = doc[j].text
        other = ref_at[j].label_ == "organization" if j in ref_at else org_head(word) or _body_noun(word)
        if other or (j not in ref_at and is_street(word)):
            return j
    return end


def _name_word(tok: Token, caps: bool = False) -> bool:
    """A capitalised word that can continue a body's name ('Regionalt skärgårdsråd Stockholm'):
    not a heading in capitals (unless the name is in capitals too), a label, a date word, a
    meeting word or a given name."""
    t = tok.text
    if tok.is_space or not (t[:1].isupper() and tok.is_alpha) or (t.isupper() and len(t) > 3 and not caps):
        return False
    if is_given_name(t) or tok.lemma_ != tok.lower_:
        return False  # a given name starts a person; an inflected verb of the cues ("BESLUTAR") a clause
    low = fold(t)
    if low in common_words() or low in _meeting_words() or low in months():
        return False
    return tok.i not in label_at(tok.doc)  # "NÄMNDEN Platsochtid": a field's label ends the name


@cache
def _minutes_words() -> tuple[str, ...]:
    return tuple(sorted(data("bodies.yaml")["minutes_words"], key=len, reverse=True))


def org_name(text: str, genitive: bool = False) -> str:
    """How an organisation phrase is named: whitespace folded, a genitive taken off
    ('Landstingets' -> 'Landstinget', 'Norrby Kommunalförbunds' -> 'Norrby Kommunalförbund'; any
    name with `genitive`: 'Sörby Leaders' -> 'Sörby Leader')."""
    name = " ".join(text.split()).strip(" .,:;-–")
    if name.endswith(":s"):
        return name[:-2]
    return name[:-1] if genitive and name.endswith("s") else _without_genitive(name, heads().org)


def network_name(text: str) -> str:
    """How a body phrase is named: whitespace folded, a genitive or a minutes word taken off
    ('Direktionsprotokoll' -> 'Direktion')."""
    name = " ".join(text.split()).strip(" .,:;-–")
    name = name[:-2] if name.endswith(":s") else name
    head, _, last = name.rpartition(" ")
    stem = _meeting_stem(last)
    if stem is not None:
        name = f"{head} {stem}" if head else stem  # "FoU:s styrgruppsmöte" -> "FoU:s styrgrupp"
    return _definite(_without_genitive(name, heads().body))


def _without_genitive(name: str, nouns: tuple[str, ...]) -> str:
    """'Landstingsstyrelsens' -> 'Landstingsstyrelsen': a body or organisation (headed by one of
    `nouns`) named in the genitive (the text went on to what it owns) is named in the base form."""
    head, _, last = name.rpartition(" ")
    if not last.endswith("s") or last.endswith("ss"):
        return name
    noun = head_of(last[:-1], nouns)
    if noun is None or noun.endswith("s") or not fold(last[:-1]).endswith(noun):
        return name
    return f"{head} {last[:-1]}" if head else last[:-1]


def _definite(name: str) -> str:
    """'Styrelse' (from 'Styrelsemöte') -> 'Styrelsen': a body named by a bare noun is the definite
    form, as minutes refer to their own board. The ending comes from the definite form in the data."""
    if " " in name:
        return name
    low = fold(name)
    noun = next((n for n in heads().body if low.endswith(n)), None)
    if noun is None or noun not in heads().generic:
        return name
    for ending in ("en", "n", "et"):
        if noun + ending in heads().body and noun + ending not in heads().plural_body:  # "nätverket", not "-en"
            return name + (ending.upper() if name.isupper() else ending)
    return name


def _meeting_stem(word: str) -> str | None:
    """'Direktionsprotokoll' -> 'Direktion', 'Styrgruppsmöte' -> 'Styrgrupp': the body in a word
    for its meeting or its minutes."""
    low = word.casefold()
    if body_head_of(low) == low:
        return None  # "Förbundsmötet", "Chefsmötet": the meeting is the body itself
    acronym = acronym_meeting(word)
    if acronym is not None:
        return acronym
    for suffix in _minutes_words():
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = word[: len(word) - len(suffix)]
            return stem[:-1] if stem.endswith("s") and body_head_of(stem[:-1]) else stem
    return None


def acronym_meeting(word: str) -> str | None:
    """'AU-möte' -> 'AU': an acronym joined to a word for its meeting or its minutes."""
    head, dash, rest = word.partition("-")
    return head if dash and _ACRONYM.fullmatch(head) and rest.casefold() in _minutes_words() else None


_ACRONYM = re.compile(r"[A-ZÅÄÖ]{2,5}")
_PROJECT_NOUNS = ("projekt", "projektet")  # the word itself: the name after it is a project's


@cache
def _meeting_words() -> frozenset[str]:
    return frozenset(data("dates.yaml")["meeting_words"]) | frozenset(
        w.casefold() for words in data("labels.yaml")["fields"].values() for w in words if " " not in w
    )


def _name_after(
    doc: Doc, k: int, ref_at: dict[int, Span], in_person: set[int], after_label: bool = False
) -> tuple[int, int] | None:
    """A name right after a project noun (or after its colon: `after_label`): capitalised words,
    or words in quotation marks."""
    n = len(doc)
    if k >= n:
        return None
    if doc[k].text in ('"', "”", "“", "'", "»", "«"):
        close = next((j for j in range(k + 1, min(n, k + 12)) if doc[j].text in ('"', "”", "“", "'", "»", "«")), None)
        if close is not None and close > k + 1:
            return k + 1, close
        return None
    if not doc[k].text[:1].isupper() or doc[k].is_space or k in in_person or k in ref_at:
        return None
    # after "projekt" itself a capitalised word mid-sentence is a name even when it is also a word
    # ("projektet Unga i rörelse"); after other nouns ("planen Samverkan ...") it may start a heading
    named_by_noun = after_label or (
        k > 0 and (doc[k - 1].lower_ in _PROJECT_NOUNS or doc[k - 1].lower_ in _investigation_heads())
    )
    if doc[k].is_sent_start or (fold(doc[k].text) in common_words() and not named_by_noun):
        return None
    if grammar().acronym.match(doc[k].text):
        return k, k + 1  # "metoden LUMO": the acronym is the name
    # a title in sentence case goes on after a linking word or a lower-case word, to the next
    # punctuation: "Stabilitet som kompetensstrategi", "Låna ut böcker"; otherwise the name is its
    # capitalised words ("Vägvisaren fortsätter")
    e = k + 1
    # ... but a word ending like a finite verb is the name's own verb ("Vägvisaren fortsätter")
    sentence_case = (
        e < n
        and doc[e].is_alpha
        and doc[e].text.islower()
        and doc[e].lower_ not in grammar().finite_verbs
        and (after_label or not doc[e].lower_.endswith(("r", "de", "te")))
    )
    if e < n and (doc[e].lower_ in grammar().title_links or sentence_case):
        while e < n and e - k < 8 and e not in in_person and not _title_stop(doc, e, ref_at):
            if doc[e].lemma_ in grammar().presenter_lemmas:
                break  # "Kultur för alla Föredras av ...": who presents it follows
            e += 1
    else:
        while e < n and e - k < 5 and doc[e].text[:1].isupper() and doc[e].is_alpha and e not in in_person:
            if doc[e].lemma_ in grammar().presenter_lemmas:
                break  # "Projektet Norrbyleden Föredras av ...": who presents it follows
            e += 1
    while e > k + 1 and (doc[e - 1].lower_ in grammar().purpose_stops or doc[e - 1].lower_ in ("och", "i", "för")):
        e -= 1
    return k, e


def _title_stop(doc: Doc, i: int, ref_at: dict[int, Span]) -> bool:
    """A title in sentence case ends at punctuation, a line break, its verb ("X har pågått"), a
    number that is not a year (the next item's number where the agenda has lost its lines) or the
    next heading."""
    return _ends_a_name(doc[i]) or (not doc[i].text.isdigit() and _next_heading(doc, i, ref_at))


def _ends_a_name(tok: Token) -> bool:
    """Where a name written in running text ends: punctuation, a line break, a finite verb, or a
    number that is not a year (the next item's number where an agenda has lost its lines)."""
    if tok.text.isdigit():
        return not grammar().bare_year.fullmatch(tok.text)
    return tok.is_space or tok.is_punct or tok.lower_ in grammar().finite_verbs


def _next_heading(doc: Doc, i: int, ref_at: dict[int, Span]) -> bool:
    """Inside a title in sentence case, a capitalised word that is no known name and is followed
    by a lower-case word opens the next heading ("... på Norrby Aktuell information")."""
    tok = doc[i]
    if not tok.text[:1].isupper() or i in ref_at or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return nxt.is_alpha and nxt.text.islower() and nxt.lower_ not in grammar().title_links


def _parenthesised(doc: Doc, span: Span) -> bool:
    return span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


def _among_places(doc: Doc, ref: Span, refs: list[Span]) -> bool:
    """An ambiguous place name counts when it is 'X kommun' or stands in a list of places."""
    if ref.end < len(doc) and doc[ref.end].lower_ in grammar().municipality_words:
        return True
    k = bisect.bisect_left(refs, ref.start - 4, key=lambda r: r.start)
    while k < len(refs) and refs[k].start <= ref.start + 4:
        if refs[k].start != ref.start and refs[k].label_ == "municipality":
            return True
        k += 1
    return False


@Language.factory("samkarta_entities")
def make_entities(nlp: Language, name: str) -> Entities:  # noqa: ARG001
    return Entities()
