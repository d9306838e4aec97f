"""Posts in lists of officials and the country they belong to (fictional people): military and
parliamentary posts, ranks and styles of address before a name, a post joined to its ministry
by a dash, a party before an apposed post, "Secretary of State for ... Affairs", datelines with
a colon, outlets named after a capital, and the sides of a visit.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from tests.extract_support import extract, extractor, people, roles


def _facts(text: str, source: str | None = None, url: str | None = None):
    return extractor().extract(Article("t", text, published="2024-05-01", source=source, url=url))


def test_military_and_parliamentary_posts_after_ranks_in_a_list() -> None:
    facts = _facts(
        "Prime Minister Tom Hale was accompanied by the Chief of Defence Staff, Lt. Gen. Sam Doyle, the Deputy Chief "
        "of Defence Forces, Maj Gen Ann Kerr, and Parliamentary Secretary Senator Rob Kent.",
        url="https://www.example.gov.jm/news/1")
    got = roles(facts)
    assert ("Sam Doyle", "Chief of Defence Staff", "Jamaica") in got
    assert ("Ann Kerr", "Deputy Chief of Defence Forces", "Jamaica") in got
    assert ("Rob Kent", "Parliamentary Secretary", "Jamaica") in got
    assert not any(p == "Sam Doyle" and t.startswith("Deputy") for p, t, _ in got)


def test_a_post_joined_to_its_ministry_by_a_dash_is_the_next_names() -> None:
    facts = _facts(
        "The meeting in Uganda was also attended by the Minister of Defence, Hon. Jacob Amani, the Permanent "
        "Secretary-Ministry of Defence, Ms. Rose Bakari and others.", url="https://www.example.co.ug/news/2")
    got = roles(facts)
    assert ("Rose Bakari", "Permanent Secretary-Ministry of Defence", "Uganda") in got
    assert not any(p == "Jacob Amani" and t == "Permanent Secretary" for p, t, _ in got)


def test_a_house_member_apposed_past_a_party_and_a_delegate_minister() -> None:
    facts = _facts("Minister Tom Hale met Dan Wolf, a Republican U.S. House of Representatives member, in Miami.")
    assert ("Dan Wolf", "Member of the House of Representatives", "United States") in roles(facts)
    facts = _facts("H.E. Pol Vann, Delegate Minister Attached to the Prime Minister, told reporters the visit went well.",
                   source="Agence Kampuchea Presse (Cambodia)")
    assert ("Pol Vann", "Delegate Minister", "Cambodia") in roles(facts)


def test_a_long_style_of_address_before_a_name_ending_in_sen() -> None:
    facts = _facts(
        "Samdech Akka Moha Sena Padei Techo Pich Sen, Prime Minister of the Kingdom of Cambodia, received here "
        "this afternoon visiting H.E. Tom Brand, Former Prime Minister of New Zealand.")
    assert ("Pich Sen", "Prime Minister", "Cambodia") in roles(facts)


def test_us_assistant_secretary_of_state_for_a_region() -> None:
    facts = _facts("Deputy Foreign Minister Ali Karimov and Deputy Assistant Secretary of State for Central and South "
                   "Asian Affairs John Mark Pike discussed regional security at a meeting in Bishkek.")
    assert ("John Mark Pike", "Deputy Assistant Secretary of State for Central and South Asian Affairs", "United States") in roles(facts)


def test_a_dateline_with_a_colon_places_the_bare_title() -> None:
    facts = _facts("NEW DELHI: Foreign secretary Ravi Mehta and his Ruritanian counterpart Ana Roma reviewed the partnership.")
    assert ("Ravi Mehta", "Foreign Secretary", "India") in roles(facts)


def test_an_outlet_named_after_a_capital_is_that_countrys() -> None:
    facts = _facts("President Ben Mwale has arrived in Kigali for a two-day state visit.", source="Lusaka Herald")
    assert ("Ben Mwale", "President", "Zambia") in roles(facts)


def test_a_name_after_his_excellency_the_model_misses() -> None:
    facts = _facts(
        "On Friday, May 17, 2024, President Kofi Mensah Boateng cordially greeted His Excellency Bassiru Diome Falla, "
        "the newly elected president of the Republic of Senegal, to Jubilee House.")
    assert "Bassiru Diome Falla" in people(facts)


def test_a_title_met_again_with_its_country_places_the_person_for_the_pair() -> None:
    facts = _facts(
        "President Kofi Boateng met President Bassiru Falla on Monday.\n\nBassiru Falla, the President of Senegal, "
        "thanked his host for the welcome.\n\nGhana and Senegal have long been close partners.")
    assert ("Kofi Boateng", "President", "Ghana") in roles(facts)


def test_people_in_one_list_are_not_each_others_counterparts() -> None:
    facts = _facts(
        "Foreign secretary Ravi Mehta of India held talks in Kathmandu on Monday.\n\nMehta, who is on a visit to Nepal, "
        "also met President Sita Devi Karki of Nepal, Prime Minister Hari Bahadur Thapa and foreign minister Gita Rai on "
        "Monday. This is part of the India-Nepal partnership.")
    got = roles(facts)
    assert ("Sita Devi Karki", "President", "Nepal") in got
    assert not any(p == "Hari Bahadur Thapa" and of == "India" for p, _, of in got)


def test_a_court_style_places_before_the_dateline() -> None:
    facts = _facts(
        "WASHINGTON, May 12 (KUNA) -- Talks were held between Kuwaiti Foreign Minister Sheikh Fahad Al-Sabah and US Secretary of "
        "State Tom Reed.\n\nSheikh Fahad conveyed greetings of His Highness the Amir Sheikh Jaber Al-Sabah and His "
        "Highness the Crown Prince Sheikh Nasser Al-Sabah to US President Dan Cole, and praised Kuwait-US ties.")
    got = roles(facts)
    assert not any(p == "Nasser Al-Sabah" and of == "United States" for p, _, of in got)


def test_a_plural_title_before_a_list_of_names_is_each_ones_post() -> None:
    got = roles(extract("Kenyan Cabinet Secretaries Wanjiru Odhiambo and Amina Kariuki met Tom Hale in Nairobi.\n\n"
                        "Foreign Ministers Ola Brekke and Anna Berg met in Oslo."))
    assert {("Wanjiru Odhiambo", "Cabinet Secretary", "Kenya"), ("Amina Kariuki", "Cabinet Secretary", "Kenya"),
            ("Ola Brekke", "Foreign Minister", None), ("Anna Berg", "Foreign Minister", None)} <= got


def test_a_plural_title_before_names_each_of_a_country_is_each_ones_post_of_it() -> None:
    got = roles(extract("The foreign ministers met: Ministers Jan Kowal of Poland, Jean-Luc Berre of France and "
                        "Hans Vogel of Germany, found common ground in Paris."))
    assert {("Jan Kowal", "Minister", "Poland"), ("Jean-Luc Berre", "Minister", "France"),
            ("Hans Vogel", "Minister", "Germany")} <= got


def test_a_plural_title_before_names_each_of_a_country_fills_the_country_of_the_bare_title_later() -> None:
    # "Minister Vogel" later in the text gives the title without a country first; the list's
    # "of Germany" is his, not the country of the list's first name
    got = roles(extract("The foreign ministers met: Ministers Jan Kowal of Poland, Jean-Luc Berre of France and "
                        "Hans Vogel of Germany, found common ground in Paris.\n\n"
                        "Minister Vogel spoke about the work of the group."))
    assert ("Hans Vogel", "Minister", "Germany") in got
    assert not any(p == "Hans Vogel" and of == "Poland" for p, _, of in got)
