"""networkx graph -> standalone, offline HTML page with an interactive vis-network view.

pyvis builds the node/edge/option data; the page is our own template (``templates/graph.html``) because
pyvis's templates link CDN files. Nothing is written to disk and the caller's graph is never modified.
"""

from __future__ import annotations

import json
import math
import re
import urllib.parse
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import networkx as nx
from pyvis.network import Network

from .assets import VIS_NETWORK_FILE, vis_network_js
from .layout import LayoutCache, Positions, compute_layout
from .palette import (
    NO_REGION_NAME,
    OTHER,
    Style,
    edge_kind,
    edge_name,
    edge_style,
    kind_of,
    legend_name,
    legend_order,
    region_style,
    style_for,
)

# Above this many nodes positions come from Python and physics is off; at or below it the browser runs a short
# physics stabilisation and then freezes the layout.
LAYOUT_THRESHOLD = 300

_TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "summary": "Visar {shown} {nodes} och {edges} {links}",
        "node": "nod",
        "nodes": "noder",
        "link": "koppling",
        "links": "kopplingar",
        "omitted": "Visar {shown} av {total} noder ({omitted} utelämnade av gränsen)",
        "empty": "Inga noder att visa.",
        "legend": "Teckenförklaring",
        "png": "Spara PNG",
        "fit": "Visa allt",
        "download": "Ladda ner {fmt}",
        "hint": "Klicka på en nod för att öppna den. Dra för att flytta, scrolla för att zooma.",
        "graph": "Nätverksgraf",
        "noscript": "Grafen kräver JavaScript.",
        "type": "Typ",
        "weight": "Vikt",
        "file": "graf",
        "find": "Sök i grafen",
        "hit": "1 träff",
        "hits": "{n} träffar",
        "no_hit": "Ingen träff",
        "colour_by": "Färg efter",
        "by_kind": "typ",
        "by_region": "län",
        "region": "Län",
        "relations": "Kopplingar",
        "focus": "I fokus",
        "size_weight": "En nods storlek visar dess vikt; en koppling är bredare ju fler möten som ligger bakom den.",
        "size_degree": "En nods storlek visar hur många kopplingar den har i vyn.",
        "expand_hint": "Dubbelklicka på en nod för att visa dess grannar här.",
        "expand": "Visa grannar",
        "expand_title": "Visa grannarna till de noder sökningen hittade",
        "expanding": "Hämtar grannar till {name} …",
        "expanded": "La till {nodes} och {links} kring {name}.",
        "expanded_none": "Inget nytt att visa kring {name}.",
        "expand_omitted": "{n} till utelämnade av gränsen.",
        "expand_failed": "Kunde inte hämta grannar till {name}.",
        "expand_nothing": "Sök först fram en nod i grafen.",
    },
    "en": {
        "summary": "Showing {shown} {nodes} and {edges} {links}",
        "node": "node",
        "nodes": "nodes",
        "link": "link",
        "links": "links",
        "omitted": "Showing {shown} of {total} nodes ({omitted} left out by the limit)",
        "empty": "No nodes to show.",
        "legend": "Legend",
        "png": "Save PNG",
        "fit": "Show all",
        "download": "Download {fmt}",
        "hint": "Click a node to open it. Drag to move, scroll to zoom.",
        "graph": "Network graph",
        "noscript": "The graph needs JavaScript.",
        "type": "Type",
        "weight": "Weight",
        "file": "graph",
        "find": "Find in the graph",
        "hit": "1 match",
        "hits": "{n} matches",
        "no_hit": "No match",
        "colour_by": "Colour by",
        "by_kind": "type",
        "by_region": "county",
        "region": "County",
        "relations": "Links",
        "focus": "In focus",
        "size_weight": "A node's size shows its weight; a link is wider the more meetings lie behind it.",
        "size_degree": "A node's size shows how many links it has in the view.",
        "expand_hint": "Double-click a node to show its neighbours here.",
        "expand": "Show neighbours",
        "expand_title": "Show the neighbours of the nodes the search found",
        "expanding": "Fetching the neighbours of {name} …",
        "expanded": "Added {nodes} and {links} around {name}.",
        "expanded_none": "Nothing new to show around {name}.",
        "expand_omitted": "{n} more left out by the limit.",
        "expand_failed": "Could not fetch the neighbours of {name}.",
        "expand_nothing": "First find a node in the graph.",
    },
}

_EXPAND_TEXTS = (
    "expanding",
    "expanded",
    "expanded_none",
    "expand_omitted",
    "expand_failed",
    "expand_nothing",
    "node",
    "nodes",
    "link",
    "links",
    "summary",
)
_HEIGHT = re.compile(r"^\d{1,5}(\.\d{1,3})?(px|vh|%|em|rem)$")
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
_LABEL_MAX = 40
_NODE_SIZE = (10.0, 36.0)
_EDGE_WIDTH = (1.0, 6.0)
_EDGE_COLOR = {"color": "#a9b1bb", "highlight": "#3d4650", "hover": "#3d4650", "opacity": 0.8}
_FOCUS_BORDER = "#111418"

# SVG swatches for the legend, one per vis-network shape (16x16 viewBox).
_SWATCH: dict[str, str] = {
    "dot": "circle",
    "square": "2,2 14,2 14,14 2,14",
    "diamond": "8,1 15,8 8,15 1,8",
    "triangle": "8,2 15,14 1,14",
    "triangleDown": "1,2 15,2 8,14",
    "hexagon": "8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5",
    "star": "8,1 9.9,5.9 15,6.1 11,9.3 12.4,14.4 8,11.5 3.6,14.4 5,9.3 1,6.1 6.1,5.9",
}


@dataclass(frozen=True, slots=True)
class RenderedGraph:
    """What :func:`render` made: the page and how much of the graph it shows."""

    html: str
    shown: int  # nodes on the page
    omitted: int  # nodes left out because of max_nodes
    edges: int = 0  # edges on the page (parallel edges of a multigraph are merged into one)
    physics: bool = True  # False when positions were computed in Python (large views)


def render_html(G: nx.Graph, *, title: str, **options: Any) -> str:
    """The page as a string; same options as :func:`render`, which also tells what was shown and left out."""
    return render(G, title=title, **options).html


def render(
    G: nx.Graph,
    *,
    title: str,
    lang: str = "sv",
    max_nodes: int = 2000,
    height: str = "720px",
    link_template: str = "/entity/{id}",
    layout_cache: LayoutCache | None = None,
    cache_key: Hashable | None = None,
    asset_url: str | None = None,
    export_urls: Mapping[str, str] | None = None,
    layout_threshold: int = LAYOUT_THRESHOLD,
    link_target: Literal["self", "top"] = "self",
    focus: Hashable | None = None,
    size_note: str | None = None,
    expand_url: str | None = None,
    expanded: Sequence[str] = (),
) -> RenderedGraph:
    """Render ``G`` (Graph, DiGraph, MultiGraph or MultiDiGraph) as a complete standalone HTML page.

    - Nodes: ``label`` (entity type; picks colour, shape and legend entry), ``name`` (shown text), optional
      ``weight`` (size) and ``title``/``tooltip`` (hover text). Edges: ``type``, optional ``weight`` (width)
      and ``label``. Everything is shown as plain text. Node ids are shown as strings.
    - Clicking a node opens ``link_template.format(id=<url-quoted id>)``.
    - More than ``max_nodes`` nodes: the ``max_nodes`` with the highest weight (then degree) are kept and the
      page says how many were left out.
    - More than ``layout_threshold`` nodes: positions are computed here (cached in ``layout_cache`` under
      ``cache_key`` when both are given) and the browser draws with physics off.
    - ``asset_url``: URL prefix where ``vis-network.min.js`` is served (e.g. ``/static/viz``); None inlines it.
    - ``export_urls``: e.g. ``{"gexf": "/api/...", "csv": "/api/..."}`` adds download links.
    - ``link_target="top"``: a click navigates the top window (for a page shown in an iframe).
    - ``focus``: the node the view is about, drawn with a heavy outline and named in the legend.
    - Nodes with a ``region`` (or ``county``) attribute can be coloured by county instead of kind
      (a switch on the page); edges are styled by ``type``, with a legend of the relations shown.
    - ``size_note``: what node size means here (default: weight or number of links).
    - ``expand_url``: e.g. ``/api/entities/{id}/neighbours``; a double-click on a node (or the button, for
      the nodes found by the search) fetches :func:`elements` from there and adds them where the node
      stands. None: no expanding (a page opened from a file). After each expansion that added something the
      page appends ``expand=<id>`` to its download links and its address, so a server that draws those
      expansions (``expanded``: the ones already drawn into ``G``) serves exactly what is shown.
    """
    if lang not in _TEXTS:
        raise ValueError(f"unsupported lang {lang!r}; use one of {sorted(_TEXTS)}")
    if not _HEIGHT.match(height):
        raise ValueError(f"height must be a CSS length such as '720px' or '80vh', not {height!r}")
    if max_nodes < 0:
        raise ValueError("max_nodes must not be negative")
    if link_target not in ("self", "top"):
        raise ValueError("link_target must be 'self' or 'top'")
    if expand_url is not None and ("{id}" not in expand_url or expand_url.strip().lower().startswith(_BAD_SCHEMES)):
        raise ValueError("expand_url must be a relative or http(s) URL with an {id} placeholder")
    texts = _TEXTS[lang]
    sid = _string_ids(G)
    keep = _select(G, max_nodes)
    total, shown = G.number_of_nodes(), len(keep)
    omitted = total - shown

    node_rows = [_node_row(G, n, sid[n], lang, texts, link_template) for n in keep]
    focus_id = sid.get(focus) if focus is not None and focus in set(keep) else None
    edge_rows = _merge_edges(G, set(keep), sid)
    physics = 1 < shown <= layout_threshold
    positions: Positions = {}
    if shown > layout_threshold:
        positions = _positions([r["id"] for r in node_rows], edge_rows, layout_cache, cache_key)

    by_weight, node_low, node_high = _size_nodes(node_rows, G, keep)
    edge_low, edge_high = _size_edges(edge_rows)
    net = _pyvis_network(node_rows, edge_rows, positions, texts, focus_id)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    options = json.loads(options_json)
    options.update(_options(physics=physics, directed=G.is_directed()))
    for e in edges:  # pyvis adds "arrows": "to" per edge (we build it as directed, see _pyvis_network)
        e.pop("arrows", None)

    fmt = _count_formatter(lang)
    if omitted:
        note = texts["omitted"].format(shown=fmt(shown), total=fmt(total), omitted=fmt(omitted))
    elif shown:
        note = texts["summary"].format(
            shown=fmt(shown),
            nodes=texts["node" if shown == 1 else "nodes"],
            edges=fmt(len(edges)),
            links=texts["link" if len(edges) == 1 else "links"],
        )
    else:
        note = texts["empty"]
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "physics": physics,
        "filename": _slug(title) or texts["file"],
        "linkTarget": link_target,
        "lang": "sv-SE" if lang == "sv" else "en",
        "texts": {"hit": texts["hit"], "hits": texts["hits"], "noHit": texts["no_hit"]},
    }
    if expand_url is not None:  # what a node added in place needs to look like the rest of the view
        data["expand"] = {
            "url": expand_url,
            "byWeight": by_weight,
            "node": {"low": node_low, "high": node_high, "out": list(_NODE_SIZE)},
            "edge": {"low": edge_low, "high": edge_high, "out": list(_EDGE_WIDTH)},
            "texts": {k: texts[k] for k in _EXPAND_TEXTS},
            "expanded": list(expanded),
        }
    legends = _legends(node_rows, edge_rows, lang, focus_id is not None, texts)
    legend = legends["kind"]
    data["legend"] = {  # for the PNG: the entries of each colouring, and the relations as lines
        "kind": legends["kind"],
        "region": legends["region"],
        "edge": [{**e, "line": True} for e in legends["edge"]],
    }
    page = _template().render(
        lang=lang,
        title=title,
        note=note,
        texts=texts,
        legend=legend,
        region_legend=legends["region"],
        edge_legend=legends["edge"],
        focus_legend=legends["focus"],
        size_note=size_note or texts["size_weight" if by_weight else "size_degree"],
        expandable=expand_url is not None,
        height=height,
        exports=_exports(export_urls, texts),
        asset_src=f"{asset_url.rstrip('/')}/{VIS_NETWORK_FILE}" if asset_url is not None else None,
        vis_js=vis_network_js() if asset_url is None else "",
        data_json=script_json(data),
    )
    return RenderedGraph(html=page, shown=shown, omitted=omitted, edges=len(edges), physics=physics)


def elements(G: nx.Graph, *, lang: str = "sv", link_template: str = "/entity/{id}") -> dict[str, Any]:
    """The nodes, edges and legend entries of ``G`` as a page made by :func:`render` draws them, for adding
    to a view already shown (``expand_url``): the same shapes, both colourings, relation styles and texts.
    Sizes are left to the page (its own scale); ``weight`` is given raw. Edge ids name their two ends,
    so a page can tell an edge it already has."""
    if lang not in _TEXTS:
        raise ValueError(f"unsupported lang {lang!r}; use one of {sorted(_TEXTS)}")
    texts = _TEXTS[lang]
    sid = _string_ids(G)
    rows = [_node_row(G, n, sid[n], lang, texts, link_template) for n in G.nodes]
    edge_rows = _merge_edges(G, set(G.nodes), sid)
    legends = _legends(rows, edge_rows, lang, False, texts)
    return {
        "nodes": [{"id": r["id"], **_vis_node(r, {}, None), "weight": r["weight"]} for r in rows],
        "edges": [
            {
                "id": f"x:{r['from']}|{r['to']}",
                "from": r["from"],
                "to": r["to"],
                **_vis_edge(r, texts),
                "weight": r["weight"],
            }
            for r in edge_rows
        ],
        "legend": {
            "kind": legends["kind"],
            "region": legends["region"],
            "edge": [{**e, "line": True} for e in legends["edge"]],
        },
    }


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or JS line separators in it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _string_ids(G: nx.Graph) -> dict[Hashable, str]:
    sid = {n: str(n) for n in G.nodes}
    if len(set(sid.values())) != len(sid):
        raise ValueError("node ids must stay distinct as strings")
    return sid


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _select(G: nx.Graph, max_nodes: int) -> list[Hashable]:
    """All nodes if they fit, else the ``max_nodes`` with the highest (weight, degree); input order kept."""
    if G.number_of_nodes() <= max_nodes:
        return list(G.nodes)
    degree = dict(G.degree())
    order = {n: i for i, n in enumerate(G.nodes)}

    def rank(n: Hashable) -> tuple[float, int, int]:
        return (-(_number(G.nodes[n].get("weight")) or 0.0), -degree[n], order[n])

    chosen = set(sorted(G.nodes, key=rank)[:max_nodes])
    return [n for n in G.nodes if n in chosen]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1].rstrip() + "…"


def _fmt_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.3g}"


def _node_row(G: nx.Graph, n: Hashable, node_id: str, lang: str, texts: dict[str, str], link: str) -> dict[str, Any]:
    attrs = G.nodes[n]
    kind = kind_of(attrs.get("label"))
    name = _text(attrs.get("name")) or node_id
    lines = [name, f"{texts['type']}: {legend_name(kind, lang)}"]
    for key in ("title", "tooltip"):
        extra = _text(attrs.get(key))
        if extra and extra not in lines:
            lines.append(extra)
    weight = _number(attrs.get("weight"))
    if weight is not None:
        lines.append(f"{texts['weight']}: {_fmt_number(weight)}")
    return {
        "id": node_id,
        "kind": kind,
        "name": name,
        "tooltip": "\n".join(lines),
        # a node may name its own page ("url"), or none (url None): a topic has no entity page
        "url": attrs["url"] if "url" in attrs else link.format(id=urllib.parse.quote(node_id, safe="")),
        "weight": weight,
        "region": _text(attrs.get("region") or attrs.get("county")) or None,
    }


def _merge_edges(G: nx.Graph, keep: set[Hashable], sid: dict[Hashable, str]) -> list[dict[str, Any]]:
    """One row per connected pair (per direction for directed graphs); parallel edges add up their weights."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    directed = G.is_directed()
    for u, v, attrs in G.edges(data=True):
        if u not in keep or v not in keep:
            continue
        a, b = sid[u], sid[v]
        key = (a, b) if directed or a <= b else (b, a)
        row = merged.get(key)
        if row is None:
            row = merged[key] = {
                "from": a,
                "to": b,
                "weight": 0.0,
                "types": [],
                "labels": [],
                "count": 0,
                "weighted": False,
            }
        w = _number(attrs.get("weight"))
        row["weight"] += 1.0 if w is None else w
        row["count"] += 1
        row["weighted"] = row["weighted"] or w is not None
        for field, into in (("type", "types"), ("label", "labels")):
            text = _text(attrs.get(field))
            if text and text not in row[into]:
                row[into].append(text)
    rows = list(merged.values())
    for row in rows:
        row["kind"] = edge_kind(row["types"])
    return rows


def _legends(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], lang: str, focused: bool, texts: dict[str, str]
) -> dict[str, Any]:
    """The legend entries for the kinds, the counties and the relations shown (each list empty when
    there is nothing to tell apart), and the focus entry."""

    def swatch(name: str, style: Style) -> dict[str, str]:
        return {"name": name, "color": style.color, "border": style.border, "shape": _SWATCH.get(style.shape, "circle")}

    kinds = legend_order({r["kind"] for r in nodes})
    regions = {r["region"] for r in nodes}
    named = sorted(r for r in regions if r)
    region_legend = [swatch(r, region_style(r)) for r in named]
    if named and None in regions:
        region_legend.append(swatch(NO_REGION_NAME.get(lang, NO_REGION_NAME["sv"]), region_style(None)))
    edge_kinds = sorted({r["kind"] for r in edges}, key=lambda k: edge_name(k, lang))
    return {
        "kind": [swatch(legend_name(k, lang), style_for(k)) for k in kinds],
        "region": region_legend,
        "edge": [
            {"name": edge_name(k, lang), "color": edge_style(k).color, "dash": _dash(edge_style(k).dashes)}
            for k in edge_kinds
        ]
        if len(edge_kinds) > 1 or edge_kinds[:1] != [OTHER]  # one unknown kind tells nothing
        else [],
        "focus": texts["focus"] if focused else None,
    }


def _dash(dashes: bool | tuple[int, ...]) -> str:
    """An SVG stroke-dasharray for a legend line ("" for a solid one)."""
    return " ".join(str(d) for d in dashes) if isinstance(dashes, tuple) else ""


def _positions(
    ids: list[str], edge_rows: list[dict[str, Any]], cache: LayoutCache | None, key: Hashable | None
) -> Positions:
    if cache is not None and key is not None:
        hit = cache.lookup(key, ids)
        if hit is not None:
            return hit
    positions = compute_layout(ids, ((r["from"], r["to"], r["weight"]) for r in edge_rows))
    if cache is not None and key is not None:
        cache[key] = positions
    return positions


def _scale(value: float, low: float, high: float, out: tuple[float, float]) -> float:
    if high <= low:
        return out[0] + (out[1] - out[0]) * 0.25
    return round(out[0] + (out[1] - out[0]) * math.sqrt((value - low) / (high - low)), 2)


def _size_nodes(rows: list[dict[str, Any]], G: nx.Graph, keep: list[Hashable]) -> tuple[bool, float, float]:
    """Size by ``weight`` when any shown node has one (missing counts as the smallest), else by degree.
    Says whether the weights decided, and the lowest and highest score (the scale of the view)."""
    by_weight = any(r["weight"] is not None for r in rows)
    if by_weight:
        given = [r["weight"] for r in rows if r["weight"] is not None]
        scores = [r["weight"] if r["weight"] is not None else min(given) for r in rows]
    else:
        degree = dict(G.degree(keep))
        scores = [float(degree[n]) for n in keep]
    low, high = (min(scores), max(scores)) if scores else (0.0, 0.0)
    for row, score in zip(rows, scores, strict=True):
        row["size"] = _scale(score, low, high, _NODE_SIZE)
    return by_weight, low, high


def _size_edges(rows: list[dict[str, Any]]) -> tuple[float, float]:
    weights = [r["weight"] for r in rows]
    low, high = (min(weights), max(weights)) if weights else (0.0, 0.0)
    for r in rows:
        r["width"] = _scale(r["weight"], low, high, _EDGE_WIDTH)
    return low, high


def _node_colour(style: Style, focused: bool) -> dict[str, Any]:
    border = _FOCUS_BORDER if focused else style.border
    return {
        "background": style.color,
        "border": border,
        "highlight": {"background": style.color, "border": "#1b1f24"},
        "hover": {"background": style.color, "border": "#1b1f24"},
    }


def _vis_node(r: dict[str, Any], positions: Positions, focus_id: str | None) -> dict[str, Any]:
    """The vis-network options of one node row (all but its id): shape, both colourings, texts, size."""
    style = style_for(r["kind"])
    extra: dict[str, Any] = {}
    if r["id"] in positions:
        extra["x"], extra["y"] = positions[r["id"]]
    focused = r["id"] == focus_id
    if focused:  # the node the view is about: a heavy dark outline and a bold label
        extra["borderWidth"] = 5
        extra["font"] = {"size": 17, "bold": True}
    kind_colour = _node_colour(style, focused)
    size = r.get("size")
    if size is not None:
        extra["size"] = size
        extra["value"] = size  # vis scales the node and its label by value (see the scaling option)
    return {
        "label": _short(r["name"]),
        "shape": style.shape,
        "color": kind_colour,
        "colors": {"kind": kind_colour, "region": _node_colour(region_style(r["region"]), focused)},
        "focus": focused,
        "kind": r["kind"],
        "name": r["name"],
        "tooltip": r["tooltip"],
        "url": r["url"],
        **extra,
    }


def _vis_edge(r: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """The vis-network options of one merged edge row (all but its ends): colour and dashes by relation."""
    lines = [", ".join(r["types"])] if r["types"] else []
    lines += r["labels"]
    if r["weighted"] or r["count"] > 1:
        lines.append(f"{texts['weight']}: {_fmt_number(r['weight'])}")
    extra: dict[str, Any] = {"label": _short(" / ".join(r["labels"]))} if r["labels"] else {}
    if "width" in r:
        extra["width"] = r["width"]
    look = edge_style(r["kind"])
    return {
        "tooltip": "\n".join(lines),
        "type": ", ".join(r["types"]),
        "color": {"color": look.color, "highlight": "#3d4650", "hover": "#3d4650", "opacity": 0.85},
        "dashes": list(look.dashes) if look.dashes else False,
        **extra,
    }


def _pyvis_network(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    positions: Positions,
    texts: dict[str, str],
    focus_id: str | None = None,
) -> Network:
    # directed=True only skips pyvis's quadratic duplicate-edge scan (we merge edges ourselves); arrows are set
    # in the options. Plain copies of our values go in: pyvis never sees the caller's attribute dicts.
    net = _Network(directed=True, cdn_resources="local")
    for r in nodes:
        net.add_node(r["id"], **_vis_node(r, positions, focus_id))
    for r in edges:
        net.add_edge(r["from"], r["to"], **_vis_edge(r, texts))
    for i, e in enumerate(net.edges):
        e["id"] = f"e{i}"
    return net


class _Network(Network):
    """pyvis checks each edge's ends with a list lookup (quadratic for big views); this keeps a set beside it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._id_set: set[str] = set()

    def add_node(self, n_id, label=None, shape="dot", color="#97c2fc", **options):  # noqa: ANN001, ANN201
        if n_id in self._id_set:
            return
        super().add_node(n_id, label=label, shape=shape, color=color, **options)
        self._id_set.add(n_id)

    def get_nodes(self):  # noqa: ANN201
        return self._id_set


def _options(*, physics: bool, directed: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1.5,
            "font": {"size": 14, "color": "#1b1f24", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # labels grow with the node; zoomed out, only the big nodes' labels stay readable enough to draw
            "scaling": {
                "min": _NODE_SIZE[0],
                "max": _NODE_SIZE[1],
                "label": {"enabled": True, "min": 12, "max": 20, "maxVisible": 30, "drawThreshold": 5},
            },
        },
        "edges": {
            "color": _EDGE_COLOR,
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "font": {"size": 11, "color": "#3d4650", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "selectionWidth": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    if physics:
        options["edges"]["smooth"] = {"enabled": True, "type": "continuous", "roundness": 0.3}
        options["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "springLength": 140,
                "springConstant": 0.03,
                "damping": 0.4,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50, "fit": True},
        }
    else:
        options["edges"]["smooth"] = {"enabled": False}
        options["physics"] = {"enabled": False, "stabilization": {"enabled": False}}
        options["interaction"].update({"hideEdgesOnDrag": True, "hideEdgesOnZoom": True})
    return options


def _count_formatter(lang: str):  # noqa: ANN202 - tiny local helper
    sep = "\u00a0" if lang == "sv" else ","

    def fmt(n: int) -> str:
        return f"{n:,}".replace(",", sep)

    return fmt


def _slug(title: str) -> str:
    return re.sub(r"[^\w]+", "-", title.lower()).strip("-")[:60]


def _exports(urls: Mapping[str, str] | None, texts: dict[str, str]) -> list[dict[str, str]]:
    links = []
    for fmt, url in (urls or {}).items():
        if url.strip().lower().startswith(_BAD_SCHEMES):
            raise ValueError(f"export URL for {fmt!r} must be an http(s) or relative URL")
        links.append({"text": texts["download"].format(fmt=fmt.upper()), "url": url, "format": fmt.lower()})
    return links


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("graph.html")


__all__ = ["LAYOUT_THRESHOLD", "RenderedGraph", "elements", "render", "render_html", "script_json"]
