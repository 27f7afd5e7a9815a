"""The extraction model: what one minutes document says, each fact with its evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.dataclasses import dataclass

Role = Literal["chair", "present", "absent", "presenter", "guest", "secretary", "author", "mentioned"]
ROLE_ORDER: tuple[Role, ...] = ("chair", "present", "absent", "presenter", "guest", "secretary", "author", "mentioned")


@dataclass(frozen=True, slots=True, config=ConfigDict(extra="forbid"))
class Evidence:
    """Where a fact was read: character span in the document text and the sentence around it.
    A slotted dataclass rather than a model: a long document holds hundreds of thousands of these,
    at about 130 bytes each against 550 for a model."""

    start: int
    end: int
    quote: str


_FACT = {"slots": True, "kw_only": True, "config": ConfigDict(extra="forbid")}


@dataclass(**_FACT)
class Fact:
    """A fact read from the minutes. Slotted dataclasses like Evidence, not models: a 20 MiB document
    holds tens of thousands, and a model's per-instance dict and field set cost several times the data."""

    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)  # how sure the extractor is, for review queues


class MeetingFact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date | None = None
    body: str | None = None
    body_full: str | None = None  # the body's name written out, where the minutes give one ('Förbundsstyrelsen för X')
    region: str | None = None  # county name without "län", e.g. "Dalarna"
    next_meeting: dt.date | None = None
    date_evidence: Evidence | None = None
    body_evidence: Evidence | None = None
    region_evidence: Evidence | None = None
    next_meeting_evidence: Evidence | None = None
    date_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    body_confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    region_confidence: float = Field(default=1.0, ge=0.0, le=1.0)


@dataclass(**_FACT)
class PersonFact(Fact):
    name: str
    affiliation: str | None = None
    affiliation_kind: Literal["municipality", "organization", "unit"] | None = None
    affiliation_ref: str | None = None  # SCB code or canonical organisation name
    unit: str | None = None  # a department within the affiliation: "Vård och omsorg" in a region
    roles: list[Role] = Field(default_factory=list)
    title: str | None = None
    party: str | None = None


@dataclass(**_FACT)
class EntityFact(Fact):
    """An organisation, municipality, project or network named in the document."""

    name: str  # as written (the fullest form seen), without an acronym in parentheses
    ref: str | None = None  # SCB code or canonical organisation name when the reference data knows it
    kind: str | None = None
    acronyms: list[str] = Field(default_factory=list)  # "(SBU)" after the name in the minutes
    # other names the minutes give the same body, folded into this one ("IFO-cheferna" of "IFO-chefsnätverket")
    other_names: list[str] = Field(default_factory=list)


@dataclass(**_FACT)
class AgendaItemFact(Fact):
    number: str | None = None
    title: str
    text: str


@dataclass(**_FACT)
class DecisionFact(Fact):
    text: str
    item: str | None = None


@dataclass(**_FACT)
class ActionFact(Fact):
    text: str
    assignee: str | None = None
    item: str | None = None


@dataclass(**_FACT)
class HandoffFact(Fact):
    question: str
    to: str
    item: str | None = None
    # "Organization" when a person's correction sent it to an organisation the reference data or this
    # document may not know as one; the extractor leaves it None (the graph resolves `to` by name)
    to_label: Literal["Organization"] | None = None


class SourceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str
    sha256: str
    format: str
    chars: int


class Extraction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: SourceInfo
    meeting: MeetingFact = Field(default_factory=MeetingFact)
    people: list[PersonFact] = Field(default_factory=list)
    organizations: list[EntityFact] = Field(default_factory=list)
    municipalities: list[EntityFact] = Field(default_factory=list)
    projects: list[EntityFact] = Field(default_factory=list)
    networks: list[EntityFact] = Field(default_factory=list)
    items: list[AgendaItemFact] = Field(default_factory=list)
    content_start: int = 0  # where the minutes begin (after a saved web page's furniture)
    decisions: list[DecisionFact] = Field(default_factory=list)
    actions: list[ActionFact] = Field(default_factory=list)
    handoffs: list[HandoffFact] = Field(default_factory=list)

    def to_output(self, evidence: bool = True) -> dict[str, Any]:
        """The JSON object of gold/SCHEMA.md, with evidence and references as extra keys."""
        m = self.meeting

        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        def ev(fact: Fact) -> dict[str, Any]:
            return (
                {"confidence": fact.confidence, "evidence": [_evidence_dict(e) for e in fact.evidence]}
                if evidence
                else {}
            )

        def entity(e: EntityFact) -> dict[str, Any] | str:
            return {"name": e.name, "ref": e.ref, "kind": e.kind, **ev(e)} if evidence else e.name

        out: dict[str, Any] = {
            "meeting": {
                "date": iso(m.date),
                "body": m.body,
                "region": m.region,
                "next_meeting": iso(m.next_meeting),
            },
            "people": [
                {
                    "name": p.name,
                    "affiliation": p.affiliation,
                    "roles": list(p.roles),
                    **(
                        {"affiliation_ref": p.affiliation_ref, "unit": p.unit, "title": p.title, "party": p.party}
                        if evidence
                        else {}
                    ),
                    **ev(p),
                }
                for p in self.people
            ],
            "decisions": [{"text": d.text, "item": d.item, **ev(d)} for d in self.decisions],
            "actions": [{"text": a.text, "assignee": a.assignee, **ev(a)} for a in self.actions],
            "handoffs": [{"question": h.question, "to": h.to, **ev(h)} for h in self.handoffs],
        }
        for key in ("organizations", "municipalities", "projects", "networks"):
            out[key] = [e.name for e in getattr(self, key)]
            if evidence:
                out[f"{key}_detail"] = [entity(e) for e in getattr(self, key)]
        if evidence:
            out["source"] = self.source.model_dump()
            out["meeting"]["confidence"] = {
                "date": m.date_confidence,
                "body": m.body_confidence,
                "region": m.region_confidence,
            }
            out["meeting"]["evidence"] = {
                k: _evidence_dict(v)
                for k, v in (
                    ("date", m.date_evidence),
                    ("body", m.body_evidence),
                    ("region", m.region_evidence),
                    ("next_meeting", m.next_meeting_evidence),
                )
                if v
            }
        return out


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "quote": e.quote}
