"""Read the annotations of processed Docs into one Extraction (a long document is several Docs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from samkarta.loaders.components.entities import network_name
from samkarta.loaders.components.people import PersonRecord
from samkarta.loaders.components.util import Evidencer, text_of
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
from samkarta.loaders.words import fold
from samkarta.reference import load_reference

_ATTENDING = {"chair", "present", "presenter", "guest", "secretary"}


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
        if len(fact.evidence) < 5:
            fact.evidence.append(ev)  # type: ignore[arg-type]


def collect(docs: list[tuple[Doc, int]], source: SourceInfo) -> Extraction:
    """One Extraction from the Docs of a document, each with its offset in the whole text."""
    people: dict[str, PersonFact] = {}
    orgs, munis, projects, networks = _Entities(), _Entities(), _Entities(), _Entities()
    decisions: list[DecisionFact] = []
    actions: list[ActionFact] = []
    handoffs: list[HandoffFact] = []
    items: list[AgendaItemFact] = []
    meeting = MeetingFact()
    ref = load_reference()
    for n, (doc, offset) in enumerate(docs):
        ev = Evidencer(doc, offset)
        if n == 0:
            meeting = doc._.meeting or MeetingFact()
        start = doc._.content_start if n == 0 else 0  # a saved page's title is no part of the minutes
        for rec in (doc._.people or {}).values():
            if any(s >= start for s, _ in rec.mentions):
                _add_person(people, rec, ev)
        for span in _after(doc.spans["municipality"], start):
            muni = ref.municipalities[span._.ref]
            munis.add(
                span._.ref, muni.name, span._.ref, "municipality", ev(span.start_char, span.end_char), span._.confidence
            )
        for span in _after(doc.spans["org"], start):
            name = _surface(span)
            key = span._.ref or _key(name)
            orgs.add(key, name, span._.ref, span._.ref_kind, ev(span.start_char, span.end_char), span._.confidence)
        for span in _after(doc.spans["project"], start):
            name = _surface(span)
            projects.add(
                span._.ref or _key(name), name, span._.ref, None, ev(span.start_char, span.end_char), span._.confidence
            )
        for span in _after(doc.spans["network"], start):
            name = network_name(span.text)
            networks.add(_body_key(name), name, None, None, ev(span.start_char, span.end_char), span._.confidence)
        for item in doc.spans["item"]:
            title = text_of(doc)[item._.title[0] : item._.title[1]] if item._.title else ""
            items.append(
                AgendaItemFact(
                    number=item._.number,
                    title=" ".join(title.split()) or (item._.number or ""),
                    text=" ".join(item.text.split())[:2000],
                    evidence=[ev(item.start_char, item.end_char)],
                )
            )
        outcomes = doc._.outcomes or {}
        for d in outcomes.get("decisions", []):
            decisions.append(
                DecisionFact(
                    text=d["text"],
                    item=d["item"],
                    confidence=d["confidence"],
                    evidence=[ev(*d["span"])],
                )
            )
        for a in outcomes.get("actions", []):
            assignee = (doc._.people or {}).get(a["assignee"]) if a["assignee"] else None
            actions.append(
                ActionFact(
                    text=a["text"],
                    item=a["item"],
                    assignee=assignee.name if assignee else None,
                    confidence=a["confidence"],
                    evidence=[ev(*a["span"])],
                )
            )
        for h in outcomes.get("handoffs", []):
            handoffs.append(
                HandoffFact(
                    question=h["question"],
                    to=h["to"],
                    item=h["item"],
                    confidence=h["confidence"],
                    evidence=[ev(*h["span"])],
                )
            )
    _merge_short_forms(networks)
    if meeting.body and _body_key(meeting.body) not in networks.facts:
        ev = meeting.body_evidence
        networks.add(_body_key(meeting.body), meeting.body, None, None, ev, meeting.body_confidence)
    return Extraction(
        source=source,
        meeting=meeting,
        people=list(people.values()),
        organizations=list(orgs.facts.values()),
        municipalities=list(munis.facts.values()),
        projects=list(projects.facts.values()),
        networks=list(networks.facts.values()),
        items=items,
        content_start=docs[0][0]._.content_start if docs else 0,
        decisions=decisions,
        actions=actions,
        handoffs=handoffs,
    )


def _merge_short_forms(networks: _Entities) -> None:
    """'Länsgruppen' in the minutes of 'Länsgrupp för familjehemsfrågor' is that body: a one-word
    definite form whose stem is the first word of a longer name joins it."""
    long_names = [f for f in networks.facts.values() if " " in f.name]
    for key, fact in list(networks.facts.items()):
        if " " in fact.name:
            continue
        word = fold(fact.name)
        stems = {word[: -len(end)] for end in ("en", "et", "n", "t") if word.endswith(end)}
        for long_fact in long_names:
            first = fold(long_fact.name.split()[0])
            if first in stems:
                long_fact.evidence.extend(fact.evidence[: max(0, 5 - len(long_fact.evidence))])
                del networks.facts[key]
                break


def _add_person(people: dict[str, PersonFact], rec: PersonRecord, ev: Evidencer) -> None:
    roles = set(rec.roles)
    if "absent" in roles:
        roles -= {"present"}
    if roles - {"mentioned"}:
        roles.discard("mentioned")
    key = fold(rec.name)
    fact = people.get(key)
    evidence_list = [ev(s, e) for s, e in rec.mentions[:5]]
    if fact is None:
        people[key] = PersonFact(
            name=rec.name,
            affiliation=rec.affiliation,
            affiliation_kind=rec.affiliation_kind,  # type: ignore[arg-type]
            affiliation_ref=rec.affiliation_ref,
            unit=rec.unit,
            roles=[r for r in ROLE_ORDER if r in roles],
            title=rec.title,
            party=rec.party,
            confidence=rec.confidence,
            evidence=evidence_list,
        )
        return
    merged = set(fact.roles) | roles
    if merged - {"mentioned"}:
        merged.discard("mentioned")
    fact.roles = [r for r in ROLE_ORDER if r in merged]
    if fact.affiliation is None and rec.affiliation is not None:
        fact.affiliation, fact.affiliation_kind, fact.affiliation_ref = (
            rec.affiliation,
            rec.affiliation_kind,  # type: ignore[assignment]
            rec.affiliation_ref,
        )
    fact.evidence.extend(evidence_list[: max(0, 5 - len(fact.evidence))])


def _after(spans: object, start: int) -> list[Span]:
    return [s for s in spans if s.start_char >= start]  # type: ignore[attr-defined]


def _surface(span: Span) -> str:
    text = " ".join(span.text.split())
    return text[:-2] if text.endswith(":s") else text


def _body_key(name: str) -> str:
    """'Socialnämndens' and 'socialnämnden' are one body: a genitive -s after a definite ending goes."""
    key = _key(name)
    return key[:-1] if key.endswith(("ens", "ets", "nas", "ns")) and len(key) > 5 else key


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())
