"""Meeting topics on hand-written readouts (fictional people): sentences that refer back to
the meeting, and issue triggers for accords between two states."""

from __future__ import annotations

from tests.extract_support import extract


def _topics(text: str) -> list[list[str]]:
    return [sorted(m.topics) for m in extract(text, published="2025-03-17").meetings]


def test_it_after_a_sentence_about_the_call_is_the_call() -> None:
    topics = _topics(
        "Foreign Minister Sheikh Hamad bin Nasser Al-Khalil of Qatar held a phone call with Secretary "
        "of State Ellen Marsh.\n\nThe call dealt with the strong bilateral relations between the two "
        "countries. It also dealt with the latest developments of the Ukrainian-Russian crisis."
    )
    assert topics == [["bilateral-relations", "ukraine-war"]]


def test_it_after_another_subject_is_not_the_call() -> None:
    topics = _topics(
        "Foreign Minister Sheikh Hamad bin Nasser Al-Khalil of Qatar held a phone call with Secretary "
        "of State Ellen Marsh.\n\nThe weather was fine. It also reflected the Ukrainian-Russian crisis."
    )
    assert topics == [[]]


def test_accords_between_two_states_are_a_topic() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "Okafor and Varga will also sign a Memorandum of Understanding on Political Consultations.\n\n"
        "The ministers discussed the implementation of previous agreements between the two presidents."
    )
    assert topics and "bilateral-agreements" in topics[0]


def test_a_named_cooperation_agreement_is_not_the_accords_issue() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday. "
        "Okafor said the Defence Cooperation Agreement that their leaders signed is already making a difference, "
        "and hoped to conclude a bilateral agreement on the export of vehicles."
    )
    assert topics and "bilateral-agreements" not in topics[0]


def test_issue_phrasings_of_security_food_regionalism_industry_region_and_anniversaries() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday. "
        "They discussed nutrition security, the security pact, regionalism, industrial cooperation, the "
        "issues in the region and the 30th anniversary of their ties."
    )
    assert set(topics[0]) >= {"food-security", "defense-agreements", "regional-integration", "economy-and-trade",
                              "regional-peace-and-stability", "anniversaries"}


def test_a_violence_noun_frames_a_country_as_its_conflict() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday. "
        "They said they continue to oppose the military intervention in Syria."
    )
    assert topics and "syria" in topics[0]


def test_attention_paid_to_an_issue_is_the_meetings_topic() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "Particular attention was paid to joint projects in the field of energy and transport."
    )
    assert topics and "energy" in topics[0]


def test_readout_paraphrases_of_cooperation_commissions_corruption_and_kosovo() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday. "
        "They discussed issues of mutual interest, the work of the intergovernmental commission, the fight "
        "against corruption, good-neighbourliness, post-COVID recovery, membership in the European Union "
        "and the situation in Kosovo and Metohija."
    )
    assert set(topics[0]) >= {"bilateral-relations", "joint-commissions", "corruption", "pandemic-response",
                              "eu-enlargement", "kosovo"}


def test_a_body_someone_heads_is_a_post_not_a_topic() -> None:
    facts = extract(
        "Foreign Minister Lena Okafor of Ghana will meet Deputy Prime Minister Tomas Varga of Hungary, who "
        "co-chairs the intergovernmental commission, in Accra on Monday.", published="2025-03-17")
    assert "joint-commissions" not in facts.issues
    facts = extract(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday. "
        "They reviewed the work of the intergovernmental commission.", published="2025-03-17")
    assert "joint-commissions" in facts.issues


def test_discussions_set_to_cover_an_issue_in_a_with_clause_are_the_meeting() -> None:
    topics = _topics(
        "Prime Minister Halvard Orvak of Norway met Prime Minister Tiva Malek of Fiji in Oslo on Monday.\n\n"
        "A gun salute greeted the guests, with discussions also set to cover trade co-operation."
    )
    assert topics and "trade" in topics[0]


def test_an_issue_named_the_focus_of_the_meeting_is_its_topic() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana will meet Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "The weather is expected to be fine. Terrorism will also be the focus of the bilateral meeting."
    )
    assert topics and "terrorism-and-crime" in topics[0]


def test_these_talks_refer_back_to_the_meeting() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "The weather was fine. These discussions are very important for food security."
    )
    assert topics and "food-security" in topics[0]


def test_talks_that_collapsed_in_a_background_clause_add_nothing() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "Relations soured after the talks collapsed in 2019 over food security."
    )
    assert topics and "food-security" not in topics[0]


def test_common_phrasings_of_scheme_issues_are_topics() -> None:
    # the scheme's wording gaps: crime, hunger, transport by mode, solar energy, agro-processing,
    # climate resilience, peace agreements, transitional governments, repatriation flights, Cyprus talks
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "The discussions focused on combating transnational criminal organizations and the trafficking of illicit drugs.\n\n"
        "The ministers also discussed the fight against hunger, air transport, solar energy and agro-processing.\n\n"
        "They discussed climate resilience and disaster preparedness, the stalled peace agreement and the transitional government.\n\n"
        "The ministers agreed on extraordinary flights for the repatriation of nationals and on the resumption of the Cyprus talks."
    )
    assert topics
    for key in ("terrorism-and-crime", "food-security", "transport", "energy-transition", "agriculture", "climate-change",
                "disaster-relief", "peacekeeping-and-crisis-management", "governance", "evacuations", "eastern-mediterranean"):
        assert key in topics[0], key


def test_a_border_named_only_as_a_place_is_no_topic() -> None:
    topics = _topics(
        "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
        "The ministers discussed the office on its side of the border and the embassies in both capitals."
    )
    assert topics and "border-issues" not in topics[0] and "diplomatic-missions" not in topics[0]


def test_ties_between_two_named_states_are_bilateral_relations() -> None:
    lead = "Foreign Minister Lena Okafor of Ghana held a phone call with Foreign Minister Tomas Varga of Hungary on Monday.\n\n"
    assert _topics(lead + "The talks centred on the importance of strong ties between Ghana and Hungary.") == [["bilateral-relations"]]
    assert _topics(lead + "The ministers discussed relations between the two countries.") == [["bilateral-relations"]]
    assert _topics(lead + "The ministers discussed the rift between Ghana and the opposition.") == [[]]


def test_the_two_countries_relationship_and_the_mediterranean_are_topics() -> None:
    lead = "Foreign Minister Lena Okafor of Ghana held a phone call with Foreign Minister Tomas Varga of Hungary on Monday.\n\n"
    assert _topics(lead + "The ministers discussed the two countries' relationship.") == [["bilateral-relations"]]
    topics = _topics(lead + "The ministers discussed irregular immigration in the Mediterranean Sea and cooperation with Latin America.")
    assert topics and {"mediterranean", "latin-america"} <= set(topics[0])


def test_an_invitation_renewed_is_a_topic_the_invitation_a_visit_is_made_at_is_not() -> None:
    lead = "Foreign Minister Lena Okafor of Ghana met Foreign Minister Tomas Varga of Hungary in Accra on Monday.\n\n"
    topics = _topics(lead + "The ministers discussed the invitation for Minister Varga to conduct a visit to Ghana.")
    assert topics and "visits" in topics[0]
    topics = _topics(lead + "The ministers discussed trade on the invitation of President Kofi Mensah.")
    assert topics and "visits" not in topics[0]


def test_the_two_as_a_subject_refers_back_to_the_meeting() -> None:
    topics = _topics(
        "Prime Minister Lena Okafor met President Tomas Varga in Accra on Monday.\n\n"
        "The two discussed trade and investments in clean, renewable energy and critical minerals exploration."
    )
    assert topics and {"trade", "energy-transition"} <= set(topics[0])
