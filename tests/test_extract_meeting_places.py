"""Where and when a meeting was held, from mechanisms any story uses: a guest welcomed to a
named building, the trip told in the meeting's own sentence, where a person "is" now, separate
talks sharing one date, "earlier this week", a press event, one line as one sentence
(fictional people, real places)."""

from __future__ import annotations

from datetime import date

from etl.extract.dates import find_dates
from tests.extract_support import extract, meetings


def test_welcomed_to_a_named_building_is_met_there() -> None:
    facts = extract(
        "Wells welcomes new Peruvian President to Jubilee House\n\n"
        "President Arthur Wells warmly welcomed the new President of the Republic of Peru, His Excellency Jorge Salinas, to Jubilee House on Friday, March 7, 2025.",
        published="2025-03-07",
    )
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "in-person", "held", "2025-03-07", "Jubilee House")]


def test_the_trip_of_the_meetings_own_sentence_places_it() -> None:
    facts = extract(
        "On visit to Lima, foreign secretary Arthur Wells reviews ties\n\n"
        "Foreign secretary Arthur Wells, who is on a two-day visit to Peru at the invitation of his counterpart, "
        "also met President Jorge Salinas on Monday.",
        published="2025-03-04",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "Peru")]


def test_where_the_minister_is_now_places_the_meeting() -> None:
    facts = extract(
        "Foreign Affairs Minister Arthur Wells today held a meeting with his Peruvian counterpart Jorge Salinas "
        "on the sidelines of the regional ministerial meeting. The Minister is presently in Chile in course of attending the meeting.",
        published="2025-03-04",
    )
    assert [(m[0], m[3], m[4]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "2025-03-04", "Chile")]


def test_separate_talks_of_one_sentence_share_the_leads_date() -> None:
    facts = extract(
        "PRESIDENT Arthur Wells arrived on Saturday in Lima, Peru, to join his regional counterparts for the opening of the regional assembly.\n\n"
        "Since arriving in Peru, the President has reportedly had bilateral talks with Prime Minister of Chile, Jorge Salinas; "
        "and Foreign Minister of Bolivia, Marta Quispe.",
        published="2025-03-10",
    )
    dated = {m[0]: m[3] for m in meetings(facts)}
    assert dated == {frozenset({"Arthur Wells", "Jorge Salinas"}): "2025-03", frozenset({"Arthur Wells", "Marta Quispe"}): "2025-03"}


def test_earlier_this_week_is_the_weeks_days_before_the_anchor() -> None:
    # Wednesday 2024-08-28: the week runs into September, its days up to Wednesday do not
    [m] = find_dates("Earlier this week, it was announced", date(2024, 8, 28))
    assert m.value == "2024-08"
    [m] = find_dates("this week", date(2024, 8, 28))
    assert m.value == "2024"


def test_meeting_the_media_is_no_meeting() -> None:
    facts = extract(
        "Prime Minister Arthur Wells made an official visit to Peru, where he discussed trade with President Jorge Salinas.\n\n"
        "After his return, Prime Minister Wells met with members of the media on Wednesday, March 5, and described the trip as a success.",
        published="2025-03-05",
    )
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Jorge Salinas"}), "in-person", "held", None, "Peru")]


def test_two_words_on_one_line_are_one_sentence() -> None:
    from tests.extract_support import extractor

    doc = extractor().nlp("Prime Minister Arthur Wells received visiting Mongolian Minister of Justice and Home Affairs Khishgee Nyamdorj in Lima on March 4.")
    assert len(list(doc.sents)) == 1


def test_a_guest_who_proceeded_to_a_palace_for_talks_meets_there() -> None:
    text = (
        "Namibian President Tuva Hamutenya in Malawi\n\n"
        "President Tuva Hamutenya of Namibia is in Malawi for a one day working visit.\n\n"
        "The Namibian leader proceeded to Sanjika Palace for bilateral talks between the two countries and a "
        "private meeting with President Odon Kavuma.\n\n"
    )
    got = meetings(extract(text, published="2031-06-02"))
    assert [(m[0], m[4]) for m in got] == [(frozenset({"Tuva Hamutenya", "Odon Kavuma"}), "Sanjika Palace")]


def test_the_situation_in_a_place_discussed_is_a_topic_not_the_venue() -> None:
    facts = extract(
        "Foreign Minister Karel Domm met Foreign Minister Rui Tavira on Monday.\n\n"
        "During the meeting, the situation in the Mediterranean was also discussed, and also the situation in the Sahel, particularly in Mali.",
        published="2031-04-02",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Karel Domm", "Rui Tavira"}), None)]


def test_talks_named_after_a_country_in_the_headline_are_not_placed_there() -> None:
    facts = extract(
        "Striving for results in the resumption of Cyprus Talks – president\n\n"
        "January 19, 2031\n\n"
        "President Andreas Loizou was speaking to reporters while attending a memorial event, after meeting the UK Minister of Defence.\n\n"
        "When asked about the meeting today with the UK Minister of Defence, President Andreas Loizou said it was \u201ca good meeting\u201d.",
        published="2031-01-19",
    )
    assert meetings(facts) == [(frozenset({"Andreas Loizou", "United Kingdom"}), "in-person", "held", "2031-01-19", None)]


def test_where_after_the_day_of_being_in_a_city_places_the_talks_there() -> None:
    facts = extract(
        "Minister in Lisbon\n\nForeign Minister Karel Domm was in Lisbon on Monday, where he held talks with Portuguese Foreign Minister Rui Tavira.",
        published="2031-04-08",
    )
    assert meetings(facts) == [(frozenset({"Karel Domm", "Rui Tavira"}), "in-person", "held", "2031-04-07", "Lisbon")]


def test_in_a_city_after_the_day_and_the_evening_is_the_venue() -> None:
    for text in (
        "Minister meets counterpart\n\nForeign Minister Karel Domm met Portuguese Foreign Minister Rui Tavira on Monday evening in Vienna.",
        "Minister meets counterpart\n\nForeign Minister Karel Domm held a meeting on Monday evening in Vienna with Portuguese Foreign Minister Rui Tavira.",
    ):
        assert [m[4] for m in meetings(extract(text, published="2031-04-08"))] == ["Vienna"]


def test_a_country_discussed_is_a_topic_and_the_city_of_the_talks_the_venue() -> None:
    facts = extract(
        "Minister meets counterpart\n\nForeign Minister Karel Domm discussed the situation in Libya with Portuguese Foreign Minister Rui Tavira in Vienna on Monday.",
        published="2031-04-08",
    )
    assert [m[4] for m in meetings(facts)] == ["Vienna"]


def test_a_headlines_meetings_of_one_person_in_a_city_place_that_persons_meetings() -> None:
    from tests.extract_support import extract, meetings
    text = (
        "Vortek's bilateral meetings in Jakarta: flashback\n\n"
        "President Anselm Vortek concluded his participation in the summit in Indonesia on Sept. 7.\n\n"
        "Here is a look back at Vortek's meetings with Canadian Prime Minister Paul Girard, Cambodian Prime Minister Sok Vanna and South Korean President Lee Jae-sung.\n"
    )
    got = meetings(extract(text, "2031-09-09"))
    assert sorted((sorted(m[0]), m[4]) for m in got) == [(["Anselm Vortek", "Lee Jae-sung"], "Jakarta"), (["Anselm Vortek", "Paul Girard"], "Jakarta"), (["Anselm Vortek", "Sok Vanna"], "Jakarta")]


def test_the_country_of_a_post_after_in_the_capacity_of_is_no_venue() -> None:
    from tests.extract_support import extract, meetings
    text = (
        "Friday, 29 November 2031\n\n"
        "The meeting between visiting Sri Lankan President Ranil Perera and Indian Foreign Minister Vikram Sodhi was held this morning.\n\n"
        "The Indian Foreign Minister hailed President Perera for making his first visit in the capacity of the Sri Lanka President to India.\n"
    )
    got = meetings(extract(text, "2031-11-29"))
    assert all(m[4] != "Sri Lanka" for m in got)


def test_a_visit_in_the_capacity_of_president_to_a_country_places_the_visitors_meeting() -> None:
    text = (
        "President Arko Delan meets the Indian Prime Minister\n\n"
        "Ruritanian President Arko Delan met with Indian Prime Minister Ravi Kumar a short while ago for bilateral discussions.\n\n"
        "The Indian Foreign Minister Vikram Sethi hailed President Delan for making his first visit in the capacity of "
        "the Ruritanian President to India."
    )
    got = meetings(extract(text, published="2019-11-29"))
    assert (frozenset({"Arko Delan", "Ravi Kumar"}), "in-person", "held", "2019-11-29", "India") in got


def test_an_ambassador_to_a_country_is_no_trip_there() -> None:
    text = (
        "Envoy meets minister\n\n"
        "Foreign Minister Anna Berg met Tomas Vale on Monday during his first visit as the ambassador to India."
    )
    got = meetings(extract(text, published="2019-11-26"))
    assert got and all(m[4] is None for m in got)


def test_a_meeting_with_a_host_of_the_country_the_visitor_is_on_a_trip_to_is_there() -> None:
    text = (
        "In Argentina, Berg meets with heads of government\n\n"
        "Prime Minister Anna Berg of Sweden held talks with Prime Minister Lena Moss of Barbados on Tuesday in Buenos Aires.\n\n"
        "Berg is on a trip to Argentina, her first trip abroad. Yesterday, she had a meeting with the country's president, Tomas Vale."
    )
    got = meetings(extract(text, published="2023-01-25"))
    assert (frozenset({"Anna Berg", "Tomas Vale"}), "in-person", "held", "2023-01-24", "Argentina") in got


def test_a_meeting_with_a_third_countrys_leader_on_the_trip_is_not_placed_by_it() -> None:
    text = (
        "Berg abroad\n\n"
        "Prime Minister Anna Berg of Sweden held talks with Prime Minister Lena Moss of Barbados on Tuesday in Buenos Aires.\n\n"
        "Berg is on a trip to Argentina, her first trip abroad. Yesterday, she had a meeting with the President of Chile, Tomas Vale."
    )
    got = meetings(extract(text, published="2023-01-25"))
    assert [m[4] for m in got if "Tomas Vale" in m[0]] == [None]
