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


def test_this_is_stated_in_a_ministrys_message_attributes_the_quote() -> None:
    facts = extract(
        "On May 3, the foreign ministers of Norway and Denmark, Anna Berg and Lars Holm, had a "
        "telephone conversation which \"reviewed the fisheries agreement and the Arctic council.\" "
        "This is stated in the message of the Norwegian Foreign Ministry.\n",
        published="2031-05-04")
    assert statements(facts) == [
        ("Ministry of Foreign Affairs of Norway", "direct", "reviewed the fisheries agreement and the Arctic council."),
    ]


def test_which_says_after_a_published_message_is_its_authors() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway spoke with her Danish counterpart Lars Holm on May 3.\n\n"
        "The Danish Foreign Ministry also published a short message about the conversation between "
        "the ministers, which says that the ministers \"discussed the fishing quotas, as well as the "
        "situation in the Arctic.\"\n",
        published="2031-05-04")
    assert statements(facts) == [
        ("Ministry of Foreign Affairs of Denmark", "direct", "discussed the fishing quotas, as well as the situation in the Arctic."),
    ]


def test_which_of_a_person_is_no_document() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway met Lars Holm, which \"surprised many observers in the capital.\"\n",
        published="2031-05-04")
    assert [s for s in statements(facts) if s[1] == "direct"] == []


def test_a_headline_of_one_persons_remarks_gives_each_paragraph_of_the_speech_to_them() -> None:
    facts = extract(
        "Foreign Minister Anna Berg's opening remarks during talks with Danish Foreign Minister Lars Holm, Oslo, May 3, 2031\n\n"
        "Mr Holm,\n\n"
        "I am very pleased to see you.\n\n"
        "Thank you for accepting our invitation. We value the work of the Arctic council.\n",
        published="2031-05-03")
    assert statements(facts) == [
        ("Anna Berg", "direct", "I am very pleased to see you."),
        ("Anna Berg", "direct", "Thank you for accepting our invitation. We value the work of the Arctic council."),
    ]


def test_a_story_about_someones_remarks_is_no_speech() -> None:
    facts = extract(
        "Foreign Minister Anna Berg's remarks on fisheries draw criticism\n\n"
        "Berg told the parliament on Monday that quotas would be cut.\n\n"
        "Our fishermen will suffer, opposition members wrote in a letter.\n",
        published="2031-05-03")
    assert not [s for s in statements(facts) if s[1] == "direct"]


def test_a_quoted_paragraph_after_one_naming_a_ministrys_message_is_the_ministrys() -> None:
    facts = extract(
        "Deputy Foreign Minister Lars Holm of Denmark held talks in Oslo on May 3.\n\n"
        "Their content can be judged by the message of the Danish Foreign Ministry regarding Lars Holm's stay in Oslo.\n\n"
        "\"The special responsibility of the states of the region for security in the Arctic was emphasized.\"\n",
        published="2031-05-04")
    assert statements(facts) == [
        ("Ministry of Foreign Affairs of Denmark", "direct",
         "The special responsibility of the states of the region for security in the Arctic was emphasized."),
    ]


def test_a_quoted_paragraph_after_two_authors_documents_is_no_ones() -> None:
    facts = extract(
        "Deputy Foreign Minister Lars Holm of Denmark held talks in Oslo on May 3.\n\n"
        "The message of the Danish Foreign Ministry differs from the statement of the Norwegian Foreign Ministry.\n\n"
        "\"The special responsibility of the states of the region for security in the Arctic was emphasized.\"\n",
        published="2031-05-04")
    assert [s for s in statements(facts) if s[1] == "direct"] == []
