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
