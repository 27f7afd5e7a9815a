"""Fixed colours, vis-network shapes and legend texts per entity label."""

from __future__ import annotations

from dataclasses import dataclass


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
