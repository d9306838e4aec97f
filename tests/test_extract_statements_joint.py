"""Statements on hand-written paragraphs (fictional people): a participle that goes with a
joint act is no one's statement, a joint statement quoted after "they released this joint
statement:" is the first-named speaker's, short quoted words after a verb of judging."""

from __future__ import annotations

from tests.extract_support import extract, statements


def test_participle_after_a_joint_act_is_no_statement() -> None:
    facts = extract(
        "Defence Minister Ilse Varro of Nordmark hosted Prime Minister Colm Rastad of Westria for talks on Tuesday.\n\n"
        "The two leaders discussed the naval pact and its next steps, emphasizing that it was a "
        "long-term partnership that would keep the northern sea lanes open.\n"
    )
    assert statements(facts) == []


def test_participle_after_one_speakers_act_is_still_a_statement() -> None:
    facts = extract(
        "Defence Minister Ilse Varro of Nordmark hosted Prime Minister Colm Rastad of Westria for talks on Tuesday.\n\n"
        "Varro discussed the naval pact with her guest, stressing that it would keep the northern sea lanes open.\n"
    )
    assert ("Ilse Varro", "indirect", "it would keep the northern sea lanes open") in statements(facts)


def test_joint_statement_after_they_released_is_the_first_named_speakers() -> None:
    facts = extract(
        "Foreign Minister Orla Brannagh of Eastmere, and Home Secretary Piet Vandersloot of Westria, have "
        "issued a joint statement following a meeting yesterday in Calder.\n\n"
        "Following their meeting, they released this joint statement:\n\n"
        "\u201cWe met to review the border arrangements. We agreed to keep working together on them.\n\n"
        "\"We will also convene the joint council in May, as the treaty intended.\u201d\n\n"
        "\"We recognise the duty we share to keep the confidence of both communities.\"\n"
    )
    assert statements(facts) == [
        ("Orla Brannagh", "direct", "We met to review the border arrangements. We agreed to keep working together on them."),
        ("Orla Brannagh", "direct", "We will also convene the joint council in May, as the treaty intended."),
        ("Orla Brannagh", "direct", "We recognise the duty we share to keep the confidence of both communities."),
    ]


def test_joint_statement_issued_by_named_ministers() -> None:
    facts = extract(
        "Trade Minister Hanne Solvik of Nordmark met Trade Minister Duarte Pessanha of Southland in Lisbon on Friday.\n\n"
        "Solvik and Pessanha issued the following joint statement:\n\n"
        "\u201cWe have agreed to lower the tariffs on fish and wine from next year.\u201d\n"
    )
    assert statements(facts) == [
        ("Hanne Solvik", "direct", "We have agreed to lower the tariffs on fish and wine from next year."),
    ]


def test_quoted_words_a_person_is_reported_dismissing_with_and_the_owners_term() -> None:
    facts = extract(
        "OSLAND, May 3 (Nordpress) -- Foreign Minister Ada Kjellberg and her Westrian counterpart, Emil Brandt, "
        "held phone talks on Friday.\n\n"
        "Kjellberg and Brandt discussed the matter hours after reports of Mira Sund, the spokeswoman of the "
        "Eastland army, dismissing President Tor Lande's \"bold\" initiative as the \"height of folly.\"\n"
    )
    assert statements(facts) == [("Mira Sund", "direct", "height of folly.")]


def test_short_quoted_word_the_two_leaders_praised_is_the_first_named_speakers() -> None:
    facts = extract(
        "President Anton Reyes of Westria held a video call with President Lina Okoro of Southland, during "
        "which the two leaders praised their countries\u2019 \u201csteady\" partnership against a backdrop of "
        "rising tension.\n"
    )
    assert statements(facts) == [("Anton Reyes", "direct", "steady")]


def test_praised_a_named_initiative_is_no_statement() -> None:
    facts = extract(
        "President Anton Reyes of Westria met President Lina Okoro of Southland in Porto on Monday.\n\n"
        "Reyes praised the \u201cClean Seas Compact\u201d and its first results.\n"
    )
    assert statements(facts) == []
