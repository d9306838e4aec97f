"""Direct statements on hand-written paragraphs (fictional people): a quotation that follows a
person's report in its paragraph, a demonstrative object that points at the quoted words, the
stop outside the closing mark, a surname the model tags as nothing, "underline" as a verb that
attributes quoted words, "was to underline" as no one's words."""

from __future__ import annotations

from tests.extract_support import extract, statements


def test_quoted_sentence_after_a_report_in_its_paragraph_is_the_reporters() -> None:
    facts = extract(
        "Foreign Minister Marta Kovalenko of Ukraine met her Polish counterpart in Warsaw on Monday.\n\n"
        "Kovalenko said that the talks on the grain corridor had been useful. "
        "\u201cWe will keep the corridor open and I hope we will agree on the tariffs next month.\u201d\n"
    )
    assert ("Marta Kovalenko", "direct",
            "We will keep the corridor open and I hope we will agree on the tariffs next month.") in statements(facts)


def test_stop_outside_the_closing_mark_still_closes_the_sentence() -> None:
    facts = extract(
        "Foreign Minister Marta Kovalenko of Ukraine met her Polish counterpart in Warsaw on Monday.\n\n"
        "Kovalenko stressed that the border crossings must stay open. "
        "\u201cOur farmers depend on these roads every single day\u201d.\n"
    )
    assert ("Marta Kovalenko", "direct", "Our farmers depend on these roads every single day") in statements(facts)


def test_said_this_after_the_quote_attributes_it() -> None:
    facts = extract(
        "Foreign Minister Tomas Rebane of Estonia met his Finnish counterpart in Helsinki on Friday.\n\n"
        "\u201cThis visit shows that both sides want to deepen the cooperation on energy security.\u201d "
        "Foreign Minister Tomas Rebane said this after the meeting he had with his counterpart.\n"
    )
    assert ("Tomas Rebane", "direct",
            "This visit shows that both sides want to deepen the cooperation on energy security.") in statements(facts)


def test_underlined_after_a_quote_attributes_it() -> None:
    facts = extract(
        "Foreign Minister Tomas Rebane of Estonia met his Finnish counterpart in Helsinki on Friday.\n\n"
        "\u201cThe two countries will build the new power cable together,\u201d Rebane underlined.\n"
    )
    assert ("Tomas Rebane", "direct", "The two countries will build the new power cable together") in statements(facts)


def test_surname_the_model_tags_as_nothing_is_the_person_named_with_it() -> None:
    facts = extract(
        "During the meeting with Foreign Secretary Lind, Minister Rebane underlined Estonia's interest in "
        "the talks. She expressed satisfaction with the trade. Both advocated a joint visit to the region. "
        "Rebane stressed that Estonia is paying particular attention to Ukraine, where the situation is "
        "steadily deteriorating, and thanked her counterpart.\n"
    )
    assert any(who == "Rebane" and kind == "indirect" and words.startswith("Estonia is paying particular attention")
               for who, kind, words in statements(facts))


def test_was_to_underline_is_a_purpose_not_words() -> None:
    facts = extract(
        "President Ana Morel of Chile met Foreign Minister Jonas Lind of Sweden in Santiago on Monday.\n\n"
        "The \u201cfamily setting\u201d of the dinner with Minister Lind was to underline that the Chilean "
        "President considers Sweden a close friend.\n"
    )
    assert statements(facts) == []


def test_said_in_a_statement_that_reports_the_clause() -> None:
    # the parser hangs the clause on "statement" ("a statement that ..."), not on "said"
    facts = extract(
        "The Chilean Foreign Ministry said in a written statement that Tomas Irarrazaval and Ana Vale "
        "gathered for a virtual meeting to follow the results of a summit in March.\n"
    )
    assert ("Ministry of Foreign Affairs of Chile", "indirect",
            "Tomas Irarrazaval and Ana Vale gathered for a virtual meeting to follow the results of a summit in March") in statements(facts)


def test_a_clause_of_contrast_is_not_part_of_the_reported_words() -> None:
    facts = extract(
        "Foreign Minister Ana Vale met Secretary Tomas Irarrazaval in Lima on Monday.\n\n"
        "Vale told Irarrazaval that Peru has made every effort to resolve such issues in a sincere manner, "
        "while Irarrazaval said he appreciated the explanation, the official said.\n"
    )
    assert ("Ana Vale", "indirect", "Peru has made every effort to resolve such issues in a sincere manner") in statements(facts)


def test_a_name_tagged_as_a_plural_is_one_speaker() -> None:
    # "Mr. Gutierres" ends in -s: the tagger takes it for a plural proper noun, not a joint subject
    facts = extract(
        "Secretary-General Marco Gutierres held a phone call with President Ana Vale of Peru on Monday.\n\n"
        "Mr. Gutierres praised the Peruvian efforts to stop the bloodshed and stressed his keenness to "
        "continue coordination with Peru to get out of the current crisis.\n"
    )
    assert ("Marco Gutierres", "indirect",
            "his keenness to continue coordination with Peru to get out of the current crisis") in statements(facts)


def test_one_persons_two_posts_are_no_joint_subject() -> None:
    facts = extract(
        "Deputy Prime Minister and Minister of Foreign Affairs Ana Vale has announced that the Foreign "
        "Minister of Chile, Tomas Irarrazaval, will visit Peru next week.\n"
    )
    assert ("Ana Vale", "indirect", "the Foreign Minister of Chile, Tomas Irarrazaval, will visit Peru next week") in statements(facts)


def test_a_trailing_attribution_is_not_the_reported_words() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells met Foreign Minister Jorge Salinas of Peru in Nairobi on Monday.\n\n"
        "Minister Wells emphasized the strategic interest of the region in stability and the need for dialogue, "
        "the quoted source mentioned.\n",
        published="2025-03-03",
    )
    quotes = [s[2] for s in statements(facts)]
    assert not any("quoted source" in q for q in quotes)
    assert ("Arthur Wells", "indirect", "the strategic interest of the region in stability and the need for dialogue") in statements(facts)


def test_quoted_words_under_any_verb_are_its_single_subjects() -> None:
    facts = extract(
        "Prime Minister Arthur Wells held talks with Secretary Jorge Salinas in Nairobi on Tuesday.\n\n"
        "Salinas also used the occasion to thank Wells for his \u201csteadfast support for the regional security mission\u201d.\n\n"
        "Prime Minister Wells guaranteed Kenya\u2019s support for the mission \u201cas long as necessary\u201d.\n",
        published="2025-03-03",
    )
    direct = [s for s in statements(facts) if s[1] == "direct"]
    assert ("Jorge Salinas", "direct", "steadfast support for the regional security mission") in direct
    assert ("Arthur Wells", "direct", "as long as necessary") in direct


def test_quoted_words_of_a_joint_subject_a_meeting_or_a_short_term_have_no_doer() -> None:
    facts = extract(
        "Prime Minister Arthur Wells held talks with Secretary Jorge Salinas in Nairobi on Tuesday.\n\n"
        "Wells and Salinas agreed on \u201ca new chapter in our relations\u201d.\n\n"
        "The Nairobi meeting was also aimed at \u201cadvancing cooperation on inclusive growth\u201d.\n\n"
        "Wells toured the \u201ctruce village\u201d on Wednesday.\n",
        published="2025-03-03",
    )
    assert [s for s in statements(facts) if s[1] == "direct"] == []


def test_a_headline_quote_with_its_speaker_after_a_dash_is_the_speakers() -> None:
    facts = extract(
        "PRESS RELEASE BY THE MINISTRY FOR FOREIGN AFFAIRS \u201cWe will continue to work with the new Government of Peru\u201d \u2013 Minister Arthur Wells\n\n"
        "Minister for Foreign Affairs Arthur Wells met Foreign Minister Jorge Salinas of Peru in Lima on Monday.\n",
        published="2025-03-03",
    )
    assert ("Arthur Wells", "direct", "We will continue to work with the new Government of Peru") in statements(facts)



def test_reported_words_may_hold_a_term_in_marks() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells held a telephone talk with Foreign Minister Jorge Salinas of Peru on Monday.\n\n"
        "Minister Wells stated that Kenya will continue to work closely with Peru, its Pacific partner, toward the "
        "realization of a \u201cFree and Open Pacific Partnership\u201d.\n",
        published="2025-03-03",
    )
    said = [s for s in statements(facts) if s[0] == "Arthur Wells"]
    assert said and said[0][1] == "indirect" and said[0][2].startswith("Kenya will continue to work closely with Peru")


def test_a_report_whose_clause_carries_the_speakers_direct_quote_is_only_the_quote() -> None:
    facts = extract(
        "Foreign Minister Anna Vale met Foreign Minister Tomas Berg in Oslo on Monday.\n\n"
        "Vale reiterated her congratulations to Berg on his election, wishing him \"success in his new post.\"\n",
        published="2025-03-03",
    )
    assert statements(facts) == [("Anna Vale", "direct", "success in his new post.")]


def test_a_report_followed_by_adding_and_a_quote_keeps_both() -> None:
    facts = extract(
        "Foreign Minister Anna Vale met Foreign Minister Tomas Berg in Oslo on Monday.\n\n"
        "Vale said the talks went well, adding, \"We will meet again in June.\"\n",
        published="2025-03-03",
    )
    said = statements(facts)
    assert ("Anna Vale", "direct", "We will meet again in June.") in said
    assert ("Anna Vale", "indirect", "the talks went well") in said
