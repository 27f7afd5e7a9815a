"""samkarta.viz: the pure rendering layer (no browser; see tests/browser for the page actually running)."""

from __future__ import annotations

import copy
import json
import random
import re

import networkx as nx
import pytest

from samkarta.viz import STATIC_DIR, VIS_NETWORK_VERSION, LayoutCache, RenderedGraph, render, render_html
from samkarta.viz.render import script_json

XSS = "<img src=x onerror=alert(1)>"
LABELS = ["Person", "Network", "Organization", "Municipality", "Region", "Project", "Meeting"]


def small_graph() -> nx.Graph:
    G = nx.Graph()
    G.add_node("person-3f2a", label="Person", name="Anna Lindqvist", weight=5, title="Ordförande")
    G.add_node("municipality-umea", label="Municipality", name="Umeå kommun", weight=2)
    G.add_node("network-rs", label="Network", name="Regionala samverkansrådet")
    G.add_node("person-xss", label="Person", name=XSS, tooltip=XSS)
    G.add_edge("person-3f2a", "municipality-umea", type="REPRESENTS", weight=3)
    G.add_edge("person-3f2a", "network-rs", type="MEMBER_OF", label="ledamot")
    G.add_edge("person-xss", "network-rs", type="MEMBER_OF")
    return G


def random_graph(n: int, seed: int = 1, with_weights: bool = True) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.Graph()
    for i in range(n):
        label = rng.choice(LABELS)
        attrs = {"label": label, "name": f"{label} {i}"}
        if with_weights:
            attrs["weight"] = rng.randint(1, 50)
        G.add_node(f"{label.lower()}-{i:04x}", **attrs)
    ids = list(G.nodes)
    for _ in range(2 * n):
        G.add_edge(rng.choice(ids), rng.choice(ids), type="REL", weight=rng.randint(1, 5))
    return G


def page_data(html: str) -> dict:
    m = re.search(r'<script id="samkarta-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "data script missing"
    return json.loads(m.group(1))


def test_render_returns_counts_and_render_html_the_same_page():
    G = small_graph()
    res = render(G, title="Nätverk")
    assert isinstance(res, RenderedGraph)
    assert (res.shown, res.omitted, res.edges) == (4, 0, 3)
    assert render_html(G, title="Nätverk") == res.html
    assert res.html.startswith("<!DOCTYPE html>")


def test_page_contains_ids_names_and_links():
    html = render_html(small_graph(), title="Nätverk", link_template="/entitet/{id}?v=1")
    for node_id in ("person-3f2a", "municipality-umea", "network-rs"):
        assert node_id in html
    assert "Anna Lindqvist" in html and "Umeå kommun" in html
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert nodes["person-3f2a"]["url"] == "/entitet/person-3f2a?v=1"
    assert nodes["person-3f2a"]["label"] == "Anna Lindqvist"
    assert "Ordförande" in nodes["person-3f2a"]["tooltip"]


def test_link_ids_are_url_quoted():
    G = nx.Graph()
    G.add_node("person-a/b c?d", label="Person", name="X")
    node = page_data(render_html(G, title="t"))["nodes"][0]
    assert node["url"] == "/entity/person-a%2Fb%20c%3Fd"


@pytest.mark.parametrize("asset_url", [None, "/static/viz"])
def test_no_cdn_or_remote_assets(asset_url):
    html = render_html(small_graph(), title="t", asset_url=asset_url, export_urls={"gexf": "/api/g.gexf"})
    for word in ("cdn", "CDN", "unpkg", "jsdelivr", "cdnjs", "bootstrap", "tom-select"):
        assert word not in html  # (case-sensitive: the inlined build has base64 images where "CDn" occurs)
    assert not re.search(r"(cdn|unpkg|jsdelivr|cloudflare|googleapis)[\w.-]*\.(com|net|org|io)", html, re.I)
    srcs = re.findall(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?([^\"'\s>]+)", html, re.I)
    assert not [s for s in srcs if re.match(r"(https?:)?//", s)]
    if asset_url:
        assert '<script src="/static/viz/vis-network.min.js"></script>' in html
        assert len(html) < 100_000
    else:
        assert "@version " + VIS_NETWORK_VERSION in html  # inlined build
        assert "new vis.Network(" in html


def test_script_injection_is_escaped_everywhere():
    G = small_graph()
    G.add_node("person-end", label="</script><script>window.__x=1</script>", name="</script><b>x</b>")
    res = render(G, title=XSS)
    html = res.html
    assert XSS not in html
    assert "<b>x</b>" not in html
    assert '<h1 id="sk-title">&lt;img src=x onerror=alert(1)&gt;</h1>' in html
    assert "<title>&lt;img src=x onerror=alert(1)&gt;</title>" in html
    assert html.lower().count("<script") == html.lower().count("</script") == 3  # vis, data, page script
    data = page_data(html)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names["person-xss"] == XSS  # the text survives, as text
    assert names["person-end"] == "</script><b>x</b>"
    tip = next(n["tooltip"] for n in data["nodes"] if n["id"] == "person-xss")
    assert tip.startswith(XSS)
    assert not any("title" in n for n in data["nodes"])  # tooltips become DOM text nodes in the page script


def test_script_json_escapes_markup_and_line_separators():
    text = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def test_legend_is_swedish_escaped_and_lists_only_present_kinds():
    G = small_graph()
    G.add_node("x", label="Organization", name="Org")
    html = render_html(G, title="t")
    legend = html[html.index('<ul class="sk-legend"') : html.index("</ul>")]
    for text in ("Person", "Kommun", "Nätverk/organ", "Organisation"):
        assert text in legend
    assert "Projekt" not in legend and "Möte" not in legend
    assert "Teckenförklaring" in html and "Spara PNG" in html
    en = render_html(G, title="t", lang="en")
    assert "Municipality" in en and "Save PNG" in en and '<html lang="en">' in en


def test_colours_shapes_sizes_and_widths():
    data = page_data(render_html(small_graph(), title="t"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person-3f2a"]["shape"] == "dot"
    assert nodes["municipality-umea"]["shape"] == "diamond"
    assert nodes["person-3f2a"]["color"]["background"] != nodes["municipality-umea"]["color"]["background"]
    assert nodes["person-3f2a"]["size"] > nodes["municipality-umea"]["size"]  # weight 5 > 2
    widths = {frozenset((e["from"], e["to"])): e["width"] for e in data["edges"]}
    assert widths[frozenset(("municipality-umea", "person-3f2a"))] > widths[frozenset(("network-rs", "person-xss"))]
    assert all(e["id"] and "arrows" not in e for e in data["edges"])
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is False


def test_small_graph_keeps_physics_with_short_stabilisation():
    res = render(random_graph(100), title="t")
    data = page_data(res.html)
    assert res.physics and data["physics"]
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] == 150
    assert data["options"]["layout"]["improvedLayout"] is False
    assert not any("x" in n for n in data["nodes"])


def test_large_graph_gets_positions_and_physics_off():
    G = random_graph(450)
    G.add_node("person-alone", label="Person", name="Ensam")
    res = render(G, title="t")
    data = page_data(res.html)
    assert res.shown == 451 and not res.physics and data["physics"] is False
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 451
    assert render(G, title="t").html == res.html  # deterministic


def test_omitted_count_keeps_the_heaviest_nodes():
    G = random_graph(50, with_weights=False)
    for i, n in enumerate(G.nodes):
        G.nodes[n]["weight"] = i
    res = render(G, title="t", max_nodes=20)
    assert (res.shown, res.omitted) == (20, 30)
    assert "Visar 20 av 50 noder (30 utelämnade av gränsen)" in res.html
    shown = {n["id"] for n in page_data(res.html)["nodes"]}
    assert shown == set(list(G.nodes)[30:])
    assert all(e["from"] in shown and e["to"] in shown for e in page_data(res.html)["edges"])


def test_omitted_message_uses_swedish_thousands():
    res = render(random_graph(2600), title="t")
    assert (res.shown, res.omitted) == (2000, 600)
    assert "Visar 2\u00a0000 av 2\u00a0600 noder (600 utelämnade av gränsen)" in res.html


def test_without_weights_degree_decides_what_is_kept():
    G = nx.star_graph(10)
    nx.relabel_nodes(G, {i: f"n{i}" for i in range(11)}, copy=False)
    res = render(G, title="t", max_nodes=1)
    assert [n["id"] for n in page_data(res.html)["nodes"]] == ["n0"]


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph])
def test_callers_graph_is_unchanged(cls):
    G = cls(random_graph(350))
    G.add_edge("person-x", "person-y", type="A", weight=2)
    G.add_edge("person-x", "person-y", type="B")
    before_nodes = copy.deepcopy(dict(G.nodes(data=True)))
    before_edges = copy.deepcopy(list(G.edges(data=True)))
    render(G, title="t", max_nodes=300)
    assert dict(G.nodes(data=True)) == before_nodes
    assert list(G.edges(data=True)) == before_edges


def test_multigraph_edges_are_merged_and_digraph_gets_arrows():
    G = nx.MultiDiGraph()
    G.add_node("a", label="Person", name="A")
    G.add_node("b", label="Meeting", name="B")
    G.add_edge("a", "b", type="ATTENDED", weight=2)
    G.add_edge("a", "b", type="SPOKE_AT", weight=3)
    G.add_edge("b", "a", type="MENTIONS")
    res = render(G, title="t")
    data = page_data(res.html)
    assert res.edges == 2
    ab = next(e for e in data["edges"] if e["from"] == "a")
    assert ab["type"] == "ATTENDED, SPOKE_AT" and "Vikt: 5" in ab["tooltip"]
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_empty_and_single_node_graphs():
    res = render(nx.Graph(), title="Tom")
    assert (res.shown, res.omitted) == (0, 0) and "Inga noder att visa." in res.html
    G = nx.Graph()
    G.add_node(7, name="Sju")  # non-string ids are shown as strings; no label -> "Övrigt"
    data = page_data(render_html(G, title="t"))
    assert data["nodes"][0]["id"] == "7" and data["physics"] is False
    assert "Övrigt" in render_html(G, title="t")


def test_layout_cache_reuses_positions_and_evicts():
    G = random_graph(320)
    cache = LayoutCache(max_entries=2)
    first = render(G, title="t", layout_cache=cache, cache_key="v1:all")
    assert (cache.hits, cache.misses, len(cache)) == (0, 1, 1)
    again = render(G, title="t", layout_cache=cache, cache_key="v1:all")
    assert cache.hits == 1 and again.html == first.html
    render(G, title="t", layout_cache=cache, cache_key="v1:other")
    render(G, title="t", layout_cache=cache, cache_key="v2:all")
    assert list(cache) == ["v1:other", "v2:all"]
    # positions that do not cover the view are recomputed, not trusted
    cache["v2:all"] = {"nobody": (0.0, 0.0)}
    render(G, title="t", layout_cache=cache, cache_key="v2:all")
    assert len(cache["v2:all"]) == 320
    with pytest.raises(ValueError):
        LayoutCache(max_entries=0)


def test_export_links_and_argument_checks():
    html = render_html(small_graph(), title="t", export_urls={"gexf": "/api/graph.gexf?a=1&b=2", "csv": "/api/g.csv"})
    assert 'href="/api/graph.gexf?a=1&amp;b=2"' in html
    assert "Ladda ner GEXF" in html and "Ladda ner CSV" in html
    with pytest.raises(ValueError):
        render_html(small_graph(), title="t", export_urls={"csv": "javascript:alert(1)"})
    with pytest.raises(ValueError):
        render_html(small_graph(), title="t", height="1px;background:url(//x)")
    with pytest.raises(ValueError):
        render_html(small_graph(), title="t", lang="de")
    with pytest.raises(ValueError):
        render_html(small_graph(), title="t", link_target="parent")  # type: ignore[arg-type]
    assert page_data(render_html(small_graph(), title="t", link_target="top"))["linkTarget"] == "top"
    G = nx.Graph()
    G.add_nodes_from([1, "1"])
    with pytest.raises(ValueError):
        render_html(G, title="t")


def test_vendored_vis_network_and_notice():
    js = (STATIC_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    assert f"@version {VIS_NETWORK_VERSION}" in js[:400]
    notice = (STATIC_DIR / "NOTICE").read_text(encoding="utf-8")
    assert VIS_NETWORK_VERSION in notice and "Apache-2.0" in notice and "MIT" in notice


def test_the_focus_node_has_a_heavy_outline_and_a_legend_entry():
    G = small_graph()
    data = page_data(render_html(G, title="t", focus="person-3f2a"))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person-3f2a"]["borderWidth"] == 5 and nodes["person-3f2a"]["focus"] is True
    assert "borderWidth" not in nodes["network-rs"] and nodes["network-rs"]["focus"] is False
    assert "I fokus" in render_html(G, title="t", focus="person-3f2a")
    assert "I fokus" not in render_html(G, title="t")
    assert "I fokus" not in render_html(G, title="t", focus="no-such-node")


def test_nodes_carry_a_county_colour_and_the_page_can_switch_to_it():
    G = small_graph()
    G.nodes["network-rs"]["region"] = "Västerbotten"
    G.nodes["municipality-umea"]["county"] = "Västerbotten"
    G.add_node("network-dal", label="Network", name="Dalanätverket", region="Dalarna")
    html = render_html(G, title="t")
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    by_region = {k: n["colors"]["region"]["background"] for k, n in nodes.items()}
    assert by_region["network-rs"] == by_region["municipality-umea"] != by_region["network-dal"]
    assert by_region["person-3f2a"] == "#d5d9de"  # no county: grey
    assert all(n["color"] == n["colors"]["kind"] for n in nodes.values())  # kind first
    legend = html[html.index('id="sk-legend-region"') :]
    legend = legend[: legend.index("</ul>")]
    assert "Dalarna" in legend and "Västerbotten" in legend and "Utan län" in legend
    assert 'name="sk-colour" value="region"' in html
    assert 'id="sk-legend-region"' not in render_html(small_graph(), title="t")  # nothing to tell apart


def test_relations_are_drawn_apart_with_a_legend_and_node_size_is_explained():
    G = small_graph()
    data = page_data(render_html(G, title="t"))
    looks = {e["type"]: (e["color"]["color"], e["dashes"]) for e in data["edges"]}
    assert looks["REPRESENTS"][1] and looks["MEMBER_OF"][1] is False
    assert looks["REPRESENTS"][0] != looks["MEMBER_OF"][0]
    html = render_html(G, title="t")
    edges = html[html.index('class="sk-legend sk-edges"') :]
    assert "Företräder" in edges[: edges.index("</ul>")] and "Annan koppling" not in edges[: edges.index("</ul>")]
    assert "storlek visar dess vikt" in html
    assert "visar hur många kopplingar" in render_html(random_graph(6, with_weights=False), title="t")
    assert "Storleken betyder X" in render_html(G, title="t", size_note="Storleken betyder X")


def test_labels_scale_with_the_node_so_zoomed_out_only_hubs_keep_theirs():
    data = page_data(render_html(small_graph(), title="t"))
    label = data["options"]["nodes"]["scaling"]["label"]
    zoomed_out = 0.35  # a few hundred nodes fitted to the view: the smallest labels go, the biggest stay
    assert label["enabled"] is True and label["min"] * zoomed_out < label["drawThreshold"] <= label["max"] * zoomed_out
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person-3f2a"]["value"] > nodes["municipality-umea"]["value"]  # weight 5 > 2


def test_expanding_is_offered_only_with_an_expand_url_and_its_scale_is_the_view_s():
    plain = render(small_graph(), title="Vy")
    assert "expand" not in page_data(plain.html) and 'id="sk-expand"' not in plain.html
    page = render(small_graph(), title="Vy", expand_url="/api/entities/{id}/neighbours?region=Dalarna")
    data = page_data(page.html)
    assert data["expand"]["url"] == "/api/entities/{id}/neighbours?region=Dalarna"
    assert data["expand"]["byWeight"] is True
    assert data["expand"]["node"] == {"low": 2.0, "high": 5.0, "out": [10.0, 36.0]}  # missing weight: the lowest
    assert data["expand"]["edge"]["out"] == [1.0, 6.0]
    assert data["expand"]["texts"]["expanded_none"] == "Inget nytt att visa kring {name}."
    assert 'id="sk-expand"' in page.html and "Dubbelklicka på en nod" in page.html
    # the containers an expansion may fill are there, hidden while empty
    lone = render(nx.Graph([("person-a", "person-b")]), title="Vy", expand_url="/x/{id}")
    assert 'id="sk-legend-edge"' in lone.html and 'id="sk-colour-by" hidden' in lone.html
    for bad in ("/api/entities/neighbours", "javascript:alert(1)//{id}"):
        with pytest.raises(ValueError, match="expand_url"):
            render(small_graph(), title="Vy", expand_url=bad)


def test_elements_are_drawn_as_the_page_draws_its_own_nodes_and_edges():
    from samkarta.viz import elements

    G = small_graph()
    G.nodes["network-rs"]["region"] = "Dalarna"
    drawn = {n["id"]: n for n in page_data(render(G, title="Vy").html)["nodes"]}
    found = elements(G)
    for node in found["nodes"]:
        on_page = drawn[node["id"]]
        for key in ("label", "shape", "color", "colors", "kind", "name", "tooltip", "url"):
            assert node[key] == on_page[key], (node["id"], key)
    assert {n["id"]: n["weight"] for n in found["nodes"]}["person-3f2a"] == 5
    assert next(n for n in found["nodes"] if n["id"] == "person-xss")["name"] == XSS  # data, escaped by the page
    edge = next(e for e in found["edges"] if e["type"] == "REPRESENTS")
    assert edge["id"] == f"x:{edge['from']}|{edge['to']}" and edge["dashes"] == [10, 5] and edge["weight"] == 3
    assert [e["name"] for e in found["legend"]["kind"]] == ["Person", "Nätverk/organ", "Kommun"]
    assert [e["name"] for e in found["legend"]["region"]] == ["Dalarna", "Utan län"]
    assert all(e["line"] for e in found["legend"]["edge"])
