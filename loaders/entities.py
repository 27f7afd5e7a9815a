"""Organisations, municipalities, networks and projects named in a document."""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from samkarta.loaders.doc import Doc
from samkarta.loaders.gazetteer import Hit
from samkarta.loaders.labels import find_labels
from samkarta.loaders.lexicon import COMMON_WORDS, fold, is_title
from samkarta.loaders.model import EntityFact, Evidence, PersonFact
from samkarta.loaders.patterns import starting_with
from samkarta.reference import load_reference

_AGENCY = re.compile(
    r"\b[A-ZÅÄÖa-zåäö][a-zåäö]{2,}(?<![Nn]ät)(?:verket|inspektionen|myndigheten|departementet|ombudsmannen)\b"
    r"|\b[A-ZÅÄÖ][a-zåäö]{2,}kansliet\b"
    r"|\bMyndigheten för [a-zåäö]+(?: och [a-zåäö]+| [a-zåäö]+){0,3}(?= \(|[,.;)]|\s+och\s+[A-ZÅÄÖ]|$)"
    r"|\bStatens [a-zåäö]+\b"
)
# "FoU Norrbotten": a research and development unit named after its county or municipality
_FOU_UNIT = starting_with("F", r"\bFoU\s+(?P<place>[A-ZÅÄÖ][\wåäö-]+)")
# "till regionen", "Regionen kommer ...": what may stand before "regionen" when it names an actor
_REGION_ACTOR_BEFORE = re.compile(r"(?:\b(?:till|med|av|från|hos)\s+|(?:^|[.!?\n])\s*)$")
_DEFINITE_BODY = re.compile(r"[\wåäö-]*(?:gruppen|utskottet|rådet|styrelsen)")
_AGENCY_ANCHOR = ("verket", "inspektionen", "yndigheten", "departementet", "ombudsmannen", "kansliet", "Statens")
# "för X": the matter a body is for, without function words ("för att", "som", "år").
_STOP = (
    r"(?!(?:att|den|det|en|ett|som|år|för|i|med|om|på|till|och|arbetet|mötet|dem|sig|kommande|"
    r"beslut|kännedom|information|yttrande|synpunkter|godkännande|behandling)\b)"
)
_WORD = rf"{_STOP}[a-zåäö-]+"
_QUALIFIER = rf"(?:\s+(?:för|i)\s+{_WORD}(?:\s+{_WORD})?(?:\s+och\s+{_WORD}(?:\s+{_WORD})?)?)"
_NETWORK = re.compile(
    rf"(?P<net>\b[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ]*(?:-[\wåäöÅÄÖ]+)*(?:s\s|-)?nätverk(?:et)?\b{_QUALIFIER}?)"
    r"|(?P<adjnet>\b(?:[Rr]egional[a]?t?|[Nn]ationell[at]?|[Ll]änsgemensam[ta]?|[Ll]okal[ta]?)\s+"
    r"nätverk(?:et)?\s+för\s+[a-zåäö]+)"
    r"|(?P<chefs>\b[A-ZÅÄÖa-zåäö][\wåäö]*-?cheferna\b)"
    rf"|(?P<group>\b[\wåäö]*(?:grupp(?:en)?|utskott(?:et)?)\b(?:{_QUALIFIER}|\s+region\s+\d+)?)"
    r"|(?P<council>\b(?:[A-ZÅÄÖ]{2,}\s+)?[A-ZÅÄÖa-zåäö][\wåäö]{3,}(?<!om)råd(?:et)?\b)"
    r"|(?P<adjcouncil>\b(?:[Rr]egional[at]?|[Nn]ationell[at]?|[Kk]ommunal[at]?)\s+[\wåäö]*(?:råd|forum)\b)"
    r"|(?P<forum>\b[A-ZÅÄÖa-zåäö][\wåäö]{3,}forum\b)"
    r"|(?P<board>\b[\wåäö]*styrelse(?:n|ns)?\b)"
    r"|(?P<assembly>\b[a-zåäöA-ZÅÄÖ]+(?:ernas|arnas|ornas)\s+möte\b|\b(?:[Ff]örbunds|[Åå]rs)möte(?:t)?\b"
    r"|\b(?:[Ff]örenings|[Åå]rs)?stämma(?:n)?\b)"
    r"|(?P<acronym>\b(?:[A-ZÅÄÖ]{1,4}NV|RUG)\b)"
)
_NETWORK_ANCHOR = (
    "ätverk",
    "grupp",
    "utskott",
    "råd",
    "forum",
    "styrelse",
    "cheferna",
    "nas möte",
    "smöte",
    "stämma",
    "NV",
    "RUG",
)
_GROUP_PREFIXES = (
    "styr",
    "referens",
    "lednings",
    "berednings",
    "planerings",
    "samverkans",
    "projekt",
    "strategi",
    "läns",
    "expert",
    "chefs",
    "samordnings",
    "arbetsutskott",
    "presidie",
    "nätverks",
    "kontakt",
)
_NOT_BODIES = re.compile(
    r"^(?:arbets(?:grupp|gruppen)|grupp(?:en)?|personalgrupp(?:en)?|målgrupp(?:en)?|nätverk(?:et)?|"
    r"samråd(?:et)?|rådet|råd|styrelsen?s?|ledamöter|kommunalråd|regionråd|kulturrådet|"
    r"brottsförebyggande rådet|forum|socialstyrelsen|rikspolisstyrelsen|institutionsstyrelse|"
    r"(?:länets|regionens|kommunens|kommunernas|landets|våra|andra|olika|flera)\s+nätverk(?:et|en)?)$",
    re.IGNORECASE,
)
_ACRONYM = starting_with("A-ZÅÄÖ", r"(?<![\w-])[A-ZÅÄÖ][A-ZÅÄÖ0-9]{2,6}(?:-[A-ZÅÄÖa-zåäö0-9]+)?(?![\w-])")
# Administrative abbreviations that are neither projects nor bodies.
_ADMIN_ABBREVIATIONS = frozenset(
    "EU IT KS RS KF KSAU HSL LSS SOL LVU LVM HVB SFI OCH VD SOU PDF DNR ANSLAG BEVIS NPM ST SSK HSV IFO "
    "ÄO FH OH CT MT AT ÖJ ÖK USA FN TSI UPPDRAG IVO SKL SKR GR VGR RSS SUD BUP BVC NNS KL MFD".split()
)
# A capitalised title running to a stop or a verb. A relative "som" is followed by a verb; a "som"
# inside a title ("Stabilitet som kompetensstrategi") is not.
_TITLE = (
    r"[A-ZÅÄÖ][^.,;:()\n\"”“]{2,70}?"
    r"(?=\s+(?:som\s+(?:[a-zåäö]+(?:ar|er|ir|te|as|es|(?<!n)de)|kan|ska|är|har|får|bör|vill|inte|också|nu)"
    r"|är|har|ska|kan|kommer|var|blir|och\s+[a-zåäö]+(?:de|r))\b|[.,;:()\n]|$)"
)
# "avdelningen Hälsa och välfärd": a named unit of an organisation.
_UNIT_NOUNS = ("avdelningen", "enheten", "förvaltningen", "sektionen", "staben", "kansliet")
_UNIT = re.compile(rf"\b(?:{'|'.join(_UNIT_NOUNS)})\s+(?P<unit>{_TITLE})")
# Nouns naming a work whose title may follow: "studien X", "samverkansdokumentet X".
_WORK_NOUNS = (
    "studien",
    "rapporten",
    "dokumentet",
    "samverkansdokumentet",
    "materialet",
    "arbetsmaterial(?:et)?",
    "studiematerial(?:et)?",
    "handboken",
    "vägledningen",
    "satsningen",
    "programmet",
    "kampanjen",
    "konceptet",
)
_PROJECT_HEADS = re.compile(
    r"\b[\wåäöÅÄÖ]+-projektet(?:\s+om\s+[a-zåäö ]{3,80}?(?=[.,;]|\s+(?:startat|har|är|pågår)))?"
    r"|\bprojektet\s+(?P<pname>[A-ZÅÄÖ][^.,;\n]{2,80})"
    r"|\binsatsen\s+(?P<iname>[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+\d+)?)"
    # "studien Stabilitet som kompetensstrategi.": a work noun, then its capitalised title up to a verb or stop
    rf"|\b(?:{'|'.join(_WORK_NOUNS)})\s+(?P<wname>{_TITLE})"
    r"|\b[A-ZÅÄÖ][\wåäö]+modell(?:en)?(?:\s+\d+)?\b"
    r"|\b[A-ZÅÄÖ][\wåäö]*(?:\s+[a-zåäö]+)?\s+model(?:l)?\b"
    r"|\b(?:[\wåäö]+\s+och\s+)?[\wåäö]+-satsningen\b"
    r"|\b[A-ZÅÄÖ][\wåäö]+(?:planen|resan|programmet)\b"
    r"|[\"”“](?P<quoted>[A-ZÅÄÖ][^\"”“\n]{2,60})[\"”“]"
)
_PROJECT_ANCHOR = (
    *(w.split("(")[0] for w in _WORK_NOUNS),
    "projekt",
    "insatsen",
    "model",
    "satsningen",
    "planen",
    "resan",
    "programmet",
    '"',
    "”",
    "“",
)
_GENERIC_TITLES = re.compile(
    r"^(?:övrig[at]?(?: frågor)?|föregående|mötets|godkännande|val av|rapport|information|aktuellt|"
    r"avslutning|nästa|välkommen|reflektion|ekonomi|dagordning|inledning|presentation|runda|"
    r"meddelanden|delgivningar|anmälningsärenden|uppföljning|protokoll|minnesanteckningar)",
    re.IGNORECASE,
)
_PROCESS_NOUN = re.compile(r"(?:ning|ningen|tion|tionen|het|heten|frågor|uppdrag|arbete|arbetet)$")


def anchored(pattern: re.Pattern[str], keywords: tuple[str, ...], text: str, start: int) -> Iterator[re.Match[str]]:
    """pattern.finditer, but only tried near the keywords it needs: a long pattern that starts with a
    generic word would otherwise be attempted at every word of the document."""
    positions = []
    for word in keywords:
        pos = text.find(word, start)
        while pos >= 0:
            positions.append((pos, pos + len(word)))
            pos = text.find(word, pos + 1)
    last_end = start
    for a_start, _ in sorted(positions):
        if a_start < last_end:
            continue
        # try the match at the start of the keyword's word and of up to three words before it
        starts = [a_start]
        pos = a_start
        word_start = a_start
        while word_start > last_end and (text[word_start - 1].isalnum() or text[word_start - 1] == "-"):
            word_start -= 1
        starts.append(word_start)
        for _ in range(4):
            pos = max(text.rfind(" ", last_end, pos), text.rfind("\n", last_end, pos))
            if pos < 0:
                starts.append(last_end)
                break
            starts.append(pos + 1)
            pos -= 1
        for cand in sorted(set(starts)):
            if cand > a_start:
                continue
            m = pattern.match(text, cand)
            if m and m.start() <= a_start < m.end():
                yield m
                last_end = m.end()
                break


@dataclass
class _Collected:
    facts: dict[str, EntityFact] = field(default_factory=dict)

    def add(
        self,
        key: str,
        name: str,
        ev: Evidence | Callable[[], Evidence],
        ref: str | None = None,
        kind: str | None = None,
    ) -> None:
        """Add a mention; evidence may be a callable so that surplus mentions cost nothing."""
        fact = self.facts.get(key)
        if fact is None:
            self.facts[key] = EntityFact(name=name, ref=ref, kind=kind, evidence=[ev() if callable(ev) else ev])
        elif len(fact.evidence) < 4:
            fact.evidence.append(ev() if callable(ev) else ev)

    def values(self) -> list[EntityFact]:
        return list(self.facts.values())


def _excluded(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of the spans (sorted by start)."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    while i >= 0 and spans[i][0] > start - 400:
        if spans[i][1] >= end:
            return True
        i -= 1
    return False


def find_municipalities(doc: Doc, name_spans: list[tuple[int, int]], people: list[PersonFact]) -> list[EntityFact]:
    ref = load_reference()
    out = _Collected()
    affiliated = {p.affiliation_ref for p in people if p.affiliation_kind == "municipality"}
    for hit in doc.hits:
        if hit.kind != "municipality" or _excluded(name_spans, hit.start, hit.end):
            continue
        if hit.ambiguous and hit.ref not in affiliated and not _place_context(doc, hit):
            continue
        muni = ref.municipalities[hit.ref]
        out.add(hit.ref, muni.name, partial(doc.evidence, hit.start, hit.end), ref=hit.ref, kind="municipality")
    return out.values()


def _place_context(doc: Doc, hit: Hit) -> bool:
    """An ambiguous place name counts when written as a proper noun in a place slot."""
    before = doc.text[max(0, hit.start - 30) : hit.start]
    after = doc.text[hit.end : hit.end + 20]
    if re.search(r"(?:\bi|\bfrån|\btill|\bmed|,|\boch)\s*$", before) or re.match(r"\s*(?:,|och\b|kan\b)", after):
        sentence_start = re.search(r"(?:^|[.!?:]\s+|\n\s*)$", before)
        return not sentence_start or bool(re.match(r"\s*(?:,|och\b)", after))
    return bool(re.search(r"[a-zåäö,]\s+$", before)) and not re.search(r"[.!?]\s*$", before)


def find_organizations(
    doc: Doc,
    people: list[PersonFact],
    name_spans: list[tuple[int, int]],
    body_span: tuple[int, int],
    county: str | None = None,
) -> tuple[list[EntityFact], list[EntityFact]]:
    """Organisations, and the joint services (Barnahus) that the product treats as projects."""
    ref = load_reference()
    orgs = _Collected()
    services = _Collected()
    affiliation_refs = {p.affiliation_ref for p in people if p.affiliation_ref}
    # a bare "länsstyrelsen" is most likely the board the minutes name most often
    specific_boards = Counter(
        h.ref for h in doc.hits if h.kind == "organization" and h.ref.startswith("Länsstyrelsen ")
    )
    for hit in doc.hits:
        if hit.kind != "organization" or _excluded(name_spans, hit.start, hit.end):
            continue
        service = ref.organizations[hit.ref].kind == "joint_service"
        if body_span[0] <= hit.start < body_span[1] and not (service and hit.start > body_span[0]):
            continue  # the body's own name; but "Styrgrupp Barnahus X" does steer the Barnahus
        if hit.ambiguous and hit.ref not in affiliation_refs and not _abbreviation_context(doc, hit):
            continue
        key = hit.ref
        if key == "Länsstyrelsen" and specific_boards:
            key = specific_boards.most_common(1)[0][0]
        target = services if service else orgs
        target.add(
            key, hit.surface, partial(doc.evidence, hit.start, hit.end), ref=key, kind=ref.organizations[hit.ref].kind
        )
    for p in people:
        known = {fold(f.name) for f in orgs.values()}
        ev = p.evidence[0] if p.evidence else Evidence(start=0, end=0, quote="")
        if p.unit and fold(p.unit) not in known:
            orgs.add(fold(p.unit), p.unit, ev, kind="unit")
        if p.affiliation and p.affiliation_kind in ("organization", "unit") and not p.affiliation_ref:
            if fold(p.affiliation) not in known:
                _add_unreferenced(orgs, p.affiliation, ev, p.affiliation_kind)
    for m in anchored(_UNIT, _UNIT_NOUNS, doc.text, doc.content_start):
        name = m.group("unit")
        if doc.hit_covering(m.start("unit"), m.end()) or _excluded(name_spans, m.start(), m.end()):
            continue
        # "Bemanning kansliet Föredragande:": a label, not a unit; its line is context enough to tell
        line_start = doc.text.rfind("\n", 0, m.start("unit")) + 1
        at = m.start("unit") - line_start
        if not any(label.start == at for label in find_labels(doc.text[line_start : m.end() + 2], at)):
            orgs.add(fold(name), name, doc.evidence(m.start("unit"), m.end()), kind="unit")
    for m in _FOU_UNIT.finditer(doc.text, doc.content_start):
        place = doc.hit_covering(m.start("place"), m.end("place"))
        if (
            place is not None
            and place.kind in ("county", "municipality")
            and not doc.hit_covering(m.start(), m.start() + 3)
        ):
            _add_unreferenced(orgs, m.group(0), partial(doc.evidence, m.start(), m.end()), "fou_unit")
    region_org = ref.region_org_of_county(county) if county else None
    if region_org and region_org in ref.organizations:
        # "skickas till regionen", "Regionen kommer att ...": the county's region as an actor, not an area
        for start in _region_actor_mentions(doc.text, doc.content_start):
            orgs.add(region_org, region_org, partial(doc.evidence, start, start + 8), ref=region_org, kind="region")
    for m in anchored(_AGENCY, _AGENCY_ANCHOR, doc.text, doc.content_start):
        name = m.group(0)
        if doc.hit_covering(m.start(), m.end()) or _excluded(name_spans, m.start(), m.end()):
            continue
        name = name[0].upper() + name[1:]
        orgs.add(fold(name), name, doc.evidence(m.start(), m.end()), kind="agency")
    return _merge_prefixes(orgs.values()), services.values()


def _add_unreferenced(orgs: _Collected, name: str, ev: Evidence | Callable[[], Evidence], kind: str | None) -> None:
    """An organisation the gazetteer did not find as written: it joins the one reference entry it
    shortens ('FoU Västerbotten' for 'FoU Socialtjänst Västerbotten'), else stands under its own name."""
    known_ref = _shortened_reference_name(name)
    if known_ref:
        orgs.add(known_ref, name, ev, ref=known_ref, kind=load_reference().organizations[known_ref].kind)
    else:
        orgs.add(fold(name), name, ev, kind=kind)


@lru_cache(maxsize=10_000)
def _shortened_reference_name(name: str) -> str | None:
    """The one reference organisation whose name or alias contains every word of name, in order."""
    words = fold(name).split()
    if len(words) < 2:
        return None
    ref = load_reference()
    found = set()
    for alias, canonical in ref.organization_aliases.items():
        it = iter(fold(alias).split())
        if all(w in it for w in words):  # a subsequence: each word found after the previous one
            found.add(canonical)
    return found.pop() if len(found) == 1 else None


def _region_actor_mentions(text: str, start: int) -> Iterator[int]:
    """Offsets of 'regionen' as an actor ('skickas till regionen', 'Regionen bjuder in'), not as the area
    ('i regionen') or a name ('Regionen Kalmar')."""
    pos = text.find("egionen", start)
    while pos > 0:
        begin, end = pos - 1, pos + 7
        after = text[end : end + 2]
        if (
            text[begin] in "Rr"
            and (begin == 0 or not text[begin - 1].isalnum())
            and not after[:1].isalnum()
            and not re.match(r"\s[A-ZÅÄÖ]", after)
            and _REGION_ACTOR_BEFORE.search(text, max(0, begin - 8), begin)
        ):
            yield begin
        pos = text.find("egionen", end)


def _merge_prefixes(facts: list[EntityFact]) -> list[EntityFact]:
    """'Umeåregionens kansli' and 'Umeåregionen' are one organisation. Between two reference entries the
    specific one wins: 'FoU Välfärd Region Västerbotten' says which 'FoU Välfärd' the minutes mean."""
    out: list[EntityFact] = []
    for fact in sorted(facts, key=lambda f: len(f.name)):
        key = fold(fact.name)
        shorter = [o for o in out if key.startswith(fold(o.name)) and len(fold(o.name)) >= 8]
        if not shorter:
            out.append(fact)
        elif fact.ref and all(o.ref for o in shorter):
            out = [o for o in out if o not in shorter]
            fact.evidence.extend(ev for o in shorter for ev in o.evidence[:1])
            out.append(fact)
    order = {id(f): i for i, f in enumerate(facts)}
    return sorted(out, key=lambda f: order[id(f)])


def _abbreviation_context(doc: Doc, hit: Hit) -> bool:
    before = doc.text[max(0, hit.start - 12) : hit.start]
    return hit.surface.isupper() and bool(re.search(r"(?:\bfrån|\btill|\bpå|\bvid|\bhos|\bför|,|\()\s*$", before))


@lru_cache(maxsize=100_000)
def network_key(name: str) -> str:
    """Key under which spellings of one body meet: 'Socialchefs nätverket' = 'socialcheferna',
    'Kommunalt forum' = 'Kommunala forum'."""
    words = [re.sub(r"(?<=[a-zåäö]{4}l)(?:t|a)$", "", w) for w in fold(name).split()]
    key = re.sub(r"[\s\-:]", "", "".join(words))
    key = re.sub(r"(?:chefs)?(?:nätverket|nätverk|cheferna)", "", key)
    key = re.sub(r"(gruppen|grupp)", "grupp", key)
    return key.removesuffix("s") if len(key) > 4 else key


def find_networks(doc: Doc, body: str | None, body_span: tuple[int, int], org_names: set[str]) -> list[EntityFact]:
    out = _Collected()
    body_key = network_key(body) if body else None
    if body:
        out.add(body_key or "", body, partial(doc.evidence, *body_span))
    for m in anchored(_NETWORK, _NETWORK_ANCHOR, doc.text, 0):
        kind = m.lastgroup or ""
        name = " ".join(m.group(0).split())
        if kind == "board" and fold(name).endswith("s"):
            name = name[:-1]
        if kind == "chefs":
            name = _chefs_to_network(name)
        bare = fold(name)
        if _NOT_BODIES.match(bare) and not (kind == "board" and bare in {"styrelsen"}):
            continue
        if bare in {fold(o) for o in org_names} or (" " not in name and is_title(name)):
            continue
        if kind == "group" and not name[0].isupper() and not bare.startswith(_GROUP_PREFIXES) and "chefs" not in bare:
            continue
        if kind == "group" and bare.startswith("arbets") and not bare.startswith("arbetsutskott"):
            continue
        if kind == "council" and (doc.hit_covering(m.start(), m.end()) or name[0].islower() and len(name) < 10):
            continue
        if kind == "board" and (hit := doc.hit_covering(m.start(), m.end())) and hit.kind == "organization":
            continue  # 'Länsstyrelsen', 'Socialstyrelsen': agencies, not boards of a body
        if body_span[0] <= m.start() < body_span[1]:
            continue
        key = network_key(name)
        if (
            body_key
            and body
            and (
                (len(key) >= 3 and (body_key.startswith(key) or key.startswith(body_key)) and _same_head(name, body))
                or (name.isupper() and name in body)
                # "Styrgruppen" in the minutes of "Regional styrgrupp för X": the body itself
                or (_DEFINITE_BODY.fullmatch(fold(name)) is not None and len(key) >= 5 and key in body_key)
            )
        ):
            key = body_key
        out.add(key, name, partial(doc.evidence, m.start(), m.end()))
        inner = re.search(r"\b(?:för|i)\s+([\wåäö-]*nätverk(?:et)?)$", name)
        if inner:  # "beredningsgruppen för verksamhetsutvecklarnätverket" names two bodies
            out.add(network_key(inner.group(1)), inner.group(1), partial(doc.evidence, m.start(), m.end()))
    return _merge_short_forms(out)


def _same_head(name: str, body: str) -> bool:
    """'Socialcheferna' and 'Socialchefsnätverket i X' open alike; 'Socialchefsnätverket' and
    'Socialnämndens arbetsutskott' share only 'social', which their keys keep after the network words go."""
    a, b = fold(name.split()[0]), fold(body.split()[0])
    common = len(os.path.commonprefix([a, b]))
    return common >= min(len(network_key(name)) + 3, len(a), len(b))


def _merge_short_forms(found: _Collected) -> list[EntityFact]:
    """'Arbetsutskottet' is short for the one 'Arbetsutskottet för kommunalt forum' in the same minutes."""
    keys = list(found.facts)
    merged: dict[str, str] = {}
    for key in keys:
        name = found.facts[key].name
        longer = [
            k
            for k in keys
            if k != key and len(key) >= 5 and k.startswith(key) and _same_head(name, found.facts[k].name)
        ]
        if len(longer) == 1:
            merged[key] = longer[0]
    for short, long in merged.items():
        found.facts[long].evidence.extend(found.facts[short].evidence[:2])
    return [f for k, f in found.facts.items() if k not in merged]


def _chefs_to_network(name: str) -> str:
    """'IFO-cheferna' is the IFO managers' network; keep any 'på GR' qualifier."""
    head, _, rest = name.partition(" ")
    head = re.sub(r"-?cheferna$", "", head)
    joined = f"{head}-chefsnätverket" if head.isupper() else f"{head}chefsnätverket"
    joined = joined[0].upper() + joined[1:]
    return f"{joined} {rest}".strip()


def find_projects(
    doc: Doc,
    services: list[EntityFact],
    excluded_names: set[str],
    item_titles: list[tuple[str, int, int]],
    list_spans: list[tuple[int, int]],
) -> list[EntityFact]:
    out = _Collected()
    for s in services:
        out.facts[fold(s.name)] = s
    excluded = {fold(n) for n in excluded_names}
    for m in anchored(_PROJECT_HEADS, _PROJECT_ANCHOR, doc.text, doc.content_start):
        name = m.group("pname") or m.group("iname") or m.group("wname") or m.group("quoted") or m.group(0)
        name = " ".join(name.split()).strip(" .")
        if fold(name) in excluded or len(name) < 3:
            continue
        start = next((m.start(g) for g in ("wname", "quoted") if m.group(g)), m.start())
        out.add(fold(name), name, partial(doc.evidence, start, start + len(name)))
    for m in _ACRONYM.finditer(doc.text, doc.content_start):
        word = m.group(0)
        base = word.split("-")[0]
        if (
            base in _ADMIN_ABBREVIATIONS
            or fold(base) in excluded
            or doc.hit_covering(m.start(), m.end())
            or _excluded(list_spans, m.start(), m.end())
            or re.match(r"^[A-ZÅÄÖ]{1,4}NV$|^RUG", base)
            or fold(base) in COMMON_WORDS
            or _defined_as_common_noun(doc, m.start())
        ):
            continue
        if word.endswith(("-nätverk", "-nätverket", "-chef", "-cheferna", "-projektet", "-frågor")):
            continue
        if any(base in name.split() for name in excluded_names) or _after_title(doc, m.start()):
            continue  # 'LPO Primärvårdsråd' is a body; 'Strateg VINR' a title
        out.add(fold(base), base, doc.evidence(m.start(), m.start() + len(base)))
    folded_text = doc.text.casefold()
    for title, start, end in item_titles:
        # "Min insats – rekrytering av ...", "Mötesplats IFO den 14 november": the name before a dash or date
        title = re.split(r"\s+[–—-]\s+|:\s|\s+den\s+\d|\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}", title)[0].strip(" .")
        words = title.split()
        if not 1 <= len(words) <= 5 or _GENERIC_TITLES.match(title) or fold(title) in excluded:
            continue
        if len(words) == 1 and _PROCESS_NOUN.search(fold(title)):
            continue
        if not title[0].isupper() or _whole_word_count(folded_text, title.casefold()) < 2:
            continue
        out.add(fold(title), title, partial(doc.evidence, start, end))
    return _merge_prefixes(out.values())


def _whole_word_count(text: str, word: str) -> int:
    count, pos = 0, text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            count += 1
        pos = text.find(word, pos + 1)
    return count


def _after_title(doc: Doc, pos: int) -> bool:
    before = doc.text[max(0, pos - 30) : pos].split()
    return bool(before) and is_title(before[-1])


def _defined_as_common_noun(doc: Doc, pos: int) -> bool:
    """'hedersrelaterat våld (HRV)': an abbreviation of a lower-case phrase is a topic, not a name."""
    before = doc.text[max(0, pos - 40) : pos]
    return bool(re.search(r"[a-zåäö]+\s*\($", before))
