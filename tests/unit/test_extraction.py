"""Extraction behaviour on invented minutes (names and bodies that appear in no corpus file)."""

from __future__ import annotations

import datetime as dt

from samkarta.loaders.extract import extract_text
from tests.support import GOLD_KEYS, MEETING_KEYS

INLINE = """Minnesanteckningar

Länsgrupp för familjehemsfrågor 2023-03-09

Närvarande: Torbjörn Wahlgren ordf. Sala, Agneta Lövgren Region Västmanland, Fredrik Ödman Köping

1. Föregående anteckningar

Anteckningarna läggs till handlingarna.

2. Rekrytering av familjehem

Agneta Lövgren informerar om länets kampanj. Torbjörn ska ta med sig frågan om gemensam annonsering till \
Socialchefsnätverket. Stina Rehn från Länsstyrelsen Västmanland kommer på nästa möte.

Länsgruppen beslutade
att ställa sig bakom kampanjen.

Nästa möte den 4 maj kl 9.00.

Medskick till Socialchefsnätverket:

Gemensam annonsering
"""

LINES = """Protokoll

Styrgrupp för Trygg start i Jämtlands län

Datum: 12 oktober 2022

Tid: 13.00-15.00

Närvarande är:

Gunilla Åberg-Lind, Östersund, ordförande

Mattias Berglund, Krokom

Yasmin Haddad, Region Jämtland Härjedalen

Frånvarande är:

Olof Persson, Strömsund
"""


def _person(result, name):
    return next(p for p in result.people if p.name == name)


def test_inline_attendees_with_roles_and_affiliations() -> None:
    r = extract_text(INLINE)
    assert r.meeting.date == dt.date(2023, 3, 9)
    assert r.meeting.body == "Länsgrupp för familjehemsfrågor"
    assert r.meeting.region == "Västmanland"
    assert r.meeting.next_meeting == dt.date(2023, 5, 4)
    chair = _person(r, "Torbjörn Wahlgren")
    assert chair.affiliation == "Sala" and {"chair", "present"} <= set(chair.roles)
    assert _person(r, "Agneta Lövgren").affiliation == "Region Västmanland"
    assert "presenter" in _person(r, "Agneta Lövgren").roles
    assert _person(r, "Fredrik Ödman").affiliation == "Köping"
    guest = _person(r, "Stina Rehn")
    assert guest.affiliation == "Länsstyrelsen Västmanland" and guest.roles == ["mentioned"]


def test_first_name_mentions_resolve_to_the_attendee() -> None:
    r = extract_text(INLINE)
    assert {p.name for p in r.people} == {"Torbjörn Wahlgren", "Agneta Lövgren", "Fredrik Ödman", "Stina Rehn"}
    action = next(a for a in r.actions if "annonsering" in a.text)
    assert action.assignee == "Torbjörn Wahlgren"


def test_decisions_actions_and_handoffs_with_evidence() -> None:
    r = extract_text(INLINE)
    texts = [d.text for d in r.decisions]
    assert "att ställa sig bakom kampanjen" in texts
    assert any("läggs till handlingarna" in t for t in texts)
    assert [(h.question, h.to) for h in r.handoffs] == [("Gemensam annonsering", "Socialchefsnätverket")]
    for fact in [*r.decisions, *r.actions, *r.handoffs, *r.people]:
        ev = fact.evidence[0]
        assert INLINE[ev.start : ev.end].strip() and ev.quote


def test_one_person_per_line_with_absentees() -> None:
    r = extract_text(LINES)
    assert r.meeting.date == dt.date(2022, 10, 12)
    assert r.meeting.region == "Jämtland"
    assert r.meeting.body and r.meeting.body.startswith("Styrgrupp för Trygg start")
    assert _person(r, "Gunilla Åberg-Lind").roles == ["chair", "present"]
    assert _person(r, "Gunilla Åberg-Lind").affiliation == "Östersund"
    assert _person(r, "Yasmin Haddad").affiliation == "Region Jämtland Härjedalen"
    assert _person(r, "Olof Persson").roles == ["absent"]
    assert {m.name for m in r.municipalities} == {"Östersund", "Krokom", "Strömsund"}


def test_political_protocol_blob_with_party_markers() -> None:
    text = (
        "Protokoll från sammanträde med beredningen för välfärd Dag och tid: Onsdag den 6 mars 2019 kl 10 "
        "Ledamöter Närvarande: Ingrid Holm (C), ordförande, Skövde Per-Olof Dahl (S), Mariestad "
        "Inte närvarande: Kerstin Ahlgren (M), Tibro Sekreterare: Jonna Ekström, Skaraborgs kommunalförbund\n"
        "1 Justerare Per-Olof Dahl utses att tillsammans med ordföranden justera protokollet."
    )
    r = extract_text(text)
    assert r.meeting.date == dt.date(2019, 3, 6)
    assert r.meeting.body == "beredningen för välfärd"
    assert _person(r, "Ingrid Holm").roles == ["chair", "present"]
    assert _person(r, "Ingrid Holm").party == "C"
    assert _person(r, "Ingrid Holm").affiliation == "Skövde"
    assert _person(r, "Kerstin Ahlgren").roles == ["absent"]
    assert {"secretary", "present"} <= set(_person(r, "Jonna Ekström").roles)
    assert _person(r, "Jonna Ekström").affiliation == "Skaraborgs kommunalförbund"


def test_gold_shaped_output_keys() -> None:
    out = extract_text(INLINE).to_output(evidence=False)
    assert set(out) == GOLD_KEYS
    assert set(out["meeting"]) == MEETING_KEYS
    assert set(out["people"][0]) == {"name", "affiliation", "roles"}


def test_table_header_bullets_and_paragraph_protocol() -> None:
    table = (
        "Protokoll\n\nSamverkansgruppen barn och unga i Halland\n\nDatum: 2024-02-14\n\nNärvarande\n\n"
        "Namn, Organisation\nKarin Ljungqvist, Halmstad\nOmid Rahimi, Region Halland\n\n1. Inledning\n"
        "Mötet öppnades av ordförande Karin Ljungqvist.\n"
    )
    r = extract_text(table)
    assert [(p.name, p.affiliation, p.roles) for p in r.people] == [
        ("Karin Ljungqvist", "Halmstad", ["chair", "present"]),
        ("Omid Rahimi", "Region Halland", ["present"]),
    ]
    bullets = (
        "Minnesanteckningar IFO-chefsnätverket Kalmar län 5 mars 2023\n\nDeltagare:\n"
        "- Sven-Erik Lund (ordf.), Kalmar\n- Jenny Holm, Nybro\n* Lisa Ekström (sekr.), Region Kalmar län\n\n"
        "Förhinder: Per Ohlsson, Mörbylånga\n\n§ 1 Föregående protokoll\nProtokollet lades till handlingarna.\n"
        "§ 2 Familjehem\nJenny informerade om rekryteringen. Frågan skickas vidare till Socialchefsnätverket.\n"
        "Nästa möte: 12 april 2023.\n"
    )
    r = extract_text(bullets)
    assert r.meeting.date == dt.date(2023, 3, 5) and r.meeting.next_meeting == dt.date(2023, 4, 12)
    assert r.meeting.region == "Kalmar"
    assert _person(r, "Sven-Erik Lund").roles == ["chair", "present"]
    assert _person(r, "Lisa Ekström").roles == ["present", "secretary"]
    assert _person(r, "Per Ohlsson").roles == ["absent"]
    assert "presenter" in _person(r, "Jenny Holm").roles
    assert [d.text for d in r.decisions] == ["Protokollet lades till handlingarna"]
    assert [(h.question, h.to) for h in r.handoffs] == [("Familjehem", "Socialchefsnätverket")]


def test_names_outside_the_dictionary_and_affiliations_in_running_text() -> None:
    text = (
        "Minnesanteckningar\n\nNätverket för familjehemsfrågor i Gävleborg 2024-09-12\n\n"
        "Närvarande: Dragan Kovačević Sandviken, Rasmira Holm Larzon BUP, Tove Ek Hudiksvall\n\n"
        "Föredragande: Sanna Lindqvist, Handläggare Länsstyrelsen Gävleborg\n\n1. Information\n\n"
        "Vi hälsar Petra Jansson välkommen som ny strateg på Region Gävleborg. Beslut: att utse Rasmira Holm "
        "Larzon till representant. Zlatan Eriksson Persson, FoU Välfärd Region Gävleborg, har anställts som "
        "samordnare. Tove Ek berättar om erfarenheterna från Signs of Safety i Falun.\n"
    )
    r = extract_text(text)
    people = {p.name: p for p in r.people}
    assert set(people) == {
        "Dragan Kovačević",
        "Rasmira Holm Larzon",
        "Tove Ek",
        "Sanna Lindqvist",
        "Petra Jansson",
        "Zlatan Eriksson Persson",
    }
    assert people["Dragan Kovačević"].affiliation == "Sandviken"
    assert people["Sanna Lindqvist"].affiliation == "Länsstyrelsen Gävleborg"
    assert people["Petra Jansson"].affiliation == "Region Gävleborg"
    assert people["Zlatan Eriksson Persson"].affiliation == "FoU Välfärd Region Gävleborg"
    assert people["Tove Ek"].affiliation == "Hudiksvall"  # not the place she talked about


def test_a_next_meeting_never_becomes_the_meeting_date() -> None:
    text = (
        "Minnesanteckningar – Länsnätverket för barn och unga i Värmland\n\nDatum: 7 oktober 2025\n\n"
        "1. Familjehem\n\nNästa möte den 2 december.\n"
    )
    r = extract_text(text)
    assert r.meeting.date == dt.date(2025, 10, 7)
    assert r.meeting.next_meeting == dt.date(2025, 12, 2)


def test_titled_works_after_a_work_noun_are_projects() -> None:
    text = (
        "Minnesanteckningar\n\nLänsnätverket för äldreomsorg i Västernorrland 2025-03-04\n\n1. Kunskapsstöd\n\n"
        "Regionen har tagit fram vägledningen Trygg hemgång som kan användas lokalt. Vi läste rapporten "
        "Vård som förebyggande insats. Kommunerna prövar arbetsmaterialet Steg för steg och rapporterar i maj.\n"
    )
    projects = {p.name for p in extract_text(text).projects}
    # a relative "som" ends a title, a "som" between nouns does not
    assert {"Trygg hemgång", "Vård som förebyggande insats", "Steg för steg"} <= projects


def test_units_boards_and_shortened_reference_names_are_organisations() -> None:
    text = (
        "Minnesanteckningar\n\nLänsnätverket för socialtjänst i Uppsala län 2025-05-20\n\n"
        "Närvarande: Kim Berglund, FoU Sjuhärad, Ali Demir, FoU Norrtälje\n\n1. Information\n\n"
        "Från förvaltningen Vård och omsorg kommer en ny chef. Länsstyrelsen i Uppsala län och "
        "Länsstyrelsen Kalmar län har ett gemensamt uppdrag. Länsstyrelsen i Uppsala län bjuder in. "
        "Länsstyrelsen återkommer.\n"
    )
    result = extract_text(text)
    orgs = {o.name: o for o in result.organizations}
    assert not [n.name for n in result.networks if "styrelsen" in n.name]  # an agency, not a board
    assert "Vård och omsorg" in orgs  # a named unit, up to the verb
    # two boards stay two; the bare mention goes to the one named most often
    boards = {o.ref: len(o.evidence) for o in orgs.values() if o.ref and o.ref.startswith("Länsstyrelsen")}
    assert boards == {"Länsstyrelsen Uppsala": 3, "Länsstyrelsen Kalmar": 1}
    # an affiliation that shortens one reference entry links to it
    assert orgs["FoU Sjuhärad"].ref == "FoU Sjuhärad Välfärd"
    assert orgs["FoU Norrtälje"].ref is None  # shortens nothing known


def test_a_passive_decision_in_a_flattened_page_starts_at_its_subject() -> None:
    # a PDF page whose header lost its line breaks: one 'sentence' from the title to the first decision
    text = (
        "Protokoll från sammanträde med styrgruppen för äldreomsorg Plats: Kommunhuset Närvarande: "
        "Maja Holmgren (S), ordförande, Hörby Erik Lindell (M), Sjöbo Nora Falk (C), Tomelilla Övriga: "
        "Pia Sand, sekreterare 1 Justering Erik Lindell utses att tillsammans med ordföranden justera protokollet.\n"
    )
    decisions = [d.text for d in extract_text(text).decisions]
    assert decisions[0] == "Erik Lindell utses att tillsammans med ordföranden justera protokollet"


def test_actions_by_bodies_after_run_in_headings_and_for_coming_meetings() -> None:
    text = (
        "Minnesanteckningar\n\nLänsnätverket för funktionshinder i Blekinge 2025-04-08\n\n"
        "Närvarande: Johanna Strand, Karlshamn, Mehmet Aydin, Ronneby\n\n1. Aktuellt\n\n"
        "Utbildningsdagar: Johanna kommer att delta på två utbildningsdagar i Lund. "
        "Mehmet Aydin rapporterar om boendeplaneringen på ledningsgruppens möte den 3 juni. "
        "Mehmet Aydin rapporterar att kön har minskat. "
        "Arbetsgruppen uppmanar alla enheter att anmäla deltagare. "
        "Frågan om korttidsboende blir aktuell på nästa möte. "
        "Ronneby kommer att få en ny nämnd efter valet.\n"
    )
    actions = [(a.text, a.assignee) for a in extract_text(text).actions]
    assert actions == [
        ("Utbildningsdagar: Johanna kommer att delta på två utbildningsdagar i Lund", "Johanna Strand"),
        ("Mehmet Aydin rapporterar om boendeplaneringen på ledningsgruppens möte den 3 juni", "Mehmet Aydin"),
        ("Arbetsgruppen uppmanar alla enheter att anmäla deltagare", None),
        ("Frågan om korttidsboende blir aktuell på nästa möte", None),
    ]


def test_affiliations_from_employment_and_genitive_employers() -> None:
    text = (
        "Minnesanteckningar\n\nLänsnätverket för missbruksvård i Skåne 2025-02-11\n\n"
        "Närvarande: Sofia Brandt, Eslöv, Jonas Lind, Höör\n\n1. Information\n\n"
        "Vi hälsar Amira Nasser välkommen. Amira börjar sin nya tjänst på Socialstyrelsen den 1 mars. "
        "Mötet gästades av SKR:s handläggare Oskar Pihl och av Länsstyrelsens samordnare Lena Rask. "
        "Jonas Lind arbetar vidare med frågan.\n"
    )
    people = {p.name: p.affiliation for p in extract_text(text).people}
    assert people["Amira Nasser"] == "Socialstyrelsen"
    assert people["Oskar Pihl"] == "SKR"
    assert people["Lena Rask"] == "Länsstyrelsen"
    assert people["Jonas Lind"] == "Höör"  # 'arbetar vidare med' is no employer


def test_table_cells_keep_title_and_organisation_apart() -> None:
    for bar in (" | ", ", "):  # a text table, and a .docx table as the reader renders it
        text = (
            "Minnesanteckningar\n\nSamverkansgruppen för skolfrånvaro i Uppsala län\n\nDatum: 2024-10-17\n\n"
            f"Deltagare\nNamn{bar}Funktion{bar}Organisation\n"
            f"Ingrid Sjöberg{bar}Socialchef{bar}Enköpings kommun\n"
            f"Mohammed Al-Hassan{bar}Verksamhetschef BUP{bar}Region Uppsala\n"
            f"Per-Olof Nyman{bar}Samordnare IFO/BoU{bar}Tierps kommun\n\n1. Inledning\nMötet öppnades.\n"
        )
        people = {p.name: p.affiliation for p in extract_text(text).people}
        assert people == {
            "Ingrid Sjöberg": "Enköping",
            "Mohammed Al-Hassan": "Region Uppsala",
            "Per-Olof Nyman": "Tierp",
        }, bar


def test_date_line_with_place_decision_label_and_responsible_label() -> None:
    text = (
        "Anteckningar från IFO-chefsnätverket i Västerbotten\n2024-05-22, Teams\n\n"
        "Närvarande: Maja Öhman (Skellefteå), Jukka Niemi (Vilhelmina)\n\n"
        "1. Placeringar\nDiskussion om kostnader. Beslut: Nätverket ställer sig bakom förslaget om gemensam "
        "upphandling.\nKostnaderna sammanställs inför hösten.\nAnsvarig: Jukka Niemi\n\n"
        "2. Övrigt\nMaja Öhman berättade om sommaren.\nAnsvarig för nästa möte är Maja.\n"
    )
    r = extract_text(text)
    assert r.meeting.date == dt.date(2024, 5, 22)
    assert [d.text for d in r.decisions] == ["Nätverket ställer sig bakom förslaget om gemensam upphandling"]
    assert [(a.text, a.assignee) for a in r.actions] == [("Kostnaderna sammanställs inför hösten", "Jukka Niemi")]


def test_middle_initials_weekday_dates_and_action_tables() -> None:
    text = (
        "Minnesanteckningar\nStyrgrupp för skolhälsa i Sörmland\n"
        "Måndag 4 mars 2024 kl. 09.00–11.00, Regionhuset Nyköping\n\n"
        "Närvarande ledamöter\nAnna B. Svensson, socialchef, Eskilstuna kommun\nGöran Lindh, Katrineholms kommun\n\n"
        "Åtgärdslista\n| Vad | Vem | När |\n|---|---|---|\n| Ta fram lokalförslag | Göran | april |\n"
        "| Bjuda in regionen | Anna B. Svensson | nästa möte |\n\n§ 1 Lägesrapport\nInget att rapportera.\n"
    )
    r = extract_text(text)
    assert r.meeting.date == dt.date(2024, 3, 4)
    assert [(p.name, p.affiliation) for p in r.people] == [
        ("Anna B. Svensson", "Eskilstuna"),
        ("Göran Lindh", "Katrineholm"),
    ]
    assert [(a.text, a.assignee) for a in r.actions] == [
        ("Ta fram lokalförslag", "Göran Lindh"),
        ("Bjuda in regionen", "Anna B. Svensson"),
    ]
    assert r.actions[0].evidence[0].quote.startswith("| Ta fram lokalförslag")


def test_dash_separated_entries_note_taker_and_a_question_for_the_next_meeting_with_a_body() -> None:
    text = (
        "Minnesanteckningar RSS-nätverket Kalmar län 2023-11-08\n\nNärvarande:\n"
        "Lotta Hedberg – Kalmar kommun (ordf)\nNiklas Jönsson – Västervik, niklas.jonsson@vastervik.se\n\n"
        "1. Kunskapsstyrning\nNätverket beslutade att ta upp frågan på nästa möte med socialcheferna.\n"
        "Lotta tar med sig frågan om gemensam utbildning till Socialchefsnätverket.\n\n"
        "Vid anteckningarna: Niklas Jönsson\n"
    )
    r = extract_text(text)
    assert [(p.name, p.affiliation, p.roles) for p in r.people] == [
        ("Lotta Hedberg", "Kalmar", ["chair", "present"]),
        ("Niklas Jönsson", "Västervik", ["present", "secretary"]),
    ]
    assert [(h.question, h.to) for h in r.handoffs] == [
        ("Kunskapsstyrning", "Socialchefsnätverket"),
        ("gemensam utbildning", "Socialchefsnätverket"),
    ]


def test_protocol_with_a_dated_field_line_clause_lists_and_a_body_meeting_as_target() -> None:
    text = (
        "PROTOKOLL\nSammanträdesdatum 2022-09-13\n\nLedningsgruppen för Barn och unga i Gävleborg\n\n"
        "Beslutande\nKristina Mattsson, Sandviken, ordförande\nJohan Lundqvist, Hudiksvall\n\n"
        "§ 21 Samverkansöverenskommelse\nBeslut\nLedningsgruppen beslutar\n"
        "att godkänna förslaget till överenskommelse, samt\n"
        "att uppdra åt Johan Lundqvist att sammanställa synpunkter.\n\n"
        "§ 22 Information från länets nätverk\nIFO-chefsnätverket har lyft frågan om placeringskostnader. "
        "Frågan tas upp på Socialchefsnätverkets möte i oktober.\n"
    )
    r = extract_text(text)
    assert r.meeting.body == "Ledningsgruppen för Barn och unga i Gävleborg"
    assert {n.name for n in r.networks} == {"Ledningsgruppen för Barn och unga i Gävleborg", "IFO-chefsnätverket"}
    assert [d.text for d in r.decisions] == [
        "att godkänna förslaget till överenskommelse",
        "att uppdra åt Johan Lundqvist att sammanställa synpunkter",
    ]
    assert [(h.question, h.to) for h in r.handoffs] == [("om placeringskostnader", "Socialchefsnätverket")]


def test_places_heading_names_bullets_and_a_comma_after_the_document_type() -> None:
    text = (
        "Minnesanteckningar, Länsgruppen för äldreomsorg Gävleborg, 2023-02-15\n\nNärvarande:\n"
        "Ljusdal: Anna Berg, Kalle Nyström\nGävle: Maria Ek\nRegion Gävleborg: Per Olsson (sammankallande)\n\n"
        "• Anna informerade om läget i Ljusdal.\n"
        "• Per Olsson tar fram ett förslag till gemensam utbildning till nästa möte.\n"
        "• Beslut: Gruppen ställer sig bakom förslaget från Gävle.\n"
    )
    r = extract_text(text)
    assert r.meeting.body == "Länsgruppen för äldreomsorg Gävleborg"
    assert [(p.name, p.affiliation, p.roles) for p in r.people] == [
        ("Anna Berg", "Ljusdal", ["present", "presenter"]),
        ("Kalle Nyström", "Ljusdal", ["present"]),
        ("Maria Ek", "Gävle", ["present"]),
        ("Per Olsson", "Region Gävleborg", ["chair", "present"]),
    ]
    assert [d.text for d in r.decisions] == ["Gruppen ställer sig bakom förslaget från Gävle"]
    assert [(a.text, a.assignee) for a in r.actions] == [
        ("Per Olsson tar fram ett förslag till gemensam utbildning till nästa möte", "Per Olsson")
    ]


def test_places_and_offices_are_not_people() -> None:
    text = (
        "Minnesanteckningar\n\nStyrelsen för Kommunförbundet Norrbotten 2024-06-11\n\n1. Internationellt\n\n"
        "Ett gemensamt möte hölls i Kiel Europa Direktkontor i Luleå. Vi besökte också Anders Personsgatan 8. "
        "Styrelsen tackade Karin Lövgren för arbetet.\n"
    )
    assert [p.name for p in extract_text(text).people] == ["Karin Lövgren"]


def test_officials_in_an_organisations_own_protocol_work_for_it() -> None:
    protocol = (
        "Protokoll fört vid sammanträde med styrelsen för Samordningsförbundet Västra Mälardalen\n\n"
        "Tid: 14 mars 2024\n\nLedamöter\nAnders Holm (S), ordförande, Köpings kommun\nLars Ek (C)\n\n"
        "Tjänstemän\nHelena Wall, förbundschef\nJan Persson, sekreterare\n\n§ 12 Val av justerare\n"
        "Lars Ek utses att justera protokollet.\n"
    )
    people = {p.name: p.affiliation for p in extract_text(protocol).people}
    assert people == {
        "Anders Holm": "Köping",
        "Lars Ek": None,  # a member, not an official
        "Helena Wall": "Samordningsförbundet Västra Mälardalen",
        "Jan Persson": "Samordningsförbundet Västra Mälardalen",
    }
    network = (
        "Minnesanteckningar\n\nIFO-chefsnätverket i Västmanland 2024-03-14\n\n"
        "Närvarande: Eva Strand, Arboga\nÖvriga närvarande: Nils Berg\n\n1. Inledning\nMötet öppnades.\n"
    )
    people = {p.name: p.affiliation for p in extract_text(network).people}
    assert people == {"Eva Strand": "Arboga", "Nils Berg": None}  # a guest of a network is nobody's employee


def test_a_steering_group_named_after_a_joint_service_names_the_project() -> None:
    text = (
        "Minnesanteckningar\n\nStyrgrupp Barnahus Västmanland 2024-04-02\n\n"
        "Närvarande: Eva Strand, Västerås\n\n1. Lägesrapport\nInget nytt.\n"
    )
    r = extract_text(text)
    assert r.meeting.body == "Styrgrupp Barnahus Västmanland"
    assert [p.name for p in r.projects] == ["Barnahus"]


def test_assignments_reports_back_and_subjectless_handoffs() -> None:
    text = (
        "Minnesanteckningar\nIFO-chefsnätverket Jönköpings län 2024-02-06\n\n"
        "Närvarande: Sara Nyberg (Värnamo), Peter Lund (Vetlanda)\n\n1. Missbruk\n"
        "Sara Nyberg får i uppdrag att ta fram en gemensam rutin.\nPeter fick i uppdrag att kontakta regionen.\n"
        "Ärendet överlämnas till Länsstyrgruppen för beslut.\nLyfts till RSS styrgrupp.\n\n"
        "2. Övrigt\nSara Nyberg återrapporterar till nätverket i maj.\n"
    )
    r = extract_text(text)
    assert [a.assignee for a in r.actions] == ["Sara Nyberg", "Peter Lund", "Sara Nyberg"]
    assert [(h.question, h.to) for h in r.handoffs] == [("Missbruk", "Länsstyrgruppen"), ("Missbruk", "RSS styrgrupp")]
    assert "Länsstyrgruppen" in {n.name for n in r.networks}  # "för beslut" is no part of its name


def test_signature_label_apposition_before_the_verb_and_ministers() -> None:
    # a flattened PDF page: the note-taker's label runs straight into the minutes
    text = (
        "Minnesanteckningar från möte i Barnrättsdelegationen Tid och plats: måndag den 3 mars 2025 kl 10 "
        "Närvarande: Jakob Forsman (socialminister), Linnea Ek (Myndigheten för delaktighet), "
        "Omid Karimi (Socialstyrelsen) Minnesanteckningar: Klara Berg (Barnombudsmannen) "
        "Socialminister Jakob Forsman berättade om regeringens arbete. Omid Karimi Utredare vid Socialstyrelsen "
        "presenterade den nya vägledningen.\n"
    )
    people = {p.name: p for p in extract_text(text).people}
    assert people["Klara Berg"].roles == ["present", "secretary"]
    assert people["Jakob Forsman"].roles == ["present", "presenter"]  # not a second note-taker
    assert people["Jakob Forsman"].affiliation == "Regeringen"
    assert "presenter" in people["Omid Karimi"].roles  # verb after "Utredare vid Socialstyrelsen"


def test_the_region_as_actor_units_within_affiliations_and_fou_units() -> None:
    text = (
        "Minnesanteckningar\n\nLänsnätverket för äldreomsorg i Jämtland 2024-11-05\n\n"
        "Närvarande: Maja Ek, Utvecklingsledare Hälsa och omsorg, Region Jämtland Härjedalen, Nils Berg, Krokom\n\n"
        "1. Enkäten\nSvaren skickas till regionen för sammanställning. Kommunerna arbetar i regionen med "
        "olika modeller. FoU Krokom erbjuder stöd. Regionen bjuder in till nästa möte.\n"
    )
    r = extract_text(text)
    maja = next(p for p in r.people if p.name == "Maja Ek")
    assert (maja.affiliation, maja.unit) == ("Region Jämtland Härjedalen", "Hälsa och omsorg")
    orgs = {o.name: o for o in r.organizations}
    assert "Hälsa och omsorg" in orgs and orgs["Hälsa och omsorg"].kind == "unit"
    region = orgs["Region Jämtland Härjedalen"]
    # the list entry, "till regionen" and "Regionen bjuder in"; "i regionen" is the area
    assert [e.quote[:20] for e in region.evidence][1:] == ["Svaren skickas till ", "Regionen bjuder in t"]
    assert "FoU Krokom" in orgs


def test_the_body_referred_to_by_its_definite_group_word_is_the_body() -> None:
    text = (
        "Protokoll\nRegional styrgrupp för välfärdsteknik, Västra Götaland\nTid: 2025-05-14 kl. 13.00-15.00\n"
        "Ordförande: Helena Axelsson, Borås Stad\n\n§ 5 Uppföljning\n"
        "Styrgruppen beslutade att godkänna uppföljningen. Frågan lyfts till socialcheferna.\n"
    )
    networks = {n.name for n in extract_text(text).networks}
    assert networks == {"Regional styrgrupp för välfärdsteknik", "Socialchefsnätverket"}


def test_a_municipal_protocol_with_case_numbers_and_a_distribution_list() -> None:
    text = (
        "SAMMANTRÄDESPROTOKOLL\nSocialnämndens arbetsutskott\nSammanträdesdatum 2023-04-12\n\n"
        "Beslutande: Anna Svensson (S), ordförande, Erik Holm (M)\n\n§ 34 Dnr 2023/112\n"
        "Överenskommelse om samverkan kring barn och unga\n\nÄrendebeskrivning\nRegion Gävleborg har tagit fram "
        "en överenskommelse.\n\nBeslutet expedieras till\nRegion Gävleborg\nSocialchefsnätverket i Gävleborg\n"
    )
    r = extract_text(text)
    assert r.meeting.body == "Socialnämndens arbetsutskott"
    # 'Socialchefsnätverket' and 'Socialnämndens ...' share only 'social': two bodies
    assert {n.name for n in r.networks} == {"Socialnämndens arbetsutskott", "Socialchefsnätverket"}
    matter = "Överenskommelse om samverkan kring barn och unga"
    assert [(h.question, h.to) for h in r.handoffs] == [(matter, "Region Gävleborg"), (matter, "Socialchefsnätverket")]
