"""The match rule of meetings across articles (etl.events), on reports as the store gives them.

Made-up reports: fictional people, real countries (a person stands for the country of their post).
"""

from __future__ import annotations

import pytest

from etl.events import Report, canonical, clusters, compatible, dates_compatible

A = "https://w3id.org/diplokg/id/actor/"
US, JP, KR, UK = A + "united-states", A + "japan", A + "south-korea", A + "united-kingdom"
CARTER, TAKANO, PARK, OTHER_JP = A + "james-carter", A + "emiko-takano", A + "park-ji-hoon", A + "kenta-mori"
GRANT, NOBODY = A + "oliver-grant", A + "someone-else"
JIM_CARTER, EMI_TAKANO, PARK_JI_WON = A + "jim-carter", A + "emi-takano", A + "park-ji-won"
SIDE = {CARTER: US, TAKANO: JP, PARK: KR, OTHER_JP: JP, GRANT: UK, NOBODY: NOBODY, JIM_CARTER: US, EMI_TAKANO: JP, PARK_JI_WON: KR}
LABEL = {JIM_CARTER: "Jim Carter", EMI_TAKANO: "Emi Takano", PARK_JI_WON: "Park Ji-won", GRANT: "Oliver Grant", NOBODY: "Someone Else", CARTER: "James Carter", TAKANO: "Emiko Takano", PARK: "Park Ji-hoon", OTHER_JP: "Kenta Mori",
         US: "United States", JP: "Japan", KR: "South Korea", UK: "United Kingdom"}


def report(graph: str, *who: str, date: str | None = "2031-03-05", mode: str = "phone", status: str = "held",
           key: str | None = None, location: str | None = None, published: str | None = None,
           primary: bool = True) -> Report:
    persons = frozenset(w for w in who if w in SIDE)
    return Report(graph=f"g/{graph}", key=key or f"k-{graph}", participants=frozenset(who), persons=persons,
                  sides=tuple((w, SIDE.get(w, w)) for w in who), names=tuple((w, LABEL[w]) for w in who),
                  date=date, mode=mode, status=status, location=location, label=f"own label of {graph}",
                  published=published, primary=primary)


@pytest.mark.parametrize("a, b", [
    ("2031-03-05", "2031-03-05"),
    ("2031-03-05", "2031-03-06"),  # one day apart: the other side's time zone
    ("2031-03-06", "2031-03-05"),
    ("2031-02-28", "2031-03-01"),  # across a month
    ("2031-03", "2031-03-20"),  # one more precise than the other
])
def test_dates_that_can_be_one_meeting(a, b):
    assert dates_compatible(a, b)


@pytest.mark.parametrize("a, b", [
    ("2031-03-05", "2031-03-07"),
    ("2031-03", "2031-04-01"),
    ("2031", "2031-03-05"),  # a year alone is too vague to link
    ("2031", "2031"),
    (None, "2031-03-05"),
    (None, None),  # no date on either side never links
    ("2031-09-05", "2031-03-05"),  # the same day months apart
])
def test_dates_that_cannot(a, b):
    assert not dates_compatible(a, b)


def test_the_same_call_a_day_apart_in_two_time_zones_is_one():
    assert compatible(report("state", CARTER, TAKANO), report("mofa", TAKANO, CARTER, date="2031-03-06"))


def test_a_person_matches_their_country_when_a_report_names_only_the_country():
    # GOV.UK: "The Prime Minister spoke to President Kim"; the ROK office names Oliver Grant
    assert compatible(report("govuk", UK, PARK), report("rok", PARK, GRANT))
    assert compatible(report("wire", US, JP), report("state", CARTER, TAKANO))
    # a person of no known country stands for no country
    assert not compatible(report("govuk", UK, PARK), report("rok", PARK, NOBODY))


def test_a_person_whose_country_one_report_does_not_give_takes_it_from_the_other():
    both = report("mofa", CARTER, TAKANO)
    bare = Report(graph="g/wire", key="k-wire", participants=frozenset({CARTER, TAKANO}), persons=frozenset({CARTER, TAKANO}),
                  sides=((CARTER, US), (TAKANO, TAKANO)), names=((CARTER, "James Carter"), (TAKANO, "Emiko Takano")),
                  date="2031-03-05", mode="phone", status="held")
    assert compatible(both, bare) and compatible(bare, both)
    # but a person two reports give different countries is not one side
    other = Report(graph="g/odd", key="k-odd", participants=frozenset({CARTER, TAKANO}), persons=frozenset({CARTER, TAKANO}),
                   sides=((CARTER, US), (TAKANO, KR)), names=((CARTER, "James Carter"), (TAKANO, "Emiko Takano")),
                   date="2031-03-05", mode="phone", status="held")
    assert not compatible(both, other)


def test_extra_person_of_a_side_both_name_is_allowed_but_a_different_person_is_not():
    assert compatible(report("a", CARTER, TAKANO), report("b", CARTER, TAKANO, OTHER_JP))
    # Carter met Takano; Carter met Mori: the Japanese side names different persons
    assert not compatible(report("a", CARTER, TAKANO), report("b", CARTER, OTHER_JP))


def test_an_attendee_of_no_country_one_report_adds_is_no_side_of_its_own():
    # "The meeting was also attended by ... Someone Else": two sides known besides
    assert compatible(report("a", CARTER, TAKANO), report("b", CARTER, TAKANO, NOBODY))
    # but with one known side left, the person of no country may be the other side
    assert not compatible(report("a", CARTER, TAKANO), report("b", CARTER, NOBODY))


def test_one_family_name_for_a_side_spelled_apart_is_one_person_but_not_a_shared_family_name():
    # "Marco Rubio" and "Mark Rubio": one day, one counterpart, one country's person of one family name
    assert compatible(report("a", CARTER, TAKANO), report("b", JIM_CARTER, EMI_TAKANO))
    assert not compatible(report("a", CARTER, PARK), report("b", CARTER, PARK_JI_WON))  # Park: many people


@pytest.mark.parametrize("other", [
    dict(mode="in-person"),  # a call is not an in-person meeting (same day, different mode)
    dict(status="planned"),
    dict(date="2031-09-05"),  # two calls months apart
    dict(date=None),
])
def test_reports_that_must_not_merge(other):
    assert not compatible(report("a", CARTER, TAKANO), report("b", CARTER, TAKANO, **other))


def test_different_sides_or_a_missing_side_do_not_merge():
    assert not compatible(report("a", CARTER, TAKANO), report("b", CARTER, TAKANO, PARK))  # bilateral vs trilateral
    assert not compatible(report("a", CARTER, TAKANO), report("b", CARTER, PARK))
    assert not compatible(report("a", US, JP), report("b", US, KR))


def test_two_reports_of_one_article_are_never_one_meeting():
    assert not compatible(report("a", CARTER, TAKANO, key="x"), report("a", CARTER, TAKANO, key="y"))


def test_phone_and_video_are_one_kind_and_the_meeting_says_video():
    a, b = report("a", CARTER, TAKANO, mode="phone"), report("b", CARTER, TAKANO, mode="video")
    assert compatible(a, b)
    assert canonical([a, b]).mode == "video"


def test_an_ambiguous_report_links_to_none():
    """'A call in March' beside calls on March 5 and March 20: it could be either, so neither."""
    month = report("month", CARTER, TAKANO, date="2031-03")
    fifth = report("fifth", CARTER, TAKANO, date="2031-03-05")
    twentieth = report("twentieth", CARTER, TAKANO, date="2031-03-20")
    groups = clusters([month, fifth, twentieth])
    assert sorted(len(g) for g in groups) == [1, 1, 1]
    # without the month report, the two calls stay apart too
    assert sorted(len(g) for g in clusters([fifth, twentieth])) == [1, 1]
    # and three reports in a chain of days (5, 6, 7) do not link the 5th to the 7th through the 6th
    chain = [report(d, CARTER, TAKANO, date=f"2031-03-0{d}") for d in "567"]
    assert sorted(len(g) for g in clusters(chain)) == [1, 1, 1]


def test_the_canonical_meeting_does_not_depend_on_the_order():
    a = report("state", CARTER, TAKANO, key="b2", date="2031-03-05", location="washington")
    b = report("mofa", TAKANO, CARTER, key="a1", date="2031-03-06")
    c = report("wire", US, JP, key="c3", date="2031-03")
    [group] = clusters([a, b, c])
    assert canonical(group) == canonical(list(reversed(group)))
    canon = canonical(group)
    assert canon.key == "a1"  # the smallest report key
    assert canon.date == "2031-03-05"  # most precise, the earlier of two days
    assert canon.location == "washington"
    assert canon.label == "Phone call of Emiko Takano and James Carter, 2031-03-05"


def test_a_report_alone_keeps_its_own_key_and_label():
    a = report("state", CARTER, TAKANO, key="b2")
    canon = canonical([a])
    assert (canon.key, canon.label, canon.date) == ("b2", "own label of state", "2031-03-05")


# --- an article that leaves its main meeting undated ------------------------------------------


@pytest.mark.parametrize("published", ["2031-03-05", "2031-03-06", "2031-03-08"])
def test_an_undated_main_meeting_is_one_of_the_days_up_to_its_article(published):
    # a wire story of that week: "Carter met Takano", no day given
    undated = report("wire", CARTER, TAKANO, date=None, published=published)
    assert compatible(undated, report("state", CARTER, TAKANO))
    assert compatible(report("state", CARTER, TAKANO), undated)


@pytest.mark.parametrize("undated", [
    report("wire", CARTER, TAKANO, date=None, published="2031-03-09"),  # four days later: too far
    report("wire", CARTER, TAKANO, date=None, published="2031-03-04"),  # published before the call
    report("wire", CARTER, TAKANO, date=None, published="2031-03-06", primary=False),  # a background meeting
    report("wire", CARTER, TAKANO, date=None, published="2031-03-06", status="planned"),
    report("wire", CARTER, TAKANO, date=None),  # no publication date either
    report("wire", CARTER, TAKANO, date=None, published="2031-03-06", mode="in-person"),
])
def test_an_undated_report_that_cannot_be_that_meeting(undated):
    assert not compatible(undated, report("state", CARTER, TAKANO))


def test_two_undated_reports_never_link():
    assert not compatible(report("wire", CARTER, TAKANO, date=None, published="2031-03-06"),
                          report("other", CARTER, TAKANO, date=None, published="2031-03-06"))


def test_an_undated_report_between_two_dated_meetings_links_to_neither():
    # calls on March 4 and March 6 (not one call: two days apart); the story of March 6 says neither day
    undated = report("wire", CARTER, TAKANO, date=None, published="2031-03-06")
    first, second = report("a", CARTER, TAKANO, date="2031-03-04"), report("b", CARTER, TAKANO, date="2031-03-06")
    groups = clusters([undated, first, second])
    assert sorted(len(g) for g in groups) == [1, 1, 1]


def test_the_undated_report_takes_the_dated_reports_day():
    undated = report("wire", CARTER, TAKANO, date=None, published="2031-03-06", key="k-a")
    assert canonical([undated, report("state", CARTER, TAKANO, key="k-b")]).date == "2031-03-05"


def test_a_person_of_no_country_takes_the_side_of_the_other_reports_person_of_that_family_name():
    # a Kenyan paper's "President Ahmed Warsame" (no country given) and another's "Somalia President
    # Hassan Warsame": one president of Somalia, named with another given name
    kenya, somalia = A + "kenya", A + "somalia"
    host, ahmed, hassan = A + "daniel-kiprono", A + "ahmed-warsame", A + "hassan-warsame"
    names = ((host, "Daniel Kiprono"), (ahmed, "Ahmed Warsame"), (hassan, "Hassan Warsame"))

    def rep(graph, guest, guest_side):
        return Report(graph=f"g/{graph}", key=f"k-{graph}", participants=frozenset({host, guest}), persons=frozenset({host, guest}),
                      sides=((host, host), (guest, guest_side)), names=names, date="2031-09-14", mode="in-person", status="held")

    bare, placed = rep("kbc", ahmed, ahmed), rep("post", hassan, somalia)
    assert compatible(bare, placed) and compatible(placed, bare)
    # two reports that give no one a country do not meet this way
    assert not compatible(bare, rep("other", hassan, hassan))
    del kenya
