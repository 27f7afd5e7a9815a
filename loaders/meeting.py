"""The meeting itself: the date it was held, the body that met, its region and the next meeting."""

from __future__ import annotations

import re
from collections import Counter

from samkarta.loaders.dates import DateMention, document_year, find_dates
from samkarta.loaders.doc import Doc
from samkarta.loaders.labels import find_labels, starts_with_label_word
from samkarta.loaders.model import EntityFact, MeetingFact, PersonFact
from samkarta.loaders.patterns import starting_with
from samkarta.reference import load_reference

_HEADER_CHARS = 2500
_BODY_WORDS = re.compile(
    r"nätverk|grupp|styrelse|utskott|råd\b|rådet|rådsmöte|forum|organ\b|organet|förbund|beredning|"
    r"kommitté|nämnd|\bRUG\b|samråd|delegation|presidi|konferens|kollegi|sammanträde|möte\b|mötet\b",
    re.IGNORECASE,
)
_DOC_TYPE = re.compile(
    r"^(?:\d+\s+)?(?:(?:minnes|mötes|sammanträdes)?anteckningar|(?:sammanträdes)?protokoll|dagordning|"
    r"kallelse|referat)?\s*(?:från|för|fört vid|förda vid|vid)?\s*(?:sammanträde|möte|mötet)?\s*"
    r"(?:med|i)?\s+",
    re.IGNORECASE,
)
_DOC_TYPE_SET_OFF = re.compile(
    r"\s*(?:(?:minnes|mötes|sammanträdes)?anteckningar|protokoll|referat)\s*[,:–-]\s*", re.IGNORECASE
)
_INTRO = starting_with(
    "MmAaPpsh",
    r"\b(?:(?:[Mm]innes|[Mm]ötes)?[Aa]nteckningar|[Pp]rotokoll)\s+(?:från|fört vid|förda vid|vid)\s+"
    r"(?:(?:sammanträde|möte|mötet)\s+(?:med|i)\s+)?|\bsammanträde\s+med\s+|\bhölls\s+",
)
_BODY_LABEL = re.compile(r"(?m)\b(?:Organ(?: och §§)?|Nätverk|Grupp|Mötesforum)\s*:\s*\n?\s*([^\n]{3,120})")
_NEXT = starting_with(
    "Nn",
    r"\b[Nn]ästa\s+(?:ordinarie\s+)?[\wåäö]*(?:möte|mötet|sammanträde|sammanträdet|träff|träffen)\b"
    r"(?:\s+(?:blir|är|äger rum|hålls))?\s*:?",
)
_NOT_HELD = re.compile(
    r"(?:nästa|föregående|protokoll från|anteckningar från|senast|till den|fr\.o\.m|t\.o\.m|"
    r"anslag|nedtag|justera|förvaringsplats|ansökan|bevis|utlysning|beslut den)(?:\W+\w+){0,2}\W*$",
    re.IGNORECASE,
)
# what may stand before a date that opens a header line: nothing, or "Måndagen den"
_WEEKDAY_ONLY = re.compile(r"\s*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+(?:den\s+)?)?", re.IGNORECASE)
_HELD_LABELS = re.compile(
    r"(?:Dag och tid|Tid och plats|Plats och tid|Tid och dag|Sammanträdesdatum|Mötesdatum|Datum och tid|"
    r"Dag|Tid)\s*:?[^\n]{0,80}$",
)


def meeting_date(doc: Doc, dates: list[DateMention]) -> tuple[DateMention | None, int | None]:
    """The date the meeting was held, chosen by where dates stand, and the document's year."""
    text = doc.text
    year = document_year([d for d in dates if d.start < doc.content_start + _HEADER_CHARS]) or document_year(dates)
    repeated = Counter(text[d.start : d.end] for d in dates)
    best: tuple[int, DateMention] | None = None
    for d in dates:
        before = text[max(0, d.start - 120) : d.start]
        line_before = before[before.rfind("\n") + 1 :]
        if _NOT_HELD.search(before[-40:]):
            continue
        score = 0
        held_after = re.match(
            r"\s*(?:,\s*)?(?:hölls|ägde\s+rum|sammanträdde|träffades|möttes)\b", text[d.end : d.end + 30]
        )
        if (
            _HELD_LABELS.search(line_before)
            or re.search(r"hölls|ägde rum|sammanträdde|träffades", before[-60:])
            or held_after
        ):
            score = 5
        elif re.search(r"\bDatum\s*:?\s*$", before):
            after = text[d.end : d.end + 80]
            after = after[: after.find("Datum")] if "Datum" in after else after
            score = 4 if re.search(r"\b(?:Tid|Plats|Lokal)\s*:", after) else 3
            if repeated[text[d.start : d.end]] > 1:
                score -= 1
        elif _is_title_line(line_before) and d.start < doc.content_start + _HEADER_CHARS:
            score = 4
        elif d.start < doc.content_start + 400 and _WEEKDAY_ONLY.fullmatch(line_before):
            line_end = text.find("\n", d.end)
            rest = text[d.end : line_end if line_end >= 0 else len(text)].strip()
            if len(rest) <= 60 and not re.search(r"[a-zåäö]{2}[.!?]\s+[A-ZÅÄÖ]", rest):
                score = 3  # a date opening a line at the top: alone, or with a time or a place
        elif d.start < doc.content_start and _BODY_WORDS.search(line_before):
            score = 3
        if d.year is None and score:
            score -= 1
        if score >= 2 and (best is None or score > best[0]):
            best = (score, d)
    return (best[1] if best else None), year


def _is_title_line(line_before: str) -> bool:
    """'RUG barn och unga 2019-05-02': a short heading naming a body, then the date."""
    words = line_before.split()
    lower = [w for w in words if w[:1].islower() and w not in {"och", "för", "i"}]
    return (
        bool(_BODY_WORDS.search(line_before))
        and len(line_before.strip()) <= 60
        and len(lower) <= 3
        and not (re.search(r"[.!?]", line_before))
    )


def next_meeting(doc: Doc, dates: list[DateMention]) -> DateMention | None:
    for m in _NEXT.finditer(doc.text, doc.content_start):
        for d in dates:
            if m.end() <= d.start <= m.end() + 12:
                return d
    return None


def meeting_body(doc: Doc, networks: list[EntityFact]) -> tuple[str | None, int, int]:
    """The body that met: a labelled field, 'anteckningar från X', a title line, else the most
    mentioned network."""
    text = doc.text
    m = _BODY_LABEL.search(text, 0)
    if m:
        value = _cut_title(doc, m.start(1), m.start(1) + len(m.group(1)))
        if value:
            return value
    for start in [0, doc.content_start] if doc.content_start else [0]:
        window_end = min(len(text), start + _HEADER_CHARS)
        m = _INTRO.search(text, start, window_end)
        if m and text[m.end() : m.end() + 12].startswith(("föregående", "förra", "tidigare")):
            m = None
        if m:
            value = _cut_title(doc, m.end(), min(len(text), m.end() + 160), sentence=True)
            if value and value[0]:
                return value
    for line_start, line_end in _header_lines(doc):
        line = text[line_start:line_end]
        if re.match(r"\s*(?:#+\s*)?(?:\d+[.)]|§)\s", line):
            break  # the agenda has started: no title after this
        if re.match(r"[•▪◦‣*–-]\s", line):
            break  # a bullet list has started: the header is over
        if _DOC_TYPE.fullmatch(line + " "):
            continue  # "SAMMANTRÄDESPROTOKOLL" alone names no body
        if _BODY_WORDS.search(line) and not starts_with_label_word(line):
            value = _cut_title(doc, line_start, line_end)
            if value and value[0] and _BODY_WORDS.search(value[0]):
                return value
    if networks:
        # the body that acts in its own minutes, not one that things are sent to ("till", "med")
        def own(n: EntityFact) -> int:
            return sum(
                1 for e in n.evidence if not re.search(r"\b(?:till|med|för|hos|i|på)\s*$", text[e.start - 8 : e.start])
            )

        top = max(networks, key=own)
        if top.evidence and own(top):
            return top.name, top.evidence[0].start, top.evidence[0].end
    return None, 0, 0


def _header_lines(doc: Doc) -> list[tuple[int, int]]:
    text = doc.text
    out = []
    pos = 0
    limit = doc.content_start + _HEADER_CHARS
    for raw in text[:limit].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _cut_title(doc: Doc, start: int, end: int, sentence: bool = False) -> tuple[str, int, int] | None:
    """Trim a title to the body's name: drop document-type words, dates, labels, page numbers."""
    text = doc.text
    # "Minnesanteckningar, Länsgruppen för ...": the document type set off by a comma or dash
    typed = _DOC_TYPE_SET_OFF.match(text, start, end)
    start = typed.end() if typed else start
    seg = text[start:end]
    cut = len(seg)
    for pattern in (r"\n", r"\(\d+\)", r"\s\d+\s+(?=[A-ZÅÄÖ])", r"\s\d{1,3}$", r",", r"\bkl\b", r"\s[-–]\s*$"):
        m = re.search(pattern, seg)
        if m:
            cut = min(cut, m.start())
    if sentence:
        m = re.search(r"[.!?](?:\s|$)", seg)
        if m:
            cut = min(cut, m.start())
    for d in find_dates(seg):
        cut = min(cut, d.start)
        break
    for label in find_labels(seg):
        if label.start > 0:
            cut = min(cut, label.start)
            break
    seg = seg[:cut]
    m = _DOC_TYPE.match(seg)
    lead = m.end() if m and m.end() < len(seg) else 0
    value = " ".join(seg[lead:].split()).strip(" .:-–")
    if not value or len(value) > 120:
        return None
    return value, start + lead, start + cut


def meeting_region(doc: Doc, body_span: tuple[int, int], people: list[PersonFact]) -> tuple[str | None, int, int]:
    """County of the body: named in its title, else the county most of its places belong to."""
    ref = load_reference()
    for hit in doc.hits_in(*body_span):
        county = _county_of_hit(hit.kind, hit.ref)
        if county:
            return county, hit.start, hit.end
    votes: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, int]] = {}
    for hit in doc.hits:
        if hit.start < doc.content_start and hit.kind != "county":
            continue
        county = _county_of_hit(hit.kind, hit.ref)
        if county and not (hit.kind == "organization" and ref.organizations[hit.ref].level == "national"):
            votes[county] += 1
            first_seen.setdefault(county, (hit.start, hit.end))
    for p in people:
        if p.affiliation_kind == "municipality" and p.affiliation_ref:
            votes[ref.municipalities[p.affiliation_ref].county] += 1
    if not votes:
        return None, 0, 0
    county, count = votes.most_common(1)[0]
    if count < 2 and len(votes) > 1:
        return None, 0, 0
    start, end = first_seen.get(county, (0, 0))
    return county, start, end


def _county_of_hit(kind: str, ref_value: str) -> str | None:
    ref = load_reference()
    if kind == "county":
        return ref_value
    if kind == "municipality":
        return ref.municipalities[ref_value].county
    if kind == "organization":
        org = ref.organizations[ref_value]
        if org.kind == "region":
            return ref.county_of_region_org(org.name)
        if org.kind == "county_administrative_board" and org.name != "Länsstyrelsen":
            return org.name.removeprefix("Länsstyrelsen ")
    return None


def read_meeting(doc: Doc, networks: list[EntityFact], people: list[PersonFact]) -> MeetingFact:
    dates = find_dates(doc.text)
    held, year = meeting_date(doc, dates)
    fact = MeetingFact()
    if held:
        fact.date = held.resolve(year)
        fact.date_evidence = doc.evidence(held.start, held.end) if fact.date else None
    nxt = next_meeting(doc, dates)
    if nxt:
        base = fact.date.year if fact.date else year
        resolved = nxt.resolve(base)
        if resolved and fact.date and nxt.year is None and resolved < fact.date:
            resolved = resolved.replace(year=resolved.year + 1)
        if resolved and (fact.date is None or resolved > fact.date):
            fact.next_meeting = resolved
            fact.next_meeting_evidence = doc.evidence(nxt.start, nxt.end)
    body, b_start, b_end = meeting_body(doc, networks)
    if body:
        fact.body = body
        fact.body_evidence = doc.evidence(b_start, b_end)
    region, r_start, r_end = meeting_region(doc, (b_start, b_end) if body else (0, 0), people)
    if region:
        fact.region = region
        fact.region_evidence = doc.evidence(r_start, r_end)
    return fact
