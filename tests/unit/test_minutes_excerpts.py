"""Excerpts of a search hit: the words the index matched, marked apart from the text around them."""

from __future__ import annotations

from samkarta.graph.search_text import matching_spans, search_tokens
from samkarta.queries.minutes import excerpts

TEXT = (
    "Minnesanteckningar\n\n1. Rekrytering av familjehem\n\nAgneta informerar om länets kampanj för "
    "familjehemmen i **Västmanland**. " + "Övrigt utan sökord. " * 30 + "Sist nämns Familjehemsvården igen."
)


def test_every_word_the_index_would_match_is_found_and_no_other() -> None:
    spans = matching_spans(TEXT, search_tokens("familjehemmet"))
    assert [TEXT[a:b] for a, b in spans] == ["familjehem", "familjehemmen", "Familjehemsvården"]
    assert matching_spans(TEXT, search_tokens("och i att")) == []  # stop words find nothing
    assert [TEXT[a:b] for a, b in matching_spans(TEXT, search_tokens("kampanjer länet"))] == ["länets", "kampanj"]


def test_near_hits_share_an_excerpt_far_ones_get_their_own_and_edges_are_whole_words() -> None:
    spans = matching_spans(TEXT, search_tokens("familjehem"))
    found = excerpts(TEXT, spans)
    assert len(found) == 2
    first, last = found
    assert [s.text for s in first.segments if s.hit] == ["familjehem", "familjehemmen"]
    assert TEXT[first.start : first.end] == "familjehem"
    assert [s.text for s in last.segments if s.hit] == ["Familjehemsvården"] and last.segments[0].text == "…"
    plain = "".join(s.text for s in first.segments)
    assert "\n" not in plain and "**" not in plain and "Västmanland" in plain  # marks hidden, lines joined
    words = set(TEXT.split())
    assert all(w in words or w == "…" for s in last.segments[1:-1] if not s.hit for w in s.text.split()[1:-1])


def test_at_most_three_excerpts_and_none_without_hits() -> None:
    text = " ".join(f"ord{i} BBIC" + " fyllnad" * 40 for i in range(6))
    assert len(excerpts(text, matching_spans(text, search_tokens("bbic")))) == 3
    assert excerpts(text, []) == []
