"""Direct statements on hand-written paragraphs (fictional people): quotations over paragraphs
whose marks the printer left out, documents and passive reports as speakers, and speech
transcripts a headline attributes."""

from __future__ import annotations

from etl.extract.quotes import find_quotes
from tests.extract_support import extract, statements


def test_a_quotation_whose_next_paragraph_drops_its_opening_mark() -> None:
    text = "\"So the talks matter today.\n\nMoreover, the risks are small,\" Vale said."
    assert [(q.text, q.open_ended) for q in find_quotes(text)] == [
        ("So the talks matter today.", True), ("Moreover, the risks are small,", False)]


def test_both_paragraphs_of_a_quotation_without_the_second_mark_are_the_speakers() -> None:
    facts = extract(
        "President Tomas Vale received Deputy Prime Minister Anna Berg on Monday.\n\n"
        "\"So there is a topic for discussion, and this topic is important for our region.\n\n"
        "Moreover, the situation is developing positively, and the risks of escalation are "
        "minimal,\" President Vale emphasized.\n",
        published="2031-04-01")
    assert statements(facts) == [
        ("Tomas Vale", "direct", "So there is a topic for discussion, and this topic is important for our region."),
        ("Tomas Vale", "direct", "Moreover, the situation is developing positively, and the risks of escalation are minimal"),
    ]


def test_a_paragraph_that_closes_no_open_quotation_is_left_alone() -> None:
    text = "Vale arrived on Monday.\n\nThe risks are small,\" Vale said."
    assert find_quotes(text) == []
