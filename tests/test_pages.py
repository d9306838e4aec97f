"""Entity pages and the query page through Flask's test client, over a real store on disk."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.parsers.jsonld import to_rdf

from diplokg.resources import ISSUES_FILE, ONTOLOGY_FILE, QUERIES_DIR
from server import create_app
from server.cookbook import with_base
from tests.fixtures_pages import (  # noqa: F401
    ARTICLE_ID, VALID, build_store, client, pages_app, pages_config, seed_config,
)

ID = "https://w3id.org/diplokg/id/"
MOTEGI = "/id/actor/toshimitsu-motegi"
MEETING = "/id/meeting/8f7a675ae103da19"
ARTICLE = f"/id/article/{ARTICLE_ID}"
ENTITY_PATHS = [MOTEGI, "/id/actor/japan", MEETING, "/id/statement/e9fa422cf728ef62",
                "/id/issue/indo-pacific", ARTICLE, "/id/place/tokyo", "/id/role/23abe8936d91201a"]
# Entity documents are graphs: their N-Quads are N-Triples lines, their TriG a Turtle text
# (rdflib's quad parsers would go through its deprecated ConjunctiveGraph).
RDF_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
             "application/rdf+xml": "xml", "application/n-quads": "nt", "application/trig": "turtle"}
SUFFIXES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
            "rdf": "application/rdf+xml", "nq": "application/n-quads", "trig": "application/trig"}


class _Links(HTMLParser):
    """Collects hrefs, srcs and the text of <mark> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def parse(html: bytes) -> _Links:
    links = _Links()
    links.feed(html.decode("utf-8"))
    return links


def triples(data: bytes, fmt: str) -> set:
    """The triples of a response body (JSON-LD through rdflib's ``to_rdf``: its Graph parser
    goes through the deprecated ConjunctiveGraph, a warning that pytest turns into an error)."""
    graph = Graph()
    if fmt == "json-ld":
        to_rdf(json.loads(data), graph)
    else:
        graph.parse(data=data, format=fmt)
    return set(graph)


def description(iri: str) -> set:
    """What an entity's RDF should hold: the triples of valid.ttl with the IRI at either end,
    plus, for an article or a fact, the triples of its evidence spans."""
    source = Graph()
    for path in (VALID, ONTOLOGY_FILE, ISSUES_FILE):
        source.parse(path, format="turtle")
    this = URIRef(iri)
    expected = {t for t in source if this in (t[0], t[2])}
    evidence = {o for _, p, o in expected if str(p).endswith("#evidence")}
    evidence |= {s for s, p, o in expected if str(p).endswith("#article") and o == this}
    return expected | {t for t in source if t[0] in evidence}


@pytest.mark.parametrize("path", ENTITY_PATHS)
@pytest.mark.parametrize("accept", list(RDF_TYPES))
def test_entity_rdf_by_accept_header_is_exactly_its_description(client, path, accept):
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == accept
    assert response.headers["Vary"] == "Accept"
    assert response.headers["Content-Location"] == f"{path}.{next(s for s, t in SUFFIXES.items() if t == accept)}"
    assert triples(response.data, RDF_TYPES[accept]) == description(ID + path[len("/id/"):])


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_entity_rdf_by_suffix(client, suffix):
    response = client.get(f"{MEETING}.{suffix}", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == SUFFIXES[suffix]
    assert triples(response.data, RDF_TYPES[SUFFIXES[suffix]]) == description(ID + MEETING[len("/id/"):])


@pytest.mark.parametrize("accept", ["text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", None])
def test_browsers_and_unspecific_clients_get_html(client, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get(MOTEGI, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Location"] == f"{MOTEGI}.html"
    assert response.headers["Link"] == ", ".join(
        f'<{MOTEGI}.{s}>; rel="alternate"; type="{t}"' for s, t in SUFFIXES.items())


def test_plain_json_clients_get_json_ld(client):
    response = client.get(MOTEGI, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"


def test_unservable_accept_is_406_in_the_json_error_shape(client):
    response = client.get(MOTEGI, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json() == {
        "error": "none of the accepted media types (image/png) can be served here; available: "
                 "text/html, text/turtle, application/ld+json, application/n-triples, application/rdf+xml, "
                 "application/n-quads, application/trig",
        "status": 406}


@pytest.mark.parametrize("path,iri", [
    ("/id/actor/nobody", ID + "actor/nobody"),
    ("/id/planet/earth", ID + "planet/earth"),
    ("/id/actor/nobody.ttl", ID + "actor/nobody.ttl"),
    ("/id/actor/a%20b", ID + "actor/a b"),
])
def test_unknown_entities_are_404(client, path, iri):
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.get_json() == {"error": f"no such entity: {iri}", "status": 404}


def test_unknown_entity_page_for_browsers_escapes_the_address(client):
    response = client.get("/id/actor/%3Cscript%3Ealert(1)", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert b"<script>alert" not in response.data
    assert b"no such entity: https://w3id.org/diplokg/id/actor/&lt;script&gt;alert(1)" in response.data


def test_person_page(client):
    page = client.get(MOTEGI, headers={"Accept": "text/html"})
    html = page.data.decode()
    links = parse(page.data)
    assert "<h1>Toshimitsu Motegi</h1>" in html
    assert '<a href="/id/role/23abe8936d91201a">Foreign Minister</a> of <a href="/id/actor/japan"' in html
    assert "(2020-07-10)" in html
    assert {"/id/actor/stephen-biegun", MEETING, "/id/place/tokyo", "/id/issue/indo-pacific",
            "/id/statement/e9fa422cf728ef62", "/id/actor/japan"} <= set(links.hrefs)
    assert "It is crucial that Japan and the United States work together" in html
    assert f"{ARTICLE}#char=607,727" in links.hrefs
    assert f"{ARTICLE}#char=262,296" in links.hrefs
    assert links.marks == ["Foreign Minister Toshimitsu Motegi",
                           "It is crucial that Japan and the United States work together to maintain "
                           "and bolster a free and open Indo-Pacific region"]


def test_meeting_page_highlights_the_reporting_sentences(client):
    page = client.get(MEETING, headers={"Accept": "text/html"})
    html = page.data.decode()
    assert ('<q class="sentence"><mark>In a meeting in Tokyo</mark>, Foreign Minister Toshimitsu Motegi '
            "stressed to visiting U.S. Deputy Secretary of State Stephen Biegun the need to strengthen the "
            "Japan-U.S. alliance in an ever-changing security environment.</q>") in html
    assert ('<q class="sentence">U.S. Deputy Secretary of State Stephen Biegun (L) and Japanese Foreign '
            "Minister Toshimitsu Motegi <mark>meet in Tokyo on July 10, 2020</mark>.</q>") in html
    links = parse(page.data)
    assert {"/id/actor/stephen-biegun", MOTEGI,
            "/id/place/tokyo", "/id/issue/north-korea-nuclear", "/id/issue/japan-us-alliance",
            f"{ARTICLE}#char=239,260", f"{ARTICLE}#char=552,582"} <= set(links.hrefs)
    assert "<dt>Date</dt><dd>2020-07-10</dd>" in html
    assert ">in person</a>" in html and ">held</a>" in html


def test_article_page_marks_every_evidence_span(client):
    page = client.get(ARTICLE, headers={"Accept": "text/html"})
    source = Graph().parse(VALID, format="turtle")
    exact = sorted((int(s.split("char=")[1].split(",")[0]), str(o)) for s, p, o in source
                   if str(p).endswith("#exact"))
    assert parse(page.data).marks == [text for _, text in exact]
    html = page.data.decode()
    for start, end in [(239, 260), (262, 296), (318, 363), (552, 582), (607, 727)]:
        assert f'<span class="anchor" id="char={start},{end}"></span>' in html


def test_country_page_lists_its_people_and_their_meetings(client):
    page = client.get("/id/actor/japan", headers={"Accept": "text/html"})
    html = page.data.decode()
    assert '<a href="http://www.wikidata.org/entity/Q17"' in html
    assert re.search(r'<li><a href="/id/actor/toshimitsu-motegi"[^>]*>Toshimitsu Motegi</a> — Foreign Minister</li>', html)
    assert MEETING in parse(page.data).hrefs
    assert "<code>JP</code>" in html


def test_links_follow_the_request_host_and_script_root(pages_app):
    client = pages_app.test_client()
    page = client.get(MOTEGI, headers={"Accept": "text/html"}, base_url="http://kg.example.org/kg/")
    hrefs = parse(page.data).hrefs
    assert "/kg/id/actor/japan" in hrefs
    assert not [h for h in hrefs if h.startswith(ID)]


def test_another_base_maps_this_host_to_it(tmp_path):
    base = "http://kg.example.org/data/"
    config = build_store(tmp_path / "store", base=base)
    client = create_app(config).test_client()
    response = client.get("/id/actor/japan", headers={"Accept": "text/html"})
    # valid.ttl's IRIs use the default base, so under another base they are unknown here
    assert response.status_code == 404
    assert b"no such entity: http://kg.example.org/data/id/actor/japan" in response.data


def test_labels_and_quotes_are_escaped(tmp_path):
    from diplokg.iris import Iris
    from diplokg.store import open_store
    config = build_store(tmp_path / "store")
    evil = URIRef(ID + "actor/evil")
    g = Graph().parse(data=f"""
        @prefix dkg: <https://w3id.org/diplokg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{evil}> a dkg:Person ; rdfs:label "<script>alert('x')</script>" .
        <{ID}statement/s1> a dkg:Statement ; dkg:speaker <{evil}> ; dkg:quote "<img src=x onerror=alert(1)>" .
    """, format="turtle")
    with open_store(config, writable=True) as store:
        store.replace_graph(Iris().article_graph("evil"), set(g))
    html = create_app(config).test_client().get("/id/actor/evil", headers={"Accept": "text/html"}).data.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_query_page_lists_the_cookbook_and_loads_nothing_from_outside(client):
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    html = page.data.decode()
    questions = [path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
                 for path in sorted(QUERIES_DIR.glob("*.rq"))]
    shown = re.findall(r'<button type="button" class="recipe" data-name="[^"]+">([^<]+)</button>', html)
    assert [q.replace("'", "&#39;") for q in questions] == shown
    links = parse(page.data)
    assert links.srcs == ["/static/vendor/yasgui/yasgui.min.js", "/static/explore-common.js",
                          "/static/results-table.js", "/static/workbench.js"]
    assert all(h.startswith("/") or h.startswith("data:") for h in links.hrefs)
    data = json.loads(re.search(r'<script type="application/json" id="cookbook-data">(.*?)</script>',
                                html, re.S).group(1))
    assert [r["sparql"] for r in data] == [with_base(p.read_text(encoding="utf-8"), "https://w3id.org/diplokg/")
                                           for p in sorted(QUERIES_DIR.glob("*.rq"))]


@pytest.mark.parametrize("name", ["diplokg.css", "explore.css", "entity.js", "explore-common.js", "results-table.js",
                                  "workbench.js", "network.js", "timeline.js"])
def test_static_files_are_served(client, name):
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert b"http://" not in response.data and b"https://" not in response.data
    response.close()


def test_every_entity_of_the_ingested_seeds_has_a_page_and_data(seed_config):
    from diplokg.store import open_store
    with open_store(seed_config, writable=False) as store:
        result = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), "
                             '"https://w3id.org/diplokg/id/") && !CONTAINS(STR(?s), "#")) }')
        subjects = sorted(str(s) for (s,) in result.rows())
    assert len(subjects) > 50
    client = create_app(seed_config).test_client()
    for iri in subjects:
        path = "/" + iri[len("https://w3id.org/diplokg/"):]
        page = client.get(path, headers={"Accept": "text/html"})
        assert page.status_code == 200, path
        assert b"<h1>" in page.data
        data = client.get(path, headers={"Accept": "text/turtle"})
        assert data.status_code == 200, path
        assert (URIRef(iri), None, None) in Graph().parse(data=data.data, format="turtle")


def test_wikidata_links_are_shown_once_and_carry_no_copies(seed_config):
    client = create_app(seed_config).test_client()
    html = client.get(MOTEGI, headers={"Accept": "text/html"}).data.decode()
    assert re.findall(r"<p>Country: .*?</p>", html) == [
        '<p>Country: <a href="/id/actor/japan" title="https://w3id.org/diplokg/id/actor/japan">Japan</a></p>']
    japan = client.get("/id/actor/japan", headers={"Accept": "text/html"}).data.decode()
    assert re.findall(r'<p class="same">.*?</p>', japan) == [
        '<p class="same">Same as: <a href="http://www.wikidata.org/entity/Q17" '
        'title="http://www.wikidata.org/entity/Q17" class="ext" rel="noopener">wd:Q17</a></p>']


def test_hub_pages_list_the_latest_meetings_a_page_at_a_time(tmp_path):
    from diplokg.iris import Iris
    from diplokg.store import open_store
    from server.pages.lists import DEFAULT_PAGE_ITEMS as SIZE
    config = build_store(tmp_path / "store")
    count = 2 * SIZE + 5
    lines = ["@prefix dkg: <https://w3id.org/diplokg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for n in range(count):
        day = f"2020-{1 + n // 28:02d}-{1 + n % 28:02d}"
        lines.append(f'<{ID}meeting/m{n:03d}> a dkg:Meeting ; rdfs:label "Meeting {n:03d}" ; '
                     f'dkg:location <{ID}place/tokyo> ; dkg:date "{day}"^^xsd:date .')
    graph = Graph().parse(data="\n".join(lines), format="turtle")
    with open_store(config, writable=True) as store:
        store.replace_graph(Iris().article_graph("many"), set(graph))
    client = create_app(config).test_client()
    # newest first across pages; oldest first within a page; meetings of one day in IRI order
    dated = sorted([(f"2020-{1 + n // 28:02d}-{1 + n % 28:02d}", f"m{n:03d}", f"Meeting {n:03d}") for n in range(count)]
                   + [("2020-07-10", "8f7a675ae103da19", "Meeting of Toshimitsu Motegi and Stephen Biegun, 2020-07-10")])
    newest_first = dated[::-1]
    total = count + 1
    for page in (1, 2, 3):
        html = client.get(f"/id/place/tokyo?page={page}", headers={"Accept": "text/html"}).data.decode()
        assert f"<h2>Meetings here ({total})</h2>" in html
        first = (page - 1) * SIZE + 1
        last = min(page * SIZE, total)
        assert f"Showing {first}–{last} of {total}, page {page} of 3." in html
        assert ('<a class="older" href="?page=%d#meetings">' % (page + 1) in html) == (page < 3)
        assert ('<a class="newer" href="?page=%d#meetings">' % (page - 1) in html) == (page > 1)
        section = html[html.index('<section id="meetings">'):html.index("</section>", html.index('<section id="meetings">'))]
        shown = newest_first[first - 1:last][::-1]
        assert re.findall(r'<td class="date">([^<]+)</td>\s*<td><a [^>]*>([^<]+)</a>', section) == [
            (day, label) for day, _, label in shown]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "100001", "9" * 30])
def test_a_malformed_page_number_is_400(client, page):
    r = client.get(f"/id/actor/motegi?page={page}", headers={"Accept": "application/json"})
    assert r.status_code == 400
    assert r.get_json()["error"].startswith("page must be a whole number from 1 to 100000")


def test_a_shared_query_link_fills_the_editor(client):
    query = 'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "<b>" }'
    html = client.get("/", query_string={"query": query}).data.decode()
    config = json.loads(re.search(r'<script type="application/json" id="explore-config">(.*?)</script>',
                                  html, re.S).group(1))
    assert config["start"] == query and config["shared"] is True
    assert '<textarea id="plain-query" name="query" rows="14">SELECT ?s WHERE { ?s &lt;http' in html
    assert "<b>" not in html


def test_a_shared_query_over_the_size_limit_is_ignored(pages_app, client):
    limit = pages_app.config["DIPLOKG"].max_query_bytes
    html = client.get("/", query_string={"query": "#" * (limit + 1)}).data.decode()
    first = sorted(QUERIES_DIR.glob("*.rq"))[0].read_text(encoding="utf-8").splitlines()[0]
    assert f'rows="14">{first}' in html.replace("&#39;", "'")


def test_country_page_of_the_seeds_lists_its_organizations_and_people(seed_config):
    html = create_app(seed_config).test_client().get("/id/actor/japan", headers={"Accept": "text/html"}).data.decode()
    section = re.search(r'<section id="organizations">.*?</section>', html, re.S).group()
    assert {"Ministry of Foreign Affairs of Japan", "Ministry of Defense of Japan"} <= set(
        re.findall(r">([^<]+)</a>", section))
    people = re.search(r'<section id="people">.*?</section>', html, re.S).group()
    assert {"Toshimitsu Motegi", "Yoko Kamikawa", "Yasukazu Hamada"} <= set(re.findall(r">([^<]+)</a>", people))
    assert "Antony Blinken" not in people


@pytest.mark.parametrize("module", ["server.pages.routes", "server.pages.query", "server.pages.text", "server.cookbook"])
def test_docstring_examples(module):
    import doctest
    import importlib
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
