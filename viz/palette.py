"""Fixed colours, vis-network shapes and legend texts per entity label."""

from __future__ import annotations

from dataclasses import dataclass

from samkarta.reference import load_reference


@dataclass(frozen=True, slots=True)
class Style:
    color: str  # fill
    border: str  # outline, a darker shade of the fill
    shape: str  # a vis-network shape with the label drawn below the node


# Order is the legend order. Shapes are vis-network's "label outside" shapes, so the canvas label stays readable.
STYLES: dict[str, Style] = {
    "Person": Style("#4e79a7", "#2f4b68", "dot"),
    "Network": Style("#f28e2b", "#a85d14", "hexagon"),
    "Organization": Style("#59a14f", "#386631", "square"),
    "Municipality": Style("#e15759", "#9c2f31", "diamond"),
    "Region": Style("#b07aa1", "#744a68", "star"),
    "Project": Style("#edc948", "#a5891c", "triangle"),
    "Meeting": Style("#76b7b2", "#417874", "triangleDown"),
    "Document": Style("#9c755f", "#654a3a", "square"),
    "Topic": Style("#ff9da7", "#c0606b", "dot"),
}
OTHER = "Other"
OTHER_STYLE = Style("#bab0ac", "#7b726e", "dot")

LEGEND: dict[str, dict[str, str]] = {
    "sv": {
        "Person": "Person",
        "Network": "Nätverk/organ",
        "Organization": "Organisation",
        "Municipality": "Kommun",
        "Region": "Region",
        "Project": "Projekt",
        "Meeting": "Möte",
        "Document": "Dokument",
        "Topic": "Ämne",
        OTHER: "Övrigt",
    },
    "en": {
        "Person": "Person",
        "Network": "Network/body",
        "Organization": "Organisation",
        "Municipality": "Municipality",
        "Region": "Region",
        "Project": "Project",
        "Meeting": "Meeting",
        "Document": "Document",
        "Topic": "Topic",
        OTHER: "Other",
    },
}


def kind_of(label: object) -> str:
    """The palette key for a node's ``label`` attribute; unknown or missing labels become ``Other``."""
    return label if isinstance(label, str) and label in STYLES else OTHER


def style_for(kind: str) -> Style:
    return STYLES.get(kind, OTHER_STYLE)


def legend_name(kind: str, lang: str = "sv") -> str:
    texts = LEGEND.get(lang, LEGEND["sv"])
    return texts.get(kind, texts[OTHER])


def legend_order(kinds: set[str]) -> list[str]:
    """The kinds present, in the fixed legend order (``Other`` last)."""
    return [k for k in (*STYLES, OTHER) if k in kinds]


# -- colour by county ----------------------------------------------------------------------------
# One colour per county, fixed by the county's SCB code, so a county looks the same in every view.
# Twenty-one counties, twenty-one colours; no grey among them (grey is "no county").
REGION_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
    "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5",
    "#393b79", "#637939", "#843c39",
)  # fmt: skip
NO_REGION = Style("#d5d9de", "#8a929c", "dot")
NO_REGION_NAME = {"sv": "Utan län", "en": "No county"}


def region_style(region: str | None) -> Style:
    """The colour of a county (by its SCB code); counties outside the reference list share the
    last colours by name, and no county is grey."""
    if not region:
        return NO_REGION
    counties = sorted(load_reference().counties.items(), key=lambda kv: kv[1])
    names = [name for name, _ in counties]
    k = names.index(region) if region in names else len(names) + sum(map(ord, region))
    fill = REGION_COLOURS[k % len(REGION_COLOURS)]
    return Style(fill, _darker(fill), "dot")


def _darker(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * 0.65) for c in (r, g, b)))


# -- relations -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EdgeStyle:
    color: str
    dashes: bool | tuple[int, ...]  # vis-network: False for a solid line, else dash and gap lengths


EDGE_STYLES: dict[str, EdgeStyle] = {
    "MEMBER_OF": EdgeStyle("#9aa7b5", False),
    "ATTENDED": EdgeStyle("#9aa7b5", False),
    "REPRESENTS": EdgeStyle("#59a14f", (10, 5)),
    "HANDED_OFF": EdgeStyle("#c0392b", False),
    "OWNS": EdgeStyle("#f28e2b", False),
    "MENTIONS": EdgeStyle("#b08f3a", (3, 5)),
    "SHARED_MEMBERS": EdgeStyle("#7f8c9a", False),
    "IN_REGION": EdgeStyle("#b07aa1", (2, 4)),
}
OTHER_EDGE = EdgeStyle("#a9b1bb", (6, 3, 2, 3))
EDGE_NAMES: dict[str, dict[str, str]] = {
    "sv": {
        "MEMBER_OF": "Deltar i",
        "ATTENDED": "Närvarade vid",
        "REPRESENTS": "Företräder",
        "HANDED_OFF": "Fråga vidare",
        "OWNS": "Äger frågan",
        "MENTIONS": "Nämner",
        "SHARED_MEMBERS": "Gemensamma medlemmar",
        "IN_REGION": "I länet",
        OTHER: "Annan koppling",
    },
    "en": {
        "MEMBER_OF": "Takes part in",
        "ATTENDED": "Attended",
        "REPRESENTS": "Represents",
        "HANDED_OFF": "Question handed on",
        "OWNS": "Owns the question",
        "MENTIONS": "Mentions",
        "SHARED_MEMBERS": "Shared members",
        "IN_REGION": "In the county",
        OTHER: "Other link",
    },
}


def edge_kind(types: list[str]) -> str:
    """The relation a merged edge is drawn as: its first known type, else Other."""
    return next((t for t in types if t in EDGE_STYLES), OTHER)


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, OTHER_EDGE)


def edge_name(kind: str, lang: str = "sv") -> str:
    names = EDGE_NAMES.get(lang, EDGE_NAMES["sv"])
    return names.get(kind, names[OTHER])
