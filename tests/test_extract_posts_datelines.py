"""Posts named without a country, placed by the dateline (fictional people): datelines in title
case, with the date first or the agency in slashes, the headline's label that is no dateline, a
dateline abroad in a home country's paper, a deputy beside the head, one-word portfolios, and
a capital's name that is no person.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from tests.extract_support import extract, extractor, people, roles, statements


def test_a_title_case_dateline_with_the_agency_in_slashes_places_the_bare_post() -> None:
    facts = extract(
        "Moldova, Russia discuss ties\n\n"
        "Chisinau, 28 November /AGENCY/ - Foreign Minister Ion Vadeanu and the Russian Ambassador, Pavel Orlov, "
        "discussed trade on Thursday.")
    assert ("Ion Vadeanu", "Foreign Minister", "Moldova") in roles(facts)


def test_a_dateline_after_its_date_places_the_bare_post() -> None:
    facts = extract(
        "President meets US envoy\n\n"
        "October 02, Colombo (AGENCY): President Kamal Perera met with U.S. Ambassador Ellen Marsh at his office "
        "yesterday to discuss trade.")
    assert ("Kamal Perera", "President", "Sri Lanka") in roles(facts)


def test_a_headline_label_is_no_dateline() -> None:
    facts = extract(
        "Kenya: President receives envoy\n\n"
        "President Tom Kgosi received the Kenyan Ambassador, Ann Wanjiru, on Monday to discuss trade.")
    assert not any(r[0] == "Tom Kgosi" and r[2] == "Kenya" for r in roles(facts))


def test_a_dateline_abroad_in_a_home_paper_is_where_its_own_official_went() -> None:
    facts = extractor().extract(Article(
        "t", "Prime Minister meets Kenyan minister\n\n"
        "Apia, Samoa \u2013 Prime Minister John Carter met with the Kenyan Foreign Minister, Paul Otieno, on the "
        "sidelines of the summit.", published="2024-10-25", source="Barbados Government Information Service"))
    got = roles(facts)
    assert ("John Carter", "Prime Minister", "Samoa") not in got
    assert ("John Carter", "Prime Minister", "Barbados") in got


def test_a_deputy_is_placed_beside_the_head_of_government() -> None:
    facts = extract(
        "Prime Minister to travel to Washington\n\n"
        "NASSAU \u2014 Prime Minister John Carter will travel to Washington on Monday to meet officials. "
        "Deputy Prime Minister Paul Ferris will serve as acting Prime Minister during his absence.")
    got = roles(facts)
    assert ("John Carter", "Prime Minister", "Bahamas") in got
    assert ("Paul Ferris", "Deputy Prime Minister", "Bahamas") in got


def test_a_one_word_portfolio_before_minister_is_the_post() -> None:
    facts = extract(
        "Minister hopes for new ambassador\n\n"
        "Prague, Aug 26 (AGENCY) \u2013 Interior Minister Tomas Brezina said on Sunday that he hoped a new "
        "ambassador would be in post within weeks.")
    assert ("Tomas Brezina", "Interior Minister", "Czech Republic") in roles(facts)


def test_a_post_after_a_comma_and_is_of_the_country_before() -> None:
    facts = extract(
        "The guest was received at the airport by the Tanzanian Minister of Foreign Relations, Rachel Mwamba, "
        "and Sports Minister Neema Juma, among other officials.")
    assert ("Neema Juma", "Sports Minister", "Tanzania") in roles(facts)


def test_a_capital_the_model_takes_for_a_person_is_none_and_no_speaker() -> None:
    # the model does take a dateline "Abu Dhabi:" for a PERSON in some texts; the error is
    # given to it here, as it comes, and the rest of the pipeline runs as ever
    text = ("UAE: Minister receives envoy\n\n"
            "Abu Dhabi:\nSheikh Khalid bin Rashid Al Falasi, Minister of Foreign Affairs, on Monday received the "
            "Ambassador of Peru, Jorge Salas.\n"
            "The two sides reviewed bilateral relations and ways of expanding cooperation in various fields.")
    ex = extractor()
    doc = ex.nlp(text)
    start = text.index("Abu Dhabi:")
    city = doc.char_span(start, start + len("Abu Dhabi"), label="PERSON")
    doc.ents = [e for e in doc.ents if e.end <= city.start or e.start >= city.end] + [city]
    facts = ex.facts(Article("t", text), doc)
    assert "Abu Dhabi" not in people(facts)
    assert statements(facts) == []


def test_portfolios_joined_before_a_one_word_portfolio_minister_are_one_post() -> None:
    facts = extract(
        "Lima, May 4 (AGENCY) \u2013 Peruvian Culture and Tourism Minister Rosa Quispe met the visiting "
        "Chilean Interior Minister Andres Vidal on Monday.")
    got = roles(facts)
    assert ("Rosa Quispe", "Culture and Tourism Minister", "Peru") in got
    assert ("Andres Vidal", "Interior Minister", "Chile") in got


def test_a_person_met_where_another_country_is_named_is_not_the_datelines() -> None:
    facts = extract(
        "Minister visits the capital\n\n"
        "Vilnius (AGENCY) - French Foreign Minister Claire Dumas met her Lithuanian counterpart Jonas "
        "Petraitis on Tuesday.\n\n"
        "Dumas will travel on to Poland, where she will meet President Marek Zielinski.")
    got = roles(facts)
    assert ("Marek Zielinski", "President", "Lithuania") not in got
    assert ("Jonas Petraitis", "Foreign Minister", "Lithuania") in got


def test_a_wire_credit_glued_by_a_colon_leaves_the_first_title_whole() -> None:
    facts = extract("Foreign Minister receives telephone call from Australian Foreign Minister Anna Berg\n\n"
                    "Islamabad, August 24, 2021 (PPI-OT):Foreign Minister Tariq Mahmood Rana received a telephone call "
                    "from the Foreign Minister of Australia, Ms. Anna Berg, today.\n\n"
                    "The Foreign Minister added that it was essential for the world community to support the people.",
                    published="2021-08-24")
    assert any(name == "Tariq Mahmood Rana" and title == "Foreign Minister" for name, title, _ in roles(facts))
    assert [s[0] for s in statements(facts)] == ["Tariq Mahmood Rana"]


def test_the_one_named_before_he_arrives_in_the_datelines_country_is_a_visitor_there() -> None:
    text = ("Minister looks forward to talks\n\n"
            "NAIROBI - Foreign Minister Tomas Vale met his regional counterparts in Nairobi on Tuesday.\n\n"
            "He also met the foreign ministers of Peru and Chile after arriving in the Kenyan capital to attend the meeting.")
    got = roles(extract(text, published="2031-05-13"))
    assert not [r for r in got if r[0] == "Tomas Vale" and r[2] == "Kenya"]


def test_the_dateline_still_places_the_one_named_when_he_arrives_nowhere() -> None:
    text = ("Minister looks forward to talks\n\n"
            "NAIROBI - Foreign Minister Tomas Vale met his regional counterparts in Nairobi on Tuesday.\n\n"
            "He also met the foreign ministers of Peru and Chile before the meeting.")
    assert ("Tomas Vale", "Foreign Minister", "Kenya") in roles(extract(text, published="2031-05-13"))
