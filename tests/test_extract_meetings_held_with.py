"""Who met whom when the words are out of the usual order (fictional people, real places): a
meeting noun whose relative clause names who held it with whom ("after a meeting he had with
Y"); a guest received after the day and the place ("received yesterday at the Palace, in
Madrid, the High Representative, Y"), which the parser hangs on the place.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, meetings


def test_a_meeting_he_had_with_someone_is_theirs() -> None:
    text = (
        "Minister for Foreign Affairs and Trade Karel Domm claimed this after an official meeting he had with "
        "the Minister for Foreign Affairs of Portugal Rui Tavira.\n\n"
        "Minister Karel Domm said that trade was at the top of the agenda."
    )
    got = meetings(extract(text, published="2031-04-02"))
    assert [m[0] for m in got] == [frozenset({"Karel Domm", "Rui Tavira"})]


def test_the_talks_the_president_held_with_a_guest() -> None:
    text = "President Anna Velt said the talks she held with Prime Minister Oskar Brenn in Vienna were frank."
    got = meetings(extract(text, published="2031-04-02"))
    assert [(m[0], m[4]) for m in got] == [(frozenset({"Anna Velt", "Oskar Brenn"}), "Vienna")]


def test_a_guest_received_after_the_day_and_the_place() -> None:
    text = (
        "The Minister of Foreign Affairs, Marta Coll, received yesterday at the Palacio de Viana, in Madrid, "
        "the Commissioner for Trade of the EU, Pieter Daems, to coordinate trade policy.\n\n"
        "Both Coll and Daems agreed on the need to strengthen ties."
    )
    got = meetings(extract(text, published="2031-07-23"))
    assert got == [(frozenset({"Marta Coll", "Pieter Daems"}), "in-person", "held", "2031-07-22", "Madrid")]


def test_a_place_received_at_is_no_guest() -> None:
    text = "The Minister of Foreign Affairs, Marta Coll, received yesterday at the Palacio de Viana, in Madrid, the Spanish capital, an award."
    assert meetings(extract(text, published="2031-07-23")) == []


def test_a_conversation_had_with_a_person_is_a_meeting_in_person() -> None:
    text = "Minister meets ambassador\n\nForeign Minister Karel Domm had a conversation with the Ambassador of Japan, Hiro Tanaka, on Monday."
    assert meetings(extract(text, published="2031-04-08")) == [(frozenset({"Karel Domm", "Hiro Tanaka"}), "in-person", "held", "2031-04-07", None)]


def test_an_exchange_of_views_with_a_minister_is_a_meeting() -> None:
    text = "Minister meets counterpart\n\nForeign Minister Karel Domm had an exchange of views with Portuguese Foreign Minister Rui Tavira in Vienna on Monday."
    assert meetings(extract(text, published="2031-04-08")) == [(frozenset({"Karel Domm", "Rui Tavira"}), "in-person", "held", "2031-04-07", "Vienna")]


def test_a_conversation_about_someone_is_no_meeting() -> None:
    text = "Minister on trade\n\nForeign Minister Karel Domm said the conversation about trade with Portugal would go on."
    assert meetings(extract(text, published="2031-04-08")) == []


def test_two_people_who_spoke_by_telephone() -> None:
    text = "Ministers speak\n\nForeign Minister Karel Domm and Rui Tavira, Portugal's foreign minister, spoke by telephone on Monday."
    assert meetings(extract(text, published="2031-04-08")) == [(frozenset({"Karel Domm", "Rui Tavira"}), "phone", "held", "2031-04-07", None)]


def test_a_meeting_held_on_a_day_with_a_delegation_led_by_someone() -> None:
    text = "Minister meets delegation\n\nForeign Minister Karel Domm held a meeting on Monday with a delegation of the Portuguese Parliament led by Rui Tavira."
    assert meetings(extract(text, published="2031-04-08")) == [(frozenset({"Karel Domm", "Rui Tavira"}), "in-person", "held", "2031-04-07", None)]


def test_a_guest_welcomed_after_the_day_and_the_place() -> None:
    text = "Minister welcomes counterpart\n\nForeign Minister Karel Domm welcomed today at the Chancellery, in Vienna, the Foreign Minister of Portugal, Rui Tavira."
    assert meetings(extract(text, published="2031-04-08")) == [(frozenset({"Karel Domm", "Rui Tavira"}), "in-person", "held", "2031-04-08", "Vienna")]
