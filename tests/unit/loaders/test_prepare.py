"""Text preparation: furniture blanked with offsets kept, long texts cut into parts."""

from __future__ import annotations

from samkarta.loaders.prepare import chunks, content_start, prepare


def test_prepared_text_keeps_every_offset_and_line_break() -> None:
    text = "Protokoll\nKontakt: anna.berg@exempel.se, https://exempel.se/x\n\nNärvarande: Anna Berg"
    out = prepare(text)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert "@" not in out and "https" not in out
    assert out.index("Anna Berg") == text.index("Anna Berg")


def test_a_letter_spaced_decision_word_is_joined_in_place_but_an_abbreviation_is_not() -> None:
    text = "Nämnden BESLUTAR: A t t anta planen, B e s l u t: klart, t o m 2020, p g a detta, x a t t y"
    out = prepare(text)
    assert len(out) == len(text)
    assert out == "Nämnden BESLUTAR: Att   anta planen, Beslut     : klart, t o m 2020, p g a detta, x a t t y"


def test_a_viewer_page_keeps_its_title_but_loses_its_buttons() -> None:
    text = 'Styrgruppen\n\nStorlek: px\nDownload "Styrgruppen 2021-03-04"\n\nTranskript\n\n1 Styrgruppen 2021-03-04'
    out = prepare(text)
    assert "Storlek" not in out and "Download" not in out
    assert "Styrgruppen 2021-03-04" in out.split("\n")[3]  # the title line stays, with its date
    assert content_start(text) == text.index("Transkript") + len("Transkript")


def test_related_documents_of_a_viewer_page_are_blanked() -> None:
    text = "Titel\nRelevanta dokument\nAnnat protokoll från Falun\nTranskript\nMinnesanteckningar"
    assert "Falun" not in prepare(text)


def test_parts_cover_the_text_and_end_at_blank_lines() -> None:
    text = ("Rad ett.\n" * 30 + "\n") * 40
    parts = chunks(text, 1000)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:], strict=False))
    assert all(e - s <= 1000 for s, e in parts)
    assert all(text[e : e + 2] == "\n\n" for s, e in parts[:-1])
