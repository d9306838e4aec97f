"""Direct statements on hand-written paragraphs (fictional people): guillemets, attribution
verbs after the quote, inverted speakers, and a country's office as the speaker."""

from __future__ import annotations

from tests.extract_support import extract, names, statements


def test_guillemets_are_quotation_marks() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway met her Danish counterpart in Oslo on Monday.\n\n"
        "\u00abWe have agreed to open a new chapter in our fisheries cooperation,\u00bb Berg told reporters.\n"
    )
    assert statements(facts) == [
        ("Anna Berg", "direct", "We have agreed to open a new chapter in our fisheries cooperation"),
    ]


def test_continued_after_a_quote_attributes_it() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway met her Danish counterpart in Oslo on Monday.\n\n"
        "\"Both sides will also discuss the fishing quotas for the coming season,\" Berg continued.\n"
    )
    assert statements(facts) == [
        ("Anna Berg", "direct", "Both sides will also discuss the fishing quotas for the coming season"),
    ]


def test_continued_with_its_own_complement_is_no_verb_of_saying() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway met her Danish counterpart in Oslo on Monday.\n\n"
        "Berg continued her tour of the region, where the \"spirit of the fjords\" is a common phrase.\n"
    )
    assert [s for s in statements(facts) if s[1] == "direct"] == []


def test_inverted_speaker_taken_for_the_object() -> None:
    facts = extract(
        "Norway will host talks with Denmark on fisheries next week.\n\n"
        "\"There will be a bilateral meeting at the Foreign Ministry on May 4,\" mentioned the Foreign "
        "Ministry spokesman, Olav Lindqvist, at a briefing in Oslo on Thursday.\n"
    )
    assert statements(facts) == [
        ("Olav Lindqvist", "direct", "There will be a bilateral meeting at the Foreign Ministry on May 4"),
    ]


def test_country_embassy_and_it_after_it() -> None:
    facts = extract(
        "Deputy Foreign Minister Lars Holm of Denmark visited Oslo on Tuesday.\n\n"
        "The Danish embassy in Oslo said in a post that the two sides \u201creviewed the wide-ranging "
        "partnership\u201d. It added, \u201cBoth sides agreed to deepen their cooperation on energy.\u201d\n"
    )
    got = statements(facts)
    assert [(s[1], s[2]) for s in got] == [
        ("direct", "reviewed the wide-ranging partnership"),
        ("direct", "Both sides agreed to deepen their cooperation on energy."),
    ]
    speakers = {s[0] for s in got}
    assert len(speakers) == 1 and "Embassy" in speakers.pop()
    assert "Lars Holm" in names(facts).values()


def test_he_continued_is_the_speaker_quoted_last() -> None:
    facts = extract(
        "Foreign Minister Anna Berg of Norway will meet Foreign Minister Lars Holm of Denmark on Monday.\n\n"
        "\"The talks will open at the Foreign Ministry on May 4,\" said Foreign Ministry spokesman Olav Lindqvist.\n\n"
        "The talks are the first this year. Holm is the co-chair of the fisheries forum.\n\n"
        "\"Aside from that, fishing quotas will be discussed,\" he continued.\n"
    )
    assert statements(facts) == [
        ("Olav Lindqvist", "direct", "The talks will open at the Foreign Ministry on May 4"),
        ("Olav Lindqvist", "direct", "Aside from that, fishing quotas will be discussed"),
    ]


def test_one_quoted_word_of_the_speaker_in_a_reported_clause_is_a_quote() -> None:
    # guard: a single quoted adjective before a noun can be the speaker's own word
    facts = extract(
        "Foreign Minister Anna Berg of Norway met Foreign Minister Lars Holm of Denmark in Oslo on Monday.\n\n"
        "Speaking to reporters after the talks, Berg said she had a \u201cfruitful\u201d meeting with Holm.\n"
    )
    assert ("Anna Berg", "direct", "fruitful") in statements(facts)


def test_press_service_and_its_message_speak_for_the_ministry() -> None:
    facts = extract(
        "BISHKEK, May 3. Deputy Foreign Minister Aibek Toktosunov met Deputy Minister Lars Holm of Denmark "
        "in Bishkek. This was reported by the press service of the Kyrgyz Foreign Ministry.\n\n"
        "\"The interlocutors exchanged views on regional security issues,\" the message reads.\n\n"
        "According to the press service, \"prospects for the development of trade\" were also discussed.\n"
    )
    assert statements(facts) == [
        ("Ministry of Foreign Affairs of Kyrgyzstan", "direct", "The interlocutors exchanged views on regional security issues"),
        ("Ministry of Foreign Affairs of Kyrgyzstan", "direct", "prospects for the development of trade"),
    ]


def test_headline_quote_a_body_statement_says_is_its_speakers() -> None:
    facts = extract(
        "Vale speaks to Okafor after call with Irarrazaval to discuss 'unstable' regional situation\n\n"
        "President Ana Vale of Peru held a phone call with President Lena Okafor of Ghana on Wednesday.\n\n"
        "Vale told President Tomas Irarrazaval of Chile that the regional situation had grown increasingly "
        "unstable since the beginning of the year.\n"
    )
    assert ("Ana Vale", "direct", "unstable") in statements(facts)


def test_headline_quote_no_body_statement_holds_is_no_statement() -> None:
    facts = extract(
        "Peru slams Chile drills as \"rehearsal for invasion\"\n\n"
        "President Ana Vale of Peru said the drills were an undisguised rehearsal for a war of invasion.\n"
    )
    assert not [s for s in statements(facts) if s[1] == "direct"]


def test_an_opening_mark_printed_for_the_closing_one_closes_and_the_official_is_the_person_named() -> None:
    facts = extract(
        "President Arthur Wells held a series of meetings in Lima on Tuesday.\n\n"
        "Afterwards, Wells met with the president of Peru, Jorge Salinas, and highlighted the resumption of dialogue. "
        "\u201cKenya restoring its diplomatic relations in the world\u201c, said the Kenyan official.\n",
        published="2025-03-03",
    )
    assert ("Arthur Wells", "direct", "Kenya restoring its diplomatic relations in the world") in statements(facts)


def test_the_official_of_another_country_than_the_person_named_is_not_that_person() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells of Kenya met Foreign Minister Jorge Salinas of Peru in Lima on Tuesday.\n\n"
        "Wells highlighted the resumption of dialogue. \u201cThe talks went well\u201d, said the Peruvian official.\n",
        published="2025-03-03",
    )
    assert not [s for s in statements(facts) if s[0] == "Arthur Wells" and s[2] == "The talks went well"]


def test_the_official_of_a_country_someone_else_holds_is_not_the_person_without_one() -> None:
    facts = extract(
        "President Arthur Wells met Foreign Minister Jorge Salinas of Peru in Lima on Tuesday.\n\n"
        "Wells highlighted the resumption of dialogue. \u201cThe talks went well\u201d, said the Peruvian official.\n",
        published="2025-03-03",
    )
    assert not [s for s in statements(facts) if s[0] == "Arthur Wells" and s[2] == "The talks went well"]


def test_headline_word_the_body_quotes_itself_is_only_the_bodys_statement() -> None:
    facts = extract(
        "Vale looks forward to 'fruitful' talks with Okafor\n\n"
        "President Ana Vale of Peru arrived in Accra on Wednesday for talks with President Lena Okafor of Ghana.\n\n"
        "\"Anticipating fruitful and wide-ranging discussions on trade and energy,\" she said.\n"
    )
    said = statements(facts)
    assert ("Ana Vale", "direct", "Anticipating fruitful and wide-ranging discussions on trade and energy") in said
    assert ("Ana Vale", "direct", "fruitful") not in said
