"""Readouts and wire stories as further publishers write them (fictional people, real places):
a republisher named after "via" in the source line, which is not the publisher.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.extract.context import original_source
from etl.model import Article
from etl.read import headline_title
from tests.extract_support import extractor, meetings, roles


def _facts(text: str, published: str, source: str | None = None):
    return extractor().extract(Article("t", text, title=headline_title(text), published=published, source=source))


def test_a_republisher_after_via_is_not_the_publisher() -> None:
    text = (
        "PM Arif receives courtesy call from India's Defence Minister\n\n"
        "Prime Minister, Datuk Seri Arif Hamzah, today received a courtesy call from Indian Defence Minister "
        "Ravi Kumar, who is on his first visit to Malaysia, to boost bilateral defence cooperation."
    )
    facts = _facts(text, "2031-07-10", source="Malay Wire (via Philippines News Gazette)")
    assert ("Arif Hamzah", "Prime Minister", "Philippines") not in roles(facts)
    assert original_source("BERNAMA (via Philippines News Gazette)") == "BERNAMA"
    assert original_source("UK Government (GOV.UK, via republication)") == "UK Government (GOV.UK)"
    assert original_source("Viasat News") == "Viasat News"


def test_four_names_parsed_as_appositions_all_join_the_virtual_meeting() -> None:
    text = (
        "Foreign ministers of four countries hold teleconference meeting\n\n"
        "The Turkish Foreign Ministry said in a written statement that Mert Aydin, Lukas Brandt, "
        "Jean-Luc Le Moal and Oliver Pratt gathered for a virtual meeting to follow the results of a summit in March."
    )
    got = meetings(_facts(text, "2031-05-20"))
    assert (frozenset({"Mert Aydin", "Lukas Brandt", "Jean-Luc Le Moal", "Oliver Pratt"}), "video", "held") in [m[:3] for m in got]


def test_a_call_to_an_honorific_name_with_a_purpose_is_a_dated_call() -> None:
    text = (
        "Readout of the Secretary-General\u2019s phone call with H.E. Mr. Karim Haddad, Prime Minister of Iraq\n\n"
        "The Secretary-General called today H.E., Mr. Karim Haddad, Prime Minister of Iraq, to congratulate him on "
        "the success of the Iraqi security forces."
    )
    facts = extractor().extract(Article("t", text, title=headline_title(text), published="2031-12-30",
                                         source="United Nations, Office of the Secretary-General"))
    got = meetings(facts)
    assert [(m[1], m[2], m[3]) for m in got if "Karim Haddad" in m[0]] == [("phone", "held", "2031-12-30")]


def test_the_talks_named_again_with_day_and_city_beside_another_clauses_person() -> None:
    text = (
        "Berg assures Vale on trade\n\n"
        "Foreign Minister Anna Berg discussed Japan\u2019s policy on South Korea in a meeting with Secretary of State "
        "Tomas Vale, a Japanese official said.\n\n"
        "Berg\u2019s remarks during the bilateral talks Thursday in Tokyo come as South Korean President Lena Moss "
        "reportedly criticized Japanese leaders this week."
    )
    got = meetings(_facts(text, "2031-10-04"))
    assert [(m[0], m[3], m[4]) for m in got] == [(frozenset({"Anna Berg", "Tomas Vale"}), "2031-10-02", "Tokyo")]


def test_a_family_name_the_model_files_alone_as_an_organization_ends_the_name() -> None:
    text = (
        "Foreign Minister receives telephone call from Australian Foreign Minister\n\n"
        "Islamabad, August 24, 2031 (PPI-OT):Foreign Minister Shah Mahmood Khattak received a telephone call from "
        "the Foreign Minister of Australia, Ms. Helen Frost, today."
    )
    facts = _facts(text, "2031-08-24")
    assert any(m[0] == frozenset({"Shah Mahmood Khattak", "Helen Frost"}) for m in meetings(facts))


def test_a_list_of_demonyms_before_the_group_noun_gives_every_country() -> None:
    text = (
        "Foreign ministers of four countries hold teleconference meeting\n\n"
        "Turkish, German, French, British diplomats agreed to meet again within the same framework, a joint statement said."
    )
    got = meetings(_facts(text, "2031-05-20"))
    assert [(m[0], m[2]) for m in got] == [(frozenset({"Turkey", "Germany", "France", "United Kingdom"}), "planned")]
