"""Years of a body and a question: what counts as a year, and how a long span is listed."""

from __future__ import annotations

from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.queries.questions import _resolve
from samkarta.queries.timeline import body_years, trail_years, year_of
from samkarta.queries.view import GraphView
from tests.contract.store_contract import MINUTES, batch_of


def test_a_year_is_read_from_a_full_or_partial_iso_date_only() -> None:
    assert [year_of(d) for d in ("2021-04-16", "2019-05", "", None, "16 april 2021", "21-04-16")] == [
        2021,
        2019,
        None,
        None,
        None,
        None,
    ]


def test_years_between_are_listed_empty_unless_the_span_is_implausibly_long() -> None:
    store = SQLiteStore.open(":memory:")
    store.write_document(batch_of(MINUTES))
    store.write_document(batch_of(MINUTES.replace("2023-03-09", "1990-03-09"), "/minutes/old.txt", "c" * 64))
    snap = GraphView(store).current()
    found = body_years(snap, _resolve(snap, "Länsgrupp för familjehemsfrågor", {"Network"}))
    # 33 years apart (a misread date, most likely): the two years with meetings, not 31 empty ones between
    assert [(y.year, y.meetings) for y in found.years] == [(1990, 1), (2023, 1)]
    assert found.years[1].joined == [] and found.years[1].left == []  # the same people both times


def test_minutes_without_a_date_count_in_no_year_but_are_kept_apart() -> None:
    store = SQLiteStore.open(":memory:")
    store.write_document(batch_of(MINUTES.replace(" 2023-03-09", "")))
    snap = GraphView(store).current()
    body = _resolve(snap, "Länsgrupp för familjehemsfrågor", {"Network"})
    members = body_years(snap, body)
    assert (members.years, members.undated_meetings) == ([], 1)
    trail = trail_years(store, snap, "gemensam annonsering")
    assert trail.years == []
    assert {(s.network, s.kind) for s in trail.undated} >= {("Socialchefsnätverket", "handoff_received")}
    assert [(h.from_name, h.to_name, h.date) for h in trail.undated_handoffs] == [
        ("Länsgrupp för familjehemsfrågor", "Socialchefsnätverket", None)
    ]
