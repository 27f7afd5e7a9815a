"""Graph exports for Gephi and other tools: the subgraph a view shows, as GraphML, GEXF, CSV or JSON.
Used by the API's /api/export, the graph pages' ?format= and `samkarta export`."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx

from samkarta.errors import InvalidInput
from samkarta.queries import questions as q
from samkarta.queries.view import Snapshot


def export_graph(
    snap: Snapshot, around: str | None, depth: int, label: list[str] | None, region: str | None
) -> nx.Graph:
    """The collaboration graph, or the neighbourhood of `around`, with only the labels and region asked for."""
    g = q.ego(snap, around, depth) if around else q.collaboration_graph(snap)
    keep = [
        n
        for n, d in g.nodes(data=True)
        if (not label or d.get("label") in label) and (not region or d.get("region") in (None, region))
    ]
    return g.subgraph(keep).copy()


def render_export(g: nx.Graph, fmt: str) -> dict[str, object]:
    """Body, media type and download headers of an export."""
    clean = nx.Graph()
    for n, d in g.nodes(data=True):
        clean.add_node(n, **{k: v for k, v in d.items() if isinstance(v, (str, int, float))})
    for a, b, d in g.edges(data=True):
        clean.add_edge(a, b, **{k: v for k, v in d.items() if isinstance(v, (str, int, float))})
    if fmt == "graphml":
        body, media = "\n".join(nx.generate_graphml(clean)).encode(), "application/xml"
    elif fmt == "gexf":
        body, media = "\n".join(nx.generate_gexf(clean)).encode(), "application/xml"
    elif fmt == "csv":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(
                "nodes.csv",
                _csv(
                    ["id", "label", "name", "weight"],
                    [[n, d.get("label"), d.get("name"), d.get("weight")] for n, d in clean.nodes(data=True)],
                ),
            )
            z.writestr(
                "edges.csv",
                _csv(
                    ["source", "target", "type", "weight"],
                    [[a, b, d.get("type"), d.get("weight")] for a, b, d in clean.edges(data=True)],
                ),
            )
        body, media = buf.getvalue(), "application/zip"
    elif fmt == "json":
        body = json.dumps(nx.node_link_data(clean, edges="links"), ensure_ascii=False).encode()
        media = "application/json"
    else:
        raise InvalidInput("format", f"unknown export format {fmt!r}")
    ext = {"csv": "zip"}.get(fmt, fmt)
    return {
        "content": body,
        "media_type": media,
        "headers": {"Content-Disposition": f'attachment; filename="samkarta.{ext}"'},
    }


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
