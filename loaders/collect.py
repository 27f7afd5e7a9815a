"""Read the annotations of processed Docs into one Extraction (a long document is several Docs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from samkarta.loaders.components.entities import heads, network_name, org_name, project_head
from samkarta.loaders.components.people import PersonRecord
from samkarta.loaders.components.util import Evidencer, spans_of, text_of
from samkarta.loaders.model import (
    ROLE_ORDER,
    ActionFact,
    AgendaItemFact,
    DecisionFact,
    EntityFact,
    Extraction,
    HandoffFact,
    MeetingFact,
    PersonFact,
    SourceInfo,
)
from samkarta.loaders.words import data, fold, grammar
from samkarta.reference import Reference, load_reference

_MAX_EVIDENCE = 5  # quotes kept per fact


@dataclass
class _Entities:
    """Entity facts keyed by identity within the document, fullest name kept."""

    facts: dict[str, EntityFact] = field(default_factory=dict)

    def add(self, key: str, name: str, ref: str | None, kind: str | None, ev: object, confidence: float) -> None:
        fact = self.facts.get(key)
        if fact is None:
            fact = EntityFact(name=name, ref=ref, kind=kind, confidence=confidence)
            self.facts[key] = fact
        elif ref is None and (
            len(name) > len(fact.name) and not name.endswith("s") or fact.name.endswith("s") and not name.endswith("s")
        ):
            fact.name = name
        fact.confidence = max(fact.confidence, confidence)
        if len(fact.evidence) < _MAX_EVIDENCE:
            fact.evidence.append(ev)  # type: ignore[arg-type]

    def fold_into(self, key: str, target: EntityFact, keep_name: bool = False) -> None:
        """The fact at `key` is `target` under another name: its evidence joins, the key goes; with
        `keep_name` its name stays one of the target's other names (a name to find the body by)."""
        folded = self.facts.pop(key)
        _keep_evidence(target.evidence, folded.evidence)
        if keep_name:
            for name in (folded.name, *folded.other_names):
                if name != target.name and name not in target.other_names:
                    target.other_names.append(name)

    def merge(self, key: str, other: EntityFact) -> None:
        """Fold in the same entity as read from another part of the document."""
        if key not in self.facts:
            self.facts[key] = other
            return
        for ev in other.evidence:
            self.add(key, other.name, other.ref, other.kind, ev, other.confidence)


class Collector:
    """Builds one Extraction from the parts of a document (a long document is read as several
    Docs, possibly in other processes): each Doc becomes a part (read_doc), parts merge here."""

    def __init__(self, source: SourceInfo) -> None:
        self.source = source
        self.people: dict[str, PersonFact] = {}
        self.orgs, self.munis, self.projects, self.networks = _Entities(), _Entities(), _Entities(), _Entities()
        self.decisions: list[DecisionFact] = []
        self.actions: list[ActionFact] = []
        self.handoffs: list[HandoffFact] = []
        self.items: list[AgendaItemFact] = []
        self.meeting = MeetingFact()
        self.content_start = 0
        self.parts = 0

    def add(self, part: Extraction) -> None:
        """Merge the next part of the document (parts come in order)."""
        if self.parts == 0:
            self.meeting = part.meeting
            self.content_start = part.content_start
        self.parts += 1
        for person in part.people:
            _merge_person(self.people, person)
        for fact in part.municipalities:
            self.munis.merge(fact.ref or _key(fact.name), fact)
        for fact in part.organizations:
            self.orgs.merge(fact.ref or _body_key(fact.name), fact)
        for fact in part.projects:
            self.projects.merge(fact.ref or _body_key(fact.name), fact)
        for fact in part.networks:
            self.networks.merge(_body_key(fact.name), fact)
        self.items.extend(part.items)
        self.decisions.extend(part.decisions)
        self.actions.extend(part.actions)
        self.handoffs.extend(part.handoffs)

    def result(self) -> Extraction:
        meeting = self.meeting
        body_key = _body_key(meeting.body) if meeting.body else None
        if meeting.body and body_key not in self.networks.facts:  # the body is a network of its minutes
            self.networks.add(body_key, meeting.body, None, None, meeting.body_evidence, meeting.body_confidence)
        folded = _merge_short_forms(self.networks) | _merge_owner_forms(self.networks)
        folded |= _merge_written_apart(self.networks)
        folded |= _merge_people_forms(self.networks)
        folded |= _merge_purpose_forms(self.networks)
        folded |= _merge_owned_forms(self.networks)
        _merge_acronyms(self.networks)
        full_key = _folded_to(folded, body_key, self.networks.facts)
        if full_key is not None:  # the body is named in full elsewhere in the minutes: one body, two names
            body_key = full_key
            meeting = meeting.model_copy(update={"body_full": self.networks.facts[body_key].name})
        if body_key:
            _merge_into_body(self.networks, body_key)
        _merge_generic_refs(self.orgs)
        for fact in self.networks.facts.values():
            fact.name, acronyms = split_acronyms(fact.name)
            fact.acronyms = sorted(acronyms)
        body, acronyms = split_acronyms(meeting.body) if meeting.body else (meeting.body, [])
        if acronyms:  # "Norrby råd (NR)": the name is the body's, the acronym stays in its full title
            meeting = meeting.model_copy(update={"body": body, "body_full": meeting.body_full or meeting.body})
        return Extraction(
            source=self.source,
            meeting=meeting,
            people=list(self.people.values()),
            organizations=list(self.orgs.facts.values()),
            municipalities=list(self.munis.facts.values()),
            projects=list(self.projects.facts.values()),
            networks=list(self.networks.facts.values()),
            items=self.items,
            content_start=self.content_start,
            decisions=self.decisions,
            actions=self.actions,
            handoffs=self.handoffs,
        )


def read_doc(doc: Doc, offset: int, first: bool, source: SourceInfo) -> Extraction:
    """One processed Doc as a part of its document's Extraction; offset is where its text starts
    in the whole document, first says whether it is the document's first part (the title, the
    meeting)."""
    ref = load_reference()
    ev = Evidencer(doc, offset)
    people: dict[str, PersonFact] = {}
    orgs, munis, projects, networks = _Entities(), _Entities(), _Entities(), _Entities()
    start = doc._.content_start if first else 0  # a saved page's title is no part of the minutes
    for rec in (doc._.people or {}).values():
        if any(s >= start for s, _ in rec.mentions):
            _add_person(people, rec, ev)
    # each span's extension object read once (every `._` builds a new one)
    for span in _after(spans_of(doc, "municipality"), start):
        ext = span._
        munis.add(
            ext.ref,
            ref.municipalities[ext.ref].name,
            ext.ref,
            "municipality",
            ev(span.start_char, span.end_char),
            ext.confidence,
        )
    for span in _after(spans_of(doc, "org"), start):
        ext, name = span._, org_name(span.text, genitive=span.label_ == "OWNER")
        orgs.add(
            ext.ref or _body_key(name), name, ext.ref, ext.ref_kind, ev(span.start_char, span.end_char), ext.confidence
        )
    for span in _after(spans_of(doc, "project"), start):
        ext = span._
        name = _initiative_part(_surface(span), ext.ref, ref)
        projects.add(
            ext.ref or _body_key(name), name, ext.ref, None, ev(span.start_char, span.end_char), ext.confidence
        )
    for span in _after(spans_of(doc, "network"), start):
        name = network_name(span.text)
        networks.add(_body_key(name), name, None, None, ev(span.start_char, span.end_char), span._.confidence)
    text = text_of(doc)
    items = []
    for item in spans_of(doc, "item"):
        title = text[item._.title[0] : item._.title[1]] if item._.title else ""
        items.append(
            AgendaItemFact(
                number=item._.number,
                title=" ".join(title.split()) or (item._.number or ""),
                text=" ".join(text[item.start_char : item.end_char].split())[:2000],
                evidence=[ev(item.start_char, item.end_char)],
            )
        )
    outcomes = doc._.outcomes or {}
    records = doc._.people or {}
    decisions = [
        DecisionFact(text=d["text"], item=d["item"], confidence=d["confidence"], evidence=[ev(*d["span"])])
        for d in outcomes.get("decisions", [])
    ]
    actions = []
    for a in outcomes.get("actions", []):
        assignee = records.get(a["assignee"]) if a["assignee"] else None
        actions.append(
            ActionFact(
                text=a["text"],
                item=a["item"],
                assignee=assignee.name if assignee else None,
                confidence=a["confidence"],
                evidence=[ev(*a["span"])],
            )
        )
    handoffs = [
        HandoffFact(
            question=h["question"], to=h["to"], item=h["item"], confidence=h["confidence"], evidence=[ev(*h["span"])]
        )
        for h in outcomes.get("handoffs", [])
    ]
    meeting = (doc._.meeting or MeetingFact()) if first else MeetingFact()
    return Extraction(
        source=source,
        meeting=meeting,
        people=list(people.values()),
        organizations=list(orgs.facts.values()),
        municipalities=list(munis.facts.values()),
        projects=list(projects.facts.values()),
        networks=list(networks.facts.values()),
        items=items,
        content_start=doc._.content_start if first else 0,
        decisions=decisions,
        actions=actions,
        handoffs=handoffs,
    )


def collect(docs: list[tuple[Doc, int]], source: SourceInfo) -> Extraction:
    """One Extraction from the Docs of a document, each with its offset in the whole text."""
    collector = Collector(source)
    for n, (doc, offset) in enumerate(docs):
        collector.add(read_doc(doc, offset, n == 0, source))
    return collector.result()


def _merge_into_body(networks: _Entities, body_key: str) -> None:
    """A one-word body name that ends like the meeting's own body's name is that body in the
    minutes ('Styrelsen' in the minutes of 'Förbundsstyrelsen'); it joins the body."""
    body_fact = networks.facts.get(body_key)
    if body_fact is None:
        return
    for key, fact in list(networks.facts.items()):
        if key != body_key and " " not in fact.name.strip() and body_key.endswith(key):
            networks.fold_into(key, body_fact)


def _merge_generic_refs(orgs: _Entities) -> None:
    """'Länsstyrelsen' in minutes that also name 'Länsstyrelsen Dalarna' is that board: a generic
    reference row joins the one specific row of its kind the minutes name, by its reference name
    or as written ('landstinget' and 'Landstinget Norrby', whose reference is the region now)."""
    for key, fact in list(orgs.facts.items()):
        if fact.ref is None or " " in fact.ref:
            continue
        generic = fact.ref.casefold() + " "
        specific = [
            f
            for f in orgs.facts.values()
            if f is not fact and ((f.ref or "").casefold().startswith(generic) or f.name.casefold().startswith(generic))
        ]
        if len(specific) == 1:
            orgs.fold_into(key, specific[0])


def _folded_to(folded: dict[str, str], key: str | None, facts: dict[str, object]) -> str | None:
    """The key a name was folded into, following folds of folds, if that name is still a body."""
    seen = set()
    while key in folded and key not in seen:
        seen.add(key)
        key = folded[key]
    return key if seen and key in facts else None


def _merge_acronyms(networks: _Entities) -> None:
    """'AU' in minutes that name 'Kommunstyrelsens arbetsutskott' is that body: a standard
    abbreviation joins the one body named in full with the noun it stands for."""
    acronyms = heads().acronyms
    for key, fact in list(networks.facts.items()):
        noun = acronyms.get(fact.name)
        if noun is None:
            continue
        stem = _body_key(noun)
        full = [f for k, f in networks.facts.items() if k != key and stem in k]
        if len(full) == 1:
            networks.fold_into(key, full[0])


def _merge_short_forms(networks: _Entities) -> dict[str, str]:
    """'Länsgruppen' in the minutes of 'Länsgrupp för familjehemsfrågor' is that body: a one-word
    definite form whose stem is the first word of a longer name joins it; so does one that is the
    last word of the one longer name owned by someone ('Arbetsutskottet' of 'Landstingsstyrelsens
    arbetsutskott'), or that heads the first word of the one longer name ('Styrelsen' of
    'Förbundsstyrelsen för X'). Returns the keys folded, with the key of the name each joined."""
    long_names = {k: f for k, f in networks.facts.items() if " " in f.name}
    folded: dict[str, str] = {}
    for key, fact in list(networks.facts.items()):
        if " " in fact.name:
            continue
        word = fold(fact.name)
        stems = {word} | {word[: -len(end)] for end in ("en", "et", "n", "t") if word.endswith(end)}
        first = [k for k, f in long_names.items() if fold(f.name.split()[0]) in stems]
        owned = [k for k, f in long_names.items() if _owned(f.name) and fold(f.name.split()[-1]) in stems]
        headed = [k for k, f in long_names.items() if fold(f.name.split()[0]).endswith(word) and len(word) >= 5]
        target = first[0] if first else owned[0] if len(owned) == 1 else headed[0] if len(headed) == 1 else None
        if target is not None:
            networks.fold_into(key, long_names[target])
            folded[key] = target
    return folded


def _merge_written_apart(networks: _Entities) -> dict[str, str]:
    """'Socialchefsnätverket' in minutes that also write 'Socialchefs nätverket' or
    'Socialchefs-nätverket' is that body: a compound and the same words written apart or hyphenated
    are one name, whether the first word keeps its linking s or not. The compound joins the name
    written apart; returns the keys folded."""
    apart = {_linked_key(f.name): k for k, f in networks.facts.items() if " " in f.name}
    apart |= {_linked_key(f.name.replace("-", "")): k for k, f in networks.facts.items() if _hyphenated(f.name)}
    folded: dict[str, str] = {}
    for key, fact in list(networks.facts.items()):
        target = apart.get(_linked_key(fact.name)) if " " not in fact.name and "-" not in fact.name else None
        if target is not None and target != key:
            networks.fold_into(key, networks.facts[target])
            folded[key] = target
    return folded


def _merge_people_forms(networks: _Entities) -> dict[str, str]:
    """'Kulturcheferna' or 'ABC-cheferna' in minutes that name 'Kulturchefsnätverket' or
    'ABC-nätverket' is that network: a body named by its members in the plural (bodies.yaml:
    members_plural) joins the one network or group of those members. Returns the keys folded."""
    members = data("bodies.yaml")["members_plural"]
    folded: dict[str, str] = {}
    for key, fact in list(networks.facts.items()):
        word = fold(fact.name)
        plural = next((m for m in members if word.endswith(m)), None)
        if plural is None or " " in word or len(word) - len(plural) < 2:
            continue
        stem, singular = word[: -len(plural)].rstrip("-"), members[plural]
        others = [k for k, f in networks.facts.items() if k != key and _of_members(f.name, stem, singular)]
        if len(others) == 1:
            networks.fold_into(key, networks.facts[others[0]], keep_name=True)
            folded[key] = others[0]
    return folded


def _merge_purpose_forms(networks: _Entities) -> dict[str, str]:
    """'Digitalt forum' in minutes that also name 'Digitalt forum för kultur' is that body: a name
    of several words joins the one longer name that adds what the body is for or where it is
    ('för', 'i'). Returns the keys folded, with the key of the name each joined."""
    links = tuple(f" {w} " for w in grammar().place_prepositions) + (" för ",)
    return _merge_into_longer(networks, lambda name, other: other.startswith(tuple(name + link for link in links)))


def _merge_owned_forms(networks: _Entities) -> dict[str, str]:
    """'utskott för kultur' in minutes that also name 'Regionens utskott för kultur' is that body: a
    name of several words joins the one longer name that is it with an owner in the genitive before
    it. Returns the keys folded, with the key of the name each joined."""
    return _merge_into_longer(
        networks, lambda name, other: other.endswith(" " + name) and other[: -len(name) - 1].endswith("s")
    )


def _merge_into_longer(networks: _Entities, longer_form: Callable[[str, str], bool]) -> dict[str, str]:
    """Each network name of several words joins the one other name that `longer_form(name, other)`
    (both folded) says is a longer form of it; with two or more candidates it stays apart."""
    folded: dict[str, str] = {}
    for key, fact in list(networks.facts.items()):
        name = fold(fact.name)
        if " " not in name:
            continue  # one word: _merge_short_forms
        longer = [k for k, f in networks.facts.items() if k != key and longer_form(name, fold(f.name))]
        if len(longer) == 1:
            networks.fold_into(key, networks.facts[longer[0]], keep_name=True)
            folded[key] = longer[0]
    return folded


def _of_members(name: str, stem: str, singular: str) -> bool:
    """'Kulturchefsnätverket' (stem 'kultur', member 'chef'), 'ABC-nätverket' (stem 'abc')."""
    low = fold(name)
    nouns = (singular, *data("bodies.yaml")["members_network_nouns"])
    return low.startswith(stem) and low[len(stem) :].lstrip("-").startswith(nouns)


def _hyphenated(name: str) -> bool:
    """One word whose parts are joined by a hyphen ('Förskole-gruppen'), not a suspended part."""
    return " " not in name and "-" in name.strip("-")


def _linked_key(name: str) -> str:
    """A body key without the s that may link the parts of a compound."""
    return _body_key(name).replace("s", "")


def _owned(name: str) -> bool:
    """'Landstingsstyrelsens arbetsutskott': a body named as its owner's, in the genitive."""
    words = name.split()
    return len(words) == 2 and words[0].endswith("s") and words[0][:1].isupper()


def _merge_owner_forms(networks: _Entities) -> dict[str, str]:
    """'Regionförbundets styrelse' in minutes that name 'Förbundsstyrelsen för Regionförbundet i X'
    is that body: the owner in the genitive and the body noun, against the body noun's compound
    'för' the owner. Returns the keys folded, with the key of the name each joined."""
    folded: dict[str, str] = {}
    for key, fact in list(networks.facts.items()):
        if not _owned(fact.name):
            continue
        owner, noun = fold(fact.name.split()[0][:-1]), _stem(fold(fact.name.split()[1]))
        fuller = [
            k
            for k, f in networks.facts.items()
            if len(f.name.split()) >= 3
            and fold(f.name.split()[1]) == "för"
            and fold(f.name.split()[2]) == owner
            and noun in fold(f.name.split()[0])
        ]
        if len(fuller) == 1:
            networks.fold_into(key, networks.facts[fuller[0]])
            folded[key] = fuller[0]
    return folded


def _add_person(people: dict[str, PersonFact], rec: PersonRecord, ev: Evidencer) -> None:
    roles = set(rec.roles)
    if "absent" in roles:
        roles -= {"present"}
    key = fold(rec.name)
    fact = people.get(key)
    evidence_list = [ev(s, e) for s, e in rec.mentions[:_MAX_EVIDENCE]]
    if fact is None:
        people[key] = PersonFact(
            name=rec.name,
            affiliation=rec.affiliation,
            affiliation_kind=rec.affiliation_kind,  # type: ignore[arg-type]
            affiliation_ref=rec.affiliation_ref,
            unit=rec.unit,
            roles=_ordered(roles),
            title=rec.title,
            party=rec.party,
            confidence=rec.confidence,
            evidence=evidence_list,
        )
        return
    fact.roles = _ordered(set(fact.roles) | roles)
    _adopt_affiliation(fact, rec.affiliation, rec.affiliation_kind, rec.affiliation_ref)
    _keep_evidence(fact.evidence, evidence_list)


def _keep_evidence(evidence: list, more: list) -> None:
    """Add evidence up to the first _MAX_EVIDENCE quotes of a fact."""
    evidence.extend(more[: max(0, _MAX_EVIDENCE - len(evidence))])


def _ordered(roles: set[str]) -> list[str]:
    """Roles in their fixed order; 'mentioned' only when nothing else was read."""
    if roles - {"mentioned"}:
        roles = roles - {"mentioned"}
    return [r for r in ROLE_ORDER if r in roles]


def _adopt_affiliation(fact: PersonFact, name: str | None, kind: str | None, ref: str | None) -> None:
    """The first affiliation read holds; a later one only fills a gap."""
    if fact.affiliation is None and name is not None:
        fact.affiliation, fact.affiliation_kind, fact.affiliation_ref = name, kind, ref  # type: ignore[assignment]


def _merge_person(people: dict[str, PersonFact], person: PersonFact) -> None:
    """The same person read in another part of the document: roles add up, the first affiliation holds."""
    key = fold(person.name)
    fact = people.get(key)
    if fact is None:
        people[key] = person
        return
    merged = set(fact.roles) | set(person.roles)
    if "absent" in merged and merged & {"chair", "presenter", "secretary"}:
        merged.discard("absent")
    fact.roles = _ordered(merged)
    _adopt_affiliation(fact, person.affiliation, person.affiliation_kind, person.affiliation_ref)
    fact.confidence = max(fact.confidence, person.confidence)
    _keep_evidence(fact.evidence, person.evidence)


def _after(spans: object, start: int) -> list[Span]:
    return [s for s in spans if s.start_char >= start]  # type: ignore[attr-defined]


def _initiative_part(name: str, canonical: str | None, ref: Reference) -> str:
    """'SIP-mallen' -> 'SIP': an initiative read as the first part of a compound is named by
    that part, unless the compound names a work of it ('IPS-projektet')."""
    first, dash, rest = name.partition("-")
    if canonical is None or not dash or " " in name or ref.organization_aliases.get(first) != canonical:
        return name
    return name if rest.strip() and project_head(rest.strip()) else first


def _surface(span: Span) -> str:
    text = " ".join(span.text.split())
    return text[:-2] if text.endswith(":s") else text


def split_acronyms(name: str) -> tuple[str, list[str]]:
    """'Norrby råd (NR) i Västra län' -> ('Norrby råd i Västra län', ['NR']): an acronym in
    parentheses is another name of the body, not part of its name."""
    found = [a for a in re.findall(r"\(([^()]{2,10})\)", name) if grammar().acronym.fullmatch(a)]
    if not found:
        return name, []
    base = name
    for acronym in found:
        base = base.replace(f"({acronym})", " ")
    return " ".join(base.split()).strip(" ,.-–") or name, found


def _body_key(name: str) -> str:
    """One key for the forms of a body's name: 'Socialnämndens', 'socialnämnden' and 'Socialnämnd',
    'Regionala skärgårdsrådet' and 'Regionalt Skärgårdsråd' (each word without its endings)."""
    name = re.sub(r"\([^)]*\)", " ", name)  # "Socialchefs nätverket (SCHNV)": the acronym is an alias
    return "".join(_stem(w) for w in _key(name).split())  # "Socialchefs nätverket" = "Socialchefnätverket"


_ENDINGS = ("erna", "arna", "orna", "en", "et", "na", "n", "t", "a", "e")


def _stem(word: str) -> str:
    """The shortest form of a word without a genitive -s and a definite or adjective ending (three
    letters at least): a key, not a lemma."""
    forms = {word, word.removesuffix(":s")}
    forms |= {f[:-1] for f in list(forms) if f.endswith("s") and len(f) > 4}
    forms |= {f[: -len(e)] for f in list(forms) for e in _ENDINGS if f.endswith(e) and len(f) - len(e) >= 3}
    return min(forms, key=lambda f: (len(f), f))


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())
