"""Posts placed by what the article and its outlet say (fictional people): a national newspaper
whose name names no country, a possessor of an arrival's subject who is no visitor, two posts
joined before one holder and the country the second names, title words the vocabulary lacked
(coordinating minister, chief of staff to the President, governor, PM-designate, principal
secretary, ambassador-at-large, vice chair, a portfolio before "Cabinet Secretary"), and
territories with their own governments (Cook Islands, American Samoa).

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.extract.context import publisher_country
from etl.model import Article
from tests.extract_support import extract, extractor, people, roles


def _facts(text: str, source: str | None = None):
    return extractor().extract(Article("t", text, published="2024-03-14", source=source))


def test_a_national_newspaper_names_its_home_country() -> None:
    gaz = extractor().gazetteer
    assert publisher_country("Haaretz", gaz) == "israel"
    assert publisher_country("The Straits Times", gaz) == "singapore"
    assert publisher_country("New Straits Times", gaz) == "malaysia"  # the longest name found counts
    assert publisher_country("Reuters", gaz) is None


def test_a_national_newspapers_bare_title_is_its_homes_official() -> None:
    facts = _facts("President meets senator\n\nPresident Tom Kibet on Friday held talks with US Senator Ann Lowe at "
                   "State House. Ms Lowe's engagements in Kenya are linked to the talks.", "Daily Nation (Nation.Africa)")
    assert ("Tom Kibet", "President", "Kenya") in roles(facts)


def test_the_owner_of_a_subject_that_comes_after_a_visit_is_no_visitor() -> None:
    facts = _facts("Talks in Jerusalem\n\nAvi Levin's meeting with Germany's Anna Roth comes after a two-day visit in Israel "
                   "by the German chancellor. Prime Minister Avi Levin met with German Foreign Minister Anna Roth at his office "
                   "in Jerusalem on Friday.", "Haaretz")
    assert ("Avi Levin", "Prime Minister", "Israel") in roles(facts)


def test_two_joined_posts_before_one_holder_share_the_country_the_second_names() -> None:
    facts = extract("Call\n\nOn July 10, Foreign Minister and State Councilor of the People's Republic of China Li Wen "
                    "talked with the Minister of Foreign Affairs of Mongolia, Bat Erdene, over the telephone.")
    got = roles(facts)
    assert ("Li Wen", "Foreign Minister", "China") in got
    assert ("Li Wen", "State Councilor", "China") in got


def test_two_joined_posts_then_a_comma_and_the_holder_are_both_held() -> None:
    facts = _facts("Visit\n\nThe minister paid a call on the prime minister as guest of Deputy Prime Minister and Minister of "
                   "Foreign Affairs of Thailand, Somchai Arun.")
    got = roles(facts)
    assert ("Somchai Arun", "Deputy Prime Minister", "Thailand") in got
    assert ("Somchai Arun", "Foreign Minister", "Thailand") in got


def test_the_president_and_a_prime_minister_named_after_are_not_one_holder() -> None:
    facts = _facts("Talks\n\nThe President and Prime Minister Tom Vale of Thailand met on Monday.")
    assert not any(r[0] == "Tom Vale" and r[1] == "President" for r in roles(facts))


def test_titles_the_vocabulary_lacked_are_posts_of_the_home_country() -> None:
    facts = _facts("Indonesia hosts Japan\n\nJapan's minister met Indonesia's President Joko Arif in Jakarta. He is also "
                   "scheduled to meet with Coordinating Minister of Maritime Affairs and Investment Budi Santoso.",
                   "Indonesia News Gazette")
    assert ("Budi Santoso", "Coordinating Minister of Maritime Affairs and Investment", "Indonesia") in roles(facts)


def test_a_chief_of_staff_to_the_president_and_a_governor() -> None:
    facts = _facts("President receives visitor\n\nPresident Ade Bello met the President of Ghana in Abuja. The meeting was "
                   "attended by the Chief of Staff to the President, Femi Ade; Governor Tunde Ola of Lagos and others. "
                   "Nigeria and Ghana agreed to cooperate.", "Punch (Nigeria)")
    got = roles(facts)
    assert ("Femi Ade", "Chief of Staff to the President", "Nigeria") in got
    assert ("Tunde Ola", "Governor", "Nigeria") in got


def test_a_pm_designate_beside_the_president_is_of_the_same_country() -> None:
    facts = _facts("President receives envoy\n\nPresident Elie Haddad held talks Tuesday in Baabda with French Ambassador to "
                   "Lebanon Anne Morel, a day after a meeting between him and PM-designate Karim Saad failed.", "Naharnet")
    got = roles(facts)
    assert ("Elie Haddad", "President", "Lebanon") in got
    assert ("Karim Saad", "PM-designate", "Lebanon") in got


def test_a_principal_secretary_and_an_ambassador_at_large() -> None:
    facts = _facts("Dhaka, Delhi satisfied\n\nPrime Minister Rina Akter met Indian External Affairs Minister Ravi Nair in "
                   "Dhaka. PM's Ambassador-at-Large Kamal Uddin and PM's Principal Secretary Abdul Karim were present. "
                   "Bangladesh and India agreed to deepen ties.", "The Business Standard (Bangladesh)")
    got = roles(facts)
    assert any(r[:2] == ("Kamal Uddin", "Ambassador-at-Large") for r in got)  # an envoy: not placed by the home country alone
    assert ("Abdul Karim", "Principal Secretary", "Bangladesh") in got


def test_a_portfolio_before_cabinet_secretary_is_one_post() -> None:
    facts = _facts("President meets envoy\n\nPresident Tom Kibet met the envoy in Nairobi. Foreign and Diaspora Affairs "
                   "Cabinet Secretary Paul Otieno was also present. Kenya and Ghana agreed to cooperate.", "Daily Nation")
    assert ("Paul Otieno", "Foreign and Diaspora Affairs Cabinet Secretary", "Kenya") in roles(facts)


def test_a_vice_chair_is_a_post() -> None:
    facts = extract("Delegation\n\nThe group is headed by Marc Lenoir and comprised vice chair Anne Dubois.")
    assert any(r[0] == "Anne Dubois" and r[1] == "Vice Chair" for r in roles(facts))


def test_territories_with_their_own_governments_are_countries() -> None:
    facts = _facts("Leaders meet\n\nThe President met Canadian Prime Minister John Hale and Cook Islands Prime Minister "
                   "Tom Tere. The Governor of American Samoa, Sione Lealofi, thanked the hosts.", "Manila Bulletin")
    got = roles(facts)
    assert ("Tom Tere", "Prime Minister", "Cook Islands") in got
    assert ("Sione Lealofi", "Governor", "American Samoa") in got
    assert "Sione Lealofi" in people(facts)


def test_mps_listed_after_the_plural_are_each_an_mp() -> None:
    facts = extract("Delegation\n\nThe visitors were comprised of fellow MPs Vera Lima, Joao Reis and Ana Costa.")
    got = roles(facts)
    assert {r[0] for r in got if r[1] == "MP"} == {"Vera Lima", "Joao Reis", "Ana Costa"}
    assert "MPs Vera Lima" not in people(facts)


def test_members_of_a_group_from_a_parliament_hold_their_posts_in_it() -> None:
    facts = extract("Delegation\n\nA group from the French National Assembly arrived April 17 and is headed by Marc Lenoir, "
                    "chair of the friendship group, and comprised vice chair Anne Dubois and MPs Paul Morel and Claire Petit.")
    got = roles(facts)
    assert ("Paul Morel", "MP", "French National Assembly") in got
    assert ("Anne Dubois", "Vice Chair", "French National Assembly") in got
    assert ("Marc Lenoir", "Chair", "French National Assembly") in got


def test_a_group_from_a_body_that_is_no_parliament_gives_no_body() -> None:
    facts = extract("Delegation\n\nA team from the Nordic Trade Council arrived on Monday, comprised of vice chair Anne Dubois.")
    assert not any(r[0] == "Anne Dubois" and r[2] for r in roles(facts))


def test_a_portfolio_before_cs_is_a_post_and_a_bare_cs_is_none() -> None:
    facts = _facts("Summit\n\nPrime Cabinet Secretary Tom Kibet attended the summit in Luanda with Special Advisor to the "
                   "office of the Prime CS Sam Njoroge. Foreign Affairs CS Paul Otieno is also attending. Kenya and Angola "
                   "signed deals.", "The Star (Kenya)")
    got = roles(facts)
    assert ("Paul Otieno", "Foreign Affairs CS", "Kenya") in got
    assert not any(r[0] == "Sam Njoroge" and r[1] == "CS" for r in got)


def test_a_lower_case_post_after_a_name_and_a_comma_is_that_names() -> None:
    facts = extract("Talks\n\nOn the occasion, Ram Karki, ambassador of Nepal to China, Hari Thapa, joint secretary from "
                    "the Ministry of Foreign Affairs of Nepal, and senior officials were also present.")
    got = roles(facts)
    assert ("Ram Karki", "Ambassador", "Nepal") in got
    assert not any(r[0] == "Hari Thapa" and r[1] == "Ambassador" for r in got)
