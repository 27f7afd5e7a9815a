"""samkarta_glued: words a saved table ran together are two tokens; the text is unchanged."""

from __future__ import annotations


def _people(doc) -> list[str]:
    return [s.text for s in doc.spans["person"]]


def test_a_place_or_organisation_run_into_a_name_is_split(annotate) -> None:
    text = "Närvarande\nNorrbyLena Holm\nArbetsförmedlingenPer Ek\n"
    doc = annotate(text)
    assert doc.text == text
    assert _people(doc) == ["Lena Holm", "Per Ek"]
    assert "Arbetsförmedlingen" in [s.text for s in doc.spans["ref"]]


def test_a_surname_run_into_the_next_given_name_is_split(annotate) -> None:
    doc = annotate("Närvarande\nLena LindqvistKarin Ek\n")
    assert _people(doc) == ["Lena Lindqvist", "Karin Ek"]


def test_a_given_name_run_into_its_surname_is_split_but_not_into_a_short_tail(annotate) -> None:
    doc = annotate("Närvarande\nLena Holm\nKarinSöderlund\nPer Ek\n\n1. Rapport från LisaNet:s ledning\n")
    assert sorted(doc._.people) == ["Karin Söderlund", "Lena Holm", "Per Ek"]
    assert "LisaNet:s" in [t.text for t in doc]  # a short tail and its genitive stay whole


def test_double_given_names_and_brand_names_stay_whole(annotate) -> None:
    doc = annotate("Närvarande\nAnnaKarin Holm\nPer Ek visade en PowerPoint om SmåLe Ledarskap.\n")
    words = [t.text for t in doc]
    assert "AnnaKarin" in words and "PowerPoint" in words and "SmåLe" in words


def test_a_label_run_into_its_value_is_split(annotate) -> None:
    text = "Protokoll från Trygghetsrådet 2021-06-02\n\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum:4 maj 2021\n"
    doc = annotate(text)
    assert doc.text == text
    assert [s.text for s in doc.spans["label"]] == ["Sammanträdesdatum:"]
    assert doc._.meeting.date.isoformat() == "2021-05-04"
    doc = annotate("Protokoll\nMötesdatum2021-05-04\nPlats:Stadshuset\n")
    assert [s.text for s in doc.spans["label"]] == ["Mötesdatum", "Plats:"]
    assert [s.text for s in doc.spans["field"]] == ["2021-05-04", "Stadshuset"]
    assert [t.text for t in annotate("Datumet var fel.\n")][0] == "Datumet"
