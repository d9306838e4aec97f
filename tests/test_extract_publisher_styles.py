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
