"""What depends on one person or body: the bodies that lean on them, open actions, questions handed on.

A person: the bodies they chair, the pairs of bodies only they sit in both of, their open actions,
and the questions they carry from one body to another (a handoff in the item of one of their
actions, or whose sentence names them). A body: the bodies that meet no other body but through it
(no shared member, no question handed either way), the open actions of its meetings, and the
questions handed to it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from samkarta.errors import NotFound
from samkarta.queries.delta import Applied
from samkarta.queries.questions import _handoff, _node, _quote, depends
from samkarta.queries.results import (
    BodyRef,
    DependentAction,
    DependentBody,
    Dependents,
    HandoffPublic,
    Quote,
)
from samkarta.queries.view import Snapshot, patches

__all__ = ["dependents"]

_Found = tuple[list[DependentBody], list[DependentAction], list[HandoffPublic]]

_SHOWN_VIA = 3  # people quoted as the link of a body that depends on another


def dependents(snap: Snapshot, node_id: str) -> Dependents:
    """What depends on a person or a body, every item with the sentence it was read from.

    Raises:
        NotFound: no such node, or it is neither a person nor a body.
    """
    data = _node(snap, node_id)
    if data["label"] == "Person":
        bodies, actions, handoffs = _of_person(snap, node_id)
    elif data["label"] == "Network":
        bodies, actions, handoffs = _of_body(snap, node_id)
    else:
        raise NotFound(f"{node_id!r} is a {data['label']}: only people and bodies have dependants")
    return Dependents(
        id=node_id,
        label=data["label"],
        name=data["name"],
        region=data.get("region"),
        bodies=bodies,
        actions=actions,
        handoffs=sorted(handoffs, key=lambda h: (h.date or "", h.question)),
    )


# -- a person ---------------------------------------------------------------------------------------
def _latest_attendance(snap: Snapshot, person_id: str, body_id: str, chair: bool = False) -> Quote | None:
    """The sentence of the person's latest meeting of a body (as its chair, if asked)."""
    found = [
        (snap.g.nodes[m].get("date") or "", m, edge)
        for m, edge in snap.attendance.get(person_id, [])
        if snap.meeting_network.get(m) == body_id and (not chair or "chair" in (edge.get("roles") or []))
    ]
    if not found:
        return None
    date, meeting, edge = max(found, key=lambda f: (f[0], f[1]))
    return _quote(edge, meeting, date or None)


def _body(snap: Snapshot, body_id: str, reason: str, evidence: list[Quote | None], **more: Any) -> DependentBody:
    data = snap.g.nodes[body_id]
    return DependentBody(
        id=body_id,
        name=data["name"],
        region=data.get("region"),
        reason=reason,
        evidence=[e for e in evidence if e is not None],
        **more,
    )


def _of_person(snap: Snapshot, person_id: str) -> _Found:
    dep = depends(snap, person_id)
    bodies = [_body(snap, b.id, "chair", [_latest_attendance(snap, person_id, b.id, chair=True)]) for b in dep.chairs]
    for link in dep.sole_links:
        evidence = [_latest_attendance(snap, person_id, b.id) for b in (link.body, link.other)]
        bodies.append(_body(snap, link.body.id, "sole_link", evidence, other=link.other))
    actions = [_action(snap, a.id) for a in dep.open_actions]
    return bodies, actions, _carried(snap, person_id, actions)


def _carried(snap: Snapshot, person_id: str, actions: list[DependentAction]) -> list[HandoffPublic]:
    """The questions a person takes from one body to another: a handoff in the same item of the same
    minutes as one of their actions, or one whose sentence names them (the given name alone only in
    minutes of a meeting they attended where no one else present has it)."""
    items = {(a.evidence.doc_id, snap.g.nodes[a.id].get("item")) for a in actions if snap.g.nodes[a.id].get("item")}
    name = snap.g.nodes[person_id]["name"]
    given = name.split()[0] if name.split() else name
    attended = {m for m, _ in snap.attendance.get(person_id, [])}
    full = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    alone = re.compile(rf"(?<!\w){re.escape(given)}(?!\w)")
    out = []
    for u, v, d in _handoff_edges(snap):
        quote = d.get("quote") or ""
        named = bool(full.search(quote)) or (
            u in attended and alone.search(quote) is not None and _given_name_unique(snap, u, person_id, given)
        )
        if named or (d.get("doc_id"), d.get("item")) in items:
            out.append(_handoff(snap, u, v, d))
    return out


def _given_name_unique(snap: Snapshot, meeting: str, person_id: str, given: str) -> bool:
    others = snap.attendees.get(meeting, set()) - {person_id}
    return all((snap.g.nodes[p]["name"].split() or [""])[0] != given for p in others)


def _handoff_edges(snap: Snapshot) -> list[tuple[str, str, dict[str, Any]]]:
    cached = snap.__dict__.get("_handoff_edges")
    if cached is None:
        cached = [(u, v, d) for u, v, d in snap.g.edges(data=True) if d["type"] == "HANDED_OFF"]
        snap.__dict__["_handoff_edges"] = cached
    return cached


@patches("_handoff_edges")
def _follow_handoff_edges(old: Snapshot, _new: Snapshot, applied: Applied) -> list[tuple[str, str, dict[str, Any]]]:
    gone = {id(d) for _, _, _, d in applied.removed}  # attribute dicts are never edited, only replaced
    kept = [e for e in old.__dict__["_handoff_edges"] if id(e[2]) not in gone]
    return kept + [(u, v, d) for u, v, _, d in applied.added if d["type"] == "HANDED_OFF"]


def _action(snap: Snapshot, action_id: str) -> DependentAction:
    node = snap.g.nodes[action_id]
    meeting = next((u for u, _, d in snap.g.in_edges(action_id, data=True) if d["type"] == "HAS_ACTION"), None)
    assigned = next(((v, d) for _, v, d in snap.g.out_edges(action_id, data=True) if d["type"] == "ASSIGNED_TO"), None)
    created = next((d for u, _, d in snap.g.in_edges(action_id, data=True) if d["type"] == "HAS_ACTION"), {})
    body = snap.meeting_network.get(meeting or "")
    date = snap.g.nodes[meeting].get("date") if meeting else node.get("date")
    return DependentAction(
        id=action_id,
        text=node.get("text") or node["name"],
        date=date,
        assignee_id=assigned[0] if assigned else None,
        assignee=snap.g.nodes[assigned[0]]["name"] if assigned else node.get("assignee"),
        body=BodyRef(id=body, name=snap.g.nodes[body]["name"]) if body else None,
        evidence=_quote(assigned[1] if assigned else created, meeting, date),
    )


# -- a body ------------------------------------------------------------------------------------------
def _of_body(snap: Snapshot, body_id: str) -> _Found:
    links = _body_links(snap)
    bodies = []
    for other, via in sorted(links.get(body_id, {}).items(), key=lambda kv: snap.g.nodes[kv[0]]["name"]):
        if set(links[other]) != {body_id}:
            continue
        people = sorted(p for p in via if snap.g.nodes[p]["label"] == "Person")
        evidence = [_latest_attendance(snap, p, other) for p in people[:_SHOWN_VIA]]
        evidence += [
            _handoff(snap, u, v, d).evidence
            for u, v, d in _handoff_edges(snap)
            if {snap.meeting_network.get(u), v} == {body_id, other}
        ]
        via_refs = [BodyRef(id=p, name=snap.g.nodes[p]["name"]) for p in people]
        bodies.append(_body(snap, other, "only_contact", evidence, via=via_refs))
    meetings = [m for m, net in snap.meeting_network.items() if net == body_id]
    actions = [
        _action(snap, a)
        for m in meetings
        for _, a, d in snap.g.out_edges(m, data=True)
        if d["type"] == "HAS_ACTION" and snap.g.nodes[a].get("status", "open") == "open"
    ]
    actions.sort(key=lambda a: (a.date or "", a.text))
    handoffs = [_handoff(snap, u, v, d) for u, v, d in _handoff_edges(snap) if v == body_id]
    return bodies, actions, handoffs


def _body_links(snap: Snapshot) -> dict[str, dict[str, set[str]]]:
    """Body -> the bodies it meets -> what links them: shared people, or the meeting that handed a
    question over (computed once per snapshot)."""
    cached = snap.__dict__.get("_body_links")
    if cached is not None:
        return cached
    links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    m = snap.membership
    for person in (n for n in m if m.nodes[n]["label"] == "Person"):
        bodies = list(m.neighbors(person))
        for a in bodies:
            for b in bodies:
                if a != b:
                    links[a][b].add(person)
    for u, v, _ in _handoff_edges(snap):
        sender = snap.meeting_network.get(u)
        if sender and sender != v:
            links[sender][v].add(u)
            links[v][sender].add(u)
    snap.__dict__["_body_links"] = links
    return links
