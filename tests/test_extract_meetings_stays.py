"""An organization's activities release (fictional people, real places): the head named once
with the title, then by "the Secretary-General" alone; a working breakfast; meetings between
the arrival in a city and the departure from it.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from etl.read import headline_title
from tests.extract_support import extractor, meetings

TEXT = (
    "Activities of Secretary-General in Italy, 7 May\n\n"
    "United Nations Secretary-General Amara Tovell arrived in Rome from New York, in the early morning of "
    "Wednesday, 7 May, to take part in a ministerial conference on the Sahel.\n\n"
    "Following a working breakfast with the United Nations Special Envoy for the Sahel, Piet Vandersloot, "
    "the Secretary-General met with Chinese Foreign Minister Liu Meifang.  They discussed a wide range of issues.\n\n"
    "The Secretary-General then attended the ministerial conference.\n\n"
    "On the margins of the conference, the Secretary-General met with United States Secretary of State "
    "Harold Brenner.  They discussed international peace and security issues.\n\n"
    "The Secretary-General left Rome to return to New York late on Wednesday afternoon."
)


def test_meetings_between_arrival_and_departure_are_there_that_day() -> None:
    facts = extractor().extract(Article("t", TEXT, title=headline_title(TEXT), published="2031-05-07"))
    got = {m[0]: m[1:] for m in meetings(facts)}
    for other in ("Piet Vandersloot", "Liu Meifang", "Harold Brenner"):
        assert got.get(frozenset({"Amara Tovell", other})) == ("in-person", "held", "2031-05-07", "Rome"), (other, got)


def test_a_caption_of_a_reception_during_a_previous_visit_is_dated_by_it() -> None:
    text = (
        "President Mwangi holds talks with Ethiopia’s Abebe Tesfaye\n\n"
        "President Daniel Mwangi, First Lady Grace receive Ethiopian President Abebe Tesfaye at State House "
        "Nairobi during a previous visit in May 2025\n\n"
        "NAIROBI, Kenya, Mar 12 – President Daniel Mwangi Thursday held talks with Ethiopian President Abebe "
        "Tesfaye who paid him a courtesy call at State House, Nairobi.\n\n"
        "The two leaders discussed a wide range of bilateral and multilateral subjects."
    )
    got = meetings(extractor().extract(Article("t", text, title=headline_title(text), published="2026-03-12")))
    assert all(m[0] == frozenset({"Daniel Mwangi", "Abebe Tesfaye"}) for m in got), got
    assert sorted(m[3] for m in got) == ["2025-05", "2026-03-12"]


def test_meetings_timed_by_the_clock_and_next_in_turn_are_of_the_day_told() -> None:
    text = (
        "Pres. Han Gets to Work at Yongsan Office\n\n"
        "President Han Doyun has begun his official duties at the newly relocated presidential office in Yongsan.\n\n"
        "Arriving at the presidential complex at around half past noon on Tuesday, Han went straight to work.\n\n"
        "He expressed joy at having a space prepared for him in such a short time.\n\n"
        "The president kicked off back-to-back meetings at 1:30 p.m. with the lead U.S. delegate, Martin Greaves.\n\n"
        "Thereafter, Han met with Japanese foreign minister Kenji Moriyama."
    )
    got = meetings(extractor().extract(Article("t", text, title=headline_title(text), published="2031-05-13")))
    assert {(m[0], m[3]) for m in got} == {(frozenset({"Han Doyun", "Martin Greaves"}), "2031-05-13"),
                                           (frozenset({"Han Doyun", "Kenji Moriyama"}), "2031-05-13")}
