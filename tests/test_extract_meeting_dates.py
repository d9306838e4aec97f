"""Meeting dates (fictional people, real places): what a date in the text anchors and what it
does not. A wire dateline is the day the story was filed, not a date of the meeting its lead
reports; a reference to one's part of a dated group meeting keeps that day; a meeting only
offered ("was invited to meet") and then said to have taken place is held, on the day given.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, meetings


def test_a_wire_datelines_date_is_not_the_date_of_the_leads_visit() -> None:
    text = (
        "Foreign Minister of Ruritania meets Portuguese counterpart\n\n"
        "Lisbon, 14 March 2029 (RNA): The Foreign Minister of Ruritania, Anna Berg, is currently on an official visit "
        "to Portugal, and during the visit, she met her Portuguese counterpart, Tomas Vale.\n\n"
        "The two ministers discussed trade and fisheries."
    )
    got = meetings(extract(text, published="2029-03-14"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "held", None)]


def test_a_leads_own_day_still_dates_its_meeting_after_a_dateline() -> None:
    text = (
        "Foreign Minister of Ruritania meets Portuguese counterpart\n\n"
        "Lisbon, 14 March 2029 (RNA): The Foreign Minister of Ruritania, Anna Berg, who is on an official visit "
        "to Portugal, met her Portuguese counterpart, Tomas Vale, on Tuesday.\n\n"
        "The two ministers discussed trade and fisheries."
    )
    got = meetings(extract(text, published="2029-03-14"))
    assert [(m[0], m[3]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2029-03-13")]


def test_his_meeting_with_one_of_a_dated_group_is_of_that_day() -> None:
    text = (
        "Nordland envoy reviews partnership on visit to Southland\n\n"
        "Foreign secretary Anna Berg and her Southland counterpart Tomas Vale reviewed the bilateral partnership at a "
        "meeting in Vale City on Monday.\n\n"
        "Berg, who is on a two-day visit to Southland, also met President Lena Moss, Prime Minister Karl Dunn and "
        "Foreign Minister Piet Holm on Monday.\n\n"
        "During her meeting with Moss at the presidential palace, Berg conveyed greetings on behalf of her president."
    )
    got = meetings(extract(text, published="2023-02-14"))
    assert (frozenset({"Anna Berg", "Lena Moss"}), "in-person", "held", "2023-02-13", None) in got
    assert all(m[3] == "2023-02-13" for m in got)


def test_an_undated_meeting_with_one_of_a_group_stays_undated() -> None:
    text = (
        "Berg, who is on a two-day visit to Southland, met President Lena Moss, Prime Minister Karl Dunn and "
        "Foreign Minister Piet Holm.\n\n"
        "During her meeting with Moss at the presidential palace, Berg conveyed greetings on behalf of her president."
    )
    got = meetings(extract(text, published="2023-02-14"))
    assert got and all(m[3] is None for m in got)


def test_a_meeting_invited_to_then_taking_place_is_held_that_day() -> None:
    text = (
        "Prime Minister Berg invited to meeting with Vice President Vale\n\n"
        "Following the summit in New York last week, Prime Minister Anna Berg of Nordland was invited to meet with "
        "Vice President Tomas Vale of Southland in Vale City.\n\n"
        "The meeting took place, earlier this week, on Monday, September 30, 2019 at the presidential palace.\n\n"
        "The meeting was held to explore ways to deepen relations between Nordland and Southland."
    )
    got = meetings(extract(text, published="2019-10-04"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "held", "2019-09-30")]


def test_an_invitation_alone_is_no_meeting() -> None:
    text = (
        "Prime Minister Anna Berg of Nordland was invited to meet with Vice President Tomas Vale of Southland in "
        "Vale City.\n\n"
        "The invitation was delivered by the ambassador on Monday."
    )
    assert meetings(extract(text, published="2019-10-04")) == []


def test_of_two_agreeing_dates_of_a_meeting_the_finer_one_holds() -> None:
    text = "Prime Minister Anna Berg met Vice President Tomas Vale earlier this week, on Monday, September 30, 2019, in Vale City."
    got = meetings(extract(text, published="2019-10-04"))
    assert [(m[0], m[3]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2019-09-30")]


def test_a_person_hosted_in_a_city_is_met_and_dates_the_meeting_told_before() -> None:
    text = (
        "President receives a letter\n\n"
        "The Iraqi president received a letter during a meeting with the Jordanian Prime Minister at the Blue Palace in Baghdad.\n\n"
        "Today (Thursday), President Arko Delan hosted Jordanian Prime Minister Tomas Vale in the Iraqi capital, Baghdad.\n\n"
        "During the meeting, the two sides discussed bilateral relations."
    )
    got = meetings(extract(text, published="2021-01-28"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Arko Delan", "Tomas Vale"}), "held", "2021-01-28")]


def test_hosting_a_summit_in_a_city_is_no_meeting_with_a_person() -> None:
    text = (
        "Summit news\n\n"
        "President Arko Delan hosted the regional summit in Baghdad on Thursday."
    )
    assert meetings(extract(text, published="2021-01-28")) == []


def test_the_next_meeting_is_not_the_meeting_just_told_and_gives_it_no_place() -> None:
    text = (
        "Leaders agree to resume joint talks\n\n"
        "Prime Minister Anna Berg announced the agreement at a press conference following a meeting with her Czech "
        "counterpart Tomas Vale, adding that the next meeting between the cabinets will take place in the Czech Republic on 31 March."
    )
    got = meetings(extract(text, published="2026-01-08"))
    held = [m for m in got if m[2] == "held"]
    assert [(m[0], m[4]) for m in held] == [(frozenset({"Anna Berg", "Tomas Vale"}), None)]


def test_todays_meeting_in_a_quote_ending_a_sentence_later_is_dated_by_its_speaker() -> None:
    text = (
        "Leaders agree to resume joint talks\n\n"
        "Prime Minister Anna Berg announced the agreement following a meeting with her Czech counterpart Tomas Vale.\n\n"
        "\"At today's meeting, the prime minister and I agreed to continue the talks. The agreement also sets the "
        "next round,\" stated Berg."
    )
    got = meetings(extract(text, published="2026-01-08"))
    assert [(m[0], m[3]) for m in got if m[2] == "held"] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2026-01-08")]


def test_a_meeting_one_travelled_to_on_a_day_is_of_that_day() -> None:
    text = (
        "Minister wraps up tour\n\n"
        "On Wednesday, Foreign Minister Anna Berg of Sweden headed to Paris to meet her French counterpart Tomas Vale."
    )
    got = meetings(extract(text, published="2022-04-26"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2022-04-20", "Paris")]


def test_agreeing_on_a_day_to_meet_later_gives_the_meeting_no_date() -> None:
    text = (
        "Ministers to meet\n\n"
        "On Wednesday, Foreign Minister Anna Berg of Sweden agreed to meet her French counterpart Tomas Vale."
    )
    got = meetings(extract(text, published="2022-04-26"))
    assert all(m[3] is None for m in got)
