"""The whole extractor: one Extraction per document, evidence and confidence on every fact,
long documents read in parts (in other processes too) with the same result."""

from __future__ import annotations

import json

from samkarta.loaders import extract as extract_module
from samkarta.loaders.extract import extract_many, extract_text

MINUTES = """Minnesanteckningar Länsgruppen för äldrefrågor 2023-03-09

Närvarande: Anna Berg, Falun, Per Ek, Region Dalarna

1. Rekrytering
Anna informerar om läget. Per ska ta med sig frågan om annonsering till Socialchefsnätverket.
Länsgruppen beslutade att ställa sig bakom kampanjen.
"""


def _facts(x) -> list:
    return [
        *x.people,
        *x.organizations,
        *x.municipalities,
        *x.projects,
        *x.networks,
        *x.decisions,
        *x.actions,
        *x.handoffs,
    ]


def test_every_fact_has_evidence_in_the_text_and_a_confidence() -> None:
    x = extract_text(MINUTES)
    assert x.meeting.body == "Länsgruppen för äldrefrågor" and str(x.meeting.date) == "2023-03-09"
    for fact in _facts(x):
        assert 0.0 < fact.confidence <= 1.0
        assert fact.evidence and all(0 <= e.start < e.end <= len(MINUTES) and e.quote for e in fact.evidence)
    out = extract_text(MINUTES).to_output()
    assert out["people"][0]["confidence"] > 0 and set(out["meeting"]["confidence"]) == {"date", "body", "region"}
    json.dumps(out, default=str)


def test_a_quote_shows_the_text_as_written_not_as_prepared() -> None:
    text = "Protokoll Norrby styrgrupp 2023-03-09\n\n§ 4 Program för hållbart resande ...... 12\n"
    x = extract_text(text)
    quotes = [e.quote for p in x.projects for e in p.evidence]
    assert quotes == ["§ 4 Program för hållbart resande ...... 12"]  # the dot leaders are blanked only for reading


def test_a_long_document_read_in_parts_gives_the_facts_of_its_pieces(monkeypatch) -> None:
    pieces = [
        MINUTES.replace("Anna Berg", f"Anna Berg{c}son").replace("2023-03-09", f"2023-03-{n:02d}")
        for n, c in enumerate("ABCDEFGH", start=10)
    ]
    text = "\n\n".join(pieces)
    monkeypatch.setattr(extract_module, "PART_CHARS", len(pieces[0]) + 10)  # one piece per part
    whole = extract_text(text)
    assert str(whole.meeting.date) == "2023-03-10"  # the meeting is read from the first part
    assert len(whole.people) == 9 and len(whole.decisions) == len(pieces)
    for d, piece_start in zip(whole.decisions, [text.index(p) for p in pieces], strict=True):
        e = d.evidence[0]
        assert text[e.start : e.end] == d.text and e.start > piece_start  # offsets in the whole text
    assert [n.name for n in whole.networks] == ["Länsgruppen för äldrefrågor", "Socialchefsnätverket"]


def test_workers_give_the_same_extractions_as_one_process() -> None:
    texts = [MINUTES, MINUTES.replace("Falun", "Mora"), MINUTES.replace("Per Ek", "Pia Holm")]
    alone = [x.model_dump() for x in extract_many((t, None) for t in texts)]
    together = [x.model_dump() for x in extract_many(((t, None) for t in texts), workers=2)]
    assert together == alone


def test_an_abbreviation_joins_the_body_named_in_full() -> None:
    text = (
        "Protokoll 2024-03-05\nKommunstyrelsens arbetsutskott\n\n1. Budget\n"
        "AU beslutar att godkänna budgeten. Frågan går sedan till KPR.\n"
    )
    names = sorted(n.name for n in extract_text(text).networks)
    assert names == ["KPR", "Kommunstyrelsens arbetsutskott"]


def test_a_generic_mention_joins_the_one_specific_organisation_of_its_kind_named() -> None:
    x = extract_text(
        "Protokoll 2023-03-09\n\n1. Remiss\nLandstinget Kronoberg har skickat en remiss. "
        "Per Ek berättade att landstinget vill ha svar före sommaren.\n"
    )
    assert [o.name for o in x.organizations] == ["Landstinget Kronoberg"]


def test_the_short_and_the_owner_forms_of_a_body_join_its_full_name() -> None:
    text = (
        "Protokoll 2024-03-05\nFörbundsstyrelsen\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Förbundsstyrelsen för Norrbyförbundet i Kalmar län beslutar att godkänna budgeten. "
        "Norrbyförbundets styrelse tackar. Regionstyrelsens arbetsutskott har berett ärendet, "
        "och Arbetsutskottet föreslår att budgeten godkänns.\n"
    )
    x = extract_text(text)
    names = sorted(n.name for n in x.networks)
    assert names == ["Förbundsstyrelsen för Norrbyförbundet i Kalmar län", "Regionstyrelsens arbetsutskott"]
    assert x.meeting.body == "Förbundsstyrelsen"


def test_a_body_named_by_its_head_noun_alone_joins_the_one_compound_that_ends_in_it() -> None:
    text = (
        "Protokoll Styrelsen\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Förbundsstyrelsen för Norrbyförbundet beslutar att godkänna budgeten.\n"
    )
    x = extract_text(text)
    assert x.meeting.body == "Styrelsen" and x.meeting.body_full == "Förbundsstyrelsen för Norrbyförbundet"
    assert [n.name for n in x.networks] == ["Förbundsstyrelsen för Norrbyförbundet"]


def test_an_acronym_in_parentheses_is_another_name_of_the_body_not_part_of_it() -> None:
    text = (
        "Protokoll Samrådsgruppen Barn och Unga (SBU) 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nKommunstyrelsen (KS) har godkänt budgeten.\n"
    )
    x = extract_text(text)
    assert x.meeting.body == "Samrådsgruppen Barn och Unga"
    assert x.meeting.body_full == "Samrådsgruppen Barn och Unga (SBU)"
    assert sorted((n.name, n.acronyms) for n in x.networks) == [
        ("Kommunstyrelsen", ["KS"]),
        ("Samrådsgruppen Barn och Unga", ["SBU"]),
    ]


def test_a_compound_and_its_words_written_apart_are_one_body() -> None:
    text = (
        "Minnesanteckningar Rektors nätverket 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nRektorsnätverket träffas igen i juni. Rektornätverket har en ny ordförande.\n"
    )
    x = extract_text(text)
    assert x.meeting.body == "Rektors nätverket"
    assert [n.name for n in x.networks] == ["Rektors nätverket"]


def test_a_compound_and_its_words_hyphenated_are_one_body() -> None:
    text = (
        "Minnesanteckningar 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nFörskole-gruppen har träffats. Förskolegruppen ses igen i juni.\n"
    )
    assert [n.name for n in extract_text(text).networks] == ["Förskole-gruppen"]


def test_a_network_named_by_its_members_in_the_plural_is_that_network() -> None:
    text = (
        "Minnesanteckningar 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nKulturchefsnätverket har träffats. Kulturcheferna ses igen i juni. "
        "ABC-cheferna och ABC-nätverket bjöds in.\n"
    )
    assert sorted(n.name for n in extract_text(text).networks) == ["ABC-nätverket", "Kulturchefsnätverket"]


def test_a_name_of_several_words_joins_the_one_longer_name_that_adds_what_the_body_is_for() -> None:
    text = (
        "Minnesanteckningar 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nDigitalt forum för kultur och idrott har träffats. Digitalt forum ses igen i juni.\n"
    )
    assert [n.name for n in extract_text(text).networks] == ["Digitalt forum för kultur och idrott"]


def test_a_name_of_several_words_joins_the_one_longer_name_with_its_owner_in_the_genitive() -> None:
    text = (
        "Minnesanteckningar 2019-05-02\n\nNärvarande: Anna Berg, Per Ek\n\n"
        "1. Budget\nPlanen för Norrbyregionens utskott för fritid och idrott antogs. "
        "Ett utskott för fritid och idrott ska följa upp den.\n"
    )
    assert [n.name for n in extract_text(text).networks] == ["Norrbyregionens utskott för fritid och idrott"]


def test_a_body_folded_into_a_name_that_was_folded_again_is_the_full_name() -> None:
    text = (
        "STYRELSEN\nProtokoll 2012-03-01\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Regionförbundets styrelse träffas i Östersund. Förbundsstyrelsen för Regionförbundet i Jämtlands län "
        "beslutar att anta budgeten.\nStyrelsen godkänner rapporten.\n"
    )
    extraction = extract_text(text)
    assert extraction.meeting.body_full == "Förbundsstyrelsen för Regionförbundet i Jämtlands län"
    assert [n.name for n in extraction.networks] == ["Förbundsstyrelsen för Regionförbundet i Jämtlands län"]


def test_an_initiative_as_the_first_part_of_a_compound_is_named_by_that_part() -> None:
    x = extract_text(
        "Minnesanteckningar Länsgruppen 2023-03-09\n\n1. Information\nKPP-kalkylen för 2024 är klar och "
        "SIP- mallen ses över. IPS-projektet fortsätter. LUPP-gruppen träffas i maj.\n"
    )
    assert sorted(p.name for p in x.projects) == ["IPS-projektet", "KPP", "SIP"]
    assert "LUPP-gruppen" in [n.name for n in x.networks]
