"""Graph building from extractions: how facts of one document become nodes shared with others."""

from __future__ import annotations

from samkarta.graph.batch import build_batch
from samkarta.graph.ids import body_rank
from samkarta.loaders.extract import extract_text
from samkarta.loaders.model import SourceInfo


def _unit_ids(county_town: str, county: str, sha: str) -> set[str]:
    text = (
        f"Minnesanteckningar\n\nLänsnätverket för äldreomsorg i {county} 2024-11-05\n\n"
        f"Närvarande: Maja Ek, Utvecklingsledare Hälsa och välfärd, Region {county}, Nils Berg, {county_town}\n\n"
        "1. Information\nInget nytt.\n"
    )
    info = SourceInfo(path=f"/m/{county}.txt", sha256=sha, format="txt", chars=len(text))
    batch = build_batch(extract_text(text, info), text)
    return {n.id for n in batch.nodes if n.label == "Organization" and n.name == "Hälsa och välfärd"}


def test_a_unit_name_is_one_node_per_county() -> None:
    dalarna = _unit_ids("Falun", "Dalarna", "a" * 64)
    dalarna_again = _unit_ids("Mora", "Dalarna", "b" * 64)
    halland = _unit_ids("Varberg", "Halland", "c" * 64)
    assert len(dalarna) == len(halland) == 1
    assert dalarna == dalarna_again  # the same unit met again in its own county
    assert dalarna != halland  # a namesake in another region is another unit


def test_a_body_headed_by_its_short_form_and_named_in_full_is_one_network() -> None:
    text = (
        "Protokoll 2024-03-05\nFörbundsstyrelsen\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Förbundsstyrelsen för Norrbyförbundet i Kalmar län beslutar att godkänna budgeten.\n"
    )
    batch = build_batch(extract_text(text), text)
    [network] = [n for n in batch.nodes if n.label == "Network"]
    assert network.name == "Förbundsstyrelsen för Norrbyförbundet"
    assert [r.target for r in batch.rels if r.type == "OF"] == [network.id]
    assert "Förbundsstyrelsen" in {a.alias for a in batch.aliases if a.node_id == network.id}


def test_an_acronym_after_a_body_mentioned_in_the_minutes_is_an_alias_of_its_node() -> None:
    text = (
        "Protokoll 2024-03-05\nArbetsgruppen för skolan\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Kommunstyrelsen (KS) har godkänt budgeten.\n"
    )
    batch = build_batch(extract_text(text), text)
    [board] = [n for n in batch.nodes if n.label == "Network" and n.name == "Kommunstyrelsen"]
    assert "KS" in {a.alias for a in batch.aliases if a.node_id == board.id}


def test_a_shorter_name_the_extraction_joins_to_its_body_stays_an_alias_of_its_node() -> None:
    text = (
        "Protokoll 2024-03-05\nArbetsgruppen för skolan\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Kulturchefsnätverket har träffats. Kulturcheferna ses igen i juni. Kommunalt råd för kultur "
        "och fritid bjöds in. Kommunalt råd har svarat.\n"
    )
    extraction = extract_text(text)
    batch = build_batch(extraction, text)
    aliases = {(n.name, a.alias) for n in batch.nodes for a in batch.aliases if a.node_id == n.id}
    assert ("Kulturchefsnätverket", "Kulturcheferna") in aliases
    assert ("Kommunalt råd för kultur och fritid", "Kommunalt råd") in aliases
    assert "Kulturcheferna" not in [n.name for n in extraction.networks]


def test_bodies_sharing_a_name_rank_the_one_that_met_first() -> None:
    bodies = [("tom", 0, 0), ("few", 2, 3), ("many", 5, 1), ("crowd", 2, 9)]
    ranked = sorted(bodies, key=lambda b: body_rank(b[1], b[2], b[0], f"network-{b[0]}"))
    assert [b[0] for b in ranked] == ["many", "crowd", "few", "tom"]
    # a full tie keeps one order whatever order the store answered in
    assert sorted(["b", "a"], key=lambda n: body_rank(1, 1, "IFO", n)) == ["a", "b"]
