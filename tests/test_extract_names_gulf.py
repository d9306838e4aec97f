"""Names and posts in the styles of Gulf, French and other non-Anglophone readouts (fictional
people): courtesy titles such as "Sheikh" and "His Highness", royal posts (Amir, Crown Prince),
Arabic family names opened by "Al", hyphenated given names the model cuts, and the post of
someone "to" whom a message is sent.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, people, roles


def test_sheikh_is_a_courtesy_title_and_the_given_name_after_it_stays_in_the_name() -> None:
    facts = extract(
        "Kuwaiti Foreign Minister Sheikh Salem Nasser Al-Sabah received a phone call on Tuesday from "
        "US Secretary of State Mark Denton. Sheikh Salem said the two sides discussed trade.",
        published="2024-03-14")
    assert "Salem Nasser Al-Sabah" in people(facts)
    assert not {p for p in people(facts) if "Sheikh" in p or p == "Salem"}
    assert ("Salem Nasser Al-Sabah", "Foreign Minister", "Kuwait") in roles(facts)


def test_an_arabic_family_name_opened_by_al_without_hyphen_or_with_a_stray_space() -> None:
    facts = extract(
        "In a telephone conversation on Sunday, Irish Foreign Minister Ciaran Doyle and his Qatari counterpart "
        "Sheikh Khalid bin Rashid Al Marri talked about trade. The minister conveyed the greetings of His "
        "Highness the Amir Sheikh Hamad Al-Nasser Al- Rumaihi to the Irish President.",
        published="2024-03-14")
    got = people(facts)
    assert "Khalid bin Rashid Al Marri" in got
    assert any(p.startswith("Hamad Al-Nasser") and p.endswith("Rumaihi") for p in got)
    assert not {p for p in got if p in ("Khalid bin Rashid", "Rumaihi", "Hamad Al-Nasser")}


def test_the_first_part_of_a_hyphenated_given_name_is_kept() -> None:
    facts = extract(
        "Telephone conversation between Jean-Yves Le Goff and the Deputy Prime Minister (28 April 2021)\n\n"
        "Jean-Yves Le Goff, Minister for Europe and Foreign Affairs, spoke on the telephone on 28 April to "
        "Mr Aidar Tolbayev, Deputy Prime Minister of Kazakhstan.", published="2021-04-28")
    assert "Jean-Yves Le Goff" in people(facts)
    assert "Yves Le Goff" not in people(facts)


def test_royal_posts_and_the_french_minister_delegate_are_titles() -> None:
    facts = extract(
        "Kuwaiti Foreign Minister Fahad Al-Hamdan conveyed the greetings of the Amir Sheikh Hamad Al-Rumaihi "
        "to US President Mark Denton. The forthcoming visit to Kazakhstan by Paul Verlaine, Minister Delegate "
        "for Foreign Trade, should further our projects.", published="2024-03-14")
    got = roles(facts)
    assert any(p == "Hamad Al-Rumaihi" and t == "Amir" for p, t, _ in got)
    assert any(p == "Paul Verlaine" and t.startswith("Minister Delegate") for p, t, _ in got)
    assert "Delegate" not in people(facts)


def test_the_post_of_a_name_followed_by_to_is_not_of_the_addressees_country() -> None:
    facts = extract(
        "Foreign Minister Fahad Al-Hamdan of Kuwait conveyed the greetings of Prime Minister Hamad "
        "Al-Rumaihi to US President Mark Denton. Jane Roe, national security adviser to Prime Minister Tomas "
        "Veld of Japan, said the talks went well.", published="2024-03-14")
    got = roles(facts)
    assert ("Hamad Al-Rumaihi", "Prime Minister", "United States") not in got
    assert ("Jane Roe", "National Security Adviser", "Japan") in got
