"""diplokg.sparql_guard: SERVICE and updates refused in every spelling, safe queries pass."""

from __future__ import annotations

import time

import pytest

from diplokg.errors import BadInput, QueryRefused, QueryTooLarge
from diplokg.sparql_guard import check_query, decode_escapes, keywords

SERVICE_MESSAGE = "SERVICE is not allowed: this endpoint does not query other endpoints"
EP = "<http://127.0.0.1:9/sparql>"

SERVICE_QUERIES = {
    "plain": f"SELECT * WHERE {{ SERVICE {EP} {{ ?s ?p ?o }} }}",
    "lower": f"select * where {{ service {EP} {{ ?s ?p ?o }} }}",
    "mixed": f"SELECT * WHERE {{ SeRvIcE {EP} {{ ?s ?p ?o }} }}",
    "silent": f"SELECT * WHERE {{ SERVICE SILENT {EP} {{ ?s ?p ?o }} }}",
    "u-escape": f"SELECT * WHERE {{ \\u0053ERVICE {EP} {{ ?s ?p ?o }} }}",
    "u-escape-lower": f"SELECT * WHERE {{ \\u0073\\u0065rvice {EP} {{ ?s ?p ?o }} }}",
    "U-escape": f"SELECT * WHERE {{ \\U00000053ERVICE {EP} {{ ?s ?p ?o }} }}",
    "all-escaped": "SELECT * WHERE { " + "".join(f"\\u{ord(c):04X}" for c in "SERVICE") + f" {EP} {{ ?s ?p ?o }} }}",
    "double-escape": f"SELECT * WHERE {{ \\u005Cu0053ERVICE {EP} {{ ?s ?p ?o }} }}",
    "subquery": f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {EP} {{ ?s ?p ?o }} }} }} }}",
    "optional": f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE {EP} {{ ?s ?q ?r }} }} }}",
    "union": f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE {EP} {{ ?s ?p ?o }} }} }}",
    "minus": f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE {EP} {{ ?s ?p ?o }} }} }}",
    "filter-exists": f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE {EP} {{ ?s ?p ?o }} }} }}",
    "filter-not-exists": f"ASK {{ ?s ?p ?o FILTER(NOT EXISTS {{ SERVICE {EP} {{ ?s ?p ?o }} }}) }}",
    "prefixed": "PREFIX ep: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE ep:sparql { ?s ?p ?o } }",
    "default-prefix": "PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { SERVICE :sparql { ?s ?p ?o } }",
    "variable": "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?ep) SERVICE ?ep { ?s ?p ?o } }",
    "dollar-variable": "SELECT * WHERE { SERVICE $ep { ?s ?p ?o } VALUES $ep { <http://127.0.0.1:9/> } }",
    "no-spaces": "SELECT*WHERE{?s ?p ?o.SERVICE<http://127.0.0.1:9/>{?s ?p ?o}}",
    "after-var-dot": "SELECT * WHERE { ?s ?p ?x.SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "after-empty-local": "PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ex:.SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "comment-between": f"SELECT * WHERE {{ SERVICE # note\n {EP} {{ ?s ?p ?o }} }}",
    "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {EP} {{ ?s ?p ?o }} }}",
    "describe": f"DESCRIBE ?s WHERE {{ SERVICE {EP} {{ ?s ?p ?o }} }}",
    "ask": f"ASK {{ SERVICE {EP} {{ ?s ?p ?o }} }}",
    "after-string": f"SELECT * WHERE {{ ?s ?p \"x\" . SERVICE {EP} {{ ?s ?p ?o }} }}",
    "after-lang": f"SELECT * WHERE {{ ?s ?p \"x\"@en SERVICE {EP} {{ ?s ?p ?o }} }}",
    "lt-hides-comment": "SELECT * WHERE { ?s ?p ?a FILTER(?a<1)SERVICE?e#>\n { ?s ?p ?o } }",
    "lt-hides-string": "SELECT * WHERE { ?s ?p ?a FILTER(?a<'x>') SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } FILTER(?a != 'y') }",
    "glued-after-number": "SELECT * WHERE { ?s ?p +1SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "glued-after-boolean": "SELECT * WHERE { ?s ?p trueSERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "glued-silent": "SELECT * WHERE { SERVICESILENT<http://127.0.0.1:9/>{ ?a ?b ?c } }",
    "lt-hides-after-number": "SELECT * WHERE { ?s ?p ?a FILTER(?a<2)?s?p+1SERVICE#>\n <http://127.0.0.1:9/> { ?x ?y ?z } }",
    "lte-hides-comment": "SELECT * WHERE { ?s ?p ?a FILTER(?a<=2)SERVICE#>\n <http://127.0.0.1:9/> { ?x ?y ?z } }",
    "escaped-hash-in-pname": "PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ex:a\\#b SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
}

UPDATES = {
    "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }": "INSERT",
    "insert data { <http://x/a> <http://x/b> <http://x/c> }": "INSERT",
    "DELETE DATA { <http://x/a> <http://x/b> <http://x/c> }": "DELETE",
    "DELETE WHERE { ?s ?p ?o }": "DELETE",
    "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }": "WITH",
    "LOAD <http://127.0.0.1:9/data.ttl>": "LOAD",
    "LOAD SILENT <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://x/g>": "LOAD",
    "CLEAR ALL": "CLEAR",
    "DROP GRAPH <http://x/g>": "DROP",
    "CREATE GRAPH <http://x/g>": "CREATE",
    "ADD DEFAULT TO <http://x/g>": "ADD",
    "MOVE <http://x/g> TO <http://x/h>": "MOVE",
    "COPY <http://x/g> TO DEFAULT": "COPY",
    "\\u0044ROP ALL": "DROP",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL": "DROP",
    "PREFIX ex: <http://x/> INSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }": "INSERT",
}

SAFE_QUERIES = [
    "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
    "SELECT * WHERE { <http://x/service/insert/delete> ?p ?o }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }',
    "SELECT * WHERE { ?s ?p 'delete insert drop' }",
    'SELECT * WHERE { ?s ?p """multi\nline SERVICE\n""" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { } INSERT",
    'SELECT * WHERE { ?s ?p "x"@en-service }',
    "SELECT * WHERE { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?o }",
    "SELECT * WHERE { ?s a <http://www.w3.org/ns/sparql-service-description#Service> }",
    "PREFIX svc: <http://example.org/service#> SELECT * WHERE { ?s a svc:Thing }",
    "SELECT * WHERE { ?s a <http://example.org/service#Thing> }",
    "SELECT * WHERE { GRAPH <http://example.org/service#g> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?a FILTER(?a < 3 && ?a > 1) }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 2) ORDER BY DESC(?n) LIMIT 10",
    "SELECT * WHERE { ?s <http://x/p> ?o } # plain comment",
    "SELECT * WHERE { ?s ?p \"\\u0053ERVICE\" }",
    "PREFIX ex: <http://dbpedia.org/resource/> SELECT * WHERE { ?s ?p <http://dbpedia.org/resource/Côte_d'Ivoire> }",
]


# Names that contain the word are refused too (the rule does not guess keyword from name),
# with the name to change and a suggestion.
NAMES_WITH_SERVICE = {
    "SELECT ?service WHERE { ?service ?p ?o }": ("?service", "?svc"),
    "SELECT $service WHERE { $service ?p ?o }": ("$service", "$svc"),
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ?o }": ("ex:service", "ex:svc"),
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }": ("service:", "svc:"),
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a.service ?o }": ("ex:a.service", "ex:a.svc"),
    "PREFIX : <http://x/> SELECT * WHERE { ?s :service ?o }": (":service", ":svc"),
    "SELECT * WHERE { ?s ?p _:service }": ("_:service", "_:svc"),
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT * WHERE { ?s a sd:Service }":
        ("sd:Service", "sd:svc"),
    "PREFIX : <http://127.0.0.1:8999/x?> SELECT * WHERE { SERVICESILENT:x{ ?s ?p ?o } }": ("SERVICESILENT:x", "svcSILENT:x"),
    "PREFIX : <http://127.0.0.1:8999/x?> SELECT * WHERE { SERVICE:x{ ?s ?p ?o } }": ("SERVICE:x", "svc:x"),
    "PREFIX ep: <http://127.0.0.1:8999/x?> SELECT * WHERE { SERVICEep:x{ ?s ?p ?o } }": ("SERVICEep:x", "svcep:x"),
}


@pytest.mark.parametrize(("query", "names"), list(NAMES_WITH_SERVICE.items()))
def test_names_with_service_refused_with_a_rename(query: str, names: tuple[str, str | None]) -> None:
    with pytest.raises(QueryRefused) as info:
        check_query(query)
    name, suggestion = names
    message = str(info.value)
    assert message.startswith("SERVICE is not allowed")
    if suggestion is None:
        assert message == SERVICE_MESSAGE
    else:
        assert f"rename {name} (for example {suggestion})" in message


@pytest.mark.parametrize("query", list(SERVICE_QUERIES.values()), ids=list(SERVICE_QUERIES))
def test_service_refused(query: str) -> None:
    with pytest.raises(QueryRefused) as info:
        check_query(query)
    assert str(info.value).startswith("SERVICE is not allowed")
    assert info.value.status == 403


@pytest.mark.parametrize(("query", "keyword"), list(UPDATES.items()))
def test_updates_refused(query: str, keyword: str) -> None:
    with pytest.raises(QueryRefused) as info:
        check_query(query)
    assert str(info.value) == f"updates are not allowed: this endpoint is read-only (found {keyword})"


@pytest.mark.parametrize("query", SAFE_QUERIES)
def test_safe_queries_pass(query: str) -> None:
    assert check_query(query) is None


def test_plain_service_message() -> None:
    with pytest.raises(QueryRefused) as info:
        check_query(SERVICE_QUERIES["plain"])
    assert str(info.value) == SERVICE_MESSAGE


def test_iri_that_could_hide_a_service_clause_is_refused() -> None:
    with pytest.raises(QueryRefused) as info:
        check_query("SELECT * WHERE { ?s ?p ?a FILTER(?a<1)service?e#>\n { ?s ?p ?o } }")
    assert "could hide one" in str(info.value)


def test_size_limit_in_utf8_bytes() -> None:
    query = 'SELECT * WHERE { ?s ?p "ééé" }'
    size = len(query.encode("utf-8"))
    check_query(query, max_bytes=size)
    with pytest.raises(QueryTooLarge) as info:
        check_query(query, max_bytes=size - 1)
    assert str(info.value) == f"query text is {size} bytes, over the limit of {size - 1} bytes"
    assert info.value.status == 413


def test_decode_escapes() -> None:
    assert decode_escapes(r"\u0053ERVICE \U0001F600 \u00e9") == "SERVICE \U0001F600 é"
    assert decode_escapes(r"\UFFFFFFFF stays") == r"\UFFFFFFFF stays"
    assert decode_escapes(r"\u00ZZ") == r"\u00ZZ"


def test_keywords_skip_names_strings_iris_and_comments() -> None:
    text = 'PREFIX ex: <http://x/DROP> SELECT ?insert WHERE { ?s ex:load "clear" } # copy\nLIMIT 1'
    assert keywords(text) == ["PREFIX", "SELECT", "WHERE", "LIMIT"]


def test_fast_enough_for_the_endpoint() -> None:
    query = (
        "PREFIX dkg: <https://w3id.org/diplokg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'SELECT ?m ?label WHERE { ?m a dkg:Meeting ; dkg:participant ?a . ?a rdfs:label ?label FILTER(CONTAINS(?label, "Motegi")) } LIMIT 10'
    )
    rounds = 2000
    start = time.perf_counter()
    for _ in range(rounds):
        check_query(query, max_bytes=100_000)
    per_query = (time.perf_counter() - start) / rounds
    assert per_query < 0.0002, f"{per_query * 1e6:.0f} µs per check"


DEEP = {
    "braces": "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "optional": "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o " * 200 + "}" * 200 + " }",
    "parens": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }",
    "nots": "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 10000 + "?o) }",
    "brackets": "SELECT * WHERE { ?s ?p " + "[ ?p " * 200 + "?o" + " ]" * 200 + " }",
    "collections": "SELECT * WHERE { ?s ?p " + "(" * 200 + "1" + ")" * 200 + " }",
    "unclosed": "SELECT * WHERE { " + "{" * 200,
    "inside-less-than": "SELECT * WHERE { ?s ?p ?a FILTER(?a<" + "(" * 300 + "1" + ")" * 300 + ">2) }",
}


@pytest.mark.parametrize("query", list(DEEP.values()), ids=list(DEEP))
def test_deep_nesting_refused_before_the_parser(query: str) -> None:
    with pytest.raises(BadInput) as info:
        check_query(query)
    assert info.value.status == 400
    assert str(info.value).startswith("the query is nested more than 128 levels deep")


def test_long_operator_chains_refused() -> None:
    query = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o"] * 12800) + ") }"
    with pytest.raises(BadInput) as info:
        check_query(query)
    assert str(info.value).startswith("the query has more than 2000 operators in one group")


def test_ordinary_nesting_and_chains_pass() -> None:
    check_query("SELECT * WHERE " + "{" * 100 + " ?s ?p ?o " + "}" * 100)
    check_query("SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(900)) + ") }")
    check_query("SELECT * WHERE " + "{" * 150 + " ?s ?p ?o " + "}" * 150, max_depth=200)
