"""samkarta_reference: municipalities, counties and organisations of the reference data."""

from __future__ import annotations


def _texts(doc, group: str) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.spans[group]]


def _hits(doc) -> list[tuple[str, str, str, bool]]:
    return [(h.text, h.label_, h._.ref, h._.ambiguous) for h in doc.spans["ref"]]


def test_places_counties_and_organisations_with_genitives(annotate) -> None:
    doc = annotate("Falu kommun och Mora deltog. Jönköpings län, Region Dalarnas förslag, SKL:s enkät.")
    hits = _hits(doc)
    assert ("Falu kommun", "municipality", "2080", False) in hits
    assert ("Jönköpings län", "county", "Jönköping", False) in hits  # the county, not the town
    assert any(h[0] == "Region Dalarnas" and h[2] == "Region Dalarna" for h in hits)
    assert any(h[0] == "SKL:s" and h[2] == "Sveriges Kommuner och Regioner" for h in hits)


def test_a_name_that_is_also_a_word_needs_context(annotate) -> None:
    doc = annotate("Vi ska ta upp det i Mark. Representanter från Marks kommun deltog.")
    marks = [(h.text, h._.ambiguous) for h in doc.spans["ref"] if h._.ref == "1463"]
    assert marks == [("Mark", True), ("Marks kommun", False)]


def test_long_names_match_in_any_case(annotate) -> None:
    doc = annotate("FÖRSÄKRINGSKASSAN och länsstyrelsen i dalarnas län")
    refs = {h._.ref for h in doc.spans["ref"]}
    assert "Försäkringskassan" in refs and "Länsstyrelsen Dalarna" in refs


def test_general_national_organisations_beyond_the_shared_table(annotate) -> None:
    doc = annotate("Trafikverket, Vårdförbundet och PwC var inbjudna. LRF och ESF-rådet deltog.")
    refs = {h._.ref for h in doc.spans["ref"]}
    assert {"Trafikverket", "Vårdförbundet", "PwC", "Lantbrukarnas Riksförbund", "Svenska ESF-rådet"} <= refs


def test_a_county_s_regional_union_named_generically_is_an_organisation(annotate) -> None:
    doc = annotate("Protokoll 2023-03-09\n\nFrågan har beretts av länsstyrelsen och regionförbundet.\n")
    assert [(s.text, s._.ref) for s in doc.spans["org"]] == [
        ("länsstyrelsen", "Länsstyrelsen"),
        ("regionförbundet", "Regionförbundet"),
    ]


def test_an_organisation_name_that_is_also_a_word_needs_context_and_its_case(annotate) -> None:
    doc = annotate("Kommunal vuxenutbildning ska ses över, och en kommunal plan tas fram. Eva Ek, Kommunal, deltog.")
    hits = [(h.text, h._.ambiguous) for h in doc.spans["ref"] if h._.ref == "Kommunal"]
    assert hits == [("Kommunal", True), ("Kommunal", True)]  # never "kommunal" in lower case
    assert _texts(doc, "org") == ["Kommunal"]  # only as Eva Ek's affiliation


def test_a_national_organisation_with_a_place_after_it_is_its_local_branch(annotate) -> None:
    doc = annotate(
        "Närvarande\nAnna Ek, PRO Norrbyholm\nBo Lind, Vårdförbundet Sörby AB\n"
        "Kerstin Alm, SPF Tirvo Sandberg\nSPF Frånvaro anmäld\n"
    )
    assert _texts(doc, "org") == ["PRO Norrbyholm", "Vårdförbundet Sörby AB", "SPF", "SPF"]
    branches = [h for h in doc.spans["ref"] if h.text == "PRO Norrbyholm"]
    assert branches and branches[0]._.ref is None  # a branch is not the national organisation


def test_programmes_and_methods_of_welfare_and_regional_development_are_initiatives(annotate) -> None:
    doc = annotate(
        "1. Info\nNorrby söker medel ur Interreg. Socialtjänsten ansluter till Yrkesresan och prövar "
        "Mockingbird. Ett IOP med en förening tecknas, och Grannstöd startar i Söderby.\n"
    )
    assert _texts(doc, "project") == ["Interreg", "Yrkesresan", "Mockingbird", "IOP", "Grannstöd"]


def test_a_name_named_in_lower_case_as_a_common_noun_matches_in_any_case_after_a_capital(annotate) -> None:
    doc = annotate(
        "1. Info\nFrågan om Öppna Jämförelser och om TEKNIKCOLLEGE tas upp. En nära vård och "
        "en familjecentral diskuterades.\n"
    )
    assert _texts(doc, "project") == ["Öppna Jämförelser", "TEKNIKCOLLEGE"]


def test_a_region_by_its_own_short_name_is_the_region(annotate) -> None:
    doc = annotate("Per Ek, Region JH, och Eva Ek, Region Jämtland Härjedalen, deltog.")
    refs = [(h.text, h._.ref) for h in doc.spans["ref"] if h.label_ == "organization"]
    assert refs == [("Region JH", "Region Jämtland Härjedalen")] + [("Region Jämtland Härjedalen",) * 2]
