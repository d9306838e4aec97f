"""Separate talks reported in one sentence, in the styles of news-agency readouts (fictional
people, real places): a second counterpart the parser coordinated with the verb, and a
headline naming the counterparts' countries together.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from etl.read import headline_title
from tests.extract_support import extractor, meetings


def _facts(text: str, published: str):
    return extractor().extract(Article("t", text, title=headline_title(text), published=published))


def test_separate_phone_talks_with_two_titled_leaders_make_two_calls() -> None:
    text = (
        "PM Lena Varga holds phone talks with Lao, Cambodian leaders\n\n"
        "Hanoi (VNA) – Prime Minister Lena Varga held separate phone talks with Lao Party General Secretary "
        "and Prime Minister Tomas Rendal, and Cambodia People’s Party President and Prime Minister Samdech "
        "Ivo Brandtner on March 4.\n\n"
        "During their talks, the sides expressed their joy at the fine cooperation outcomes over the past year."
    )
    got = [m for m in meetings(_facts(text, "2031-03-05")) if m[2] == "held"]
    people = sorted(sorted(m[0]) for m in got)
    assert people == [["Ivo Brandtner", "Lena Varga"], ["Lena Varga", "Tomas Rendal"]]
    assert all(m[1] == "phone" and m[3] == "2031-03-04" for m in got)


def test_preparations_for_talks_and_to_continue_talks_are_no_meeting() -> None:
    text = (
        "Varga spoke with the Prime Minister of Croatia\n\n"
        "On May 23, the President of Ukraine, Lena Varga, held a phone conversation with the Prime Minister "
        "of Croatia, Ivo Brandtner. The leaders discussed preparations for talks with Russia.\n\n"
        "The President also informed the Prime Minister about diplomatic work and preparations to continue "
        "talks with Russia."
    )
    got = meetings(_facts(text, "2031-05-23"))
    assert [sorted(m[0]) for m in got] == [["Ivo Brandtner", "Lena Varga"]]


def test_a_phone_call_made_to_someone_has_the_callee() -> None:
    text = (
        "Crown Prince Makes Phone Call To Chinese President\n\n"
        "JEDDAH (Wire / News Service - 28th Mar, 2031 ) :His Royal Highness Prince Faisal bin Khalid bin Saad Al Rami, "
        "Crown Prince and Prime Minister made a phone call today to President Li Weimin of the People's Republic of China.\n\n"
        "During the phone call, they stressed the importance of the strategic relations between the Kingdom of "
        "Saudi Arabia and the People's Republic of China."
    )
    got = meetings(extractor().extract(Article("t", text, title=headline_title(text), published="2031-03-28",
                                               source="Saudi Press Agency (via Wire)")))
    assert [(m[0], m[1], m[3]) for m in got] == [(frozenset({"Faisal bin Khalid bin Saad Al Rami", "Li Weimin"}), "phone", "2031-03-28")]


def test_talks_with_an_unnamed_holder_named_in_the_next_sentence_are_one_meeting() -> None:
    text = (
        "President Varga meets Senator Tom Rendal\n\n"
        "President Lena Varga Friday August 18 morning held talks with a US Senator who was behind the peace deal in 2018.\n\n"
        "The President hosted Delaware Senator Tom Rendal at the State House.\n\n"
        "The meeting comes days after the senator held separate talks with Mr Brandt last Sunday."
    )
    got = [m for m in meetings(_facts(text, "2031-08-19")) if m[2] == "held" and "Lena Varga" in m[0]]
    assert len(got) == 1
    assert {"Lena Varga", "Tom Rendal"} <= got[0][0] and got[0][3] == "2031-08-18"
