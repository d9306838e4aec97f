"""Who a pronoun, a bare title or a quote with no verb of its own stands for (fictional people):
the same "he" as the sentence before, a pronoun that looks ahead to the main clause's subject,
a participle clause the parser took for a subject, "concluded", "the premier"."""

from __future__ import annotations

from tests.extract_support import extract, statements


def test_he_after_he_added_that_x_pledged_is_the_earlier_speaker_not_x() -> None:
    facts = extract(
        "Foreign Minister Musa Idris met President Tomas Berg in Lagos on Monday.\n\n"
        "Idris told reporters the meeting had gone well.\n\n"
        "He added that President Berg pledged his readiness to cooperate at all times.\n\n"
        "He said, \u201cIt was a meeting between two brothers, and it was very cordial.\u201d\n",
        published="2031-04-01")
    said = [(s, q) for s, k, q in statements(facts) if k == "direct"]
    assert said == [("Musa Idris", "It was a meeting between two brothers, and it was very cordial.")]


def test_a_participle_clause_taken_for_a_subject_is_not_the_speaker() -> None:
    facts = extract(
        "Vale in Tonga\n\n"
        "Arriving at the palace in Nuku\u2019alofa to meet Tonga\u2019s Deputy Prime Minister, Foreign "
        "Minister Ana Vale said people at home needed to realise how important these ties were.\n\n"
        "\u201cWe are part of one ocean and more people need to understand how critical the future "
        "of the islands is to our own.\u201d\n",
        published="2031-04-01")
    assert ("Ana Vale", "direct", "We are part of one ocean and more people need to understand how critical "
            "the future of the islands is to our own.") in statements(facts)
    assert all(s == "Ana Vale" for s, _, _ in statements(facts))


def test_a_quote_after_while_he_said_is_the_main_subjects() -> None:
    facts = extract(
        "Foreign Minister Ana Vale met Prime Minister Tomas Berg in Apia on Monday.\n\n"
        "However, while she said that there was new investment, Vale was quick to shut down any "
        "question on how much the government would give.\n\n"
        "\u201cThere is an old saying about modest people. Look, we are not here to show off.\u201d\n",
        published="2031-04-01")
    got = statements(facts)
    assert ("Ana Vale", "direct", "There is an old saying about modest people. Look, we are not here to show off.") in got
    assert ("Ana Vale", "indirect", "there was new investment") in got


def test_concluded_attributes_a_quote() -> None:
    facts = extract(
        "Foreign Minister Ana Vale met Foreign Minister Tomas Berg in Oslo on Monday.\n\n"
        "\u201cI hope that today\u2019s discussion will strengthen mutual understanding,\u201d Vale concluded.\n",
        published="2031-04-01")
    assert statements(facts) == [("Ana Vale", "direct", "I hope that today\u2019s discussion will strengthen mutual understanding")]


def test_the_premier_is_the_prime_minister_named_before() -> None:
    facts = extract(
        "Prime Minister Tomas Berg spoke on the phone with Chancellor Ana Vale on Monday.\n\n"
        "According to the premier, world leaders do not take the union seriously, which can be "
        "attributed to \"nonsensical climate goals and suicidal migration policies\".\n",
        published="2031-04-01")
    assert ("Tomas Berg", "direct", "nonsensical climate goals and suicidal migration policies") in statements(facts)


def test_according_to_the_same_report_is_the_body_that_reported() -> None:
    facts = extract(
        "Vale in Riga\n\n"
        "Foreign Minister Ana Vale met Foreign Minister Tomas Berg in Riga on Monday, the Latvian "
        "Foreign Ministry reported.\n\n"
        "The talks also touched upon the \u201cdire humanitarian situation\u201d in the region, according "
        "to the same report.\n",
        published="2031-04-01")
    assert ("Ministry of Foreign Affairs of Latvia", "direct", "dire humanitarian situation") in statements(facts)
