"""Correcting facts read from minutes: the same functions for the API, the explorer and the CLI.

Each correction is stored as a judgement (graph.model.Correction: who, when, why) and the document
it belongs to is rebuilt from its stored extraction with every correction applied (samkarta.ingest
reapply, as after a merge decision), so every query, view and export follows it. Nothing is ever
deleted: undoing stores a later correction that gives the fact back its value from the minutes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.batch import reference_organisation
from samkarta.graph.corrections import TRUE, Corrected, CorrectionIndex, FactRef, FactState, corrected, fact_id
from samkarta.graph.entities import EntityMap
from samkarta.graph.fact_edits import affiliation_of, roles_of, target_of
from samkarta.graph.ids import make_id, name_key
from samkarta.graph.model import FIELDS_OF, OUTCOME_KINDS, Correction, DocumentInfo, latest_corrections
from samkarta.graph.resolution import PersonResolver
from samkarta.graph.store import GraphStore
from samkarta.graph.tombstones import Erased
from samkarta.ingest import correction_index, prepared_batch, reapply
from samkarta.loaders.model import ROLE_ORDER, Extraction
from samkarta.reference import load_reference

MAX_NAME = 120
MAX_BODY = 200
MAX_REASON = 500
MAX_TEXT = 2000  # a decision's, action's or handoff's text, and a quote


@dataclass
class DocumentFacts:
    """A stored document's facts as extracted, each with its corrections, and its orphans."""

    info: DocumentInfo
    text: str
    extraction: Extraction  # as extracted (the store keeps the extractor's own output)
    result: Corrected

    @property
    def facts(self) -> list[FactState]:
        return self.result.facts

    def fact(self, fact: str) -> FactState:
        for state in self.result.facts:
            if state.fact.id == fact:
                return state
        raise NotFound(f"no fact {fact!r} in document {self.info.id}")


def values_of(doc: DocumentFacts, state: FactState) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """What a fact's correctable values are in the minutes, and what they are now."""
    fact = state.fact
    x = doc.extraction
    if fact.kind == "meeting":
        m = x.meeting
        said: dict[str, str | None] = {
            "date": m.date.isoformat() if m.date else None,
            "body": m.body,
            "region": m.region,
        }
    elif fact.kind == "attendance":
        person = x.people[fact.index] if fact.index is not None else None
        said = {
            "name": person.name if person else fact.text,
            "affiliation": person.affiliation if person else None,
            "roles": ", ".join(person.roles) or None if person else None,
        }
    else:
        said = {
            "text": fact.text,
            "kind": fact.kind,
            "assignee": x.actions[fact.index].assignee if fact.kind == "action" and fact.index is not None else None,
            "target": x.handoffs[fact.index].to if fact.kind == "handoff" and fact.index is not None else None,
        }
    now = dict(said)
    if fact.kind == "attendance" and state.added and "roles" not in state.in_force:
        now["roles"] = "present"
    for name, c in state.in_force.items():
        if name in now:
            now[name] = c.value or None
    if fact.kind == "attendance" and "affiliation" in state.in_force:
        now["affiliation"] = affiliation_of(state.in_force["affiliation"].value or "")[0]
    if fact.kind in OUTCOME_KINDS:
        now["kind"] = state.kind
        now["target"] = target_of(x, state) if state.kind == "handoff" else None
        if state.kind != "action":
            now["assignee"] = None
    return said, now


@dataclass
class Orphan:
    """A correction in force whose fact was not found again, and why."""

    correction: Correction
    why: str  # "document gone" or "fact not found"


def now() -> str:
    """When a correction is made, to the microsecond: a correction and its undo never tie."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def checked_reason(reason: str) -> str:
    """Why a person judged as they did, as stored (corrections and entity judgements alike)."""
    if len(reason) > MAX_REASON:
        raise InvalidInput("reason", f"at most {MAX_REASON} characters")
    return reason.strip()


class _Judged(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def op(self) -> str: ...


J = TypeVar("J", bound=_Judged)


def judgement_to_undo(
    every: list[J], judgement_id: str, in_force: Callable[[list[J]], list[J]], what: str, again: str
) -> J:
    """The judgement an undo takes back (review and entity judgements alike): NotFound naming `what`
    for an unknown id; Conflict when it is itself an undo (`again` says what to do instead) or is
    already undone."""
    found = next((j for j in every if j.id == judgement_id), None)
    if found is None:
        raise NotFound(f"no {what} {judgement_id!r}")
    if found.op == "undo":
        raise Conflict(f"{judgement_id} is itself an undo; {again}")
    if found.id not in {j.id for j in in_force(every)}:
        raise Conflict(f"{judgement_id} is already undone")
    return found


def _index(store: GraphStore) -> CorrectionIndex:
    return correction_index(store)


def document_facts(store: GraphStore, doc_id: str, index: CorrectionIndex | None = None) -> DocumentFacts:
    """The facts of a stored document, as the extractor read them, with people's corrections."""
    stored = store.document(doc_id)
    if stored is None:
        raise NotFound(f"no document with id {doc_id!r}")
    extraction = Extraction.model_validate(stored.extraction)
    own = (index or _index(store)).for_document(doc_id, stored.info.sha256)
    return DocumentFacts(stored.info, stored.text, extraction, corrected(extraction, stored.text, doc_id, own))


def check_value(field: str, value: str) -> str:
    """The value a correction of `field` may take, cleaned; InvalidInput naming the field if not."""
    value = " ".join(value.split()) if field == "text" else value.strip()  # a text from a form may wrap
    if not value.isprintable():
        raise InvalidInput(field, "use printable characters only (no line breaks)")
    if field == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput("date", f"{value!r} is not a date as YYYY-MM-DD") from None
        if len(value) != 10:
            raise InvalidInput("date", f"{value!r} is not a date as YYYY-MM-DD")
    elif field == "region":
        counties = {name.casefold(): name for name in load_reference().counties}
        key = value.casefold().removesuffix(" län").removesuffix("s") if value else ""
        found = counties.get(value.casefold().removesuffix(" län")) or counties.get(key)
        if value and found is None:
            raise InvalidInput("region", f"{value!r} is not a Swedish county (e.g. Dalarna, Västra Götaland)")
        value = found or ""
    elif field in ("body", "target"):
        if not 2 <= len(value) <= MAX_BODY:
            raise InvalidInput(field, f"give the body's name, 2 to {MAX_BODY} characters")
    elif field in ("assignee", "name"):
        if len(value) > MAX_NAME or (field == "name" and len(name_key(value)) < 2):
            raise InvalidInput(field, f"give a person's name, 2 to {MAX_NAME} characters")
    elif field == "affiliation":
        if len(value) > MAX_BODY or len(value) == 1:
            raise InvalidInput(field, f'give a municipality or organisation, 2 to {MAX_BODY} characters ("" for none)')
        value = affiliation_of(value)[0] or ""
    elif field == "roles":
        roles = roles_of(value)
        unknown = sorted({r.strip() for r in value.split(",") if r.strip()} - set(roles))
        if unknown or not roles:
            raise InvalidInput(
                field, f"give one or more of {', '.join(ROLE_ORDER)} (not {', '.join(unknown) or 'none'})"
            )
        value = ", ".join(roles)
    elif field == "text":
        if not 2 <= len(value) <= MAX_TEXT:
            raise InvalidInput(field, f"give the text, 2 to {MAX_TEXT} characters")
    elif field == "kind":
        if value not in OUTCOME_KINDS:
            raise InvalidInput(field, f"a fact is one of {', '.join(OUTCOME_KINDS)}, not {value!r}")
    return value


def handoff_target(store: GraphStore, name: str) -> tuple[str, str]:
    """(name, label) of where a handoff is sent: a body by its name or an alias ("" label, the name
    as given); else an organisation, stored (by its name or an alias) or in the reference data, by
    its canonical name ("Organization"); else a new body by that name, as the minutes would make it.
    InvalidInput naming `target` for a name that is no name."""
    name = check_value("target", name)
    if store.bodies_named(name):
        return name, ""
    key = name_key(name)
    for node_id, label, said in store.names():
        if label == "Organization" and name_key(said) == key:
            node = store.get_node(node_id)
            return (node.name if node is not None else said), "Organization"
    canonical = reference_organisation(name)
    return (canonical, "Organization") if canonical is not None else (name, "")


def _anchored(
    doc: DocumentFacts,
    fact: FactRef,
    field: str,
    value: str | None,
    reason: str,
    by: str,
    at: str,
    label: str = "",
) -> Correction:
    doc_id = doc.info.id
    return Correction(
        id=make_id("Correction", doc_id, fact.id, field, value, at, by),
        doc_id=doc_id,
        content=doc.info.sha256,
        fact_kind=fact.kind,
        fact=fact.id,
        text=fact.text,
        quote=fact.quote,
        start=fact.start,
        end=fact.end,
        field=field,  # type: ignore[arg-type]
        value=value,
        label=label,
        reason=checked_reason(reason),
        decided_at=at,
        decided_by=by,
    )


def _save(store: GraphStore, correction: Correction) -> Correction:
    return _save_all(store, [correction])[0]


def _holding(store: GraphStore, correction: Correction) -> list[str]:
    """The document a correction belongs to when its own id is no longer stored: the same content."""
    return [d.id for d in store.documents() if d.sha256 == correction.content]


def correctable(state: FactState) -> tuple[str, ...]:
    """The fields a fact can be corrected in, as it is now: an action's assignee and a handoff's
    target are those of what it was reclassified as."""
    kind = state.kind
    if kind in OUTCOME_KINDS:
        return ("wrong", "text", "kind") + {"action": ("assignee",), "handoff": ("target",)}.get(kind, ())
    return tuple(f for f in FIELDS_OF[kind] if f != "added")


# fields where correcting a fact to what it is already is refused as a repeat (409)
REPEATS = ("name", "affiliation", "roles", "text", "kind", "target")


def correct(
    store: GraphStore, doc_id: str, fact: str, field: str, value: str = TRUE, *, reason: str = "", by: str
) -> Correction:
    """Correct one fact of a document (`wrong` marks it wrong; date, body and region are a meeting's,
    assignee an action's; name, affiliation and roles a person's at the meeting; text, kind and
    target a decision's, action's or handoff's) and rebuild the document. NotFound for an unknown
    document or fact, InvalidInput for a field the fact does not have or a value it cannot take,
    Conflict for a change to what the fact is already."""
    doc = document_facts(store, doc_id)
    state = doc.fact(fact)
    labels: dict[str, str] = {}
    if field == "target":
        value, label = handoff_target(store, value)
        labels[value] = label
    made = planned(doc, state, {field: value}, reason, by, labels=labels)
    return _save_all(store, made)[0]


def correct_fields(
    store: GraphStore, doc_id: str, fact: str, values: dict[str, str], *, reason: str = "", by: str
) -> list[Correction]:
    """Several fields of one fact corrected at once (a person's name, affiliation and roles; a
    reclassification to a handoff with its target), the document rebuilt once. A field whose value
    is already so is left out; Conflict when that leaves nothing to change."""
    doc = document_facts(store, doc_id)
    state = doc.fact(fact)
    _, now = values_of(doc, state)
    labels: dict[str, str] = {}
    if values.get("target"):
        target, label = handoff_target(store, values["target"])
        values, labels[target] = {**values, "target": target}, label
    changed = {f: v for f, v in values.items() if f not in REPEATS or check_value(f, v) != (now.get(f) or "")}
    if not changed:
        raise Conflict(f"{state.fact.kind} {fact} is already so: nothing to change")
    if changed.get("kind") == "handoff" and "target" not in changed and not target_of(doc.extraction, state):
        raise InvalidInput("to", "a handoff needs the body it went to")
    made = []
    for f in ("target", "assignee", *changed):  # what a reclassified fact needs, before the kind itself
        if f in changed and f not in {c.field for c in made}:
            made += planned(doc, state, {f: changed[f]}, reason, by, kind=changed.get("kind"), labels=labels)
    return _save_all(store, made)


def planned(
    doc: DocumentFacts,
    state: FactState,
    values: dict[str, str],
    reason: str,
    by: str,
    kind: str | None = None,
    labels: dict[str, str] | None = None,
) -> list[Correction]:
    """The corrections that would make a fact's fields these values (checked; not saved). `kind` is
    the kind the fact is being reclassified to in the same change; `labels` the label of a target
    (handoff_target) by its name."""
    out = []
    for field, value in values.items():
        allowed = correctable(state)
        if kind == "action":
            allowed += ("assignee",)
        if kind == "handoff":
            allowed += ("target",)
        if field not in allowed:
            raise InvalidInput("field", f"a {state.kind} can be corrected in: {', '.join(correctable(state))}")
        value = TRUE if field == "wrong" else check_value(field, value)
        if field == "wrong" and state.wrong:
            raise Conflict(f"{state.kind} {state.fact.id} is already marked wrong")
        if field in REPEATS and value == (values_of(doc, state)[1].get(field) or ""):
            raise Conflict(f"the {field} of {state.fact.id} is {value!r} already")
        if field == "kind" and value == "handoff" and not kind and not target_of(doc.extraction, state):
            raise InvalidInput("to", "a handoff needs the body it went to")
        label = (labels or {}).get(value, "") if field == "target" else ""
        out.append(_anchored(doc, state.fact, field, value, reason, by, now(), label))
    return out


def _save_all(store: GraphStore, made: list[Correction]) -> list[Correction]:
    """Keep corrections of one document and rebuild it once."""
    for c in made:
        store.save_correction(c)
    if made:
        first = made[0]
        reapply(store, [first.doc_id] if store.document(first.doc_id) else _holding(store, first))
    return made


def add_attendee(store: GraphStore, doc_id: str, name: str, *, reason: str = "", by: str) -> Correction:
    """Add someone the minutes miss (or list as absent or only mentioned) to a meeting's attendees."""
    doc = document_facts(store, doc_id)
    name = check_value("name", name)
    fid = fact_id(doc_id, "attendance", name)
    known = next((s for s in doc.facts if s.fact.kind == "attendance" and s.fact.id == fid), None)
    if known is not None and not known.wrong:
        index = known.fact.index
        roles = set(doc.extraction.people[index].roles) if index is not None else {"present"}
        if known.added or roles - {"absent", "mentioned"}:
            raise Conflict(f"{known.fact.text} already attended this meeting")
    fact = known.fact if known is not None else FactRef(fid, "attendance", None, name)
    return _save(store, _anchored(doc, fact, "added", TRUE, reason, by, now()))


def undo(store: GraphStore, correction_id: str, *, reason: str = "", by: str) -> Correction:
    """Undo a correction: a later one that gives the fact's field back its value from the minutes.
    Conflict when that field is not corrected any more (undone already, or corrected since and
    then undone)."""
    found = next((c for c in store.corrections() if c.id == correction_id), None)
    if found is None:
        raise NotFound(f"no correction {correction_id!r}")
    if found.value is None:
        raise Conflict(f"{correction_id} is itself an undo; correct the fact again instead")
    state = _state_of(store, found)
    in_force = state.in_force.get(found.field) if state is not None else None
    if state is None:  # orphaned: the latest on its fact's field tells whether it is still in force
        latest = latest_corrections(store.corrections()).get((found.fact, found.field))
        in_force = latest if latest is not None and latest.value is not None else None
    if in_force is None:
        raise Conflict(f"{found.field} of {found.fact} is not corrected any more: nothing to undo")
    if found.field == "target" and state is not None and state.kind == "handoff" and not _read_handoff(state):
        # a handoff goes somewhere, and the minutes give this one no target to fall back on
        raise Conflict(f"{found.fact} has no target in the minutes: undo its reclassification or addition instead")
    at = now()
    revert = found.model_copy(
        update={
            "id": make_id("Correction", found.doc_id, found.fact, found.field, None, at, by),
            "value": None,
            "reason": checked_reason(reason),
            "decided_at": at,
            "decided_by": by,
        }
    )
    return _save(store, revert)


def _read_handoff(state: FactState) -> bool:
    """A handoff the extractor read (so the minutes give it a target)."""
    return state.fact.kind == "handoff" and state.fact.index is not None


def _state_of(store: GraphStore, correction: Correction) -> FactState | None:
    """The fact a stored correction found in its document as stored now; None if orphaned."""
    docs = [correction.doc_id] if store.document(correction.doc_id) else _holding(store, correction)
    for doc_id in docs:
        for state in document_facts(store, doc_id).facts:
            if any(c.id == correction.id for c in state.history):
                return state
    return None


def history(store: GraphStore, fact: str) -> list[Correction]:
    """Every correction of a fact, oldest first: those made on it under this id, and those that find
    it in its document as extracted now."""
    every = store.corrections()
    found = {c.id: c for c in every if c.fact == fact}
    docs = {c.doc_id for c in found.values()}
    node = store.get_node(fact)
    if node is not None and isinstance(node.props.get("doc_id"), str):
        docs.add(node.props["doc_id"])
    index = CorrectionIndex.of(every, (d.id for d in store.documents()))
    for doc_id in sorted(docs):
        if store.document(doc_id) is None:
            continue
        for state in document_facts(store, doc_id, index).facts:
            if state.fact.id == fact or any(c.fact == fact for c in state.history):
                found.update({c.id: c for c in state.history})
    return sorted(found.values(), key=lambda c: (c.decided_at, c.id))


def orphaned(store: GraphStore) -> list[Orphan]:
    """Corrections in force that find no fact: their document is gone, or no fact of it is theirs
    any more (re-extracted, or the minutes changed). Listed, never dropped."""
    every = store.corrections()
    documents = store.documents()
    stored = {d.id for d in documents}
    by_content = {d.sha256: d.id for d in documents}
    index = CorrectionIndex.of(every, stored)
    out: list[Orphan] = []
    homes: dict[str, list[Correction]] = {}
    for c in every:
        home = c.doc_id if c.doc_id in stored else by_content.get(c.content)
        if home is None:
            homes.setdefault("", []).append(c)
        else:
            homes.setdefault(home, [])
    gone = latest_corrections(homes.get("", []))
    out += [Orphan(c, "document gone") for c in gone.values() if c.value is not None]
    for doc_id in sorted(h for h in homes if h):
        out += [Orphan(c, "fact not found") for c in document_facts(store, doc_id, index).result.orphaned]
    return sorted(out, key=lambda o: (o.correction.decided_at, o.correction.id))


def rehearse(
    store: GraphStore, labels: set[str], types: set[str], documents: int = 5, stop: threading.Event | None = None
) -> int:
    """Have the store plan a correction's statements before anyone corrects anything (see
    Neo4jStore.rehearse): in each of a few documents of different lengths the first attendee marked
    wrong, the document rebuilt and the delta read, all rolled back. Neo4j keeps a plan per size
    class of each list parameter (1, 2-10, 11-100, ... items), so documents of several lengths are
    rehearsed. Returns how many were (0 on SQLite, which plans nothing ahead); `stop` ends it
    after the document under way."""
    rehearse_in = getattr(store, "rehearse", None)
    if rehearse_in is None:
        return 0
    by_length = sorted(store.documents(), key=lambda d: (d.chars, d.id))
    picks = sorted({round(i * (len(by_length) - 1) / max(documents - 1, 1)) for i in range(documents)})
    done = 0
    for info in [by_length[i] for i in picks] if by_length else []:
        if stop is not None and stop.is_set():
            break
        doc = document_facts(store, info.id)
        state = next((s for s in doc.facts if s.fact.kind == "attendance" and not s.wrong), None)
        stored = store.document(info.id)
        if state is None or stored is None:
            continue
        made = planned(doc, state, {"wrong": TRUE}, "", "samkarta")
        every = [*store.corrections(), *made]  # as reapply() reads them, with the correction
        index = CorrectionIndex.of(every, store.stored_documents({c.doc_id for c in every}))
        extraction = Extraction.model_validate(stored.extraction)
        entities = EntityMap.of(store.entity_judgements())
        batch = prepared_batch(
            extraction, stored.text, PersonResolver(store), Erased.of(store), index, entities=entities
        )
        rehearse_in(batch, made[0], store.version(), labels, types)
        done += 1
    return done
