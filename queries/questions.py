"""The questions strategists ask, written once over a Snapshot (networkx) and the store."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

from samkarta.errors import InvalidInput, NotFound
from samkarta.graph.ids import normalize
from samkarta.graph.model import Rel
from samkarta.graph.store import GraphStore
from samkarta.queries.collaboration import collaboration
from samkarta.queries.delta import Applied
from samkarta.queries.results import (
    AliasPublic,
    BodyRef,
    Broker,
    Brokers,
    Collaborator,
    Collaborators,
    Dependency,
    EntityPublic,
    HandoffPublic,
    Member,
    Namesake,
    NetworkPublic,
    Owner,
    OwnerEvidence,
    Owners,
    Path,
    Paths,
    PathStep,
    Quote,
    Relation,
    SearchResult,
    SearchResults,
    SoleLink,
    TextFact,
    Trail,
    TrailStep,
)
from samkarta.queries.view import GraphView, Snapshot, patches

# Ownership weights: a decision weighs more than an action, an action more than a handoff
# received, a handoff more than discussion; newer weighs more (half-life in years).
WEIGHTS = {"decision": 4.0, "action": 3.0, "handoff_received": 2.0, "handoff_sent": 1.0, "discussion": 1.0}
HALF_LIFE_YEARS = 3.0


def _quote(d: dict[str, Any] | Rel, meeting_id: str | None = None, date: str | None = None) -> Quote:
    get = d.get if isinstance(d, dict) else lambda k, default=None: getattr(d, k, default)
    return Quote(
        doc_id=get("doc_id"),
        start=get("start"),
        end=get("end"),
        quote=get("quote"),
        meeting_id=meeting_id,
        date=date if date is not None else (get("date") if isinstance(d, dict) else None),
    )


def _node(snap: Snapshot, node_id: str, label: str | None = None) -> dict[str, Any]:
    if node_id not in snap.g:
        raise NotFound(f"no {label or 'node'} with id {node_id!r}")
    data = snap.g.nodes[node_id]
    if label and data["label"] != label:
        raise NotFound(f"{node_id!r} is a {data['label']}, not a {label}")
    return data


_CLOSE_ENOUGH = 6  # search points: a spacing or hyphen apart ("Socialchefs nätverket")


def _resolve(snap: Snapshot, ref: str, labels: set[str] | None = None, store: GraphStore | None = None) -> str:
    """An id, or the best name match (for the CLI: `query collaborators "Anna Ståhlkloo"`).

    With a store, a body named `ref` by its canonical name or an alias (case, spacing and hyphens
    aside) comes first, the one that met before an empty namesake; other names are matched fuzzily."""
    if ref in snap.g:
        return ref
    if store is not None and (labels is None or "Network" in labels):
        bodies = [b for b in store.bodies_named(ref) if b.id in snap.g]
        if bodies:
            return bodies[0].id
    hits = search(snap, ref, labels, limit=10)
    if not hits.data or hits.data[0].score < 80:
        raise NotFound(f"nothing named {ref!r}")
    # among near-equal names the better connected entity: the body that met, not a namesake only mentioned
    close = [h for h in hits.data if h.score >= hits.data[0].score - _CLOSE_ENOUGH]
    return max(close, key=lambda h: (_degree(snap, h.id), h.score)).id


# -- search and entities -------------------------------------------------------------------------
def search(snap: Snapshot, q: str, labels: set[str] | None = None, limit: int = 20) -> SearchResults:
    """Entities by name or alias, tolerant of spelling and case; Swedish letters kept."""
    query = normalize(q)
    if not query:
        return SearchResults(data=[], count=0)  # only spaces: nothing to find, nothing wrong
    choices, folded = _name_index(snap)
    # two stages: a cheap scorer and substring matches pick candidates, WRatio (tolerant of word
    # order and partial names) ranks them; WRatio over every name costs ~20 ms at 20,000 people
    pool = {idx for _, _, idx in process.extract(query, folded, scorer=fuzz.QRatio, limit=300, score_cutoff=50)}
    pool.update(i for i, name in enumerate(folded) if query in name)
    candidates = sorted(pool)
    found = process.extract(
        query,
        [folded[i] for i in candidates],
        scorer=fuzz.WRatio,
        limit=limit * (3 if not labels else 20),
        score_cutoff=60,
    )
    best: dict[str, SearchResult] = {}
    for _, score, pos in found:
        node_id, label, name = choices[candidates[pos]]
        if labels and label not in labels:
            continue
        if normalize(name).startswith(query):
            score = max(score, 95.0)
        display = snap.g.nodes[node_id]["name"] if node_id in snap.g else name
        if node_id not in best or best[node_id].score < score:
            region = _region_of(snap, node_id)
            best[node_id] = SearchResult(
                id=node_id, label=label, name=display, matched=name, score=round(score, 1), region=region
            )
    # equal matches: the better connected entity first (the body that met, not one only mentioned)
    data = sorted(best.values(), key=lambda r: (-r.score, -_degree(snap, r.id), r.name))[:limit]
    return SearchResults(data=data, count=len(data))


def _region_of(snap: Snapshot, node_id: str) -> str | None:
    """The county of an entity: its own (people, bodies, meetings), a municipality's, or the region an
    organisation belongs to."""
    if node_id not in snap.g:
        return None
    data = snap.g.nodes[node_id]
    if data["label"] == "Region":
        return data["name"]
    found = data.get("region") or data.get("county")
    if found:
        return found
    counties = sorted(
        snap.g.nodes[v]["name"] for _, v, d in snap.g.out_edges(node_id, data=True) if d["type"] == "IN_REGION"
    )
    return counties[0] if counties else None


def _name_index(snap: Snapshot) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Names and aliases with their normalised forms, computed once per snapshot."""
    cached = snap.__dict__.get("_names")
    if cached is None:
        choices = list(snap.names)
        cached = snap.__dict__["_names"] = (choices, [normalize(n) for _, _, n in choices])
    return cached


@patches("_names")
def _follow_names(old: Snapshot, new: Snapshot, _applied: Applied) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The name index of the next snapshot: the changed nodes' names normalised anew, the rest kept."""
    choices, folded = old.__dict__["_names"]
    known = dict(zip(choices, folded, strict=True))
    names = new.names
    return names, [known[n] if n in known else normalize(n[2]) for n in names]


def _degree(snap: Snapshot, node_id: str) -> int:
    return snap.g.degree(node_id) if node_id in snap.g else 0


def entity(store: GraphStore, snap: Snapshot, node_id: str) -> EntityPublic:
    """Any node with its facts, the documents that mention it and the quotes."""
    node = store.get_node(node_id)
    if node is None:
        raise NotFound(f"no node with id {node_id!r}")
    relations = []
    for r in store.rels_of(node_id):
        out = r.source == node_id
        other = r.target if out else r.source
        odata = snap.g.nodes[other] if other in snap.g else None
        if odata is None:
            onode = store.get_node(other)
            odata = {"label": onode.label, "name": onode.name} if onode else {}
        relations.append(
            Relation(
                type=r.type,
                direction="out" if out else "in",
                other_id=other,
                other_label=odata.get("label"),
                other_name=odata.get("name"),
                props=r.props,
                evidence=_quote(r),
            )
        )
    aliases = [AliasPublic(alias=a.alias, reason=a.reason, score=a.score) for a in store.aliases(node_id)]
    return EntityPublic(
        id=node.id,
        label=node.label,
        name=node.name,
        props=node.props,
        text=node.text,
        aliases=aliases,
        relations=relations,
        documents=store.node_documents(node_id),
    )


# -- collaboration ---------------------------------------------------------------------------------
def _recency(date: str | None, today: dt.date | None = None) -> float:
    if not date:
        return 0.5
    today = today or dt.date.today()
    years = max(0.0, (today - dt.date.fromisoformat(date)).days / 365.25)
    return 0.5 ** (years / HALF_LIFE_YEARS)


def collaborators(snap: Snapshot, person_id: str, limit: int = 50) -> Collaborators:
    """People who sat in the same meetings, ranked by shared meetings and bodies, newer weighing more."""
    person = _node(snap, person_id, "Person")
    shared: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for meeting, edge in snap.attendance.get(person_id, []):
        for other in snap.attendees.get(meeting, ()):
            if other != person_id:
                shared[other].append((meeting, edge))
    data = []
    for other, meetings in shared.items():
        dates = sorted((snap.g.nodes[m].get("date") or "") for m, _ in meetings)
        bodies = sorted(
            {snap.g.nodes[snap.meeting_network[m]]["name"] for m, _ in meetings if m in snap.meeting_network}
        )
        score = sum(_recency(snap.g.nodes[m].get("date")) for m, _ in meetings) + 0.5 * len(bodies)
        evidence = []
        for m, _ in sorted(meetings, key=lambda x: snap.g.nodes[x[0]].get("date") or "", reverse=True)[:5]:
            edge = next(iter(snap.g.get_edge_data(other, m).values()))
            evidence.append(_quote(edge, meeting_id=m, date=snap.g.nodes[m].get("date")))
        data.append(
            Collaborator(
                id=other,
                label="Person",
                name=snap.g.nodes[other]["name"],
                score=round(score, 3),
                shared_meetings=len(meetings),
                shared_bodies=bodies,
                last_seen=dates[-1] or None,
                evidence=evidence,
            )
        )
    # ties (the same meetings of one body) go to more shared meetings, then the more recent, then by name
    data.sort(key=lambda c: c.name)
    data.sort(key=lambda c: (c.score, c.shared_meetings, c.last_seen or ""), reverse=True)
    return Collaborators(of=person_id, name=person["name"], data=data[:limit], count=len(data))


def shared_meetings(snap: Snapshot, person_id: str, other_id: str) -> list[dict[str, Any]]:
    """The meetings two people both attended, newest first: date, body, and where each was read."""
    _node(snap, person_id, "Person")
    _node(snap, other_id, "Person")
    theirs = dict(snap.attendance.get(other_id, []))
    out = []
    for meeting, edge in snap.attendance.get(person_id, []):
        if meeting not in theirs:
            continue
        net = snap.meeting_network.get(meeting)
        date = snap.g.nodes[meeting].get("date")
        out.append(
            {
                "meeting": meeting,
                "date": date,
                "body_id": net,
                "body": snap.g.nodes[net]["name"] if net else None,
                "evidence": [_quote(edge, meeting, date), _quote(theirs[meeting], meeting, date)],
            }
        )
    return sorted(out, key=lambda m: m["date"] or "", reverse=True)


def bodies_of(snap: Snapshot, person_id: str) -> list[dict[str, Any]]:
    """The bodies whose meetings a person attended: how many, the first and the last date known
    (None when no meeting of it is dated), most attended first."""
    dates: dict[str, list[str]] = defaultdict(list)
    for meeting, _edge in snap.attendance.get(person_id, []):
        net = snap.meeting_network.get(meeting)
        if net:
            dates[net].append(snap.g.nodes[meeting].get("date") or "")
    out = []
    for net, found in dates.items():
        dated = sorted(d for d in found if d)
        first, last = (dated[0], dated[-1]) if dated else (None, None)
        out.append({"id": net, "name": snap.g.nodes[net]["name"], "meetings": len(found), "first": first, "last": last})
    return sorted(out, key=lambda b: (-b["meetings"], b["name"]))


def organization_collaborators(snap: Snapshot, org_id: str, limit: int = 50) -> Collaborators:
    """Organisations and municipalities whose people sit in the same bodies as this one's people."""
    org = _node(snap, org_id)
    if org["label"] not in ("Organization", "Municipality"):
        raise NotFound(f"{org_id!r} is a {org['label']}, not an organisation or municipality")
    m = snap.membership
    if org_id not in m:
        return Collaborators(of=org_id, name=org["name"], data=[], count=0)
    bodies = set(m.neighbors(org_id))
    found: dict[str, set[str]] = defaultdict(set)
    for body in bodies:
        for member in m.neighbors(body):
            if member != org_id and m.nodes[member]["label"] in ("Organization", "Municipality"):
                found[member].add(body)
    data = []
    for other, shared_bodies in found.items():
        weight = sum(min(m[org_id][b]["weight"], m[other][b]["weight"]) for b in shared_bodies)
        data.append(
            Collaborator(
                id=other,
                label=m.nodes[other]["label"],
                name=m.nodes[other]["name"],
                score=float(weight),
                shared_meetings=weight,
                shared_bodies=sorted(m.nodes[b]["name"] for b in shared_bodies),
                last_seen=None,
                evidence=[],
            )
        )
    data.sort(key=lambda c: (-c.score, c.name))
    return Collaborators(of=org_id, name=org["name"], data=data[:limit], count=len(data))


# -- networks ---------------------------------------------------------------------------------------
def _handoff(snap: Snapshot, u: str, v: str, d: dict[str, Any]) -> HandoffPublic:
    src = snap.meeting_network.get(u)
    return HandoffPublic(
        question=d.get("question") or "",
        from_network=src,
        from_name=snap.g.nodes[src]["name"] if src else None,
        to_network=v,
        to_name=snap.g.nodes[v]["name"],
        to_label=snap.g.nodes[v].get("label") or "Network",
        date=d.get("date"),
        evidence=_quote(d, meeting_id=u, date=d.get("date")),
    )


def network_named(store: GraphStore, snap: Snapshot, ref: str) -> NetworkPublic:
    """A body by id, canonical name or alias: the one that met wins over an empty namesake, and every
    body under that name is listed (with region, meetings and members) so a user can pick another."""
    found = network(snap, _resolve(snap, ref, {"Network"}, store))
    if ref in snap.g:
        return found
    namesakes = [Namesake(**b.model_dump()) for b in store.bodies_named(ref) if b.id in snap.g]
    return found.model_copy(update={"namesakes": namesakes if len(namesakes) > 1 else []})


def network(snap: Snapshot, network_id: str) -> NetworkPublic:
    """A body: members over time, meetings, decisions, open actions, questions handed in and out."""
    net = _node(snap, network_id, "Network")
    meetings = sorted(
        (u for u, v in snap.meeting_network.items() if v == network_id), key=lambda m: snap.g.nodes[m].get("date") or ""
    )
    members: dict[str, dict[str, Any]] = {}
    for meeting in meetings:
        date = snap.g.nodes[meeting].get("date")
        for person in snap.attendees.get(meeting, ()):
            rec = members.setdefault(person, {"dates": [], "roles": set()})
            rec["dates"].append(date or "")
            for d in snap.g.get_edge_data(person, meeting).values():
                rec["roles"].update(d.get("roles") or [])
    member_list = [
        Member(
            id=p,
            name=snap.g.nodes[p]["name"],
            first_seen=min(r["dates"]) or None,
            last_seen=max(r["dates"]) or None,
            meetings=len(r["dates"]),
            roles=sorted(r["roles"]),
        )
        for p, r in members.items()
    ]
    member_list.sort(key=lambda x: (-x.meetings, x.name))
    decisions, actions = [], []
    for meeting in meetings:
        date = snap.g.nodes[meeting].get("date")
        for _, target, d in snap.g.out_edges(meeting, data=True):
            if d["type"] not in ("DECIDED", "HAS_ACTION"):
                continue
            node = snap.g.nodes[target]
            fact = TextFact(
                id=target, text=node.get("text") or node["name"], date=date, evidence=_quote(d, meeting, date)
            )
            if d["type"] == "DECIDED":
                decisions.append(fact)
            elif node.get("status", "open") == "open":
                actions.append(fact)
    handoffs_in = [
        _handoff(snap, u, v, d) for u, v, d in snap.g.in_edges(network_id, data=True) if d["type"] == "HANDED_OFF"
    ]
    handoffs_out = [
        _handoff(snap, u, v, d)
        for m in meetings
        for u, v, d in snap.g.out_edges(m, data=True)
        if d["type"] == "HANDED_OFF"
    ]
    return NetworkPublic(
        id=network_id,
        name=net["name"],
        region=net.get("region"),
        members=member_list,
        meetings=[
            Quote(
                doc_id=snap.g.nodes[m].get("doc_id"),
                meeting_id=m,
                date=snap.g.nodes[m].get("date"),
                quote=snap.g.nodes[m]["name"],
            )
            for m in meetings
        ],
        decisions=decisions,
        open_actions=actions,
        handoffs_in=handoffs_in,
        handoffs_out=handoffs_out,
    )


# -- which network owns a question, and where it went -----------------------------------------
def _edge_by_key(snap: Snapshot, key: str) -> tuple[str, str, dict[str, Any]] | None:
    """A handoff edge by its key (what full-text search finds of a handoff: its question)."""
    index = snap.__dict__.get("_handoff_index")
    if index is None:
        index = snap.__dict__["_handoff_index"] = {
            k: (u, v, d) for u, v, k, d in snap.g.edges(keys=True, data=True) if d["type"] == "HANDED_OFF"
        }
    return index.get(key)


@patches("_handoff_index")
def _follow_handoff_index(old: Snapshot, _new: Snapshot, applied: Applied) -> dict[str, Any]:
    index = dict(old.__dict__["_handoff_index"])
    for _, _, k, _ in applied.removed:
        index.pop(k, None)
    index.update((k, (u, v, d)) for u, v, k, d in applied.added if d["type"] == "HANDED_OFF")
    return index


def _evidence_of_hits(store: GraphStore, snap: Snapshot, question: str, limit: int = 300):  # noqa: ANN202
    """(network id, kind, text, quote, date) for every full-text hit of the question."""
    out = []
    for hit in store.fulltext(question, limit=limit):
        meeting = hit.meeting_id
        date = snap.g.nodes[meeting].get("date") if meeting in snap.g else None
        if hit.label == "HANDED_OFF":
            edge = _edge_by_key(snap, hit.id)
            if edge is None:
                continue
            u, v, d = edge
            out.append((v, "handoff_received", hit.text, _quote(d, u, date), date))
            if u in snap.meeting_network:
                out.append((snap.meeting_network[u], "handoff_sent", hit.text, _quote(d, u, date), date))
            continue
        net = snap.meeting_network.get(meeting or "")
        if net is None:
            continue
        kind = {"Decision": "decision", "Action": "action"}.get(hit.label, "discussion")
        # an item is cited by the sentence that speaks of the question, not by its heading
        cited = _matching_sentence(hit.text, question) if kind == "discussion" else None
        quote = Quote(
            doc_id=hit.doc_id,
            start=hit.start,
            end=hit.end,
            quote=cited or hit.quote or hit.text[:400],
            meeting_id=meeting,
            date=date,
        )
        out.append((net, kind, hit.text, quote, date))
    return out


def _matching_sentence(text: str, question: str) -> str | None:
    """The first sentence of a text holding a word of the question (by its first five letters)."""
    stems = [w[:5].casefold() for w in re.findall(r"[\wåäöÅÄÖ]{3,}", question)]
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        folded = sentence.casefold()
        if stems and all(stem in folded for stem in stems):
            return " ".join(sentence.split())[:400]
    return None


def owners(store: GraphStore, snap: Snapshot, question: str, limit: int = 20) -> Owners:
    """Networks ranked by what they did about a question, every one with its evidence."""
    if not question.strip():
        return Owners(question=question, data=[], count=0)
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[OwnerEvidence]] = defaultdict(list)
    for net, kind, text, quote, date in _evidence_of_hits(store, snap, question):
        weight = WEIGHTS[kind] * _recency(date)
        scores[net] += weight
        evidence[net].append(OwnerEvidence(kind=kind, text=text[:400], weight=round(weight, 3), evidence=quote))
    data = []
    for net, score in scores.items():
        ev = sorted(evidence[net], key=lambda e: -e.weight)
        data.append(
            Owner(
                id=net,
                name=snap.g.nodes[net]["name"],
                region=snap.g.nodes[net].get("region"),
                score=round(score, 3),
                evidence=ev[:10],
            )
        )
    data.sort(key=lambda o: (-o.score, o.name))
    return Owners(question=question, data=data[:limit], count=len(data))


def trail(store: GraphStore, snap: Snapshot, question: str) -> Trail:
    """The bodies a question passed through, in date order, with the handoffs between them."""
    steps, handoffs = [], []
    for net, kind, text, quote, date in _evidence_of_hits(store, snap, question):
        if kind == "handoff_sent":
            continue
        steps.append(
            TrailStep(
                date=date, network_id=net, network=snap.g.nodes[net]["name"], kind=kind, text=text[:400], evidence=quote
            )
        )
    for hit in store.fulltext(question, limit=300):
        if hit.label == "HANDED_OFF" and (edge := _edge_by_key(snap, hit.id)):
            handoffs.append(_handoff(snap, *edge))
    # on one date the sender's item comes before the body that received the question
    steps.sort(key=lambda s: (s.date or "", s.kind == "handoff_received"))
    handoffs.sort(key=lambda h: h.date or "")
    return Trail(question=question, steps=steps, handoffs=handoffs)


# -- structure ----------------------------------------------------------------------------------------
def paths(snap: Snapshot, source: str, target: str, max_paths: int = 3, cutoff: int = 6) -> Paths:
    """Shortest paths between two entities, explained edge by edge with the quote behind each."""
    u = snap.undirected
    for node_id in (source, target):
        _node(snap, node_id)
    if source not in u or target not in u:
        return Paths(source=source, target=target, data=[])
    found = []
    try:
        for p in itertools.islice(nx.shortest_simple_paths(u, source, target), max_paths):
            if len(p) - 1 > cutoff:
                break
            steps = []
            for a, b in itertools.pairwise(p):
                d = u[a][b]
                steps.append(
                    PathStep(
                        source=a,
                        source_name=u.nodes[a]["name"],
                        type=d["type"],
                        target=b,
                        target_name=u.nodes[b]["name"],
                        evidence=_quote(d),
                    )
                )
            found.append(Path(length=len(steps), steps=steps))
    except nx.NetworkXNoPath:
        pass
    return Paths(source=source, target=target, data=found)


def brokers(snap: Snapshot, limit: int = 20) -> Brokers:
    """People and organisations that bridge bodies (betweenness on the membership graph)."""
    m = snap.membership
    # scores computed for an earlier version (see queries/brokers.py) may name someone gone since
    ranked = sorted(((n, s) for n, s in snap.brokers.items() if n in m), key=lambda kv: (-kv[1], kv[0]))[:limit]
    data = [
        Broker(
            id=n,
            label=m.nodes[n]["label"],
            name=m.nodes[n]["name"],
            score=round(s, 5),
            bodies=sorted(m.nodes[b]["name"] for b in m.neighbors(n)),
        )
        for n, s in ranked
        if s > 0
    ]
    return Brokers(data=data, count=len(data))


def depends(snap: Snapshot, person_id: str) -> Dependency:
    """What depends on a person: bodies they chair, their open actions, bodies only they connect."""
    person = _node(snap, person_id, "Person")
    chairs: dict[str, str] = {}
    for meeting, edge in snap.attendance.get(person_id, []):
        net = snap.meeting_network.get(meeting)
        if net and "chair" in (edge.get("roles") or []):
            chairs[net] = snap.g.nodes[net]["name"]
    actions = []
    for source, _, d in snap.g.in_edges(person_id, data=True):
        node = snap.g.nodes[source]
        if d["type"] == "ASSIGNED_TO" and node.get("status", "open") == "open":
            actions.append(
                TextFact(id=source, text=node.get("text") or node["name"], date=node.get("date"), evidence=_quote(d))
            )
    m = snap.membership
    sole = []
    if person_id in m:
        bodies = sorted(m.neighbors(person_id))
        for a, b in itertools.combinations(bodies, 2):
            members_a = {x for x in m.neighbors(a) if m.nodes[x]["label"] == "Person"}
            members_b = {x for x in m.neighbors(b) if m.nodes[x]["label"] == "Person"}
            if members_a & members_b == {person_id}:
                sole.append(
                    SoleLink(body=BodyRef(id=a, name=m.nodes[a]["name"]), other=BodyRef(id=b, name=m.nodes[b]["name"]))
                )
    return Dependency(
        id=person_id,
        name=person["name"],
        chairs=[BodyRef(id=k, name=v) for k, v in sorted(chairs.items(), key=lambda kv: kv[1])],
        open_actions=actions,
        sole_links=sole,
    )


def ego(
    snap: Snapshot,
    node_id: str,
    depth: int = 1,
    people_only: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> nx.Graph:
    """The neighbourhood of a node, collapsed to entities: meetings become links between those in them."""
    _node(snap, node_id)
    if depth not in (1, 2):
        raise InvalidInput("depth", "depth must be 1 or 2")
    collapsed = collaboration_graph(snap, since, until)
    if node_id not in collapsed:
        g = nx.Graph()
        g.add_node(node_id, **snap.g.nodes[node_id])
        return g
    sub = nx.ego_graph(collapsed, node_id, radius=depth)
    if people_only:
        sub = sub.subgraph([n for n in sub if sub.nodes[n]["label"] == "Person"]).copy()
    return sub


def collaboration_graph(snap: Snapshot, since: str | None = None, until: str | None = None) -> nx.Graph:
    """Entities linked directly: person-body (attendance), person-organisation, body-body handoffs,
    body-project mentions; weights count the meetings behind a link, and a link's type is the kind
    it has most of. Meetings outside [since, until] (ISO dates) are left out. The unfiltered graph
    is cached per snapshot and follows each delta (queries/collaboration.py)."""
    if since or until:
        return collaboration(snap, since, until).graph
    cached = snap.__dict__.get("_collab")
    if cached is None:
        cached = snap.__dict__["_collab"] = collaboration(snap)
    return cached.graph


def network_of_networks(snap: Snapshot) -> nx.Graph:
    """Bodies linked by shared members, weighted by how many people they share."""
    m = snap.membership
    g = nx.Graph()
    bodies = [n for n in m if m.nodes[n]["label"] == "Network"]
    for b in bodies:
        g.add_node(b, label="Network", name=m.nodes[b]["name"], region=snap.g.nodes[b].get("region"))
    for a, b in itertools.combinations(bodies, 2):
        shared = {x for x in m.neighbors(a) if m.nodes[x]["label"] == "Person"} & set(m.neighbors(b))
        if shared:
            g.add_edge(a, b, weight=len(shared), type="SHARED_MEMBERS")
    for n in g:
        g.nodes[n]["weight"] = 1 + g.degree(n, weight="weight")
    return g


def current(view: GraphView) -> Snapshot:
    return view.current()
