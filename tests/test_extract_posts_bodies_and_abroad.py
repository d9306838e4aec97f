"""Posts (fictional people): titles the table lacked, a post of a body the gazetteer does not
list, a counterpart "from" a country, hyphenated names after a comma, a name ending in a place
name, an envoy accredited to "the United States", and whose country a newspaper's bare titles
are when its story is filed from abroad, or when a government's release names another
country's post without a name.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from tests.extract_support import extract, extractor, people, roles


def test_an_attorney_general_and_a_congressman_are_posts() -> None:
    facts = extract(
        "Prime Minister Ana Pereira held meetings with Chair of the House Rules Committee, Congressman Tomas Vale, "
        "as well as US Attorney General Mara Quint.", published="2024-03-14")
    got = roles(facts)
    assert ("Mara Quint", "Attorney General", "United States") in got
    assert ("Tomas Vale", "Congressman", None) in got
    assert "Tomas Vale" in people(facts)  # not "Congressman Tomas Vale"
    assert "House Rules Committee" not in people(facts)  # a body's name before a title is no person


def test_a_foreign_minister_and_deputy_premier_holds_both_posts() -> None:
    facts = extract("Italy's foreign minister and deputy premier Marco Bellini held talks in Vienna on Monday.",
                    published="2024-03-14")
    got = roles(facts)
    assert ("Marco Bellini", "Foreign Minister", "Italy") in got
    assert ("Marco Bellini", "Deputy Premier", "Italy") in got


def test_a_post_of_a_body_the_gazetteer_lacks_is_of_that_body() -> None:
    facts = extract(
        "The program included a working meeting with the Executive Director of the Northern Energy Agency Lars "
        "Holm, and talks with the director general of the Arctic Fisheries Organization of the Nordic States "
        "(AFONS), Petra Lund.", published="2024-03-14")
    got = roles(facts)
    assert ("Lars Holm", "Executive Director", "Northern Energy Agency") in got
    assert ("Petra Lund", "Director General", "Arctic Fisheries Organization of the Nordic States") in got


def test_a_counterpart_from_a_country_holds_the_owners_post_of_it() -> None:
    facts = extract(
        "President Ana Lima Sousa receives this Wednesday his counterpart from Colombia, Jorge Ivan Ruiz, at the "
        "palace.", published="2024-03-14")
    assert ("Jorge Ivan Ruiz", "President", "Colombia") in roles(facts)


def test_a_hyphenated_name_after_a_comma_is_the_titles_holder() -> None:
    facts = extract("Afterwards, the minister met with the president of Cuba, Miguel Ruiz-Vega and discussed trade.",
                    published="2024-03-14")
    assert ("Miguel Ruiz-Vega", "President", "Cuba") in roles(facts)


def test_a_name_ending_in_a_place_name_is_the_whole_name() -> None:
    facts = extract("Prime Minister Ana Lima met the Foreign Minister of Chile, Jorge Soto, on Monday.",
                    published="2024-03-14")
    assert "Ana Lima" in people(facts)
    assert "Ana" not in people(facts)


def test_an_envoy_to_the_united_states_is_of_the_country_before_the_title() -> None:
    facts = extract("He met Jamaica's Ambassador to the United States Carla Brown and the Kenyan Ambassador to the "
                    "United States, Peter Otieno, on Monday.", published="2024-03-14")
    got = roles(facts)
    assert ("Carla Brown", "Ambassador", "Jamaica") in got
    assert ("Peter Otieno", "Ambassador", "Kenya") in got


def test_a_government_release_gives_another_countrys_bare_title_to_no_own_official() -> None:
    facts = extractor().extract(Article(
        "t", "Meeting in Oslo on the crisis\n\n"
        "Today, Foreign Minister Anna Dahl hosted a high-level meeting. It was organised in response to a request "
        "from the Saudi Minister of Foreign Affairs, who heads a committee.",
        published="2024-03-14", source="Government of Norway, Ministry of Foreign Affairs"))
    got = roles(facts)
    assert ("Anna Dahl", "Foreign Minister", "Saudi Arabia") not in got
    assert ("Anna Dahl", "Foreign Minister", "Norway") in got


def test_a_newspapers_story_filed_abroad_does_not_give_the_host_the_papers_country() -> None:
    facts = extractor().extract(Article(
        "t", "Envoy delivers message\n\n"
        "Kigali, Rwanda \u2014 President Jean Habimana on Sunday held a meeting with Ambassador Peter Okello, who "
        "travelled to Kigali with a message.", published="2024-03-14", source="The Independent (Kampala)"))
    got = roles(facts)
    assert ("Jean Habimana", "President", "Uganda") not in got


def test_a_newspapers_own_official_on_a_visit_abroad_is_of_its_country_and_so_is_his_company() -> None:
    facts = extractor().extract(Article(
        "t", "Prime Minister on working visit\n\n"
        "WASHINGTON, DC:\n\n"
        "Prime Minister Andre Campbell, who is on a working visit to Washington, on Tuesday held talks with US "
        "National Security Advisor Tom Reed.\n\n"
        "The prime minister also met with the Secretary of the Navy Carl Dunn at the Pentagon on Tuesday.\n\n"
        "He was accompanied by Foreign Minister Marcia Grant.",
        published="2024-03-14", source="The Jamaica Gleaner"))
    got = roles(facts)
    assert ("Andre Campbell", "Prime Minister", "Jamaica") in got
    assert ("Marcia Grant", "Foreign Minister", "Jamaica") in got
    assert ("Carl Dunn", "Secretary of the Navy", "Jamaica") not in got


def test_a_portfolio_listed_with_commas_is_one_title() -> None:
    facts = extract("The team included Cabinet Secretary for Investment, Trade, and Industry, Rose Wanjiru to a meeting "
                    "with the envoy.", published="2024-03-14")
    assert ("Rose Wanjiru", "Cabinet Secretary for Investment, Trade, and Industry", None) in roles(facts)


def test_a_country_or_body_set_off_by_commas_between_title_and_name_is_the_posts() -> None:
    facts = extract(
        "Those in attendance were the Minister of Information, Ghana, Hon. Kwame Asante, and others.\n\n"
        "The Spokesperson, Ministry of Foreign Affairs, Musa Bello, in a statement issued in Abuja, said the talks went well.",
        published="2024-03-14")
    got = roles(facts)
    assert ("Kwame Asante", "Minister of Information", "Ghana") in got
    assert ("Musa Bello", "Spokesperson", "Ministry of Foreign Affairs") in got


def test_a_post_predicated_with_is_is_the_subjects() -> None:
    facts = extract("Ambassador Peter Okello met the minister. Okello is the Permanent Representative of Uganda to the "
                    "United Nations. Anna Berg is the Foreign Minister's adviser. Tom Vale is not the President of Chile.",
                    published="2024-03-14")
    got = roles(facts)
    assert ("Peter Okello", "Permanent Representative", "Uganda") in got
    assert not [r for r in got if r[0] in ("Anna Berg", "Tom Vale")]
    facts = extract("Deputy Prime Minister Musa Otieno, who is also the Foreign Minister of Kenya, arrived in Washington.",
                    published="2024-03-14")
    assert ("Musa Otieno", "Foreign Minister", "Kenya") in roles(facts)


def test_the_countrys_post_is_of_the_country_named_just_before() -> None:
    facts = extract("President Ana Sousa is on a trip to Argentina. Yesterday, she had a meeting with the country's "
                    "president, Carlos Ferro, to resume relations.", published="2024-03-14")
    assert ("Carlos Ferro", "President", "Argentina") in roles(facts)


def test_the_official_a_country_sends_or_is_represented_by_is_that_countrys() -> None:
    facts = extract("Peru sent the Prime Minister, Jorge Salas, because the president could not travel. Chile was "
                    "represented by Foreign Minister Ana Soto. The Prime Minister sent Minister Tom Vale to Lima.",
                    published="2024-03-14")
    got = roles(facts)
    assert ("Jorge Salas", "Prime Minister", "Peru") in got
    assert ("Ana Soto", "Foreign Minister", "Chile") in got
    assert ("Tom Vale", "Minister", None) in got
    facts = extract("Kenya sent a message to Foreign Minister Ana Lopez on Monday.", published="2024-03-14")
    assert ("Ana Lopez", "Foreign Minister", "Kenya") not in roles(facts)


def test_the_president_of_the_republic_is_a_title_and_the_given_name_after_it_the_names() -> None:
    facts = extract("This Tuesday, the President of the Republic Marcelo Ribeiro de Castro swore in the Prime Minister, "
                    "Luis Pinto, in Lisbon.", published="2024-03-14")
    got = roles(facts)
    assert ("Marcelo Ribeiro de Castro", "President of the Republic", None) in got


def test_a_countrys_team_that_included_an_official_places_the_official() -> None:
    facts = extract("On Monday, the minister led a team of Kenya government officials that included Cabinet Secretary "
                    "for Trade, Rose Wanjiru to a meeting with Ambassador Meg Lane.", published="2024-03-14")
    assert ("Rose Wanjiru", "Cabinet Secretary for Trade", "Kenya") in roles(facts)
    assert ("Meg Lane", "Ambassador", "Kenya") not in roles(facts)  # met by the team, not in it


def test_a_post_at_a_countrys_embassy_named_before_its_holder_is_that_countrys() -> None:
    facts = extract("He was accompanied by the Minister Counsellor for Trade at the Embassy of Jamaica, Carla Brown.",
                    published="2024-03-14")
    assert ("Carla Brown", "Minister Counsellor for Trade", "Jamaica") in roles(facts)


def test_former_holders_named_by_a_home_text_are_its_own_beside_the_sitting_one() -> None:
    facts = extractor().extract(Article(
        "t", "Remarks in Tokyo\n\n"
        "PRIME MINISTER JOHN CARTER: It is important that Barbados shows its respect. I have brought with me as "
        "well, former Prime Ministers Wells, Hartley and Brook.", published="2024-03-14",
        source="Barbados Government Information Service"))
    got = roles(facts)
    assert ("Wells", "Prime Minister", "Barbados") in got
    assert ("Brook", "Prime Minister", "Barbados") in got


def test_two_posts_joined_by_and_before_one_holder_after_a_comma_are_both_held() -> None:
    facts = extract(
        "The minister received in Madrid the High Representative for Foreign and Security Policy of the EU and Vice "
        "President of the Commission, Jonas Berg, to coordinate policy.", published="2024-03-14")
    got = roles(facts)
    assert ("Jonas Berg", "High Representative", "European Union") in got
    assert any(r[0] == "Jonas Berg" and r[1].startswith("Vice President") and r[2] == "European Union" for r in got)


def test_two_posts_joined_by_and_before_two_listed_names_are_not_one_persons() -> None:
    facts = extract("The President of Chile and the Prime Minister of Peru, Ana Soto and Luis Vega, met on Monday.",
                    published="2024-03-14")
    assert ("Ana Soto", "President", "Chile") not in roles(facts)


def test_whose_post_is_of_the_country_the_relative_clause_hangs_on() -> None:
    facts = extract("Nor has the embassy in Georgia, with whose Foreign Minister, Nika Beridze, the minister also met "
                    "on Wednesday, been upgraded. Ana Lopez, whose Foreign Minister spoke, left.", published="2024-03-14")
    got = roles(facts)
    assert ("Nika Beridze", "Foreign Minister", "Georgia") in got
    assert not [r for r in got if r[0] == "Ana Lopez"]


def test_a_home_texts_president_of_the_republic_is_its_own_beside_its_prime_minister() -> None:
    facts = extractor().extract(Article(
        "t", "Prime Minister Luis Pinto, who spoke with the Ukrainian President on Monday, guaranteed support.\n\n"
        "This Tuesday, the President of the Republic Marcelo Ribeiro de Castro swore in the Prime Minister, Luis Pinto, "
        "in a ceremony in Lisbon. Portugal will continue its support.", published="2024-03-14", source="Portugal Pulse"))
    got = roles(facts)
    assert ("Marcelo Ribeiro de Castro", "President of the Republic", "Portugal") in got
    assert ("Luis Pinto", "Prime Minister", "Portugal") in got


def test_a_bare_title_of_a_country_is_the_one_holder_of_that_very_post() -> None:
    facts = extract(
        "Silva receives President of Colombia at the palace\n\n"
        "The president Ana Lima Silva receives this Wednesday his counterpart from Colombia, Jorge Ivan Ruiz, at the "
        "palace. Peru sent the Prime Minister, Jorge Salas, because President Rosa Mendes could not travel.",
        published="2024-03-14")
    got = roles(facts)
    assert ("Jorge Ivan Ruiz", "President", "Colombia") in got
    assert ("Rosa Mendes", "President", "Colombia") not in got


def test_a_bare_title_of_one_country_is_not_the_holder_of_that_post_for_another() -> None:
    facts = extract(
        "Minister Ana Lima met Peruvian, Chilean counterparts\n\n"
        "External Affairs Minister Ana Lima on Tuesday met the Chilean Foreign Minister in Lima. \"Good to meet FM "
        "Jorge Salas of Peru,\" she said. Foreign Minister Jorge Salas also met her on Tuesday.",
        published="2024-03-14")
    got = roles(facts)
    assert ("Jorge Salas", "Foreign Minister", "Peru") in got
    assert ("Jorge Salas", "Foreign Minister", "Chile") not in got


def test_a_member_of_a_group_from_abroad_is_not_the_publishers_official() -> None:
    from etl.model import Article
    from tests.extract_support import extractor, roles
    facts = extractor().extract(Article(
        "t", "Taiwan welcomes parliamentary delegation\n\nVisits by a parliamentary delegation from France are welcomed "
        "by the government and people of Taiwan, the Ministry of Foreign Affairs said.\n\nA group from the French "
        "National Assembly arrived April 17 and is headed by Jean Marot, chair of the friendship group, and "
        "comprised vice chair Claire Dubois.", published="2023-04-17", source="Taiwan Today (MOFA, Taiwan)"))
    got = roles(facts)
    assert not any(p in ("Jean Marot", "Claire Dubois") and of == "Taiwan" for p, _, of in got)
