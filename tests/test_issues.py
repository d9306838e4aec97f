"""Issues: the trigger matcher on short hand-written sentences (lemmas, spellings, noun
phrases, venues) and meeting topics through the whole pipeline."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph, Namespace

from diplokg.resources import ISSUES_FILE
from etl.extract.gazetteer import gazetteer_for
from etl.extract.topics import link_topics
from etl.model import Article, Meeting, Span
from tests.extract_support import extract, extractor, statements

ISSUE = Namespace("https://w3id.org/diplokg/id/issue/")


def issues_of(text: str) -> set[str]:
    """Issue keys the matcher finds in a text (parsed with the real pipeline)."""
    nlp = extractor().nlp
    return {h.ref for h in gazetteer_for(nlp).hits(nlp(text)) if h.kind == "issue"}


@pytest.mark.parametrize(("text", "issue"), [
    ("North Korea conducted another missile launch on Sunday.", "north-korea-missiles"),  # as written
    ("The three ministers condemned the missile launches.", "north-korea-missiles"),  # plural: lemma
    ("Seoul kept its punitive sanction on the North.", "sanctions"),
    ("They agreed to deepen defence co-operation.", "alliances-and-defense"),  # British, hyphenated
    ("The non-proliferation regime must be upheld.", "nuclear-disarmament"),  # = "nonproliferation"
    ("They discussed the development programmes of both countries.", "development-cooperation"),
    ("They discussed food and energy security.", "food-security"),  # coordinated modifiers
    ("They discussed food and energy security.", "energy-security"),
    ("They pushed economic and people-to-people exchanges.", "economy-and-trade"),
    ("Nishimori urged China to lift its ban on Japanese seafood imports.", "economic-coercion"),  # of/on phrase
    ("Japan-China relations have improved this year.", "bilateral-relations"),  # relationship noun + countries
    ("Trade between the two countries reached a record.", "trade"),
])
def test_triggers_match_lemmas_spellings_and_noun_phrases(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    # topics of readouts and wires beyond the seeds' (wire, MFA, Kremlin, AU styles)
    ("Both sides called for a comprehensive and immediate ceasefire.", "ceasefires"),
    ("The leaders discussed the cease-fire talks.", "ceasefires"),
    ("Brenner and Osei discussed the conflict with Iran.", "iran"),
    ("They exchanged views on Iran.", "iran"),  # a country as the topic of talks
    ("Talks focused on the purchase of S-400 missile systems.", "defense-industry"),
    ("The ministers discussed the Eastern Mediterranean.", "eastern-mediterranean"),
    ("Both sides pledged joint anti-terror efforts.", "terrorism-and-crime"),
    ("They discussed the fight against terrorism and terror groups.", "terrorism-and-crime"),
    ("The two presidents discussed the upcoming state visit.", "visits"),
    ("Varga congratulated Holm on his re-elected term and the runoff.", "elections"),
    ("He congratulated her on her reelection.", "congratulations"),
    ("The chairperson stressed regional integration and the African Continental Free Trade Area.", "regional-integration"),
    ("They exchanged views on the international situation.", "regional-peace-and-stability"),
    ("They discussed current security challenges.", "regional-peace-and-stability"),
    ("The premier said the growth target would be met as the economic transition continues.", "economy-and-trade"),
    ("Both leaders looked forward to the G20 summit.", "international-fora"),
    ("The minister promised economic and technological aid.", "development-cooperation"),
    ("They spoke about aid and the risk of famine.", "humanitarian-assistance"),
    ("The two sides discussed North-South relations.", "inter-korean-relations"),
    ("They reviewed the situation in the occupied Palestinian territories.", "israel-hamas-war"),
    ("They agreed to strengthen the transatlantic link.", "nato"),
    # wire and readout wordings beyond the seeds' (fictional sentences)
    ("Officials are weighing issues such as tariffs and immigration policies.", "migration"),
    ("He called the nuclear program of the DPRK a major challenge.", "north-korea-nuclear"),
    ("On Ebola, the two countries worked together.", "global-health"),
    ("They also touched upon practices such as yoga and Ayurveda.", "global-health"),
    ("The ministry noted the willingness to settle the conflict over Ukraine.", "ukraine-war"),
    ("They briefly discussed the Syria conference starting tomorrow.", "syria"),
    ("Nordland does not comment on the domestic affairs of Southland.", "foreign-interference"),
    ("Sato is in Rome to attend the G20 Foreign Ministers Meeting.", "international-fora"),
    ("The ministers arrived ahead of the inaugural two-plus-two ministerial dialogue.", "alliances-and-defense"),
    ("The gas pipeline has caused tension between the two countries.", "energy"),
    ("Nordland's refusal to supply weapons to Ukraine was noted.", "military-aid-to-ukraine"),
    ("They discussed the pandemic and its impact on the economy.", "economy-and-trade"),
    ("They agreed on contacts to prepare a meeting at the highest level.", "visits"),
    ("They agreed to restore a mutually respectful interstate dialog.", "bilateral-relations"),  # "dialog" = "dialogue"
    ("Disputes range from trade to the status of self-governed Taiwan.", "taiwan-strait"),
    ("Berg stressed keeping open lines of communication to reduce the risk of miscalculation.", "communication-channels"),
    ("Experts will meet to remove obstacles to the work of foreign missions.", "diplomatic-missions"),
    # Gulf and Arab readouts: named regional crises, Ramadan greetings, the war named by both sides
    ("Lind thanked Kuwait for its efforts aiming at resolving the Sudanese crisis.", "sudan"),
    ("He conveyed congratulations on the advent of the holy month of Ramadan.", "greetings"),
    ("The call dealt with the latest developments of the Ukrainian-Russian crisis.", "ukraine-war"),
    ("Both ministers discussed the war in Yemen and the Libyan political process.", "yemen"),
    ("Both ministers discussed the war in Yemen and the Libyan political process.", "libya"),
])
def test_triggers_of_topics_in_other_publishers_styles(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    ("The two ministers exchanged views on the situation.", "people-to-people-exchange"),  # a verb, not the noun
    ("Whitfield met Liang at the Diaoyutai State Guesthouse in Beijing.", "senkaku-islands"),  # a venue's name
    ("Pyongyang expanded its military cooperation with Russia.", "alliances-and-defense"),  # the longer trigger wins
])
def test_not_triggers(text: str, issue: str) -> None:
    assert issue not in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    ("They discussed the attack this morning and North Korea.", "korean-peninsula"),
    ("The ministers exchanged views on challenges including Myanmar, Ukraine and Ethiopia.", "africa"),
    ("The ministers exchanged views on challenges including Myanmar, Ukraine and Ethiopia.", "ukraine-war"),
    ("Regarding North Korea, Foreign Minister Sato stated that it was a threat.", "korean-peninsula"),
    ("They discussed the situation in Myanmar.", "myanmar-crisis"),
    ("They exchanged views on China.", "china-policy"),
    ("On Ukraine, the leaders agreed to keep up the pressure on Russia.", "ukraine-war"),
    ("Turning to the G7, the Prime Minister welcomed the focus on AI.", "international-fora"),
    ("They also discussed the situation in the Middle East and in Afghanistan.", "afghanistan"),
    ("The two ministers spoke today on Ukraine and Syria.", "syria"),  # "spoke on"
    ("I appreciate your comments about Laos, Cambodia, ASEAN.", "southeast-asia"),  # "comments about"
    ("Both sides share views on a variety of issues including Syria, Yemen and the entire region.", "yemen"),
    ("The call also dealt with developments in Somalia.", "somalia"),
    ("Vale and Berg touched on several topics, including the war in Ukraine, the European Union, and trade.", "european-affairs"),
])
def test_a_country_named_as_a_topic_of_talks_names_its_issue(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize("text", [
    "North Korea fired a missile on Monday.",
    "Kishida met officials from China in Tokyo.",
    "Ukraine's foreign minister arrived in Berlin.",
])
def test_a_country_as_an_actor_is_not_an_issue(text: str) -> None:
    assert not issues_of(text) & {"korean-peninsula", "china-policy", "ukraine-war"}


@pytest.mark.parametrize("text", [
    "He noted that Nordland has strong relations with the country that it will continue to strengthen.",
    "Nordland has close ties with Kenya.",
])
def test_relations_with_a_state_are_bilateral_relations(text: str) -> None:
    assert "bilateral-relations" in issues_of(text)


def test_relations_with_a_person_are_not_bilateral_relations() -> None:
    assert "bilateral-relations" not in issues_of("She has close ties with the minister.")


@pytest.mark.parametrize(("text", "issue"), [
    ("The two leaders tackled emigration to Canada.", "migration"),
    ("He criticised the union's climate goals.", "climate-change"),
])
def test_general_phrasings_of_issues(text: str, issue: str) -> None:
    assert issue in issues_of(text)


def test_a_named_partnership_is_no_venue() -> None:
    assert "bilateral-relations" in issues_of("The two sides reviewed the India-EU Strategic Partnership and the progress.")


def test_mentions_that_cross_both_stay() -> None:
    found = issues_of("The EU urged China to help achieve a just and lasting peace in Ukraine.")
    assert {"peace-in-ukraine"} <= found


def test_the_scheme_covers_what_diplomatic_news_is_about() -> None:
    graph = Graph().parse(ISSUES_FILE)
    keys = {str(s).rsplit("/", 1)[-1] for s in graph.subjects(RDF.type, SKOS.Concept)}
    wanted = {"trade", "investment", "supply-chains", "economic-security", "energy", "climate-change",
              "global-health", "pandemic-response", "ukraine-war", "middle-east", "human-rights",
              "alliances-and-defense", "nuclear-disarmament", "cyber-security", "space",
              "people-to-people-exchange", "fisheries", "sanctions", "migration", "bilateral-relations"}
    assert wanted <= keys
    assert len(keys) >= 100
    assert graph.value(ISSUE["energy-security"], SKOS.broader) == ISSUE["economic-security"]
    assert (ISSUE["energy"], SKOS.narrower, ISSUE["energy-transition"]) in graph


# --- meeting topics through the pipeline ------------------------------------------------------


READOUT = (
    "Readout of the Foreign Secretary's meeting with Foreign Minister Kenji Sato\n\n"
    "Foreign Secretary Oliver Grant met Japanese Foreign Minister Kenji Sato in London today.\n\n"
    "On trade, they discussed how to build on the existing free trade agreement.\n\n"
    "Both reflected on the 70th anniversary of the end of the Korean War.\n\n"
    "The Foreign Secretary raised the situation in the South China Sea.\n\n"
    "The meeting was also an opportunity to discuss climate change.\n\n"
    "Relations between the two countries suffered from disputes over fisheries in the 1990s, "
    "analysts say.\n"
)


def test_meeting_topics_come_from_its_own_sentences() -> None:
    facts = extract(READOUT, published="2024-05-02")
    [meeting] = facts.meetings
    topics = set(meeting.topics)
    assert {"trade", "anniversaries", "south-china-sea", "climate-change"} <= topics
    assert "fisheries" not in topics  # background: nobody of the meeting is its subject
    assert "fisheries" in facts.issues  # ... but the article is about it too


def test_an_unnamed_post_holder_speaks_for_the_reports_side() -> None:
    text = (
        "PM meeting with Premier Zhao Min of China\n\n"
        "The Prime Minister met Chinese Premier Zhao Min at the G20 Summit in Brazil today.\n\n"
        "The Prime Minister set out that the two countries should work together on the clean energy transition.\n"
    )
    ex = extractor()
    ctx = ex.context(Article("t", text, published="2024-11-18"), ex.nlp(text))
    first = text.index("The Prime Minister met")
    lead = Span(first, text.index("\n", first), text[first:text.index("\n", first)])
    meeting = Meeting(key="m", participants=["united-kingdom", "zhao-min"], evidence=[lead])
    link_topics(ctx, [meeting])
    assert "energy-transition" in meeting.topics


def test_a_sentence_about_another_meetings_people_goes_to_that_meeting() -> None:
    facts = extract(
        "Japanese Foreign Minister Kenji Sato met Chinese Foreign Minister Zhao Lin in Beijing on Monday.\n\n"
        "Earlier, Japanese Prime Minister Aiko Mori held talks with South Korean President Park Min-ho in Seoul.\n\n"
        "Mori and Park discussed the abductions issue.\n",
        published="2025-03-04",
    )
    by_people = {frozenset(facts_names(facts, m.participants)): set(m.topics) for m in facts.meetings}
    assert "abductions" in by_people[frozenset({"Aiko Mori", "Park Min-ho"})]
    assert "abductions" not in by_people.get(frozenset({"Kenji Sato", "Zhao Lin"}), set())


def facts_names(facts, keys: list[str]) -> list[str]:
    label = {a.key: a.name for a in facts.actors}
    return [label[k] for k in keys]


def test_statement_about_the_issues_of_its_words() -> None:
    facts = extract(
        "Irish Foreign Minister Sean Doyle met German Foreign Minister Lena Holm in Dublin.\n\n"
        "\u201cWe must protect our fisheries and our fishermen,\u201d Doyle said.\n"
    )
    [statement] = facts.statements
    assert statement.about == ["fisheries"]


def test_a_release_in_its_ministers_voice() -> None:
    text = (
        "Today I met Irish Foreign Minister Sean Doyle in Dublin.\n\n"
        "We agreed to deepen our cooperation on cyber security.\n\n"
        "Minister Doyle and I also discussed the conflict in Myanmar.\n"
    )
    ex = extractor()
    ctx = ex.context(Article("t", text, published="2030-08-21"), ex.nlp(text))
    lead = Span(0, text.index("\n"), text[:text.index("\n")])
    meeting = Meeting(key="m", participants=["sean-doyle", "australia"], evidence=[lead])
    link_topics(ctx, [meeting])
    assert {"cyber-security", "myanmar-crisis"} <= set(meeting.topics)


def test_what_a_readout_says_was_discussed_in_the_passive_is_its_meetings_topic() -> None:
    facts = extract(
        "President Anna Berg spoke by phone this evening with President Tomas Vale of Southland.\n\n"
        "The latest developments in Syria were discussed and sanctions by the U.S. were also talked about.\n\n"
        "Joint fight against DAESH was discussed.",
        published="2031-04-17",
    )
    [meeting] = facts.meetings
    assert {"syria", "terrorism-and-crime"} <= set(meeting.topics)


def test_the_headline_and_bare_plurals_and_the_parties_give_the_reported_meetings_topics() -> None:
    facts = extract(
        "Ireland, Portugal Discuss Fisheries, Energy Security\n\n"
        "Irish Foreign Minister Sean Doyle met Portuguese Foreign Minister Ana Pereira in Dublin on Monday.\n\n"
        "Talks focused on climate change. The parties also agreed to deepen cooperation on cyber security.\n\n"
        "Relations between the two countries suffered from disputes over migration in the 1990s, analysts say.\n",
        published="2031-05-14",
    )
    [meeting] = facts.meetings
    topics = set(meeting.topics)
    assert {"fisheries", "energy-security", "climate-change", "cyber-security"} <= topics
    assert "migration" not in topics  # background still adds nothing


@pytest.mark.parametrize(("text", "issue"), [
    # issue 9: topics of other publishers' texts (dev8a error classes), fictional sentences
    ("The visit follows a row over the cancelled trip and a diplomatic snub.", "diplomatic-tensions"),
    ("They discussed mutual concerns over political upheaval in the region.", "political-crises"),
    ("They barely touched on the political crisis in Venezuela.", "venezuela"),
    ("The country is mired in a crisis with rampant inflation, deep indebtedness and poverty.", "economic-hardship"),
    ("The country is mired in a crisis with rampant inflation, deep indebtedness and poverty.", "financial-cooperation"),
    ("The two ministers also exchanged New Year greetings.", "greetings"),
    ("We must stay united given the geostrategic competition in the region.", "regional-peace-and-stability"),
    ("Kenya plans to open an embassy to develop political dialogue and trade.", "bilateral-relations"),
    ("Berg spoke of tackling shared challenges together.", "global-challenges"),
    ("The official invited the government to an event on oil in Nairobi.", "energy"),
    ("He expressed support for the negotiation with the IMF.", "financial-cooperation"),
    ("They agreed to create a permanent consultation system.", "communication-channels"),
])
def test_triggers_seen_on_new_publishers(text: str, issue: str) -> None:
    assert issue in issues_of(text)


def test_a_title_abbreviation_before_a_given_name_is_the_person_and_links_the_sentence() -> None:
    facts = extract(
        "Foreign Minister Bilal Rana-Zardari and his Turkish counterpart Mehmet Aksoy met in New York on Wednesday.\n\n"
        "FM Bilal, in particular, stressed that food security was a shared concern.",
        published="2031-05-13")
    assert "food-security" in facts.meetings[0].topics
    assert [s[0] for s in statements(facts)] == ["Bilal Rana-Zardari"]


@pytest.mark.parametrize(("text", "issue"), [
    # phrasings seen in several publishers' readouts (dev11-dev13 error classes), fictional sentences
    ("They discussed issues relating to mutual interests and common concerns.", "bilateral-relations"),
    ("The presidents discussed various areas of common interest.", "bilateral-relations"),
    ("Mutual understanding and trust have deepened.", "bilateral-relations"),
    ("He praised the thirty years of bilateral partnership.", "bilateral-relations"),
    ("The two kings agreed that the national security of both states is one.", "alliances-and-defense"),
    ("He backed Nordland against any attempt targeting its security and stability.", "regional-peace-and-stability"),
    ("They pledged to advance stability within the region.", "regional-peace-and-stability"),
    ("They discussed the political situation in the region and the world.", "regional-peace-and-stability"),
    ("They explored avenues for socio-economic development.", "economy-and-trade"),
    ("They will strengthen their cooperation in the international fora.", "international-fora"),
    ("They discussed the future of the EU.", "european-affairs"),
    ("They discussed the upcoming Ruritanian presidency of the Council of the EU.", "eu-council-presidency"),
    ("Enlargement is a priority of the Ruritanian presidency of the EU.", "eu-council-presidency"),
])
def test_triggers_seen_in_several_publishers(text: str, issue: str) -> None:
    assert issue in issues_of(text)


def test_a_trigger_inside_a_post_title_is_no_issue() -> None:
    assert "alliances-and-defense" not in issues_of("National Security Adviser Tomas Varga arrived in Accra.")
    assert "alliances-and-defense" in issues_of("Tomas Varga spoke of the national security of Ruritania.")


def test_a_security_council_presidency_is_not_the_eu_presidency() -> None:
    assert "eu-council-presidency" not in issues_of("Ruritania holds the Security Council presidency this month.")


def test_a_field_named_as_a_posts_portfolio_is_no_issue() -> None:
    found = issues_of("Orvak is accompanied by Agriculture and Food Security Minister Tiva Malek "
                      "and the Minister for Trade and Investment.")
    assert not found & {"food-security", "trade", "investment"}
    assert {"food-security", "trade"} <= issues_of("The ministers discussed food security and trade.")


def test_what_a_minister_is_thanked_for_is_an_issue() -> None:
    assert "humanitarian-assistance" in issues_of(
        "Orvak thanked the Foreign Minister for Nordland's humanitarian assistance after the cyclone.")


def test_countries_before_ministers_are_not_a_portfolio() -> None:
    assert "trilateral-cooperation" in issues_of(
        "They will coordinate ahead of the Korea-U.S.-Japan trilateral foreign ministers' meeting in Oslo.")


@pytest.mark.parametrize(("text", "issue"), [
    ("Berg and Lind discussed the conflict in the Nagorno-Karabakh region.", "nagorno-karabakh"),
    ("The ministers exchanged views on the situation in Belarus.", "belarus"),
    ("They raised the poisoning of the opposition leader Alexei Navalny.", "persecuted-dissidents"),
    ("The presidents discussed the challenges facing the Nile River basin.", "water-resources"),
    ("They agreed to expand cooperation in the agricultural and water sectors.", "agriculture"),
    ("They agreed to expand cooperation in the agricultural and water sectors.", "water-resources"),
    ("Sato thanked Pakistan for its support in the evacuation of Japanese nationals.", "evacuations"),
    ("They discussed the desert locust invasion.", "food-security"),
    ("They stressed the importance of the strategic relations between the two kingdoms.", "bilateral-relations"),
    ("They discussed the loss of a peacekeeper.", "peacekeeping-and-crisis-management"),
    ("Tokyo is ready to take part in a peace conference.", "peacekeeping-and-crisis-management"),
    ("They talked about a research centre for nuclear technology.", "energy"),
    ("Both leaders looked ahead to the 75th anniversary of diplomatic ties.", "anniversaries"),
    ("They called for peaceful co-existence among communities along the border.", "regional-peace-and-stability"),
    ("They urged African solutions to African problems.", "africa"),
    ("The minister spoke of the situation in Rakhine State.", "myanmar-crisis"),
    ("The talks covered the bail-out programme and austerity.", "economic-hardship"),
    ("Nordland insists on direct negotiations between Ukraine and Russia.", "peace-in-ukraine"),
    ("The ministers met on the sidelines of a regional summit on Afghanistan.", "afghanistan"),
])
def test_triggers_of_regional_conflicts_resources_and_consular_topics(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    ("Lind arrived in Minsk for a summit of the region.", "belarus"),  # a city, no topic
    ("The farmers' union leader met the minister.", "agriculture"),  # no trigger
    ("The minister evacuated the building during the fire drill.", "evacuations"),  # the verb, not the noun
])
def test_new_triggers_do_not_fire_on_unrelated_words(text: str, issue: str) -> None:
    assert issue not in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    ("Lind laid a wreath on the 20th anniversary of the 9/11 attacks.", "terrorism-and-crime"),
    ("They discussed progress on the upcoming Quartet Report.", "middle-east"),
    ("Relations should rest on mutual respect and high-level interactions.", "bilateral-relations"),
])
def test_triggers_of_standing_phrases_of_readouts(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    ("The ministers discussed the situation in Iraq.", "iraq"),
    ("They stressed the importance of Gulf security and freedom of passage through the Strait of Hormuz.", "gulf-security"),
    ("Both sides agreed to launch direct flights and expand the railway link.", "transport"),
    ("They reviewed cooperation with the Central Asian countries.", "central-asia"),
    ("Nordland pledged funds for demining and the clearance of unexploded ordnance.", "conventional-arms"),
    ("They discussed piracy in the Gulf of Guinea.", "east-asian-maritime-security"),
    ("They underlined the importance of the Arab Peace Initiative.", "israel-hamas-war"),
    ("They discussed the situation in eastern DRC.", "africa"),
    ("They discussed the fight against HIV/AIDS and tuberculosis.", "global-health"),
])
def test_triggers_of_regions_transport_and_arms(text: str, issue: str) -> None:
    assert issue in issues_of(text)


@pytest.mark.parametrize(("text", "issue"), [
    # issue 21: general topics of diplomatic news (fictional sentences in wire and readout styles)
    ("Varga said Nordland's accession to NATO opens new opportunities.", "nato-enlargement"),
    ("Nordland backs Southland's NATO bid.", "nato-enlargement"),
    ("The leaders must be held accountable for the crime of aggression and war crimes.", "war-crimes-accountability"),
    ("They discussed cooperating on reconstruction after the war.", "post-conflict-reconstruction"),
    ("They discussed cooperating on reconstruction in Ukraine.", "ukraine-reconstruction"),
    ("The accession strengthens cooperation in the Nordic-Baltic region and European security.", "european-security"),
    ("The presidents discussed issues of the State Border and border demarcation.", "border-issues"),
    ("The ministers signed an agreement on exemption from visa requirements for holders of diplomatic passports.", "visas"),
    ("They stressed the need for solving disputes through dialogue and peaceful means.", "peaceful-settlement"),
    ("They supported efforts aimed at reducing tensions.", "peaceful-settlement"),
    ("The ministers discussed the implementation of the Minsk agreements and the Normandy format.", "donbas-conflict"),
    ("The ministers recalled the Vienna Document in the light of recent troop movements.", "confidence-building"),
    ("They discussed the progressive path of devolution and constitutional review.", "governance"),
    ("Trade turnover has increased by 30 percent.", "trade"),
    ("Trade-economic cooperation is growing.", "economy-and-trade"),
    ("She thanked Nordland for opening the Consulate General in Port Vale.", "diplomatic-missions"),
    ("The meeting was used to enhance relations between the two countries.", "bilateral-relations"),
    ("They discussed a number of issues of common concern.", "bilateral-relations"),
    ("Southland rejected the interference of the envoy.", "foreign-interference"),
    ("The High-Level Cooperation Council will meet in May.", "joint-commissions"),
    ("They exchanged views on regional and global developments.", "regional-peace-and-stability"),
])
def test_general_topics_of_diplomatic_news(text: str, issue: str) -> None:
    assert issue in issues_of(text)


def test_bare_plural_meetings_and_a_readouts_list_of_issues_give_the_meetings_topics() -> None:
    facts = extract(
        "Foreign Minister Anna Berg met Foreign Minister Tomas Vale of Southland in Vale City on Tuesday.\n\n"
        "Meetings focused on the NATO summit and climate change.\n\n"
        "Other issues included education and unemployment.\n\n"
        "Major issues between the nations include migration.\n",
        published="2031-05-14",
    )
    [meeting] = facts.meetings
    topics = set(meeting.topics)
    assert {"nato", "climate-change", "education", "economic-hardship"} <= topics
    assert "migration" not in topics  # the present tense states the background, not what was discussed


@pytest.mark.parametrize(("text", "issue"), [
    # topics of readouts from publishers in Africa, Europe, Asia and the Middle East (invented names)
    ("Orvak explained the problems of the cabinet formation process.", "government-formation"),
    ("They discussed the governmental crisis in Nordland.", "government-formation"),
    ("Vale received a written message from President Holm.", "messages-and-letters"),
    ("Berg said he would send an open letter to the commission.", "messages-and-letters"),
    ("They discussed cooperation in the automotive industry and car production.", "industry"),
    ("Lind expressed concern over a new wave of anti-Semitism.", "racism-and-intolerance"),
    ("The parties discussed the situation in the media space.", "media-and-information"),
    ("Slovakia will take over the presidency of the Visegrad Four.", "european-regional-formats"),
    ("They also spoke of the ECOWAS summit.", "regional-organizations"),
    ("The talks focused on employment opportunities and trade.", "employment"),
    ("Thousands of troops remain on duty amid tensions.", "regional-peace-and-stability"),
    ("They discussed the border tensions and the clashes.", "border-issues"),
    ("Vale urged the world to stand up to Iranian aggression.", "iran"),
    ("They discussed cooperation in energy, fertilizers and health.", "food-security"),
    ("They talked about agri-science and urban agriculture.", "agriculture"),
    ("Nordland extended a line of credit to Southland.", "financial-cooperation"),
    ("Police dispersed protesters after a state of emergency was declared.", "political-crises"),
    ("They supported the upcoming Geneva talks.", "peacekeeping-and-crisis-management"),
    ("The envoy came to settle the post-election standoff.", "elections"),
    ("Both sides welcomed the tripartite coordination.", "trilateral-frameworks"),
    ("The visit was a step towards overcoming differences.", "peaceful-settlement"),
    ("Both resumed the joint government talks.", "joint-commissions"),
    ("He stressed the war unleashed in the Karabakh war.", "nagorno-karabakh"),
    ("India will cooperate on connectivity, energy and maritime.", "east-asian-maritime-security"),
    ("They discussed the South Asian regional economy.", "economy-and-trade"),
    ("They discussed the recent developments on the regional and international arenas.", "regional-peace-and-stability"),
])
def test_triggers_of_topics_on_unseen_publishers(text: str, issue: str) -> None:
    assert issue in issues_of(text)


def test_a_field_before_a_title_noun_is_a_post_not_a_topic() -> None:
    found = issues_of("Berg met the EU foreign policy chief Anna Lind and the climate envoy Tomas Vale.")
    assert not found & {"regional-peace-and-stability", "climate-change"}
    assert "climate-change" in issues_of("Berg and Vale discussed climate change.")


def test_a_coordinated_modifier_inside_a_longer_trigger_of_another_issue_is_no_mention() -> None:
    found = issues_of("They discussed efforts to achieve a just and lasting peace in Ukraine.")
    assert "peace-in-ukraine" in found and "regional-peace-and-stability" not in found
    assert "regional-peace-and-stability" in issues_of("They discussed ways to establish lasting peace in the region.")


def test_illegal_mining_is_crime_and_a_representatives_portfolio_is_a_post() -> None:
    found = issues_of("The leaders discussed illegal gold mining.")
    assert "terrorism-and-crime" in found and "industry" not in found
    assert "regional-peace-and-stability" not in issues_of(
        "Berg received the High Representative for Foreign and Security Policy, Tomas Vale.")
