"""People's edits of the facts of a meeting, applied to its extraction (graph/corrections.py calls
them): a person's spelling, affiliation and roles at the meeting; a decision's, action's or
handoff's text, kind (reclassified), assignee and target; and decisions, actions and handoffs the
minutes miss, added with a sentence of the minutes as their quote.

The corrected extraction then becomes the graph as any extraction does, so a corrected name
resolves like any name (it may join a person known from other minutes) and a reclassified decision
becomes an action node with the same quote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from samkarta.graph.ids import name_key
from samkarta.graph.model import OUTCOME_KINDS
from samkarta.loaders.model import ROLE_ORDER, ActionFact, DecisionFact, Evidence, Extraction, HandoffFact, PersonFact
from samkarta.reference import load_reference

if TYPE_CHECKING:
    from samkarta.graph.corrections import FactRef, FactState

Outcome = DecisionFact | ActionFact | HandoffFact


def kind_now(state: FactState) -> str:
    """What an outcome is now: as reclassified, else as extracted."""
    c = state.in_force.get("kind")
    return c.value if c is not None and c.value in OUTCOME_KINDS else state.fact.kind


def target_of(x: Extraction, state: FactState) -> str | None:
    """The body a decision, action or handoff would go to as a handoff: as corrected, else as read."""
    c = state.in_force.get("target")
    if c is not None and c.value:
        return c.value
    if state.fact.kind == "handoff" and state.fact.index is not None:
        return x.handoffs[state.fact.index].to
    return None


def target_label_of(state: FactState) -> str | None:
    """ "Organization" when a correction sent the handoff to an organisation; None for a body, or as read."""
    c = state.in_force.get("target")
    return "Organization" if c is not None and c.value and c.label == "Organization" else None


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where a sentence stands in a document's text, whatever its line breaks and spacing; None if
    the document does not say it."""
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (found.start(), found.end()) if found else None


def affiliation_of(name: str) -> tuple[str | None, str | None, str | None]:
    """(affiliation, kind, ref) for a person's affiliation as a person wrote it: a municipality by
    its SCB code, an organisation the reference data knows by its canonical name, else as written."""
    name = " ".join(name.split())
    if not name:
        return None, None, None
    ref = load_reference()
    folded = name.casefold()
    for alias, code in ref.municipality_aliases.items():
        if alias.casefold() == folded:
            return ref.municipalities[code].name, "municipality", code
    for alias, canonical in ref.organization_aliases.items():
        if alias.casefold() == folded:
            return name, "organization", canonical
    return name, "organization", None


def roles_of(value: str) -> list[str]:
    """A correction's roles ("chair, present") in their fixed order."""
    given = {r.strip() for r in value.split(",") if r.strip()}
    return [r for r in ROLE_ORDER if r in given]


def edit_person(x: Extraction, person: PersonFact, state: FactState) -> None:
    """A person's name, affiliation and roles at the meeting as corrected (in place)."""
    if (c := state.in_force.get("name")) is not None and c.value:
        old, person.name = person.name, c.value
        for action in x.actions:  # the person the minutes give an action to, under the corrected name
            if action.assignee == old:
                action.assignee = c.value
    if (c := state.in_force.get("affiliation")) is not None:
        person.affiliation, person.affiliation_kind, person.affiliation_ref = affiliation_of(c.value or "")  # type: ignore[assignment]
        person.unit = None
    if (c := state.in_force.get("roles")) is not None and c.value:
        person.roles = roles_of(c.value)  # type: ignore[assignment]
    if any(f in state.in_force for f in ("name", "affiliation", "roles")):
        person.confidence = 1.0


def merged_people(people: list[PersonFact]) -> list[PersonFact]:
    """One person per name: a corrected spelling may be the name of someone else the minutes list;
    their roles add up and the first affiliation holds."""
    out: dict[str, PersonFact] = {}
    for p in people:
        key = name_key(p.name)
        first = out.get(key)
        if first is None:
            out[key] = p
            continue
        roles = set(first.roles) | set(p.roles)
        if roles - {"mentioned"}:
            roles.discard("mentioned")
        first.roles = [r for r in ROLE_ORDER if r in roles]
        if first.affiliation is None:
            first.affiliation, first.affiliation_kind, first.affiliation_ref = (
                p.affiliation,
                p.affiliation_kind,
                p.affiliation_ref,
            )
        first.evidence = first.evidence or p.evidence
    return list(out.values())


def added_outcome(fact: FactRef, target: str | None, label: str | None = None) -> Outcome:
    """A decision, action or handoff a person added, quoting the minutes where it stands."""
    ev = [Evidence(start=fact.start, end=fact.end, quote=fact.quote)] if fact.start is not None else []
    if fact.kind == "handoff":
        return HandoffFact(question=fact.text, to=target or "", evidence=ev, to_label=label)  # type: ignore[arg-type]
    if fact.kind == "action":
        return ActionFact(text=fact.text, evidence=ev)
    return DecisionFact(text=fact.text, evidence=ev)


def _text(fact: Outcome) -> str:
    return fact.question if isinstance(fact, HandoffFact) else fact.text


def assignee_in(x: Extraction, name: str) -> str | None:
    """The person an action is given to, as the document names them; someone it does not name is
    added as mentioned, so the action links to them."""
    if not name.strip():
        return None
    for p in x.people:
        if name_key(p.name) == name_key(name):
            return p.name
    x.people.append(PersonFact(name=name.strip(), roles=["mentioned"], confidence=1.0))
    return name.strip()


def edited_outcome(x: Extraction, fact: Outcome, state: FactState) -> tuple[str, Outcome]:
    """(kind, fact) of a decision, action or handoff as corrected: its text, kind, assignee and
    target."""
    fields = state.in_force
    if not any(f in fields for f in ("text", "kind", "assignee", "target")):
        return state.fact.kind, fact
    kind = kind_now(state)
    target = target_of(x, state)
    if kind == "handoff" and not target:
        kind = state.fact.kind  # a handoff goes somewhere: without a target it stays what it was
    text = fields["text"].value if "text" in fields and fields["text"].value else _text(fact)
    common = {"evidence": fact.evidence, "confidence": 1.0, "item": fact.item}
    if kind == "handoff":
        label = target_label_of(state) if "target" in fields else getattr(fact, "to_label", None)
        return kind, HandoffFact(question=text, to=target or "", to_label=label, **common)  # type: ignore[arg-type]
    if kind == "action":
        assignee = fact.assignee if isinstance(fact, ActionFact) else None
        if "assignee" in fields:
            assignee = assignee_in(x, fields["assignee"].value or "")
        return kind, ActionFact(text=text, assignee=assignee, **common)  # type: ignore[arg-type]
    return kind, DecisionFact(text=text, **common)  # type: ignore[arg-type]
