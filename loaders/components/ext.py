"""The custom attributes the components add to a Doc and its Spans (registered once)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register() -> None:
    for name, default in (
        ("content_start", 0),  # where the minutes begin (after a saved viewer page's title)
        ("header_end", 0),  # where the first agenda item starts
        ("lines", None),  # [(start_char, end_char)] of non-empty lines, stripped
        ("people", None),  # {key: PersonRecord}, filled by samkarta_people and samkarta_attendance
        ("meeting", None),  # MeetingFact, filled by samkarta_meeting
        ("outcomes", None),  # {"decisions": [...], "actions": [...], "handoffs": [...]}
        ("sentences", None),  # [(start token, end token)] of every sentence, set once by samkarta_layout
        ("token_starts", None),  # [token.idx] for offset look-ups without scanning the Doc
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in (
        ("roles", ()),  # roles a label gives the people under it
        ("field", None),  # what a header field holds: date, place, body, other
        ("ref", None),  # reference value: SCB code, county name or canonical organisation
        # the organisation kind of a reference hit (its label says municipality, county or organization)
        ("ref_kind", None),
        ("ambiguous", False),  # a reference name that is also a common word or given name
        ("number", None),  # an agenda item's number
        ("title", None),  # an agenda item's title as (start_char, end_char)
        ("confidence", 1.0),
    ):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
