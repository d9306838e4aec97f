"""Meetings as different publishers write them (fictional people, real places): a named
counterpart whose country is written "U.S." (both a country's alias and its demonym); a
region's post in a headline ("Northern Ireland Secretary of State"), which is not the post the
table gives one country for; the date and place after the meeting noun ("following a meeting
yesterday in Dublin"); a guest hosted for a visit to a building ("to the Pentagon").

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from etl.read import headline_title
from tests.extract_support import extractor, meetings, roles


def _facts(text: str, published: str):
    return extractor().extract(Article("t", text, title=headline_title(text), published=published))


def test_a_us_counterpart_named_in_apposition_is_the_other_side() -> None:
    text = (
        "Norway, U.S. voice concern in phone talks\n\n"
        "OSLO, Aug. 19 (RNA) -- The top diplomats of Norway and the United States held phone talks Friday "
        "and expressed concern over the border dispute, the foreign ministry here said.\n\n"
        "Foreign Minister Anna Berg and his U.S. counterpart, Tomas Vale, discussed the matter hours after the vote."
    )
    facts = _facts(text, "2022-08-19")
    got = meetings(facts)
    assert [(m[0], m[1], m[3]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "phone", "2022-08-19")]
    assert ("Tomas Vale", "Foreign Minister", "United States") in roles(facts)


def test_a_regions_secretary_of_state_is_no_us_post_and_the_meeting_is_dated_and_placed_after_its_noun() -> None:
    text = (
        "Berg meets Northern Ireland Secretary of State\n\n"
        "Joint statement issued\n\n"
        "Minister for Foreign Affairs Anna Berg, and Northern Ireland Secretary Tomas Vale, have issued a joint "
        "statement following a meeting yesterday in Dublin.\n\n"
        "Following their meeting, they released this joint statement."
    )
    got = meetings(_facts(text, "2021-05-06"))
    assert got == [(frozenset({"Anna Berg", "Tomas Vale"}), "in-person", "held", "2021-05-05", "Dublin")]


def test_northern_ireland_is_not_ireland() -> None:
    text = (
        "Minister for Foreign Affairs Anna Berg met Northern Ireland Secretary Tomas Vale in Belfast on Monday."
    )
    facts = _facts(text, "2021-05-06")
    assert not any(of == "Ireland" for person, _, of in roles(facts) if person == "Tomas Vale")


def test_a_guest_hosted_for_a_visit_to_a_building_is_met_there() -> None:
    text = (
        "Readout of Secretary of Defense Tomas Vale's Meeting With Ruritanian Prime Minister Anna Berg\n\n"
        "Sept. 22, 2021\n\n"
        "Secretary of Defense Tomas Vale hosted Ruritanian Prime Minister Anna Berg for her first visit to the "
        "Pentagon, Wednesday, to discuss the future of the alliance."
    )
    got = meetings(_facts(text, "2021-09-22"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2021-09-22", "Pentagon")]


def test_a_portfolio_ends_before_a_family_name_the_text_gives_after_a_title() -> None:
    text = (
        "Foreign Minister visits Malaysia\n\n"
        "Minister for Foreign Affairs Anna Berg is part of the delegation accompanying Deputy Prime Minister & "
        "Coordinating Minister for National Security Lim Wei Ming on a working visit to Malaysia, and will join "
        "Deputy Prime Minister Lim\u2019s meetings in Kuala Lumpur on 4 September 2018."
    )
    facts = _facts(text, "2018-09-03")
    assert any(person == "Lim Wei Ming" for person, _, _ in roles(facts))
    assert not any(person == "Lim" for person, _, _ in roles(facts))


def test_a_call_after_another_meetings_video_call_keeps_its_own_mode() -> None:
    text = (
        "Anna Berg speaks to Vale after hour-long video call with Moss\n\n"
        "Beijing:\n\n"
        "Chinese President Anna Berg held a phone call with US President Tomas Vale on Wednesday, state media reported.\n\n"
        "The call followed a video conversation between Berg and Russian President Lena Moss."
    )
    got = meetings(_facts(text, "2026-02-04"))
    pair = [m for m in got if m[0] == frozenset({"Anna Berg", "Tomas Vale"})]
    assert [(m[1], m[3]) for m in pair] == [("phone", "2026-02-04")]


def test_a_transcripts_title_case_speaker_label_and_a_date_first_header_line() -> None:
    text = (
        "Beginning of the Meeting with Ruritanian President Tomas Vale\n\n"
        "July 15, 2031, Strelna, St Petersburg\n\n"
        "President Anna Berg: Dear Mr President!\n\n"
        "Allow me to warmly welcome you to St Petersburg.\n"
    )
    got = meetings(_facts(text, "2031-07-15"))
    assert any(m[0] == frozenset({"Anna Berg", "Tomas Vale"}) and m[2:] in (("held", "2031-07-15", "Strelna"), ("held", "2031-07-15", "St Petersburg")) for m in got)
