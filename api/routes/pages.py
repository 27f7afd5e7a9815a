"""The explorer: Swedish HTML pages over the same questions as the JSON API."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal, NamedTuple
from urllib.parse import urlencode

import networkx as nx
from fastapi import APIRouter, FastAPI, Form, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from samkarta.api import swedish
from samkarta.api.deps import FormRefused, SettingsDep, SnapshotDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.markdown import hide_markdown
from samkarta.api.routes.common import DocumentSummary, NodeId
from samkarta.api.routes.explore import EXPORT_FORMATS
from samkarta.api.routes.timeline_views import membership_panels, trail_panels
from samkarta.entities import history as entity_history
from samkarta.errors import AppError, InvalidInput, NotFound
from samkarta.graph.entities import in_force
from samkarta.graph.model import REKINDABLE, SPLITTABLE, latest_judgements
from samkarta.ingest import judge
from samkarta.queries import questions as q
from samkarta.queries.neighbours import filter_view, with_expansions
from samkarta.queries.regions import region_graph
from samkarta.queries.view import Snapshot
from samkarta.viz import LEGEND, STATIC_DIR, LayoutCache, render
from samkarta.viz.export import render_export

router = APIRouter(include_in_schema=False)
_HERE = FilePath(__file__).resolve().parent.parent
templates = Jinja2Templates(directory=str(_HERE / "templates"))  # autoescape is on for .html
templates.env.filters["hide_markdown"] = hide_markdown
templates.env.filters["decimal"] = swedish.decimal
templates.env.filters["reason"] = swedish.reason
templates.env.globals["count"] = swedish.count
LABELS = {k: v for k, v in LEGEND["sv"].items() if k not in ("Document", "Topic")}
KINDS = {
    "decision": "beslut",
    "action": "åtgärd",
    "handoff_received": "mottagen fråga",
    "handoff_sent": "skickad fråga",
    "discussion": "diskussion",
}
STATUS_NAMES = {
    "pending": "väntar",
    "merged": "sammanslagen automatiskt",
    "accepted": "godkänd",
    "rejected": "avvisad",
    "all": "alla",
}
RELATION_TITLES = {
    "ATTENDED": "Närvarade vid",
    "ABSENT_FROM": "Frånvarande vid",
    "REPRESENTS": "Företräder",
    "MENTIONS": "Nämns i / nämner",
    "OF": "Möte i",
    "IN_REGION": "Region",
    "HANDED_OFF": "Frågor vidare",
    "ASSIGNED_TO": "Åtgärder",
    "DECIDED": "Beslut",
    "HAS_ACTION": "Åtgärder",
    "HAS_ITEM": "Punkter",
}
# what links two steps of a path, read either way
RELATION_WORDS = {
    "ATTENDED": "närvaro",
    "ABSENT_FROM": "frånvaro",
    "REPRESENTS": "företräder",
    "MENTIONS": "omnämnande",
    "OF": "möte i",
    "IN_REGION": "region",
    "HANDED_OFF": "fråga vidare",
    "ASSIGNED_TO": "åtgärd",
    "DECIDED": "beslut",
    "HAS_ACTION": "åtgärd",
    "HAS_ITEM": "punkt",
}
EntityLabel = Literal["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting", "Other"]
# a date field left empty in a form is sent as "": no limit
ISODate = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
_layouts = LayoutCache(max_entries=64)


def mount_static(app: FastAPI) -> None:
    app.mount("/static/viz", StaticFiles(directory=str(STATIC_DIR)), name="viz-static")
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(_HERE / "static" / "favicon.svg", media_type="image/svg+xml")


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"labels": LABELS, "kinds": KINDS, **context})


def _source(doc_id: str | None, start: int | None = None, end: int | None = None) -> str | None:
    if not doc_id:
        return None
    return f"/document/{doc_id}" + (f"?start={start}&end={end}#hit" if start is not None and end is not None else "")


# -- start, search, documents -------------------------------------------------------------------------
def _overview(snap: Snapshot) -> dict[str, Any]:
    cached = snap.__dict__.get("_overview")
    if cached:
        return cached
    g = snap.g
    per: dict[str, Counter[str]] = defaultdict(Counter)
    region_ids = {d["name"]: n for n, d in g.nodes(data=True) if d["label"] == "Region"}
    meetings = []
    for n, d in g.nodes(data=True):
        region = d.get("region") or "Nationellt"
        if d["label"] == "Meeting":
            per[region]["meetings"] += 1
            per[region]["documents"] += 1
            meetings.append(
                {
                    "id": n,
                    "date": d.get("date"),
                    "body": d.get("body") or d["name"],
                    "region": d.get("region"),
                    "doc_id": d.get("doc_id"),
                    "network_id": snap.meeting_network.get(n),
                }
            )
        elif d["label"] == "Person":
            per[region]["people"] += 1
        elif d["label"] == "Network":
            per[region]["bodies"] += 1
    regions = [
        {"name": r, "id": region_ids.get(r), **{k: c[k] for k in ("documents", "meetings", "people", "bodies")}}
        for r, c in sorted(per.items())
    ]
    meetings.sort(key=lambda m: m["date"] or "", reverse=True)
    totals = {k: sum(r[k] for r in regions) for k in ("documents", "meetings", "people", "bodies")}
    result = {"regions": regions, "latest": meetings[:12], "totals": totals}
    snap.__dict__["_overview"] = result
    return result


@router.get("/", response_class=HTMLResponse)
def start(request: Request, snap: SnapshotDep) -> HTMLResponse:
    return _page(request, "index.html", title="Start", **_overview(snap))


# -- entities -------------------------------------------------------------------------------------------
def _rows_from_relations(entity: Any, types: set[str], direction: str | None = None) -> list[dict[str, Any]]:
    rows = []
    for r in entity.relations:
        if r.type not in types or (direction and r.direction != direction):
            continue
        meta = ", ".join(
            str(v)
            for v in (r.props.get("date"), swedish.roles(r.props.get("roles")) or None, r.props.get("question"))
            if v
        )
        rows.append(
            {
                "text": r.other_name or r.other_id,
                "link": f"/entity/{r.other_id}" if r.other_label in LABELS else None,
                "meta": meta,
                "quote": r.evidence.quote,
                "source": _source(r.evidence.doc_id, r.evidence.start, r.evidence.end),
            }
        )
    return rows


_FIRST_COLLABORATORS = 20  # shown at first; the rest one click away


def _person_sections(snap: Snapshot, node_id: str, every: bool) -> list[dict[str, Any]]:
    collab = q.collaborators(snap, node_id, limit=1_000_000 if every else _FIRST_COLLABORATORS)
    shown_quotes: set[str] = set()
    dep = q.depends(snap, node_id)
    bodies = q.bodies_of(snap, node_id)
    return [
        {
            "title": "Nätverk och perioder",
            "count": len(bodies),
            "rows": [
                {
                    "text": b["name"],
                    "link": f"/entity/{b['id']}",
                    "meta": (f"{b['first']} – {b['last']}, " if b["first"] else "")
                    + swedish.count(b["meetings"], "möte", "möten"),
                }
                for b in bodies
            ],
        },
        {
            "title": "Samarbetar med",
            "count": collab.count,
            "rows": [_collaborator_row(node_id, c, shown_quotes) for c in collab.data],
            "more": f"/entity/{node_id}?alla=1#samarbetar" if collab.count > len(collab.data) else None,
            "anchor": "samarbetar",
        },
        {
            "title": "Leder",
            "count": len(dep.chairs),
            "rows": [{"text": b.name, "link": f"/entity/{b.id}"} for b in dep.chairs],
        },
        {
            "title": "Öppna åtgärder",
            "count": len(dep.open_actions),
            "rows": [
                {
                    "text": a.text,
                    "meta": a.date,
                    "quote": a.evidence.quote,
                    "source": _source(a.evidence.doc_id, a.evidence.start, a.evidence.end),
                }
                for a in dep.open_actions
            ],
        },
        {
            "title": "Enda länken mellan",
            "count": len(dep.sole_links),
            "rows": [{"text": f"{s.body.name} och {s.other.name}"} for s in dep.sole_links],
        },
    ]


def _network_sections(snap: Snapshot, node_id: str) -> list[dict[str, Any]]:
    net = q.network(snap, node_id)

    def fact_rows(facts: list[Any]) -> list[dict[str, Any]]:
        return [
            {
                "text": f.text,
                "meta": f.date,
                "quote": f.evidence.quote,
                "source": _source(f.evidence.doc_id, f.evidence.start, f.evidence.end),
            }
            for f in facts
        ]

    def handoff_rows(items: list[Any], incoming: bool) -> list[dict[str, Any]]:
        return [
            {
                "text": h.question,
                "link": f"/entity/{h.from_network if incoming else h.to_network}",
                "meta": f"{'från' if incoming else 'till'} {h.from_name if incoming else h.to_name}, {h.date or ''}",
                "quote": h.evidence.quote,
                "source": _source(h.evidence.doc_id, h.evidence.start, h.evidence.end),
            }
            for h in items
        ]

    return [
        {
            "title": "Medlemmar över tid",
            "count": len(net.members),
            "rows": [
                {
                    "text": m.name,
                    "link": f"/entity/{m.id}",
                    "meta": f"{m.first_seen or '?'} – {m.last_seen or '?'}, "
                    f"{swedish.count(m.meetings, 'möte', 'möten')}, {swedish.roles(m.roles)}",
                }
                for m in net.members
            ],
        },
        {
            "title": "Möten",
            "count": len(net.meetings),
            "rows": [{"text": m.date or "datum saknas", "link": _source(m.doc_id)} for m in net.meetings],
        },
        {"title": "Beslut", "count": len(net.decisions), "rows": fact_rows(net.decisions)},
        {"title": "Öppna åtgärder", "count": len(net.open_actions), "rows": fact_rows(net.open_actions)},
        {"title": "Frågor som kommit in", "count": len(net.handoffs_in), "rows": handoff_rows(net.handoffs_in, True)},
        {
            "title": "Frågor som skickats vidare",
            "count": len(net.handoffs_out),
            "rows": handoff_rows(net.handoffs_out, False),
        },
    ]


def _collaborator_row(of: str, c: Any, shown_quotes: set[str]) -> dict[str, Any]:
    """One collaborator: shared meetings, bodies, when last; the quote of their latest shared meeting
    only where it says something the rows above have not (one attendance list names them all)."""
    ev = c.evidence[0] if c.evidence else None
    quote = ev.quote if ev is not None and ev.quote not in shown_quotes else None
    if quote:
        shown_quotes.add(quote)
    return {
        "text": c.name,
        "link": f"/entity/{c.id}",
        "relation": f"/relation/{of}/{c.id}",
        "meta": f"{swedish.count(c.shared_meetings, 'gemensamt möte', 'gemensamma möten')}, "
        f"{', '.join(c.shared_bodies)}, senast {c.last_seen or '?'}",
        "quote": quote,
        "source": _source(ev.doc_id, ev.start, ev.end) if ev is not None else None,
    }


@router.get("/entity/{node_id}", response_class=HTMLResponse)
def entity_page(
    request: Request,
    store: StoreDep,
    snap: SnapshotDep,
    node_id: NodeId,
    alla: Annotated[bool, Query(description="Every collaborator, not only the first")] = False,
    message: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    entity = q.entity(store, snap, node_id)
    label = entity.label
    props = entity.props
    facts = [
        (k, v)
        for k, v in (
            ("Datum", props.get("date")),
            ("SCB-kod", props.get("code")),
            ("Län", props.get("county")),
            ("Typ", props.get("kind")),
        )
        if v
    ]
    if label == "Person":
        sections = _person_sections(snap, node_id, alla)
        sections.append(
            {"title": "Företräder", "count": None, "rows": _rows_from_relations(entity, {"REPRESENTS"}, "out")}
        )
    elif label == "Network":
        sections = _network_sections(snap, node_id)
    elif label in ("Organization", "Municipality"):
        collab = q.organization_collaborators(snap, node_id)
        sections = [
            {"title": "Personer som företräder", "count": None, "rows": _rows_from_relations(entity, {"REPRESENTS"})},
            {
                "title": "Samarbetar med",
                "count": collab.count,
                "rows": [
                    {"text": c.name, "link": f"/entity/{c.id}", "meta": ", ".join(c.shared_bodies)} for c in collab.data
                ],
            },
            {"title": "Nämns i", "count": None, "rows": _rows_from_relations(entity, {"MENTIONS"}, "in")},
        ]
    else:
        sections = [
            {"title": RELATION_TITLES.get(t, t), "count": None, "rows": _rows_from_relations(entity, {t})}
            for t in sorted({r.type for r in entity.relations})
        ]
    docs = [DocumentSummary.of(d) for d in store.documents() if d.id in set(entity.documents)]
    graph_url = f"/graph/ego/{node_id}?depth=1" if label in LABELS and label != "Meeting" else None
    years, undated = membership_panels(snap, node_id) if label == "Network" else ([], 0)
    return _page(
        request,
        "entity.html",
        title=entity.name,
        entity=entity,
        facts=facts,
        sections=sections,
        documents=docs,
        graph_url=graph_url,
        region=props.get("region") or props.get("county"),
        years=years,
        undated=undated,
        map_url=f"/body/{node_id}/map" if label == "Network" else None,
        message=message,
        curation=_curation(store, entity.id, label),
        attendance=_person_meetings(store, entity) if label == "Person" else None,
    )


def _person_meetings(store: StoreDep, entity: Any) -> dict[str, Any]:
    # imported here: the person's form rows reuse the document page's wording, which imports this module
    from samkarta.api.routes.person_facts import person_meetings

    return person_meetings(store, entity)


def _curation(store: StoreDep, node_id: str, label: str) -> dict[str, Any] | None:
    """What the entity page's curation form shows: the node's judgements, those still in force
    undoable; None for a node that cannot be renamed, re-kinded, merged or split (a person can
    only be split here: people merge on /merges)."""
    if label not in SPLITTABLE:
        return None
    judged = entity_history(store, node_id)
    live = {j.id for j in in_force(judged)}
    rows = [{"id": j.id, "live": j.id in live, "j": j, **_history_row(j, node_id)} for j in judged]
    return {
        "rows": rows,
        "person": label == "Person",
        "rekind": label in REKINDABLE,
        "other": "Project" if label == "Organization" else "Organization",
    }


def _history_row(j: Any, node_id: str) -> dict[str, Any]:
    """A judgement as the history on the entity page says it; a split links to the other node."""
    if j.op == "split":
        documents = swedish.count(len(j.documents), "protokoll", "protokoll")
        if j.node == node_id:
            text = f"Delade upp: det som står i {documents} hör nu till {j.value_name or j.name} (ny nod)"
            return {"text": text, "link": f"/entity/{j.value}"}
        return {"text": f"Delades ut från {j.name} ({documents})", "link": f"/entity/{j.node}"}
    ops = {"rename": "Bytte namn", "rekind": "Ändrade typ", "merge": "Slog ihop", "undo": "Ångrade"}
    return {"text": f"{ops[j.op]}: {j.name} → {j.value_name or j.value}", "link": None}


# -- graph views ----------------------------------------------------------------------------------------
# where a view fetches a node's neighbours to expand it in place (the ego view adds its filters)
_EXPAND_URL = "/api/entities/{id}/neighbours"


class _Scope(NamedTuple):
    """The filters a view's expansions share with it (the ego view's; the other views have none)."""

    labels: list[str] | None = None
    region: str | None = None
    since: str | None = None
    until: str | None = None


_NO_FILTERS = _Scope()


_FILTER_FORM = """<form class="samkarta-filters" method="get" style="font:14px system-ui;padding:4px 10px;\
display:flex;gap:.6rem;flex-wrap:wrap;align-items:center">{types}
<label>Region <input name="region" value="{region}" size="12"></label>
<label>Från <input type="date" name="since" value="{since}"></label>
<label>Till <input type="date" name="until" value="{until}"></label>
<input type="hidden" name="depth" value="{depth}"><button type="submit">Filtrera</button></form>"""


def _filter_form(labels: list[str] | None, region: str | None, since: str | None, until: str | None, depth: int) -> str:
    """Entity type, region and time range filters for the ego view (every value escaped)."""
    boxes = "".join(
        f'<label><input type="checkbox" name="label" value="{lab}"{" checked" if not labels or lab in labels else ""}>'
        f"{html.escape(name)}</label>"
        for lab, name in LABELS.items()
        if lab not in ("Meeting", "Region")
    )
    return _FILTER_FORM.format(
        types=boxes,
        region=html.escape(region or ""),
        since=html.escape(since or ""),
        until=html.escape(until or ""),
        depth=depth,
    )


def _graph_page(
    g: nx.Graph,
    title: str,
    snap: Snapshot,
    key: str,
    request: Request,
    embed: bool,
    controls: str = "",
    focus: str | None = None,
    scope: _Scope = _NO_FILTERS,
) -> Response:
    """The graph page, or with ?format= the very graph it shows as a download (filters and all).

    `?expand=ID` (repeated, in order) is a node expanded in place on the page: the page adds it to its
    downloads' links and its address after each expansion, so a download or a permalink holds the view
    as it is shown now, with the same filters as the expansion used."""
    expanded = _expansions(request)
    if expanded:
        g = with_expansions(g, snap, expanded, **scope._asdict())
        key = f"{key}:expand:{'|'.join(expanded)}"
    fmt = request.query_params.get("format")
    if fmt in EXPORT_FORMATS:
        return Response(**render_export(g, fmt))
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "embed")]
    exports = {f: f"{request.url.path}?{urlencode([*kept, ('format', f)])}" for f in ("gexf", "csv", "graphml")}
    page = render(
        g,
        title=title,
        lang="sv",
        link_template="/entity/{id}",
        layout_cache=_layouts,
        cache_key=(snap.version, key),
        asset_url="/static/viz",
        export_urls=exports,
        height="440px" if embed else "720px",
        link_target="top" if embed else "self",
        focus=focus,
        expand_url=_expand_url(scope),
        expanded=expanded,
    )
    body = page.html
    if not embed:
        # the explorer's own header and search above the graph: no dead end; the filters are part of the
        # view, so they go inside its main landmark
        header = templates.get_template("_header.html").render(q="")
        style = '<link rel="stylesheet" href="/static/app.css">'
        main = '<main class="sk-main" aria-labelledby="sk-title">'
        body = body.replace("</head>", style + "</head>", 1).replace("<body>", "<body>" + header, 1)
        body = body.replace(main, main + controls, 1)
    return HTMLResponse(body)


@router.get("/graph/ego/{node_id}", response_class=HTMLResponse)
def ego_view(
    request: Request,
    snap: SnapshotDep,
    node_id: NodeId,
    depth: Annotated[int, Query(ge=1, le=2)] = 1,
    label: Annotated[list[EntityLabel] | None, Query()] = None,
    region: Annotated[str | None, Query(max_length=60)] = None,
    since: ISODate = None,
    until: ISODate = None,
    embed: Annotated[int, Query(ge=0, le=1)] = 0,
) -> Response:
    since, until = since or None, until or None
    g = q.ego(snap, node_id, depth, since=since, until=until)
    g = filter_view(g, list(label) if label else None, region, {node_id})
    name = snap.g.nodes[node_id]["name"]
    return _graph_page(
        g,
        f"{name} – nätverk ({depth} steg)",
        snap,
        f"ego:{node_id}:{depth}:{label}:{region}:{since}:{until}",
        request,
        bool(embed),
        _filter_form(list(label) if label else None, region, since, until, depth),
        focus=node_id,
        scope=_Scope(list(label) if label else None, region, since, until),
    )


def _expand_url(scope: _Scope) -> str:
    """The neighbours of a node under the same filters as the view it is expanded in."""
    params = [("label", lab) for lab in scope.labels or []]
    params += [(k, v) for k, v in (("region", scope.region), ("since", scope.since), ("until", scope.until)) if v]
    return _EXPAND_URL + (f"?{urlencode(params)}" if params else "")


_MOST_EXPANSIONS = 100
_NODE_ID = re.compile(r"^[a-z]+-[0-9a-f]{16}$")


def _expansions(request: Request) -> list[str]:
    """The nodes expanded in place (`?expand=`, in order, each once), checked."""
    found = list(dict.fromkeys(request.query_params.getlist("expand")))
    if len(found) > _MOST_EXPANSIONS:
        raise InvalidInput("expand", f"at most {_MOST_EXPANSIONS} expanded nodes, not {len(found)}")
    for node_id in found:
        if not _NODE_ID.match(node_id):
            raise InvalidInput("expand", f"{node_id[:40]!r} is not a node id")
    return found


@router.get("/graph/networks", response_class=HTMLResponse)
def networks_view(
    request: Request,
    snap: SnapshotDep,
    region: Annotated[str | None, Query(max_length=60)] = None,
    min_shared: Annotated[int, Query(ge=1, le=100)] = 1,
) -> Response:
    g = q.network_of_networks(snap)
    g = (
        g.edge_subgraph([(a, b) for a, b, d in g.edges(data=True) if d["weight"] >= min_shared]).copy()
        if min_shared > 1
        else g
    )
    g = filter_view(g, None, region, set())
    return _graph_page(
        g, "Nätverk av nätverk (gemensamma medlemmar)", snap, f"non:{region}:{min_shared}", request, False
    )


@router.get("/graph/question", response_class=HTMLResponse)
def question_view(
    request: Request,
    store: StoreDep,
    snap: SnapshotDep,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
) -> Response:
    owners = q.owners(store, snap, q_, limit=40)
    trail = q.trail(store, snap, q_)
    g = nx.DiGraph()
    topic = "topic-question"
    g.add_node(topic, label="Topic", name=q_, weight=10, url="/search?" + urlencode({"q": q_}))
    for o in owners.data:
        g.add_node(o.id, label="Network", name=o.name, region=o.region, weight=1 + o.score * 5)
        g.add_edge(topic, o.id, type="OWNS", weight=o.score)
    for h in trail.handoffs:
        for n, name, label in ((h.from_network, h.from_name, "Network"), (h.to_network, h.to_name, h.to_label)):
            if n and n not in g:
                g.add_node(n, label=label, name=name or n, weight=2)
        if h.from_network:
            g.add_edge(h.from_network, h.to_network, type="HANDED_OFF", label=h.date or "", weight=2)
    return _graph_page(g, f"Frågan ”{q_}”: ägare och väg", snap, f"q:{q_}", request, False)


@router.get("/graph/region/{node_id}", response_class=HTMLResponse)
def region_view(request: Request, snap: SnapshotDep, node_id: NodeId) -> Response:
    county = snap.g.nodes[node_id]["name"] if node_id in snap.g else None
    if county is None or snap.g.nodes[node_id]["label"] != "Region":
        raise NotFound(f"no region with id {node_id!r}")
    g = region_graph(snap, county)
    for _, d in g.nodes(data=True):
        if d.pop("gap", False):
            d["title"] = "Inte med i något av länets nätverk"
            if not d.pop("named"):
                d["url"] = None  # never named in the minutes: no page to open
    return _graph_page(g, f"{county}: kommuner och nätverk", snap, f"region:{node_id}", request, False, focus=node_id)


@router.get("/question", response_class=HTMLResponse)
def question_page(
    request: Request, store: StoreDep, snap: SnapshotDep, q_: Annotated[str, Query(alias="q", max_length=200)] = ""
) -> HTMLResponse:
    owners = q.owners(store, snap, q_).data if q_.strip() else []
    years, undated = trail_panels(store, snap, q_) if q_.strip() else ([], {})
    context = {"q": q_, "owners": owners, "years": years, "undated": undated}
    return _page(request, "question.html", title="Vem äger frågan?", **context)


@router.get("/paths", response_class=HTMLResponse)
def paths_page(
    request: Request,
    store: StoreDep,
    snap: SnapshotDep,
    fran: Annotated[str, Query(max_length=200)] = "",
    till: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    """How two entities are connected, step by step, each step with the quote behind it."""
    found, problem = None, None
    if fran.strip() and till.strip():
        try:
            found = q.paths(snap, q._resolve(snap, fran, store=store), q._resolve(snap, till, store=store)).data
        except NotFound:
            problem = f"Hittar ingen som heter ”{fran}” eller ”{till}” i protokollen."
    context = {"fran": fran, "till": till, "paths": found, "problem": problem, "relations": RELATION_WORDS}
    return _page(request, "paths.html", title="Hur hänger de ihop?", **context)


@router.get("/relation/{node_id}/{other_id}", response_class=HTMLResponse)
def relation_page(request: Request, snap: SnapshotDep, node_id: NodeId, other_id: NodeId) -> HTMLResponse:
    """Two people: every meeting they both attended, with the passages that say so."""
    meetings = q.shared_meetings(snap, node_id, other_id)
    for m in meetings:  # one attendance list names them both: quote it once
        m["quotes"] = list({e.quote: e for e in m["evidence"] if e.quote}.values())
    bodies = sorted({m["body"] for m in meetings if m["body"]})
    summary = swedish.count(len(meetings), "gemensamt möte", "gemensamma möten") + (
        f" i {', '.join(bodies)}" if bodies else ""
    )
    a, b = ({"id": n, "name": snap.g.nodes[n]["name"]} for n in (node_id, other_id))
    title = f"{a['name']} och {b['name']}"
    return _page(request, "relation.html", title=title, a=a, b=b, meetings=meetings, summary=summary)


@router.get("/brokers", response_class=HTMLResponse)
def brokers_page(request: Request, snap: SnapshotDep) -> HTMLResponse:
    """Those who connect bodies that otherwise do not meet."""
    return _page(request, "brokers.html", title="Brobyggare", brokers=q.brokers(snap, limit=50).data)


# -- merge candidates ---------------------------------------------------------------------------------
def _side(store: Any, node_id: str, name: str) -> dict[str, Any]:
    node = store.get_node(node_id)
    if node is None:
        return {"id": None, "name": name, "evidence": []}
    evidence = []
    for r in store.rels_of(node_id)[:6]:
        other = store.get_node(r.target if r.source == node_id else r.source)
        evidence.append(
            {
                "text": f"{RELATION_TITLES.get(r.type, r.type)}: {other.name if other else ''}",
                "quote": r.quote,
                "source": _source(r.doc_id, r.start, r.end),
            }
        )
    return {"id": node_id, "name": node.name, "evidence": evidence}


@router.get("/merges", response_class=HTMLResponse)
def merges_page(
    request: Request,
    store: StoreDep,
    status: Literal["pending", "merged", "accepted", "rejected", "all"] = "pending",
    message: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    judgements = latest_judgements(store.judgements())
    candidates = []
    for c in store.candidates(None if status == "all" else status):
        data = c.model_dump()
        data["sides"] = [_side(store, c.node_a, c.name_a), _side(store, c.node_b, c.name_b)]
        data["judgement"] = judgements.get(frozenset((c.key_a, c.key_b)))  # who decided, when and why
        candidates.append(data)
    return _page(
        request,
        "merges.html",
        title="Sammanslagningar",
        candidates=candidates,
        status=status,
        statuses=list(STATUS_NAMES.items()),
        status_names=STATUS_NAMES,
        message=message,
    )


@router.post("/merges/{candidate_id}")
def merges_decide(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    candidate_id: NodeId,
    decision: Annotated[Literal["accept", "reject"], Form()],
    token: Annotated[str, Form(max_length=200)],
    reason: Annotated[str, Form(max_length=500)] = "",
) -> RedirectResponse:
    try:
        writer = form_writer(settings, token, "beslutet")
    except FormRefused as e:
        return _merges_message(e.message)
    verdict = "accepted" if decision == "accept" else "rejected"
    try:
        decided_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        judge(store, candidate_id, verdict, reason, decided_at, decided_by=writer)
    except AppError as e:
        return _merges_message(str(e))
    audit.info("%s %s merge candidate %s", writer, verdict, candidate_id)
    view.refresh()
    text = "Sparat: samma person." if verdict == "accepted" else "Sparat: olika personer."
    return _merges_message(text, status="all")


def _merges_message(message: str, **params: str) -> RedirectResponse:
    return RedirectResponse("/merges?" + urlencode({"message": message, **params}), status_code=303)
