"""samkarta_meeting: the meeting's spine: the date it was held, the body that met, its county and
the next meeting.

Each candidate gets a score from where it stands and what surrounds it, and the best one wins:
a date in a date field, after a weekday, before a time, or on the title line, and not right after
a word that marks another date (justering, anslag, nästa); a body in a body field, on the title
line with a meeting word, or deciding in its own minutes ("Arbetsutskottet beslutar"); a county
from the body's own name, else from the places and regional organisations the minutes name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from samkarta.loaders.components.entities import (
    acronym_meeting,
    deciding,
    head_of,
    heads,
    is_office,
    network_name,
    org_name,
    union_heads,
)
from samkarta.loaders.components.layout import label_specs
from samkarta.loaders.components.util import Evidencer, Tokens, label_at, spans_of, text_of, token_after, tokens_of
from samkarta.loaders.model import MeetingFact
from samkarta.loaders.words import common_words, data, fold, grammar, lexicon, months, phrase_regex, place_suffixes
from samkarta.reference import load_reference

_NUMERIC_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")
_TITLE_LINES = 6  # lines after the start of the minutes that may hold the title
_TITLE_CHARS = 250  # ... within this many characters


@dataclass(frozen=True)
class _BodyRules:
    deciding: re.Pattern[str]
    target_before: re.Pattern[str]
    intro_before: re.Pattern[str]
    doc_types: re.Pattern[str]
    title_words: frozenset[str]


@cache
def _body_rules() -> _BodyRules:
    spec = data("dates.yaml")["body"]
    return _BodyRules(
        deciding(),
        re.compile(spec["target_before"], re.IGNORECASE),
        re.compile(spec["intro_before"], re.IGNORECASE),
        re.compile(spec["doc_types"], re.IGNORECASE),
        frozenset(spec["title_words"]),
    )


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int
    day: int

    def resolve(self, year: int | None) -> dt.date | None:
        y = self.year or year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class _DateRules:
    patterns: tuple[re.Pattern[str], ...]
    time_after: re.Pattern[str]
    held: frozenset[str]
    meeting_words: frozenset[str]
    next_meeting: re.Pattern[str]
    not_held: frozenset[str]
    weekdays: frozenset[str]


@cache
def date_rules() -> _DateRules:
    spec = data("dates.yaml")
    month_words = phrase_regex(list(months()))
    return _DateRules(
        # every date starts with a digit: the lookahead lets the engine skip all other positions at once
        tuple(re.compile("(?=[0-9])" + p.replace("{months}", month_words), re.IGNORECASE) for p in spec["patterns"]),
        re.compile(spec["time_after"], re.IGNORECASE),
        frozenset(spec["held_words"]),
        frozenset(spec["meeting_words"]),
        re.compile(spec["next_meeting"]),
        frozenset(data("labels.yaml")["not_held_before"]),
        frozenset(lexicon()["weekdays"]),
    )


def find_dates(text: str) -> list[DateMention]:
    """Every date mention, longest first where forms overlap."""
    found: list[DateMention] = []
    for pattern in date_rules().patterns:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = (
                int(groups["m"]) if groups.get("m") else months().get((groups.get("mon") or "").casefold().rstrip("."))
            )
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            if groups.get("yy"):
                if not (_after_meeting_noun(text, m.start()) or _after_date_label(text, m.start())):
                    continue
                year = _century(int(groups["yy"]))
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            found.append(DateMention(m.start(), m.end(), year, month, day))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


@cache
def _meeting_nouns() -> tuple[str, ...]:
    return tuple(data("dates.yaml")["meeting_nouns"])


@cache
def _date_label_end() -> re.Pattern[str]:
    """A date label and its colon ending the text before a date ("Datum: 080331")."""
    labels = phrase_regex(data("labels.yaml")["fields"]["date"])
    return re.compile(rf"(?:^|\W)(?:{labels})\s*:\s*$", re.IGNORECASE)


def _after_date_label(text: str, start: int) -> bool:
    return bool(_date_label_end().search(text[max(0, start - 40) : start]))


def _after_meeting_noun(text: str, start: int) -> bool:
    """The word right before is a meeting or minutes word, or a compound ending in one."""
    before = _words_before(text, start)
    return bool(before) and _meeting_word(before[-1])


def _century(yy: int) -> int:
    return 2000 + yy if yy <= dt.date.today().year % 100 else 1900 + yy


_BEFORE_CHARS = 40  # enough for the longest introduction: 'i enlighet med reglementet för '


class Meeting:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        fact = MeetingFact()
        if doc.user_data.get("later_part"):
            doc._.meeting = fact  # a long document's later parts: its title and header are in the first
            return doc
        ev = Evidencer(doc)
        dates = find_dates(text)
        year = _document_year(doc, dates)
        held = self._held(doc, dates, year)
        if held is not None:
            fact.date = held[0]
            fact.date_evidence = ev(held[1].start, held[1].end)
            fact.date_confidence = held[2]
        nxt = self._next(doc, dates, fact.date, year)
        if nxt is not None:
            fact.next_meeting, mention = nxt
            fact.next_meeting_evidence = ev(mention.start, mention.end)
        body = self._body(doc, held[1] if held is not None else None)
        if body is not None:
            fact.body, span, fact.body_confidence = body
            fact.body_evidence = ev(span.start_char, span.end_char)
        region = self._region(doc, body[1] if body else None)
        if region is not None:
            fact.region, span = region
            fact.region_evidence = ev(span.start_char, span.end_char)
        doc._.meeting = fact
        return doc

    # -- date -------------------------------------------------------------------------------------
    def _held(self, doc: Doc, dates: list[DateMention], year: int | None) -> tuple[dt.date, DateMention, float] | None:
        text = text_of(doc)
        rules = date_rules()
        # In a letterhead that names its author ("Handläggare"), "Datum" is the day it was written.
        letterhead = any(
            "author" in lab._.roles and lab.start_char < doc._.header_end for lab in spans_of(doc, "label")
        ) or _author_heading(text[: doc._.header_end])
        fields = [
            (f.start_char, f.end_char, 0 if letterhead and f.label_.casefold().startswith("datum") else 5)
            for f in spans_of(doc, "field")
            if f._.field == "date"
        ]
        # "Justeringens plats och tid: ... den 18 december": a field of another day
        other_days = [
            (f.start_char, f.end_char)
            for f in spans_of(doc, "field")
            if any(w.startswith(tuple(rules.not_held)) for w in f.label_.casefold().replace(":", " ").split())
        ]
        header_end = max(doc._.header_end, doc._.content_start + 400)
        title_lines = _title_lines(doc)
        # a date printed on every page (a page header) is the document's, not the meeting's
        repeated = Counter(text[d.start : d.end] for d in dates)
        best: tuple[float, DateMention, dt.date] | None = None
        years_named = Counter(int(y) for y in grammar().bare_year.findall(text))
        for d in dates:
            words_before = re.findall(r"[\wåäö.]+", text[max(0, d.start - 40) : d.start].casefold())[-3:]
            in_header = d.start < header_end
            # a weekday may name the year only where the meeting's own date is written
            in_field = any(s <= d.start < e for s, e, _ in fields) or any(s <= d.start < e for s, e in title_lines)
            resolved = d.resolve(_year_by_weekday(d, words_before, year, years_named) if in_field else year)
            if resolved is None:
                continue
            line_start = text.rfind("\n", 0, d.start) + 1
            line_end = text.find("\n", d.end)
            line = text[line_start : line_end if line_end >= 0 else len(text)].casefold()
            score = 0.0
            score += max((w for s, e, w in fields if s <= d.start < e), default=0)
            if not letterhead and any(w in _date_label_words() for w in words_before[-2:]):
                score += 2  # "Datum S 2020-02-03": a date label a page mark keeps from being a field
            if repeated[text[d.start : d.end]] >= 3:
                score -= 2
            if any(w in rules.weekdays for w in words_before):
                score += 3
            if any(w.endswith(_meeting_nouns()) for w in words_before[-2:]):
                score += 2  # "vid mötet 19 november", "Styrelsemöte 170110"
            if rules.time_after.match(text, d.end):
                score += 2
            if any(
                w in rules.held for w in re.findall(r"[\wåäö]+", text[max(0, d.start - 50) : d.end + 30].casefold())
            ):
                score += 3
            if any(s <= d.start < e for s, e in title_lines):
                score += 2
                if any(w in line for w in rules.meeting_words):
                    score += 1
                title = text[line_start : d.start].strip()
                if 0 < len(title) <= 60 and re.match(r"[A-ZÅÄÖ]", title) and not title.endswith(":"):
                    score += 1  # "Samrådet för äldre 2021-03-04": the date of a named title
            if in_header:
                score += 1
            if any(w in rules.not_held for w in words_before) or any(s <= d.start < e for s, e in other_days):
                score -= 6
            if d.year is None:
                score -= 1
            if score >= 2 and (best is None or score > best[0]):
                best = (score, d, resolved)
        if best is None:
            return None
        return best[2], best[1], min(0.95, 0.4 + best[0] / 12)

    def _next(
        self, doc: Doc, dates: list[DateMention], held: dt.date | None, year: int | None
    ) -> tuple[dt.date, DateMention] | None:
        for m in date_rules().next_meeting.finditer(text_of(doc), doc._.content_start):
            for d in dates:
                if m.end() <= d.start <= m.end() + 40:
                    base = held.year if held else year
                    resolved = d.resolve(base)
                    if resolved is None:
                        break
                    if held and d.year is None and resolved < held:
                        resolved = resolved.replace(year=resolved.year + 1)
                    if held is None or resolved > held:
                        return resolved, d
                    break
        return None

    # -- body -------------------------------------------------------------------------------------
    def _body(self, doc: Doc, held: DateMention | None) -> tuple[str, Span, float] | None:
        text = text_of(doc)
        rules = date_rules()
        title_lines = _title_lines(doc)

        def on_title(span: Span) -> bool:
            return any(a <= span.start_char < b for a, b in title_lines)

        # bodies named; a bare "nämnden" or an organisation ("Samordningsförbundet X") only right
        # after a meeting word in the title ("SAMMANTRÄDESPROTOKOLL Samordningsförbundet X")
        networks = list(spans_of(doc, "network")) + [
            s
            for s in [*spans_of(doc, "network_generic"), *spans_of(doc, "org")]
            if on_title(s)
            and (_after_meeting_word(doc, s) or _before_meeting_word(doc, s))
            and not _owner_of_next(doc, s)
            and not is_office(s)
        ]
        titled = _dated_title(doc, held, title_lines)
        if titled is not None:
            networks.append(titled)
        named = _named_after_doc_type(doc, title_lines)
        if named is not None:
            networks.append(named)
        networks.extend(_acronym_meetings(doc, title_lines))
        saved_as = _union_page_title(doc)
        if saved_as is not None:
            networks.append(saved_as)
        fields = [f for f in spans_of(doc, "field") if f._.field == "body"]
        # a body field's whole value when it holds a body phrase ('Organ: Förbundets styrelse
        # presidiet' is one body, though its words read as two)
        whole = [
            f
            for f in map(_before_label_word, fields)
            if len(f.text) <= 80
            and "\n" not in f.text.strip()
            and any(f.start <= n.start < f.end and (n.start, n.end) != (f.start, f.end) for n in networks)
            and not _capitalised_rest(f, networks)
        ]
        networks.extend(whole)
        scores: dict[int, float] = {}
        for k, net in enumerate(networks):
            s = 0.0
            if any(f.start_char <= net.start_char < f.end_char for f in fields):
                s += 6
            if on_title(net):
                s += 3
                if _near_meeting_word(text, net, rules.meeting_words):
                    s += 2
            if net.start_char < doc._.header_end:
                s += 1
                if _alone_on_line(text, net):
                    s += 1  # a heading of its own: "STYRGRUPPEN"
            if net in whole:
                s += 1
            if net is titled or net is named:
                s += 2  # "Samrådet för äldre 2021-03-04", "Minnesanteckningar ABC X": a name in the title
            if _body_rules().deciding.match(text, net.end_char):
                s += 2
            before = text[max(0, net.start_char - _BEFORE_CHARS) : net.start_char]
            if _body_rules().intro_before.search(before) or (on_title(net) and _after_doc_type(before)):
                s += 2  # "möte med X", "SAMMANTRÄDESPROTOKOLL X": the minutes say whose they are
            elif _body_rules().target_before.search(before[-12:]):
                s -= 2
            scores[k] = s
        # repeated mentions of the same body add up (a little)
        keys = [_key(n.text) for n in networks]
        counts = Counter(keys)
        best_k = None
        best_s = 1.0
        for k, s in scores.items():
            total = s + min(2.0, 0.5 * (counts[keys[k]] - 1))
            if total > best_s or (
                best_k is not None and total == best_s and networks[k].start < networks[best_k].start
            ):
                best_k, best_s = k, total
        if best_k is None:
            # no title names it: the body the minutes name most often, if some body recurs
            repeated = [k for k in scores if counts[keys[k]] >= 2 and networks[k].label_ == "NETWORK"]
            if repeated:
                best_k = max(repeated, key=lambda k: (counts[keys[k]], -networks[k].start))
                best_s = 0.5 * counts[keys[best_k]]
        if best_k is not None:
            net = networks[best_k]
            name = network_name(net.text)
            bare = _bare_generic(name)
            if bare is not None:
                name = _namesake(doc, bare, on_title) or name
            return name, net, min(0.95, 0.4 + best_s / 12)
        for f in fields:
            if not f.label_.endswith(":"):
                continue  # a body field without a colon is too often a heading
            value = " ".join(f.text.split()).strip(" .:-–")
            if 2 < len(value) <= 80:
                return value, f, 0.6
        kind = _meeting_kind(doc, title_lines)
        if kind is not None:
            return kind.text, kind, 0.4
        return None

    # -- region -----------------------------------------------------------------------------------
    def _region(self, doc: Doc, body: Span | None) -> tuple[str, Span] | None:
        ref = load_reference()
        refs = list(spans_of(doc, "ref"))
        if body is not None:
            for hit in refs:
                if body.start <= hit.start < body.end + 3:
                    county = county_of(hit)
                    if county:
                        return county, hit
        # where the meeting was held weighs most ("Plats och tid: Kommunhuset, Norrby")
        places = [
            (f.start_char, f.end_char)
            for f in spans_of(doc, "field")
            if f._.field == "place" or "plats" in f.label_.casefold()
        ]
        people_votes: Counter[str] = Counter(
            ref.municipalities[rec.affiliation_ref].county
            for rec in (doc._.people or {}).values()
            if rec.affiliation_kind == "municipality" and rec.affiliation_ref
        )
        # a name that is also a surname or a word ("Berg") counts only when nothing else names a county
        in_names = {i for s in spans_of(doc, "person") for i in range(s.start, s.end)}
        votes, first = _county_votes(doc, refs, places, in_names, ambiguous=False)
        votes.update(people_votes)
        _province_votes(doc, votes, first)
        if not votes:
            votes, first = _county_votes(doc, refs, places, in_names, ambiguous=True)
        if not votes:
            return None
        (county, count), *rest = votes.most_common(2)
        if rest and rest[0][1] == count:
            return None
        if count < 2 and rest:
            return None
        return county, first.get(county) or doc[0:1]


@cache
def _provinces() -> tuple[re.Pattern[str], dict[str, str]]:
    """Provinces and sub-regions that lie in one county ("Medelpad", "Skaraborg"), as a pattern."""
    provinces = load_reference().provinces
    names = sorted(provinces, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")(?:s|:s)?\b"), provinces


def _province_votes(doc: Doc, votes: Counter[str], first: dict[str, Span]) -> None:
    """A province or sub-region named in the minutes ("Medelpads räddningstjänstförbund") votes
    for its county, as a county's own name does. Only the region reads them: as a place or an
    organisation they stay what the text makes of them."""
    pattern, provinces = _provinces()
    for m in pattern.finditer(text_of(doc), doc._.content_start):
        county = provinces[m.group(1)]
        votes[county] += 2
        if county not in first:
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is not None:
                first[county] = span


def _county_votes(
    doc: Doc, refs: list[Span], places: list[tuple[int, int]], in_names: set[int], ambiguous: bool
) -> tuple[Counter[str], dict[str, Span]]:
    votes: Counter[str] = Counter()
    first: dict[str, Span] = {}
    content_start = doc._.content_start
    for hit in refs:
        if hit.start_char < content_start or (not ambiguous and hit._.ambiguous):
            continue
        if hit.start in in_names:
            continue  # "Anna Berg": a surname that is also a municipality names no place
        county = county_of(hit)
        if county is None:
            continue
        weight = 2 if hit.label_ in ("county", "organization") else 1
        if any(a <= hit.start_char < b for a, b in places):
            weight += 3
        votes[county] += weight
        first.setdefault(county, hit)
    return votes, first


@cache
def _author_labels() -> frozenset[str]:
    return frozenset(w for w, spec in label_specs().items() if "author" in spec.roles)


def _author_heading(header: str) -> bool:
    """A letterhead's line of column headings in capitals naming the author among them
    ("ENHET, HANDLÄGGARE")."""
    authors = _author_labels()
    for line in header.splitlines():
        if line.isupper() and "," in line and any(p.strip().casefold() in authors for p in line.split(",")):
            return True
    return False


def county_of(hit: Span) -> str | None:
    """The county a reference hit belongs to (a region or county board), None for national ones."""
    ref = load_reference()
    if hit.label_ == "county":
        return hit._.ref
    if hit.label_ == "municipality":
        return ref.municipalities[hit._.ref].county
    if hit.label_ == "organization" and hit._.ref is not None:  # a local branch has no reference
        org = ref.organizations[hit._.ref]
        if org.kind == "region":
            return ref.county_of_region_org(org.name)
        if org.kind == "county_administrative_board" and org.name != "Länsstyrelsen":
            return org.name.removeprefix("Länsstyrelsen ")
    return None


def _owner_of_next(doc: Doc, span: Span) -> bool:
    """An organisation in the genitive before a common noun ("Förbundets kansli") owns what
    follows; it is not itself the body the title names."""
    name = " ".join(span.text.split())
    nxt = doc[span.end] if span.end < len(doc) else None
    return org_name(name) != name and nxt is not None and nxt.is_alpha and nxt.text.islower()


def _union_page_title(doc: Doc) -> Span | None:
    """A saved page titled with nothing but a union of members' name ("Norrdals
    Samordningsförbund"): the minutes are that union's, as its board's."""
    if not doc._.content_start:
        return None
    text = text_of(doc)
    end = text.find("\n")
    span = doc.char_span(0, end if 0 < end < doc._.content_start else 0, alignment_mode="contract")
    if span is None or not 1 <= len(span) <= 5 or not all(t.is_alpha and t.text[:1].isupper() for t in span):
        return None
    return span if fold(span[-1].text).endswith(tuple(union_heads())) else None


def _after_meeting_word(doc: Doc, span: Span) -> bool:
    """A meeting word ends at most two words before the span, on its line."""
    return any(map(_meeting_word, _words_before(text_of(doc), span.start_char, same_line=True)[-3:]))


def _before_meeting_word(doc: Doc, span: Span) -> bool:
    """A minutes word follows the span on its line ("NORRBY FÖRBUND PROTOKOLL"): the heading names
    whose minutes they are."""
    nxt = span.end
    return nxt < len(doc) and not doc[nxt].is_space and _meeting_word(doc[nxt].text)


def _words_before(text: str, start: int, same_line: bool = False) -> list[str]:
    """The words of the 40 characters before `start` (of its line only, if asked)."""
    window = text[max(0, start - 40) : start]
    return re.findall(r"[\wåäöÅÄÖ]+", window.split("\n")[-1] if same_line else window)


def _meeting_word(word: str) -> bool:
    """A meeting or minutes word, or a compound ending in one ("Styrelsemöte")."""
    return word.casefold().endswith(tuple(date_rules().meeting_words))


def _alone_on_line(text: str, span: Span) -> bool:
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(" .:-–\t") == span.text


def _bare_generic(name: str) -> str | None:
    """The indefinite noun of a body named by a bare group word ("Nätverket" -> "nätverk"), else None."""
    low = fold(name)
    if " " in low:
        return None
    generic = heads().generic
    return next((low[: len(low) - n] for n in (0, 1, 2) if low[: len(low) - n] in generic), None)


def _namesake(doc: Doc, noun: str, on_title: Callable[[Span], bool]) -> str | None:
    """A bare "nätverket" or "styrelsen" of minutes that name a body with the same head
    ("Norrbyns chefsnätverk", "X styrelse") is that body: the only one in the title, else the one
    named most often. Namesakes as often named, or several in the title, leave it open."""
    names = [network_name(s.text) for s in spans_of(doc, "network")]
    fitting = [
        (s, n)
        for s, n in zip(spans_of(doc, "network"), names, strict=True)
        if " " in n.strip() or len(n) > len(noun) + 2
        if _bare_generic(n) is None and head_of(fold(n.rpartition(" ")[2]), (noun,)) == noun
    ]
    if not fitting:
        return None
    titled = [n for s, n in fitting if on_title(s)]
    if titled:
        return titled[0] if len({_key(n) for n in titled}) == 1 else None
    counts = Counter(_key(n) for _, n in fitting).most_common(2)
    if len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None
    return next(n for _, n in fitting if _key(n) == counts[0][0])


def _capitalised_rest(field: Span, networks: list[Span]) -> bool:
    """A body field's value goes on with a capitalised word no body phrase in it covers: the start
    of the next label run into the value ('Organ: Kommunstyrelsen Överkl'), not part of the name."""
    covered = {i for n in networks if field.start <= n.start < field.end for i in range(n.start, n.end)}
    return any(t.i not in covered and t.is_alpha and t.text[:1].isupper() for t in field)


def _acronym_meetings(doc: Doc, title_lines: list[tuple[int, int]]) -> list[Span]:
    """'Protokoll AU-möte ...', 'AU-sammanträde 2021-03-04': a meeting word compounded with an
    acronym, opening a title line or right after a document type, names the body by the acronym."""
    text = text_of(doc)
    t = tokens_of(doc)
    out = []
    for a, b in title_lines:
        for i in range(token_after(doc, a), len(doc)):
            if t.idx[i] + len(t.text[i]) > b:
                break  # the words wholly on the line only
            if acronym_meeting(t.text[i]) is None:
                continue
            before = text[a : t.idx[i]]
            if not before.strip() or _after_doc_type(before):
                out.append(Span(doc, i, i + 1, label="NETWORK"))
    return out


def _meeting_kind(doc: Doc, title_lines: list[tuple[int, int]]) -> Span | None:
    """Where no body is named, the kind of meeting the title names in one word ('Rektorsträff',
    'Planeringsmöte'): the group that met, called by its meeting."""
    t = tokens_of(doc)
    for a, b in title_lines:
        for i in range(token_after(doc, a), len(doc)):
            if t.idx[i] >= b:
                break
            low = t.lower[i]
            head = next((w for w in _kind_words() if low.endswith(w)), None)
            if head is not None and len(low) >= len(head) + 4 and t.text[i].isalpha():
                # with an adjective before it in its definite form: "gemensamma planeringsmötet"
                k = i - 1 if i >= 1 and _adjective_before(t, i) else i
                return doc[k : i + 1]
    return None


def _adjective_before(t: Tokens, i: int) -> bool:
    """A lower-case word in -a before i, no common word: an adjective's definite form ('gemensamma')."""
    prev = t.text[i - 1]
    return prev.isalpha() and prev.islower() and prev.endswith("a") and len(prev) > 4 and prev not in common_words()


@cache
def _kind_words() -> tuple[str, ...]:
    return tuple(data("dates.yaml")["body"]["meeting_kinds"])


def _title_lines(doc: Doc) -> list[tuple[int, int]]:
    """Where a title stands: the first lines of the minutes, within their first characters (a
    flattened PDF page is one long line), and everything before the minutes of a saved page."""
    start = doc._.content_start
    limit = start + _TITLE_CHARS
    lines = [(a, min(b, limit)) for a, b in doc._.lines if start <= a < limit][:_TITLE_LINES]
    if start:
        lines = [(0, start), *lines]
    return lines


@cache
def _label_words() -> frozenset[str]:
    return frozenset(w.casefold() for label in label_specs() for w in label.split()) | {"sida", "dnr"}


@cache
def _other_field_labels() -> frozenset[str]:
    """Words of every label but the body's ('Sammanträdesdatum', 'Protokollet anslås'): a body is
    named with 'styrelse', never with these."""
    specs = label_specs().items()
    body = {w for k, spec in specs if spec.field == "body" for w in k.split()}
    return frozenset(w for k, spec in specs if spec.field not in (None, "body") for w in k.split()) - body


@cache
def _term_of_office() -> re.Pattern[str]:
    return re.compile(data("dates.yaml")["term_of_office"])


def _before_label_word(field: Span) -> Span:
    """A field's value up to the next label word, where a flattened form lost the label's colon
    ('Norrby Omsorgsråd Sammanträdesdatum ...'), without a term of office after the name
    ('Arbetsutskottet 2023-2026')."""
    end = next((t.i for t in field[1:] if t.lower_ in _other_field_labels()), field.end)
    while end - 1 > field.start and _term_of_office().fullmatch(field.doc[end - 1].text):
        end -= 1
    if end == field.end:
        return field
    span = Span(field.doc, field.start, end, label=field.label_)
    span._.field = field._.field
    return span


def _after_doc_type(before: str) -> bool:
    """The text before a name ends in a document type and its linking words ('... PROTOKOLL ')."""
    m = _body_rules().doc_types.search(before)
    return m is not None and m.end() == len(before) and m.start() < m.end()


def _named_after_doc_type(doc: Doc, title_lines: list[tuple[int, int]]) -> Span | None:
    """'Minnesanteckningar ABC Vårdkedjor': the short capitalised name after a document type
    that opens a title line."""
    text = text_of(doc)
    labels = label_at(doc)
    persons = {i for s in spans_of(doc, "person") for i in range(s.start, s.end)}
    for a, b in title_lines[:4]:
        m = _doc_type_on_line(text, a, b)
        if not m or m.end() >= b:
            continue
        span = doc.char_span(m.end(), b, alignment_mode="contract")
        if span is None:
            continue
        words = []
        for tok in span:
            if tok.is_space or any(c.isdigit() for c in tok.text) or tok.text in (",", ".", ":", "(", "–", "-"):
                break
            if tok.i in labels or tok.i in persons:
                break
            if tok.lower_ in _label_words() or tok.lower_.endswith(tuple(date_rules().meeting_words)):
                break  # "PROTOKOLL Styrelsen Sammanträdesdatum": a field, not part of the name
            words.append(tok)
        while words and words[-1].lower_ in grammar().purpose_stops:
            words.pop()  # "Protokoll ABC den 3 maj": a name never ends in a function word
        if not (1 <= len(words) <= 6 and words[0].text[:1].isupper() and any(len(t.text) > 1 for t in words)):
            continue
        if words[-1].lower_.endswith(place_suffixes()):
            continue  # "PROTOKOLL. Norrbyrummet, ...": where it met, not who
        if all(t.lower_ in common_words() for t in words):
            continue  # "PROTOKOLL. Innehållsförteckning": a word of the document, no name
        if _owner_of_next(doc, doc[words[0].i : words[0].i + 1]):
            continue  # "PROTOKOLL Förbundets kansli": the office that wrote them
        if any(n.start <= words[0].i < n.end for n in spans_of(doc, "network")):
            return None  # a body noun names it: that candidate is scored already
        return Span(doc, words[0].i, words[-1].i + 1, label="TITLE")
    return None


def _closes_parenthesis(words: list) -> bool:
    """The last word closes a parenthesis opened in the name ('Norrby råd (NR)')."""
    return words[-1].text == ")" and any(w.text == "(" for w in words[:-1])


def _doc_type_on_line(text: str, a: int, b: int) -> re.Match[str] | None:
    """A document type opening the line, or right after the date that ends a letterhead run into the
    line ("Kansliet Anna Berg 2019-05-03 Minnesanteckningar från ...")."""
    rules = _body_rules()
    m = rules.doc_types.match(text, a, b)
    if m:
        return m
    for m in rules.doc_types.finditer(text, a, b):
        before = text[a : m.start()].split()
        if text[m.start()].isupper() and before and _NUMERIC_DATE.fullmatch(before[-1]):
            return m
    return None


def _column_headings_at_end(words: list) -> int:
    """How many capitalised label words end `words` (a flattened form's column headings)."""
    k = 0
    while k < len(words) and words[-1 - k].text[:1].isupper() and words[-1 - k].lower_ in _label_words():
        k += 1
    return k


def _dated_title(doc: Doc, held: DateMention | None, title_lines: list[tuple[int, int]]) -> Span | None:
    """The words before the meeting's date on a title line ('Samrådet för äldre 2021-03-04'), when they
    are a short capitalised name and not a label or only a document type."""
    if held is None or not any(a <= held.start < b for a, b in title_lines):
        return None
    text = text_of(doc)
    line_start = text.rfind("\n", 0, held.start) + 1
    span = doc.char_span(line_start, held.start, alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_space]
    labels = label_at(doc)
    meeting_words = date_rules().meeting_words
    body_starts = {n.start for n in spans_of(doc, "network")}
    while (
        words and words[0].i not in body_starts  # "Styrgrupp" is a field label too, but here it opens a name
    ) and (
        words[0].lower_ in _body_rules().title_words
        or words[0].lower_ in _label_words()
        or words[0].lower_.endswith(tuple(meeting_words))
    ):
        words = words[1:]
    while words and (
        (words[-1].is_punct and not _closes_parenthesis(words))
        or words[-1].lower_ in _body_rules().title_words
        or words[-1].lower_ in date_rules().weekdays
    ):
        words = words[:-1]
    while words and words[-1].lower_ in _date_label_words():
        words = words[:-1]  # "Styrgruppen Sammanträdesdatum 2021-03-04": the date's own label
    headings = _column_headings_at_end(words)
    if headings >= 2:
        words = words[:-headings]  # "X Sammanträdesdatum Paragrafer Sida 2019-04-02": a form's column headings
    if not 1 <= len(words) <= 8 or not words[0].text[:1].isupper() or any(t.i in labels for t in words):
        return None
    if any(t.like_num or t.text in (".", ":", ";") for t in words) or not any(
        t.is_alpha and len(t.text) > 1 and t.lower_ not in date_rules().weekdays for t in words
    ):
        return None
    if any(t.lower_.endswith(tuple(meeting_words)) for t in words):
        return None  # "ABC. Anteckningar från gruppens möte": a document title, not a name
    places = [s for s in spans_of(doc, "ref") if s.label_ in ("municipality", "county")]
    if any(s.start == words[0].i and s.end == words[-1].i + 1 for s in places):
        return None  # "Norrby 2019-05-14": where and when it met, not who
    return Span(doc, words[0].i, words[-1].i + 1, label="TITLE")


@cache
def _date_label_words() -> frozenset[str]:
    # only the labels that say 'date': 'tid', 'dag' and 'när' are common words in running text
    return frozenset(w.casefold() for w in data("labels.yaml")["fields"]["date"] if w.casefold().endswith("datum"))


def _year_by_weekday(d: DateMention, words_before: list[str], year: int | None, named: Counter[int]) -> int | None:
    """The year of a date written without one ('fredagen den 2 september'): the minutes' year, unless
    the weekday written says otherwise; then the year named in the minutes that fits the weekday."""
    if d.year is not None:
        return d.year
    weekday = next((day for day in map(_weekday, reversed(words_before)) if day is not None), None)
    if weekday is None:
        return year
    candidates = ([year] if year else []) + [y for y, _ in named.most_common()]
    for y in candidates:
        try:
            if dt.date(y, d.month, d.day).weekday() == weekday:
                return y
        except ValueError:
            continue
    return year


def _weekday(word: str) -> int | None:
    """The weekday a word names, Monday = 0 ('torsdagen', 'tors')."""
    if word not in date_rules().weekdays:
        return None
    names = lexicon()["weekdays"][:7]
    return next((i for i, name in enumerate(names) if word.startswith(name) or name.startswith(word)), None)


def _near_meeting_word(text: str, span: Span, words: frozenset[str]) -> bool:
    """A meeting word ('protokoll', 'möte', 'sammanträde') close before or after, on the same line."""
    before = text[max(0, span.start_char - 60) : span.start_char].split("\n")[-1]
    after = text[span.end_char : span.end_char + 30].split("\n")[0]
    found = re.findall(r"[\wåäöÅÄÖ]+", (before + " " + after).casefold())
    return any(w.endswith(tuple(words)) for w in found)


def _document_year(doc: Doc, dates: list[DateMention]) -> int | None:
    """The year of the minutes: the most common year of the header's full dates, else of all, else a
    year written alone in the title ('Minnesanteckningar ABC 2021-08')."""
    header = [d.year for d in dates if d.year and d.start < max(doc._.header_end, doc._.content_start + 600)]
    years = Counter(header or [d.year for d in dates if d.year])
    if years:
        return years.most_common(1)[0][0]
    for a, b in _title_lines(doc):
        m = grammar().bare_year.search(text_of(doc), a, b)
        if m:
            return int(m.group(0))
    return None


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@Language.factory("samkarta_meeting")
def make_meeting(nlp: Language, name: str) -> Meeting:  # noqa: ARG001
    return Meeting()
