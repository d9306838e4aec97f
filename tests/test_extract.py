"""Extraction on hand-written sentences in the wire-service genre (fictional people).

Each test runs the real pipeline (spaCy model + vocabularies) on a short article and checks
what a researcher would read off it: who, which post, which meeting, who said what.
"""

from __future__ import annotations

import pytest

from tests.extract_support import extract, meetings, people, roles, statements


# --- actors and posts -----------------------------------------------------------------------


def test_title_prefix_apposition_and_surname_resolution() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita met Indonesian Foreign Minister Sari Wulandari "
        "in Jakarta on Monday.\n\nMorita later told reporters the talks were useful.\n\n"
        "Hiroshi Tanabe, Japan's new prime minister, is expected to visit Jakarta in May.",
        published="2025-02-04",
    )
    assert people(facts) == {"Daisuke Morita", "Sari Wulandari", "Hiroshi Tanabe"}
    assert roles(facts) == {
        ("Daisuke Morita", "Foreign Minister", "Japan"),
        ("Sari Wulandari", "Foreign Minister", "Indonesia"),
        ("Hiroshi Tanabe", "Prime Minister", "Japan"),
    }
    morita = next(a for a in facts.actors if a.name == "Daisuke Morita")
    assert "Morita" in morita.aliases


def test_korean_names_as_written_and_counterparts_get_posts() -> None:
    facts = extract(
        "U.S. Secretary of State Ellen Marsh met with her South Korean and Japanese counterparts, "
        "Park Ji-hoon and Daisuke Morita, in Washington on Friday.",
        published="2025-04-12",
    )
    assert people(facts) == {"Ellen Marsh", "Park Ji-hoon", "Daisuke Morita"}
    assert ("Park Ji-hoon", "Foreign Minister", "South Korea") in roles(facts)
    assert ("Daisuke Morita", "Foreign Minister", "Japan") in roles(facts)
    assert meetings(facts) == [
        (frozenset({"Ellen Marsh", "Park Ji-hoon", "Daisuke Morita"}), "in-person", "held", "2025-04-11", "Washington")
    ]


def test_model_mistakes_are_not_people() -> None:
    facts = extract("Officials discussed COVID-19 and the Indo-Pacific with State Department staff.")
    assert people(facts) == set()


def test_title_only_mention_resolves_to_the_person_with_that_post() -> None:
    facts = extract(
        "Secretary of State Ellen Marsh met with Philippine Secretary of Foreign Affairs Ramon "
        "Dizon today in Manila. The Secretary stressed the ironclad commitment to the alliance.",
        published="2025-01-15",
    )
    assert ("Ellen Marsh", "indirect", "the ironclad commitment to the alliance") in statements(facts)
    assert ("Ellen Marsh", "Secretary of State", "United States") in roles(facts)


# --- meetings -------------------------------------------------------------------------------


def test_phone_talks_with_weekday_resolved_against_published() -> None:
    facts = extract(
        "South Korean Foreign Minister Park Ji-hoon and his Japanese counterpart Daisuke Morita held "
        "phone talks on Tuesday and agreed to respond firmly to North Korea's missile launches.",
        published="2025-03-06",
    )
    assert meetings(facts) == [(frozenset({"Park Ji-hoon", "Daisuke Morita"}), "phone", "held", "2025-03-04", None)]


def test_no_anchor_means_no_date() -> None:
    facts = extract(
        "German Foreign Minister Anna Keller met Polish Foreign Minister Tomasz Nowak in Warsaw on Thursday."
    )
    assert meetings(facts) == [(frozenset({"Anna Keller", "Tomasz Nowak"}), "in-person", "held", None, "Warsaw")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Indian External Affairs Minister Ravi Menon will meet Brazilian Foreign Minister Lucas Prado in Brasilia next week.",
        "Indian External Affairs Minister Ravi Menon is expected to meet Brazilian Foreign Minister Lucas Prado in Brasilia next week.",
        "Indian External Affairs Minister Ravi Menon and Brazilian Foreign Minister Lucas Prado agreed to meet in Brasilia next week.",
    ],
)
def test_planned_meetings(sentence: str) -> None:
    facts = extract(sentence, published="2025-06-04")
    [(who, mode, status, _date, place)] = meetings(facts)
    assert who == {"Ravi Menon", "Lucas Prado"}
    assert (mode, status, place) == ("in-person", "planned", "Brasilia")


def test_negated_or_hypothetical_meetings_are_not_meetings() -> None:
    facts = extract(
        "North Korean leader Ri Chol Man said he is not willing to hold another summit with "
        "U.S. President Mark Holden unless Washington changes its stance."
    )
    assert meetings(facts) == []


def test_trilateral_call_of_top_diplomats_resolved_to_ministers() -> None:
    facts = extract(
        "The top diplomats of South Korea, the United States and Japan held three-way phone talks on "
        "Wednesday.\n\nSouth Korean Foreign Minister Park Ji-hoon, U.S. Secretary of State Ellen Marsh "
        "and Japanese Foreign Minister Daisuke Morita condemned the launch.",
        published="2025-01-09",
    )
    assert meetings(facts) == [
        (frozenset({"Park Ji-hoon", "Ellen Marsh", "Daisuke Morita"}), "phone", "held", "2025-01-08", None)
    ]


def test_caption_and_body_report_one_meeting() -> None:
    facts = extract(
        "Australian Foreign Minister Claire Dawson held talks with New Zealand Foreign Minister Tom "
        "Whaanga in Wellington.\n\nAustralian Foreign Minister Claire Dawson (L) and New Zealand Foreign "
        "Minister Tom Whaanga meet in Wellington on Aug. 14, 2024. (AAP)\n"
    )
    assert meetings(facts) == [
        (frozenset({"Claire Dawson", "Tom Whaanga"}), "in-person", "held", "2024-08-14", "Wellington")
    ]
    assert len(facts.meetings[0].evidence) == 2


def test_past_meeting_in_passing_gets_year_month() -> None:
    facts = extract(
        "French President Julien Moreau met Japanese Prime Minister Hiroshi Tanabe in Paris on Monday. "
        "The two leaders last met in Tokyo in August last year.",
        published="2025-05-20",
    )
    found = meetings(facts)
    assert (frozenset({"Julien Moreau", "Hiroshi Tanabe"}), "in-person", "held", "2025-05-19", "Paris") in found
    assert (frozenset({"Julien Moreau", "Hiroshi Tanabe"}), "in-person", "held", "2024-08", "Tokyo") in found
    past = next(m for m in facts.meetings if m.date == "2024-08")
    assert past.primary is False


def test_separate_meetings_are_separate() -> None:
    facts = extract(
        "In separate meetings with Foreign Minister Sari Wulandari and Defense Minister Budi Hartono, "
        "U.S. envoy Carl Jensen discussed maritime security."
    )
    assert {m[0] for m in meetings(facts)} == {
        frozenset({"Carl Jensen", "Sari Wulandari"}),
        frozenset({"Carl Jensen", "Budi Hartono"}),
    }


# --- statements -----------------------------------------------------------------------------


def test_quotes_before_and_after_attribution_and_split_quotes() -> None:
    facts = extract(
        'Canadian Foreign Minister Marie Tremblay met British Foreign Secretary Oliver Grant in Ottawa.\n\n'
        '"We share the same values," Tremblay said. "And we will defend them together."\n\n'
        'Grant replied, "Our partnership has never been more important."\n'
    )
    assert statements(facts) == [
        ("Marie Tremblay", "direct", "We share the same values"),
        ("Marie Tremblay", "direct", "And we will defend them together."),
        ("Oliver Grant", "direct", "Our partnership has never been more important."),
    ]


def test_pronoun_and_organization_speakers_and_curly_quotes() -> None:
    facts = extract(
        "Chinese Foreign Minister Zhao Lin spoke to reporters in Beijing.\n\n"
        "\u201cDialogue is the only way forward,\u201d he said.\n\n"
        "\u201cThe two sides agreed to stay in close contact,\u201d the State Department said in a statement.\n"
    )
    assert statements(facts) == [
        ("Zhao Lin", "direct", "Dialogue is the only way forward"),
        ("U.S. Department of State", "direct", "The two sides agreed to stay in close contact"),
    ]


def test_statement_made_at_a_meeting() -> None:
    facts = extract(
        'Japanese Defense Minister Kenta Ishida held talks with Philippine Defense Secretary Jose Ramos '
        'in Manila on Friday. "Our cooperation is vital," Ishida said during the meeting.',
        published="2025-02-08",
    )
    [statement] = facts.statements
    [meeting] = facts.meetings
    assert statement.made_at == meeting.key
    assert statement.date == meeting.date == "2025-02-07"


def test_indirect_statement_and_according_to() -> None:
    facts = extract(
        "Singaporean Foreign Minister Daniel Goh said the region must avoid a new arms race.\n\n"
        "Both countries will hold joint drills next year, according to the Ministry of Defense of Japan.\n"
    )
    assert statements(facts) == [
        ("Daniel Goh", "indirect", "the region must avoid a new arms race"),
        ("Ministry of Defense of Japan", "indirect", "Both countries will hold joint drills next year"),
    ]


def test_scare_quotes_without_attribution_are_not_statements() -> None:
    facts = extract('The policy is known as "strategic patience" in Washington.')
    assert facts.statements == []


def test_related_coverage_is_not_facts() -> None:
    facts = extract(
        "Italian Foreign Minister Paolo Conti met Spanish Foreign Minister Elena Ruiz in Rome.\n\n"
        "Related coverage:\n\nU.S. President Mark Holden meets Chinese President Wang Deming in Lima\n"
    )
    assert people(facts) == {"Paolo Conti", "Elena Ruiz"}
    assert len(facts.meetings) == 1


# --- issues and evidence --------------------------------------------------------------------


def test_issues_link_to_meetings_and_statements() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita and Chinese Foreign Minister Zhao Lin discussed the "
        "Senkaku Islands and North Korea's ballistic missile launches in talks in Beijing.\n\n"
        '"Peace and stability across the Taiwan Strait matter to the world," Morita said.\n'
    )
    [meeting] = facts.meetings
    assert "senkaku-islands" in meeting.topics
    assert "north-korea-missiles" in meeting.topics
    [statement] = facts.statements
    assert statement.about == ["taiwan-strait"]
    assert {"senkaku-islands", "north-korea-missiles", "taiwan-strait"} <= set(facts.issues)


def test_every_evidence_span_is_the_text_at_its_offsets() -> None:
    text = (
        "Japanese Foreign Minister Daisuke Morita met Indonesian Foreign Minister Sari Wulandari in Jakarta.\n\n"
        '"We agreed to do more," Morita said.\n'
    )
    facts = extract(text)
    spans = [e for m in facts.meetings for e in m.evidence] + [e for s in facts.statements for e in s.evidence]
    spans += [r.evidence for a in facts.actors for r in a.roles]
    assert spans
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_byline_is_not_an_actor_and_hyphenated_given_names_are_whole() -> None:
    facts = extract(
        "By Lee Min-ji\n\nSEOUL, March 3 (Yonhap) -- Foreign Minister Choi Sung-woo held talks with his "
        "Japanese counterpart, Akiko Hayashida, in Seoul on Monday.\n",
        published="2025-03-03",
    )
    assert people(facts) == {"Choi Sung-woo", "Akiko Hayashida"}
    assert ("Choi Sung-woo", "Foreign Minister", "South Korea") in roles(facts)
    assert meetings(facts) == [(frozenset({"Choi Sung-woo", "Akiko Hayashida"}), "in-person", "held", "2025-03-03", "Seoul")]


def test_demonyms_from_data_and_buildings_placed_in_their_city() -> None:
    facts = extract(
        "WASHINGTON (AP) — Secretary of State Daniel Okoro met Thursday with Saudi Foreign Minister "
        "Faisal al-Harbi at the Blair House in Washington.",
        published="2024-05-17",
    )
    assert ("Faisal al-Harbi", "Foreign Minister", "Saudi Arabia") in roles(facts)
    [(who, _, _, date, place)] = meetings(facts)
    assert (who, date, place) == (frozenset({"Daniel Okoro", "Faisal al-Harbi"}), "2024-05-16", "Washington")


def test_topics_of_a_meeting_from_sentences_about_its_participants() -> None:
    facts = extract(
        "Japanese Foreign Minister Daisuke Morita met Australian Foreign Minister Claire Dawson in Canberra.\n\n"
        "Morita and Dawson also discussed the Taiwan Strait, according to the Japanese side.\n"
    )
    [meeting] = facts.meetings
    assert "taiwan-strait" in meeting.topics


def test_each_meeting_of_a_sentence_keeps_its_own_mode() -> None:
    facts = extract(
        "Brazilian Foreign Minister Lucas Prado held a phone conversation with Argentine Foreign Minister "
        "Sofia Benitez, and took part in a video conference with Mexican Foreign Minister Carlos Ortega."
    )
    assert sorted((sorted(m[0]), m[1]) for m in meetings(facts)) == [
        (["Carlos Ortega", "Lucas Prado"], "video"),
        (["Lucas Prado", "Sofia Benitez"], "phone"),
    ]


def test_a_countrys_ministry_the_table_lacks_is_one_organization_named_body_of_country() -> None:
    facts = extract(
        "Foreign Minister Budi Santoso met Foreign Minister Sophie Clarke in Jakarta on Monday.\n\n"
        "The Ministry of Foreign Affairs of Indonesia said the talks covered fisheries.\n\n"
        "Indonesia's Foreign Ministry added that a new agreement would be signed next year.\n\n"
        "The Polish Ministry of Defence said it would send observers.\n\n"
        "A day later the Polish foreign ministry said the observers had arrived in Jakarta.\n",
        published="2031-08-12",
    )
    orgs = {a.name for a in facts.actors if a.kind == "Organization"}
    assert orgs == {"Ministry of Foreign Affairs of Indonesia", "Ministry of Defence of Poland", "Ministry of Foreign Affairs of Poland"}
    speakers = [s[0] for s in statements(facts)]
    assert speakers == ["Ministry of Foreign Affairs of Indonesia", "Ministry of Foreign Affairs of Indonesia",
                        "Ministry of Defence of Poland", "Ministry of Foreign Affairs of Poland"]


@pytest.mark.parametrize("name", ["Park In-young", "Kang On-yu"])
def test_a_given_name_whose_first_part_is_a_preposition_is_a_name(name: str) -> None:
    # the tokenizer splits "In-young" into "In", "-", "young": neither Title Case headline words nor a name's end
    facts = extract(f"SEOUL, Aug. 24 (Yonhap) -- Unification Minister {name} met with the U.S. envoy for North Korea on Tuesday.", published="2031-08-24")
    assert name in people(facts)
