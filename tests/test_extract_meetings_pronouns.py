"""Whom a pronoun in a meeting clause stands for (fictional people, real places): the person
of the clause it sits in, not the subject of the sentence around it.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from tests.extract_support import extract, meetings


def _people(text: str, published: str = "2031-05-04") -> list[list[str]]:
    return sorted(sorted(m[0]) for m in meetings(extract(text, published)))


def test_he_in_a_clause_on_someones_visit_is_the_visitor() -> None:
    text = (
        "Lisbon, May 3 - Portuguese Foreign Minister Tiago Ferrabras met Czech Foreign Minister Ondrej Malecek in Lisbon on Monday.\n\n"
        "The talks covered energy, with Ferrabras telling reporters that the dialogue had grown in 2030, which included "
        "Czech President Pavel Kubelka's visit to the Porto economic forum, where he held talks with Spanish Prime Minister Rodrigo Almansa.\n"
    )
    got = _people(text)
    assert ["Pavel Kubelka", "Rodrigo Almansa"] in got
    assert not any("Rodrigo Almansa" in m and "Tiago Ferrabras" in m for m in got)


def test_he_in_a_clause_on_a_place_is_the_subject() -> None:
    text = (
        "Portuguese Foreign Minister Tiago Ferrabras arrived at the Spanish Prime Minister Rodrigo Almansa's residence "
        "in Madrid on Monday, where he held talks with Spanish Foreign Minister Lucia Arteaga.\n"
    )
    got = _people(text)
    assert not any("Rodrigo Almansa" in m and "Lucia Arteaga" in m and "Tiago Ferrabras" not in m for m in got)


def test_he_after_bullets_is_the_person_of_the_bullets_before() -> None:
    text = (
        "Tarvian leader's meetings in Lima\n\n"
        "At A Glance\n\n"
        "  • Peruvian President Anselm Vortek had three bilateral meetings on the sidelines of the summit.\n"
        "  • He met with the leaders of Canada, Chile, and Ruritania.\n"
        "  • He had a brief conversation with the leaders of Japan and the US on fisheries.\n\n"
        "Here is a look back at Vortek's meetings with Ruritanian Prime Minister Tavita Reo.\n"
    )
    got = _people(text, "2031-09-09")
    assert ["Anselm Vortek", "Japan", "United States"] in got
    # (the one Prime Minister of a country the vocabularies lack is no leader of Japan)
    assert not any("Tavita Reo" in m and "United States" in m for m in got)


def test_the_countrys_minister_is_its_minister_named_before() -> None:
    text = (
        "Delhi, March 25 - Indian Foreign Minister Arun Mehra met China's Foreign Minister Li Qiang-wen in Delhi on Friday.\n\n"
        "This was shortly after the Chinese minister met National Security Advisor Vikram Sodhi in Delhi.\n"
    )
    got = _people(text, "2031-03-25")
    assert ["Li Qiang-wen", "Vikram Sodhi"] in got


def test_a_headline_spelling_one_letter_apart_is_the_body_person_and_a_short_while_ago_is_today() -> None:
    text = (
        "President Dinesh Wijeratne meets the Indian Prime Minister\n\n"
        "Friday, 29 November 2031 - 13:22\n\n"
        "The Presidential Media Division said that Sri Lankan President Dinesh Wijeratna met with Indian Prime Minister "
        "Arvind Kashyap a short while ago for bilateral discussions.\n"
    )
    facts = extract(text, "2031-11-29")
    assert sorted(a.name for a in facts.actors if a.kind == "Person") == ["Arvind Kashyap", "Dinesh Wijeratna"]
    got = meetings(facts)
    assert [(sorted(m[0]), m[3]) for m in got] == [(["Arvind Kashyap", "Dinesh Wijeratna"], "2031-11-29")]


def test_the_minister_heads_to_a_city_to_meet_a_counterpart_in_person() -> None:
    text = (
        "Jakarta, April 26 - Foreign Minister Sari Wulandari recently concluded a trip to Europe.\n\n"
        "On her first stop, Wulandari met with British counterpart Emma Holt in London on Monday.\n\n"
        "Later, the minister headed to Paris to meet her French counterpart Marc Delorme and follow up on "
        "discussions in March and a phone call between President Budi Santoso and French President Luc Garnier.\n"
    )
    got = meetings(extract(text, "2031-04-26"))
    paris = [m for m in got if m[0] == frozenset({"Sari Wulandari", "Marc Delorme"})]
    assert [(m[1], m[2], m[4]) for m in paris] == [("in-person", "held", "Paris")]


def test_a_title_in_a_fronted_phrase_is_not_the_subjects_post() -> None:
    text = (
        "On 30 September 2031, the Minister of Foreign Affairs, Janis Ozolins, met with the Ambassador of Estonia, Mart Kask.\n\n"
        "In a conversation with the Estonian Ambassador, Janis Ozolins highlighted the active political dialogue between the two countries.\n"
    )
    from tests.extract_support import roles
    got = roles(extract(text, "2031-09-30"))
    assert not any(r[0] == "Janis Ozolins" and r[1] == "Ambassador" for r in got)
    assert ("Mart Kask", "Ambassador", "Estonia") in got


def test_this_was_shortly_after_a_meeting_dates_it_to_the_day_of_the_one_just_told() -> None:
    text = (
        "Delhi, March 25 - Indian Foreign Minister Arun Mehra met China's Foreign Minister Li Qiang-wen in Delhi on Friday.\n\n"
        "This was shortly after the Chinese minister met National Security Advisor Vikram Sodhi in Delhi.\n"
    )
    got = {frozenset(m[0]): m[3] for m in meetings(extract(text, "2031-03-22"))}
    first = got[frozenset({"Arun Mehra", "Li Qiang-wen"})]
    assert first is not None and got[frozenset({"Li Qiang-wen", "Vikram Sodhi"})] == first
