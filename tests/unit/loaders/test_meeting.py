"""samkarta_meeting: the date held, the body, the county, the next meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from samkarta.loaders.components.meeting import find_dates


def _meeting(doc) -> tuple:
    m = doc._.meeting
    return m.date, m.body, m.region, m.next_meeting


def test_date_forms_ranges_and_missing_years() -> None:
    found = [
        (d.year, d.month, d.day) for d in find_dates("2019-05-02, 3 juni 2008, 31/12 2019, 30-31 augusti 2012, 4 maj")
    ]
    assert found == [(2019, 5, 2), (2008, 6, 3), (2019, 12, 31), (2012, 8, 30), (None, 5, 4)]


def test_a_date_written_with_spaces_between_its_numbers() -> None:
    found = [(d.year, d.month, d.day) for d in find_dates("Anteckningar 2023 04 18, tel 2023 041 88, nr 2023 13 40")]
    assert found == [(2023, 4, 18)]  # not numbers in other groupings, nor a thirteenth month


def test_the_day_held_beats_the_day_written_adjusted_or_posted(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-10\nStyrgruppen för trygghet\nTid: tisdagen den 4 maj 2021 kl. 13.00\n"
        "Närvarande: Anna Berg, Falun\nJusteringens tid: 2021-05-12\nAnslaget sätts upp 2021-05-14\n"
        "Nästa möte: 8 juni\n"
    )
    date, body, region, next_meeting = _meeting(doc)
    assert date == dt.date(2021, 5, 4) and next_meeting == dt.date(2021, 6, 8)
    assert body == "Styrgruppen för trygghet" and region == "Dalarna"


def test_a_letterhead_date_is_the_day_written(annotate) -> None:
    doc = annotate(
        "Handläggare\nLena Berg\nDatum\n2019-05-06\n\nLänsgruppen barn och unga 2019-05-02\n\nNärvarande: Per Ek\n"
    )
    date, body, _, _ = _meeting(doc)
    assert date == dt.date(2019, 5, 2) and body == "Länsgruppen barn och unga"


def test_the_body_from_a_field_an_intro_or_the_body_that_decides(annotate) -> None:
    field = annotate("Organ: Direktionen\nDatum: 2020-02-03\n1. Budget\nDirektionen beslutar att godkänna.\n")
    intro = annotate("Protokoll från sammanträde med förbundsstyrelsen 2020-02-03\nNärvarande: Per Ek\n")
    deciding = annotate("1. Budget\nArbetsutskottet beslutar att godkänna budgeten.\n")
    assert _meeting(field)[1] == "Direktionen"
    assert _meeting(intro)[1] == "förbundsstyrelsen"
    assert _meeting(deciding)[1] == "Arbetsutskottet"


def test_the_body_whose_rules_of_procedure_the_meeting_follows(annotate) -> None:
    text = (
        "1. Öppnande\n2. Dagordning\nOrdföranden Per Ek öppnar mötet.\n"
        "Kallelsen gick ut i enlighet med reglementet för seniorrådet.\n"
    )
    assert _meeting(annotate(text))[1] == "seniorrådet"


def test_no_county_when_the_places_disagree(annotate) -> None:
    doc = annotate("Nationellt nätverk 2020-02-03\nNärvarande: Anna Berg, Falun\nPer Ek, Malmö\n")
    assert _meeting(doc)[2] is None


def test_the_body_named_after_a_document_type_and_the_year_of_the_title(annotate) -> None:
    doc = annotate("Minnesanteckningar ABC Vårdkedjor\nTid: 31 augusti kl. 13.15\n\nNärvarande: Per Ek\n")
    assert _meeting(doc)[1] == "ABC Vårdkedjor"
    dated = annotate("Minnesanteckningar ABC 2015-08\nTid: 31 augusti kl. 13.15\n")
    assert _meeting(dated)[0] == dt.date(2015, 8, 31)
    with_day = annotate(
        "Protokoll ABC den 3 maj 2019.\n\nsid 1 (9)\nNORRBY GRUPPEN\nProtokoll 2019-05-03\nTid och plats\n"
        "Ledamöter\nJusterare\nFredag den 3 maj 2019 kl. 13:00-15:00 Stadshuset\n"
    )
    assert _meeting(with_day)[1] == "ABC"  # the date's article is no part of the name


def test_a_meeting_word_compounded_with_an_acronym_in_the_title_names_the_body(annotate) -> None:
    doc = annotate("Protokoll fört vid AU-möte hos Norrby kommun\nTid: 2019-05-03 kl. 13\n\nNärvarande: Per Ek\n")
    assert _meeting(doc)[1] == "AU"
    later = annotate("Protokoll 2019-05-03\n\n1. Budget\nFrågan tas upp på nästa AU-möte.\n")
    assert _meeting(later)[1] is None  # outside the title it is another meeting


def test_a_document_type_after_a_letterhead_run_into_the_title_line(annotate) -> None:
    doc = annotate(
        "Utvecklingsenheten Lena Berg 2019-05-06 Minnesanteckningar från möte med KLM Läkemedel Dag "
        "Torsdagen den 2 maj 2019\n\nNärvarande: Per Ek\n"
    )
    assert _meeting(doc)[1] == "KLM Läkemedel"
    written_small = annotate("Lena Berg 2019-05-06 justerat protokoll Norrby Ekonomi\n\nNärvarande: Per Ek\n")
    assert _meeting(written_small)[1] != "Norrby Ekonomi"  # a word of a sentence, not a title


def test_without_a_title_the_body_the_minutes_name_most(annotate) -> None:
    doc = annotate("Dag: 27 september 2017\n\n1. Öppnande\nStyrelsen hälsades välkommen. Styrelsen diskuterade.\n")
    assert _meeting(doc)[1] == "Styrelsen"


def test_the_body_from_a_posting_certificate_and_a_whole_field_value(annotate) -> None:
    # the certificate of posting names the body under "Myndighet" or "Organ"
    posted = annotate("Protokoll\nBevis om justering\nMyndighet Sociala utskottet\nDatum 2020-02-03\n")
    assert _meeting(posted)[1] == "Sociala utskottet"
    # a field's value is one body though its words read as two
    whole = annotate("Organ: Förbundets styrelse presidiet\nDatum: 2020-02-03\n1. Budget\nPresidiet beslutar.\n")
    assert _meeting(whole)[1] == "Förbundets styrelse presidiet"
    # ... but a capitalised word after the body is the cut-off start of the next label
    cut = annotate("Bevis\nOrgan: Kommunstyrelsen Överkl\nDatum: 2020-02-03\n1. Budget\nKommunstyrelsen beslutar.\n")
    assert _meeting(cut)[1] == "Kommunstyrelsen"


def test_a_heading_in_capitals_keeps_its_prepositions_out_of_the_body(annotate) -> None:
    doc = annotate("MINNESANTECKNINGAR FRÅN STYRGRUPP VÅRDKEDJOR NORRDAL 2020-02-03\nNärvarande: Per Ek\n")
    assert _meeting(doc)[1] == "STYRGRUPP VÅRDKEDJOR NORRDAL"


def test_a_weekday_picks_the_year_of_a_date_written_without_one(annotate) -> None:
    # 2 September was a Friday in 2022, not in 2021 or 2023
    doc = annotate(
        "Protokoll\nTid och plats: fredagen den 2 september kl. 9.00, Stadshuset\nNärvarande: Per Ek\n"
        "1. Uppföljning 2021 och 2023\nPlanen för 2022 godkändes.\n"
    )
    assert _meeting(doc)[0] == dt.date(2022, 9, 2)
    # a weekday in the minutes' text decides nothing: the meeting's date is not there
    text = annotate(
        "Protokoll\nPlats: Stadshuset\nNärvarande: Per Ek\nSekreterare: Eva Al\n\n1. Information\n"
        "Ordföranden informerade.\nFredag 2 september hålls möte om planen 2022.\n"
    )
    assert _meeting(text)[0] is None


def test_a_date_label_with_a_page_mark_between_still_labels_the_day(annotate) -> None:
    doc = annotate(
        "Förvaltningen\nStadshuset\nPer Ek\n08-123 45\nSida 1\nBilaga\nSammanfattning\n\n"
        "ANTECKNINGAR STYRGRUPPEN DATUM S 2020-05-11\nNärvarande: Per Ek\nSista datum för överklagande 2020-06-01\n"
    )
    assert _meeting(doc)[0] == dt.date(2020, 5, 11)


def test_the_county_where_the_meeting_was_held_and_no_vote_from_a_surname(annotate) -> None:
    doc = annotate(
        "Protokoll\nPlats och tid: Kommunhuset, Strängnäs, 2020-02-03\nNärvarande: Anna Berg, Per Berg, Eva Berg\n\n"
        "1. Information\nBesök från Mora och Örebro diskuterades.\n"
    )
    assert _meeting(doc)[2] == "Södermanland"
    only_ambiguous = annotate("Protokoll 2020-02-03\n\n1. Information\nSamarbetet med Lund och Lund fortsätter.\n")
    assert _meeting(only_ambiguous)[2] == "Skåne"


def test_a_body_on_a_header_line_of_its_own_is_the_body_that_met(annotate) -> None:
    doc = annotate(
        "Sida 1\nNORRBY KOMMUN\nKontor för arbete\nKontakt Anna Berg\n08-123 45 67\nanna.berg@norrby.se\n"
        "ANTECKNINGAR\nSTYRGRUPPEN\nDatum 2024-03-05\nDeltagare: Per Ek, Norrby kommun\n"
        "1. Inledning\nPer Ek hälsade välkommen.\n"
    )
    assert doc._.meeting.body == "STYRGRUPPEN"


def test_a_six_digit_date_counts_only_right_after_a_meeting_word() -> None:
    found = [(d.year, d.month, d.day) for d in find_dates("Styrelsemöte 170110, dnr 170111, Protokoll 991231")]
    assert found == [(2017, 1, 10), (1999, 12, 31)]


def test_a_six_digit_date_counts_right_after_a_date_label_too() -> None:
    found = [(d.year, d.month, d.day) for d in find_dates("Datum: 080331\nPlats: Kansliet\nPostnummer: 120930")]
    assert found == [(2008, 3, 31)]


def test_a_date_right_after_the_word_for_the_meeting_is_the_day_held(annotate) -> None:
    doc = annotate(
        "Start\nOm oss\nKontakt\nPress\nArkiv\nNyheter\nSök\nSammanställning från rådet\n"
        "Det här tog rådet ställning till vid mötet 19 november.\nSidan uppdaterad 2021-11-25.\n"
    )
    assert doc._.meeting.date == dt.date(2021, 11, 19)


def test_the_office_that_wrote_the_minutes_is_not_the_body_that_met(annotate) -> None:
    doc = annotate(
        "Transkript\n\n1 PROTOKOLL 1(7) Norrbyregionens kansli NR 4/2020 Ekonomiavd, Anna Berg "
        "Regionstyrelsen Tid Onsdagen den 4 mars 2020, kl Plats Närvarande ledamöter Per Ek\n"
    )
    assert _meeting(doc)[1] == "Regionstyrelsen"


def test_a_room_after_the_document_type_is_where_the_body_met_not_the_body(annotate) -> None:
    doc = annotate("PROTOKOLL. Norrbyrummet, Norrby\n2024-03-05\nNärvarande: Anna Berg, Per Ek\n1. Budget\n")
    assert doc._.meeting.body is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "1. Budget\nAnna Berg informerar.\n\nANSLAGSBEVIS Protokollet är justerat. Forum Socialnämnden "
            "Sammanträdesdatum för anslags upprättande Förvaringsplats för protokollet\n",
            "Socialnämnden",
        ),
        (  # the posting's date fields
            "BEVIS OM ANSLAG\nMyndighet Arbetsutskottet Anslagsdatum Datum då anslaget tas ner "
            "Förvaringsplats för protokollet Kansliet\n",
            "Arbetsutskottet",
        ),
    ],
)
def test_a_body_field_value_ends_at_the_next_label_word_of_a_flattened_form(annotate, text: str, body: str) -> None:
    assert annotate(text)._.meeting.body == body


def test_the_body_that_decides_in_the_minutes_is_the_body_that_met(annotate) -> None:
    doc = annotate(
        "1. Plan\nKommunstyrelsen frågade om planen. Folkhälsorådet beslutar att anta planen.\n"
        "2. Rapport\nRapporten skickas till Kommunstyrelsen.\n"
    )
    assert doc._.meeting.body == "Folkhälsorådet"


def test_an_abbreviation_that_decides_is_a_body(annotate) -> None:
    doc = annotate("Sammanställning\n1. Läget\nStällningstagande: ABC noterar informationen.\nABC ställer sig bakom.\n")
    assert doc._.meeting.body == "ABC"
    assert [s.text for s in doc.spans["network"]] == ["ABC", "ABC"]


def test_a_time_right_after_a_date_marks_the_day_held(annotate) -> None:
    doc = annotate(
        "Start\nOm oss\nKontakt\nPress\nArkiv\nNyheter\nSök\n"
        "Rådet för äldre tar upp frågan. Underlaget från 3 maj 2021 finns. Vi ses 5 maj 2021 kl. 13.00 i Falun.\n"
    )
    assert doc._.meeting.date == dt.date(2021, 5, 5)


def test_a_date_in_the_field_of_the_adjustment_is_not_the_day_held(annotate) -> None:
    doc = annotate(
        "Socialnämndens protokoll 2012-12-10\nJusterare Anna Berg\n"
        "Justeringens plats och tid Kommunhuset den 18 december 2012 klockan 10.00\n1. Budget\n"
    )
    assert doc._.meeting.date == dt.date(2012, 12, 10)


def test_a_body_right_after_the_document_type_in_a_flattened_title_wins(annotate) -> None:
    doc = annotate(
        'VÄLFÄRDSARBETE Kl\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload "VÄLFÄRDSARBETE '
        '2019-02-03-04 Kl 10.00"\n\nTranskript\n\n'
        "1 1 NORRDALSREGIONEN ANTECKNINGAR STYRGRUPPEN FÖR Sammanträde VÄLFÄRDSARBETE Kl "
        "Plats: Hotell Norrby, Mora NÄRVARANDE Anna Berg Per Ek\n\n1. Uppföljning\nLäget redovisas.\n"
    )
    assert doc._.meeting.body == "STYRGRUPPEN"


def test_a_place_before_the_date_on_the_title_line_is_no_body(annotate) -> None:
    doc = annotate("Mora 2016-01-20\nNärvarande Anna Berg, Per Ek\n\n1. Läget\nInget att rapportera.\n")
    assert doc._.meeting.body is None and doc._.meeting.date == dt.date(2016, 1, 20)
    assert [s.text for s in doc.spans["network"]] == []


def test_the_minutes_of_a_saved_viewer_page_begin_after_its_marker_line(annotate) -> None:
    text = (
        "Beslutande Anna Berg (M) ordförande. Per Ek (S)\n\nStorlek: px\nStarta visningen från sidan:\n\n"
        'Download "Beslutande Anna Berg (M) ordförande. Per Ek (S) 12-20"\n\nTranskript\n\n'
        "1 Protokoll 1 (12) Landstingsstyrelsen Kansliet Plats Landstingshuset Beslutande Anna Berg (M) "
        "ordförande Per Ek (S)\n\n12 Budget\nBudgeten godkändes.\n"
    )
    doc = annotate(text)
    assert doc._.content_start == text.index("Transkript") + len("Transkript")
    assert doc._.meeting.body == "Landstingsstyrelsen"


def test_an_organisation_in_the_genitive_on_the_title_owns_what_follows_and_is_no_body(annotate) -> None:
    doc = annotate(
        "PROTOKOLL Landstingets kansli Anna Berg\nLandstingsstyrelsen\nTid: 2011-02-03\n"
        "Närvarande Per Ek (S), ordförande\n\n1 Budget\nBudgeten godkändes.\n"
    )
    assert doc._.meeting.body == "Landstingsstyrelsen"


def test_a_saved_page_titled_with_a_union_of_members_is_that_unions_minutes(annotate) -> None:
    doc = annotate(
        "Södra Norrdals Samordningsförbund\n\nStorlek: px\nStarta visningen från sidan:\n\n"
        'Download "Södra Norrdals Samordningsförbund"\n\nTranskript\n\n'
        "1 Sida Sammanträdesdatum Plats och tid Falu kommun Anna Berg, ordförande, Per Ek, ledamot\n"
    )
    assert doc._.meeting.body == "Södra Norrdals Samordningsförbund"


def test_a_purpose_in_sentence_case_after_for_belongs_to_the_name(annotate) -> None:
    doc = annotate("Nämnden för Kultur och fritid\n\nProtokoll 2017-03-02\nNärvarande: Per Ek (S) ordförande\n")
    assert _meeting(doc)[1] == "Nämnden för Kultur och fritid"


def test_a_surname_that_is_also_a_municipality_names_no_county(annotate) -> None:
    doc = annotate("Styrgruppen för trygghet\n\nProtokoll 2017-03-02\nNärvarande: Anna Berg (S) ordförande\n")
    assert _meeting(doc)[2] is None


def test_a_letterhead_naming_its_author_among_column_headings_in_capitals_dates_the_writing(annotate) -> None:
    doc = annotate(
        "ENHET, HANDLÄGGARE\nKansliet, Anna Berg\nDATUM\n2017-02-28\nBETECKNING\nMinnesanteckningar\n"
        "Per Ek ordförande, Norrby\nMöte med Arbetsgrupp barn och unga\nFredagen den 17 februari 2017.\n"
        "1. Föregående anteckningar\nLäggs till handlingarna.\n"
    )
    assert _meeting(doc)[0] == dt.date(2017, 2, 17)


def test_a_bare_board_in_the_title_is_the_namesake_the_title_names(annotate) -> None:
    title = "Protokoll Styrelsen\n\nOrgan Plats och tid Norrbyförbundets styrelse Norrbyförbundet "
    rest = "Tisdagen den 9 oktober 2018, kl 10 Närvarande Per Ek ordförande\n\n1. Budget\n"
    rest += "Styrelsen beslutar att anta budgeten.\n"
    doc = annotate(title + rest)
    assert _meeting(doc)[1] == "Norrbyförbundets styrelse"
    # the board's decision is still the meeting's own, though it calls itself "Styrelsen"
    assert len(doc._.outcomes["decisions"]) == 1
    two = title.replace("Norrbyförbundet ", "Sörbyrådets styrelse ")
    assert _meeting(annotate(two + rest))[1] == "Styrelsen"  # two boards named: either may be meant


def test_a_heading_body_keeps_its_purpose_in_title_case_after_for(annotate) -> None:
    doc = annotate("Möte med Rådet för Regional Tillväxt\n\nDatum 2017-03-02\nNärvarande: Per Ek\n")
    assert _meeting(doc)[1] == "Rådet för Regional Tillväxt"


def test_a_flattened_forms_column_headings_after_a_dated_title_are_no_part_of_the_body(annotate) -> None:
    doc = annotate(
        'Download "PROTOKOLL Norrby pensionärsråd Sammanträdesdatum Paragrafer Sida 2019-04-02 1-9 1"\n\n'
        "Transkript\n\nPROTOKOLL\nNärvarande: Per Ek\n"
    )
    assert _meeting(doc)[1] == "Norrby pensionärsråd"


def test_a_date_label_right_before_a_dated_titles_date_is_no_part_of_the_body(annotate) -> None:
    doc = annotate("Norrdalskonventet Sammanträdesdatum 2019-04-02 Stora salen\n\nNärvarande: Per Ek, Anna Berg\n")
    assert _meeting(doc)[1] == "Norrdalskonventet"


def test_a_document_word_after_the_document_type_names_no_body(annotate) -> None:
    doc = annotate(
        "SAMMANTRÄDESPROTOKOLL. Innehållsförteckning. Budget 2026... 3\n\n"
        "§ 1 Budget\nDirektionen beslutar att godkänna budgeten.\n"
    )
    assert _meeting(doc)[1] == "Direktionen"
    assert "Innehållsförteckning" not in [r.name for r in doc._.people.values()]


def test_a_term_of_office_after_the_body_in_its_field_is_no_part_of_its_name(annotate) -> None:
    doc = annotate(
        "Protokoll\n\nBeslutsinstans: Arbetsutskottet 2023-2026 Sammanträdesdatum: 2024-08-18\n\nNärvarande: Per Ek\n"
    )
    assert _meeting(doc)[1] == "Arbetsutskottet"


def test_a_province_named_in_the_minutes_votes_for_its_county(annotate) -> None:
    doc = annotate(
        "Protokoll Direktionen 2022-02-08\n\nNärvarande: Anna Berg (S), Per Ek (M)\n\n"
        "§ 3 Budget\nDirektionen för Hälsinglands avfallsförbund beslutar att godkänna budgeten.\n"
    )
    assert _meeting(doc)[2] == "Gävleborg"
    assert "Hälsingland" not in [s.text for s in doc.spans["municipality"]]


def test_a_label_of_several_words_run_together_ends_the_body_before_it(annotate) -> None:
    doc = annotate(
        "SAMMANTRÄDESPROTOKOLL\nSida 7\nNÄRINGSUTSKOTTET Platsochtid Stadshuset, 2013-02-15 kl 13.00\n"
        "Beslutande Anna Berg (S)\n"
    )
    assert doc._.meeting.body == "NÄRINGSUTSKOTTET"
    assert [(lab.text, lab._.field) for lab in doc.spans["label"]][:2] == [("Sida", "other"), ("Platsochtid", "date")]


def test_an_organisation_opening_a_line_owns_the_body_after_it_without_a_genitive(annotate) -> None:
    doc = annotate(
        "Region Västerbotten direktion hade möte den 3 maj 2016 i Umeå.\n\nDirektionen fastställde budgeten.\n"
    )
    assert _meeting(doc)[1] == "Region Västerbotten direktion"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Minnesanteckningar från det gemensamma planeringsmötet 2022-02-08", "gemensamma planeringsmötet"),
        ("Rektorsträff 2022-02-08", "Rektorsträff"),
        ("Anteckningar 2022-02-08", None),  # no kind of meeting named, no body
    ],
)
def test_the_kind_of_meeting_in_the_title_is_the_body_where_none_is_named(annotate, title, body) -> None:
    doc = annotate(f"{title}\n\nNärvarande: Anna Berg, Per Ek\n\n1. Lokaler\nInga frågor.\n")
    assert _meeting(doc)[1] == body


def test_an_organisation_heading_right_before_the_document_type_is_whose_minutes_they_are(annotate) -> None:
    doc = annotate(
        "1 NORRDALS SKOLFÖRBUND SAMMANTRÄDESPROTOKOLL Plats och tid Förbundskontoret, kl 13.00 "
        "Ledamöter Anna Berg, Per Ek\n"
    )
    assert _meeting(doc)[1] == "NORRDALS SKOLFÖRBUND"


def test_a_singular_minutes_word_before_the_date_is_no_body(annotate) -> None:
    doc = annotate(
        "Minnesanteckning 2015-10-01, Videokonferens\nRegionalt vårdråd för Norrdalen\n"
        "Närvarande:\nAnna Berg, ordförande\nPer Ek, sekreterare\n"
    )
    assert _meeting(doc)[1] == "Regionalt vårdråd för Norrdalen"


def test_the_body_before_an_extract_of_its_minutes_is_the_body_that_met(annotate) -> None:
    doc = annotate(
        "Transkript\n\n1 Regionstyrelsens plan- och byggutskott PROTOKOLLSUTDRAG SID 1(3) RS-LED /16 Ombyggnad "
        "av hus A Diarienummer: RS-LED Behandlat av Mötesdatum Ärendenr 1 Regionstyrelsens plan- och /16 "
        "byggutskott 2 Regionstyrelsen 3 Regionfullmäktige Plan- och byggutskottets förslag Regionstyrelsens "
        "förslag till regionfullmäktiges beslut 1. Ombyggnad godkänns. 3. Detta beslut ersätter tidigare beslut "
        "i regionstyrelsen den 8 oktober. Plan- och byggutskottets förslag Regionstyrelsens beslut för egen del\n"
    )
    assert _meeting(doc)[1] == "Regionstyrelsens plan- och byggutskott"
