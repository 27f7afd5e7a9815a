"""Turn one minutes document into an Extraction: every fact with its evidence."""

from __future__ import annotations

import re
from pathlib import Path

from samkarta.loaders.doc import Doc
from samkarta.loaders.entities import find_municipalities, find_networks, find_organizations, find_projects
from samkarta.loaders.items import agenda_facts, find_actions, find_decisions, find_handoffs, find_items
from samkarta.loaders.meeting import read_meeting
from samkarta.loaders.model import Extraction, SourceInfo
from samkarta.loaders.people import PeopleFinder
from samkarta.loaders.readers import SourceText, read_document


def extract_text(text: str, source: SourceInfo | None = None) -> Extraction:
    """Extract the facts of minutes given as text."""
    doc = Doc.build(text)
    finder = PeopleFinder(doc)
    finder.read_lists()
    finder.read_text()
    people = finder.facts()
    name_spans = sorted((e.start, e.end) for p in people for e in p.evidence)
    # the body first from structure, so networks can be told apart from the body itself
    meeting = read_meeting(doc, [], people)
    body_span = (meeting.body_evidence.start, meeting.body_evidence.end) if meeting.body_evidence else (0, 0)
    orgs, services = find_organizations(doc, people, name_spans, body_span, meeting.region)
    networks = find_networks(doc, meeting.body, body_span, {o.name for o in orgs})
    if meeting.body is None and networks:
        meeting = read_meeting(doc, networks, people)
    employer = _organisation_body(meeting.body)
    if employer:
        finder.staff_of(employer)
        people = finder.facts()
    items = find_items(doc)
    excluded = {o.name for o in orgs} | {n.name for n in networks} | {p.name for p in people}
    projects = find_projects(
        doc, services, excluded, [(i.title, i.start, i.body_start) for i in items], finder.list_spans
    )
    decisions = find_decisions(doc, items, [p.name for p in people])
    actions = find_actions(doc, items, [p.name for p in people], decisions)
    handoffs = find_handoffs(doc, items, networks, meeting.body)
    return Extraction(
        source=source or SourceInfo(path="<text>", sha256="", format="txt", chars=len(text)),
        meeting=meeting,
        people=people,
        organizations=orgs,
        municipalities=find_municipalities(doc, name_spans, people),
        projects=projects,
        networks=networks,
        items=agenda_facts(doc, items),
        content_start=doc.content_start,
        decisions=decisions,
        actions=actions,
        handoffs=handoffs,
    )


def _organisation_body(body: str | None) -> str | None:
    """The organisation whose own minutes these are ('Samordningsförbundet X', 'Styrelsen för
    Kommunförbundet Y'), or None for networks and groups, whose 'others present' are guests."""
    if not body:
        return None
    m = re.search(r"\b[A-ZÅÄÖ][\wåäö-]*förbund(?:et)?(?:\s+[A-ZÅÄÖ][\wåäö-]+)+", body)
    return m.group(0) if m else None


def extract_source(src: SourceText) -> Extraction:
    info = SourceInfo(path=str(src.path), sha256=src.sha256, format=src.format, chars=len(src.text))
    return extract_text(src.text, info)


def extract_file(path: Path) -> Extraction:
    """Read and extract one file; bad input raises InvalidInput naming the file."""
    return extract_source(read_document(path))
