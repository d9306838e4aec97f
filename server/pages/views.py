"""What each entity page shows: one function per kind, store + IRI → a dict for its template."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from rdflib import Literal, URIRef

from diplokg.iris import DKG
from diplokg.store.base import Store
from server.pages.lists import evidence_for, meetings, statements
from server.pages.query import Row, ask, grouped, select
from server.pages.text import segments, span_id

log = logging.getLogger(__name__)

View = dict[str, Any]
WIKIDATA = "http://www.wikidata.org/entity/"

# Page kinds by class, most specific first.
CLASS_PAGES = (
    ("Person", "person"),
    ("Country", "group"),
    ("Organization", "group"),
    ("Meeting", "meeting"),
    ("Statement", "statement"),
    ("Issue", "issue"),
    ("Article", "article"),
    ("Place", "place"),
    ("Role", "role"),
)


def exists(store: Store, this: URIRef) -> bool:
    """Whether the store holds any triple with ``this`` as subject or object."""
    return ask(store, "ASK { { $this ?p ?o } UNION { ?s ?p $this } }", this=this)


def page_kind(store: Store, this: URIRef) -> str:
    """The template family for ``this``, from its dkg: classes ('generic' when none)."""
    types = {r["t"] for r in select(store, "SELECT DISTINCT ?t WHERE { $this a ?t }", this=this)}
    for cls, kind in CLASS_PAGES:
        if URIRef(DKG + cls) in types:
            return kind
    return "generic"


def _ours(base: str) -> Literal:
    return Literal(base)


_OVERVIEW = """
SELECT DISTINCT ?p ?o WHERE { $this ?p ?o } ORDER BY ?p ?o
"""
# Hubs (a country, a city) are the object of thousands of triples: no ORDER BY, so the
# engine stops at the limit (1 s -> ms on 1M triples); the rows are sorted here.
MAX_INCOMING = 200
_INCOMING = f"""
SELECT DISTINCT ?s ?p WHERE {{ ?s ?p $this FILTER(isIRI(?s)) }} LIMIT {MAX_INCOMING}
"""


def overview(store: Store, this: URIRef) -> View:
    """Every triple about ``this``, both directions (the 'all statements' table)."""
    outgoing = [r for r in select(store, _OVERVIEW, this=this) if r["p"] != URIRef(DKG + "text")]
    incoming = sorted(select(store, _INCOMING, this=this), key=lambda r: (str(r["p"]), str(r["s"])))
    return {"outgoing": outgoing, "incoming": incoming}


def _values(store: Store, this: URIRef, prop: str) -> list[Any]:
    """The values of ``this prop ?o``, without the copies owl:sameAs reasoning makes.

    OWL RL copies every statement about an actor onto its Wikidata IRI, so a person's country
    is both ``id/actor/japan`` and ``wd:Q17``: the Wikidata copy is dropped when the local
    IRI is there too.
    """
    rows = select(store, f"""
        SELECT DISTINCT ?o ?alias WHERE {{
          $this {prop} ?o OPTIONAL {{ ?o owl:sameAs ?alias FILTER(?alias != ?o) }}
        }} ORDER BY ?o""", this=this)
    values = _distinct(r["o"] for r in rows)
    present = set(values)
    copies = {r["o"] for r in rows if "alias" in r and r["alias"] in present
              and str(r["o"]).startswith(WIKIDATA) and not str(r["alias"]).startswith(WIKIDATA)}
    return [v for v in values if v not in copies]


def _one(store: Store, this: URIRef, prop: str) -> Any:
    values = _values(store, this, prop)
    return values[0] if values else None


def evidence(store: Store, fact: URIRef) -> list[Row]:
    """The evidence spans of one fact, each with its sentence cut around the span."""
    return evidence_for(store, [fact]).get(fact, [])


def person(store: Store, this: URIRef, base: str) -> View:
    """A person: posts, meetings with counterparts, places, topics, statements."""
    posts = grouped(select(store, """
        SELECT DISTINCT ?role ?title ?of WHERE {
          $this dkg:holds ?role . ?role dkg:title ?title . OPTIONAL { ?role dkg:roleOf ?of }
        } ORDER BY ?title""", this=this), "role")
    reports = grouped(select(store, """
        SELECT DISTINCT ?role ?article ?issued WHERE {
          $this dkg:holds ?role . ?role dkg:reportedIn ?article .
          OPTIONAL { ?article dcterms:issued ?issued }
        }""", this=this), "role", many=("article", "issued"))
    by_role = {r["role"]: r for r in reports}
    for post in posts:
        post["article"] = by_role.get(post["role"], {}).get("article", [])
        post["issued"] = by_role.get(post["role"], {}).get("issued", [])
    found = evidence_for(store, [post["role"] for post in posts])
    for post in posts:
        post["evidence"] = found.get(post["role"], [])
    met = meetings(store, "?m dkg:participant $this .", this, base)
    said = statements(store, "?st dkg:speaker $this .", this)
    places = _distinct(m.get("place") for m in met.items)
    topics = _distinct([t for m in met.items for t in m["topic"]] + [t for s in said.items for t in s["about"]])
    return {
        "country": _values(store, this, "dkg:country"),
        "names": written_forms(store, this),
        "posts": posts, "meetings": met, "places": places, "topics": topics, "statements": said,
    }


# The most articles a page lists for one written form of a name (the newest).
MAX_ARTICLES_PER_FORM = 50


def written_forms(store: Store, this: URIRef) -> list[Row]:
    """Every form in which articles print a person's name ("KISHIDA Fumio", "Kishida"), with
    the articles that use it, newest first (at most MAX_ARTICLES_PER_FORM), and ``total``."""
    rows = select(store, """
        SELECT DISTINCT ?form ?article ?issued WHERE {
          ?use dkg:nameOf $this ; dkg:usedIn ?article ; dkg:writtenForm ?form .
          OPTIONAL { ?article dcterms:issued ?issued }
        }""", this=this)
    by_form: dict[str, list[Row]] = {}
    for r in rows:
        by_form.setdefault(str(r["form"]), []).append(r)
    out = []
    for form in sorted(by_form):
        dated = sorted((r for r in by_form[form] if "issued" in r), key=lambda r: (str(r["issued"]), str(r["article"])), reverse=True)
        undated = sorted((r for r in by_form[form] if "issued" not in r), key=lambda r: str(r["article"]))
        articles = _distinct(r["article"] for r in dated + undated)
        out.append({"form": form, "article": articles[:MAX_ARTICLES_PER_FORM], "total": len(articles)})
    return out


# The most people a country or organization page names (the cookbook's queries give all).
MAX_PEOPLE = 200


def group(store: Store, this: URIRef, base: str) -> View:
    """A country or organization: its people, its meetings (its own or its people's), statements."""
    # Each branch names its own ?person a dkg:Person: a UNION joined with a pattern beside it
    # is evaluated from that pattern (every person in the store: 2.2 s at 120k triples, against
    # 16 ms this way); the meetings of the people are joined onto a sub-select of them.
    people_of = """{ ?person dkg:country $this . ?person a dkg:Person }
          UNION { ?r dkg:roleOf $this . ?person dkg:holds ?r . ?person a dkg:Person }
          FILTER(STRSTARTS(STR(?person), $base))"""
    counted = select(store, f"SELECT (COUNT(DISTINCT ?person) AS ?n) WHERE {{ {people_of} }}", this=this, base=_ours(base))
    first = [r["person"] for r in select(store, f"""
        SELECT ?person WHERE {{ {{ SELECT DISTINCT ?person WHERE {{ {people_of} }} }} BIND(STR(?person) AS ?key) }}
        ORDER BY ?key LIMIT {MAX_PEOPLE}""", this=this, base=_ours(base))]
    titles = grouped(select(store, """
        SELECT DISTINCT ?person ?title WHERE {
          VALUES ?person { $first } ?person dkg:holds ?role . ?role dkg:roleOf $this ; dkg:title ?title
        }""", this=this, first=first), "person", many=("title",)) if first else []
    by_person = {t["person"]: t["title"] for t in titles}
    people = [{"person": p, "title": by_person.get(p, [])} for p in first]
    return {
        "iso": _one(store, this, "dkg:isoCode"),
        "country": _values(store, this, "dkg:country"),
        "people": people,
        "people_total": int(counted[0]["n"]) if counted else len(people),
        "meetings": meetings(store, """
            { ?m dkg:participant $this BIND($this AS ?via) }
            UNION
            { { SELECT DISTINCT ?via WHERE {
                  { ?via dkg:country $this . ?via a dkg:Person }
                  UNION { ?r dkg:roleOf $this . ?via dkg:holds ?r . ?via a dkg:Person }
                  FILTER(STRSTARTS(STR(?via), $base)) } }
              ?m dkg:participant ?via }""", this, base, via="""
            ?m dkg:participant ?via .
            FILTER(?via = $this || (STRSTARTS(STR(?via), $base) && EXISTS { ?via a dkg:Person }
                   && (EXISTS { ?via dkg:country $this } || EXISTS { ?via dkg:holds/dkg:roleOf $this })))"""),
        "statements": statements(store, "?st dkg:speaker $this .", this),
        "places": [r["place"] for r in select(store, """
            SELECT DISTINCT ?place WHERE { ?place a dkg:Place ; dkg:country $this }""", this=this)],
        "organizations": [r["org"] for r in select(store, """
            SELECT DISTINCT ?org WHERE { ?org a dkg:Organization ; dkg:country $this
                                         FILTER(STRSTARTS(STR(?org), $base)) }""",
            this=this, base=_ours(base))],
    }


def reports(store: Store, this: URIRef, spans: list[Row]) -> list[Row]:
    """Each article's report of a meeting (dkg:MeetingReport): the article, its own label,
    date, mode and place, and the evidence spans of that article; oldest article first."""
    rows = select(store, """
        SELECT ?report ?article ?label ?date ?mode ?place ?issued WHERE {
          ?report dkg:reportOf $this ; dkg:reportArticle ?article .
          OPTIONAL { ?report rdfs:label ?label } OPTIONAL { ?report dkg:reportDate ?date }
          OPTIONAL { ?report dkg:reportMode ?mode } OPTIONAL { ?report dkg:reportLocation ?place }
          OPTIONAL { ?article dcterms:issued ?issued }
        }""", this=this)
    out = []
    for r in sorted(grouped(rows, "report"), key=lambda r: (str(r.get("issued", "")), str(r["article"]))):
        r["evidence"] = [e for e in spans if e["article"] == r["article"]]
        out.append(r)
    return out


def meeting(store: Store, this: URIRef, base: str) -> View:
    """A meeting: participants, date, place, mode, topics, statements made at it, evidence,
    and each article's own report of it."""
    spans = evidence(store, this)
    return {
        "participants": _values(store, this, "dkg:participant"),
        "date": _one(store, this, "dkg:date"),
        "location": _one(store, this, "dkg:location"),
        "mode": _one(store, this, "dkg:mode"),
        "status": _one(store, this, "dkg:status"),
        "primary": _one(store, this, "dkg:primary"),
        "topics": _values(store, this, "dkg:topic"),
        "articles": _values(store, this, "dkg:reportedIn"),
        "statements": statements(store, "?st dkg:madeAt $this .", this),
        "evidence": spans,
        "reports": reports(store, this, spans),
    }


def statement(store: Store, this: URIRef, base: str) -> View:
    """A statement: speaker, the words, what about, where and when, evidence."""
    return {
        "speaker": _values(store, this, "dkg:speaker"),
        "quote": _one(store, this, "dkg:quote"),
        "qtype": _one(store, this, "dkg:quoteType"),
        "about": _values(store, this, "dkg:about"),
        "meeting": _one(store, this, "dkg:madeAt"),
        "date": _one(store, this, "dkg:date"),
        "articles": _values(store, this, "dkg:reportedIn"),
        "evidence": evidence(store, this),
    }


def issue(store: Store, this: URIRef, base: str) -> View:
    """An issue: its place in the scheme, meetings and statements about it over time."""
    return {
        "alt": _values(store, this, "skos:altLabel"),
        "broader": _values(store, this, "skos:broader"),
        "narrower": _values(store, this, "skos:narrower"),
        "match": _values(store, this, "skos:exactMatch"),
        "meetings": meetings(store, "?m dkg:topic $this .", this, base),
        "statements": statements(store, "?st dkg:about $this .", this),
    }


def article(store: Store, this: URIRef, base: str) -> View:
    """An article: metadata, the facts it reports, its text with every evidence span marked."""
    text = str(_one(store, this, "dkg:text") or "")
    spans = select(store, """
        SELECT DISTINCT ?start ?end ?exact ?fact WHERE {
          ?ev dkg:article $this ; dkg:start ?start ; dkg:end ?end ; dkg:exact ?exact .
          OPTIONAL { ?fact dkg:evidence ?ev FILTER(STRSTARTS(STR(?fact), $base)) }
        }""", this=this, base=_ours(base))
    facts_by_span: dict[str, list[URIRef]] = {}
    bounds = []
    exact: dict[str, str] = {}
    for r in spans:
        start, end = int(r["start"]), int(r["end"])
        bounds.append((start, end))
        exact[span_id(start, end)] = str(r["exact"])
        facts = facts_by_span.setdefault(span_id(start, end), [])
        if "fact" in r and r["fact"] not in facts:
            facts.append(r["fact"])
    facts = select(store, """
        SELECT DISTINCT ?fact ?type WHERE {
          ?fact dkg:reportedIn $this ; a ?type .
          VALUES ?type { dkg:Meeting dkg:Statement dkg:Role }
        } ORDER BY ?type ?fact""", this=this)
    return {
        "title": _one(store, this, "dcterms:title"),
        "issued": _one(store, this, "dcterms:issued"),
        "source": _one(store, this, "dcterms:source"),
        "url": _one(store, this, "dkg:url"),
        "license": _one(store, this, "dcterms:license"),
        "rights": _one(store, this, "dcterms:rights"),
        "identifier": _one(store, this, "dcterms:identifier"),
        "has_text": bool(text),
        "segments": segments(text, bounds) if text else [],
        "exact": exact,
        "span_facts": [(span_id(s, e), facts_by_span[span_id(s, e)]) for s, e in sorted(set(bounds))],
        "meetings": [r["fact"] for r in facts if r["type"] == URIRef(DKG + "Meeting")],
        "statements": [r["fact"] for r in facts if r["type"] == URIRef(DKG + "Statement")],
        "roles": [r["fact"] for r in facts if r["type"] == URIRef(DKG + "Role")],
    }


def place(store: Store, this: URIRef, base: str) -> View:
    """A place: its country and the meetings held there."""
    return {"country": _values(store, this, "dkg:country"),
            "meetings": meetings(store, "?m dkg:location $this .", this, base)}


def role(store: Store, this: URIRef, base: str) -> View:
    """A post: title, of what, who holds it, where it was reported, evidence."""
    return {
        "title": _one(store, this, "dkg:title"),
        "of": _values(store, this, "dkg:roleOf"),
        "holders": [r["p"] for r in select(store, """
            SELECT DISTINCT ?p WHERE { ?p dkg:holds $this FILTER(STRSTARTS(STR(?p), $base)) }""",
            this=this, base=_ours(base))],
        "articles": _values(store, this, "dkg:reportedIn"),
        "evidence": evidence(store, this),
    }


def generic(store: Store, this: URIRef, base: str) -> View:
    """Any other resource: only the common parts."""
    return {}


VIEWS: dict[str, Callable[[Store, URIRef, str], View]] = {
    "person": person, "group": group, "meeting": meeting, "statement": statement,
    "issue": issue, "article": article, "place": place, "role": role, "generic": generic,
}


def basics(store: Store, this: URIRef) -> View:
    """What every page shows: label, types, other names, same-as links, all triples."""
    return {
        "label": _one(store, this, "rdfs:label") or _one(store, this, "skos:prefLabel"),
        "types": [t for t in _values(store, this, "rdf:type") if str(t).startswith(DKG)],
        "alt": _values(store, this, "skos:altLabel"),
        "same": [s for s in _values(store, this, "owl:sameAs") if s != this],
        **overview(store, this),
    }


def _distinct(values: Any) -> list[Any]:
    out: list[Any] = []
    for v in values:
        if v is not None and v not in out:
            out.append(v)
    return out

