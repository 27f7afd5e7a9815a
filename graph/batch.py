"""Extraction -> GraphBatch: nodes with deterministic ids and relationships with provenance."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from samkarta.graph.entities import EntityMap
from samkarta.graph.ids import make_id, name_key, network_key
from samkarta.graph.model import Alias, DocumentInfo, GraphBatch, Node, Rel
from samkarta.graph.redaction import REDACTED
from samkarta.graph.resolution import PersonDraft, PersonResolver, blocking_key, person_key
from samkarta.loaders.model import Evidence, Extraction, HandoffFact
from samkarta.reference import load_reference

_ATTENDING = {"present", "chair", "secretary", "guest", "presenter", "author"}


def document_id(path: str) -> str:
    return make_id("Document", str(Path(path).resolve()) if path != "<text>" else path)


def canonical_body(name: str) -> tuple[str, list[str]]:
    """'Socialchefs nätverket (SCHNV) i Dalarna' -> ('Socialchefs nätverket', ['SCHNV'])."""
    acronyms = re.findall(r"\(([A-ZÅÄÖ]{2,8})\)", name)
    base = re.sub(r"\s*\([^)]*\)", "", name)
    base = re.sub(r"\s*[-–]?\s*\bi\s+[A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+)?(?:s)?(?:\s+län)?\s*\.?$", "", base)
    base = " ".join(base.split()).strip(" .-–")
    return (base or name), acronyms


def _names_people(name: str) -> bool:
    """A body named by its members in the plural ('IFO-cheferna', 'socialcheferna')."""
    return name.casefold().endswith(("erna", "arna", "orna"))


class BatchBuilder:
    """Builds the batch of one document; people are resolved against the store."""

    def __init__(
        self,
        extraction: Extraction,
        text: str,
        resolver: PersonResolver | None,
        dumped: dict[str, Any] | None = None,
        entities: EntityMap | None = None,
    ) -> None:
        self.x = extraction
        self.dumped = dumped
        self.entities = entities or EntityMap()
        self.text = text
        self.resolver = resolver
        self.ref = load_reference()
        self._orgs_named: dict[str, str] = {}  # name_key of an organisation this document names -> its id
        self.doc_id = document_id(extraction.source.path)
        self.nodes: dict[str, Node] = {}
        self.rels: dict[str, Rel] = {}
        self.aliases: list[Alias] = []
        m = extraction.meeting
        self.county = m.region
        self.county_code = self.ref.counties.get(m.region) if m.region else None
        self.meeting_id = make_id("Meeting", self.doc_id)
        self.date = m.date.isoformat() if m.date else None

    # -- helpers ----------------------------------------------------------------------------------
    def node(self, node_id: str, label: str, name: str, text: str | None = None, **props: Any) -> str:
        if node_id not in self.nodes:
            clean = {k: v for k, v in props.items() if v is not None}
            self.nodes[node_id] = Node(id=node_id, label=label, name=name, props=clean, text=text)
        return node_id

    def rel(
        self, rtype: str, source: str, target: str, ev: Evidence | None, text: str | None = None, **props: Any
    ) -> None:
        start = ev.start if ev else None
        rid = make_id(rtype, source, target, self.doc_id, str(start))
        if rid in self.rels:
            return
        clean = {k: v for k, v in props.items() if v is not None}
        self.rels[rid] = Rel(
            id=rid,
            type=rtype,
            source=source,
            target=target,
            doc_id=self.doc_id,
            start=start,
            end=ev.end if ev else None,
            quote=ev.quote if ev else None,
            props=clean,
            text=text,
        )

    def region(self, county: str | None) -> str | None:
        if not county or county not in self.ref.counties:
            return None
        code = self.ref.counties[county]
        return self.node(make_id("Region", code), "Region", county, code=code)

    def network(self, name: str, ev: Evidence | None, acronyms_read: list[str] | None = None) -> str:
        base, acronyms = canonical_body(name)
        acronyms = list(dict.fromkeys([*acronyms, *(acronyms_read or [])]))
        key = network_key(base)
        nid = make_id("Network", self.county_code or "national", key)
        existing = self.nodes.get(nid)
        if existing is not None and _names_people(existing.name) and not _names_people(base):
            # "IFO-cheferna" and "IFO-chefsnätverket" are one body: it is named by the body, not its members
            self.aliases.append(
                Alias(node_id=nid, alias=existing.name, reason="members' name", score=1.0, doc_id=self.doc_id)
            )
            existing.name = base
        self.node(nid, "Network", base, region=self.county, key=key)
        for acronym in acronyms:
            self.aliases.append(
                Alias(node_id=nid, alias=acronym, reason="acronym in the body's name", score=1.0, doc_id=self.doc_id)
            )
        if base != name:
            self.aliases.append(Alias(node_id=nid, alias=name, reason="full title", score=1.0, doc_id=self.doc_id))
        region = self.region(self.county)
        if region:
            self.rel("IN_REGION", nid, region, ev)
        return nid

    def organization(self, name: str, ref: str | None, kind: str | None, ev: Evidence | None) -> str:
        canonical = ref or name
        # a unit name ("Hälsa och välfärd") recurs in many regions; one node per county keeps them apart
        scope = f" {self.county}" if kind == "unit" and not ref and self.county else ""
        oid = make_id("Organization", name_key(canonical + scope))
        self.node(oid, "Organization", canonical, kind=kind, ref=ref)
        if ref and name != canonical:
            self.aliases.append(Alias(node_id=oid, alias=name, reason="reference alias", score=1.0, doc_id=self.doc_id))
        county = self.ref.county_of_region_org(canonical) if ref else None
        if ref and ref.startswith("Länsstyrelsen "):
            county = ref.removeprefix("Länsstyrelsen ")
        region = self.region(county)
        if region:
            self.rel("IN_REGION", oid, region, ev)
        return oid

    def municipality(self, code: str, ev: Evidence | None) -> str:
        muni = self.ref.municipalities[code]
        mid = make_id("Municipality", code)
        self.node(mid, "Municipality", muni.name, code=code, county=muni.county)
        region = self.region(muni.county)
        if region:
            self.rel("IN_REGION", mid, region, ev)
        return mid

    # -- the document -----------------------------------------------------------------------------
    def build(self) -> GraphBatch:
        x, m = self.x, self.x.meeting
        info = DocumentInfo(
            id=self.doc_id,
            path=x.source.path,
            sha256=x.source.sha256,
            format=x.source.format,
            title=" ".join(p for p in (m.body, self.date) if p) or Path(x.source.path).name,
            date=self.date,
            chars=x.source.chars,
        )
        self.node(self.doc_id, "Document", info.title or info.path, path=info.path, date=self.date)
        self.node(
            self.meeting_id,
            "Meeting",
            info.title or "Möte",
            date=self.date,
            body=m.body,
            region=m.region,
            next_meeting=m.next_meeting.isoformat() if m.next_meeting else None,
            doc_id=self.doc_id,
        )
        self.rel("DESCRIBES", self.doc_id, self.meeting_id, None)
        body_id = self.network(m.body_full or m.body, m.body_evidence) if m.body else None
        if body_id and m.body and m.body_full and m.body != m.body_full:
            short = Alias(node_id=body_id, alias=m.body, reason="short form", score=1.0, doc_id=self.doc_id)
            self.aliases.append(short)
        if body_id:
            self.rel("OF", self.meeting_id, body_id, m.body_evidence)
        networks: dict[str, str] = {}
        for net in x.networks:
            nid = self.network(net.name, net.evidence[0] if net.evidence else None, net.acronyms)
            for other in net.other_names:  # "IFO-cheferna": a name the minutes also give this body
                self.aliases.append(
                    Alias(node_id=nid, alias=other, reason="another name in the minutes", score=1.0, doc_id=self.doc_id)
                )
            networks[network_key(net.name)] = nid
            if nid != body_id:
                self.rel("MENTIONS", self.meeting_id, nid, net.evidence[0] if net.evidence else None)
        for muni in x.municipalities:
            if muni.ref:
                mid = self.municipality(muni.ref, muni.evidence[0] if muni.evidence else None)
                self.rel("MENTIONS", self.meeting_id, mid, muni.evidence[0] if muni.evidence else None)
        orgs = {}
        for org in x.organizations:
            ev = org.evidence[0] if org.evidence else None
            orgs[org.name] = self.organization(org.name, org.ref, org.kind, ev)
            self.rel("MENTIONS", self.meeting_id, orgs[org.name], ev)
            for said in (org.name, org.ref):  # a handoff's target names it as the minutes do, or canonically
                if said:
                    self._orgs_named.setdefault(name_key(said), orgs[org.name])
        for proj in x.projects:
            ev = proj.evidence[0] if proj.evidence else None
            pid = self.node(make_id("Project", name_key(proj.name)), "Project", proj.name)
            self.rel("MENTIONS", self.meeting_id, pid, ev)
        people = self._people(body_id)
        self._items_and_outcomes(people, networks)
        return GraphBatch(
            document=info,
            text=self.text,
            extraction=self.dumped if self.dumped is not None else x.model_dump(mode="json"),
            nodes=list(self.nodes.values()),
            rels=list(self.rels.values()),
            aliases=self.aliases + self._person_aliases,
            candidates=self._candidates,
        )

    def _people(self, body_id: str | None) -> dict[str, str]:
        x = self.x
        drafts = []
        affiliation_ids: dict[str, str | None] = {}
        people = [p for p in x.people if REDACTED not in p.name]  # an erased person never comes back
        for p in people:
            aff_id = None
            ev = p.evidence[0] if p.evidence else None
            if p.affiliation_kind == "municipality" and p.affiliation_ref:
                aff_id = self.municipality(p.affiliation_ref, ev)
            elif p.affiliation:
                aff_id = self.organization(p.affiliation, p.affiliation_ref, p.affiliation_kind, ev)
            affiliation_ids[p.name] = aff_id
            drafts.append(PersonDraft(p.name, self.county, {aff_id} if aff_id else set()))
        self._person_aliases: list[Alias] = []
        self._candidates = []
        if self.resolver is not None:
            # the body as stored: people's records name it by its id after a merge or re-kind
            doc = (self.doc_id, self.x.source.sha256)
            body = self.entities.resolve(body_id, "Network", "", doc).id if body_id else None
            res = self.resolver.resolve(drafts, {body} if body else set(), self.doc_id)
            ids, self._person_aliases, self._candidates = res.ids, res.aliases, res.candidates
        else:
            ids = {d.rkey: make_id("Person", d.rkey) for d in drafts}
        out: dict[str, str] = {}
        for p, draft in zip(people, drafts, strict=True):
            pid = ids[draft.rkey]
            out[p.name] = pid
            self.node(pid, "Person", p.name, region=self.county, rkey=draft.rkey, block=blocking_key(p.name))
            ev = p.evidence[0] if p.evidence else None
            roles = set(p.roles)
            if roles & _ATTENDING:
                self.rel("ATTENDED", pid, self.meeting_id, ev, roles=sorted(roles), date=self.date)
            elif "absent" in roles:
                self.rel("ABSENT_FROM", pid, self.meeting_id, ev, roles=["absent"], date=self.date)
            else:
                self.rel("MENTIONS", self.meeting_id, pid, ev)
            if affiliation_ids[p.name]:
                self.rel(
                    "REPRESENTS", pid, affiliation_ids[p.name] or "", ev, date=self.date, affiliation=p.affiliation
                )
        return out

    def _items_and_outcomes(self, people: dict[str, str], networks: dict[str, str]) -> None:
        x = self.x
        common = {"doc_id": self.doc_id, "meeting_id": self.meeting_id, "date": self.date}
        if not x.items and self.text.strip():
            # minutes without numbered items are still searchable: the whole text is one item
            title = x.meeting.body or "Protokoll"
            iid = make_id("AgendaItem", self.doc_id, "all")
            body = self.text[x.content_start :] if x.content_start else self.text
            self.node(iid, "AgendaItem", title, text=" ".join(body.split())[:20000], number=None, **common)
            self.rel("HAS_ITEM", self.meeting_id, iid, None)
        for i, item in enumerate(x.items):
            iid = make_id("AgendaItem", self.doc_id, str(i))
            ev = item.evidence[0] if item.evidence else None
            self.node(
                iid,
                "AgendaItem",
                item.title,
                text=f"{item.title}\n{item.text}",
                number=item.number,
                **common,
                **_span(ev),
            )
            self.rel("HAS_ITEM", self.meeting_id, iid, item.evidence[0] if item.evidence else None)
        for d in x.decisions:
            ev = d.evidence[0] if d.evidence else None
            did = make_id("Decision", self.doc_id, str(ev.start if ev else d.text))
            self.node(did, "Decision", d.text[:120], text=d.text, item=d.item, **common, **_span(ev))
            self.rel("DECIDED", self.meeting_id, did, ev)
        for a in x.actions:
            ev = a.evidence[0] if a.evidence else None
            aid = make_id("Action", self.doc_id, str(ev.start if ev else a.text))
            self.node(
                aid,
                "Action",
                a.text[:120],
                text=a.text,
                item=a.item,
                assignee=a.assignee,
                status="open",
                **common,
                **_span(ev),
            )
            self.rel("HAS_ACTION", self.meeting_id, aid, ev)
            if a.assignee and a.assignee in people:
                self.rel("ASSIGNED_TO", aid, people[a.assignee], ev)
        for h in x.handoffs:
            ev = h.evidence[0] if h.evidence else None
            target = self._handoff_target(h, networks, ev)
            self.rel(
                "HANDED_OFF",
                self.meeting_id,
                target,
                ev,
                text=h.question,
                question=h.question,
                item=h.item,
                date=self.date,
            )

    def _handoff_target(self, h: HandoffFact, networks: dict[str, str], ev: Evidence | None) -> str:
        """Where a question went: a body this document names; else an organisation it names, or one
        the reference data knows (a state agency, a county board); else a body by that name. A
        person's correction may say it is an organisation (`to_label`) the reference data does not know."""
        if h.to_label != "Organization" and (found := networks.get(network_key(h.to))):
            return found
        if found := self._orgs_named.get(name_key(h.to)):
            return found
        canonical = reference_organisation(h.to)
        if canonical is not None:
            return self.organization(canonical, canonical, self.ref.organizations[canonical].kind, ev)
        if h.to_label == "Organization":
            return self.organization(h.to, None, None, ev)
        return self.network(h.to, ev)


@cache
def _reference_organisations() -> dict[str, str]:
    """name_key of every reference organisation's name and alias -> its canonical name."""
    out: dict[str, str] = {}
    for alias, canonical in sorted(load_reference().organization_aliases.items()):
        out.setdefault(name_key(alias), canonical)
    return out


def reference_organisation(name: str) -> str | None:
    """The canonical name of the reference organisation a name or alias stands for, whatever its
    case, spacing and hyphens; None when the reference data knows no such organisation."""
    return _reference_organisations().get(name_key(name))


def _span(ev: Evidence | None) -> dict[str, Any]:
    """Where a text node stands in its document, kept on the node so a search hit can cite it."""
    return {"start": ev.start, "end": ev.end, "quote": ev.quote} if ev else {}


def person_keys(extraction: Extraction) -> tuple[set[str], set[str]]:
    """The resolution keys and blocking keys of the people a document names: what resolving it may
    ask the store about (the people BatchBuilder drafts, under the meeting's county)."""
    names = [p.name for p in extraction.people]
    region = extraction.meeting.region
    return {person_key(n, region) for n in names}, {blocking_key(n) for n in names} - {""}


def build_batch(
    extraction: Extraction,
    text: str,
    resolver: PersonResolver | None = None,
    dumped: dict[str, Any] | None = None,
    entities: EntityMap | None = None,
) -> GraphBatch:
    """The graph batch of one extracted document; people resolved against the store if given, and
    bodies, organisations and projects as people renamed, re-kinded and merged them. `dumped` is
    the extraction's `model_dump(mode="json")` when the caller has it already."""
    batch = BatchBuilder(extraction, text, resolver, dumped, entities).build()
    return entities.apply(batch) if entities else batch
