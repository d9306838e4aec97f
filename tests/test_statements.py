"""Statements: each rule on short hand-written texts, the quote finder and the term test
directly, the rest through the whole pipeline (spaCy model, vocabularies, extraction)."""

from __future__ import annotations

import pytest

from etl.extract.quotes import find_quotes
from etl.extract.statements.direct import is_term
from etl.vocab import load_vocabulary
from tests.extract_support import extract, statements


# --- quoted spans ---------------------------------------------------------------------------


def test_mixed_straight_and_curly_marks_pair_by_direction() -> None:
    text = 'Berg encouraged "the parties to talk.\u201d She hoped it "will help."'
    assert [q.text for q in find_quotes(text)] == ["the parties to talk.", "will help."]


def test_a_quotation_over_paragraphs_is_one_span_per_paragraph() -> None:
    text = "\u201cFirst part.\n\n\u201cSecond part.\n\n\u201cLast part,\u201d she said."
    quotes = find_quotes(text)
    assert [(q.text, q.open_ended) for q in quotes] == [("First part.", True), ("Second part.", True), ("Last part,", False)]


def test_nested_quotes_belong_to_the_outer_one_and_an_unclosed_mark_is_left_alone() -> None:
    assert [q.text for q in find_quotes('He said: "We call it \u201cpatience\u201d here." Then "an open')] == ["We call it \u201cpatience\u201d here."]


@pytest.mark.parametrize(("text", "has_verb", "term"), [
    ("a \u201cFree and Open Indo-Pacific\u201d", False, True),
    ('realizing a "Free and Open Indo-Pacific."', False, True),
    ('the "2+2" meeting', False, True),
    ('the so-called "strategic patience" policy', False, True),
    ('a phrase known as "one country, two systems"', False, True),
    ('described it as "a grave provocation"', False, False),
    ('said "We Will Win."', True, False),
    ('a missile, which North Korea called a "satellite"', False, True),
    ('called the launch "a grave provocation to the region"', False, False),
])
def test_names_and_terms_in_quotation_marks(text: str, has_verb: bool, term: bool) -> None:
    [q] = find_quotes(text)
    assert is_term(q, text, load_vocabulary().quote_term_markers, has_verb) is term


# --- direct quotes and their speakers -------------------------------------------------------


def test_speaker_introduced_with_a_colon_in_the_same_or_the_previous_sentence() -> None:
    facts = extract(
        "Canadian Foreign Minister Marie Tremblay met British Foreign Secretary Oliver Grant in Ottawa.\n\n"
        "At the press conference after the talks, Tremblay said: \u201cWe share the same values. We will defend them.\u201d\n\n"
        "Grant told reporters:\n\n\u201cOur partnership has never been more important.\u201d\n"
    )
    assert statements(facts) == [
        ("Marie Tremblay", "direct", "We share the same values. We will defend them."),
        ("Oliver Grant", "direct", "Our partnership has never been more important."),
    ]


def test_speaker_in_the_sentence_after_that_only_attributes() -> None:
    facts = extract(
        "Canadian Foreign Minister Marie Tremblay met British Foreign Secretary Oliver Grant in Ottawa.\n\n"
        "\u201cWe will not accept any change to the status quo by force.\u201d Tremblay made the remarks at a news conference.\n\n"
        "\u201cThe door to dialogue stays open.\u201d\n\nGrant said in a statement.\n"
    )
    assert statements(facts) == [
        ("Marie Tremblay", "direct", "We will not accept any change to the status quo by force."),
        ("Oliver Grant", "direct", "The door to dialogue stays open."),
    ]


def test_multi_paragraph_quote_gives_one_statement_per_paragraph() -> None:
    facts = extract(
        "Irish Foreign Minister Sean Doyle will visit Canberra next week.\n\n"
        "\u201cWe look forward to the visit,\u201d Mr Doyle says.\n\n"
        "\u201cTrade between our countries has delivered significant benefits.\n\n"
        "\u201cIt is timely to discuss how we can best work together over the next decade.\u201d\n"
    )
    assert statements(facts) == [
        ("Sean Doyle", "direct", "We look forward to the visit"),
        ("Sean Doyle", "direct", "Trade between our countries has delivered significant benefits."),
        ("Sean Doyle", "direct", "It is timely to discuss how we can best work together over the next decade."),
    ]


def test_a_readouts_quoted_passage_continues_its_source() -> None:
    facts = extract(
        "U.S. Deputy Secretary of State Mark Holden met Japanese Foreign Minister Daisuke Morita in Tokyo.\n\n"
        'Holden "emphasized continued U.S. readiness to engage in dialogue," the State Department said.\n\n'
        'Holden also discussed with Morita "the importance of close cooperation with like-minded partners in the region."\n'
    )
    assert [s[0] for s in statements(facts) if s[1] == "direct"] == ["U.S. Department of State", "U.S. Department of State"]


def test_quoted_names_and_slogans_are_not_statements() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita met Australian Foreign Minister Claire Whitlam in Tokyo.\n\n"
        "The two ministers said their countries would work toward a \u201cFree and Open Indo-Pacific\u201d.\n\n"
        'Morita said the so-called "strategic patience" had failed.\n'
    )
    assert [s for s in statements(facts) if s[1] == "direct"] == []


# --- transcripts and "X said:" paragraphs ---------------------------------------------------


def test_speaker_labelled_transcript_turns() -> None:
    facts = extract(
        "Joint press conference with Prime Minister Tomas Vale\n\n"
        "Prime Minister Tomas Vale of Sweden met Japanese Prime Minister Kenji Sato in Tokyo.\n\n"
        "PRIME MINISTER TOMAS VALE: Thank you very much for the warm welcome to Japan.\n\n"
        "Our two countries share a deep commitment to free trade.\n\n"
        "JOURNALIST: Will you discuss fisheries?\n\n"
        "PRIME MINISTER SATO: We will discuss fisheries and energy security.\n"
    )
    assert statements(facts) == [
        ("Tomas Vale", "direct", "Thank you very much for the warm welcome to Japan."),
        ("Tomas Vale", "direct", "Our two countries share a deep commitment to free trade."),
        ("Kenji Sato", "direct", "We will discuss fisheries and energy security."),
    ]


def test_paragraph_after_x_said_colon_is_a_direct_statement() -> None:
    facts = extract(
        "Irish Foreign Minister Sean Doyle met German Foreign Minister Lena Holm in Dublin.\n\n"
        "After the meeting, Doyle said:\n\n"
        "Ireland and Germany will work together on energy security and the clean energy transition.\n"
    )
    assert statements(facts) == [
        ("Sean Doyle", "direct", "Ireland and Germany will work together on energy security and the clean energy transition."),
    ]


@pytest.mark.parametrize("line", [
    "The following is attributable to Spokesperson Ola Nord:",
    "As stated by Spokesperson Ola Nord:",
])
def test_a_releases_own_attribution_line_is_not_a_statement(line: str) -> None:
    facts = extract(
        f"{line}\n\n"
        "Secretary of State Mark Holden met Swedish Foreign Minister Lena Holm in Washington today. "
        "The Secretary and the Foreign Minister discussed energy security and Russia's war against Ukraine.\n"
    )
    assert facts.statements == []


# --- indirect statements --------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Morita welcomed the progress of trilateral cooperation among the three countries.",
    "Morita raised the issue of the abductions of Japanese nationals by North Korea.",
    "Morita reaffirmed the commitment of Japan to the region.",
    "Morita discussed regional security with his counterpart in the capital.",
    "Both leaders said the talks had been productive and useful.",
    "The two ministers stressed that the two countries must cooperate on fisheries.",
    "Morita declined to say whether the two sides would discuss the war in Ukraine.",
])
def test_not_statements(sentence: str) -> None:
    facts = extract("Japanese Foreign Minister Daisuke Morita met Chinese Foreign Minister Zhao Lin in Beijing.\n\n" + sentence + "\n")
    assert facts.statements == []


def test_counted_verbs_of_saying_and_a_participle() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita met Chinese Foreign Minister Zhao Lin in Beijing.\n\n"
        "Morita expressed his concern over the situation in the East China Sea.\n\n"
        "Reiterating the importance of a free and open Indo-Pacific, Zhao said that China seeks stable relations.\n"
    )
    assert statements(facts) == [
        ("Daisuke Morita", "indirect", "his concern over the situation in the East China Sea"),
        ("Zhao Lin", "indirect", "the importance of a free and open Indo-Pacific"),
        ("Zhao Lin", "indirect", "China seeks stable relations"),
    ]


def test_bare_title_is_the_holder_named_without_a_country_word() -> None:
    facts = extract(
        "Prime Minister Oliver Grant spoke to Japanese Prime Minister Kenji Sato this morning.\n\n"
        "The Prime Minister said that the UK was aligned with Japan on the challenges in the region.\n"
    )
    assert statements(facts) == [("Oliver Grant", "indirect", "the UK was aligned with Japan on the challenges in the region")]


def test_reported_words_stop_before_a_quoted_addition() -> None:
    facts = extract(
        "Japanese Defense Minister Kenta Ishida met Philippine Defense Secretary Jose Ramos in Manila.\n\n"
        'Ishida said Japan would continue to support the Philippines at sea, adding, "A free and open South China Sea is in our interest."\n'
    )
    assert statements(facts) == [
        ("Kenta Ishida", "direct", "A free and open South China Sea is in our interest."),
        ("Kenta Ishida", "indirect", "Japan would continue to support the Philippines at sea"),
    ]


def test_sides_and_bodies_speak_and_unnamed_officials_only_in_quotes() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita met Chinese Foreign Minister Zhao Lin in Beijing.\n\n"
        "The two sides agreed to resume fisheries talks next month, the Japanese side said.\n\n"
        "According to the Ministry of Defense of Japan, both countries will hold joint drills next year.\n\n"
        "According to an EU official, the two sides failed to agree on a joint statement.\n\n"
        "A ministry spokesman said the two sides would meet again in December.\n\n"
        '"We are not there yet," a senior French diplomat said.\n'
    )
    assert statements(facts) == [
        ("France", "direct", "We are not there yet"),
        ("Japan", "indirect", "The two sides agreed to resume fisheries talks next month"),
        ("Ministry of Defense of Japan", "indirect", "both countries will hold joint drills next year"),
    ]


def test_words_said_to_an_addressee_and_a_quoted_phrase_a_country_rejects() -> None:
    facts = extract(
        "Japanese Foreign Minister Kenji Sato met Chinese Foreign Minister Zhao Lin in Beijing.\n\n"
        "Sato stressed to his counterpart, Minister Zhao, the importance of dialogue.\n\n"
        'Beijing rejected "interference in its internal affairs".\n'
    )
    assert statements(facts) == [
        ("China", "direct", "interference in its internal affairs"),
        ("Kenji Sato", "indirect", "the importance of dialogue"),
    ]


def test_news_agencies_are_not_speakers() -> None:
    facts = extract(
        "U.S. Secretary of State Mark Holden met Chinese Foreign Minister Zhao Lin in Bonn.\n\n"
        'The meeting to discuss "bilateral ties and issues of mutual concern" took place on the sidelines '
        "of the G20, according to China's state-run Xinhua News Agency.\n"
    )
    assert facts.statements == []


def test_pronoun_speakers_follow_subjects_back_and_stop_at_an_unnamed_post_holder() -> None:
    facts = extract(
        "New Zealand Foreign Minister Aroha Tane will meet Australian Foreign Minister Claire Whitlam in Canberra.\n\n"
        '"We are closely aligned on regional challenges," she explained.\n\n'
        "She anticipates discussion on cooperation in the Pacific.\n\n"
        '"I expect we will also exchange views on the war in Ukraine," she added.\n\n'
        "The Prime Minister raised the case of Harry Dunn. He reiterated the need for justice for the family.\n"
    )
    assert statements(facts) == [
        ("Aroha Tane", "direct", "We are closely aligned on regional challenges"),
        ("Aroha Tane", "direct", "I expect we will also exchange views on the war in Ukraine"),
    ]


def test_it_is_the_last_organization_named_outside_the_quote() -> None:
    facts = extract(
        "US President Mark Holden made a phone call to British Prime Minister Oliver Grant, the White House said.\n\n"
        "\u201cThey discussed the need to reach an agreement with the European Union on trade,\u201d it added.\n"
    )
    said = {s[2]: s[0] for s in statements(facts)}
    assert said["They discussed the need to reach an agreement with the European Union on trade"] == said[
        "US President Mark Holden made a phone call to British Prime Minister Oliver Grant"] != "European Union"


def test_transcript_labels_with_a_post_after_the_name_and_surnames_after_titles() -> None:
    facts = extract(
        "Joint press conference with Indonesian Foreign Minister Dewi Wirawan\n\n"
        "REBECCA THORNTON, MINISTER FOR FOREIGN AFFAIRS: Thank you for hosting me in Jakarta today.\n\n"
        "DEWI WIRAWAN, MINISTER OF FOREIGN AFFAIRS OF INDONESIA: Thank you, Rebecca, for the visit.\n\n"
        "JOURNALIST: Minister Thornton, did you raise the case of the detained fishermen?\n\n"
        "THORNTON: I did. I raised it directly with the Foreign Minister.\n\n"
        "Q Minister Wirawan, will Indonesia join the facility?\n\n"
        "PRESIDENT WHITAKER: We will see about that next year.\n"
    )
    assert statements(facts) == [
        ("Rebecca Thornton", "direct", "Thank you for hosting me in Jakarta today."),
        ("Dewi Wirawan", "direct", "Thank you, Rebecca, for the visit."),
        ("Rebecca Thornton", "direct", "I did. I raised it directly with the Foreign Minister."),
        ("Whitaker", "direct", "We will see about that next year."),
    ]


def test_labels_that_give_no_post_or_style_are_no_one() -> None:
    facts = extract(
        "Japanese Foreign Minister Kenji Sato met Chinese Foreign Minister Zhao Lin in Beijing.\n\n"
        "Related Articles: Japan and China hold talks in Beijing on trade and fisheries.\n"
    )
    assert facts.statements == []
    assert {a.name for a in facts.actors if a.kind == "Person"} == {"Kenji Sato", "Zhao Lin"}


def test_a_quotes_section_attributed_on_a_dash_line() -> None:
    facts = extract(
        "Minister Tremblay meets with Mexico's Secretary of Foreign Affairs\n\n"
        "Quotes\n\n"
        "\u201cMexico is one of our closest partners. Our economies are deeply integrated.\u201d\n\n"
        "\u2013 The Honourable Nathalie Tremblay, Minister of Foreign Affairs\n"
    )
    assert statements(facts) == [
        ("Nathalie Tremblay", "direct", "Mexico is one of our closest partners. Our economies are deeply integrated."),
    ]


def test_speakers_by_the_press_they_speak_to_the_agency_and_unnamed_diplomats() -> None:
    facts = extract(
        "International Atomic Energy Agency Director General Lucia Ferrer met Iranian Foreign Minister Hossein Karimi "
        "at the agency's headquarters in Vienna. Ferrer spoke to reporters first. \u201cThis is a step in the right direction.\u201d\n\n"
        "Diplomats said France and Germany had prepared a draft resolution censuring Iran.\n\n"
        "Iran has enriched uranium to 60% purity, and the agency says it can no longer verify the stockpile.\n"
    )
    said = statements(facts)
    assert ("Lucia Ferrer", "direct", "This is a step in the right direction.") in said
    assert not any("draft resolution" in s[2] for s in said)
    assert ("International Atomic Energy Agency", "indirect", "it can no longer verify the stockpile") in said


def test_a_bare_title_beside_a_named_holder_is_someone_else() -> None:
    facts = extract(
        "The Prime Minister spoke to Canadian Prime Minister Etienne Dubois this afternoon.\n\n"
        "The Prime Minister said the UK would work closely with Canada on an AI safety framework.\n"
    )
    assert facts.statements == []


def test_an_organizations_attribution_makes_the_words_its_own() -> None:
    facts = extract(
        "South Korean Foreign Minister Kim Min-jae met Chinese Foreign Minister Zhao Lin in Seoul.\n\n"
        '"The three countries will respond firmly," Kim said during the call, according to the Ministry of Foreign Affairs of South Korea.\n\n'
        'Kim asked China to play "a constructive role" in the region, the Ministry of Foreign Affairs of South Korea said.\n\n'
        "Zhao told Kim that the two countries should treat each other as partners, according to a Chinese Foreign Ministry readout.\n\n"
        '"Dialogue is the only way," Kim told Zhao, according to a South Korean official.\n\n'
        '"Peace matters," the ministry quoted Zhao as saying.\n\n'
        'The Ministry of Foreign Affairs of South Korea said Kim asked for "restraint" by all sides.\n'
    )
    said = statements(facts)
    assert ("Ministry of Foreign Affairs of South Korea", "direct", "The three countries will respond firmly") in said
    assert ("Ministry of Foreign Affairs of South Korea", "direct", "a constructive role") in said
    assert ("Ministry of Foreign Affairs of the People's Republic of China", "indirect",
            "the two countries should treat each other as partners") in said
    assert ("Kim Min-jae", "direct", "Dialogue is the only way") in said
    assert ("Zhao Lin", "direct", "Peace matters") in said
    assert ("Ministry of Foreign Affairs of South Korea", "direct", "restraint") in said


def test_coordinated_speakers_and_a_policy_named_under_quotation_marks() -> None:
    facts = extract(
        "U.S. Secretary of State Jim Carter and Indian Foreign Minister Kavya Menon pledged on Tuesday "
        "to finish a long-stalled trade agreement by the end of the year.\n\n"
        "Menon welcomed the visit as the first under \u201cshuttle diplomacy\u201d and stated that the two countries are partners.\n"
    )
    assert statements(facts) == [("Kavya Menon", "indirect", "the two countries are partners")]


def test_an_outlets_credit_line_is_no_speakers_turn() -> None:
    facts = extract(
        "Ruritania, Nordland FMs discuss ceasefire\n\nSource : Ruritania News\n\n"
        "The Ruritania Project : Foreign Minister Anna Berg in a telephone call with Nordland's Foreign Minister Tom Hale "
        "discussed the latest developments in the region.\n\n"
        "Additionally, the two top diplomats emphasized the de-escalation in the region.",
        published="2024-08-16",
    )
    assert statements(facts) == []


# --- British single quotation marks ------------------------------------------------------------


def test_single_quotation_marks_pair_around_apostrophes() -> None:
    text = ("\u2018The ministers\u2019 talks were useful,\u2019 she said. Britain's view: 'no deal'.\n\n"
            "'We agree,' he said, 'fully.'\n\nIt was the ministers' decision. He said \"we 'hope' so.\"")
    assert [q.text for q in find_quotes(text)] == [
        "The ministers\u2019 talks were useful,", "no deal", "We agree,", "fully.", "we 'hope' so.",
    ]


def test_british_single_quotes_are_statements_of_the_honorific_and_surname() -> None:
    facts = extract(
        "Foreign Secretary Helen Marsh met Norwegian Foreign Minister Erik Dahl in London on Wednesday.\n\n"
        "'This partnership matters more than ever,' Ms Marsh said. 'We will build it together.'\n\n"
        "\u2018Our support will not waver,\u2019 Mr Dahl told reporters after the ministers\u2019 talks.\n",
        published="2031-01-16",
    )
    assert statements(facts) == [
        ("Helen Marsh", "direct", "This partnership matters more than ever"),
        ("Helen Marsh", "direct", "We will build it together."),
        ("Erik Dahl", "direct", "Our support will not waver"),
    ]


def test_transcript_labels_with_a_post_of_a_country_before_the_name() -> None:
    facts = extract(
        "Meeting with President of Kazakhstan Daniyar Seitkali\n\n"
        "Vladimir Putin met with President of Kazakhstan Daniyar Seitkali in the Kremlin.\n\n"
        "President of Russia Vladimir Putin: Mr President, friends, I am glad to welcome you to Moscow.\n\n"
        "Our trade grew by a fifth last year, and we have a great deal to discuss.\n\n"
        "President of Kazakhstan Daniyar Seitkali: Thank you, Mr President. I am grateful for the invitation.\n\n"
        "Note of the Press Service: The talks continued behind closed doors.\n",
        published="2031-04-10",
    )
    assert statements(facts) == [
        ("Vladimir Putin", "direct", "Mr President, friends, I am glad to welcome you to Moscow."),
        ("Vladimir Putin", "direct", "Our trade grew by a fifth last year, and we have a great deal to discuss."),
        ("Daniyar Seitkali", "direct", "Thank you, Mr President. I am grateful for the invitation."),
    ]


def test_quotes_attributed_by_the_sentence_before_or_after_them() -> None:
    facts = extract(
        "Foreign Minister Anna Berg met Foreign Minister Tomas Vale of Southland in Oslo on Monday.\n\n"
        "Berg was upbeat after the talks. \u201cWe have opened a new chapter,\u201d she told reporters.\n\n"
        "\u201cThe door is open. We want Southland to walk through it.\u201d Those were Vale's words at a news conference.\n\n"
        "Berg said the talks had been useful.\n\n"
        "\u201cWe agreed on a road map for fisheries, and we will publish it next month.\u201d\n",
        published="2031-03-04",
    )
    assert [s for s in statements(facts) if s[1] == "direct"] == [
        ("Anna Berg", "direct", "We have opened a new chapter"),
        ("Tomas Vale", "direct", "The door is open. We want Southland to walk through it."),
        ("Anna Berg", "direct", "We agreed on a road map for fisheries, and we will publish it next month."),
    ]


def test_a_speaker_before_a_phrase_the_parser_took_the_subject_from() -> None:
    # the parser takes "Bluesky" for the subject of "said"; the one person before the verb says it
    facts = extract('Minister Vale in a post on social media platform Bluesky said, "We will work together for peace and prosperity."',
                    published="2031-03-04")
    assert statements(facts) == [("Vale", "direct", "We will work together for peace and prosperity.")]


def test_it_is_noted_that_is_no_ones_statement() -> None:
    facts = extract(
        "This is reported with reference to the Telegram channel of the Ministry of Foreign Affairs of Norway.\n\n"
        "It is noted that on Saturday Foreign Minister Anna Berg had a telephone conversation with Foreign Minister Tomas Vale.",
        published="2031-03-04",
    )
    assert statements(facts) == []


def test_an_embedded_post_and_two_apostrophes_for_quotation_marks() -> None:
    facts = extract(
        "Foreign Minister Anna Berg met Foreign Minister Tomas Vale of Southland in Oslo on Monday.\n\n"
        "''Delighted to welcome my good friend FM Vale to Oslo. We now start our discussions,'' Berg tweeted.\n\n"
        "Great talks with @AnnaBerg today. Southland and Norway stand together. \u2014 Tomas Vale (@tomasvale) March 3, 2031\n",
        published="2031-03-04",
    )
    assert statements(facts) == [
        ("Anna Berg", "direct", "Delighted to welcome my good friend FM Vale to Oslo. We now start our discussions"),
        ("Tomas Vale", "direct", "Great talks with @AnnaBerg today. Southland and Norway stand together."),
    ]


def test_a_hypothetical_verb_says_nothing_and_a_participle_takes_its_clauses_subject() -> None:
    got = statements(extract(
        "Chinese Foreign Minister Wang Lin met Secretary of State Tom Hale in Beijing on Wednesday.\n\n"
        "In his opening remarks, Wang said he was eager to hear what Hale had to say. But he offered no hint as to "
        "whether China would respond to the entreaties beyond saying he hoped the two nations would be able "
        "\u201cto deepen our understanding and mutual trust.\u201d\n",
        published="2031-05-14",
    ))
    assert ("Wang Lin", "direct", "to deepen our understanding and mutual trust.") in got


def test_an_unnamed_spokesman_after_a_name_speaks_and_is_not_that_persons_post() -> None:
    facts = extract(
        "Secretary of State Tom Hale held \u201ccandid and useful talks\u201d with State Councilor and Foreign "
        "Minister Li Wen, a State Department spokesman said.\n\n"
        "\u201cThe secretary stressed the need for open channels,\u201d State Department spokesman Ben Ortiz said.\n",
        published="2031-05-14",
    )
    # "a ... spokesman" is not the spokesman the article names later
    assert ("U.S. Department of State", "direct", "candid and useful talks") in statements(facts)
    assert ("Ben Ortiz", "direct", "The secretary stressed the need for open channels") in statements(facts)
    assert {r.title for a in facts.actors if a.name == "Li Wen" for r in a.roles} == {"State Councilor", "Foreign Minister"}


# --- issue 9: attributions seen on other publishers (dev8a analysis) ---------------------------


def test_a_document_speaks_for_its_author_and_a_release_for_the_body_that_issued_it() -> None:
    facts = extract(
        "Berg, Vale meet in Nairobi\n\n"
        "Foreign Minister Anna Berg met Foreign Minister Tomas Vale of Kenya on Monday, according to a press "
        "release from the Ministry of Foreign Affairs of Chile.\n\n"
        "\"Both sides agreed to deepen fisheries cooperation,\" the press release said.\n\n"
        "\"We opened a new chapter with Kenya,\" her tweet read in part.",
        published="2031-05-13")
    got = statements(facts)
    assert ("Ministry of Foreign Affairs of Chile", "direct", "Both sides agreed to deepen fisheries cooperation") in got
    assert ("Anna Berg", "direct", "We opened a new chapter with Kenya") in got


def test_in_his_words_gives_the_quote_to_the_possessor() -> None:
    facts = extract("Minister Tomas Vale met President Anna Berg in Nairobi, in his words, to \"open a new chapter for our nations.\"",
                    published="2031-05-13")
    assert ("Tomas Vale", "direct", "open a new chapter for our nations.") in statements(facts)


def test_a_spokesperson_for_a_national_office_speaks_for_that_office() -> None:
    facts = extract(
        "President Anna Berg of Chile spoke by phone with President Tomas Vale of Kenya on Thursday.\n\n"
        "\"The president expressed his support for the talks,\" a spokesperson for the Chilean presidency said.",
        published="2031-05-13")
    got = statements(facts)
    assert [s for s in got if s[2] == "The president expressed his support for the talks"] == [
        ("Chilean Presidency", "direct", "The president expressed his support for the talks")]


def test_earlier_paragraphs_of_a_quotation_take_the_speaker_of_its_last_one() -> None:
    facts = extract(
        "Foreign Minister Tomas Vale met Foreign Minister Anna Berg in Nairobi on Monday.\n\n"
        "\u201cMet with Foreign Minister Berg to affirm our partnership.\n\n"
        "\u201cKenya plans to open an embassy in Santiago,\u201d he tweeted about the meeting.",
        published="2031-05-13")
    got = statements(facts)
    assert ("Tomas Vale", "direct", "Met with Foreign Minister Berg to affirm our partnership.") in got
    assert ("Tomas Vale", "direct", "Kenya plans to open an embassy in Santiago") in got


def test_a_pronoun_speaker_passes_an_object_named_beside_another_pronoun() -> None:
    facts = extract(
        "Tomas Vale said in a tweet that his visit built on earlier talks.\n\n"
        "Reports also indicate that he has met with Foreign Minister Anna Berg.\n\n"
        "\"Kenya plans to open an embassy in Santiago,\" he tweeted.",
        published="2031-05-13")
    assert ("Tomas Vale", "direct", "Kenya plans to open an embassy in Santiago") in statements(facts)


def test_a_quoted_subheading_is_no_statement() -> None:
    facts = extract(
        "President Anna Berg spoke by phone with President Tomas Vale on Thursday.\n\n"
        "\"Thanked for strong support,\" Berg wrote in her tweet.\n\n"
        "'Solidarity and respect'\n\n"
        "The two presidents agreed to remain in close contact.",
        published="2031-05-13")
    assert not [s for s in statements(facts) if "Solidarity" in s[2]]


def test_a_spokesman_title_with_its_holder_named_after_it_is_that_holder() -> None:
    facts = extract(
        "Talks held\n\nForeign Minister Karim Shoukry met US Secretary of State Daniel Blinken on Wednesday.\n\n"
        "The meeting tackled most prominent political, security and economic aspects of bilateral relations, "
        "Spokesman for the Foreign Ministry Omar Hafez said.\n", published="2031-05-13")
    assert ("Omar Hafez", "indirect", "The meeting tackled most prominent political, security and economic aspects of bilateral relations") in statements(facts)


def test_he_is_the_subject_named_in_apposition_not_the_object() -> None:
    text = (
        "The President of Venezuela, Tomás Vela, received his Colombian counterpart, Ramiro Ortega, in Caracas on Thursday.\n\n"
        "According to a press release, the meeting was held in a cordial atmosphere.\n\n"
        "In addition, he stressed that \"it will allow us to review the agreement on investments\"."
    )
    assert statements(extract(text, published="2031-03-20")) == [
        ("Tomás Vela", "direct", "it will allow us to review the agreement on investments")
    ]
