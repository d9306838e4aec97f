"""Persons on hand-written articles (fictional people): headline words that are no name,
and names as printed."""

from __future__ import annotations

from tests.extract_support import extract, meetings, people, statements


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


def _labelled(text: str, ents: list[tuple[str, str]]):
    """The text parsed by the pipeline's model, with the entity labels given (the labels the
    model gives some real names: a name part left unlabelled, a given name filed as ORG)."""
    from spacy.tokens import Span

    from tests.extract_support import extractor

    doc = extractor().nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.set_ents(spans, default="outside")
    return doc


def test_a_hyphenated_given_name_with_a_capitalised_second_part_stays_whole() -> None:
    from etl.extract.person_spans import clean_person_span

    doc = _labelled("Tom Hale held talks with Ethiopian President Tesfa-Work Alemu who paid him a call.",
                    [("Tesfa", "PERSON"), ("Alemu", "PERSON")])
    span = next(e for e in doc.ents if e.text == "Tesfa")
    assert clean_person_span(span, set()).text == "Tesfa-Work Alemu"
    # a pair of names joined by a hyphen is no hyphenated name
    doc = _labelled("The Hale-Berg summit ended.", [("Hale", "PERSON")])
    assert clean_person_span(doc.ents[0], set()).text == "Hale"


def test_a_hyphenated_given_name_filed_as_an_organization_is_kept_whole() -> None:
    from etl.extract.person_spans import clean_person_span

    text = "The minister went to a lunch hosted by Jean-Luc Marrot, Minister for Foreign Affairs of France."
    doc = _labelled(text, [("Jean-Luc Marrot", "ORG")])
    start = text.index("Luc")
    assert clean_person_span(doc.char_span(start, start + len("Luc Marrot")), set()).text == "Jean-Luc Marrot"


def test_an_unlabelled_first_given_name_before_a_long_name_is_kept() -> None:
    from etl.extract.person_spans import clean_person_span

    doc = _labelled("The delegation then called for a meeting with Rashad Khalifa Al Nouri, Chairman of the Authority.",
                    [("Khalifa Al Nouri", "PERSON")])
    span = next(e for e in doc.ents if e.label_ == "PERSON")
    assert clean_person_span(span, set()).text == "Rashad Khalifa Al Nouri"


def test_counselor_before_a_name_is_a_courtesy_title() -> None:
    facts = extract("The Spokesman for the Presidency, Counselor Karim Saber, said the call touched on the latest developments.")
    assert people(facts) == {"Karim Saber"}


def test_the_first_name_after_a_plural_title_is_a_person_whatever_its_label() -> None:
    from etl.extract.person_spans import person_candidates

    text = "The meeting was attended by Cabinet Secretaries Wanjiru Odhiambo and Amina Kariuki."
    doc = _labelled(text, [("Cabinet Secretaries Wanjiru Odhiambo", "ORG"), ("Amina Kariuki", "PERSON")])
    found = {c.text for c in person_candidates(doc, set(), set(), set(), len(text), [])}
    assert found == {"Wanjiru Odhiambo", "Amina Kariuki"}


def test_a_demonym_and_a_posts_rank_before_a_title_are_no_person() -> None:
    facts = extract(
        "A meeting of the foreign ministries of Georgia, Armenia and Azerbaijan opened in Tbilisi.\n\n"
        "\u201cThe meeting will explore opportunities for trilateral cooperation. All of these topics "
        "will be discussed today,\u201d said Georgian First Deputy Foreign Minister Nino Kavtaradze.\n"
    )
    assert people(facts) == {"Nino Kavtaradze"}
    assert [s[0] for s in statements(facts)] == ["Nino Kavtaradze"]


def test_a_body_named_after_a_person_is_no_part_of_the_persons_name() -> None:
    from tests.extract_support import extract, people
    facts = extract("The president attended a memorial event for Archbishop Petros II at the Archbishop Petros II "
                    "Foundation on Friday.", published="2024-03-14")
    assert "Petros II" in people(facts)
    assert not [p for p in people(facts) if "Foundation" in p]

def test_a_family_name_that_is_a_country_name_after_a_title() -> None:
    facts = extract(
        "Prime Minister Tomás Montenegro, who had a telephone conversation with Ukrainian President Olek Danyliv, "
        "today guaranteed support.\n\n"
        "Tomás Montenegro was responding to a post by the Ukrainian head of state, who published the conversation.",
        published="2031-04-04",
    )
    assert people(facts) == {"Tomás Montenegro", "Olek Danyliv"}
    assert "Montenegro" not in {a.name for a in facts.actors if a.kind == "Country"}
    assert meetings(facts) == [(frozenset({"Tomás Montenegro", "Olek Danyliv"}), "phone", "held", "2031-04-04", None)]


def test_the_prime_minister_of_a_country_keeps_the_country() -> None:
    facts = extract("The Prime Minister of Montenegro, Tomás Rovan, met President Olek Danyliv in Kyiv.", published="2031-04-04")
    assert "Montenegro" in {a.name for a in facts.actors if a.kind == "Country"}


def test_a_name_right_after_the_body_of_the_post() -> None:
    facts = extract("Minister Lukas Hofer had a working meeting with the Executive Director of the International Energy Agency Marco Bellini.")
    assert people(facts) == {"Lukas Hofer", "Marco Bellini"}


def test_the_portfolios_listed_after_a_title_are_no_name() -> None:
    facts = extract(
        "The Special Adviser, Special Duties, Communications and Strategy to President Tomas Vale has revealed "
        "details of the meeting.", published="2031-05-13")
    assert not [n for n in people(facts) if "Duties" in n]
    assert "Tomas Vale" in people(facts)


def test_a_quoted_nickname_inside_a_name_is_no_part_of_its_label() -> None:
    facts = extract(
        "The call was between President Tomas \u201cTommy\u201d Vale and Kenyan President Anna Berg on Monday. "
        "Vale said the talks went well.", published="2031-05-13")
    assert people(facts) == {"Tomas Vale", "Anna Berg"}
