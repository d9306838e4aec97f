"""Person names: one normal form per person, and the cases that must stay apart.

String rules (etl.extract.names) first, then the same rules on real parses of made-up
sentences (etl.extract.actors with the spaCy model): spans, grouping, labels and keys.
"""

from __future__ import annotations

import pytest

from etl.extract.names import given_compatible, parse, preferred, same_person, strip_honorifics, strip_possessive
from etl.model import Article


# ---------------------------------------------------------------- normal forms

@pytest.mark.parametrize("written, label", [
    # given name first stays
    ("Antony Blinken", "Antony Blinken"),
    # family name in capitals, either place
    ("KISHIDA Fumio", "Fumio Kishida"),
    ("Fumio KISHIDA", "Fumio Kishida"),
    ("HAYASHI Yoshimasa", "Yoshimasa Hayashi"),
    # Japanese family-first by the family-name data
    ("Abe Shinzo", "Shinzo Abe"),
    ("Ishiba Shigeru", "Shigeru Ishiba"),
    ("Yamada Taro", "Taro Yamada"),
    ("Sato Keiko", "Keiko Sato"),
    # ... but not a given-first Japanese name
    ("Kenji Arakawa", "Kenji Arakawa"),
    ("Haruka Nishimori", "Haruka Nishimori"),
    # Korean, Chinese and Vietnamese names stay as written
    ("Park Jin", "Park Jin"),
    ("Xi Jinping", "Xi Jinping"),
    ("XI Jinping", "Xi Jinping"),
    ("Kang Kyung-wha", "Kang Kyung-wha"),
    ("Yoon Suk Yeol", "Yoon Suk Yeol"),
    ("KIM KI-WOONG", "Kim Ki-woong"),
    ("Nguyen Van Thanh", "Nguyen Van Thanh"),
    # particles belong to the family name
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("URSULA VON DER LEYEN", "Ursula von der Leyen"),
    ("Ramon Dela Vega", "Ramon Dela Vega"),
    # middle initials are dropped from the usual name, suffixes kept
    ("Antony J. Blinken", "Antony Blinken"),
    ("Margaret T. Ellison", "Margaret Ellison"),
    ("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr."),
    ("Ferdinand Marcos Jr", "Ferdinand Marcos Jr."),
    # a transcript's capitals
    ("ANTHONY ALBANESE", "Anthony Albanese"),
    ("O'BRIEN", "O'Brien"),
])
def test_label_is_the_usual_name(written, label):
    assert parse(written).label() == label


@pytest.mark.parametrize("written, family, given", [
    ("KISHIDA Fumio", "Kishida", "Fumio"),
    ("Park Jin", "Park", "Jin"),
    ("Ursula von der Leyen", "von der Leyen", "Ursula"),
    ("Dela Vega", "Dela Vega", ""),
    ("von der Leyen", "von der Leyen", ""),
    ("Antony J. Blinken", "Blinken", "Antony"),
    ("Kim Jong Un", "Kim", "Jong Un"),
])
def test_family_and_given_names(written, family, given):
    name = parse(written)
    assert (name.family, name.given) == (family, given)


def test_the_caller_may_say_where_the_family_name_is():
    # an article that also writes "Minister Nishimori": the family name is first
    assert parse("Nishimori Haruka", family_at="first").label() == "Haruka Nishimori"
    assert parse("Nishimori Haruka").label() == "Nishimori Haruka"


@pytest.mark.parametrize("written, bare", [
    ("the Honorable Ramon Dela Vega", "Ramon Dela Vega"),
    ("The Honourable Jane Doe", "Jane Doe"),
    ("H.E. Mr. XI Jinping", "XI Jinping"),
    ("Mr. Abe", "Abe"),
    ("Mr Peters", "Peters"),
    ("Dr. Jill Biden", "Jill Biden"),
    ("Dr Jill Biden", "Jill Biden"),
    ("His Excellency Tomas Vale", "Tomas Vale"),
    ("Sir Keir Starmer", "Keir Starmer"),
    # not an honorific: a name that starts like one
    ("Mrsa Tolan", "Mrsa Tolan"),
    ("Drew Tolan", "Drew Tolan"),
    ("Mr", "Mr"),
])
def test_honorifics_are_not_part_of_the_name(written, bare):
    assert strip_honorifics(written) == bare


@pytest.mark.parametrize("written, bare", [("Doe’s", "Doe"), ("Doe's", "Doe"), ("Peters'", "Peters"), ("Peters’", "Peters"), ("Doe", "Doe")])
def test_possessives_are_not_part_of_the_name(written, bare):
    assert strip_possessive(written) == bare


# ---------------------------------------------------------------- one person or two

@pytest.mark.parametrize("a, b", [
    ("KISHIDA Fumio", "Fumio Kishida"),
    ("Abe Shinzo", "Shinzo Abe"),
    ("Antony J. Blinken", "Antony Blinken"),
    ("Tony Blinken", "Antony Blinken"),
    ("Jim Mattis", "James N. Mattis"),
    ("Bill Harlow", "William Harlow"),
    ("Joe Brandt", "Joseph Brandt"),
    ("Kim Kiwoong", "Kim Ki-woong"),
    ("Kim Min Jae", "Kim Min-jae"),
    ("Tarō Kōno", "Taro Kono"),
    ("J. Smithers", "John Smithers"),
])
def test_forms_of_one_person_match(a, b):
    assert same_person(parse(a), parse(b))
    assert same_person(parse(b), parse(a))


@pytest.mark.parametrize("a, b", [
    # middle initials that tell two people apart
    ("George H. W. Bush", "George W. Bush"),
    # a suffix tells a son from his father
    ("Ferdinand Marcos", "Ferdinand Marcos Jr."),
    ("John Smith Jr.", "John Smith Sr."),
    # a shared family name is not a person
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Park Jin", "Park Geun-hye"),
    ("Lee Jae-myung", "Lee Nak-yon"),
    ("Wang Yi", "Wang Wenbin"),
    # different given names, also short forms of different names
    ("Antony Blinken", "Anthony Blinken"),
    ("Jim Mattis", "John Mattis"),
    ("J. Smithers", "Robert Smithers"),
])
def test_different_people_do_not_match(a, b):
    assert not same_person(parse(a), parse(b))


@pytest.mark.parametrize("a, b, ok", [("Jim", "James", True), ("Ki-woong", "Kiwoong", True), ("Min Jae", "Min-jae", True),
                                       ("J.", "James", True), ("J.", "Antony", False), ("Tony", "Anthony", True),
                                       ("Bob", "William", False), ("", "Anyone", True)])
def test_given_names(a, b, ok):
    assert given_compatible(a, b) is ok


def test_preferred_spelling_does_not_depend_on_order():
    forms = ["Kim Min Jae", "Kim Min-jae"]
    assert preferred(forms) == preferred(list(reversed(forms))) == "Kim Min-jae"
    assert preferred(["Jose Faustino", "José Faustino"]) == "José Faustino"
    with pytest.raises(ValueError):
        preferred([])


# ---------------------------------------------------------------- in an article (real parses)

@pytest.fixture(scope="module")
def extractor():
    from etl.pipeline import Extractor

    return Extractor()


def people(extractor, text: str, published: str | None = "2031-05-14") -> dict[str, tuple[str, list[str]]]:
    facts = extractor.extract(Article(id="x", text=text, published=published))
    return {a.key: (a.name, a.forms) for a in facts.actors if a.kind == "Person"}


def labels(extractor, text: str, published: str | None = "2031-05-14") -> set[str]:
    return {name for name, _ in people(extractor, text, published).values()}


@pytest.mark.parametrize("text, expected", [
    # a headline's possessive ends the name; the body names the person in full
    ("Secretary Doe’s Meeting with Foreign Minister Tanvik\n\nSecretary of State Jane Doe met Foreign Minister "
     "Arjun Tanvik of Nordland in Washington on Tuesday. Doe said the talks were useful.",
     {"Jane Doe", "Arjun Tanvik"}),
    # a readout names its principal only in the headline, the body by the bare title
    ("Readout of Secretary Doe’s Call with Foreign Minister Tanvik\n\nThe Secretary and Foreign Minister Arjun "
     "Tanvik of Nordland spoke today. The Secretary raised fisheries.", {"Doe", "Arjun Tanvik"}),
    # ... but not where the body names another holder of that title
    ("Secretary Doe’s Call with Foreign Minister Tanvik\n\nSecretary Ana Ruiz and Foreign Minister Arjun "
     "Tanvik of Nordland spoke today. The Secretary raised fisheries.", {"Ana Ruiz", "Arjun Tanvik"}),
    # a Title Case headline is no person
    ("Koreas Agree to Hold Talks Next Month\n\nThe two Koreas agreed on Thursday to hold talks, the ministry said.", set()),
    ("Opening Remarks - Bilateral Meeting with Prime Minister Tomas Vale\n\nPRIME MINISTER ANNA BERG: Thank you.",
     {"Tomas Vale", "Anna Berg"}),
    # particles, middle initials, three-part Korean names, a trailing title
    ("Commission President Ursula von der Leyen met President Moon Jae-in. President von der Leyen said the talks went well.",
     {"Ursula von der Leyen", "Moon Jae-in"}),
    ("Secretary Antony J. Blinken met Foreign Minister Park Jin and President Yoon Suk Yeol in Seoul.",
     {"Antony Blinken", "Park Jin", "Yoon Suk Yeol"}),
    ("September 28, 2030 Prime Minister Rin Okabe - Premier Zhao Lianfeng\n\nThe two leaders met in Beijing.",
     {"Rin Okabe", "Zhao Lianfeng"}),
    # family name first in capitals and by the article's other forms
    ("Prime Minister OKABE Rin held a telephone talk with Prime Minister Tomas Vale. Prime Minister Okabe said the call was useful.",
     {"Rin Okabe", "Tomas Vale"}),
    ("Foreign Minister Nishimori Haruka met Foreign Minister Anna Berg. Minister Nishimori thanked her.",
     {"Haruka Nishimori", "Anna Berg"}),
    # honorifics
    ("The Honorable Ramon Dela Cruz met Mr. Tomas Vale on Monday. Secretary Dela Cruz said they discussed trade.",
     {"Ramon Dela Cruz", "Tomas Vale"}),
    # names the model misses before an appositive title
    ("The Honourable Mélodie Jarry, Minister of Foreign Affairs, today spoke with Tomas Vale, Australia’s Minister "
     "for Foreign Affairs.", {"Mélodie Jarry", "Tomas Vale"}),
    # a headline verb after a title is no name
    ("Nordland Foreign Minister Visits Australia\n\nForeign Minister Anna Berg of Nordland arrived in Canberra on Monday.",
     {"Anna Berg"}),
    # an apostrophe inside a transliterated name, and "al-"
    ("President Tomas Vale spoke with Prime Minister Ahmad Rafi' al-Karimi of Iraq on Friday.", {"Tomas Vale", "Ahmad Rafi' al-Karimi"}),
    # a given name used alone does not turn the name around
    ("The Prime Minister raised the case of Harry Dunwell, and the need to secure justice for Harry.", {"Harry Dunwell"}),
    # a storm is no person
    ("Prime Minister Tomas Vale thanked Nordland for its help after Cyclone Harold struck the islands.", {"Tomas Vale"}),
])
def test_people_of_an_article(extractor, text, expected):
    assert labels(extractor, text) == expected


def test_two_spellings_in_one_article_are_one_person_with_both_forms(extractor):
    found = people(extractor, "South Korea's chief delegate Kim Kiwoong met North Korea's Ri Chol on Monday. "
                              "Chief negotiator Kim Ki-woong told reporters that the talks went well.")
    assert found["kim-ki-woong"][0] == "Kim Ki-woong"
    assert {"Kim Kiwoong", "Kim Ki-woong"} <= set(found["kim-ki-woong"][1])
    assert "kim-kiwoong" not in found


def test_same_family_name_different_people_stay_apart(extractor):
    found = labels(extractor, "Kim Jong Un met his sister Kim Yo Jong and Foreign Minister Kim Min-jae in Pyongyang. "
                              "Kim said the meeting was productive.")
    assert {"Kim Jong Un", "Kim Yo Jong", "Kim Min-jae"} <= found


def test_father_and_son_stay_apart(extractor):
    found = labels(extractor, "President Tomas Vale Jr. laid a wreath for his father, Tomas Vale, in Vale City on Monday.")
    assert {"Tomas Vale Jr.", "Tomas Vale"} <= found


def test_a_family_name_alone_with_a_title_is_a_person_of_its_own(extractor):
    found = people(extractor, "Former Prime Ministers Harlow, Brandt and Okonkwo attended the funeral in Vale City.")
    assert {name for name, _ in found.values()} == {"Harlow", "Brandt", "Okonkwo"}
    # keyed to this article: a surname is no identity across articles
    assert all(key.startswith(name.lower() + "-") and key != name.lower() for key, (name, _) in found.items())


def test_gazetteer_name_wins_and_a_post_identifies_a_family_name(extractor):
    # the officials table: Antony Blinken, Secretary of State 2021-2025
    found = people(extractor, "Secretary Blinken met Foreign Minister Tanvik of Nordland in Washington on Tuesday.", "2022-07-08")
    assert found["antony-blinken"][0] == "Antony Blinken"
    assert found["antony-blinken"][1] == ["Blinken"]
    # the same words in 2012: another Secretary of State, so no Blinken
    assert "antony-blinken" not in people(extractor, "Secretary Blinken met Foreign Minister Tanvik of Nordland in Washington.", "2012-07-08")


def test_keys_are_the_same_in_every_article(extractor):
    a = people(extractor, "KISHIDA Fumio, Prime Minister of Japan, spoke with Tomas Vale by telephone.")
    b = people(extractor, "Japanese Prime Minister Fumio Kishida met Tomas Vale in Tokyo on Monday.")
    assert set(a) == set(b) == {"fumio-kishida", "tomas-vale"}


def test_a_family_name_alone_is_the_official_then_in_office(extractor):
    # the officials table: Vladimir Putin, president of Russia since 2012
    found = people(extractor, "The ministers agreed on ensuring Putin fails in this war.", "2023-05-02")
    assert found == {"vladimir-putin": ("Vladimir Putin", ["Putin"])}
    # no official of that name in office then: not a person (no title says so)
    assert people(extractor, "The ministers agreed on ensuring Putin fails in this war.", "2005-05-02") == {}
    # and a family name nobody holds stays nobody
    assert people(extractor, "The ministers agreed on ensuring Harlow fails.", "2023-05-02") == {}


@pytest.mark.parametrize("text, published, expected", [
    # the officials table: Bongbong Marcos (alias Ferdinand Marcos Jr.), President of the Philippines from 2022
    ("President Ferdinand Marcos met Prime Minister Tomas Vale in Manila on Monday.", "2023-05-02", {"bongbong-marcos", "tomas-vale"}),
    # the article tells son and father apart by the suffix
    ("President Ferdinand Marcos Jr. laid a wreath for his father, former President Ferdinand Marcos, in Manila.",
     "2023-05-02", {"bongbong-marcos", "ferdinand-marcos"}),
    # a former president of that name is not the one in office
    ("Former President Ferdinand Marcos was ousted in 1986, the minister said.", "2023-05-02", {"ferdinand-marcos"}),
    # before the son's term: not him
    ("President Ferdinand Marcos met Prime Minister Tomas Vale in Manila on Monday.", "2019-05-02", {"ferdinand-marcos", "tomas-vale"}),
    # middle initials: John J. Sullivan and Jake Sullivan are two officials of the table
    ("Deputy Secretary of State John Sullivan met National Security Advisor Jake Sullivan.", "2021-03-02",
     {"john-j-sullivan", "jake-sullivan"}),
])
def test_the_gazetteer_the_post_and_the_date_decide_suffixes_and_initials(extractor, text, published, expected):
    assert set(people(extractor, text, published)) == expected


def test_a_posts_abbreviation_after_a_name_is_no_part_of_it() -> None:
    from tests.extract_support import extract, roles
    facts = extract("Deputy Prime Minister and Minister for trade Manoa Kamikamica DPM will serve as Acting Prime Minister.",
                    published="2031-05-13")
    assert {a.name for a in facts.actors if a.kind == "Person"} == {"Manoa Kamikamica"}
    assert {r[1] for r in roles(facts)} == {"Deputy Prime Minister", "Minister for trade"}
