"""A meeting's day and place told after its own sentence, and the same meeting told again in
other words: "This was on Tuesday at his office at Cantonments, Accra", "Present at the meeting
were A, B and C", "X has hosted Y at State House Nairobi" (fictional people, real places)."""

from __future__ import annotations

from tests.extract_support import extract, meetings


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

