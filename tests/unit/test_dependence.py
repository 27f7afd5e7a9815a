"""Who carries a question: the named person, and nobody when the minutes' given name is ambiguous."""

from __future__ import annotations

import pytest

from samkarta.errors import NotFound
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.queries.dependence import dependents
from samkarta.queries.questions import _resolve
from samkarta.queries.view import GraphView, Snapshot
from tests.contract.store_contract import MINUTES, batch_of


def _snapshot(text: str) -> Snapshot:
    store = SQLiteStore.open(":memory:")
    store.write_document(batch_of(text))
    return GraphView(store).current()


def test_the_chair_who_takes_a_question_on_carries_it_and_leads_the_body() -> None:
    snap = _snapshot(MINUTES)
    found = dependents(snap, _resolve(snap, "Torbjörn Wahlgren", {"Person"}))
    assert [(b.reason, b.name) for b in found.bodies] == [("chair", "Länsgrupp för familjehemsfrågor")]
    assert "ordf." in found.bodies[0].evidence[0].quote
    [handoff] = found.handoffs
    assert handoff.question == "gemensam annonsering" and handoff.evidence.quote.startswith("Torbjörn ska")
    assert [a.assignee for a in found.actions] == ["Torbjörn Wahlgren"]
    other = dependents(snap, _resolve(snap, "Agneta Lövgren", {"Person"}))
    assert (other.bodies, other.actions, other.handoffs) == ([], [], [])


def test_a_given_name_two_people_present_share_credits_neither() -> None:
    snap = _snapshot(MINUTES.replace("Fredrik Ödman Köping", "Torbjörn Ek Köping"))
    for name in ("Torbjörn Wahlgren", "Torbjörn Ek"):
        assert dependents(snap, _resolve(snap, name, {"Person"})).handoffs == [], name


def test_a_body_holds_the_questions_handed_to_it_and_others_have_no_dependants() -> None:
    snap = _snapshot(MINUTES)
    target = dependents(snap, _resolve(snap, "Socialchefsnätverket", {"Network"}))
    assert [h.question for h in target.handoffs] == ["gemensam annonsering"]
    assert [b.name for b in target.bodies] == ["Länsgrupp för familjehemsfrågor"]  # it meets no other
    assert target.bodies[0].reason == "only_contact" and target.bodies[0].via == []
    sala = _resolve(snap, "Sala", {"Municipality"})
    with pytest.raises(NotFound):
        dependents(snap, sala)
