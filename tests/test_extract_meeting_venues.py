"""Where a meeting was held and who was at it, from mechanisms any readout uses: a venue name
the model misses or files as an organization, a coordinated "met and held talks at", a guest
parsed as the object of "visiting", people "present in the meeting" or "attending" it; and
meeting words that report no meeting held: talks only dated or proposed, "the first visit
since" (fictional people, real places)."""

from __future__ import annotations

from tests.extract_support import extract, meetings


def test_a_building_named_with_its_town_after_at_is_the_venue() -> None:
    facts = extract(
        "President Arthur Wells on Thursday met with the Ambassador of Peru to Kenya, Jorge Salinas, at State House-Nakuru.",
        published="2025-03-06",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "State House-Nakuru")]


def test_a_hyphenated_resort_name_after_in_is_the_venue() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells met with the President of Peru, Jorge Salinas, at his residence in Mar-a-Lago, Florida.",
        published="2025-03-06",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "Mar-a-Lago")]


def test_the_town_named_by_the_city_of_is_the_venue() -> None:
    facts = extract(
        "On July 21, in the city of Issyk-Tor of the Kyrgyz Republic, President Arthur Wells held a meeting with the President of Peru, Jorge Salinas.",
        published="2025-07-22",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "Issyk-Tor")]


def test_met_and_held_discussions_at_places_the_meeting() -> None:
    facts = extract(
        "President Arthur Wells and his Peruvian counterpart, Jorge Salinas, have today met and held discussions at State House-Nakuru.\n\n"
        "Salinas arrived in Kenya yesterday for an official working visit.",
        published="2025-03-06",
    )
    assert [(m[0], m[3], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "2025-03-06", "State House-Nakuru")]


def test_a_guest_parsed_as_the_object_of_visiting_is_received() -> None:
    facts = extract(
        "Arthur Wells, Prime Minister of Kenya, received here this afternoon at the Peace Palace visiting H.E. Jorge Salinas, Former Prime Minister of Peru.",
        published="2025-03-06",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "Peace Palace")]


def test_people_present_in_the_meeting_join_it() -> None:
    facts = extract(
        "Kenya's Prime Minister Arthur Wells on Thursday met with Peruvian Interior Minister Jorge Salinas in Nairobi.\n\n"
        "During the meeting, the parties discussed trade.\n\n"
        "Kenyan Interior Minister Daniel Orwa and Peruvian Ambassador to Kenya Lucia Ferrante were also present in the meeting.",
        published="2025-03-06",
    )
    assert [m[0] for m in meetings(facts)] == [frozenset({"Arthur Wells", "Jorge Salinas", "Daniel Orwa", "Lucia Ferrante"})]


def test_people_attending_the_meeting_join_it() -> None:
    facts = extract(
        "President Arthur Wells on Thursday met with Peruvian Ambassador Jorge Salinas in Nairobi.\n\n"
        "During the meeting attended by Kenya's Minister of Foreign Affairs, Daniel Orwa, and the Minister of Defence, Lucia Ferrante, "
        "Mr Wells and Mr Salinas explored avenues for trade.",
        published="2025-03-06",
    )
    assert [m[0] for m in meetings(facts)] == [frozenset({"Arthur Wells", "Jorge Salinas", "Daniel Orwa", "Lucia Ferrante"})]


def test_talks_only_dated_are_no_meeting() -> None:
    facts = extract(
        "Minister Arthur Wells met with Commissioner Jorge Salinas on Monday.\n\n"
        "While expressing his regret that the EU didn't reach consensus on a date to start talks with Peru, Minister Wells said the country stays on course.",
        published="2025-03-03",
    )
    assert [m[0] for m in meetings(facts)] == [frozenset({"Arthur Wells", "Jorge Salinas"})]


def test_the_first_visit_since_a_year_is_no_earlier_meeting() -> None:
    facts = extract(
        "Prime Minister Arthur Wells has welcomed his Peruvian counterpart Jorge Salinas to Parliament House.\n\n"
        "It is the first visit of Peru's sitting prime minister since 2018.",
        published="2025-03-06",
    )
    assert [(m[0], m[3]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), None)]
