"""Meetings in the styles of government readouts and releases (fictional people, real places):
calls written as "spoke with", headlines that name the same talks as the lead, references back
to the meeting ("the two leaders", "the video conference"), meetings that are not held.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, meetings, people, roles


def _people(facts) -> list[frozenset[str]]:
    return [m[0] for m in meetings(facts)]


# --- readout style: calls --------------------------------------------------------------------


def test_spoke_with_in_a_readout_is_a_phone_call() -> None:
    facts = extract("Prime Minister Arthur Wells spoke to Japanese Prime Minister Kenji Arakawa this morning.", published="2025-03-04")
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "phone", "held", "2025-03-04", None)]


def test_spoke_with_on_the_sidelines_is_in_person() -> None:
    facts = extract(
        "Foreign Secretary Arthur Wells spoke with Foreign Minister Kenji Arakawa on the sidelines of the ASEAN meeting on Tuesday.",
        published="2025-03-06",
    )
    assert [(m[1], m[3]) for m in meetings(facts)] == [("in-person", "2025-03-04")]


def test_two_people_who_talked_on_the_phone_held_a_call() -> None:
    facts = extract(
        "SEOUL, May 6 (Yonhap) -- President Arthur Wells and Prime Minister Kenji Arakawa talked on the phone on Tuesday.",
        published="2025-05-07",
    )
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "phone", "held", "2025-05-06", None)]


def test_speaking_to_reporters_is_no_meeting() -> None:
    facts = extract("Foreign Minister Kenji Arakawa spoke to reporters in Tokyo on Friday.", published="2025-03-08")
    assert meetings(facts) == []


def test_headline_call_and_the_lead_are_one_phone_meeting() -> None:
    text = (
        "PM call with Japanese Prime Minister Arakawa: 4 March 2025\n\n"
        "Prime Minister Arthur Wells spoke to Japanese Prime Minister Kenji Arakawa this morning.\n\n"
        "The leaders agreed the two countries were close partners.\n\n"
        "Both leaders looked forward to meeting in person soon."
    )
    facts = extract(text, published="2025-03-04")
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "phone", "held", "2025-03-04", None)]
    [meeting] = facts.meetings
    assert {e.text.strip() for e in meeting.evidence} >= {
        "Prime Minister Arthur Wells spoke to Japanese Prime Minister Kenji Arakawa this morning."
    }
    assert any(e.start == 0 for e in meeting.evidence), "the headline is evidence of the same meeting"


def test_headline_with_a_partial_list_adds_no_second_meeting() -> None:
    text = (
        "Secretary Marsh’s Trilateral Meeting with Japanese Foreign Minister Arakawa and Philippine Foreign Minister Dizon\n\n"
        "Secretary of State Ellen Marsh met today with Japanese Foreign Minister Kenji Arakawa and Philippine "
        "Foreign Minister Ramon Dizon in Jakarta."
    )
    facts = extract(text, published="2025-07-08")
    assert meetings(facts) == [
        (frozenset({"Ellen Marsh", "Kenji Arakawa", "Ramon Dizon"}), "in-person", "held", "2025-07-08", "Jakarta")
    ]


# --- one meeting, however often it is reported -------------------------------------------------


def test_group_references_and_the_definite_meeting_are_the_reported_video_conference() -> None:
    text = (
        "This morning, Council President Lena Brandt, together with High Representative Josef Marek, held a video "
        "conference with the President of the Republic of Korea, Kim Dae-sung.\n\n"
        "The leaders issued a joint press release outlining the outcomes of the video conference.\n\n"
        "The meeting was an opportunity for the leaders to discuss the response to the pandemic."
    )
    facts = extract(text, published="2025-06-30")
    assert meetings(facts) == [
        (frozenset({"Lena Brandt", "Josef Marek", "Kim Dae-sung"}), "video", "held", "2025-06-30", None)
    ]
    assert len(facts.meetings[0].evidence) == 3


def test_a_later_caption_gives_the_place_and_date_of_talks_already_reported() -> None:
    text = (
        "Defense Minister Kenji Arakawa held talks with U.S. Deputy Secretary of State Ellen Marsh.\n\n"
        "Kenji Arakawa and Ellen Marsh pose ahead of their talks in Tokyo on July 10, 2025. (Pool photo) (Kyodo)"
    )
    facts = extract(text)
    assert meetings(facts) == [(frozenset({"Kenji Arakawa", "Ellen Marsh"}), "in-person", "held", "2025-07-10", "Tokyo")]


def test_meetings_before_the_main_talks_of_the_same_visit_are_primary() -> None:
    text = (
        "The foreign ministers of South Korea, China and Japan met in Seoul on Saturday. Chinese Foreign Minister "
        "Li Wen, South Korean Foreign Minister Choi Min-ho and Japanese Foreign Minister Kenji Arakawa took part.\n\n"
        "Prior to the talks, South Korean President Park Ji-hoon met with Kenji Arakawa, Li Wen and Choi Min-ho."
    )
    facts = extract(text, published="2025-03-22")
    park = next(m for m in facts.meetings if len(m.participants) == 4)
    assert park.primary and park.date is None and park.location is None


# --- dates of releases ------------------------------------------------------------------------


def test_an_opening_participle_keeps_the_date_of_the_sentence() -> None:
    facts = extract(
        "On October 8, commencing at 4:30 p.m. for approximately 30 minutes, Mr. KENJI Arakawa, Prime Minister of "
        "Japan, held a summit telephone talk with Mr. Li Wen, Premier of the People's Republic of China.",
        published="2025-10-08",
    )
    assert [(m[1], m[3]) for m in meetings(facts)] == [("phone", "2025-10-08")]


# --- earlier meetings and meetings that are not held --------------------------------------------


def test_first_talks_since_a_date_is_an_earlier_meeting_of_the_same_countries() -> None:
    text = (
        "Chinese Foreign Minister Li Wen, South Korean Foreign Minister Choi Min-ho and Japanese Foreign Minister "
        "Kenji Arakawa met in Seoul on Saturday.\n\n"
        "The three diplomats met after a series of bilateral meetings for the first formal talks since April 2012."
    )
    facts = extract(text, published="2015-03-21")
    got = meetings(facts)
    assert (frozenset({"China", "South Korea", "Japan"}), "in-person", "held", "2012-04", None) in got
    assert len(got) == 2, "neither the series of bilateral meetings nor the diplomats' meeting is another meeting"
    since = next(m for m in facts.meetings if m.date == "2012-04")
    assert not since.primary


def test_a_suspended_attempt_at_talks_is_no_meeting() -> None:
    facts = extract("The last attempt at high-level talks between Japan and China in 2013 was suspended.", published="2015-11-26")
    assert meetings(facts) == []


def test_a_wish_to_meet_is_no_meeting() -> None:
    facts = extract("Kenji Arakawa and Arthur Wells looked forward to meeting in person soon.", published="2025-03-04")
    assert meetings(facts) == []
    # (a wish verb the model lemmatizes wrongly: "hopes" as "hop")
    facts = extract("Minister meets counterpart\n\nForeign Minister Karel Domm hopes to meet Portuguese Foreign Minister Rui Tavira soon.", published="2031-04-08")
    assert meetings(facts) == []


def test_would_in_reported_speech_is_a_planned_meeting_and_a_condition_is_none() -> None:
    planned = extract("A ministry spokesman said Japan and South Korea would meet on December 11 in Seoul.", published="2025-11-26")
    assert meetings(planned) == [(frozenset({"Japan", "South Korea"}), "in-person", "planned", "2025-12-11", "Seoul")]
    maybe = extract("Officials said Japan and China would meet if the talks go well.", published="2025-11-26")
    assert meetings(maybe) == []


# --- visits -----------------------------------------------------------------------------------


def test_a_visit_with_no_talks_is_no_meeting_and_places_only_the_meetings_it_reports() -> None:
    lead = (
        "German Foreign Minister Anna Keller promised Ukraine more air defence during a surprise visit to Kyiv on "
        "Tuesday.\n\nKeller met her Ukrainian counterpart Oleh Bondar and toured a power plant damaged last week.\n\n"
        "She also met Prime Minister Ivan Shevchuk later in the day.\n\n"
        "Keller previously visited Ukraine in 2023."
    )
    facts = extract(lead, published="2025-05-08")
    assert meetings(facts) == [
        # the lead's day and visit are those of the story's main meeting, reported next
        (frozenset({"Anna Keller", "Oleh Bondar"}), "in-person", "held", "2025-05-06", "Kyiv"),
        # "later in the day": the day of the meeting before, once the lead has dated it
        (frozenset({"Anna Keller", "Ivan Shevchuk"}), "in-person", "held", "2025-05-06", None),
    ], "the lead's visit places the article's first meeting, not the others of the stop"
    assert facts.meetings[0].primary, "a clause coordinated with the meeting does not make it an earlier one"
    later = extract(
        "German Foreign Minister Anna Keller met her Ukrainian counterpart Oleh Bondar on Tuesday.\n\n"
        "Keller, who is on a two-day visit to Kyiv, will travel on to Moldova.",
        published="2025-05-08",
    )
    assert [m[4] for m in meetings(later)] == [None]
    same = extract("Anna Keller, on a surprise visit to Kyiv, met her Ukrainian counterpart Oleh Bondar.", published="2025-05-08")
    assert [m[4] for m in meetings(same)] == ["Kyiv"]


def test_a_meeting_in_a_where_clause_is_at_the_place_it_describes() -> None:
    facts = extract(
        "Keller is expected to travel on to Moldova, where she will meet President Ion Rusu.",
        published="2025-05-08",
    )
    assert [(m[2], m[4]) for m in meetings(facts)] == [("planned", "Moldova")]


def test_a_headline_announcing_a_visit_makes_the_planned_talks_the_reported_event() -> None:
    text = (
        "India's foreign minister to visit Moscow next week for energy talks\n\n"
        "NEW DELHI (Reuters) - Indian External Affairs Minister Arun Mehta will visit Moscow next week and is "
        "expected to meet Russian Foreign Minister Pavel Orlov, India's foreign ministry said on Wednesday.\n\n"
        "Mehta will also meet Russian Deputy Prime Minister Igor Sokol."
    )
    facts = extract(text, published="2025-04-02")
    got = {(m.participants[-1], m.date, m.location, m.primary) for m in facts.meetings}
    assert got == {("pavel-orlov", "2025-04", "moscow", True), ("igor-sokol", None, None, True)}


# --- who takes part ---------------------------------------------------------------------------


def test_a_list_closed_by_and_does_not_run_on_into_the_next_subject() -> None:
    facts = extract(
        "Building on the President’s June 29 trilateral meeting with President Kim Dae-sung of the Republic of Korea "
        "and Prime Minister Kenji Arakawa of Japan, Secretary Marsh and the Foreign Ministers discussed trade.",
        published="2025-07-08",
    )
    assert _people(facts) == [frozenset({"Kim Dae-sung", "Kenji Arakawa"})]


def test_a_bare_title_of_the_publishing_government_is_its_country() -> None:
    from etl.model import Article
    from tests.extract_support import extractor

    text = (
        "PM meeting with President Li Wen of China: 18 November 2024\n\n"
        "The Prime Minister met President Li Wen of China at the G20 Summit in Brazil today."
    )
    release = extractor().extract(Article("t", text, published="2024-11-18", source="UK Government (GOV.UK)"))
    assert meetings(release) == [(frozenset({"United Kingdom", "Li Wen"}), "in-person", "held", "2024-11-18", "Brazil")]
    wire = extractor().extract(Article("t", text, published="2024-11-18", source="Reuters"))
    assert meetings(wire) == [], "without a publishing government the Prime Minister's country is not known"


def test_the_president_meeting_another_president_is_not_that_president() -> None:
    from etl.model import Article
    from tests.extract_support import extractor

    text = "Building on the President’s June 29 trilateral meeting with President Kim Dae-sung of the Republic of Korea and Prime Minister Kenji Arakawa of Japan, the ministers discussed trade."
    facts = extractor().extract(Article("t", text, published="2025-07-08", source="State Department"))
    assert _people(facts) == [frozenset({"United States", "Kim Dae-sung", "Kenji Arakawa"})]


# --- places -----------------------------------------------------------------------------------


def test_on_the_margins_of_a_summit_in_a_city_the_model_does_not_know() -> None:
    facts = extract(
        "Today, Prime Minister Anne Leclerc met with the Prime Minister of Japan, Kenji Arakawa, on the margins of "
        "the G20 Leaders’ Summit in Rio de Janeiro, Brazil.",
        published="2024-11-18",
    )
    assert [m[4] for m in meetings(facts)] == ["Rio de Janeiro"]


# --- meetings named by their format, lists, dialogues --------------------------------------------


def test_a_format_named_meeting_of_last_month_is_the_countries() -> None:
    text = (
        "On August 15, Mr. ARAKAWA Kenji, Minister for Foreign Affairs of Japan, held a Japan-U.S.-Republic of Korea "
        "Foreign Ministers’ Video Conference Meeting with Secretary of State Ellen Marsh and Foreign Minister "
        "Choi Min-ho of the Republic of Korea.\n\n"
        "Welcoming the Japan-U.S.-ROK Foreign Ministers’ Meeting held last month, the three Ministers reaffirmed "
        "their cooperation.\n\n"
        "The three Ministers agreed that the upcoming Japan-U.S.-ROK Summit to be held on August 18 will be historic."
    )
    facts = extract(text, published="2023-08-15")
    got = meetings(facts)
    assert (frozenset({"Kenji Arakawa", "Ellen Marsh", "Choi Min-ho"}), "video", "held", "2023-08-15", None) in got
    assert (frozenset({"Japan", "United States", "South Korea"}), "in-person", "held", "2023-07", None) in got
    assert (frozenset({"Japan", "United States", "South Korea"}), "in-person", "planned", "2023-08-18", None) in got
    assert len(got) == 3


def test_a_dated_list_of_earlier_calls_gives_one_phone_meeting_per_line() -> None:
    text = (
        "Prime Minister Kenji Arakawa of Japan held a summit telephone talk with President Li Wen of China on "
        "October 8.\n\n"
        "[Reference] Recent Japan-China Summit Telephone Talks\n"
        " (All titles are current at the time.)\n"
        " September 28, 2007 Prime Minister Taro Fujita - Premier Zhou Ming\n"
        " June 13, 2010 Prime Minister Jiro Sato - Premier Zhou Ming\n"
    )
    facts = extract(text, published="2021-10-08")
    got = meetings(facts)
    assert (frozenset({"Taro Fujita", "Zhou Ming"}), "phone", "held", "2007-09-28", None) in got
    assert (frozenset({"Jiro Sato", "Zhou Ming"}), "phone", "held", "2010-06-13", None) in got
    assert len(got) == 3, "the list's heading is no meeting of its own"
    listed = [m for m in facts.meetings if m.date and m.date < "2021"]
    assert not any(m.primary for m in listed)
    assert ("Taro Fujita", "Prime Minister", "Japan") in roles(facts), "the heading's countries in order"


def test_talks_in_a_when_clause_have_the_date_it_describes() -> None:
    text = (
        "Japanese Foreign Minister Kenji Arakawa and Chinese Foreign Minister Li Wen held talks in Vientiane on Thursday.\n\n"
        "It was their second meeting since November, when they held talks on the fringes of the APEC forum in Lima."
    )
    facts = extract(text, published="2025-07-11")
    got = meetings(facts)
    assert (frozenset({"Kenji Arakawa", "Li Wen"}), "in-person", "held", "2024-11", "Lima") in got
    assert (frozenset({"Kenji Arakawa", "Li Wen"}), "in-person", "held", "2025-07-10", "Vientiane") in got


def test_a_dialogue_between_governments_is_the_countries_a_ministerial_one_the_ministers() -> None:
    text = (
        "Japanese Foreign Minister Kenji Arakawa and Chinese Foreign Minister Li Wen held talks in Vientiane on Thursday.\n\n"
        "The ministers agreed to hold a high-level economic dialogue in Beijing in the autumn."
    )
    facts = extract(text, published="2025-07-11")
    assert (frozenset({"Japan", "China"}), "in-person", "planned", "2025", "Beijing") in meetings(facts)
    own = extract(
        "Secretary of State Ellen Marsh and Philippine Secretary of Foreign Affairs Ramon Dizon agreed to convene the "
        "next two-plus-two ministerial dialogue in Manila early next year.",
        published="2024-11-07",
    )
    assert [m[0] for m in meetings(own)] == [frozenset({"Ellen Marsh", "Ramon Dizon"})]


# --- releases: transcripts, datelines, the host of a visit ---------------------------------------


def test_remarks_under_a_headline_meeting_are_the_speakers_meeting_on_the_dateline() -> None:
    text = (
        "Opening Remarks - Bilateral meeting with Prime Minister Kenji Arakawa\n\n"
        "27 Sep 2022\n"
        "Prime Minister\n\n"
        "PRIME MINISTER ANNE LECLERC: Well, thank you very much for the welcome on my second visit to Japan as "
        "Prime Minister. The relationship between our countries is so important."
    )
    facts = extract(text)
    assert meetings(facts) == [(frozenset({"Anne Leclerc", "Kenji Arakawa"}), "in-person", "held", "2022-09-27", "Japan")]


def test_a_dateline_anchors_a_release_without_a_published_date() -> None:
    text = (
        "Readout of the Foreign Secretary's meeting with Foreign Minister Kenji Arakawa\n\n"
        "Foreign Secretary Arthur Wells met Foreign Minister Kenji Arakawa of Japan today.\n\n"
        "Published 29 September 2020"
    )
    facts = extract(text)
    assert [m[3] for m in meetings(facts)] == ["2020-09-29"]
    nothing = extract("Foreign Secretary Arthur Wells met Foreign Minister Kenji Arakawa of Japan today.")
    assert [m[3] for m in meetings(nothing)] == [None], "no anchor, no date"


def test_the_host_of_a_planned_visit_holds_the_post_for_the_visited_country() -> None:
    from etl.model import Article
    from tests.extract_support import extractor

    text = (
        "The Prime Minister met President Li Wen of China at the G20 Summit in Brazil today.\n\n"
        "They agreed that the Chancellor should visit Beijing next year to discuss financial cooperation with her "
        "counterpart, Vice Premier Zhou Ming."
    )
    facts = extractor().extract(Article("t", text, published="2024-11-18", source="UK Government (GOV.UK)"))
    assert (frozenset({"United Kingdom", "Zhou Ming"}), "in-person", "planned", "2025", "Beijing") in meetings(facts)
    assert ("Zhou Ming", "Vice Premier", "China") in roles(facts)


def test_a_meeting_where_the_minister_travels_is_in_that_country_with_its_president() -> None:
    facts = extract(
        "German Foreign Minister Anna Keller is expected to travel on to Moldova, where she will meet President Ion Rusu.",
        published="2025-05-08",
    )
    assert ("Ion Rusu", "President", "Moldova") in roles(facts)


def test_a_ministers_own_release_is_the_bylines_person_with_the_post_on_the_next_line() -> None:
    from etl.model import Article
    from tests.extract_support import extractor

    text = (
        "Visit to Fiji\n\n"
        "Senator Anna Berg\n"
        "Minister for Foreign Affairs\n\n"
        "14 August 2029\n\n"
        "Today I met Fiji’s Prime Minister, Sitiveni Naulivou, in Suva to discuss climate resilience."
    )
    facts = extractor().extract(Article("t", text, published="2029-08-14", source="Swedish Government"))
    assert meetings(facts) == [(frozenset({"Anna Berg", "Sitiveni Naulivou"}), "in-person", "held", "2029-08-14", "Suva")]
    assert ("Anna Berg", "Foreign Minister", "Sweden") in roles(facts)


def test_a_headline_city_wins_over_a_building_and_a_call_has_no_venue() -> None:
    text = (
        "Foreign Secretary meets Nigerian Foreign Minister in London\n\n"
        "Foreign Secretary Arthur Wells met Nigerian Minister of Foreign Affairs Amina Bello at the Foreign Office today."
    )
    assert [m[4] for m in meetings(extract(text, published="2029-03-03"))] == ["London"]
    building = extract("Foreign Secretary Arthur Wells met Nigerian Minister of Foreign Affairs Amina Bello at the Foreign Office today.", published="2029-03-03")
    assert [m[4] for m in meetings(building)] == ["Foreign Office"]
    call = extract(
        "The leaders of Japan and Australia held talks by video link on Friday and agreed to hold a summit in Canberra "
        "in October.\n\nThe Canberra meeting is expected to produce an agreement.",
        published="2025-06-21",
    )
    held = [m for m in meetings(call) if m[2] == "held"]
    assert held == [(frozenset({"Japan", "Australia"}), "video", "held", "2025-06-20", None)]


def test_a_multilateral_forum_is_a_setting_and_a_partnerships_annual_meeting_is_its_countries() -> None:
    forum = extract(
        "Foreign Minister Anna Berg will return to New Zealand in November for the Pacific Islands Forum Foreign "
        "Ministers’ Meeting in Auckland.",
        published="2030-08-21",
    )
    assert meetings(forum) == []
    partnership = extract(
        "Canadian Foreign Minister Anna Berg met Mexican Foreign Minister Luis Mora in Ottawa on Monday.\n\n"
        "The ministers agreed to convene the annual meeting of the Canada-Mexico Partnership in Mexico City in October.",
        published="2030-03-04",
    )
    assert (frozenset({"Canada", "Mexico"}), "in-person", "planned", "2030-10", "Mexico City") in meetings(partnership)


def test_the_next_meeting_of_a_format_is_between_its_countries() -> None:
    text = (
        "Foreign Minister Kim Ji-won of the Republic of Korea held the 9th Korea-Mongolia Foreign Ministers’ Strategic "
        "Dialogue with Foreign Minister Bat Erdene of Mongolia in Ulaanbaatar on October 14.\n\n"
        "On the same day, Minister Kim paid a courtesy call on Prime Minister Dorj Gan of Mongolia.\n\n"
        "The Ministers agreed to hold the 10th Strategic Dialogue in Seoul next year."
    )
    got = meetings(extract(text, published="2030-10-15"))
    assert (frozenset({"Kim Ji-won", "Bat Erdene"}), "in-person", "held", "2030-10-14", "Ulaanbaatar") in got
    assert (frozenset({"Kim Ji-won", "Dorj Gan"}), "in-person", "held", "2030-10-14", None) in got
    assert (frozenset({"South Korea", "Mongolia"}), "in-person", "planned", "2031", "Seoul") in got


def test_a_leader_joins_the_call() -> None:
    text = (
        "President Ana Lopes spoke on Friday with Prime Minister Kenji Arakawa of Japan.\n\n"
        "The President invited Prime Minister Anna Berg of Sweden to join the call."
    )
    assert meetings(extract(text, published="2025-02-03")) == [
        (frozenset({"Ana Lopes", "Kenji Arakawa", "Anna Berg"}), "phone", "held", "2025-01-31", None)
    ]


def test_a_wire_lead_dates_the_talks_it_introduces() -> None:
    text = (
        "S. Korea, Australia agree to boost hydrogen cooperation\n\n"
        "SEOUL, May 12 (Yonhap) -- Foreign Minister Park Min-seo and Australian Foreign Minister Anna Berg agreed "
        "Wednesday to expand cooperation on clean hydrogen, the foreign ministry said.\n\n"
        "Park and Berg held talks at the foreign ministry in Seoul."
    )
    assert meetings(extract(text, published="2027-05-12")) == [
        (frozenset({"Park Min-seo", "Anna Berg"}), "in-person", "held", "2027-05-12", "Seoul")
    ]


# --- wire and agency styles: meetings that are not held, headlines that schedule ---------------


def test_a_call_with_no_is_not_a_meeting() -> None:
    facts = extract("MOSCOW, December 11. No telephone conversation between Ivan Dorin and Tom Hale is planned as of now, "
                    "an aide said on Monday.", published="2017-12-11")
    assert meetings(facts) == []


def test_an_exchange_of_visits_is_no_meeting() -> None:
    facts = extract("Zhao Ming said China is willing to maintain a high-level exchange of visits with Britain.", published="2016-01-07")
    assert meetings(facts) == []


def test_a_headline_that_sets_a_summit_announces_a_planned_meeting() -> None:
    facts = extract("PM sets virtual summit with India's Mehta\n\nPrime Minister Tom Hale and Rohan Mehta will hold a virtual "
                    "summit on Thursday.", published="2020-05-31")
    got = meetings(facts)
    assert [(m[0], m[1], m[2]) for m in got] == [(frozenset({"Tom Hale", "Rohan Mehta"}), "video", "planned")]


def test_the_countries_and_their_leaders_on_the_same_day_are_one_call() -> None:
    facts = extract(
        "MOSCOW, December 11. Russian President Ivan Dorin and US President Tom Hale last spoke on November 21, an aide said.\n\n"
        "Last time, Russian and US Presidents spoke over the phone on November 21. "
        "The two leaders spoke over the phone on November 21 about Syria.",
        published="2017-12-11",
    )
    calls = [m for m in meetings(facts) if m[1] == "phone"]
    assert calls == [(frozenset({"Ivan Dorin", "Tom Hale"}), "phone", "held", "2017-11-21", None)]


def test_a_call_has_no_place() -> None:
    facts = extract("Hale, Zhao discuss China visit by phone\n\nPrime Minister Tom Hale and Chinese President Zhao Ming "
                    "discussed Hale's visit to China over the phone on Monday.", published="2017-09-18")
    assert meetings(facts) == [(frozenset({"Zhao Ming", "Tom Hale"}), "phone", "held", "2017-09-18", None)]


def test_a_meeting_word_dated_apart_is_not_the_meeting_reported() -> None:
    facts = extract(
        "NATO Secretary General Anna Berg and Portuguese Prime Minister Rui Costa discussed security challenges in a "
        "meeting on Thursday (17 March 2016). The leaders also focused on the agenda in the run-up to the Warsaw Summit in July.",
        published="2016-03-17",
    )
    assert meetings(facts) == [(frozenset({"Anna Berg", "Rui Costa"}), "in-person", "held", "2016-03-17", None)]


def test_an_undated_call_of_the_countries_is_their_leaders_call() -> None:
    facts = extract(
        "Chinese President Zhao Ming and U.S. President Tom Hale talked over phone on Monday.\n\n"
        "In the phone conversation, Zhao said China and the United States share extensive common interests.",
        published="2017-09-18",
    )
    assert meetings(facts) == [(frozenset({"Zhao Ming", "Tom Hale"}), "phone", "held", "2017-09-18", None)]


# --- Xinhua and African Union styles: receptions, audiences, "visiting" guests ----------------


def test_met_with_a_visiting_guest_on_a_weekday() -> None:
    facts = extract("BEIJING, May 3 (Xinhua) -- Chinese Premier Zhao Ming on Tuesday met with visiting Ruritanian "
                    "Foreign Minister Anna Berg in Beijing.", published="2024-05-03")
    assert meetings(facts) == [(frozenset({"Zhao Ming", "Anna Berg"}), "in-person", "held", "2024-04-30", "Beijing")]


def test_receiving_a_person_is_a_meeting_receiving_a_thing_is_not() -> None:
    facts = extract("Chinese Premier Zhao Ming on Tuesday received visiting Ruritanian Foreign Minister Anna Berg in Beijing.",
                    published="2024-05-03")
    assert meetings(facts) == [(frozenset({"Zhao Ming", "Anna Berg"}), "in-person", "held", "2024-04-30", "Beijing")]
    assert meetings(extract("Foreign Minister Anna Berg received a letter from President Tom Hale on Monday.",
                            published="2024-05-03")) == []


def test_an_audience_for_credentials_is_a_meeting_and_the_audience_its_place() -> None:
    facts = extract(
        "The Chairperson of the Commission, Tom Hale, on 11 March 2021, received the credentials of Mr. Piet Vos, the "
        "newly appointed Ambassador of the Netherlands. The audience took place at the Commission Headquarters in Addis Ababa.",
        published="2021-03-18",
    )
    got = meetings(facts)
    assert [(m[0], m[1], m[2], m[3]) for m in got] == [(frozenset({"Tom Hale", "Piet Vos"}), "in-person", "held", "2021-03-11")]
    assert got[0][4] is not None


def test_met_here_is_the_datelines_city() -> None:
    facts = extract("BEIJING, May 3 (Xinhua) -- Chinese Premier Zhao Ming met here on Friday with Ruritanian Foreign "
                    "Minister Anna Berg.", published="2024-05-03")
    assert meetings(facts) == [(frozenset({"Zhao Ming", "Anna Berg"}), "in-person", "held", "2024-05-03", "Beijing")]
    facts = extract("Chinese Premier Zhao Ming met here on Friday with Ruritanian Foreign Minister Anna Berg.", published="2024-05-03")
    assert meetings(facts)[0][4] is None  # no dateline: "here" says nothing


def test_the_visiting_guest_spoken_to_in_a_meeting_takes_part_in_it() -> None:
    facts = extract(
        "In a meeting in Tokyo, Foreign Minister Kenji Arakawa stressed to visiting U.S. Deputy Secretary of State "
        "Ellen Marsh the need to strengthen the alliance.",
        published="2025-07-10",
    )
    assert _people(facts) == [frozenset({"Kenji Arakawa", "Ellen Marsh"})]
    [meeting] = facts.meetings
    assert meeting.evidence[0].text.startswith("In a meeting in Tokyo")


# --- office-holders the text never names, consultations ---------------------------------------


def test_an_unnamed_holder_of_a_hyphenated_post_is_the_organization_or_country() -> None:
    facts = extract(
        "Foreign Minister Ilse Varga met the UN Secretary-General in New York on Monday to discuss Gaza.\n\n"
        "Varga also held talks with the Chinese Foreign Minister on the sidelines of the General Assembly.",
        published="2031-09-23",
    )
    assert sorted(meetings(facts), key=lambda m: sorted(m[0])) == [
        (frozenset({"China", "Ilse Varga"}), "in-person", "held", None, None),
        (frozenset({"Ilse Varga", "United Nations"}), "in-person", "held", "2031-09-22", "New York"),
    ]


def test_consultations_held_with_someone_are_a_meeting_calls_to_resume_negotiations_are_not() -> None:
    facts = extract(
        "On June 3, Director-General Takeshi Kondo held consultations with Deputy Foreign Minister Liu Wei in Beijing.\n\n"
        "Both sides rebuffed calls to resume negotiations on the fishing agreement.",
        published="2031-06-04",
    )
    assert meetings(facts) == [(frozenset({"Takeshi Kondo", "Liu Wei"}), "in-person", "held", "2031-06-03", "Beijing")]


def test_talks_between_the_two_countries_delegations_are_the_headlines_meeting_of_the_countries() -> None:
    facts = extract(
        "Kenya and Tanzania hold talks on border trade\n\n"
        "NAIROBI, Feb 2 (Wire) - Talks between the two countries' delegations ended in Nairobi on Sunday with an "
        "agreement to reopen two border crossings.",
        published="2031-02-03",
    )
    assert meetings(facts) == [(frozenset({"Kenya", "Tanzania"}), "in-person", "held", "2031-02-02", "Nairobi")]


def test_calling_on_a_person_is_an_in_person_courtesy_call_calling_on_someone_to_act_is_not() -> None:
    facts = extract(
        "Foreign Minister Santos visits Canberra\n\n"
        "Foreign Minister Maria Santos of the Philippines held talks with Australian Foreign Minister Rebecca "
        "Thornton in Canberra on 14 May.\n\n"
        "Santos also called on Prime Minister Liam Byrne.\n\n"
        "She called on Prime Minister Ivo Ruud to end the blockade.",
        published="2031-05-15",
    )
    assert sorted(meetings(facts), key=lambda m: sorted(m[0])) == [
        (frozenset({"Liam Byrne", "Maria Santos"}), "in-person", "held", None, None),
        (frozenset({"Maria Santos", "Rebecca Thornton"}), "in-person", "held", "2031-05-14", "Canberra"),
    ]
    assert ("Maria Santos", "Foreign Minister", "Philippines") in roles(facts)  # not of the headline's last word


def test_a_guest_welcomed_or_hosted_at_a_named_place_is_met_there() -> None:
    facts = extract(
        "Prime Minister Kenji Arakawa welcomed Dutch Prime Minister Pieter de Wit at the Prime Minister's Office on Tuesday.\n\n"
        "Arakawa welcomed the decision to open a consulate.",
        published="2031-05-21",
    )
    assert meetings(facts) == [
        (frozenset({"Kenji Arakawa", "Pieter de Wit"}), "in-person", "held", "2031-05-20", "Prime Minister's Office")
    ]


def test_an_organizations_own_unnamed_head_and_a_release_header_place_line() -> None:
    from etl.model import Article
    from tests.extract_support import extractor

    facts = extractor().extract(Article(
        "t", "Readout of the Secretary-General's meeting with President Anna Berg of Norway\n\n"
        "The Secretary-General met today with President Anna Berg of Norway. They discussed climate change.",
        published="2031-09-24", source="United Nations, Office of the Secretary-General"))
    assert meetings(facts) == [(frozenset({"United Nations", "Anna Berg"}), "in-person", "held", "2031-09-24", None)]
    facts = extract(
        "Remarks With Norwegian Foreign Minister Erik Dahl Before Their Meeting\n\n"
        "Oslo, Norway\n\nJanuary 27, 2031\n\n"
        "SECRETARY ELLEN MARSH: Thank you, Mr. Minister, for hosting me today.",
        published="2031-01-27",
    )
    assert [(m[0], m[4]) for m in meetings(facts)] == [(frozenset({"Ellen Marsh", "Erik Dahl"}), "Oslo")]


def test_bilateral_meetings_with_several_partners_are_one_meeting_with_each() -> None:
    text = ("NEW DELHI, Sept 25 (Wire) - Foreign Minister Arun Vadra held bilateral meetings with his "
            "counterparts from Peru, Ghana and Norway on the sidelines of the UN General Assembly in New York "
            "on Tuesday.")
    found = {m[0] for m in meetings(extract(text, published="2024-09-25"))}
    assert found == {frozenset({"Arun Vadra", country}) for country in ("Peru", "Ghana", "Norway")}
    text = ("Foreign Minister Arun Vadra held bilateral talks with Peruvian Foreign Minister Ana Quispe and "
            "Ghanaian Foreign Minister Kofi Mensah in New York on Tuesday.")
    found = {m[0] for m in meetings(extract(text, published="2024-09-25"))}
    assert found == {frozenset({"Arun Vadra", "Ana Quispe"}), frozenset({"Arun Vadra", "Kofi Mensah"})}


def test_meeting_several_people_at_once_stays_one_meeting() -> None:
    text = ("Foreign Minister Arun Vadra met Peruvian Foreign Minister Ana Quispe and Ghanaian Foreign Minister "
            "Kofi Mensah in New York on Tuesday to discuss the summit.")
    found = [m[0] for m in meetings(extract(text, published="2024-09-25"))]
    assert found == [frozenset({"Arun Vadra", "Ana Quispe", "Kofi Mensah"})]


def test_his_counterparts_from_listed_countries_are_those_countries_not_himself() -> None:
    text = ("Foreign Minister Arun Vadra met his counterparts from Peru, Ghana and Norway in New York on "
            "Tuesday.")
    facts = extract(text, published="2024-09-25")
    assert {"Peru", "Ghana", "Norway"} <= set().union(*(m[0] for m in meetings(facts)))
    assert [r[2] for r in roles(facts) if r[0] == "Arun Vadra"] == [None]  # the text gives his post no country


def test_bilateral_meetings_with_counterparts_including_those_of_listed_countries() -> None:
    text = ("Foreign Minister Arun Vadra held 11 bilateral meetings with foreign counterparts, including those of "
            "Peru, Ghana and Norway, on the sidelines of the UN General Assembly in New York on Tuesday.")
    facts = extract(text, published="2024-09-25")
    assert {m[0] for m in meetings(facts)} == {frozenset({"Arun Vadra", c}) for c in ("Peru", "Ghana", "Norway")}
    assert [r[2] for r in roles(facts) if r[0] == "Arun Vadra"] == [None]  # he is no counterpart of theirs


def test_meeting_the_leaders_or_heads_of_government_of_listed_countries_is_one_meeting_each() -> None:
    text = ("Prime Minister Arun Vadra met President Ana Quispe of Peru in New York on Tuesday.\n\n"
            "On the sidelines he also met the leaders of Ghana and Norway.")
    found = {m[0] for m in meetings(extract(text, published="2024-09-25"))}
    assert found == {frozenset({"Arun Vadra", "Ana Quispe"}), frozenset({"Arun Vadra", "Ghana"}), frozenset({"Arun Vadra", "Norway"})}
    text = "President Ana Lopes met with the heads of government of Peru, Ghana and Norway on Tuesday."
    found = {m[0] for m in meetings(extract(text, published="2024-09-25"))}
    assert found == {frozenset({"Ana Lopes", c}) for c in ("Peru", "Ghana", "Norway")}
    # met together: one meeting
    text = "Foreign Minister Arun Vadra met his counterparts from Peru and Ghana together in New York on Tuesday."
    assert [m[0] for m in meetings(extract(text, published="2024-09-25"))] == [frozenset({"Arun Vadra", "Peru", "Ghana"})]


def test_met_separately_with_two_people_is_two_meetings() -> None:
    text = ("Prime Minister Ana Lopes also met separately with Ghana's President Kofi Mensah and Norway's Prime "
            "Minister Erik Dahl in Oslo on Tuesday.")
    found = {m[0] for m in meetings(extract(text, published="2024-09-25"))}
    assert found == {frozenset({"Ana Lopes", "Kofi Mensah"}), frozenset({"Ana Lopes", "Erik Dahl"})}


def test_a_title_abbreviation_before_a_name_ends_no_sentence() -> None:
    text = ("Prime Minister Arun Vadra spoke with President Ana Quispe by phone on Monday.\n\n"
            "President Quispe and PM Vadra's last meeting was in March 2022 during the former's visit to India.")
    found = meetings(extract(text, published="2025-01-28"))
    assert [m[:4] for m in found] == [
        (frozenset({"Arun Vadra", "Ana Quispe"}), "phone", "held", "2025-01-27"),
        (frozenset({"Arun Vadra", "Ana Quispe"}), "in-person", "held", "2022-03"),
    ]
    text = "Gen. Tomas Berg met Amb. Lee Wen and Lt. Col. Aldo Rossi in Oslo on Monday."
    assert [m[0] for m in meetings(extract(text, published="2025-01-28"))] == [frozenset({"Tomas Berg", "Lee Wen", "Aldo Rossi"})]


def test_a_telephonic_conversation_is_a_call_and_shri_is_no_part_of_a_name() -> None:
    text = "Prime Minister Shri Arun Vadra had a telephonic conversation today with President Ana Lopes of Peru."
    assert meetings(extract(text, published="2020-04-04")) == [
        (frozenset({"Arun Vadra", "Ana Lopes"}), "phone", "held", "2020-04-04", None)
    ]


# --- wire stories: the lead's day and dateline for the meeting reported further down ----------


def test_a_wire_leads_weekday_dates_the_meeting_a_later_sentence_reports() -> None:
    text = ("Marsh presses Peru on fisheries\n\n"
            "LIMA — U.S. Secretary of State Ellen Marsh called Wednesday for Peru to do more to curb illegal fishing.\n\n"
            "Wrapping up a five-day tour in Lima, Marsh hailed cooperation on trade.\n\n"
            "“We have work to do,” Marsh told reporters as she began her meeting with Peruvian Foreign Minister Ana Quispe.")
    assert meetings(extract(text, published="2031-01-29")) == [
        (frozenset({"Ellen Marsh", "Ana Quispe"}), "in-person", "held", "2031-01-29", "Lima")
    ]
    text = ("Marsh presses Peru on fisheries\n\n"
            "WASHINGTON (Wire) — U.S. Secretary of State Ellen Marsh said on Monday night that Peru must do more to curb illegal fishing.\n\n"
            "Marsh and Peruvian Foreign Minister Ana Quispe held talks on the sidelines of the fisheries conference.")
    assert [m[:4] for m in meetings(extract(text, published="2031-01-29"))] == [
        (frozenset({"Ellen Marsh", "Ana Quispe"}), "in-person", "held", "2031-01-27")
    ]


def test_a_wire_leads_day_never_dates_a_meeting_another_date_or_person_sets_apart() -> None:
    text = ("Marsh presses Peru on fisheries\n\n"
            "LIMA — U.S. Secretary of State Ellen Marsh called Wednesday for Peru to do more to curb illegal fishing.\n\n"
            "Peruvian Foreign Minister Ana Quispe met Ghana's Foreign Minister Kofi Mensah to discuss the matter.")
    assert [m[3] for m in meetings(extract(text, published="2031-01-29"))] == [None]
    text = ("Marsh presses Peru on fisheries\n\n"
            "LIMA — U.S. Secretary of State Ellen Marsh called Wednesday for Peru to do more to curb illegal fishing.\n\n"
            "Last year she held talks with Peruvian Foreign Minister Ana Quispe.")
    assert [m[3] for m in meetings(extract(text, published="2031-01-29"))] == ["2030"]


def test_a_demand_to_return_to_talks_is_no_meeting() -> None:
    text = ("Peru is Ghana’s main link to the outside world, and American officials say Lima isn’t doing enough to "
            "persuade Ghana to stop the tests and return to disarmament talks.")
    assert meetings(extract(text, published="2031-01-29")) == []
    text = "Ghana and Peru returned to talks in Lima on Monday."
    assert [m[:4] for m in meetings(extract(text, published="2031-01-29"))] == [(frozenset({"Ghana", "Peru"}), "in-person", "held", "2031-01-27")]


def test_a_person_entity_beginning_with_a_title_abbreviation_is_the_name_alone() -> None:
    from spacy.tokens import Span

    from etl.extract.person_spans import clean_person_span
    from etl.nlp import load_nlp

    doc = load_nlp()("President Berg and PM Kumar's last meeting was in February 2020.")
    entity = Span(doc, 3, 6, label="PERSON")  # "PM Kumar's", as the model gives it in some texts
    assert clean_person_span(entity, set()).text == "Kumar"


def test_a_header_line_of_place_and_full_date_is_not_the_lead() -> None:
    from etl.extract.meetings.passes import lead_sentence
    from etl.model import Article
    from tests.extract_support import extractor

    ex = extractor()
    text = ("Readout of the Secretary-General's meeting with President Anna Berg of Norway\n\n"
            "New York, NY, 24 September 2031\n\n"
            "The Secretary-General met today with President Anna Berg of Norway. They discussed climate change.")
    article = Article("t", text, published="2031-09-24", source="United Nations, Office of the Secretary-General")
    ctx = ex.context(article, ex.nlp(text))
    assert lead_sentence(ctx).text.startswith("The Secretary-General met today")


# --- wire leads, "their" call, the same day, back references with countries (issue 9) --------


def test_mutual_visits_are_no_meeting_and_their_call_is_of_the_two_the_lead_names() -> None:
    text = (
        "New PM Arakawa, Seo Agree to Continue Shuttle Diplomacy\n\n"
        "Tokyo, Oct. 2 (Nippon Wire)--New Japanese Prime Minister Kenji Arakawa and South Korean President Seo Jin-ho "
        "agreed Wednesday to communicate closely, including through the continuation of so-called shuttle diplomacy, "
        "or mutual visits to each other's countries.\n\n"
        "In their telephone conversation a day after Arakawa was elected prime minister, the two leaders also shared a "
        "commitment to making the current positive ties sustainable.\n\n"
        "Arakawa also held a phone meeting with Australian Prime Minister Tom Harlow on the same day."
    )
    got = meetings(extract(text, published="2024-10-02"))
    assert len(got) == 2 and set(got) == {
        (frozenset({"Kenji Arakawa", "Tom Harlow"}), "phone", "held", "2024-10-02", None),
        (frozenset({"Kenji Arakawa", "Seo Jin-ho"}), "phone", "held", "2024-10-02", None),
    }


def test_a_held_meeting_is_not_dated_by_a_weekday_after_the_story() -> None:
    text = (
        "Bilateral talks fruitful\n\n"
        "Prime Minister Tomas Wenge and Prime Minister Joeli Kaloni discussed issues of importance to both nations.\n\n"
        "Both leaders met at the APEC House in Port Moresby ahead of the third Forum for India-Pacific Islands "
        "Cooperation to take place on Monday May 22.\n\n"
        "PM Kaloni said the two nations have a lot in common and as leaders in the Pacific, they are ready to take on "
        "issues of common interest with the rest of the Pacific by Monday when leaders meet."
    )
    got = meetings(extract(text, published="2023-05-20"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Tomas Wenge", "Joeli Kaloni"}), "held", None)]


def test_the_two_heads_of_state_and_the_countries_they_lead_are_the_meeting_just_reported() -> None:
    text = (
        "Kiprono hosts Somalia, South Sudan Presidents\n\n"
        "President Daniel Kiprono on Wednesday held talks with Somalia and South Sudan Presidents in two separate "
        "meetings at State House, Nairobi.\n\n"
        "Kiprono said the discussions with President Ahmed Warsame centred on the security situation in Somalia.\n\n"
        "The two heads of State also held talks on the trade of fish between Kenya and Somalia.\n\n"
        "Shortly after, Kiprono held bilateral talks with South Sudan President Peter Lado on regional infrastructure."
    )
    got = {m[0]: m[3] for m in meetings(extract(text, published="2022-09-14"))}
    assert got == {frozenset({"Daniel Kiprono", "Ahmed Warsame"}): "2022-09-14", frozenset({"Daniel Kiprono", "Peter Lado"}): "2022-09-14"}


def test_after_the_meeting_with_countries_in_the_sentence_is_the_meeting_reported() -> None:
    text = (
        "Thursday, September 15, 2022 – President Daniel Kiprono met with Somalia President Ahmed Warsame yesterday "
        "at State House in Nairobi.\n\n"
        "In a statement after the meeting, Kiprono said that his government will fast-track the implementation of the "
        "Joint Commission for Cooperation between Kenya and Somalia."
    )
    got = meetings(extract(text, published="2022-09-15"))
    assert [(m[0], m[3]) for m in got] == [(frozenset({"Daniel Kiprono", "Ahmed Warsame"}), "2022-09-14")]


def test_a_title_case_dateline_with_its_agency_places_the_visit_in_the_host_capital() -> None:
    text = (
        "Indonesian-US Foreign Ministers Discuss Trade\n\n"
        "Jakarta, MINA – Indonesian Foreign Minister Dewi Lestari on Thursday received a visit from US Secretary of "
        "State Mark Holden. One of the things discussed at the meeting is trade."
    )
    got = meetings(extract(text, published="2020-10-29"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Dewi Lestari", "Mark Holden"}), "2020-10-29", "Jakarta")]


def test_a_name_set_off_by_commas_after_a_title_of_a_country_is_the_person_met() -> None:
    # the model misses "Ana Beltrán" in the apposition; the title before it introduces her
    text = "Today, Prime Minister Arthur Wells met with the President of Chile, Ana Beltrán, at La Moneda Palace in Santiago."
    got = meetings(extract(text, published="2031-06-26"))
    assert [(m[0], m[3]) for m in got] == [(frozenset({"Arthur Wells", "Ana Beltrán"}), "2031-06-26")]


def test_at_the_time_dates_a_meeting_by_the_sentence_before_and_makes_it_an_earlier_one() -> None:
    text = (
        "Jakarta, MINA – Indonesian Foreign Minister Dewi Lestari on Thursday received a visit from US Secretary of "
        "State Mark Holden.\n\n"
        "Holden previously visited Indonesia in 2018. Holden met President Budi Santoso at the time."
    )
    facts = extract(text, published="2020-10-29")
    got = {m[0]: m[3] for m in meetings(facts)}
    assert got[frozenset({"Mark Holden", "Budi Santoso"})] == "2018"
    assert [m.primary for m in facts.meetings if m.date == "2018"] == [False]


def test_the_first_minister_to_visit_a_country_and_being_in_a_city_on_a_visit_place_the_lead_meeting() -> None:
    text = ("Swedish Foreign Minister Anna Berg is the first Swedish foreign minister to visit China since 2015. "
            "She met Premier Zhao Ming on Monday.")
    assert [m[4] for m in meetings(extract(text, published="2025-03-04"))] == ["China"]
    text = ("Swedish Foreign Minister Anna Berg is in Beijing on a three-day visit. "
            "She held talks with Premier Zhao Ming on Monday.")
    assert [(m[3], m[4]) for m in meetings(extract(text, published="2025-03-04"))] == [("2025-03-03", "Beijing")]


def test_he_before_an_honorific_is_his_excellency_not_a_person() -> None:
    text = ("On Friday, 10 January 2020, Japanese Foreign Minister HE Mr. Kenji Arakawa held talks with HE Ms. Dewi "
            "Lestari, Minister of Foreign Affairs of the Republic of Indonesia, in Jakarta.")
    got = meetings(extract(text, published="2020-01-10"))
    assert got == [(frozenset({"Kenji Arakawa", "Dewi Lestari"}), "in-person", "held", "2020-01-10", "Jakarta")]


def test_a_format_dialogue_and_its_plenary_meeting_with_the_host_are_one_meeting_dated_and_placed_by_the_lead() -> None:
    text = (
        "Embassy of Japan: Japan-Indonesia Ministerial-Level Strategic Dialogue\n\n"
        "IO, Jakarta – On Friday, 10 January 2020, starting at 10:20 Jakarta time and lasting for approximately 60 "
        "minutes, Japanese Foreign Minister HE Mr. Arakawa Kenji conducted a Japan-Indonesia Ministerial-Level "
        "Strategic Dialogue, consisting of a Small Group Meeting and Plenary Meeting with HE Ms. Dewi Lestari, "
        "Minister of Foreign Affairs of the Republic of Indonesia, with the contents of the meeting as follows.\n\n"
        "Responding to this, Foreign Minister Lestari welcomed the visit of Foreign Minister Arakawa to Jakarta, and "
        "was happy to meet again after the meeting in Nagoya last November 2019."
    )
    facts = extract(text, published="2020-01-10")
    main = [m for m, f in zip(meetings(facts), facts.meetings) if f.primary]
    # one main meeting (not a second one of Arakawa and Indonesia, nor a person "Plenary Meeting"),
    # of the lead's day (not the Nagoya meeting's), in the dateline's city (not the agency "IO")
    assert len(main) == 1 and main[0][1:] == ("in-person", "held", "2020-01-10", "Jakarta")
    assert {n.split()[-1] for n in main[0][0]} <= {"Arakawa", "Kenji", "Lestari"} and len(main[0][0]) == 2


def test_a_list_after_separate_meetings_and_guests_received_one_by_one_are_a_meeting_each() -> None:
    host = "Ramon Dela Cruz"
    text = ("President Ramon Dela Cruz held separate meetings with foreign dignitaries on Thursday. He met Chinese Vice "
            "President Zhou Ping, Japanese Foreign Minister Kenji Arakawa and Australian Prime Minister Tom Harlow.")
    got = {m[0] for m in meetings(extract(text, published="2022-07-01"))}
    assert got == {frozenset({host, g}) for g in ("Zhou Ping", "Kenji Arakawa", "Tom Harlow")}
    text = ("On Friday, President Ramon Dela Cruz received Vietnamese Vice President Nguyen Thi Lan, Indian Foreign "
            "Minister Arjun Mehta and British Foreign Secretary Oliver Grant at Malacañan Palace.")
    got = {(m[0], m[3]) for m in meetings(extract(text, published="2022-07-01"))}
    assert got == {(frozenset({host, g}), "2022-07-01") for g in ("Nguyen Thi Lan", "Arjun Mehta", "Oliver Grant")}
    # received together: one meeting
    together = extract(text.replace(" at Malacañan", " together at Malacañan"), published="2022-07-01")
    assert [len(m[0]) for m in meetings(together)] == [4]


def test_a_speaker_saying_it_was_a_pleasure_meeting_people_is_the_one_meeting_them() -> None:
    text = ("In a Facebook post, President Ramon Dela Cruz said it was a “great pleasure” meeting Japanese Foreign "
            "Minister Kenji Arakawa and Australian Prime Minister Tom Harlow on Thursday.")
    got = meetings(extract(text, published="2022-07-01"))
    assert [m[0] for m in got] == [frozenset({"Ramon Dela Cruz", "Kenji Arakawa", "Tom Harlow"})]


def test_their_talks_with_someone_and_the_two_leaders_meeting_someone_are_the_pair_and_that_person() -> None:
    text = ("Foreign Ministers Anna Berg of Sweden and Jonas Lind of Norway arrived in Lima on Monday. "
            "In their talks with President Carlos Ruiz, they discussed trade.")
    got = meetings(extract(text, published="2025-03-04"))
    assert [m[0] for m in got] == [frozenset({"Anna Berg", "Jonas Lind", "Carlos Ruiz"})]
    text = ("Prime Minister Anna Berg and President Carlos Ruiz signed a trade deal on Monday. "
            "The two leaders met again on Tuesday with Chancellor Jonas Lind.")
    got = meetings(extract(text, published="2025-03-04"))
    assert [(m[0], m[3]) for m in got] == [(frozenset({"Anna Berg", "Carlos Ruiz", "Jonas Lind"}), "2025-03-04")]


def test_is_to_meet_is_a_planned_meeting_and_was_to_meet_is_none() -> None:
    text = "Foreign Minister Anna Berg is to meet her Chinese counterpart Li Wei in Beijing on Friday."
    assert meetings(extract(text, published="2025-03-06")) == [(frozenset({"Anna Berg", "Li Wei"}), "in-person", "planned", "2025-03-07", "Beijing")]
    text = "Foreign Minister Anna Berg was to meet Li Wei on Friday but the talks were postponed."
    assert [m for m in meetings(extract(text, published="2025-03-06")) if m[2] == "held"] == []


def test_a_date_of_the_meeting_the_talks_are_held_ahead_of_is_not_theirs() -> None:
    text = "Foreign Minister Anna Berg held talks with Li Wei ahead of a regional summit on Friday."
    got = meetings(extract(text, published="2025-03-06"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Anna Berg", "Li Wei"}), "held", None)]


def test_a_trip_to_one_place_told_in_another_sentence_places_the_visitors_first_main_meeting() -> None:
    text = ("Swedish Foreign Minister Anna Berg held talks with her South Korean counterpart Park Ji-min on Tuesday. "
            "She also met Prime Minister Han Seo-jun. Berg arrived in Seoul on Monday.")
    got = {m[0]: m[4] for m in meetings(extract(text, published="2025-03-04"))}
    assert got == {frozenset({"Anna Berg", "Park Ji-min"}): "Seoul", frozenset({"Anna Berg", "Han Seo-jun"}): None}
    # an earlier trip places nothing
    text = "Swedish Foreign Minister Anna Berg held talks with Park Ji-min on Tuesday. Berg visited Tokyo last week."
    assert [m[4] for m in meetings(extract(text, published="2025-03-04"))] == [None]


def test_a_later_sentence_with_one_side_of_a_bilateral_already_reported_places_that_meeting() -> None:
    text = (
        "SINGAPORE – President Ramon Dela Cruz held two separate bilateral talks with the leaders of Vietnam and "
        "Indonesia on the sidelines of the ASEAN Summit here yesterday afternoon.\n\n"
        "Dela Cruz first had a bilateral meeting with Vietnamese Prime Minister Tran Van Minh at the Ritz Carlton Hotel, "
        "where Dela Cruz and the Philippine delegation were staying.\n\n"
        "Before the dinner, Dela Cruz met with Indonesian President Budi Santoso at the Istana."
    )
    got = {m[0]: (m[3], m[4]) for m in meetings(extract(text, published="2018-04-28"))}
    assert got[frozenset({"Ramon Dela Cruz", "Tran Van Minh"})] == ("2018-04-27", "Ritz Carlton Hotel")
    assert got[frozenset({"Ramon Dela Cruz", "Budi Santoso"})] == ("2018-04-27", "Istana")


def test_a_meeting_going_on_as_the_story_is_written_is_of_its_day_and_a_tour_of_countries_is_no_meeting() -> None:
    text = (
        "BREAKING: Obi holds bilateral meeting with Marsh\n\n"
        "President Chinedu Obi is holding a bilateral meeting with the Secretary of State of the United States of "
        "America, Ellen Marsh, at the State House, Abuja.\n\n"
        "Apart from Nigeria, Marsh is visiting Cape Verde, Ivory Coast and Angola as she seeks to reinforce the US "
        "commitment to stronger relations with democracies in the subregion."
    )
    got = meetings(extract(text, published="2024-01-23"))
    assert [(m[0], m[2], m[3]) for m in got] == [(frozenset({"Chinedu Obi", "Ellen Marsh"}), "held", "2024-01-23")]


def test_the_phrase_a_meeting_word_is_in_keeps_its_place_and_the_dateline_city_beats_a_trip_to_the_country() -> None:
    text = "Prime Minister Kenji Arakawa and President Seo Jin-ho held a joint news conference after a summit meeting in Tokyo on Thursday."
    assert [m[4] for m in meetings(extract(text, published="2023-03-16"))] == ["Tokyo"]
    text = (
        "Jakarta, MINA – Indonesian Foreign Minister Dewi Lestari on Thursday received a visit from US Secretary of "
        "State Mark Holden. One of the things discussed at the meeting is trade.\n\n"
        "Holden’s visit to Indonesia is part of a series of trips to India, Sri Lanka, the Maldives and Indonesia."
    )
    assert [m[4] for m in meetings(extract(text, published="2020-10-29"))] == ["Jakarta"]


def test_a_full_name_repeated_where_the_model_takes_it_for_an_organization_is_the_person() -> None:
    text = (
        "Colombian President Ramiro Lazo flew to Caracas.\n\n"
        "The President of Venezuela, Tomás Vela, received his Colombian counterpart, Ramiro Lazo, in Caracas on "
        "Thursday for a working meeting."
    )
    facts = extract(text, published="2031-03-20")
    assert meetings(facts) == [(frozenset({"Tomás Vela", "Ramiro Lazo"}), "in-person", "held", "2031-03-20", "Caracas")]


def test_stalled_talks_are_a_process_and_a_special_representative_is_an_envoy() -> None:
    text = (
        "SEOUL, Aug. 24 (Yonhap) -- Unification Minister Park Do-hyun met with the U.S. envoy for North Korea on Tuesday "
        "and discussed how to jump-start stalled talks with Pyongyang.\n\n"
        "During the meeting, Park and U.S. Special Representative Ellen Marsh shared their views on the situation."
    )
    facts = extract(text, published="2031-08-24")
    assert meetings(facts) == [(frozenset({"Park Do-hyun", "Ellen Marsh"}), "in-person", "held", "2031-08-19", "Seoul")]
    assert ("Ellen Marsh", "Special Representative", "United States") in roles(facts)


def test_a_visitor_who_spoke_with_a_host_official_met_in_person() -> None:
    # "welcomed him on his state visit": the visitor is the one welcomed, not the subject;
    # "spoke with" during that visit, with someone of the host country, is in person, not a call
    text = (
        "Chinese President Chen Weiguo received his Norwegian counterpart Tomas Vale in Beijing on Thursday and formally "
        "welcomed him on his state visit to China.\n\n"
        "Before meeting Chen, Vale spoke with Chinese Premier Liu Jianping."
    )
    assert meetings(extract(text, published="2031-03-21")) == [
        (frozenset({"Chen Weiguo", "Tomas Vale"}), "in-person", "held", "2031-03-20", "Beijing"),
        (frozenset({"Tomas Vale", "Liu Jianping"}), "in-person", "held", None, None),
    ]


def test_discussions_held_with_someone_are_a_meeting_and_discussions_on_a_topic_are_not() -> None:
    facts = extract("Prime Minister Arthur Wells had discussions with Japanese Prime Minister Kenji Arakawa in Tokyo on Monday.", published="2031-11-22")
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "in-person", "held", "2031-11-17", "Tokyo")]
    text = "Prime Minister Arthur Wells said discussions on trade with Japan would continue after Japanese Prime Minister Kenji Arakawa spoke."
    assert meetings(extract(text, published="2031-11-22")) == []


def test_a_visit_one_is_invited_to_make_is_no_meeting_and_a_short_name_keeps_its_person() -> None:
    # "Mr Wells" stays the prime minister after "former Prime Minister Robert Wells" is named
    text = (
        "Prime Minister Arthur Wells had separate discussions with Japanese Prime Minister Kenji Arakawa and New Zealand "
        "Prime Minister Helen Kerr yesterday.\n\n"
        "Mr Wells and Mr Arakawa affirmed the excellent ties between their two countries.\n\n"
        "Mr Wells thanked Mr Arakawa for inviting President Tomas Vale to make a state visit next year.\n\n"
        "He also thanked Mr Arakawa for attending the funeral of former Prime Minister Robert Wells in March.\n\n"
        "At the meeting with Ms Kerr, Mr Wells thanked her for her country's support."
    )
    assert sorted(meetings(extract(text, published="2031-11-22")), key=str) == sorted([
        (frozenset({"Arthur Wells", "Kenji Arakawa"}), "in-person", "held", "2031-11-21", None),
        (frozenset({"Arthur Wells", "Helen Kerr"}), "in-person", "held", "2031-11-21", None),
    ], key=str)


def test_met_in_a_list_of_places_is_earlier_meetings_not_the_one_reported() -> None:
    text = (
        "Remarks by President Tomas Vale and Prime Minister Arthur Wells Before Bilateral Meeting\n\n"
        "Number 10 Downing Street\nLondon, United Kingdom\n\n"
        "PRIME MINISTER WELLS: Welcome, Tomas.\n\n"
        "PRESIDENT VALE: Thank you. We met in Paris, Rome and Tokyo, and now here."
    )
    facts = extract(text, published="2031-07-10")
    places = {p.key: p.name for p in facts.places}
    assert sorted((places.get(m.location), m.primary) for m in facts.meetings) == [("London", True), ("Paris", False)]


# --- welcomes, tours, messages: people in a meeting's story who are not at a meeting ---------


def test_a_welcome_on_arrival_is_no_meeting() -> None:
    text = (
        "Olsen in Riga\n\n"
        "Trade Minister Ivo Pent received Foreign Minister Marta Olsen at the airport on Monday.\n\n"
        "Deputy Minister Lena Koppel received Ms Olsen at the forecourt of the Government House."
    )
    assert meetings(extract(text, published="2025-03-04")) == []
    held = extract("Trade Minister Ivo Pent received Foreign Minister Marta Olsen at the Government House on Monday.", published="2025-03-04")
    assert [m[0] for m in meetings(held)] == [frozenset({"Ivo Pent", "Marta Olsen"})]


def test_a_tour_of_several_countries_does_not_place_the_meeting() -> None:
    text = (
        "Olsen meets Vask on Baltic tour\n\n"
        "Prime Minister Karl Vask is meeting with Foreign Minister Marta Olsen, who is on a tour of the region.\n\n"
        "Ms Olsen begins her trip this week, with visits to Lithuania, Estonia, Finland and Norway."
    )
    assert meetings(extract(text, published="2025-03-04")) == [
        (frozenset({"Karl Vask", "Marta Olsen"}), "in-person", "held", "2025-03-04", None)]


def test_a_building_then_its_city_places_the_meeting_in_the_city() -> None:
    text = "Olsen meets Vask\n\nPrime Minister Karl Vask on Tuesday met with Foreign Minister Marta Olsen at the Government House, Riga."
    assert [m[4] for m in meetings(extract(text, published="2025-03-04"))] == ["Riga"]


def test_the_meeting_as_the_time_of_greetings_conveyed_is_the_same_meeting() -> None:
    text = (
        "Olsen holds talks with Vask\n\n"
        "Official talks were held between Foreign Minister Marta Olsen and Prime Minister Karl Vask in Riga late Thursday.\n\n"
        "At the onset of the meeting, Ms Olsen conveyed greetings of President Ivo Pent and Crown Prince Ali Ruuk to King Tomas Saar, "
        "wishing the country continued growth."
    )
    assert [m[0] for m in meetings(extract(text, published="2025-03-04"))] == [frozenset({"Karl Vask", "Marta Olsen"})]


def test_the_meeting_as_the_time_of_a_briefing_is_the_same_meeting() -> None:
    text = (
        "Olsen holds talks with Vask\n\n"
        "Foreign Minister Marta Olsen held talks with Prime Minister Karl Vask in Riga on Monday.\n\n"
        "Following the meeting, Ms Olsen briefed Ambassador Ivo Pent and Senator Tane Rua on its results."
    )
    assert [m[0] for m in meetings(extract(text, published="2025-03-04"))] == [frozenset({"Karl Vask", "Marta Olsen"})]


def test_the_sender_and_addressee_of_greetings_are_not_at_the_meeting() -> None:
    text = (
        "Olsen holds talks with Vask\n\n"
        "Foreign Minister Marta Olsen held talks with Prime Minister Karl Vask in Riga.\n\n"
        "Speaking to reporters following the meeting, the foreign minister said she had a good meeting with her counterpart in Riga, "
        "adding that she had asked Vask to convey the greetings of His Majesty the King Tomas Saar to President Ivo Pent."
    )
    assert [m[0] for m in meetings(extract(text, published="2025-03-04"))] == [frozenset({"Karl Vask", "Marta Olsen"})]


def test_a_title_opening_the_main_clause_is_not_the_post_of_the_name_before_the_comma() -> None:
    # "After she meets with X, the Secretary of State will ...": X is not the Secretary of State
    # (a post taken so gives X the other side's country and breaks the meeting's identity)
    text = (
        "Olsen meets Vask\n\n"
        "US Secretary of State Marta Olsen is meeting with President Karl Vask in Abuja.\n\n"
        "After she meets with Vask, the Secretary of State will proceed to the office of Vice President Ivo Pent."
    )
    assert ("Karl Vask", "Secretary of State", "United States") not in roles(extract(text, published="2025-03-04"))


def test_an_earlier_leg_visited_with_no_talks_is_no_meeting() -> None:
    # the visitor named only by a description ("The US diplomat") and the country visited
    text = (
        "Vask receives US Secretary of State Olsen\n\n"
        "President Karl Vask has received the US Secretary of State, Marta Olsen at the State House in Abuja.\n\n"
        "The US diplomat is on a three-nation tour of Africa and had first visited Kenya where she called for a ceasefire."
    )
    assert [m[0] for m in meetings(extract(text, published="2025-03-04"))] == [frozenset({"Karl Vask", "Marta Olsen"})]


def test_a_list_of_countries_visited_is_no_meeting() -> None:
    text = (
        "Lin tours the region\n\n"
        "In the past five days, Foreign Minister Lin Wei has visited the Solomons, Kiribati, Samoa, and Fiji, "
        "in a 10-day whistle-stop tour of the region."
    )
    assert meetings(extract(text, published="2025-03-04")) == []


def test_a_group_named_by_a_body_is_not_the_articles_leaders() -> None:
    # "CARICOM leaders", "the Pacific ministers": not the people of the article with such posts
    summit = (
        "Vask at the CARICOM summit\n\n"
        "President Karl Vask arrived on Saturday in Paramaribo to join his regional counterparts for the 43rd Regular Meeting "
        "of the Caribbean Community (CARICOM) Heads of Government.\n\n"
        "Since arriving in Suriname, the President has had bilateral talks with Prime Minister of Trinidad and Tobago, Dr. Ivo Pent.\n\n"
        "CARICOM leaders also met United Nations Secretary-General Lena Koppel during a working lunch on Sunday."
    )
    assert [m[0] for m in meetings(extract(summit, published="2025-03-04"))] == [frozenset({"Ivo Pent", "Karl Vask"})]
    call = (
        "Lin in Fiji\n\n"
        "Minister for Pacific Peoples Tane Rua is heading to Fiji. "
        "Foreign Minister Lin Wei was in Fiji when he spoke virtually with the Pacific ministers."
    )
    assert meetings(extract(call, published="2025-03-04")) == []


def test_talks_since_the_arrival_of_the_lead_are_dated_from_then_to_the_story() -> None:
    # the lead's day is the arrival; the talks are some day after it, up to the story's day
    text = (
        "Vask at the CARICOM summit\n\n"
        "President Karl Vask arrived on Saturday in Paramaribo to join his regional counterparts for the 43rd Regular Meeting "
        "of the Caribbean Community (CARICOM) Heads of Government.\n\n"
        "Since arriving in neighbouring Suriname, the President has reportedly had bilateral talks with Prime Minister of "
        "Trinidad and Tobago, Dr. Ivo Pent."
    )
    assert [m[3] for m in meetings(extract(text, published="2025-03-04"))] == ["2025-03"]


def test_people_accompanying_a_leader_to_a_forum_session_are_no_meeting() -> None:
    text = (
        "Vask at the CARICOM summit\n\n"
        "President Karl Vask arrived on Saturday in Paramaribo to join his regional counterparts for the 43rd Regular Meeting "
        "of the Caribbean Community (CARICOM) Heads of Government.\n\n"
        "According to a statement from his office, President Vask is being accompanied to the meeting by Foreign Minister Ivo Pent; "
        "Director of the Americas in the Ministry of Foreign Affairs, Mr. Tane Rua; and Director-General in the Ministry of "
        "Agriculture, Mr. Lena Koppel."
    )
    assert meetings(extract(text, published="2025-03-04")) == []


# --- receptions of a group and who attended --------------------------------------------------


def test_a_head_of_state_receiving_the_ministers_of_several_countries_holds_one_meeting() -> None:
    text = (
        "Estonian Foreign Minister John Miller, Latvian Foreign Minister Peter Hansen and Lithuanian Foreign Minister "
        "Michael Brandt arrived in Tartu on Monday.\n\n"
        "On Tuesday, Finnish President Arthur Wells received the three foreign ministers in Tartu."
    )
    facts = extract(text, published="2025-03-14")
    assert meetings(facts) == [
        (frozenset({"Arthur Wells", "John Miller", "Peter Hansen", "Michael Brandt"}), "in-person", "held", "2025-03-11", "Tartu")
    ]


def test_the_meeting_was_attended_by_adds_people_to_the_meeting_just_reported() -> None:
    text = (
        "President Arthur Wells received the ministers of foreign affairs of the Baltic states in Tartu on Tuesday.\n\n"
        "The meeting was attended by Estonian Foreign Minister John Miller, Latvian Foreign Minister Peter Hansen "
        "and Lithuanian Foreign Minister Michael Brandt."
    )
    facts = extract(text, published="2025-03-14")
    assert meetings(facts) == [
        (frozenset({"Arthur Wells", "John Miller", "Peter Hansen", "Michael Brandt"}), "in-person", "held", "2025-03-11", "Tartu")
    ]


def test_others_attending_the_talks_join_them() -> None:
    text = (
        "Foreign Minister John Miller met Prime Minister Peter Hansen in Riga on Tuesday. "
        "The meeting was also attended by Finance Minister Michael Brandt and Ambassador Thomas Keller."
    )
    facts = extract(text, published="2025-03-14")
    assert meetings(facts) == [
        (frozenset({"John Miller", "Peter Hansen", "Michael Brandt", "Thomas Keller"}), "in-person", "held", "2025-03-11", "Riga")
    ]


def test_bilateral_talks_with_titled_partners_set_off_by_semicolons_are_one_meeting_each() -> None:
    text = (
        "President Arthur Wells arrived on Saturday in Paramaribo, Suriname, to join his regional counterparts for the annual summit.\n\n"
        "Since arriving in Suriname, the President has reportedly had bilateral talks with Prime Minister of Barbados, "
        "Dr. John Miller; and Minister of State for Foreign Affairs, and Member of the Council of Ministers of the Kingdom "
        "of Saudi Arabia, Prince Faisal bin Ahmed Al-Rashid."
    )
    facts = extract(text, published="2025-03-14")
    assert sorted(sorted(m[0]) for m in meetings(facts)) == [
        ["Arthur Wells", "Faisal bin Ahmed Al-Rashid"], ["Arthur Wells", "John Miller"]
    ]


# --- people added to a meeting after it is reported; one meeting per people, day and mode ----


def test_a_participant_accompanied_by_officials_brings_them_to_the_meeting() -> None:
    text = (
        "Prime Minister Arthur Wells met Vice President Kenji Arakawa in Washington on Monday.\n\n"
        "The Prime Minister was accompanied by the Minister of Finance, John Miller, and Chief of Defence Staff, "
        "General Peter Hansen.\n\n"
        "Newly appointed ambassador Michael Brandt was also present."
    )
    facts = extract(text, published="2025-03-14")
    assert meetings(facts) == [
        (frozenset({"Arthur Wells", "Kenji Arakawa", "John Miller", "Peter Hansen", "Michael Brandt"}), "in-person", "held", "2025-03-10", "Washington")
    ]


def test_someone_elses_company_or_presence_elsewhere_is_not_added() -> None:
    text = (
        "Prime Minister Arthur Wells met Vice President Kenji Arakawa in Washington on Monday.\n\n"
        "Later, Senator John Miller was accompanied by Senator Peter Hansen on a tour of the port.\n\n"
        "Ambassador Michael Brandt was present at the opening of the new embassy."
    )
    facts = extract(text, published="2025-03-14")
    assert _people(facts) == [frozenset({"Arthur Wells", "Kenji Arakawa"})]


def test_the_same_people_on_the_same_day_read_once_as_planned_and_once_as_held_are_one_meeting() -> None:
    text = (
        "Foreign Secretary Arthur Wells and his counterpart Kenji Arakawa agreed to strengthen trade at a meeting in Hanoi on Monday.\n\n"
        "Wells had a fruitful exchange on trade during his meeting with Arakawa on Monday, the embassy said."
    )
    facts = extract(text, published="2025-03-10")
    found = meetings(facts)
    assert [(m[0], m[2], m[3]) for m in found] == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "held", "2025-03-10")]


def test_a_guest_introduced_as_his_excellency_after_the_title_is_named() -> None:
    text = (
        "President Arthur Wells warmly welcomed the new President of the Republic of Senegal, "
        "His Excellency Bakary Diomande Tall, to Government House on Friday, May 16, 2025."
    )
    facts = extract(text, published="2025-05-16")
    assert _people(facts) == [frozenset({"Arthur Wells", "Bakary Diomande Tall"})]


def test_discussing_something_with_a_named_person_is_a_meeting() -> None:
    text = (
        "Prime Minister Arthur Wells made an official visit to Guatemala on Tuesday, where he discussed "
        "the ties between the two countries with Guatemala's President Kenji Arakawa."
    )
    facts = extract(text, published="2025-03-14")
    assert _people(facts) == [frozenset({"Arthur Wells", "Kenji Arakawa"})]


def test_exchanging_views_with_a_minister_is_a_meeting_but_a_purpose_or_reporters_are_not() -> None:
    assert _people(extract("Foreign Minister Arthur Wells exchanged views with Foreign Minister Kenji Arakawa in Oslo on Monday.",
                           published="2025-03-14")) == [frozenset({"Arthur Wells", "Kenji Arakawa"})]
    assert _people(extract("Foreign Minister Arthur Wells discussed the budget with reporters on Monday.", published="2025-03-14")) == []
    assert _people(extract("Foreign Minister Arthur Wells wants to discuss trade with Foreign Minister Kenji Arakawa.", published="2025-03-14")) == []


def test_spoke_via_video_link_with_a_titled_person_named_after_a_comma_is_a_video_call() -> None:
    facts = extract(
        "President Arthur Wells spoke via video link with the bank's special envoy for the Northern Isles, Kenji Arakawa.",
        published="2025-03-04",
    )
    assert [(m[0], m[1]) for m in meetings(facts)] == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "video")]


def test_his_meeting_was_with_a_named_person_is_a_meeting_of_the_two() -> None:
    facts = extract(
        "Foreign Minister Arthur Wells arrived in Oslo on Monday. His first meeting in Oslo was with the Prime Minister of Nordland, Kenji Arakawa.",
        published="2025-03-04",
    )
    assert frozenset({"Arthur Wells", "Kenji Arakawa"}) in _people(facts)


def test_welcoming_a_delegation_led_by_a_named_person_is_a_meeting_with_its_leader() -> None:
    facts = extract(
        "President Arthur Wells warmly welcomed a delegation from Nordland led by Vice President Kenji Arakawa. "
        "The delegation also made a courtesy visit to Prime Minister Lina Osei. Prime Minister Osei warmly welcomed the delegation.",
        published="2025-03-04",
    )
    people = _people(facts)
    assert frozenset({"Arthur Wells", "Kenji Arakawa"}) in people
    assert frozenset({"Kenji Arakawa", "Lina Osei"}) in people


# --- a format's session chaired by two people ------------------------------------------------


def test_the_session_of_a_joint_commission_two_people_co_chaired_is_their_meeting() -> None:
    facts = extract(
        "Norwegian Foreign Minister Arthur Wells and Danish Foreign Minister Kenji Arakawa co-chaired the Ministerial "
        "Meeting of the 5th Norway-Denmark Joint Commission for Bilateral Cooperation on 4 March 2025.",
        published="2025-03-05",
    )
    assert meetings(facts) == [(frozenset({"Arthur Wells", "Kenji Arakawa"}), "in-person", "held", "2025-03-04", None)]


def test_a_co_verb_is_one_token_with_its_subject() -> None:
    from etl.nlp import load_nlp

    doc = load_nlp()("Minister Arthur Wells and Minister Kenji Arakawa co-chaired the meeting. Oslo will co-host the summit.")
    verbs = [t for t in doc if t.lower_.startswith("co-")]
    assert [t.text for t in verbs] == ["co-chaired", "co-host"]
    assert all(any(c.dep_ == "nsubj" for c in t.children) for t in verbs)


def test_talks_on_two_days_of_a_month_are_dated_to_the_month() -> None:
    facts = extract("On 28 and 29 April Foreign Minister Arthur Wells held talks with Prime Minister Kenji Arakawa in Oslo.", published="2025-05-02")
    assert [m[3] for m in meetings(facts)] == ["2025-04"]
    facts = extract("Foreign Minister Arthur Wells held talks with Prime Minister Kenji Arakawa in Oslo on April 28-29.", published="2025-05-02")
    assert [m[3] for m in meetings(facts)] == ["2025-04"]


def test_a_dated_upper_case_dateline_without_a_comma_places_the_visit_in_the_host_capital() -> None:
    text = (
        "Philippines, Indonesia Hold Joint Commission\n\n"
        "MANILA 14 March 2031 — Philippine Secretary for Foreign Affairs Ramon Dizon and Indonesian Minister for Foreign "
        "Affairs Dewi Lestari co-chaired the meeting of the joint commission on 14 March 2031."
    )
    got = meetings(extract(text, published="2031-03-14"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Ramon Dizon", "Dewi Lestari"}), "2031-03-14", "Manila")]


def test_a_dateline_with_the_country_and_the_day_before_a_full_stop_places_the_talks() -> None:
    text = (
        "Uzbek and Kazakh Foreign Ministers Meet\n\n"
        "TASHKENT, Uzbekistan, March 9. Uzbek Foreign Minister Timur Rakhimov held talks with Kazakh Foreign "
        "Minister Aidos Serikbayev on Thursday, the ministry said."
    )
    got = meetings(extract(text, published="2031-03-09"))
    assert [(m[0], m[4]) for m in got] == [(frozenset({"Timur Rakhimov", "Aidos Serikbayev"}), "Tashkent")]


def test_a_title_case_dateline_with_a_year_and_agency_before_a_colon_does_not_date_a_meeting_of_the_visit() -> None:
    # the meeting "during the visit" has no day of its own: the dateline's date is not its date
    text = (
        "Kyrgyz Foreign Minister Meets Turkish Counterpart\n\n"
        "Ankara, 18 August 2031 (WIRE): The Foreign Minister of Kyrgyzstan, Nurlan Abdyrov, is on an official visit to "
        "Turkey, and during the visit he met Turkish Foreign Minister Kemal Aydin."
    )
    got = meetings(extract(text, published="2031-08-18"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Nurlan Abdyrov", "Kemal Aydin"}), None, "Turkey")]


def test_a_dateline_city_does_not_place_a_phone_call() -> None:
    text = (
        "Serbian President Talks to Hungarian Prime Minister\n\n"
        "BELGRADE, March 3 (Wire) - Serbian President Dusan Markovic spoke by phone on Monday with Hungarian Prime "
        "Minister Laszlo Kertesz."
    )
    got = meetings(extract(text, published="2031-03-04"))
    assert [(m[0], m[1], m[4]) for m in got] == [(frozenset({"Dusan Markovic", "Laszlo Kertesz"}), "phone", None)]


def test_a_wire_datelines_full_date_anchors_today_in_a_story_without_a_published_date() -> None:
    text = (
        "Philippine and Indonesian Ministers Meet\n\n"
        "MANILA 14 March 2031 — Philippine Secretary for Foreign Affairs Ramon Dizon met Indonesian Minister for "
        "Foreign Affairs Dewi Lestari today."
    )
    assert [m[3] for m in meetings(extract(text))] == ["2031-03-14"]


def test_the_people_of_a_later_the_meeting_are_the_countries_meeting_of_the_lead() -> None:
    text = (
        "Chile and Norway hold consultations in Santiago\n\n"
        "Chile and Norway held yesterday a round of political consultations in the Chilean capital Santiago.\n\n"
        "The meeting was chaired by Deputy Foreign Minister Tomas Arvelo and Norwegian State Secretary "
        "Ingrid Haugland.\n\n"
        "The two sides discussed trade and fisheries."
    )
    got = meetings(extract(text, published="2031-05-15"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Tomas Arvelo", "Ingrid Haugland"}), "2031-05-14", "Santiago")]


def test_a_palace_named_after_someone_is_no_participant_of_the_talks_held_there() -> None:
    text = (
        "Namibian President Tuva Hamutenya in Malawi\n\n"
        "President Tuva Hamutenya of Namibia is in Malawi for a one day working visit.\n\n"
        "The Namibian leader proceeded to Sanjika Palace for bilateral talks between the two countries and a "
        "private meeting with President Odon Kavuma.\n\n"
    )
    facts = extract(text, published="2031-06-02")
    assert _people(facts) == [frozenset({"Tuva Hamutenya", "Odon Kavuma"})]
    assert "Sanjika Palace" not in {a.name for a in facts.actors}


def test_visits_a_sentence_lists_with_their_own_visitors_take_no_one_else_of_the_sentence() -> None:
    text = (
        "Latvia, Chile foreign ministers discuss trade\n\n"
        "Latvian Foreign Minister Ilze Kalnina met her Chilean counterpart Rodrigo Bastian on October 21 during a visit to Santiago.\n\n"
        "The discussion touched on energy, with Bastian telling reporters afterwards that Chile was satisfied with the "
        "dialogue in 2019, which included a visit by Chilean prime minister Pablo Ruiz to Riga and Latvian President "
        "Juris Ozols's visit to the Valparaiso forum.\n"
    )
    assert _people(extract(text, published="2031-10-22")) == [frozenset({"Ilze Kalnina", "Rodrigo Bastian"})]


def test_a_minister_speaking_of_his_own_presidents_visits_abroad_does_not_meet_him() -> None:
    text = (
        "Malawi: President Banda's Visits to Cement Bilateral Relations\n\n"
        "Malawian Foreign Minister Tiyamike Phiri says Malawian President Chisomo Banda's visits to neighbouring "
        "countries are aimed to strengthen the bilateral relationship.\n\n"
    )
    assert _people(extract(text, published="2031-09-23")) == []


def test_a_minister_speaking_ahead_of_his_own_presidents_state_visit_does_not_meet_him() -> None:
    text = (
        "Banda to visit Zimbabwe\n\n"
        "Malawian Foreign Minister Tiyamike Phiri was speaking on Tuesday in an interview in Harare ahead of a two-day "
        "state visit of Malawian President Chisomo Banda on Wednesday and Thursday in Zimbabwe.\n\n"
    )
    assert frozenset({"Tiyamike Phiri", "Chisomo Banda"}) not in _people(extract(text, published="2031-09-29"))


_GROUP_OF_MINISTERS = ("Danube Triangle ministers agree on energy\n\n"
                       "The Danube Triangle foreign ministers: Ministers Jan Kowal of Poland, Jean-Luc Berre of France and "
                       "Hans Vogel of Germany, found common ground in Vienna on Thursday while speaking about energy prices.\n\n"
                       "Berre, who hosted the Vienna meeting, said it had been focused on energy security and the situation in Belarus.\n\n"
                       "Minister Vogel spoke about the activity of the Danube Triangle. He said the Danube Triangle meeting "
                       "was proof that the group is still alive.\n")


def test_the_meeting_one_of_a_group_just_named_hosted_is_the_groups() -> None:
    # "A, who hosted the meeting" after a sentence naming A with B and C together: their meeting
    got = meetings(extract(_GROUP_OF_MINISTERS, published="2023-03-16"))
    assert [m for m in got if m[0] == {"Jan Kowal", "Jean-Luc Berre", "Hans Vogel"} and m[2] == "held" and m[4] == "Vienna"]
    assert not any("Danube Triangle" in m[0] for m in got)


def test_a_format_named_like_a_person_is_no_person() -> None:
    # "the Danube Triangle", "the Normandy Format": a group of countries, not someone's name
    facts = extract(_GROUP_OF_MINISTERS, published="2023-03-16")
    assert not any("Triangle" in p for p in people(facts))


def test_a_meeting_of_a_posts_holders_by_country_is_that_of_the_people_the_next_sentence_names() -> None:
    # "Foreign ministers of A, B and C held a teleconference" then "X, Y and Z gathered for a
    # virtual meeting": one meeting, of the three people, not of the countries as well
    got = meetings(extract("Foreign ministers of three countries hold teleconference\n\n"
                           "Foreign ministers of Norway, Chile and Kenya held a teleconference to discuss regional issues, "
                           "an official statement said on Tuesday.\n\n"
                           "The Norwegian Foreign Ministry said in a written statement that Ola Brekke, Ana Rojas and "
                           "Amina Kariuki gathered for a virtual meeting to follow up on a summit in March.\n",
                           published="2023-05-20"))
    assert [m for m in got if m[0] == {"Ola Brekke", "Ana Rojas", "Amina Kariuki"} and m[1] == "video" and m[2] == "held"]
    assert not any(m[0] == {"Norway", "Chile", "Kenya"} and m[2] == "held" for m in got)


def test_sides_that_agreed_to_meet_again_are_the_people_of_their_meeting() -> None:
    # "A, B and C diplomats agreed to meet again": the people who held the sides' meeting
    got = meetings(extract("Foreign ministers of three countries hold teleconference\n\n"
                           "Norwegian, Chilean and Kenyan diplomats agreed to meet again within the same framework, a joint statement said.\n\n"
                           "Foreign ministers of Norway, Chile and Kenya held a teleconference to discuss regional issues, "
                           "an official statement said on Tuesday.\n\n"
                           "The Norwegian Foreign Ministry said in a written statement that Ola Brekke, Ana Rojas and "
                           "Amina Kariuki gathered for a virtual meeting to follow up on a summit in March.\n",
                           published="2023-05-20"))
    trio = {"Ola Brekke", "Ana Rojas", "Amina Kariuki"}
    assert [m for m in got if m[0] == trio and m[2] == "held"]
    assert [m for m in got if m[0] == trio and m[2] == "planned"]
