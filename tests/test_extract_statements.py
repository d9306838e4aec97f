"""Direct statements on hand-written paragraphs (fictional people): quotations that run over
paragraphs and quoted passages that go on with the last speaker."""

from __future__ import annotations

from tests.extract_support import extract, statements


def test_quotation_opened_after_a_lead_in_runs_to_the_paragraph_end() -> None:
    # the mark opens mid-paragraph and only the next paragraph's quotation closes
    facts = extract(
        "Trade Minister Lena Okafor of Ghana is heading to Lome for talks.\n\n"
        "Okafor said she would raise a range of issues with her hosts, \u201cto deepen the ties "
        "that began at last year\u2019s coastal summit held in Accra in May.\n\n"
        "\u201cOur region is central to the future of our two peoples,\u201d she said.\n"
    )
    assert statements(facts) == [
        ("Lena Okafor", "direct", "to deepen the ties that began at last year\u2019s coastal summit held in Accra in May."),
        ("Lena Okafor", "direct", "Our region is central to the future of our two peoples"),
    ]


def test_unattributed_quote_after_a_paragraph_about_the_last_speaker() -> None:
    facts = extract(
        "Foreign Minister Tomas Varga of Hungary will meet his Austrian counterpart in Vienna.\n\n"
        "\u201cI consider these talks as particularly important for both of our countries,\u201d Varga said.\n\n"
        "Varga also referred to a meeting on Friday with the Interior Minister.\n\n"
        "The aim, \u201cis to review the state of the negotiations on the border crossings.\u201d\n\n"
        "\u201cThe ultimate goal is to reach an agreement within the year.\u201d\n"
    )
    assert statements(facts) == [
        ("Tomas Varga", "direct", "I consider these talks as particularly important for both of our countries"),
        ("Tomas Varga", "direct", "is to review the state of the negotiations on the border crossings."),
        ("Tomas Varga", "direct", "The ultimate goal is to reach an agreement within the year."),
    ]


def test_quote_after_a_paragraph_about_someone_else_is_not_the_last_speaker() -> None:
    facts = extract(
        "Foreign Minister Tomas Varga of Hungary will meet his Austrian counterpart in Vienna.\n\n"
        "\u201cI consider these talks as particularly important for both of our countries,\u201d Varga said.\n\n"
        "Interior Minister Petra Kovacs visited the border on Friday.\n\n"
        "The aim, \u201cis to review the state of the negotiations on the border crossings.\u201d\n"
    )
    assert statements(facts) == [
        ("Tomas Varga", "direct", "I consider these talks as particularly important for both of our countries"),
    ]
