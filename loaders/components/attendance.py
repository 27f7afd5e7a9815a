"""samkarta_attendance: each person's roles and affiliation.

Inside an attendance list the label gives the roles ("Frånvarande" -> absent) and the rest of the
entry gives party, inline roles ("ordf.") and the affiliation: the first place or organisation of
the reference data, else a capitalised organisation name or a unit word ("socialförvaltningen").
Outside lists, an apposition ("X från Region Y", "X (IVO)") gives the affiliation, the sentence's
verb gives presenters ("X informerar") and chairs ("Mötet öppnades av X"). Anyone left without a
role was only mentioned.
"""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from samkarta.loaders.components.elected import read_elected
from samkarta.loaders.components.entities import (
    body_head_of,
    institution_noun_at,
    org_head,
    org_name,
    service_head,
)
from samkarta.loaders.components.genitive import plain_base
from samkarta.loaders.components.layout import label_specs, structure
from samkarta.loaders.components.people import PersonRecord, adjective_of_title
from samkarta.loaders.components.tables import (
    past_others,
    read_body_headings,
    read_co_signers,
    read_line_columns,
    read_member_bodies,
    read_presence_marks,
    read_signature_fields,
    read_signatures,
    read_slashed,
    read_tables,
    read_title_column,
    share_coordinated,
)
from samkarta.loaders.components.util import (
    label_at,
    sentences,
    spans_of,
    text_of,
    token_after,
    token_at,
    tokens_of,
    tokens_text,
    verb_like,
)
from samkarta.loaders.words import (
    common_words,
    data,
    fold,
    grammar,
    is_definite_title,
    is_given_name,
    is_name_shape,
    is_street,
    is_title,
    lexicon,
    parties,
    surname_like,
)
from samkarta.reference import load_reference

_MAX_TAIL = 14  # tokens of an entry read after a name
_FINITE = ("ar", "er", "ade", "de", "te")  # present and past; a participle reports, not speaks
_MAX_JOINED = 4  # people joined as the subject of one verb; a longer run of names is a list


@cache
def cues() -> dict[str, Any]:
    spec = data("attendance.yaml")
    lex = lexicon()
    inline = {}
    for role, words in lex["inline_roles"].items():
        for w in words:
            inline[w.casefold().rstrip(".")] = role
    return {
        "presenter": frozenset(spec["presenter_lemmas"]),
        "attend": frozenset(spec["attend_lemmas"]),
        "presenter_particles": {k: frozenset(v) for k, v in spec["presenter_particle_lemmas"].items()},
        "speaker": frozenset(spec["speaker_lemmas"]),
        "presenter_nouns": frozenset(spec["presenter_nouns"]),
        "chair": frozenset(spec["chair_lemmas"]),
        "chair_objects": frozenset(spec["chair_objects"]),
        "replacement": frozenset(w.rstrip(".") for w in spec["replacement_words"]),
        "replacing_verbs": frozenset(spec["replacing_verbs"]),
        "prepositions": frozenset(spec["affiliation_prepositions"]),
        "unit_suffixes": tuple(spec["unit_suffixes"]),
        "inline": inline,
        "blockers": frozenset(w.casefold() for w in lex["role_blockers"]),
        "chair_headings": frozenset(spec["chair_headings"]),
        "partial_attendance": frozenset(spec["partial_attendance"]),
        "secretary_titles": frozenset(spec["secretary_titles"]),
        "election_verbs": frozenset(spec["election_verbs"]),
        "role_copulas": frozenset(spec["role_copulas"]),
        "this_meeting_nouns": frozenset(spec["this_meeting_nouns"]),
    }


class Attendance:
    def __call__(self, doc: Doc) -> Doc:
        people: dict[str, PersonRecord] = doc._.people
        if not people:
            return doc
        c = cues()
        self.in_label = label_at(doc)
        self.in_column = {s.start for s in spans_of(doc, "name_column")}  # "Anna Berg Norrby" line after line
        known, unknown = _codes_in_parentheses(doc)
        self.party_lists = known >= 2 and known > unknown  # mostly parties: an unknown code is a local one
        refs = {s.start: s for s in spans_of(doc, "ref")}
        names = sorted(spans_of(doc, "person"), key=lambda s: s.start)
        name_starts = [s.start for s in names]
        blocks = sorted(spans_of(doc, "block"), key=lambda s: s.start)
        block_starts = [b.start for b in blocks]
        prose = _prose_after_absent_lists(doc, blocks, names)
        for k, span in enumerate(names):
            rec = people[span.kb_id_]
            block = _containing(blocks, block_starts, span)
            if block is not None and span.start >= prose.get(block.start, len(doc)):
                block = None  # the list ended before: running text about someone who came
            after = k + 1
            while after < len(names) and _in_aside(doc, span.end, names[after], c["replacement"]):
                after += 1  # "Bo Ek (ers. Eva Lind), Norrby": Norrby is still Bo Ek's
            next_start = names[after].start if after < len(names) else len(doc)
            if block is not None:
                one = set(block._.roles) & {"chair", "secretary"}  # one entry: it may go on past the block
                stop = next_start if one and block.end <= next_start else min(next_start, block.end)
                self._read_entry(doc, span, rec, block, stop, refs, c)
            else:
                stop = min(next_start, span.end + _MAX_TAIL)
                self._read_apposition(doc, span, rec, stop, refs, c)
        self._header_cluster(doc, names, name_starts, people, refs, c)
        self._place_line_groups(doc, names, people)
        self._block_headings(doc, names, people)
        read_tables(doc, names, people, self._affiliate)
        read_line_columns(doc, names, people, self._cell_affiliation, _role_line)
        read_title_column(doc, names, people, is_title, adjective_of_title, _unit_affiliation)
        read_slashed(doc, names, people, self._affiliate)
        share_coordinated(doc, names, people, c["prepositions"])
        read_signatures(doc, names, people)
        read_signature_fields(doc, names, people)
        read_co_signers(doc, names, people)
        read_presence_marks(doc, names, people)
        self._speaker_lines(doc, names, people, c)
        self._read_sentences(doc, people, names, name_starts, c)
        _titled_presenters(doc, people, c)
        read_elected(doc, people, names, c)
        self._from_org_attended(doc, people, names, refs, c)
        _titled_secretaries(people, c)
        for rec in people.values():
            if not rec.roles:
                rec.roles.add("mentioned")
                rec.confidence = min(rec.confidence, 0.6)
        return doc

    # -- inside a list ----------------------------------------------------------------------------
    def _read_entry(
        self, doc: Doc, span: Span, rec: PersonRecord, block: Span, stop: int, refs: dict[int, Span], c: dict[str, Any]
    ) -> None:
        rec.listed = True
        rec.in_list = True
        rec.confidence = max(rec.confidence, 0.9)
        stood_in_for = _stood_in_for(doc, span, c)
        served_by = _served_for(doc, span)
        if (
            stood_in_for
            or served_by is not None
            or _replaced(doc, span, c)
            or (_after_for(doc, span) and _replacements_block(doc, block, c))
        ):
            rec.add_role("absent", (span.start_char, span.end_char))
            if not (stood_in_for or served_by is not None):
                return  # the rest of the entry is the substitute's
        else:
            for role in block._.roles:
                rec.add_role(role, (span.start_char, span.end_char))
        multi_line = _multi_line(doc, block)
        end = stop
        if multi_line:  # one entry per line: the tail ends with the line
            nl = text_of(doc).find("\n", span.end_char)
            if nl >= 0:
                end = min(end, _token_at_or_after(doc, nl))
        self._read_tail(doc, span, rec, span.end, end, refs, c, in_list=True)
        if multi_line and (rec.affiliation is None or rec.affiliation_ref is None):
            self._line_affiliation(doc, span, rec, end)
        substitute = doc._.people[served_by.kb_id_] if served_by is not None else None
        if substitute is not None and substitute.affiliation is None and rec.affiliation is not None:
            substitute.take_affiliation(rec)  # "X (S) för Y (S) Norrby": one place for the pair
        if (
            rec.party is None
            and span.end < end
            and "absent" not in rec.roles
            and _there_for_an_item(doc, span.end, end)
        ):
            rec.add_role("guest", (doc[span.end].idx, doc[end - 1].idx + len(doc[end - 1].text)))

    def _line_affiliation(self, doc: Doc, span: Span, rec: PersonRecord, end: int) -> None:
        """'Anna Berg, Hela Sverige ska leva': in a list of one entry per line, what follows the
        comma after the name is the organisation, however it is written."""
        text = text_of(doc)
        if span.end >= end or doc[span.end].text != ",":
            return
        last = doc[end - 1]
        raw = text[doc[span.end].idx + 1 : last.idx + len(last.text)].split("(")[0]
        if raw.rstrip().endswith("-"):
            return  # a word broken at the line's end
        rest = raw.strip(" ,.;–-")
        while "," in rest and _role_or_title(rest.rsplit(",", 1)[1]):
            rest = rest.rsplit(",", 1)[0].rstrip()  # "Norrlab, ordf": her role after the organisation
        words = rest.split()
        if len(words) == 1 and is_street(words[0]):
            return
        if len(words) == 1 and _party_written(words[0]):
            rec.party = rec.party or words[0]  # "Anna Berg, S, ordförande": her party, not where she works
            return
        if not words or not words[0][:1].isupper() or len(words) > 8 or any(ch.isdigit() for ch in rest):
            return
        if is_title(words[0]) or fold(words[0]) in common_words() or fold(words[0].rstrip(".")) in cues()["inline"]:
            return
        if (
            len(words) > 1
            and is_title(words[-1])
            and all(w.casefold().endswith(grammar().title_adjective_endings) for w in words[:-1])
        ):
            return  # "Politisk sekreterare", "Regional utvecklingsledare": a title, not where she works
        if rec.affiliation_ref is not None or len(rest) <= len(rec.affiliation or ""):
            return
        start = text.index(rest, doc[span.end].idx)
        covering = doc.char_span(start, start + len(rest), alignment_mode="expand")
        if covering is not None:
            _set_affiliation(rec, rest, "organization", None, covering)

    def _read_tail(
        self,
        doc: Doc,
        span: Span,
        rec: PersonRecord,
        start: int,
        end: int,
        refs: dict[int, Span],
        c: dict[str, Any],
        in_list: bool,
    ) -> None:
        i = start
        end = min(end, start + _MAX_TAIL, len(doc))
        phrase: list[Token] = []
        while i < end:
            tok = doc[i]
            low = tok.lower_.rstrip(".")
            if tok.is_space and tok.text.count("\n") >= 2:
                break  # a blank line: the next paragraph is no part of the entry
            if tok.is_space:
                i += 1
                continue
            if tok.text == "(":
                close = next((j for j in range(i + 1, min(end, i + 8)) if doc[j].text == ")"), None)
                if close is None:
                    break
                if phrase:  # "Norrby Vatten (till kl. 10) Ideella ...": the name ends at the remark
                    self._phrase_affiliation(doc, rec, phrase)
                    phrase = []
                inner = doc[i + 1 : close]
                if len(inner) == 1 and fold(inner.text) in parties():
                    rec.party = rec.party or inner.text
                elif len(inner) and inner[0].i in refs:
                    self._affiliate(rec, refs[inner[0].i])
                elif self.party_lists and _party_code(inner):
                    rec.party = rec.party or inner.text  # "(KO)" where others are "(S)": a local party
                elif _ends_in_title(inner):
                    rec.title = rec.title or inner.text  # "(Ekonomichef)", "(Regional utvecklingsdirektör)"
                elif _initials_of(rec.name, inner.text):
                    pass  # "Anna Berg (AB)": her initials, as the minutes mark her later
                elif (
                    len(inner)
                    and inner.text[:1].isupper()
                    and rec.affiliation is None
                    and fold(inner.text) not in common_words()
                    and not any(t.i in self.in_label for t in inner)
                ):
                    _set_affiliation(rec, inner.text, "organization", None, inner)
                i = close + 1
                continue
            if i in self.in_label and low in c["inline"]:
                if phrase:
                    self._phrase_affiliation(doc, rec, phrase)
                break  # "Sekreterare Anna Berg, Norrby Ordförande Per Ek": the next label, not her role
            if i + 1 < end and tok.is_alpha and low not in c["inline"] and adjective_of_title(doc, i):
                # "Politisk sekreterare", "regional samordnare": an adjective and a title are her
                # title, not the meeting's secretary nor an organisation
                title = doc[i + 1]
                if rec.title is None:
                    rec.title, rec.title_span = title.text, (title.idx, title.idx + len(title.text))
                phrase = []
                i += 2
                continue
            pair = f"{low} {doc[i + 1].lower_.rstrip('.')}" if i + 1 < end else ""
            if pair in c["inline"] and not _blocked_role(doc, i, c):
                low = pair
                i += 1
            if low in c["inline"] and not _blocked_role(doc, i - (1 if low == pair else 0), c):
                role = c["inline"][low]
                if role in ("chair", "secretary") and _of_a_body(doc, i + 1, end, role):
                    role = "present"  # "ordförande i kulturberedningen": another body's chair, a title here
                rec.add_role(role, (tok.idx, tok.idx + len(tok.text)))
                if role != "absent":
                    rec.roles.add("present")
                else:
                    rec.roles.discard("present")
                i += 1
                continue
            if low == "för" and i + 1 < end and doc[i + 1].text[:1].isupper():
                break  # "ersättare för Y": the rest is about Y
            if low in c["replacement"]:
                nxt = next((t for t in doc[i + 1 : end] if not t.is_space), None)
                if nxt is None or nxt.lower_ in ("för", "till") or is_name_shape(nxt.text):
                    break  # the rest is about the member replaced
                i += 1  # "Anna Berg, ersättare, Norrby kommun": her role, then her place
                continue
            hit = refs.get(i)
            place = hit is not None and hit.label_ in ("municipality", "county")
            if (
                place
                and hit.end < end
                and (
                    institution_noun_at(doc, hit.end)
                    or self._owned_by_place(doc, hit, refs)
                    or (not phrase and doc[hit.end].text in lexicon()["company_forms"])
                )
            ):
                # "Norrby lasarett", "Norrby AB": the institution or the company, not the town
                _name_organisation(rec, doc[hit.start : hit.end + 1])
                i = hit.end + 1
                continue
            if hit is not None:
                if phrase and place and phrase[-1].i + 1 == hit.start and _org_word(phrase):
                    # "Vägvisarna Norrby", "Länsbibliotek Norrdalen": an organisation named with its place
                    _name_organisation(rec, doc[phrase[0].i : hit.end])
                    phrase = []
                elif hit.label_ == "organization" and (at := _place_after(doc, hit.end, end, refs)) is not None:
                    _name_organisation(rec, doc[hit.start : at.end])  # "Länsbiblioteket i Norrdalen": by its place
                    hit = at
                elif rec.affiliation is None or rec.affiliation_kind == "unit" and hit.label_ != "county":
                    self._affiliate(rec, hit)  # a county after a department is where the next group starts
                elif hit.label_ == "organization" and rec.unit is None and rec.affiliation_kind == "organization":
                    pass
                i = hit.end
                continue
            if is_title(tok.text):
                if rec.title is None:
                    rec.title, rec.title_span = tok.text, (tok.idx, tok.idx + len(tok.text))
                phrase = []
                i = self._unit_after_title(doc, rec, i + 1, end, refs)
                continue
            if not in_list and tok.text in (".", ";") or (tok.is_sent_start and i > start):
                break
            if phrase and i not in self.in_label and _division_word(doc, i, end, refs):
                phrase.append(tok)  # "Trafikverket Region Norr", "Näringsliv Region Norrby": a division's name
                i += 1
                continue
            if phrase and _org_word(phrase) and (place := _place_after(doc, i, end, refs)) is not None:
                # "Länsbiblioteket i Norrdalen": an organisation named with where it is
                _name_organisation(rec, doc[phrase[0].i : place.end])
                phrase = []
                i = place.end
                continue
            named_unit = tok.lower_.endswith(c["unit_suffixes"]) and _coordinated_start(doc, i, start) < i
            if i in self.in_label or (_stops_phrase(tok.text) and not named_unit):
                if phrase:  # "HR-avdelningen Plats", "Mötesprotokoll": labels and document words end a name
                    self._phrase_affiliation(doc, rec, phrase)
                    phrase = []
                if i in self.in_label:
                    break
                i += 1
                continue
            if (
                tok.text[:1].isupper()
                and not is_name_shape(tok.text)
                or (tok.text[:1].isupper() and phrase)
                or (tok.text[:1].isupper() and in_list and tok.text.isalpha())
            ):
                phrase.append(tok)
            elif phrase and tok.lower_ in grammar().connectors and i + 1 < end and doc[i + 1].text[:1].isupper():
                phrase.append(tok)
            elif phrase and tok.is_alpha and org_head(tok.text) is not None and not is_title(tok.text):
                phrase.append(tok)  # "Norrbyregionens kansli", "Sydnorrska gymnasieförbundet": its head noun
            elif phrase and _owned_noun(phrase[-1], tok):
                phrase.append(tok)  # "Norrby byalag", "Norrdals folkhälsoteam": what the name in the genitive owns
                self._phrase_affiliation(doc, rec, phrase)
                phrase = []

            elif tok.lower_.endswith(c["unit_suffixes"]) and tok.text.isalpha() and rec.affiliation is None:
                # "barn- och ungdomsenheten"; "ekonomienheten Norr": a compass point ends the unit's name
                last = i + 1 if i + 1 < end and _compass_point(doc[i + 1]) else i
                unit = doc[_coordinated_start(doc, i, start) : last + 1]
                _set_affiliation(rec, unit.text, "unit", None, unit)
                i = last
            elif phrase:
                self._phrase_affiliation(doc, rec, phrase)
                phrase = []
            i += 1
        if phrase:
            self._phrase_affiliation(doc, rec, phrase)

    def _owned_by_place(self, doc: Doc, hit: Span, refs: dict[int, Span]) -> bool:
        """A place in the genitive before a noun it owns names an organisation there ("Norrdals
        länsbibliotek", "Norrbys Handelskammare"), not the place: a lower-case noun, or a capitalised
        word that is no name, title, label or other place."""
        owner, k = doc[hit.end - 1], hit.end
        if plain_base(owner.text) is None or not owner.whitespace_:  # a noun on the next line is not owned
            return False
        tok = doc[k]
        if fold(tok.text) in grammar().municipality_words:
            return False  # "Norrby stad": the municipality itself
        if tok.text.islower():
            return _owned_noun(owner, tok)
        return (
            tok.is_alpha
            and tok.text.istitle()
            and len(tok.text) > 3
            and k not in refs
            and k not in self.in_label
            and not is_given_name(tok.text)
            and (not surname_like(tok.text) or org_head(tok.text) is not None)  # "-förening" ends surnames too
            and not is_title(tok.text)
            and fold(tok.text) not in _stop_words()
        )

    def _unit_after_title(self, doc: Doc, rec: PersonRecord, i: int, end: int, refs: dict[int, Span]) -> int:
        """'Utvecklingsledare Hälsa och välfärd, Region X': a capitalised name between a title and the
        organisation is a unit of it. Returns where reading goes on."""
        j = i
        while j < end and j - i < 6 and doc[j].is_alpha and j not in refs and j not in self.in_label:
            j += 1
        k = j + 1 if j < end and doc[j].text == "," else j
        if j > i and doc[i].text[:1].isupper() and k in refs and refs[k].label_ == "organization":
            unit = doc[i:j]
            rec.unit = unit.text
            rec.unit_span = (unit.start_char, unit.end_char)
            return j
        return i

    def _phrase_affiliation(self, doc: Doc, rec: PersonRecord, phrase: list[Token]) -> None:
        """A capitalised phrase after a name names an organisation: one word only when a comma or
        a parenthesis sets it off ('Anna Berg, Vision'), never a person ('Per Ek' is the next entry)."""
        while phrase and (phrase[-1].lower_ in grammar().connectors or len(phrase) > 1 and len(phrase[-1].text) == 1):
            phrase.pop()  # "ABC N": a trailing single letter is a mark in a column (present, no), not the name
        if not phrase or (rec.affiliation is not None and rec.affiliation_kind != "unit"):
            return
        first = phrase[0]
        # "Anna Berg, KD" and, set off by a comma, "Anna Berg, Kd": a party's code, never an organisation
        if len(phrase) == 1 and _party_written(first.text) and (first.text.isupper() or _set_off(doc, first.i)):
            rec.party = rec.party or first.text
            return
        alone = len(phrase) == 1 and not (
            _set_off(doc, first.i) or _after_title(doc, first.i) or first.i in self.in_column
        )
        if is_given_name(first.text) or (alone and not first.text.isupper()):
            return
        if (
            len(phrase) == 2
            and all(is_name_shape(t.text) for t in phrase)
            and surname_like(phrase[1].text)
            and org_head(phrase[1].text) is None  # "Norrby Hamnförening": "-förening" ends surnames too
        ):
            return  # "Meit Fohlin": a person whose given name the dictionary lacks, not an organisation
        while phrase and is_title(phrase[-1].text):
            phrase.pop()  # "Individ- och familjeomsorgschef": a title, not the organisation
        while len(phrase) > 1 and len(phrase[-1].text) > 5 and phrase[-1].lower_.endswith(("ade", "ades")):
            phrase.pop()  # "Förbundet Öppnade ...": a past tense opening the next sentence where line breaks were lost
        if not phrase or not all(t.is_alpha or t.text in ("-", "&") or t.text.endswith("-") for t in phrase):
            return  # OCR debris ("L~~C~~") names nothing
        if phrase[-1].text.endswith("-") or (len(phrase) == 1 and is_street(first.text)):
            return  # a word broken at the line's end, or an address ("Storgatan")
        if len(phrase) == 1 and is_given_name(first.text):
            return  # a given name alone starts the next entry
        if len(phrase) == 1 and first.text.isupper() and not 1 < len(first.text) <= 6:
            return  # a heading in capitals ("ANSLAGIBEVIS") or a mark ("X"), not an acronym
        span = doc[first.i : phrase[-1].i + 1]
        _set_affiliation(rec, span.text, "organization", None, span)

    def _cell_affiliation(self, rec: PersonRecord, cell: Span) -> None:
        """A table's cell of organisations: the reference hit that fills it, or its words."""
        hit = next((r for r in cell.doc.spans["ref"] if r.start == cell.start and r.end == cell.end), None)
        if hit is not None and hit.label_ != "county":
            self._affiliate(rec, hit)
        else:
            _set_affiliation(rec, cell.text, "organization", None, cell)

    def _affiliate(self, rec: PersonRecord, hit: Span) -> None:
        ref = load_reference()
        if hit.label_ == "municipality":
            _set_affiliation(rec, ref.municipalities[hit._.ref].name, "municipality", hit._.ref, hit)
        elif hit.label_ == "organization":
            _set_affiliation(rec, _surface(hit), "organization", hit._.ref, hit)
        elif hit.label_ == "county":
            # "Anna Berg, Norrdalen" in a list of a regional network: she represents the county's region
            region = ref.region_org_of_county(hit._.ref)
            _set_affiliation(rec, _surface(hit), "organization", region if region in ref.organizations else None, hit)

    def _block_headings(self, doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
        """A list that opens with an organisation or municipality before its first name
        ("Tjänstemän Norrtrafik Anna Berg Per Ek ..."): the names after it have it as their
        affiliation, up to the next place or organisation the list names, unless they have their own."""
        refs = sorted(
            (s for s in spans_of(doc, "ref") if s.label_ in ("municipality", "organization") and not s._.ambiguous),
            key=lambda s: s.start,
        )
        ref_starts = [s.start for s in refs]
        name_starts = [n.start for n in names]
        for block in spans_of(doc, "block"):
            k = bisect.bisect_left(ref_starts, block.start)
            if k < len(refs) and refs[k].start == block.start:
                heading: Span | None = refs[k]
            else:
                heading = _named_heading(doc, block.start)
            if heading is None:
                continue
            first = bisect.bisect_left(name_starts, heading.end)
            if first == len(names) or names[first].start != heading.end or heading.end >= block.end:
                continue  # a name right after the heading, inside the list
            later = bisect.bisect_left(ref_starts, heading.end)
            stop = min(block.end, refs[later].start if later < len(refs) else block.end)
            for span in names[first : bisect.bisect_left(name_starts, stop)]:
                rec = people[span.kb_id_]
                if rec.affiliation is None:
                    if heading.label_ == "HEADING":
                        _set_affiliation(rec, heading.text, "organization", None, heading)
                    else:
                        self._affiliate(rec, heading)

    def _place_line_groups(self, doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
        """An attendance list grouped under lines that each name only a municipality or an
        organisation ("Norrby kommun", then one member per line): the members of a group belong to
        it. Two groups at least, so a letterhead alone is no group heading."""
        text = text_of(doc)
        header_end = doc._.header_end
        whole_line = {
            (s.start_char, s.end_char): s
            for s in spans_of(doc, "ref")
            if s.label_ in ("municipality", "organization") and s.start_char < header_end
        }
        headings = [(a, whole_line[a, b]) for a, b in doc._.lines if (a, b) in whole_line]
        if len({h._.ref or h.text for _, h in headings}) < 2:
            return
        starts = [a for a, _ in headings]
        line_starts = {a for a, _ in doc._.lines}
        for span in names:
            rec = people[span.kb_id_]
            k = bisect.bisect_right(starts, span.start_char) - 1
            if k < 0 or rec.affiliation is not None or span.start_char >= header_end:
                continue
            if span.start_char in line_starts and "\n" in text[starts[k] : span.start_char]:
                self._affiliate(rec, headings[k][1])

    def _header_cluster(
        self,
        doc: Doc,
        names: list[Span],
        name_starts: list[int],
        people: dict[str, PersonRecord],
        refs: dict[int, Span],
        c: dict[str, Any],
    ) -> None:
        """Names whose attendance label was lost (OCR, a flattened table): a run of at least three
        names close together at the top, outside any list, is an attendance list."""
        content_start = doc._.content_start
        limit = max(doc._.header_end, content_start + 1500)
        top = [s for s in names if content_start <= s.start_char < limit and not people[s.kb_id_].listed]
        run: list[Span] = []
        for span in [*top, None]:
            if span is not None and (not run or span.start_char - run[-1].end_char <= 80):
                run.append(span)
                continue
            if len(run) >= 3:
                for s in run:
                    rec = people[s.kb_id_]
                    rec.listed = True
                    if _replaced(doc, s, c):
                        rec.add_role("absent", (s.start_char, s.end_char))
                        continue
                    rec.add_role("present", (s.start_char, s.end_char))
                    # the next name ends the entry, also one left out of the run (listed elsewhere)
                    k = bisect.bisect_left(name_starts, s.end)
                    stop = name_starts[k] if k < len(name_starts) else s.end + _MAX_TAIL
                    self._read_tail(doc, s, rec, s.end, stop, refs, c, in_list=True)
            run = [span] if span is not None else []

    def _speaker_lines(self, doc: Doc, names: list[Span], people: dict[str, PersonRecord], c: dict[str, Any]) -> None:
        """A programme: a short heading line, then a line that is mostly names ('Anna Berg, Region X och
        Per Ek, Mora'): those people present the item (or open the meeting under 'Välkommen')."""
        text = text_of(doc)
        lines = doc._.lines
        starts = [s.start_char for s in names]
        for k in range(1, len(lines)):
            ls, le = lines[k]
            lo, hi = bisect.bisect_left(starts, ls), bisect.bisect_left(starts, le)
            on_line = names[lo:hi]
            if not on_line or len(on_line) > 4 or sum(s.end_char - s.start_char for s in on_line) < 0.3 * (le - ls):
                continue  # a speaker line names a few people; a long run of names is an attendance list
            if any(people[s.kb_id_].party for s in on_line):
                continue  # party markers: members listed, not speakers
            hs, he = lines[k - 1]
            heading = text[hs:he].strip(" :").casefold()
            names_before = bisect.bisect_left(starts, hs) != bisect.bisect_left(starts, he)
            if he - hs > 80 or names_before or heading.endswith("."):
                continue  # the line before is no heading: it is long, has names or ends a sentence
            chairs = heading in c["chair_headings"]
            for span in on_line:
                rec = people[span.kb_id_]
                if rec.in_list:
                    continue  # a labelled list says who attended; a programme line under it says nothing more
                role = "chair" if chairs else "presenter"
                rec.add_role(role, (span.start_char, span.end_char))
                rec.roles.add("present")

    # -- outside lists ----------------------------------------------------------------------------
    def _read_apposition(
        self, doc: Doc, span: Span, rec: PersonRecord, stop: int, refs: dict[int, Span], c: dict[str, Any]
    ) -> None:
        """'X, Region Y,', 'X (IVO)', 'X från Länsstyrelsen', 'X, utvecklingsledare på FoU Z'."""
        i = past_others(doc, span.end)
        if i >= len(doc) or rec.affiliation is not None:
            return
        hit = refs.get(i)
        if hit is not None and hit.label_ in ("municipality", "organization") and _closes(doc, hit.end):
            self._affiliate(rec, hit)  # "Staffan Näslund Skellefteå, Ulf Norberg Vännäs och ..."
            return
        tok = doc[i]
        if tok.text in (",", "(") or tok.lower_ in c["prepositions"]:
            look = i + 1
            while look < stop and (
                is_title(doc[look].text) or doc[look].lower_ in c["prepositions"] or doc[look].text == ","
            ):
                look += 1
            hit = refs.get(look)
            if hit is not None and (tok.text == "(" or tok.lower_ in c["prepositions"] or _closes(doc, hit.end)):
                self._affiliate(rec, hit)
                rec.role_spans.setdefault("affiliation", (hit.start_char, hit.end_char))

    def _from_org_attended(
        self, doc: Doc, people: dict[str, PersonRecord], names: list[Span], refs: dict[int, Span], c: dict[str, Any]
    ) -> None:
        """'Från Region Norrby deltog A, B och C': the people after the verb come from the place or
        organisation before it, and attended."""
        t = tokens_of(doc)
        name_starts = [s.start for s in names]
        for i, lemma in enumerate(t.lemma):
            if lemma not in c["attend"] or i < 2:
                continue
            k = i - 1
            while k > 0 and t.text[k] in (")", ","):
                k -= 1  # "Från Myndigheten X (MX) deltog"
            hit = next((refs[j] for j in range(max(0, k - 12), k + 1) if j in refs and refs[j].end > k - 3), None)
            if hit is None or hit.label_ not in ("municipality", "organization") or hit.start < 1:
                continue
            if t.lower[hit.start - 1] != "från":
                continue
            sent_end = next(
                (j for j in range(i + 1, len(doc)) if t.text[j] in (".", ";") or "\n\n" in t.text[j]), len(doc)
            )
            for span in names[bisect.bisect_left(name_starts, i + 1) :]:
                if span.start >= sent_end:
                    break
                rec = people[span.kb_id_]
                if rec.affiliation is None:
                    self._affiliate(rec, hit)
                rec.roles.add("present")

    def _read_sentences(
        self, doc: Doc, people: dict[str, PersonRecord], names: list[Span], name_starts: list[int], c: dict[str, Any]
    ) -> None:
        """Presenters and chairs from the verbs of the sentences they stand in."""
        mentions = _all_mentions(doc, people, names)
        starts = [m[0] for m in mentions]
        table = tokens_of(doc)
        cue_lemmas = c["presenter"] | c["chair"] | c["speaker"] | c["presenter_particles"].keys()
        verb_at = [i for i, lemma in enumerate(table.lemma) if lemma in cue_lemmas]
        noun_at = [i for i, low in enumerate(table.lower) if low in c["presenter_nouns"]]
        if not (verb_at or noun_at) or not mentions:
            return
        for sent in sentences(doc):
            verbs = [doc[i] for i in _within(verb_at, sent.start, sent.end)]
            nouns = [doc[i] for i in _within(noun_at, sent.start, sent.end)]
            if not verbs and not nouns:
                continue
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            in_sent = mentions[lo:hi]
            if not in_sent:
                continue
            for verb in verbs:
                key = _subject(verb, in_sent)
                if key is None:
                    welcomed = _welcomed(doc, verb, in_sent, c)
                    if welcomed is not None:
                        people[welcomed].add_role("present", (verb.idx, verb.idx + len(verb.text)))
                        people[welcomed].roles.discard("mentioned")
                    continue
                rec = people[key]
                if verb.lemma_ in c["speaker"]:
                    if verb.lower_.endswith(_FINITE) and not rec.roles:
                        rec.add_role("present", (verb.idx, verb.idx + len(verb.text)))  # "X frågar": spoke there
                elif _presents(doc, verb, c):
                    for other in _coordinated(doc, verb, key, in_sent):
                        people[other].add_role("presenter", (verb.idx, verb.idx + len(verb.text)))
                        people[other].roles.add("present")
                elif verb.lemma_ in c["chair"] and any(
                    t.lower_ in c["chair_objects"] for t in doc[max(sent.start, verb.i - 3) : verb.i + 6]
                ):
                    rec.add_role("chair", (verb.idx, verb.idx + len(verb.text)))
                    rec.roles.add("present")
            for noun in nouns:
                after = [m for m in in_sent if 0 < m[0] - noun.i <= 3]
                if after:
                    rec = people[after[0][2]]
                    rec.roles.update(("presenter", "present"))


def _party_written(word: str) -> bool:
    """A party's code as lists write it: in capitals ("KD") or short in title case ("Kd")."""
    return fold(word) in parties() and (word.isupper() or word.istitle() and len(word) <= 3)


def _codes_in_parentheses(doc: Doc) -> tuple[int, int]:
    """How many short codes in capitals stand in parentheses ("Anna Berg (S)"): known parties' and others'."""
    t = tokens_of(doc)
    known = unknown = 0
    for i in range(1, len(t.text) - 1):
        word = t.text[i]
        if t.text[i - 1] == "(" and t.text[i + 1] == ")" and _short_code(word):
            if fold(word) in parties():
                known += 1
            else:
                unknown += 1
    return known, unknown


def _party_code(inner: Span) -> bool:
    """A short code in capitals, one or two parts ("KO", "M P"): a party's, in a list of party codes."""
    return 1 <= len(inner) <= 2 and all(_short_code(t.text) for t in inner)


def _short_code(word: str) -> bool:
    return word.isalpha() and word.isupper() and len(word) <= 4


@cache
def _stop_words() -> frozenset[str]:
    """Words that end an organisation's name in an entry: common words, meeting and document words,
    and the words of labels ('Plats', 'Paragrafer', 'Övriga')."""
    labels = {w.casefold() for w in label_specs() for w in w.split()}
    return frozenset(data("dates.yaml")["meeting_words"]) | common_words() | labels


def _division_word(doc: Doc, i: int, end: int, refs: dict[int, Span]) -> bool:
    """A capitalised common word inside a name, before the place or the compass point that ends it
    ("Trafikverket Region Norr", "Näringsliv Region Norrby")."""
    tok = doc[i]
    if not (tok.text[:1].isupper() and tok.is_alpha and fold(tok.text) in common_words()) or i + 1 >= end:
        return False
    nxt = doc[i + 1]
    place = refs.get(i + 1)
    return (place is not None and place.label_ in ("municipality", "county")) or fold(nxt.text) in _compass()


def _compass_point(tok: Token) -> bool:
    return tok.text.istitle() and fold(tok.text) in _compass()


@cache
def _compass() -> frozenset[str]:
    return frozenset(lexicon()["compass_words"])


def _stops_phrase(word: str) -> bool:
    low = fold(word)
    return low in _stop_words() or low.endswith(tuple(data("dates.yaml")["meeting_words"]))


def _within(positions: list[int], start: int, end: int) -> list[int]:
    return positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]


def _initials_of(name: str, code: str) -> bool:
    """'AB' or 'AB2' for Anna Berg, 'KAB' for Kim Anna Berg: the first letters of the name's
    words (of each part of a hyphenated one too), a number after them to tell two people apart."""
    letters = code.rstrip("0123456789")
    if not (1 < len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return False
    words = name.replace("-", " ").split()
    return letters == "".join(w[0] for w in words).upper() or letters == "".join(w[0] for w in name.split()).upper()


def _named_heading(doc: Doc, k: int) -> Span | None:
    """One capitalised word opening a list that is a name of its own: no given name, title, body,
    common word or plural of people ("Norrtrafik" before its staff)."""
    tok = doc[k]
    word = tok.text
    if not (tok.is_alpha and word[:1].isupper() and len(word) > 2) or is_given_name(word) or is_title(word):
        return None
    if is_definite_title(word):
        return None  # "Kommunchefen Anna Berg": her title, not where she works
    if body_head_of(word) is not None or fold(word) in common_words():
        return None
    if fold(word).endswith(grammar().plural_people_endings):
        return None  # "Ersättarna": who they are, not where they come from
    return Span(doc, k, k + 1, label="HEADING")


def _prose_after_absent_lists(doc: Doc, blocks: list[Span], names: list[Span]) -> dict[int, int]:
    """Where a list of those away, run on one line into the text after it, ends: at the first name
    followed (after its place, if any) by a verb ("Förhinder: A, Norrby och B, Sörby C hälsar
    välkommen ..."). Block start -> that name's start."""
    out: dict[int, int] = {}
    g = grammar()
    not_active = g.modal_verbs | g.perfect_auxiliaries | g.finite_verbs
    starts = {s.start for s in names}
    text = text_of(doc)
    for block in blocks:
        if "absent" not in block._.roles:
            continue
        # one entry per line: only the first line can run on into prose (a flattened page does)
        line_end = text.find("\n", block.start_char) if _multi_line(doc, block) else -1
        last = token_at(doc, line_end) if line_end >= 0 else block.end
        for span in (s for s in names if block.start <= s.start < min(block.end, last)):
            k = span.end
            while k < block.end and k not in starts and (doc[k].is_punct or doc[k].text[:1].isupper()):
                k += 1  # ", Norrby"
            if k >= block.end or k in starts:
                continue
            low = doc[k].text
            if (
                low.isalpha()
                and low.islower()
                and len(low) > 3
                and low.endswith(g.active_verb_endings)
                and not low.endswith(g.participle_endings)
                and low not in not_active
                and not is_title(low)
                and fold(low) not in common_words()
            ):
                out[block.start] = span.start
                break
    return out


def _containing(blocks: list[Span], starts: list[int], span: Span) -> Span | None:
    i = bisect.bisect_right(starts, span.start) - 1
    if i >= 0 and blocks[i].start <= span.start < blocks[i].end:
        return blocks[i]
    return None


def _token_at_or_after(doc: Doc, char: int) -> int:
    return token_after(doc, char)


def _after_for(doc: Doc, span: Span) -> bool:
    return _for_before(doc, span) is not None


def _for_before(doc: Doc, span: Span) -> Token | None:
    """The "för" right before a name (a space may stand between), else None."""
    t = tokens_of(doc)
    before = [k for k in range(max(0, span.start - 2), span.start) if not t.space[k]]
    return doc[before[-1]] if before and t.lower[before[-1]] == "för" else None


def _replacements_block(doc: Doc, block: Span, c: dict[str, Any]) -> bool:
    """The list is headed by a label of replacements ("Tjänstgörande ersättare"): in its flattened
    columns "för X" names the member X replaced, wherever the replacement's own name stands."""
    labels = [lab for lab in spans_of(doc, "label") if lab.end <= block.start]
    return bool(labels) and any(w.rstrip(".:") in c["replacement"] for w in labels[-1].text.casefold().split())


def _words_before(doc: Doc, span: Span) -> tuple[list[str], list[str]]:
    """The words among the three tokens before a name: their texts and their lower-case forms."""
    t = tokens_of(doc)
    at = [k for k in range(max(0, span.start - 3), span.start) if not t.space[k]]
    return [t.text[k] for k in at], [t.lower[k] for k in at]


def _stood_in_for(doc: Doc, span: Span, c: dict[str, Any]) -> bool:
    """'Anna Berg (ers. Per Ek), Norrby': in parentheses after her name, the member she stood in for;
    the entry's place after the parenthesis is his too."""
    texts, lowers = _words_before(doc, span)
    return len(texts) >= 2 and texts[-2] == "(" and lowers[-1].rstrip(".") in c["replacement"]


def _replaced(doc: Doc, span: Span, c: dict[str, Any]) -> bool:
    """'Anna Berg (S) ersättare för Per Ek (S)', '... ersätter Per Ek': Per Ek is the one who did not attend."""
    _, lowers = _words_before(doc, span)
    if lowers and lowers[-1] in c["replacing_verbs"]:
        return True
    return bool(lowers) and lowers[-1] == "för" and any(w.rstrip(".") in c["replacement"] for w in lowers)


def _multi_line(doc: Doc, block: Span) -> bool:
    """Whether a block's entries stand on lines of their own (asked once per block, not per entry)."""
    seen = doc.user_data.setdefault("multi_line_blocks", {})
    if block.start not in seen:
        seen[block.start] = "\n" in text_of(doc)[block.start_char : block.end_char].strip()
    return seen[block.start]


def _served_for(doc: Doc, span: Span) -> Span | None:
    """'Per Ek (M) för Lena Holm (M), Norrby' in a list: "för" right after a name (and its party)
    joins the member replaced to the one who served in her place; the name of the one who served."""
    for_word = _for_before(doc, span)
    if for_word is None:
        return None
    j = for_word.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text == ","):
        j -= 1
    if j >= 2 and doc[j].text == ")" and doc[j - 2].text == "(":
        j -= 3  # "(M)": the party after the name
    return next((s for s in spans_of(doc, "person") if s.end - 1 == j), None) if j >= 0 else None


def _coordinated_start(doc: Doc, i: int, lo: int) -> int:
    """Where a compound coordinated with a first part ('barn- och ungdomsenheten', 'Stöd - och
    serviceavdelningen'), a unit named by its owner ('kommunstyrelsens kansli') or by an adjective
    ('tekniska förvaltningen') starts; i itself when there is none."""
    owner = doc[i - 1] if i - 1 >= lo else None
    genitive = owner is not None and owner.is_alpha and owner.text.islower() and owner.text.endswith("s")
    if genitive and len(owner.text) > 4 and fold(owner.text) not in common_words():
        return i - 1
    if (
        owner is not None
        and owner.is_alpha
        and owner.text.islower()
        and owner.lower_.endswith(grammar().lower_adjective_endings)
    ):
        i -= 1  # "tekniska förvaltningen", "hud- och allergimedicinska kliniken": the adjective is the unit's
    if i - 2 < lo or doc[i - 1].lower_ not in ("och", "&"):
        return i
    if doc[i - 2].text.endswith("-") and len(doc[i - 2].text) > 1:
        return i - 2
    if doc[i - 2].text == "-" and i - 3 >= lo and doc[i - 3].is_alpha:
        return i - 3
    return i


def _place_after(doc: Doc, i: int, end: int, refs: dict[int, Span]) -> Span | None:
    """The municipality or county right after a place preposition at i, before `end`, else None:
    after an organisation's name, where it is ("Länsbiblioteket i Norrdalen")."""
    if i >= end or doc[i].lower_ not in grammar().place_prepositions:
        return None
    hit = refs.get(i + 1)
    if hit is None or hit.end > end or hit.label_ not in ("municipality", "county"):
        return None
    return hit


def _org_word(phrase: list[Token]) -> bool:
    """A phrase that can be the first part of an organisation's name: capitalised words, no person's
    name, no title."""
    return all(t.is_alpha and t.text[:1].isupper() for t in phrase) and not (
        is_given_name(phrase[0].text) or any(is_title(t.text) for t in phrase)
    )


def _role_line(line: str) -> bool:
    """'Vice ordförande, sekreterare': a line of roles or titles and common words only."""
    words = [w.strip(".,:;()") for w in line.casefold().split()]
    words = [w for w in words if w]
    inline = cues()["inline"]
    return (
        bool(words)
        and any(w in inline or is_title(w) for w in words)
        and all(w in inline or is_title(w) or w in common_words() or w in grammar().connectors for w in words)
    )


def _role_or_title(part: str) -> bool:
    """'ordf.', 'vice ordförande', 'sekreterare': a few lower-case words ending in a role or a
    title, not a part of a name."""
    words = part.replace(".", " ").split()
    if not words or len(words) > 3 or not part.islower():
        return False
    return words[-1] in cues()["inline"] or is_title(words[-1])


def _owned_noun(owner: Token, tok: Token) -> bool:
    """A lower-case noun right after a name in the genitive ("Norrdals folkhälsoteam"): not a title,
    a common or grammar word, a verb, an adjective or an ordinal."""
    low = tok.lower_
    return (
        owner.text[:1].isupper()
        and owner.lower_.endswith("s")
        and len(owner.text) > 3
        and tok.is_alpha
        and tok.text.islower()
        and len(low) > 3
        and not is_title(low)
        and low not in _stop_words()  # common words, meeting words and labels
        and not verb_like(tok)
        and low not in grammar().purpose_stops
        and not low.endswith(grammar().lower_adjective_endings)  # "Norrbys tekniska gymnasium": not yet the noun
        and not low.endswith(grammar().ordinal_endings)  # "första", "sjunde": an ordinal opens the next phrase
    )


def _set_off(doc: Doc, i: int) -> bool:
    """A comma, a parenthesis or a dash stands right before token i."""
    return i > 0 and doc[i - 1].text in (",", "(", "-", "–", "/")


def _after_title(doc: Doc, i: int) -> bool:
    """A title stands right before token i and the entry ends after it ('Per Ek, projektledare
    Norrbyhus'): that word is where the person works. A word that goes on in lower case opens a
    unit's name ('chef Tidiga insatser'), and a word the text also writes in lower case is a
    common word."""
    if i == 0 or not (doc[i - 1].is_alpha and is_title(doc[i - 1].text)):
        return False
    ends = i + 1 == len(doc) or not doc[i + 1].text.islower()
    return ends and not _written_lower(doc, doc[i].text)


def _written_lower(doc: Doc, word: str) -> bool:
    """The word also stands in lower case in the document: a common word capitalised, not a name."""
    seen = doc.user_data.get("lower_words")
    if seen is None:
        seen = doc.user_data["lower_words"] = {t.text for t in doc if t.text.islower()}
    return word.casefold() in seen


def _titled_presenters(doc: Doc, people: dict[str, PersonRecord], c: dict[str, Any]) -> None:
    """A title in the definite form that presents ("Ekonomichefen redogör", "Därefter informerar
    förbundsdirektören") is the one person the minutes list with that title."""
    by_title: dict[str, list[PersonRecord]] = {}
    for rec in people.values():
        title = fold(rec.title.split()[-1]) if rec.title else ""
        if title and title.rstrip(".") not in c["inline"]:  # "ordföranden" is the chair's role, read elsewhere
            by_title.setdefault(title, []).append(rec)
    if not by_title:
        return
    table = tokens_of(doc)
    for i, lemma in enumerate(table.lemma):
        if lemma not in c["presenter"] and lemma not in c["presenter_particles"]:
            continue  # the cheap test first: no Token for words that are no verb of presenting
        verb = doc[i]
        if not _presents(doc, verb, c):
            continue
        for j in (i - 1, i + 1):  # the subject before the verb, or right after it ("Därefter informerar X")
            if not 0 <= j < len(doc):
                continue
            word = fold(doc[j].text)
            base = next(
                (word[: -len(e)] for e in ("en", "n") if word.endswith(e) and word[: -len(e)] in by_title), None
            )
            if base is not None and len(by_title[base]) == 1:
                rec = by_title[base][0]
                rec.add_role("presenter", (verb.idx, verb.idx + len(verb.text)))
                rec.roles.add("present")
                rec.roles.discard("mentioned")
                break


def _titled_secretaries(people: dict[str, PersonRecord], c: dict[str, Any]) -> None:
    """A body's secretary by title ("nämndsekreterare") keeps the minutes, when no one is named
    their secretary outright."""
    if any("secretary" in rec.roles for rec in people.values()):
        return
    for rec in people.values():
        if rec.title_span and fold(rec.title or "") in c["secretary_titles"] and "absent" not in rec.roles:
            rec.add_role("secretary", rec.title_span)


def _there_for_an_item(doc: Doc, start: int, end: int) -> bool:
    """'Anna Berg, Region X, punkt 3': an entry ending in an item's number names a guest, there for
    that item; not 'fr.o.m. punkt 4' or 't.o.m. punkt 5' (a member who came late or left early),
    and not a member with a party."""
    tail = tokens_text(doc, start, end).rstrip(" )\n")
    m = structure().item_reference.search(tail)
    if m is None or tail[m.end() :].strip(" .,;"):
        return False
    before = tail[: m.start()].casefold().split()
    return not before or before[-1].strip("(,") not in cues()["partial_attendance"]


def _of_a_body(doc: Doc, i: int, end: int, role: str) -> bool:
    """'i kulturberedningen', 'för Norrby styrgrupp' (after a chair's role word), 'ABCG Barnhälsa':
    a body named right after a role word."""
    if i + 1 < end and _named_group(doc, i):
        return True  # "sekreterare ABCG Barnhälsa": of a group named by its acronym and field
    if role != "chair" or i + 1 >= end or doc[i].lower_ not in ("i", "för"):
        return False
    return any(body_head_of(fold(t.text)) for t in doc[i + 1 : min(end, i + 4)])


def _named_group(doc: Doc, i: int) -> bool:
    """An acronym in capitals, no party's, followed on its line by a capitalised word: a group's name."""
    acronym, nxt = doc[i], doc[i + 1]
    return (
        acronym.is_alpha
        and len(acronym.text) >= 3
        and acronym.text.isupper()
        and fold(acronym.text) not in parties()
        and not acronym.whitespace_.count("\n")
        and nxt.is_alpha
        and nxt.text[:1].isupper()
        and not nxt.text.isupper()
    )


def _blocked_role(doc: Doc, i: int, c: dict[str, Any]) -> bool:
    """'vice ordförande', 'politisk sekreterare': a role word that is part of a title."""
    prev = doc[i - 1] if i > 0 else None
    if prev is None:
        return False
    low = prev.lower_
    return low in c["blockers"] or low.rstrip(".") in c["blockers"] or (prev.is_alpha and prev.text.islower())


def _closes(doc: Doc, i: int) -> bool:
    """The apposition ends after the hit: a comma, a parenthesis, a full stop, a line end or a verb."""
    return i >= len(doc) or doc[i].is_space or doc[i].text in (",", ")", ".", ";", ":") or doc[i].text[:1].islower()


def _ends_in_title(words: Span) -> bool:
    """Words in parentheses that end in a title describe the person's post, whatever qualifies it."""
    alpha = [t for t in words if t.is_alpha]
    return bool(alpha) and is_title(alpha[-1].text)


def _in_aside(doc: Doc, after: int, name: Span, replacement: frozenset[str]) -> bool:
    """The name stands in a replacement aside right after the previous entry's name: "(ers. X)"."""
    table = tokens_of(doc)  # the words as strings: no Token object per word between the names
    opened = [table.lower[i] for i in range(after, name.start) if not table.space[i]]
    close = name.end < len(doc) and ")" in table.text[name.end : name.end + 3]
    return close and opened[:1] == ["("] and any(w.rstrip(".") in replacement for w in opened[1:]) and ")" not in opened


def _surface(hit: Span) -> str:
    text = hit.text
    return text[:-2] if text.endswith(":s") else text


def _name_organisation(rec: PersonRecord, named: Span) -> None:
    """The organisation these words name is her affiliation, unless she has one already (a unit
    gives way to the organisation it belongs to)."""
    if rec.affiliation is None or rec.affiliation_kind == "unit":
        _set_affiliation(rec, named.text, "organization", None, named)


def _set_affiliation(rec: PersonRecord, name: str, kind: str, ref: str | None, span: Span) -> None:
    rec.affiliation = " ".join(name.split()).strip(" ,.;:-–")
    rec.affiliation_kind = kind
    rec.affiliation_ref = ref
    rec.affiliation_span = (span.start_char, span.end_char)


def _all_mentions(doc: Doc, people: dict[str, PersonRecord], names: list[Span]) -> list[tuple[int, int, str]]:
    """(start token, end token, person key) of every full and short mention, in order."""
    out = [(s.start, s.end, s.kb_id_) for s in names]
    for key, rec in people.items():
        for cs, ce in rec.short_mentions:
            span = doc.char_span(cs, ce)
            if span is not None:
                out.append((span.start, span.end, key))
    return sorted(out)


def _subject(verb: Token, mentions: list[tuple[int, int, str]]) -> str | None:
    """The person a verb is about: the closest mention before it (at most 12 tokens, no full stop
    between), or right after it ('Därefter informerar X', 'Mötet öppnades av X'); after a passive,
    the agent ('Föredras av X')."""
    doc = verb.doc
    passive = _passive(verb)
    if passive and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "av":
        agent = [m for m in mentions if m[0] == verb.i + 2]
        if agent:
            return agent[0][2]
    # before a passive stands the one it is done to: "Anna Berg hälsas välkommen", "Per Ek informeras"
    before = [] if passive else [m for m in mentions if m[1] <= verb.i and verb.i - m[1] <= 12]
    if before:
        m = before[-1]
        between = doc[m[1] : verb.i]
        if not any(t.text in (".", ";", ":") for t in between):
            return m[2]
    after = [m for m in mentions if 0 < m[0] - verb.i <= 3]
    if after:
        return after[0][2]
    return None


def _passive(verb: Token) -> bool:
    """'informeras', 'hälsades': an s-form of a verb whose lemma has none (not 'finns', 'hoppas')."""
    return verb.lower_.endswith("s") and not verb.lemma_.endswith("s")


def _welcomed(doc: Doc, verb: Token, mentions: list[tuple[int, int, str]], c: dict[str, Any]) -> str | None:
    """'Anna Berg hälsas välkommen': the person welcomed to the meeting attends it."""
    if verb.lemma_ not in c["chair"] or not _passive(verb):
        return None
    if not any(t.lower_ in ("välkommen", "välkomna") for t in doc[verb.i + 1 : verb.i + 4]):
        return None
    before = [m for m in mentions if m[1] <= verb.i and verb.i - m[1] <= 3]
    return before[-1][2] if before else None


def _presents(doc: Doc, verb: Token, c: dict[str, Any]) -> bool:
    """'informerar', 'går igenom': a verb of presenting, or one that presents with its particle."""
    return verb.lemma_ in c["presenter"] or _with_particle(doc, verb, c["presenter_particles"])


def _with_particle(doc: Doc, verb: Token, particles: dict[str, frozenset[str]]) -> bool:
    """'går igenom', 'drar ärendet': a verb that presents with the particle right after it."""
    needed = particles.get(verb.lemma_)
    return bool(needed) and any(t.lower_ in needed for t in doc[verb.i + 1 : verb.i + 3])


def _coordinated(doc: Doc, verb: Token, key: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    """The subject and the people joined to it: 'X, Y och Z informerar', 'X och ekonom Y
    föredrar', 'Föredras av X och Y', 'X informerar tillsammans med Y och Z'."""
    joins = {",", *grammar().connectors}
    out = [key]
    own = [m for m in mentions if m[2] == key]
    if not own or verb.lower_.endswith(grammar().participle_endings):
        return out  # "A, B, C samt föredragande": a participle ends a list of attendance, no subject
    first = own[-1] if own[-1][0] < verb.i else own[0]

    def joined(a: int, b: int) -> bool:
        gap = [t for t in doc[a:b] if not t.is_space]
        return (
            len(gap) <= 3
            and all(t.lower_ in joins or is_title(t.text) for t in gap)
            and any(t.lower_ in joins for t in gap)
        )

    if first[0] < verb.i:  # names before the verb
        edge = first[0]
        for m in reversed([m for m in mentions if m[1] <= edge]):
            if not joined(m[1], edge) or len(out) >= _MAX_JOINED:
                break
            out.append(m[2])
            edge = m[0]
    else:  # an agent after the verb ('Föredras av X och Y')
        edge = first[1]
        for m in [m for m in mentions if m[0] >= edge]:
            if not joined(edge, m[0]) or len(out) >= _MAX_JOINED:
                break
            out.append(m[2])
            edge = m[1]
    with_at = next((i for i in range(verb.i + 1, min(len(doc), verb.i + 4)) if doc[i].lower_ == "tillsammans"), None)
    if with_at is not None and with_at + 1 < len(doc) and doc[with_at + 1].lower_ == "med":
        edge = with_at + 2
        for m in [m for m in mentions if m[0] >= edge]:
            if (m[0] != edge and not joined(edge, m[0])) or len(out) >= _MAX_JOINED:
                break
            out.append(m[2])
            edge = m[1]
    return list(dict.fromkeys(out))


class StaffEmployers:
    """samkarta_staff: a title that names its employer ('Förbundschef', 'Kommunchef') in that
    employer's own minutes gives the affiliation: the förbund, municipality or region most named."""

    def __call__(self, doc: Doc) -> Doc:
        people: dict[str, PersonRecord] = doc._.people or {}
        titles = {t: kind for kind, words in data("attendance.yaml")["staff_titles"].items() for t in words}
        _named_by_title(doc, people, set(titles))
        read_body_headings(doc, people, _member_of)
        body = doc._.meeting.body if doc._.meeting else None
        read_member_bodies(doc, people, body, _member_of)
        waiting = [r for r in people.values() if r.affiliation is None and r.title and r.title.casefold() in titles]
        if not waiting:
            return doc
        employers = _employers(doc)
        for rec in waiting:
            found = employers.get(titles[rec.title.casefold()])  # type: ignore[union-attr]
            if found is not None:
                name, kind, ref, span = found
                _set_affiliation(rec, name, kind, ref, span)
                rec.confidence = min(rec.confidence, 0.6)
        return doc


def _named_by_title(doc: Doc, people: dict[str, PersonRecord], titles: set[str]) -> None:
    """A head whose title is a compound of what she heads ("räddningschef", "miljöchef") works for
    the organisation the minutes name with that word heading it ("Norrdals Räddningstjänstförbund",
    "Miljöförbundet Sörby"): a proper name of two words or more. Titles of staff_titles are read
    from the minutes' own employer instead."""
    orgs = [s for s in spans_of(doc, "org") if len(s) > 1 and s.text[:1].isupper()]
    for rec in people.values():
        if rec.affiliation is not None or not rec.title:
            continue
        last = fold(rec.title.split()[-1])
        head = next((h for h in _head_titles() if last.endswith(h)), None)
        if head is None or last in titles:
            continue
        stem = last[: -len(head)].removesuffix("s")
        if len(stem) < _TITLE_STEM:
            continue
        for span in orgs:
            if any(fold(t.text).startswith(stem) and (org_head(t.text) or service_head(t.text)) for t in span):
                _set_affiliation(rec, org_name(span.text), "organization", span._.ref, span)
                rec.confidence = min(rec.confidence, 0.6)
                break


def _unit_affiliation(rec: PersonRecord, unit: Span | None) -> None:
    if unit is None:
        rec.affiliation = rec.affiliation_kind = rec.affiliation_ref = rec.affiliation_span = None
    else:
        _set_affiliation(rec, unit.text, "unit", None, unit)


def _member_of(rec: PersonRecord, span: Span) -> None:
    _set_affiliation(rec, span.text, "organization", None, span)
    rec.confidence = min(rec.confidence, 0.6)


_TITLE_STEM = 5  # letters of what a head's title names, at least ("miljö", "räddning")


@cache
def _head_titles() -> tuple[str, ...]:
    return tuple(data("attendance.yaml")["head_titles"])


def _employers(doc: Doc) -> dict[str, tuple[str, str, str | None, Span]]:
    """The förbund, municipality and region the minutes name most (ties: the first named)."""
    ref = load_reference()
    counts: dict[str, dict[str, list[Span]]] = {"förbund": {}, "municipality": {}, "region": {}}
    for span in spans_of(doc, "org"):
        name = " ".join(span.text.split())
        if "förbund" in name.casefold():
            counts["förbund"].setdefault(name, []).append(span)
        if span._.ref_kind == "region":
            counts["region"].setdefault(span._.ref, []).append(span)
    for span in spans_of(doc, "municipality"):
        counts["municipality"].setdefault(span._.ref, []).append(span)
    body = doc._.meeting.body if doc._.meeting else None
    out: dict[str, tuple[str, str, str | None, Span]] = {}
    for kind, found in counts.items():
        if not found:
            continue
        key = max(
            found,
            key=lambda k: (len(found[k]) + (5 if body and k.casefold() in body.casefold() else 0), -found[k][0].start),
        )
        span = found[key][0]
        if kind == "municipality":
            out[kind] = (ref.municipalities[key].name, "municipality", key, span)
        elif kind == "region":  # as the minutes name it ("Landstinget i Norrby"), not by today's name
            names = [_named_as(s.text, key) for s in found[key]]
            out[kind] = (max(names, key=names.count), "organization", key, span)
        else:
            out[kind] = (key, "organization", None, span)
    return out


def _named_as(text: str, key: str) -> str:
    """A reference organisation as a span names it, in its base form: the alias it writes
    ("Landstinget Norrby", "Region Norrbys" -> "Region Norrby"), else the span's own words."""
    org = load_reference().organizations[key]
    text = " ".join(text.split())
    for form in (text, text.removesuffix(":s"), text.removesuffix("s")):
        alias = next((a for a in (org.name, *org.aliases) if a.casefold() == form.casefold()), None)
        if alias is not None:
            return alias
    return org_name(text)


@Language.factory("samkarta_staff")
def make_staff(nlp: Language, name: str) -> StaffEmployers:  # noqa: ARG001
    return StaffEmployers()


@Language.factory("samkarta_attendance")
def make_attendance(nlp: Language, name: str) -> Attendance:  # noqa: ARG001
    return Attendance()
