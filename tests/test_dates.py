"""Date expressions and their values against an anchor; never a guessed date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.extract.dates import DateMention, anchor_for, find_dates
from etl.model import Article
from etl.read import read_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

THU = date(2024, 2, 22)  # a Thursday
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, early in the year
LEAP = date(2024, 2, 29)  # a Thursday, leap day
MON_MARCH = date(2021, 3, 1)  # a Monday, first of the month


def found(text: str, anchor: date | None, future: bool = False) -> list[tuple[str, str | None, str]]:
    """(text, value, kind) of every mention, checking that each span indexes into ``text``."""
    mentions = find_dates(text, anchor, future=future)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.value, m.kind) for m in mentions]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # explicit dates need no anchor
        ("They met in Tokyo on July 10, 2020.", None, [("July 10, 2020", "2020-07-10", "explicit")]),
        ("in Rio de Janeiro on Feb. 22, 2024. (Kyodo)", None, [("Feb. 22, 2024", "2024-02-22", "explicit")]),
        ("The summit opened on 10 July 2020 in Paris.", None, [("10 July 2020", "2020-07-10", "explicit")]),
        ("Report dated 2020-07-10, revised.", None, [("2020-07-10", "2020-07-10", "explicit")]),
        ("On Sept. 3rd, 2019 they spoke.", None, [("Sept. 3rd, 2019", "2019-09-03", "explicit")]),
        ("on Dec. 31 2019", None, [("Dec. 31 2019", "2019-12-31", "explicit")]),
        ("Talks were held July 10-11, 2020 in Seoul.", None, [("July 10-11, 2020", "2020-07", "explicit")]),
        ("a leap day, Feb. 29, 2024, and Feb. 29, 2023", None,
         [("Feb. 29, 2024", "2024-02-29", "explicit"), ("Feb. 29, 2023", None, "explicit")]),
        ("on February 30, 2024 and 2021-13-01", None,
         [("February 30, 2024", None, "explicit"), ("2021-13-01", None, "explicit")]),
        ("Serial 12020-07-101 is no date.", None, []),
        # weekdays
        ("Japan and the United States on Friday confirmed", date(2020, 7, 10), [("Friday", "2020-07-10", "weekday")]),
        ("agreed Thursday to pursue closer cooperation", THU, [("Thursday", "2024-02-22", "weekday")]),
        ("a call on Tuesday between the leaders", THU, [("Tuesday", "2024-02-20", "weekday")]),
        ("North Korea fired a missile on Sunday", NEW_YEAR, [("Sunday", "2023-12-31", "weekday")]),
        ("the meeting on Wednesday", MON_MARCH, [("Wednesday", "2021-02-24", "weekday")]),
        ("they spoke last Thursday", THU, [("last Thursday", "2024-02-15", "weekday")]),
        ("they will speak next Thursday", THU, [("next Thursday", "2024-02-29", "weekday")]),
        ("Friday's talks", None, [("Friday", None, "weekday")]),
        # months without a year: the most recent one not after the anchor
        ("last held in-person talks in San Francisco in November.", THU, [("November", "2023-11", "month")]),
        ("the cabinet reshuffle in February", THU, [("February", "2024-02", "month")]),
        ("the demolition of the liaison office in mid-June.", date(2020, 7, 10), [("mid-June", "2020-06", "month")]),
        ("clashes since early December", NEW_YEAR, [("early December", "2023-12", "month")]),
        ("the election in November", None, [("November", None, "month")]),
        ("the statement of last December", date(2023, 6, 1), [("last December", "2022-12", "month")]),
        ("a visit last December", date(2023, 12, 20), [("last December", "2022-12", "month")]),
        ("in August last year", THU, [("August last year", "2023-08", "month")]),
        ("in August last year", NEW_YEAR, [("August last year", "2023-08", "month")]),
        ("by March this year", THU, [("March this year", "2024-03", "month")]),
        ("in August last year", None, [("August last year", None, "month")]),
        ("talks on July 10 in Hanoi", date(2020, 7, 12), [("July 10", "2020-07-10", "explicit")]),
        ("talks on Dec. 28 in Hanoi", NEW_YEAR, [("Dec. 28", "2023-12-28", "explicit")]),
        ("talks on 2 January in Hanoi", NEW_YEAR, [("2 January", "2024-01-02", "explicit")]),
        ("on Feb. 29 they met", date(2025, 3, 1), [("Feb. 29", None, "explicit")]),
        ("on Feb. 29 they met", LEAP, [("Feb. 29", "2024-02-29", "explicit")]),
        ("a deal since September 2017", None, [("September 2017", "2017-09", "month")]),
        # years
        ("a summit that collapsed in early 2019 over sanctions", None, [("early 2019", "2019", "year")]),
        ("in 2019 and since 1998, through mid-2021", None,
         [("2019", "2019", "year"), ("1998", "1998", "year"), ("mid-2021", "2021", "year")]),
        ("by the end of 2025", None, [("the end of 2025", "2025", "year")]),
        ("in the 1970s and 1980s, in 2019-2020, 2019 cases", None, []),
        ("in summer 2016", None, [("2016", "2016", "year")]),
        # relative to the anchor
        ("37 times last year and this year", date(2023, 6, 1),
         [("last year", "2022", "relative"), ("this year", "2023", "relative")]),
        ("expected later this year or next year", THU,
         [("later this year", "2024", "relative"), ("next year", "2025", "relative")]),
        ("Last year, they met.", None, [("Last year", None, "relative")]),
        ("tensions over the last year and the next month", THU, []),
        ("more than three days ago", THU, [("more than three days ago", None, "relative")]),
        ("assuming his post last month", THU, [("last month", "2024-01", "relative")]),
        ("assuming his post last month", NEW_YEAR, [("last month", "2023-12", "relative")]),
        ("earlier this month", THU, [("earlier this month", "2024-02", "relative")]),
        ("became prime minister this week", date(2021, 10, 7), [("this week", "2021-10", "relative")]),
        ("became prime minister this week", date(2024, 1, 3), [("this week", "2024-01", "relative")]),
        ("became prime minister this week", date(2024, 1, 31), [("this week", "2024", "relative")]),
        ("became prime minister this week", date(2020, 12, 31), [("this week", None, "relative")]),
        ("visited last week", THU, [("last week", "2024-02", "relative")]),
        ("said yesterday and today", THU, [("yesterday", "2024-02-21", "relative"), ("today", "2024-02-22", "relative")]),
        ("Yesterday, the minister arrived.", NEW_YEAR, [("Yesterday", "2024-01-01", "relative")]),
        ("will meet tomorrow", LEAP, [("tomorrow", "2024-03-01", "relative")]),
        ("The day before, he met Kim.", MON_MARCH, [("The day before", "2021-02-28", "relative")]),
        ("he had arrived the day before.", date(2021, 1, 1), [("the day before", "2020-12-31", "relative")]),
        ("a day after a failed satellite launch", THU, [("a day after", None, "relative")]),
        ("the day before Biegun arrived", THU, [("the day before", None, "relative")]),
        ("the day before he arrived", THU, [("the day before", None, "relative")]),
        ("They met again the next day.", THU, [("the next day", None, "relative")]),
        ("a day after talks in Seoul", THU, [("a day after", None, "relative")]),
        ("he flew to Seoul a day later and met Cho", THU, [("a day later", None, "relative")]),
        ("in their meeting earlier in the day", THU, [("earlier in the day", "2024-02-22", "relative")]),
        ("the launch two days ago", MON_MARCH, [("two days ago", "2021-02-27", "relative")]),
        ("the launch about two days ago", MON_MARCH, [("about two days ago", None, "relative")]),
        # vague: never a value
        ("North Korea has recently conducted tests", THU, [("recently", None, "relative")]),
        ("lashed out in recent days", THU, [("in recent days", None, "relative")]),
        ("the war that started about two years ago", THU, [("about two years ago", None, "relative")]),
        ("in the coming weeks", THU, [("in the coming weeks", None, "relative")]),
        # no date at all
        ("Biegun may visit Seoul. The march was peaceful.", THU, []),
        ("The Mayor of Seoul, Augustine Lee, met June Kim.", THU, []),
        ("", THU, []),
    ],
)
def test_find_dates(text: str, anchor: date | None, expected: list[tuple[str, str | None, str]]) -> None:
    assert found(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("will visit Seoul on Friday", THU, [("Friday", "2024-02-23", "weekday")]),
        ("will visit Seoul on Thursday", THU, [("Thursday", "2024-02-22", "weekday")]),
        ("will visit Seoul on Monday", date(2023, 12, 29), [("Monday", "2024-01-01", "weekday")]),
        ("will visit Seoul in January", date(2023, 12, 29), [("January", "2024-01", "month")]),
        ("will visit Seoul in December", date(2023, 12, 29), [("December", "2023-12", "month")]),
        ("will visit Seoul on Jan. 3", date(2023, 12, 29), [("Jan. 3", "2024-01-03", "explicit")]),
        ("will visit Seoul on Friday", None, [("Friday", None, "weekday")]),
        ("met last Friday", THU, [("last Friday", "2024-02-16", "weekday")]),
    ],
)
def test_future_hint(text: str, anchor: date | None, expected: list[tuple[str, str | None, str]]) -> None:
    assert found(text, anchor, future=True) == expected


def test_every_weekday_against_one_anchor() -> None:
    values = {m.text: m.value for m in find_dates("Monday Tuesday Wednesday Thursday Friday Saturday Sunday", THU)}
    assert values == {
        "Monday": "2024-02-19", "Tuesday": "2024-02-20", "Wednesday": "2024-02-21", "Thursday": "2024-02-22",
        "Friday": "2024-02-16", "Saturday": "2024-02-17", "Sunday": "2024-02-18",
    }  # fmt: skip


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    text = "On Friday, July 10, 2020, a day after talks in August last year, they met."
    assert find_dates(text, date(2020, 7, 10)) == [
        DateMention(3, 9, "Friday", "2020-07-10", "weekday"),
        DateMention(11, 24, "July 10, 2020", "2020-07-10", "explicit"),
        DateMention(26, 37, "a day after", None, "relative"),
        DateMention(47, 63, "August last year", "2019-08", "month"),
    ]


# --- anchors --------------------------------------------------------------------------------


def test_anchor_is_the_published_date_first() -> None:
    article = Article("a", "Leaders meet in Tokyo on July 10, 2020. (Kyodo)", published="2020-07-11")
    assert anchor_for(article, article.text) == date(2020, 7, 11)


def test_anchor_from_the_latest_caption_date() -> None:
    text = (
        "Talks began on Friday, March 3, 2023.\n\n"
        "A and B meet in Seoul on March 2, 2023. (Yonhap)\n\n"
        "A (L) and C shake hands in Seoul on March 4, 2023.\n\n"
        "Body mentions May 5, 2023 outside any caption.\n"
    )
    assert anchor_for(Article("b", text), text) == date(2023, 3, 4)


def test_no_anchor_without_published_date_or_dated_caption(caplog: pytest.LogCaptureFixture) -> None:
    text = "A and B meet in Seoul in March. (Yonhap)\n\nThey met on Friday, July 10, 2020."
    assert anchor_for(Article("c", text), text) is None
    assert anchor_for(Article("d", text, published="not a date", origin="d.txt"), text) is None
    assert caplog.messages == ["d.txt: ignoring published date 'not a date' (not YYYY-MM-DD)"]


@pytest.mark.parametrize(
    ("seed", "anchor"),
    [
        ("000_adeb1c27dd2069d5", date(2020, 7, 10)),
        ("001_e443a03c910f472f", date(2024, 2, 22)),
        ("002_80022ad94dfa5e9f", date(2023, 6, 1)),
        ("003_ec01ec311e190c74", None),
    ],
)
def test_seed_anchors(seed: str, anchor: date | None) -> None:
    article = read_file(SEEDS / f"{seed}.txt")
    assert anchor_for(article, article.text) == anchor


def test_seed_001_dates() -> None:
    article = read_file(SEEDS / "001_e443a03c910f472f.txt")
    assert found(article.text, anchor_for(article, article.text)) == [
        ("Thursday", "2024-02-22", "weekday"),
        ("Feb. 22, 2024", "2024-02-22", "explicit"),
        ("last month", "2024-01", "relative"),
        ("August last year", "2023-08", "month"),
        ("November", "2023-11", "month"),
        ("about two years ago", None, "relative"),
        ("recently", None, "relative"),
    ]


def test_seed_003_has_no_dates_without_an_anchor() -> None:
    article = read_file(SEEDS / "003_ec01ec311e190c74.txt")
    assert [(m.text, m.value) for m in find_dates(article.text, None)] == [
        ("Thursday", None), ("this week", None), ("recently", None), ("Tuesday", None),
    ]  # fmt: skip


def test_doctests() -> None:
    import doctest

    import etl.extract.dates

    assert doctest.testmod(etl.extract.dates).failed == 0


def test_a_weekday_written_with_its_date_is_that_date_and_so_is_the_weekday_again() -> None:
    # "on Monday May 22" in a story of Saturday 20 May: the coming Monday, not a past May 22,
    # and "by Monday" later in the story is that Monday too
    text = "Both leaders met ahead of the regional forum on Monday May 22. They will take it up by Monday."
    got = [(m.text, m.value) for m in find_dates(text, date(2023, 5, 20))]
    assert got == [("Monday", "2023-05-22"), ("May 22", "2023-05-22"), ("Monday", "2023-05-22")]
    # a date that is not that weekday ties nothing
    got = [(m.text, m.value) for m in find_dates("on Tuesday May 22. They met on Tuesday.", date(2023, 5, 20))]
    assert got == [("Tuesday", "2023-05-16"), ("May 22", "2022-05-22"), ("Tuesday", "2023-05-16")]


def test_a_day_number_in_brackets_after_a_relative_day_wins() -> None:
    from datetime import date as _date

    from etl.extract.dates import find_dates as _find

    assert _find("Yesterday (23), she met him.", _date(2031, 1, 25))[0].value == "2031-01-23"
    assert _find("today (24th), in Lima", _date(2031, 1, 25))[0].value == "2031-01-24"
    assert _find("On Tuesday (24th), in Lima", _date(2031, 1, 25))[0].value == "2031-01-21"  # a weekday keeps its reckoning
