"""The explorer's Swedish: counts with the right noun form, role and reason names, decimal commas."""

from __future__ import annotations

import re

ROLES = {
    "chair": "ordförande",
    "present": "närvarande",
    "absent": "frånvarande",
    "secretary": "sekreterare",
    "presenter": "föredragande",
    "guest": "gäst",
    "author": "författare",
    "mentioned": "omnämnd",
}
# merge and alias reasons as the graph writes them, with a number or region where they hold one
_REASONS = (
    (re.compile(r"^name similarity ([\d.]+)$"), "namnlikhet {}"),
    (re.compile(r"^same region \((.*)\)$"), "samma region ({})"),
    (re.compile(r"^shared or overlapping body$"), "gemensamt eller överlappande nätverk"),
    (re.compile(r"^same affiliation$"), "samma organisation"),
    (re.compile(r"^merge accepted by a person$"), "sammanslagning godkänd av en person"),
    (re.compile(r"^members' name$"), "medlemmarnas namn"),
    (re.compile(r"^acronym in the body's name$"), "förkortning i nätverkets namn"),
    (re.compile(r"^full title$"), "fullständig titel"),
    (re.compile(r"^reference alias$"), "alias i referensdata"),
    # body and organisation candidates (graph/candidates_entities.py)
    (re.compile(r'^same name "(.*)"$', re.S), "samma namn ”{}”"),
    (
        re.compile(r'^same name in other spacing, hyphens or case: "(.*)" and "(.*)"$', re.S),
        "samma namn med andra mellanslag, bindestreck eller versaler: ”{}” och ”{}”",
    ),
    (re.compile(r'^"(.*)" abbreviates "(.*)"$', re.S), "”{}” är en förkortning av ”{}”"),
    (re.compile(r'^"(.*)" opens "(.*)"$', re.S), "”{}” ingår i ”{}”"),
    (re.compile(r'^almost the same spelling: "(.*)" and "(.*)"$', re.S), "nästan samma stavning: ”{}” och ”{}”"),
    (re.compile(r"^shared members (1)$"), "{} gemensam medlem"),
    (re.compile(r"^shared members (\d+)$"), "{} gemensamma medlemmar"),
    (re.compile(r"^shared meetings (1)$"), "{} gemensamt möte"),
    (re.compile(r"^shared meetings (\d+)$"), "{} gemensamma möten"),
)


def count(n: int, one: str, many: str) -> str:
    """'1 möte', '3 möten'."""
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, digits: int = 2) -> str:
    """'0,85': Swedish writes a decimal comma."""
    return f"{value:.{digits}f}".replace(".", ",")


def roles(values: list[str] | None) -> str:
    return ", ".join(ROLES.get(v, v) for v in values or [])


def reason(text: str) -> str:
    """One reason, or several joined by '; ', in Swedish (numbers with a decimal comma)."""
    out = []
    for part in text.split("; "):
        for pattern, swedish in _REASONS:
            m = pattern.match(part)
            if m:
                args = [
                    decimal(float(g)) if re.fullmatch(r"\d+\.\d+", g) else ("nationell" if g == "national" else g)
                    for g in m.groups()
                ]
                out.append(swedish.format(*args))
                break
        else:
            out.append(part)
    return "; ".join(out)
