"""Several meetings with different people in one story (fictional people, real places): a list
of people met gives one meeting per person; a delegation meeting several people in turn; a
working lunch with named attendees on both sides.

Each test runs the real pipeline on a short hand-written article.
"""

from __future__ import annotations

from etl.model import Article
from etl.read import headline_title
from tests.extract_support import extractor, meetings


def _facts(text: str, published: str):
    return extractor().extract(Article("t", text, title=headline_title(text), published=published))


def _people(got) -> list[list[str]]:
    return sorted(sorted(m[0]) for m in got)


_SIDELINES = (
    "Tarvian FM Meets Counterparts at UN\n\n"
    "ASTANA – Kazakh Foreign Minister Aidos Berikbay held talks with his foreign counterparts to deepen bilateral "
    "cooperation as part of the High-Level week of the 81st session of the UN General Assembly in New York.\n\n"
    "The ministry's press service reported that Berikbay met with the foreign ministers of Spain Lucas Montero, "
    "Latvia Inga Kalnina, and Poland Tomasz Wielicki on Sept. 24.\n\n"
    "Berikbay also met with Moldova’s Foreign Minister Ion Rusnac, Ukraine’s Foreign Minister Taras Hlibko and "
    "Singapore’s Foreign Minister Daniel Teo.\n\n"
    "Prospects for fostering cooperation with the International Labour Organization were discussed with its "
    "Director-General Samuel Okoro.\n"
)


def test_foreign_ministers_named_after_their_countries_are_met_one_by_one() -> None:
    got = meetings(_facts(_SIDELINES, "2031-09-25"))
    dated = [m for m in got if m[3] == "2031-09-24"]
    assert _people(dated) == [["Aidos Berikbay", "Inga Kalnina"], ["Aidos Berikbay", "Lucas Montero"], ["Aidos Berikbay", "Tomasz Wielicki"]]


def test_also_met_with_three_people_gives_three_meetings_at_the_events_place() -> None:
    got = meetings(_facts(_SIDELINES, "2031-09-25"))
    assert ["Aidos Berikbay", "Ion Rusnac"] in _people(got)
    assert ["Aidos Berikbay", "Taras Hlibko"] in _people(got)
    assert ["Aidos Berikbay", "Daniel Teo"] in _people(got)
    assert ["Aidos Berikbay", "Samuel Okoro"] in _people(got)  # "were discussed with": the principal's talks
    assert len(got) == 7
    assert all(m[4] == "New York" for m in got)


def test_two_counterparts_met_at_once_stay_one_meeting() -> None:
    text = (
        "Secretary Marlow meets Japanese, Korean counterparts\n\n"
        "U.S. Secretary of State Ellen Marlow met with Japanese Foreign Minister Aiko Tanabe and South Korean Foreign "
        "Minister Seo Min-jae in Lima on Thursday. Marlow, Tanabe and Seo discussed North Korea."
    )
    got = [m for m in meetings(_facts(text, "2031-11-14")) if m[2] == "held"]
    assert _people(got) == [["Aiko Tanabe", "Ellen Marlow", "Seo Min-jae"]]


def test_a_list_with_the_hosts_own_minister_is_one_meeting() -> None:
    text = (
        "Prior to the talks, South Korean President Han Jae-sook met with Japanese Foreign Minister Kenta Ozawa, "
        "Chinese Foreign Minister Liu Wenbo and South Korean Foreign Minister Baek Sung-ho to discuss regional issues."
    )
    got = [m for m in meetings(_facts(text, "2031-11-01")) if m[2] == "held"]
    assert _people(got) == [["Baek Sung-ho", "Han Jae-sook", "Kenta Ozawa", "Liu Wenbo"]]


def test_a_delegation_meeting_several_people_in_turn_has_its_members_in_each_meeting() -> None:
    text = (
        "President-elect Ruan meets U.S. delegation\n\n"
        "President-elect Ruan Wei-lin met with a U.S. delegation on Monday (Jan. 13), outlining his commitment to peace.\n\n"
        "The U.S. delegation, including former national security adviser Mark Delaney and former deputy secretary of "
        "state Paul Whitcomb, was accompanied by AIT Chair Susan Marsh.\n\n"
        "Additionally, the delegation met with Lin Chia-hao, the mayor of Taichung, Tsai Ming-te, chairman of the "
        "New Power Party, and opposition leader Chen Yu-ting."
    )
    got = [m for m in meetings(_facts(text, "2031-01-14")) if m[2] == "held"]
    delegation = ["Mark Delaney", "Paul Whitcomb", "Susan Marsh"]
    assert _people(got) == sorted(sorted(delegation + [other]) for other in ["Ruan Wei-lin", "Lin Chia-hao", "Tsai Ming-te", "Chen Yu-ting"])


def test_a_working_lunch_has_every_named_attendee() -> None:
    text = (
        "Working lunch with United States delegation\n\n"
        "Foreign Minister Pablo Ferreyra joined President Hugo Castellanos in his meeting with the U.S. Assistant "
        "Secretary of State, Mark Delaney, where they agreed to create a consultation system.\n\n"
        "Also in attendance were the Secretary for Strategic Affairs, Ana Quiroga, and Tomás Ibarra. The U.S. "
        "delegation consisted of the U.S. Ambassador to Argentina, Robert Lane; political advisor Jim Forde; and "
        "advisor Carla Vance, who were also present at the meeting."
    )
    got = [m for m in meetings(_facts(text, "2031-11-05")) if m[2] == "held"]
    assert _people(got) == [sorted(["Pablo Ferreyra", "Hugo Castellanos", "Mark Delaney", "Ana Quiroga", "Tomás Ibarra",
                                     "Robert Lane", "Jim Forde", "Carla Vance"])]


def test_calls_with_ministers_named_by_their_countries_are_one_call_per_country() -> None:
    text = (
        "What did Petrenko discuss with his counterparts?\n\n"
        "On December 20, Russian Foreign Minister Ivan Petrenko and Azerbaijani Foreign Minister Rauf Aliyev had a "
        "telephone conversation on bilateral relations.\n\n"
        "The situation in the region was also discussed on December 20 during telephone conversations between the "
        "Russian Foreign Minister and the Foreign Ministers of Turkey and Iran."
    )
    got = [m for m in meetings(_facts(text, "2031-12-21")) if m[2] == "held"]
    assert ["Iran", "Ivan Petrenko"] in _people(got)
    assert ["Ivan Petrenko", "Turkey"] in _people(got)
    assert all(m[1] == "phone" and m[3] == "2031-12-20" for m in got)


def test_ministers_arriving_to_participate_in_the_talks_and_those_attending_are_the_talks_people() -> None:
    text = (
        "Varga, Holm holding bilateral meeting\n\n"
        "VIENNA, 29 November (Wire) - Hungarian Foreign Minister Lena Varga and Danish Foreign Minister Erik Holm are "
        "holding a bilateral meeting in Vienna after the Danube Four talks.\n\n"
        "As the agency reported, Foreign Ministers Lena Varga, Erik Holm, Tomas Brandt and Jean-Luc Moreau arrived in "
        "Vienna to participate in the talks. Attending were also OSCE special representative Anna Kovacs.\n\n"
        "The agreement to hold the meeting of the Danube Four foreign ministers in November was reached in October."
    )
    got = [m for m in meetings(_facts(text, "2031-11-29")) if m[2] == "held"]
    assert (frozenset({"Lena Varga", "Erik Holm"}), "in-person", "held", "2031-11-29", "Vienna") in got
    talks = [m for m in got if "Jean-Luc Moreau" in m[0]]
    assert len(talks) == 1 and {"Lena Varga", "Erik Holm", "Tomas Brandt", "Anna Kovacs"} <= talks[0][0]
    assert talks[0][3] == "2031-11" and talks[0][4] == "Vienna"


def test_present_at_the_meeting_were_joins_the_courtesy_call_this_was_on_dates_it() -> None:
    text = (
        "New Head of EU Delegation Meets Osei\n\n"
        "The Head of the European Union (EU) Delegation to Ghana, Ambassador Pieter Claes, has paid a courtesy call "
        "on former President Kwame Osei.\n\n"
        "This was on Tuesday at his office in Accra to introduce himself as the new head of the EU Mission.\n\n"
        "Present at the meeting were the party's National Chairman, Kofi Mensah, and General Secretary, Ama Owusu."
    )
    got = [m for m in meetings(_facts(text, "2031-01-30")) if m[2] == "held"]
    assert _people(got) == [["Ama Owusu", "Kofi Mensah", "Kwame Osei", "Pieter Claes"]]
    assert got[0][3] == "2031-01-28"


def test_the_ministers_meeting_agreed_at_a_leaders_meeting_keeps_the_ministers_out_of_it() -> None:
    text = (
        "As the agency reported, Foreign Ministers Lena Varga, Erik Holm and Tomas Brandt arrived in Vienna to "
        "participate in the talks. Attending were also OSCE special representative Anna Kovacs, OSCE envoy Paul Ries, "
        "and OSCE Ambassador Mark Eder.\n\n"
        "The agreement to hold the meeting of the Danube Four foreign ministers in November was reached by Hungarian "
        "President Otto Szabo, Danish Prime Minister Karen Lund and Austrian Chancellor Franz Egger during a meeting "
        "in Berlin on 19 October."
    )
    got = meetings(_facts(text, "2031-11-29"))
    berlin = [m for m in got if m[4] == "Berlin"]
    assert [sorted(m[0]) for m in berlin] == [["Franz Egger", "Karen Lund", "Otto Szabo"]]
    talks = [m for m in got if "Lena Varga" in m[0]]
    assert len(talks) == 1 and {"Anna Kovacs", "Mark Eder", "Tomas Brandt"} <= talks[0][0]


_SUMMIT_ROUND = (
    "PM Dalmo Confers with African Leaders\n\n"
    "Prime Minister Teshome Dalmo has conferred with leaders of various African countries at the sidelines of the "
    "African Union summit in Addis Ababa today.\n\n"
    "Accordingly, Prime Minister Dalmo has held talks with leaders of Kenya, Senegal and Ghana on a wide range of issues.\n\n"
    "Premier Dalmo and Kenyan President, Otieno Wekesa have exchanged views on the implementation of the peace agreement.\n\n"
    "Likewise, Dalmo discussed on bilateral issues with Senegalese President, Mamadou Faye, Ghanaian President Kofi Asante "
    "and Nigerian President Emeka Obi.\n"
)


def test_leaders_of_various_countries_are_met_one_by_one_at_the_leads_place() -> None:
    got = meetings(_facts(_SUMMIT_ROUND, "2031-02-10"))
    assert _people(got) == [["Emeka Obi", "Teshome Dalmo"], ["Kofi Asante", "Teshome Dalmo"],
                            ["Mamadou Faye", "Teshome Dalmo"], ["Otieno Wekesa", "Teshome Dalmo"]]
    assert all(m[3] == "2031-02-10" and m[4] == "Addis Ababa" for m in got)


def test_two_leaders_who_exchanged_views_met() -> None:
    text = ("Leaders meet in Accra\n\n"
            "President Kofi Asante and Senegalese President Mamadou Faye exchanged views on trade in Accra on Monday.\n")
    got = meetings(_facts(text, "2031-03-05"))
    assert _people(got) == [["Kofi Asante", "Mamadou Faye"]]
    assert got[0][3] == "2031-03-03"


def test_exchanged_accusations_is_no_meeting() -> None:
    text = ("Tensions rise\n\n"
            "Ghanaian President Kofi Asante and Senegalese President Mamadou Faye exchanged accusations on Monday.\n")
    assert meetings(_facts(text, "2031-03-05")) == []


def test_a_list_of_titled_people_set_off_by_semicolons_gives_one_meeting_each() -> None:
    text = (
        "Prime Minister on working visit\n\n"
        "Jamaican Prime Minister Delroy Hinds met with US Secretary of Energy Carla Moss at the Pentagon on Tuesday.\n\n"
        "Hinds held meetings with Chair of the House Rules Committee Congressman Peter Vance; Chair of the House "
        "Budget Committee, Congressman Luke Harlow; Chair House Armed Services Committee, Congressman Ned Borek, as well as "
        "US Attorney General Ruth Calloway.\n"
    )
    got = [m for m in meetings(_facts(text, "2031-12-08")) if "Carla Moss" not in m[0]]
    assert len(got) == 4
    assert all(len(m[0]) == 2 and "Delroy Hinds" in m[0] for m in got)
    assert any(any("Vance" in p for p in m[0]) for m in got)
    assert any(any("Calloway" in p for p in m[0]) for m in got)


def test_people_of_a_call_who_also_discussed_tell_the_call_again() -> None:
    text = (
        "Minister Varo's call with Foreign Minister Ilsen\n\n"
        "Foreign Minister Dana Varo of Chile spoke today by phone with Norwegian Foreign Minister Per Ilsen.\n\n"
        "Minister Varo and Minister Ilsen also discussed preparations for the ministerial dialogue in Oslo next month, "
        "and exchanged views on the situation in Myanmar.\n"
    )
    got = meetings(_facts(text, "2031-04-02"))
    assert got == [(frozenset({"Dana Varo", "Per Ilsen"}), "phone", "held", "2031-04-02", None)]


_SERIES = (
    "In Argentina, Varela meets with heads of government\n\n"
    "President Joaquim Varela held a series of bilateral meetings with heads of government, this Tuesday afternoon "
    "(21st), in Buenos Aires, capital of Argentina. The meetings took place on the margins of the regional summit.\n\n"
    "Varela is on a trip to Argentina. Yesterday (20), he had a meeting with the country's president, Mateo Ruiz.\n\n"
    "The first bilateral meeting of the day was with the Prime Minister of Barbados, Alicia Browne.\n\n"
    "Another bilateral meeting of the day took place with the President of the European Council, Lars Vinter.\n"
)


def test_a_series_of_meetings_in_the_lead_dates_and_places_each_one_told() -> None:
    got = sorted(meetings(_facts(_SERIES, "2031-01-22")), key=lambda m: sorted(m[0]))
    assert [(sorted(m[0]), m[3], m[4]) for m in got] == [
        (["Alicia Browne", "Joaquim Varela"], "2031-01-21", "Buenos Aires"),
        (["Joaquim Varela", "Lars Vinter"], "2031-01-21", "Buenos Aires"),
        # its own day (the number in brackets), not the series'; held in the country of the
        # trip the sentence before tells ("is on a trip to Argentina"), with its president
        (["Joaquim Varela", "Mateo Ruiz"], "2031-01-20", "Argentina"),
    ]


_TWO_OTHER = (
    "Varela receives President of Chile at the Palace\n\n"
    "President Joaquim Varela received Chilean President Rosa Ibarra at the Planalto Palace this Wednesday. "
    "On Tuesday, the 2 heads of state participated in the meeting with the presidents of 9 other countries in South America. "
    "Also on Tuesday, Varela held two other bilateral meetings: with the presidents of Argentina, Mateo Ruiz, "
    "and with the president of Guyana, Dev Persaud.\n"
)


def test_two_bilateral_meetings_with_a_and_with_b_are_two_and_the_gathering_of_many_none() -> None:
    got = meetings(_facts(_TWO_OTHER, "2031-05-28"))
    assert _people(got) == [["Dev Persaud", "Joaquim Varela"], ["Joaquim Varela", "Mateo Ruiz"], ["Joaquim Varela", "Rosa Ibarra"]]


def test_a_hyphenated_name_after_the_posts_country_is_a_person() -> None:
    text = ("Varela meets Cuban leader\n\n"
            "Afterwards, Joaquim Varela met with the president of Cuba, Luis Pena-Roque and discussed trade. "
            "Varela also received his counterpart from Colombia, Ana Restrepo Duque, at the Palace.\n")
    facts = _facts(text, "2031-01-25")
    assert {"Luis Pena-Roque", "Ana Restrepo Duque"} <= {a.name for a in facts.actors if a.kind == "Person"}
    assert ["Joaquim Varela", "Luis Pena-Roque"] in _people(meetings(facts))


def test_a_meeting_held_as_a_quote_describes_it_is_a_meeting() -> None:
    text = ("Mbeki receives envoy\n\n"
            "President Thabo Ndlovu on Sunday held what the Office of the President described as \"a positive meeting\" "
            "with Ambassador Grace Akello, the Ugandan President's Special Envoy.\n")
    got = meetings(_facts(text, "2031-12-30"))
    assert [(sorted(m[0]), m[3]) for m in got] == [(["Grace Akello", "Thabo Ndlovu"], "2031-12-28")]


def test_a_quoted_meeting_word_otherwise_is_no_meeting() -> None:
    text = ("Talks doubted\n\n"
            "President Thabo Ndlovu said on Sunday he wanted \"a positive meeting\" with Ambassador Grace Akello.\n")
    assert [m for m in meetings(_facts(text, "2031-12-30")) if m[2] == "held"] == []


def test_engaged_a_counterpart_then_discussed_over_the_phone_is_a_call() -> None:
    text = (
        "Minister, counterpart discuss issues\n\n"
        "The Minister of Foreign Affairs of Ghana, Kwame Boateng, yesterday, engaged his Canadian counterpart, Ellen Marsh, "
        "on bilateral and multilateral issues.\n\n"
        "Boateng further said that the issues were discussed over the phone and the deliberations were fruitful.\n"
    )
    got = meetings(_facts(text, "2031-09-03"))
    assert got == [(frozenset({"Kwame Boateng", "Ellen Marsh"}), "phone", "held", "2031-09-02", None)]


def test_lined_up_for_a_meeting_is_planned() -> None:
    text = ("Minister arrives in Washington\n\n"
            "Among the leaders lined up for a meeting with Foreign Minister Kwame Boateng of Ghana is U.S. Secretary of "
            "State Ellen Marsh.\n")
    got = meetings(_facts(text, "2031-01-30"))
    assert got and all(m[2] == "planned" for m in got)


def test_a_country_by_its_official_name_and_those_in_attendance() -> None:
    text = (
        "Ghana, Togo hold talks\n\n"
        "In a related development, Senegal and the Republic of Togo met yesterday in Dakar.\n\n"
        "Those in attendance were Togolese Minister of Trade, Hon. Koffi Agbeko, who led the delegation, and the "
        "Togolese Deputy Minister of Foreign Affairs, Hon. Yawa Mensah.\n"
    )
    got = [m for m in meetings(_facts(text, "2031-09-03")) if m[2] == "held"]
    assert [(sorted(m[0]), m[3], m[4]) for m in got] == [(["Koffi Agbeko", "Senegal", "Togo", "Yawa Mensah"], "2031-09-02", "Dakar")]


def test_a_national_papers_federal_government_is_its_country() -> None:
    text = ("Officials hold talks\n\n"
            "In a related development, the Federal Government and the Republic of Togo met yesterday in Abuja where both "
            "countries engaged on bilateral issues.\n\nNigeria has long sought closer trade ties with Togo.\n")
    facts = extractor().extract(Article("t", text, title=headline_title(text), published="2031-09-03", source="The Morning Post (Nigeria)"))
    got = [m for m in meetings(facts) if m[2] == "held"]
    assert [(sorted(m[0]), m[3], m[4]) for m in got] == [(["Nigeria", "Togo"], "2031-09-02", "Abuja")]
    bare = [m for m in meetings(_facts(text, "2031-09-03")) if m[2] == "held"]
    assert all("Nigeria" not in m[0] for m in bare)  # no publisher: whose government is unsaid


def test_the_guests_thanks_for_receiving_me_at_a_place_places_the_meeting() -> None:
    text = ("Ndlovu receives envoy\n\n"
            "President Thabo Ndlovu on Sunday met Ambassador Grace Akello, the Ugandan President's Special Envoy.\n\n"
            "Ambassador Akello said, \"thank you President Thabo Ndlovu for warmly receiving me at Mahlamba Ndlopfu this "
            "evening where I delivered a message.\"\n")
    got = meetings(_facts(text, "2031-12-30"))
    assert len(got) == 1 and got[0][4] is not None and "Mahlamba" in got[0][4]


def test_talks_with_the_leaders_of_three_countries_away_from_a_summit_stay_one() -> None:
    text = ("President holds talks on Iran\n\n"
            "French President Luc Moreau, German Chancellor Anna Vogt and British Prime Minister Tom Hale flew in on Sunday.\n\n"
            "President Ellen Marsh held talks with the leaders of France, Germany and Britain on Monday.\n")
    got = [m for m in meetings(_facts(text, "2031-03-05")) if m[2] == "held"]
    assert len(got) == 1 and {"Ellen Marsh", "Luc Moreau", "Anna Vogt", "Tom Hale"} <= got[0][0]


def test_two_leaders_who_discussed_it_several_times_give_no_meeting() -> None:
    text = ("Border dispute drags on\n\n"
            "Ghanaian President Kofi Asante and Senegalese President Mamadou Faye have discussed the border several times.\n\n"
            "Asante and Faye have repeatedly discussed the dispute.\n")
    assert meetings(_facts(text, "2031-03-05")) == []


def test_meetings_with_a_semicolon_list_the_parser_makes_objects_of_the_verb() -> None:
    text = ("Minister holds meetings\n\n"
            "Foreign Minister Dana Varo of Chile held meetings with Norwegian Foreign Minister Erik Ilsen; Danish Foreign "
            "Minister Lars Holm; and Finnish Foreign Minister Aino Virta in Oslo on Monday.\n")
    got = meetings(_facts(text, "2031-04-02"))
    assert _people(got) == [["Aino Virta", "Dana Varo"], ["Dana Varo", "Erik Ilsen"], ["Dana Varo", "Lars Holm"]]
    assert all(m[3] == "2031-03-31" and m[4] == "Oslo" for m in got)


def test_foreign_ministers_from_countries_who_took_part_in_the_event_are_its_sides() -> None:
    text = (
        "Secretary meets regional ministers\n\n"
        "Secretary of State Ellen Marsh on Wednesday met virtually with foreign ministers from the Pacific Islands Forum "
        "member states.\n"
        "Foreign ministers from Fiji, Samoa, Tonga and Vanuatu participated in the event, along with Palau's Minister of "
        "State.\n"
        "Fiji's Minister of Foreign Affairs, Ratu Seru Vunivalu, said the meeting was useful.\n"
    )
    got = [m for m in meetings(_facts(text, "2031-04-23")) if m[2] == "held"]
    assert len(got) == 1
    assert {"Ellen Marsh", "Samoa", "Tonga", "Vanuatu", "Palau"} <= got[0][0]
    assert got[0][1] == "video" and got[0][3] == "2031-04-23"


def test_a_meeting_told_apart_from_a_scheduled_one_is_planned_too() -> None:
    text = ("PM at the summit\n\n"
            "Prime Minister Ravi Menon is scheduled to hold talks with Prime Minister Tom Hale, apart from holding a "
            "meeting with the host country's president Ana Lopes on Wednesday.\n")
    got = meetings(_facts(text, "2031-11-15"))
    assert got and all(m[2] == "planned" for m in got)
    lopes = [m for m in got if "Ana Lopes" in m[0]]
    assert lopes and lopes[0][3] in (None, "2031-11-19")
_COLLEAGUES = (
    "The Minister of Foreign Affairs, Marta Coll, once again held meetings with her colleagues from Azerbaijan and "
    "Armenia on Wednesday, during the Summit of the Council of Europe, held in Reykjavik.\n\n"
    "On her account, Coll said that she and Azerbaijani Foreign Minister Rauf Aliyar had agreed to strengthen relations.\n\n"
    "With regard to Armenian Foreign Minister Tigran Vardan, Coll said that they also discussed trade."
)


def test_meetings_with_colleagues_from_two_countries_are_one_with_each() -> None:
    got = meetings(_facts(_COLLEAGUES, "2031-05-19"))
    assert sorted((sorted(m[0]), m[3], m[4]) for m in got) == [
        (["Marta Coll", "Rauf Aliyar"], "2031-05-14", "Reykjavik"),
        (["Marta Coll", "Tigran Vardan"], "2031-05-14", "Reykjavik"),
    ]


def test_cabinet_colleagues_are_no_counterparts() -> None:
    text = (
        "Prime Minister Arno Veld met his cabinet colleagues on Monday to discuss the budget.\n\n"
        "Finance Minister Lena Brandt and Foreign Minister Kees Roos attended."
    )
    assert meetings(_facts(text, "2031-05-19")) == []


def test_colleagues_of_no_country_named_are_not_the_articles_ministers() -> None:
    text = (
        "Prime Minister Arno Veld met his European colleagues on Monday in Brussels.\n\n"
        "Foreign Minister Kees Roos of the Netherlands and Foreign Minister Rauf Aliyar of Azerbaijan also spoke."
    )
    assert meetings(_facts(text, "2031-05-19")) == []


def test_a_city_and_its_country_in_brackets_are_one_place() -> None:
    text = (
        "Foreign Minister Marta Coll held talks with Foreign Minister Rauf Aliyar on Wednesday in Reykjavik.\n\n"
        "They had already met a year ago, when they met in Turin (Italy), at the Committee of Ministers."
    )
    got = meetings(_facts(text, "2031-05-19"))
    assert not any(m[4] == "Italy" for m in got)


_HOSTED = (
    "International ministerial meeting in Oslo on the war in Gaza\n\n"
    "Today, Foreign Minister Karl Aasen hosted a high-level meeting on the crisis in Gaza. "
    "In addition to the Qatari Prime Minister and the foreign ministers of Jordan and Egypt, the foreign ministers "
    "of Denmark, Sweden and Belgium took part. Finland was represented at state secretary level.\n\n"
    "The participants agreed on the need for peace."
)


def test_a_hosted_meeting_takes_the_sides_the_next_sentences_say_took_part() -> None:
    got = meetings(_facts(_HOSTED, "2031-12-15"))
    assert got == [(frozenset({"Karl Aasen", "Qatar", "Jordan", "Egypt", "Denmark", "Sweden", "Belgium", "Finland"}),
                    "in-person", "held", "2031-12-15", "Oslo")]


def test_taking_part_in_another_event_adds_no_one() -> None:
    text = (
        "Today, Foreign Minister Karl Aasen hosted a high-level meeting on the crisis in Gaza.\n\n"
        "The foreign ministers of Denmark and Sweden took part in a conference in Rome last week."
    )
    assert meetings(_facts(text, "2031-12-15")) == []


_PROGRAMME_TEXT = (
    "Austrian Foreign Minister in Paris\n\n"
    "Published: March 17, 2031; 12:44\n\n"
    "Austria's Foreign Minister Lukas Hofer traveled to Paris for working talks to strengthen relations. "
    "There was also the first bilateral meeting between Hofer and France's Foreign Minister Claire Dumas.\n\n"
    "Other items on the program included a working meeting with the Executive Director of the International "
    "Energy Agency Marco Bellini, an exchange with members of the Foreign Policy Committee of the Senate and a "
    "meeting with members of the Austrian-French Center."
)


def test_items_of_the_programme_are_the_principals_meetings() -> None:
    got = meetings(_facts(_PROGRAMME_TEXT, "2031-03-17"))
    assert sorted(sorted(m[0]) for m in got) == [
        ["Austrian-French Center", "Lukas Hofer"],
        ["Claire Dumas", "Lukas Hofer"],
        ["Foreign Policy Committee", "Lukas Hofer"],
        ["Lukas Hofer", "Marco Bellini"],
    ]


def test_an_exchange_of_prisoners_is_no_meeting() -> None:
    text = "Ukraine carried out an exchange of prisoners with Russia on Monday, and a trade exchange with Poland grew."
    assert meetings(_facts(text, "2031-03-17")) == []


def test_a_meeting_with_a_group_of_ministers_takes_the_countries_that_participated() -> None:
    text = (
        "U.S. recommits to security in the Caribbean region\n\n"
        "Secretary of State Ellen Marlow on Wednesday met virtually with foreign ministers from the Caribbean Community "
        "member states to demonstrate commitment to the region.\n\n"
        "Foreign ministers from Barbados, Belize, Grenada and Jamaica participated in the event, along with the Minister "
        "of State for Foreign Affairs of Haiti.\n\n"
        "The statement noted that Secretary Marlow emphasized the strong partnership."
    )
    got = meetings(_facts(text, "2031-04-22"))
    assert got == [(frozenset({"Ellen Marlow", "Barbados", "Belize", "Grenada", "Jamaica", "Haiti"}), "video", "held", "2031-04-16", None)]


def test_a_hosted_meeting_takes_those_who_also_attended() -> None:
    text = (
        "Gaza talks\n\n"
        "Foreign Minister Karl Aasen hosted a meeting on Gaza in Oslo on Friday. Foreign Minister Omar Haddad of Jordan also attended."
    )
    assert meetings(_facts(text, "2031-12-15")) == [(frozenset({"Karl Aasen", "Omar Haddad"}), "in-person", "held", "2031-12-12", "Oslo")]


def test_attending_something_else_is_not_attending_the_hosted_meeting() -> None:
    text = (
        "Gaza talks\n\n"
        "Foreign Minister Karl Aasen hosted a meeting on Gaza in Oslo on Friday. Foreign Minister Omar Haddad of Jordan attended a wedding."
    )
    assert meetings(_facts(text, "2031-12-15")) == []


def test_a_hosted_meeting_attended_by_the_ministers_of_countries() -> None:
    for text in (
        "Ministers meet\n\nForeign Minister Karl Aasen hosted a ministerial meeting in Oslo on Monday, attended by the foreign ministers of Portugal, Spain and Italy.",
        "Ministers meet\n\nForeign Minister Karl Aasen hosted a meeting of foreign ministers in Oslo on Monday. It was attended by the foreign ministers of Portugal, Spain and Italy.",
    ):
        assert meetings(_facts(text, "2031-04-08")) == [(frozenset({"Karl Aasen", "Portugal", "Spain", "Italy"}), "in-person", "held", "2031-04-07", "Oslo")]


def test_what_the_agenda_includes_is_not_yet_a_meeting_held() -> None:
    text = (
        "Minister visits Lisbon\n\nForeign Minister Karel Domm traveled to Lisbon on Monday for talks.\n\n"
        "The agenda includes a meeting with the Council of Ministers."
    )
    assert meetings(_facts(text, "2031-04-08")) == []
