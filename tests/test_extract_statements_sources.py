"""Who speaks through a document or an office, on invented paragraphs (fictional people, real
countries): a quotation split by its attribution, a ministry a national agency names without
its country, a communique issued by a named unit, a person's press office; and words only
asked for, which nobody said."""

from __future__ import annotations

from etl.model import Article
from tests.extract_support import extract, extractor, statements


def test_a_quotation_split_by_its_attribution_is_said_not_a_name() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells met Commissioner Jorge Salinas in Nairobi on Monday.\n\n"
        "\u201cKenya,\u201d Wells said, \u201chas shown great commitment to the reforms.\u201d\n",
        published="2025-03-03",
    )
    assert ("Arthur Wells", "direct", "Kenya") in statements(facts)
    assert ("Arthur Wells", "direct", "has shown great commitment to the reforms.") in statements(facts)


def test_a_ministry_without_its_country_in_a_national_agencys_story_is_that_countrys() -> None:
    text = ("Foreign Minister Arthur Wells met Commissioner Jorge Salinas in Nairobi on Monday.\n\n"
            "\u201cThe country has shown great commitment to the reforms,\u201d the Ministry of Foreign Affairs wrote.\n")
    facts = extractor().extract(Article("t", text, published="2025-03-03", source="KNA (Kenya)"))
    assert statements(facts) == [("Ministry of Foreign Affairs of Kenya", "direct", "The country has shown great commitment to the reforms")]


def test_a_communique_released_by_a_named_unit_is_the_units() -> None:
    facts = extract(
        "President Arthur Wells met his Peruvian counterpart Jorge Salinas in Nairobi today.\n\n"
        "\u201cThe two heads of state exchanged views on the security situation in the region,\u201d "
        "reads the communique released by the Presidential Press Unit (PPU) today.\n",
        published="2025-03-03",
    )
    assert statements(facts) == [("Presidential Press Unit", "direct", "The two heads of state exchanged views on the security situation in the region")]


def test_a_persons_press_team_speaks_for_the_person() -> None:
    facts = extract(
        "President Arthur Wells met the Peruvian Ambassador Jorge Salinas in Nairobi today.\n\n"
        "\u201cThe discussions further delved into regional peace and stability,\u201d a statement from "
        "his press team reads in part.\n",
        published="2025-03-03",
    )
    assert statements(facts) == [("Arthur Wells", "direct", "The discussions further delved into regional peace and stability")]


def test_words_only_asked_to_be_conveyed_are_no_statement() -> None:
    facts = extract(
        "President Arthur Wells received Peruvian Foreign Minister Jorge Salinas in Nairobi on Monday.\n\n"
        "The President of Kenya asked to convey the gratitude of our people to the President of Peru.\n",
        published="2025-03-03",
    )
    assert statements(facts) == []


def test_the_spokesman_a_story_names_once_is_that_person() -> None:
    # the lead gives the post, the next paragraph the name; "the spokesman" and "He" go on with him
    facts = extract(
        "Talks on the border stalled on Monday, the spokesman for Chile\u2019s foreign ministry said.\n\n"
        "Speaking at a briefing on Tuesday, Tomas Irarrazaval said, \u201cThe talks have not ended.\u201d\n\n"
        "Commenting on the border, the spokesman said, \u201cWe are still waiting for an answer from Lima.\u201d\n\n"
        "He added, \u201cWe call on Peru to return to the table.\u201d\n"
    )
    direct = [s for s in statements(facts) if s[1] == "direct"]
    assert direct == [
        ("Tomas Irarrazaval", "direct", "The talks have not ended."),
        ("Tomas Irarrazaval", "direct", "We are still waiting for an answer from Lima."),
        ("Tomas Irarrazaval", "direct", "We call on Peru to return to the table."),
    ]


def test_the_spokesman_is_no_one_where_two_people_without_a_post_speak() -> None:
    facts = extract(
        "Talks on the border stalled on Monday, the spokesman for Chile\u2019s foreign ministry said.\n\n"
        "Tomas Irarrazaval said the talks had not ended. Rodrigo Vial said they would resume.\n\n"
        "Commenting on the border, the spokesman said, \u201cWe are still waiting for an answer from Lima.\u201d\n"
    )
    assert not [s for s in statements(facts) if s[0] in ("Tomas Irarrazaval", "Rodrigo Vial") and s[1] == "direct"]


def test_an_embassy_spokesperson_speaks_for_the_embassy_named_before() -> None:
    facts = extract(
        "Ambassador Karl Brandt of Germany met Foreign Secretary Amina Rahman in Dhaka on Sunday.\n\n"
        "In response to a query to the German Embassy in Dhaka, a spokesperson said the talks were routine.\n\n"
        "\u201cThese talks help us understand Bangladesh better,\u201d the embassy spokesperson told reporters.\n"
    )
    assert [s for s in statements(facts) if s[1] == "direct"] == [
        ("German Embassy", "direct", "These talks help us understand Bangladesh better"),
    ]


def test_the_statement_named_again_is_its_issuers_not_the_body_named_last() -> None:
    facts = extract(
        "President Arthur Wells had a phone call with President Jorge Salinas of Peru on Thursday.\n\n"
        "A statement issued by the Ministry of Foreign Affairs of Kenya said the talks centred on trade.\n\n"
        "Wells also stressed cooperation at the United Nations Security Council.\n\n"
        "\u201cThe President applauded Peru\u2019s leadership in the region,\u201d the statement reads.\n",
        published="2025-03-03",
    )
    direct = [s for s in statements(facts) if s[1] == "direct"]
    assert direct == [("Ministry of Foreign Affairs of Kenya", "direct", "The President applauded Peru\u2019s leadership in the region")]


def test_the_office_of_a_countrys_president_speaks_as_that_office() -> None:
    facts = extract(
        "Nairobi, Kenya \u2014 President Arthur Wells on Sunday held what the Office of the Kenya President described as "
        "\"a positive meeting\" with Ambassador Jorge Salinas, President Tomas Vale's Special Envoy.\n",
        published="2025-03-03",
    )
    assert ("Office of the President of Kenya", "direct", "a positive meeting") in statements(facts)


def test_as_reported_by_the_ministry_of_the_stories_foreign_minister_is_that_ministrys() -> None:
    facts = extract(
        "The Minister of Foreign Affairs of Kenya, Arthur Wells, received Commissioner Jorge Salinas in Nairobi on Monday.\n\n"
        "As reported by the Ministry in a press release, both Wells and Salinas agreed on the need to strengthen ties "
        "with these \u201ctwo strategic regions for Kenyan foreign policy\u201d.\n",
        published="2025-03-03",
    )
    assert ("Ministry of Foreign Affairs of Kenya", "direct", "two strategic regions for Kenyan foreign policy") in statements(facts)


def test_the_ministry_of_a_story_with_foreign_ministers_of_two_countries_is_no_one_guessed() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells of Kenya met Foreign Minister Jorge Salinas of Peru in Nairobi on Monday.\n\n"
        "As reported by the Ministry in a press release, both ministers agreed on the need to strengthen ties "
        "with these \u201ctwo strategic regions for their foreign policy\u201d.\n",
        published="2025-03-03",
    )
    assert not [s for s in statements(facts) if s[0].startswith("Ministry")]


def test_a_hyphenated_surname_the_model_tags_as_no_person_still_speaks() -> None:
    facts = extract(
        "Director General Ana Ferreira met Foreign Minister Hossein Tavakoli-Rad of Iran in Vienna on Monday. "
        "Ferreira spoke to reporters first. \"This is a step in the right direction,\" she said.\n\n"
        "Tavakoli-Rad was more guarded. He said Tehran's cooperation depended on the removal of the resolutions.\n\n"
        "\"We have shown our good faith,\" Tavakoli-Rad told state television after the meeting.\n",
        published="2025-03-03",
    )
    said = statements(facts)
    assert ("Ana Ferreira", "direct", "This is a step in the right direction") in said
    assert not [s for s in said if s[0] == "Ana Ferreira" and "Tehran" in s[2]]
    assert ("Hossein Tavakoli-Rad", "direct", "We have shown our good faith") in said
    assert ("Hossein Tavakoli-Rad", "indirect", "Tehran's cooperation depended on the removal of the resolutions") in said


def test_the_ministry_of_a_story_with_another_countrys_minister_is_no_one_guessed() -> None:
    facts = extract(
        "Defence Minister Arthur Wells of Kenya met Foreign Minister Jorge Salinas of Peru in Nairobi on Monday.\n\n"
        "As reported by the Ministry in a press release, both ministers agreed on the need to strengthen ties "
        "with these \u201ctwo strategic regions for their foreign policy\u201d.\n",
        published="2025-03-03",
    )
    assert not [s for s in statements(facts) if s[0].startswith("Ministry")]


def test_the_presidency_of_a_story_whose_presidents_are_one_countrys_is_that_countrys() -> None:
    facts = extract(
        "President Arthur Wells of Kenya received Ambassador Jorge Salinas on Tuesday.\n\n"
        "\u201cBilateral relations and the latest developments were discussed during the meeting,\u201d the Presidency said in a statement.\n",
        published="2025-03-03",
    )
    assert ("Presidency of Kenya", "direct", "Bilateral relations and the latest developments were discussed during the meeting") in statements(facts)


def test_a_spokesmans_employer_split_off_by_the_parser_is_not_the_speaker() -> None:
    facts = extract(
        "President Moon Jae-in spoke with President Anna Vale by phone on Monday.\n\n"
        "\u201cPresident Moon explained in detail the plans for the summit,\u201d Cheong Wa Dae spokesman Lee Ha-jun said.\n",
        published="2025-03-03",
    )
    assert ("Lee Ha-jun", "direct", "President Moon explained in detail the plans for the summit") in statements(facts)
