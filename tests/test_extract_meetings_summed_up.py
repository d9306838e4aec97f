"""Meetings summed up, bodies' sessions and a body's members as one side (fictional people,
real places): "met his Asean counterparts" is a meeting with ASEAN; "met the foreign ministers
of A and B", each then told met alone, is those two meetings; "attended a meeting of the
commission" is a session, not talks.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, meetings

_TEXT = (
    "PHNOM PENH - Foreign Minister Tavin Oreska met his Asean counterparts in Phnom Penh on Tuesday (Aug 2), "
    "ahead of an official bloc meeting on Wednesday.\n\n"
    "He also met the foreign ministers of Greece and Chile after arriving in the Cambodian capital.\n\n"
    "Mr Oreska and his counterparts had earlier attended a meeting of the regional fisheries commission.\n\n"
    "He then met Greek Foreign Minister Petros Kalantzis to discuss shipping.\n\n"
    "He also met Chilean Foreign Minister Rosa Valdivieso and discussed trade.\n"
)


def _people() -> list[list[str]]:
    return sorted(sorted(m[0]) for m in meetings(extract(_TEXT, "2031-08-02")))


def test_counterparts_of_a_body_are_the_body() -> None:
    assert ["Association of Southeast Asian Nations", "Tavin Oreska"] in _people()


def test_a_meeting_with_several_each_told_alone_is_those_meetings() -> None:
    got = _people()
    assert ["Petros Kalantzis", "Tavin Oreska"] in got and ["Rosa Valdivieso", "Tavin Oreska"] in got
    assert not any(len(m) > 2 for m in got)


def test_a_title_of_one_country_is_not_held_by_the_foreign_minister_of_another() -> None:
    text = (
        "Norwegian Foreign Minister Tomas Erlen on Tuesday met Foreign Minister Piet Daal in Oslo and discussed energy.\n\n"
        "Daal, FM of the Netherlands, said the talks were useful.\n\n"
        "Erlen also met the Danish Foreign Minister and reviewed various projects.\n"
    )
    got = sorted(sorted(m[0]) for m in meetings(extract(text, "2031-03-29")))
    assert ["Denmark", "Tomas Erlen"] in got
    assert not any("Denmark" in m and "Piet Daal" in m for m in got)
