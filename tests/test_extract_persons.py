"""Persons on hand-written articles (fictional people): headline words that are no name,
and names as printed."""

from __future__ import annotations

from tests.extract_support import extract, people


def test_a_headline_predicate_after_a_title_is_no_person() -> None:
    facts = extract(
        "Deputy Prime Minister and Minister of Foreign Affairs Holds Phone Call with US Secretary of State\n\n"
        "Deputy Prime Minister and Minister of Foreign Affairs of Qatar Sheikh Hamad bin Nasser Al-Khalil "
        "held a phone call with Secretary of State Ellen Marsh."
    )
    assert people(facts) == {"Hamad bin Nasser Al-Khalil", "Ellen Marsh"}


def test_a_name_part_with_an_apostrophe_inside_stays_in_the_name() -> None:
    facts = extract(
        "Samoan Prime Minister Fiame Naomi Mata\u2019afa met Foreign Minister Wang Lei in Apia.\n\n"
        "Ana Reyes\u2019 team met them later."
    )
    assert "Fiame Naomi Mata\u2019afa" in people(facts)
    assert not any("\u2019" in p and "Reyes" in p for p in people(facts))


def test_a_stray_space_after_a_hyphen_inside_a_name_is_no_break() -> None:
    facts = extract(
        "Kuwaiti Foreign Minister Sheikh Fahad Al-Nasser conveyed greetings of His Highness the Amir "
        "Sheikh Jaber Al-Hamad Al- Rashid Al-Sabah to President Tom Hale."
    )
    amir = next(a for a in facts.actors if "Rashid" in a.name)
    assert amir.name == "Jaber Al-Hamad Al-Rashid Al-Sabah"
    assert "Jaber Al-Hamad Al- Rashid Al-Sabah" in amir.aliases


def test_a_country_name_printed_without_its_hyphen_is_no_person() -> None:
    facts = extract(
        "Foreign Minister Lin Bao of China held talks in Tonga on Monday.\n\n"
        "Lin is in Fiji and will visit Samoa and Timor Leste.\n\nTimor Leste is next on the tour."
    )
    assert people(facts) == {"Lin Bao"}
