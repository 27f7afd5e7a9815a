"""Domain props to native Neo4j values and back: what the schema types as a date becomes one, and
reading gives back exactly what was written."""

from __future__ import annotations

import datetime as dt

import pytest

from samkarta.errors import InvalidInput
from samkarta.graph.neo4j_values import NODE_FIELDS, REL_FIELDS, props_of, to_neo4j
from samkarta.graph.redaction import REDACTED, redact_value


def test_schema_dates_become_dates_and_read_back_as_written() -> None:
    props = {"date": "2021-03-04", "next_meeting": "2021-04-01", "body": "Norrby nätverk", "doc_id": "document-1"}
    stored = to_neo4j("Meeting", props, NODE_FIELDS)
    assert stored["date"] == dt.date(2021, 3, 4) and stored["next_meeting"] == dt.date(2021, 4, 1)
    assert stored["body"] == "Norrby nätverk"
    assert props_of({**stored, "id": "meeting-1", "name": "Möte", "search_text": "x"}, NODE_FIELDS) == props


def test_a_date_that_is_not_iso_stays_a_string() -> None:
    for odd in ("20210304", "4 mars 2021", "2021-3-4"):
        assert to_neo4j("Meeting", {"date": odd}, NODE_FIELDS) == {"date": odd}


def test_only_schema_dates_are_converted_and_lists_stay_lists() -> None:
    stored = to_neo4j("ATTENDED", {"roles": ["chair", "present"], "date": "2020-01-02"}, REL_FIELDS)
    assert stored == {"roles": ["chair", "present"], "date": dt.date(2020, 1, 2)}
    assert to_neo4j("Network", {"key": "2021-01-01"}, NODE_FIELDS) == {"key": "2021-01-01"}


def test_missing_values_are_no_property_and_fields_are_not_props() -> None:
    assert to_neo4j("Action", {"assignee": None, "status": "open"}, NODE_FIELDS) == {"status": "open"}
    with pytest.raises(InvalidInput):
        to_neo4j("HANDED_OFF", {"quote": "a prop named like a field"}, REL_FIELDS)


def test_redaction_reaches_strings_inside_lists() -> None:
    value = ["Anna Berg", "ordförande", {"who": ["A. Berg"]}, 3]
    assert redact_value(value, ["Anna Berg"]) == [REDACTED, "ordförande", {"who": [REDACTED]}, 3]
