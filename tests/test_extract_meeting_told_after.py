"""A meeting's day and place told after its own sentence, and the same meeting told again in
other words: "This was on Tuesday at his office at Cantonments, Accra", "Present at the meeting
were A, B and C", "X has hosted Y at State House Nairobi" (fictional people, real places)."""

from __future__ import annotations

from tests.extract_support import extract, meetings, roles


def test_this_was_on_a_day_at_a_place_dates_and_places_the_meeting_before() -> None:
    facts = extract(
        "New envoy meets Osei\n\n"
        "The new Ambassador of Peru, Jorge Salinas, has paid a courtesy call on former President Kwame Osei.\n\n"
        "This was on Tuesday at his office at Cantonments, Accra to introduce himself as the new envoy.",
        published="2022-01-28",
    )
    assert meetings(facts) == [(frozenset({"Jorge Salinas", "Kwame Osei"}), "in-person", "held", "2022-01-25", "Accra")]


def test_present_at_the_meeting_were_adds_the_people_named_after_the_verb() -> None:
    facts = extract(
        "The new Ambassador of Peru, Jorge Salinas, has paid a courtesy call on former President Kwame Osei on Tuesday.\n\n"
        "Present at the meeting were his running mate, Prof Ama Mensah, and the party's General Secretary, Kofi Boateng.",
        published="2022-01-28",
    )
    assert [m[0] for m in meetings(facts)] == [frozenset({"Jorge Salinas", "Kwame Osei", "Ama Mensah", "Kofi Boateng"})]


def test_a_host_with_the_guest_at_a_named_building_of_a_city() -> None:
    facts = extract(
        "President Daniel Korir held talks with Senator Paul Whitby on global security.\n\n"
        "Nairobi - President Daniel Korir has hosted United States senator Paul Whitby at State House Nairobi.",
        published="2023-08-18",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Daniel Korir", "Paul Whitby"}), "Nairobi")]



def test_received_by_a_host_at_a_building_in_a_city() -> None:
    facts = extract(
        "Foreign Minister Omar Kaya and NATO Secretary-General Lars Brandt met on Tuesday in Antalya.\n\n"
        "Before meeting with Kaya, Brandt was received by President Selim Aydin at the Presidential Complex in Ankara.",
        published="2025-05-14",
    )
    assert (frozenset({"Lars Brandt", "Selim Aydin"}), "Ankara") in [(m[0], m[4]) for m in meetings(facts)]


def test_a_quoted_readout_in_the_third_person_places_the_meeting() -> None:
    facts = extract(
        "Foreign Minister Omar Kaya and NATO Secretary-General Lars Brandt met on Tuesday ahead of an informal meeting of NATO foreign ministers.\n\n"
        "\"Minister of Foreign Affairs Omar Kaya met with Lars Brandt, NATO Secretary General, at a working dinner prior to the "
        "Informal Meeting of NATO Ministers of Foreign Affairs, in Antalya,\" said the Foreign Ministry.",
        published="2025-05-14",
    )
    assert [(m[0], m[3], m[4]) for m in meetings(facts)] == [(frozenset({"Omar Kaya", "Lars Brandt"}), "2025-05-13", "Antalya")]


def test_the_speakers_own_account_in_a_quote_places_nothing() -> None:
    facts = extract(
        "Foreign Minister Omar Kaya and NATO Secretary-General Lars Brandt met on Tuesday.\n\n"
        "\"We met in Antalya last year and I met Lars Brandt in Oslo before,\" Kaya said.",
        published="2025-05-14",
    )
    assert [m[4] for m in meetings(facts) if m[3] == "2025-05-13"] == [None]


def test_a_participants_quote_of_todays_meeting_dates_it() -> None:
    facts = extract(
        "Foreign Minister Omar Kaya met with his Jordanian counterpart Sami Haddad in Riyadh to discuss regional developments.\n\n"
        "\u201cIn today\u2019s meeting, we discussed a number of issues of common interest,\u201d Kaya said.",
        published="2021-01-16",
    )
    assert [(m[0], m[3]) for m in meetings(facts)] == [(frozenset({"Omar Kaya", "Sami Haddad"}), "2021-01-16")]


def test_todays_meeting_in_the_quote_of_someone_else_dates_nothing() -> None:
    facts = extract(
        "Foreign Minister Omar Kaya met with his Jordanian counterpart Sami Haddad in Riyadh to discuss regional developments.\n\n"
        "\u201cIn today\u2019s meeting, the cabinet discussed the budget,\u201d spokesman Ali Nasser said.",
        published="2021-01-16",
    )
    assert [m[3] for m in meetings(facts)] == [None]


def test_a_transcripts_headline_of_place_and_date_places_and_dates_its_talks() -> None:
    facts = extract(
        "Foreign Minister Ivan Petrenko\u2019s opening remarks during talks with Moldovan Foreign Minister Andrei Ciobanu, Sochi, July 1, 2016\n\n"
        "Mr Ciobanu,\n\n"
        "I\u2019m very pleased to see you. Thank you for accepting our invitation.",
        published="2016-07-01",
    )
    assert meetings(facts) == [(frozenset({"Ivan Petrenko", "Andrei Ciobanu"}), "in-person", "held", "2016-07-01", "Sochi")]
    assert "Sochi" not in {a.name for a in facts.actors}


def test_talks_as_part_of_an_event_in_a_city_are_held_there() -> None:
    facts = extract(
        "ASTANA \u2013 Foreign Minister Aidar Sultanov held talks with Peruvian Foreign Minister Jorge Salinas to deepen bilateral cooperation "
        "as part of the High-Level week of the 79th session of the UN General Assembly in New York.",
        published="2024-09-26",
    )
    assert [m[4] for m in meetings(facts)] == ["New York"]


def test_talks_to_discuss_a_place_are_not_held_there() -> None:
    facts = extract(
        "Foreign Minister Aidar Sultanov held talks with Peruvian Foreign Minister Jorge Salinas on Monday to discuss the situation in Gaza.",
        published="2024-09-26",
    )
    assert [m[4] for m in meetings(facts)] == [None]


def test_a_visit_told_beside_the_talks_leaves_them_their_people_day_and_city() -> None:
    facts = extract(
        "Prime Minister Aziz Rahman today received a courtesy call from Indian Defence Minister Vikram Rao, who is on his first visit to Malaysia.\n\n"
        "Earlier, Rao, who started his working visit to Malaysia yesterday, held a bilateral meeting with his counterpart Hamid "
        "at the Ministry of Defence in Kuala Lumpur.",
        published="2023-07-10",
    )
    found = {m[0]: (m[3], m[4]) for m in meetings(facts)}
    assert found[frozenset({"Vikram Rao", "Hamid"})] == (None, "Kuala Lumpur")


def test_in_the_meeting_at_a_site_here_attended_by_a_third() -> None:
    facts = extract(
        "Prime Minister Aziz Rahman today received a courtesy call from Indian Defence Minister Vikram Rao, who is on his first visit to Malaysia.\n\n"
        "In the meeting, at Seri Perdana here, which was also attended by Defence Minister Datuk Seri Hamid Yusof, Aziz and Rao also "
        "exchanged views on regional and international issues of mutual interest.",
        published="2023-07-10",
    )
    assert meetings(facts) == [(frozenset({"Aziz Rahman", "Vikram Rao", "Hamid Yusof"}), "in-person", "held", "2023-07-10", "Seri Perdana")]
    # the host met at a site of the visit holds the post of the country visited
    assert ("Aziz Rahman", "Prime Minister", "Malaysia") in roles(facts)


def test_a_cleft_of_another_event_dates_nothing() -> None:
    facts = extract(
        "The new Ambassador of Peru, Jorge Salinas, has paid a courtesy call on former President Kwame Osei.\n\n"
        "It was in 2015 that the two countries signed their trade agreement.",
        published="2022-01-28",
    )
    assert [m[3] for m in meetings(facts)] == [None]
