"""The workbench's JSON routes (network, meetings of an edge, timeline, labels, vocabulary)
through Flask's test client, over the store of the ingested seeds."""

from __future__ import annotations

import re

import pytest

from server import create_app
from server.explore.timeline import span
from tests.fixtures_pages import seed_config  # noqa: F401

ID = "https://w3id.org/diplokg/id/"


@pytest.fixture(scope="module")
def client(seed_config):
    return create_app(seed_config).test_client()


def test_network_nodes_are_participants_and_edges_count_shared_meetings(client, seed_config):
    from diplokg.store import open_store
    data = client.get("/explore/network.json").get_json()
    nodes = {n["id"]: n for n in data["nodes"]}
    with open_store(seed_config, writable=False) as store:
        rows = store.query(f"""PREFIX dkg: <https://w3id.org/diplokg/ontology#>
            SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {{
              ?m a dkg:Meeting ; dkg:participant ?a, ?b
              FILTER(STR(?a) < STR(?b) && STRSTARTS(STR(?a), "{ID}actor/") && STRSTARTS(STR(?b), "{ID}actor/")) }}
            GROUP BY ?a ?b""").rows()
        expected = {(str(a), str(b)): int(n) for a, b, n in rows}
    assert {(e["from"], e["to"]): e["meetings"] for e in data["edges"]} == expected
    assert nodes[ID + "actor/toshimitsu-motegi"]["label"] == "Toshimitsu Motegi"
    assert nodes[ID + "actor/toshimitsu-motegi"]["kind"] == "person"
    assert nodes[ID + "actor/toshimitsu-motegi"]["href"] == "/id/actor/toshimitsu-motegi"
    assert nodes[ID + "actor/japan"]["kind"] == "country"
    assert not any(i.startswith("http://www.wikidata.org/") for i in nodes)  # no owl:sameAs copies
    assert data["actors"] == len(nodes)


def test_network_filters_narrow_it(client, seed_config):
    from diplokg.store import open_store
    everything = client.get("/explore/network.json").get_json()
    by_issue = client.get("/explore/network.json?issue=/id/issue/indo-pacific").get_json()
    assert 0 < len(by_issue["edges"]) < len(everything["edges"])
    with open_store(seed_config, writable=False) as store:
        rows = store.query(f"""PREFIX dkg: <https://w3id.org/diplokg/ontology#>
            SELECT DISTINCT ?label WHERE {{
              ?m a dkg:Meeting ; dkg:topic <{ID}issue/indo-pacific> ; dkg:participant ?a, ?b .
              ?a rdfs:label ?label . FILTER(?a != ?b) }}""").rows()
        expected = {str(label) for (label,) in rows}
    assert {"Toshimitsu Motegi", "Antony Blinken"} <= expected
    assert {n["label"] for n in by_issue["nodes"]} == expected
    korea = client.get("/explore/network.json?country=/id/actor/south-korea").get_json()
    assert "Cho Tae-yul" in {n["label"] for n in korea["nodes"]}
    assert "Kim Jong Un" not in {n["label"] for n in korea["nodes"]}
    dated = client.get("/explore/network.json?from=2020-07&to=2020-07").get_json()
    assert {n["label"] for n in dated["nodes"]} >= {"Toshimitsu Motegi", "Stephen Biegun"}
    assert "Antony Blinken" not in {n["label"] for n in dated["nodes"]}  # his call with Motegi is undated
    few = client.get("/explore/network.json?limit=3").get_json()
    assert len(few["nodes"]) == 3 and few["actors"] == everything["actors"]
    kept = {n["id"] for n in few["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in few["edges"])


@pytest.mark.parametrize("query,message", [
    ("from=2020-7", "from must be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    ("from=2024&to=2020", "the date range ends (2020) before it starts (2024)"),
    ("issue=/id/actor/japan", "issue must name an instance (/id/issue/...)"),
    ("country=http://example.org/x", "country must name an instance (/id/actor/...)"),
    ("country=/id/actor/x> } SELECT", "country must name an instance"),
    ("limit=100000", "limit must be a whole number from 2 to 1000"),
])
def test_bad_filters_are_400_with_one_line(client, query, message):
    response = client.get("/explore/network.json?" + query)
    assert response.status_code == 400
    assert response.get_json()["error"].startswith(message)


def test_meetings_of_an_edge_come_with_their_evidence(client):
    data = client.get("/explore/meetings.json?a=/id/actor/toshimitsu-motegi&b=/id/actor/stephen-biegun").get_json()
    assert data["a"]["label"] == "Toshimitsu Motegi" and data["b"]["label"] == "Stephen Biegun"
    [meeting] = data["meetings"]
    assert meeting["date"] == "2020-07-10" and meeting["place"] == "Tokyo" and meeting["mode"] == "in person"
    assert meeting["href"].startswith("/id/meeting/")
    assert any("In a meeting in Tokyo" in e["exact"] for e in meeting["evidence"])
    assert all(e["href"].startswith("/id/article/") and "#char=" in e["href"] for e in meeting["evidence"])
    assert client.get("/explore/meetings.json?a=/id/actor/japan").status_code == 400


def dated_facts(config, person: str) -> list[tuple[str, str]]:
    """(kind, date) of the person's dated meetings and statements, straight from the store."""
    from diplokg.store import open_store
    with open_store(config, writable=False) as store:
        rows = store.query(f"""PREFIX dkg: <https://w3id.org/diplokg/ontology#>
            SELECT ?kind ?date WHERE {{
              {{ ?f a dkg:Meeting ; dkg:participant <{person}> ; dkg:date ?date BIND("meeting" AS ?kind) }}
              UNION {{ ?f a dkg:Statement ; dkg:speaker <{person}> ; dkg:date ?date BIND("statement" AS ?kind) }}
            }}""").rows()
        return sorted((str(kind), str(date)) for kind, date in rows)


def test_timeline_of_a_person_keeps_undated_facts_apart(client, seed_config):
    data = client.get("/explore/timeline.json?person=/id/actor/toshimitsu-motegi").get_json()
    expected = dated_facts(seed_config, ID + "actor/toshimitsu-motegi")
    assert ("meeting", "2020-07-10") in expected
    assert sorted((i["kind"], i["date"]) for i in data["items"]) == expected
    assert all(i["precision"] == "day" for i in data["items"] if len(i["date"]) == 10)
    assert {i["kind"] for i in data["undated"]} == {"meeting", "statement"}
    assert all(i["start"] is None and i["date"] is None for i in data["undated"])
    assert any(i["label"].startswith("Phone call of Toshimitsu Motegi and Antony Blinken") for i in data["undated"])


def test_timeline_of_a_country_spans_what_is_known_only_to_the_month(client):
    data = client.get("/explore/timeline.json?country=/id/actor/japan").get_json()
    months = [i for i in data["items"] if i["precision"] == "month"]
    assert months and all(i["start"].endswith("-01") and i["end"] > i["start"] for i in months)
    dates = [i["start"] for i in data["items"]]
    assert dates == sorted(dates)
    labels = " ".join(i["label"] for i in data["items"] + data["undated"])
    assert "Yoko Kamikawa" in labels  # a person of Japan, not only Japan itself


def test_timeline_of_an_issue_and_of_posted_iris(client):
    issue = client.get("/explore/timeline.json?issue=/id/issue/indo-pacific").get_json()
    facts = issue["items"] + issue["undated"]
    assert {i["kind"] for i in facts} == {"meeting", "statement"}
    posted = client.post("/explore/timeline.json", json={"iris": [f["id"] for f in facts] + [ID + "actor/japan"]})
    assert sorted(i["id"] for i in posted.get_json()["items"] + posted.get_json()["undated"]) == sorted(f["id"] for f in facts)
    assert client.get("/explore/timeline.json").status_code == 400
    assert client.post("/explore/timeline.json", data="not json", content_type="application/json").status_code == 400


def test_labels_are_one_request_for_many_iris(client):
    iris = [ID + "actor/japan", ID + "actor/toshimitsu-motegi", "https://w3id.org/diplokg/ontology#participant",
            ID + "actor/nobody", "not an iri>"]
    labels = client.post("/explore/labels.json", json={"iris": iris}).get_json()["labels"]
    assert labels[ID + "actor/japan"] == {"label": "Japan", "kind": "country", "href": "/id/actor/japan"}
    assert labels[ID + "actor/toshimitsu-motegi"]["kind"] == "person"
    assert labels["https://w3id.org/diplokg/ontology#participant"]["label"] == "participant"
    assert ID + "actor/nobody" not in labels and "not an iri>" not in labels
    too_many = client.post("/explore/labels.json", json={"iris": [f"{ID}actor/x{i}" for i in range(5001)]})
    assert too_many.status_code == 400


def test_vocabulary_offers_the_ontology_and_predeclared_prefixes(client):
    data = client.get("/explore/vocabulary.json").get_json()
    assert data["prefixes"]["dkg"] == "https://w3id.org/diplokg/ontology#"
    assert {"dkg:Meeting", "https://w3id.org/diplokg/ontology#Meeting", "schema:Event"} <= set(data["classes"])
    assert {"dkg:participant", "dkg:date", "rdfs:label", "skos:altLabel"} <= set(data["properties"])
    assert client.get("/explore/prefixes.json").get_json() == data["prefixes"]


@pytest.mark.parametrize("path", ["/explore/network", "/explore/network?issue=/id/issue/indo-pacific",
                                  "/explore/timeline", "/explore/timeline?person=/id/actor/toshimitsu-motegi"])
def test_view_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert ' style="' not in html and "<style" not in html
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert all('src="/static/' in attrs or ('type="application/json"' in attrs) for attrs, _ in scripts)


def test_spans_of_dates():
    assert span("2020-12-31") == ("day", "2020-12-31", "2021-01-01")
    assert span("2020-12") == ("month", "2020-12-01", "2021-01-01")
    assert span("2024-02-28") == ("day", "2024-02-28", "2024-02-29")
    assert span("2020-13") is None and span("x") is None


def test_docstring_examples():
    import doctest

    import server.explore.timeline
    assert doctest.testmod(server.explore.timeline).failed == 0
