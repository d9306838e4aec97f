"""A remote store: any SPARQL 1.1 server, through SPARQL 1.1 Query and Update over HTTP.

Selected when the ``store`` setting is an ``http(s)://`` URL. Endpoints: a URL with no
path is an Oxigraph server (``/query``, ``/update``, ``/store``); a URL with a path is one
endpoint for queries and updates (Virtuoso's ``/sparql``, Fuseki's ``/ds``). The
``store_query_url``, ``store_update_url`` and ``store_graph_url`` settings override each.
Credentials come from the environment only (``DIPLOKG_STORE_USER`` and
``DIPLOKG_STORE_PASSWORD``, basic or digest as the server asks; or
``DIPLOKG_STORE_TOKEN``, a bearer token) and appear in no log line or message.

The default graph. Like the embedded store, queries see the *set* union of the article
graphs as their default graph, kept materialised by every write in the same update
request (a server's own union default graph is a bag: a triple held by two graphs counts
twice). Where it lives depends on the server:

- standard servers (Oxigraph, Jena, GraphDB): in the server's default graph, which
  ``GRAPH ?g`` does not see;
- Virtuoso, which has no default graph of its own (a pattern outside ``GRAPH`` matches
  every graph, its system graphs too): in the graph ``{base}graph/union``, made the
  default graph of each query by ``DEFINE input:default-graph-uri``; Virtuoso's system
  graphs are hidden from ``GRAPH ?g`` by ``DEFINE input:named-graph-exclude`` (the union
  cannot be: Virtuoso then finds nothing in the default graph either).

Writes. Replacing graphs reads what they hold and which leaving triples other graphs hold
(unchanged graphs are not written), then sends one update request (delete from the union
the triples no other graph holds, drop the graphs, insert the new content into the graphs
and the union), which the server runs as one transaction. One writer at a time. A write larger than
``store_batch_triples`` is first sent in batches into staging graphs
(``{base}graph/staging/...``), then moved into place by one final request: an article
interrupted half-way is absent (its staging graph is not part of the store: ``graphs``,
exports and counts skip it) and ingesting it again completes it.

Failures. Each request has a timeout (``store_timeout``); connection errors, timeouts and
5xx answers are retried ``store_retries`` times with exponential backoff, then reported
as one line naming the server (``StoreError``).

Queries. Each query is parsed here with rdflib's SPARQL parser before it is sent: a text
that does not parse is a ``QuerySyntaxError`` and is never forwarded, and a query whose
parse tree holds a SERVICE pattern (anywhere: sub-queries, EXISTS) is refused, because the
server itself would federate it.
"""

from __future__ import annotations

import logging
import os
import random
import re
import time
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

import pyoxigraph as ox
import requests
from rdflib import BNode, URIRef
from rdflib.term import Node

from diplokg.errors import QuerySyntaxError, StoreError, StoreMissing, UsageError
from diplokg.iris import Iris, digest
from diplokg.store.base import DATASET_FORMATS, QueryResult, Store, StoreStats, Triple
from diplokg.store.remote_query import Checked, bind, check, with_prologue
from diplokg.store.results import OxQueryResult
from diplokg.store.terms import to_ox, to_rdflib

log = logging.getLogger(__name__)

USER_VAR = "DIPLOKG_STORE_USER"
PASSWORD_VAR = "DIPLOKG_STORE_PASSWORD"
TOKEN_VAR = "DIPLOKG_STORE_TOKEN"
SERVER_KINDS = ("auto", "standard", "virtuoso")

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_CONNECT_TIMEOUT = 10.0
STANDARD_BATCH = 20_000
HELD_BATCH = 200  # triples per "held elsewhere" query
VIRTUOSO_BATCH = 1_000  # Virtuoso 7.2's SPARQL compiler fails on INSERT DATA of about 1,500 triples
_BACKOFF_FIRST = 0.5
_BACKOFF_MAX = 8.0
# Virtuoso answers 500 for errors that retrying cannot mend (compiler, permissions, SERVICE).
_PERMANENT_500 = re.compile(r"Error (SP\d|SR\d|SQ\d|HC\d|42\w|37000|22\w)")


def is_remote(location: str) -> bool:
    """Whether a ``store`` setting names a server (an http or https URL)."""
    return location.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where queries, updates and Graph Store requests go."""

    query: str
    update: str
    graph: str | None

    @property
    def server(self) -> str:
        """The server's name for messages: scheme, host and port, never credentials."""
        return _display(self.query)


def _display(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or "?"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def endpoints(store: str, query: str = "", update: str = "", graph: str = "") -> Endpoints:
    """The endpoints of a store URL and the optional per-endpoint settings."""
    for url in (store, query, update, graph):
        if url and "@" in urllib.parse.urlsplit(url).netloc:
            raise UsageError(f"a store URL must not hold credentials: set {USER_VAR} and {PASSWORD_VAR} "
                             f"(or {TOKEN_VAR}) in the environment")
    parts = urllib.parse.urlsplit(store)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError("the store setting is neither a directory nor an http(s) URL of a SPARQL server")
    root = store.rstrip("/")
    if parts.path in ("", "/"):  # an Oxigraph server's layout
        defaults = (root + "/query", root + "/update", root + "/store")
    else:
        defaults = (store, store, None)
    return Endpoints(query or defaults[0], update or defaults[1], graph or defaults[2])


def _auth(environ: Mapping[str, str]) -> tuple[Any, dict[str, str]]:
    """requests' auth and extra headers from the environment (never from settings)."""
    token = environ.get(TOKEN_VAR)
    if token:
        return None, {"Authorization": f"Bearer {token}"}
    user = environ.get(USER_VAR)
    if user:
        return (user, environ.get(PASSWORD_VAR, "")), {}
    return None, {}


def _lines(triples: Iterable[tuple]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)


class _Triples(list):
    """Parsed CONSTRUCT/DESCRIBE triples, serializable like the engine's own results."""

    def serialize(self, output: Any = None, format: Any = None) -> bytes | None:
        return ox.serialize(self, output, format=format)


class RemoteStore(Store):
    """A SPARQL 1.1 server behind the Store interface (see the module docstring)."""

    def __init__(self, points: Endpoints, iris: Iris, *, writable: bool, kind: str = "auto",
                 timeout: float = 60.0, retries: int = 4, batch_triples: int = 0,
                 environ: Mapping[str, str] | None = None) -> None:
        if kind not in SERVER_KINDS:
            raise UsageError(f"setting store_server must be one of {', '.join(SERVER_KINDS)}")
        self.points = points
        self.iris = iris
        self.writable = writable
        self.timeout = timeout
        self.retries = max(0, retries)
        self.batch_triples = max(0, batch_triples)
        self._session: requests.Session | None = requests.Session()
        auth, headers = _auth(os.environ if environ is None else environ)
        self._session.auth = auth
        self._session.headers.update(headers)
        self._session.trust_env = False  # no proxies or .netrc picked up behind the settings
        self.union_graph = f"{iris.base}graph/union"
        self.staging_prefix = f"{iris.base}graph/staging/"
        self.genid = f"{iris.base}.well-known/genid/"
        self._kind = kind
        self._hidden: list[str] = []  # Virtuoso: graphs hidden from GRAPH ?g

    # --- HTTP ----------------------------------------------------------------------------

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """One request with retries on connection errors, timeouts and 5xx; errors as StoreError."""
        if self._session is None:
            raise StoreError("the store is closed")
        delay = _BACKOFF_FIRST
        for attempt in range(self.retries + 1):
            reason = ""
            try:
                response = self._session.request(method, url, timeout=(_CONNECT_TIMEOUT, self.timeout), **kwargs)
            except requests.Timeout:
                reason = f"no answer within {self.timeout:g} s"
            except requests.ConnectionError:
                reason = "cannot connect"
            except requests.RequestException as exc:
                raise StoreError(f"the store server {self.points.server} cannot be reached: "
                                 f"{type(exc).__name__}") from None
            else:
                # basic refused: digest, if the server asks for it or says nothing (Virtuoso)
                if response.status_code == 401 and isinstance(self._session.auth, tuple) \
                        and not response.headers.get("WWW-Authenticate", "").lower().startswith("basic"):
                    from requests.auth import HTTPDigestAuth

                    self._session.auth = HTTPDigestAuth(*self._session.auth)
                    return self._request(method, url, **kwargs)
                if response.status_code < 500 or _PERMANENT_500.search(response.text[:2000]):
                    return response
                reason = f"HTTP {response.status_code}"
            if attempt < self.retries:
                log.warning("store server %s: %s; retrying in %.1f s", self.points.server, reason, delay)
                time.sleep(delay * (1 + random.random() / 4))
                delay = min(delay * 2, _BACKOFF_MAX)
        raise StoreError(f"the store server {self.points.server} is not answering ({reason}, "
                         f"{self.retries + 1} attempts)")

    def _fail(self, response: requests.Response, what: str) -> None:
        if response.status_code in (401, 403):
            raise StoreError(f"the store server {self.points.server} refused to {what} "
                             f"(HTTP {response.status_code}: check {USER_VAR}/{PASSWORD_VAR} or {TOKEN_VAR})")
        if response.status_code >= 400:
            first = next((line.strip() for line in response.text.splitlines() if line.strip()), "")
            raise StoreError(f"the store server {self.points.server} could not {what} "
                             f"(HTTP {response.status_code}: {first[:300]})")

    def _detect(self, response: requests.Response) -> None:
        if self._kind == "auto":
            self._kind = "virtuoso" if "virtuoso" in response.headers.get("Server", "").lower() else "standard"
            log.debug("store server %s: %s", self.points.server, self._kind)

    def _post_query(self, text: str, accept: str, params: list[tuple[str, str]] | None = None) -> requests.Response:
        response = self._request("POST", self.points.query, data=[("query", text), *(params or [])],
                                 headers={"Accept": accept})
        self._detect(response)
        return response

    def _update(self, text: str) -> None:
        if not self.writable:
            raise StoreError("the store is open read-only")
        response = self._request("POST", self.points.update, data={"update": text})
        self._fail(response, "write")

    # --- dialects --------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """'standard' or 'virtuoso' (asked of the server on the first request when 'auto')."""
        if self._kind == "auto":
            self._post_query("ASK {}", _RESULTS_JSON)
            if self._kind == "auto":
                self._kind = "standard"
        return self._kind

    def _hidden_graphs(self) -> list[str]:
        """Virtuoso: its own graphs (outside the base), hidden from GRAPH ?g. Not the union:
        Virtuoso 7.2 then finds nothing in the default graph either (it stays visible to
        GRAPH ?g; diplokg's own queries filter it out)."""
        if not self._hidden:
            rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                f"FILTER(!STRSTARTS(STR(?g), {_nt_str(self.iris.base)})) }}", raw=True)
            self._hidden = sorted(str(r[0]) for r in rows)
        return self._hidden

    def _prologue(self, checked: Checked | None, default_graphs: list[str] | None,
                  named_graphs: list[str] | None) -> str:
        """Virtuoso: the query's dataset as DEFINEs (the union as default graph; its own and
        the union graph hidden from GRAPH ?g). Virtuoso finds nothing in a GRAPH <iri>
        pattern once a query has a dataset unless that graph is named in it, so the graphs
        such patterns name are named; a query with both kinds names all diplokg's graphs."""
        if self.kind != "virtuoso" or (checked is not None and checked.dataset):
            return ""
        defaults = default_graphs if default_graphs is not None else [self.union_graph]
        lines = [f"DEFINE input:default-graph-uri <{ox.NamedNode(g).value}>" for g in defaults]
        if named_graphs is None and checked is not None and checked.graphs:
            named_graphs = list(checked.graphs) if not checked.graph_variable else self.graphs()
        if named_graphs is not None:
            lines += [f"DEFINE input:named-graph-uri <{ox.NamedNode(g).value}>" for g in named_graphs]
        else:
            lines += [f"DEFINE input:named-graph-exclude <{g}>" for g in self._hidden_graphs()]
        return "\n".join(lines) + "\n"

    def _union(self, body: str) -> str:
        """Triples (or a pattern) placed in the union."""
        return body if self.kind != "virtuoso" else f"GRAPH <{self.union_graph}> {{ {body} }}"

    # --- queries ---------------------------------------------------------------------------

    def _send(self, text: str, checked: Checked | str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryResult:
        """Send a query; ``checked`` is its check, or just its form for this module's own
        queries (which name no graph they read with GRAPH <iri>, or go through ``_send_raw``)."""
        form = checked.form if isinstance(checked, Checked) else checked
        params: list[tuple[str, str]] = []
        if self.kind != "virtuoso":
            params += [("default-graph-uri", g) for g in default_graphs or []]
            params += [("named-graph-uri", g) for g in named_graphs or []]
        full = self._prologue(checked if isinstance(checked, Checked) else None, default_graphs,
                              named_graphs) + text
        log.debug("remote query: %s", text)
        accept = _NTRIPLES if form == "graph" else _RESULTS_JSON
        response = self._post_query(full, accept, params)
        if response.status_code == 400:
            first = next((line.strip() for line in response.text.splitlines() if line.strip()), "")
            raise QuerySyntaxError(f"the store server rejected the query: {first[:300]}")
        self._fail(response, "answer the query")
        return self._parse(response, form)

    def _parse(self, response: requests.Response, form: str) -> QueryResult:
        body = response.content
        try:
            if form == "graph":
                media = response.headers.get("Content-Type", _NTRIPLES).split(";")[0].strip()
                fmt = ox.RdfFormat.from_media_type(media)
                if fmt is None or media == "text/plain":
                    fmt = ox.RdfFormat.N_TRIPLES
                return OxQueryResult(_Triples(ox.parse(body, format=fmt)))
            return OxQueryResult(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the store server {self.points.server} sent an answer that does not parse: "
                             f"{str(exc)[:200]}") from None

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, base_iri: str | None = None) -> QueryResult:
        """Check (parse, no SERVICE) and run a read-only query on the server (see the module)."""
        checked = check(sparql, base_iri)
        return self._send(with_prologue(sparql, base_iri), checked, default_graphs=default_graphs,
                          named_graphs=named_graphs)

    def query_bound(self, sparql: str, bindings: dict[str, Node]) -> QueryResult:
        """Run a query with variables bound by a VALUES block of engine-rendered terms."""
        return self._send(bind(sparql, bindings), check(sparql))

    def _select(self, text: str, raw: bool = False) -> list[tuple]:
        """Rows of one of this module's own SELECT queries (no check: they are ours)."""
        result = self._send(text, "select") if not raw else self._send_raw(text)
        return list(result.rows())

    def _send_raw(self, text: str, form: str = "select") -> QueryResult:
        """One of this module's own queries, with no dataset: the server's default graph
        and all its graphs (Virtuoso: every graph, its own too)."""
        response = self._post_query(text, _NTRIPLES if form == "graph" else _RESULTS_JSON)
        self._fail(response, "answer the query")
        return self._parse(response, form)

    # --- reading the store -----------------------------------------------------------------

    def _ours(self, var: str = "?g") -> str:
        base, staging = _nt_str(self.iris.base), _nt_str(self.staging_prefix)
        union = f"<{self.union_graph}>"
        return (f"FILTER(STRSTARTS(STR({var}), {base}) && !STRSTARTS(STR({var}), {staging}) "
                f"&& {var} != {union})")

    def graphs(self) -> list[str]:
        """The store's named graphs: those under the base IRI (not staging, not the union)."""
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")
        return sorted(str(r[0]) for r in rows)

    def _graph_ox(self, graph: str) -> list[ox.Triple]:
        g = ox.NamedNode(graph)
        text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
        return [self._unskolem(t) for t in self._send_raw(text, "graph")._raw]  # type: ignore[attr-defined]

    def graph_triples(self, graph: str) -> Iterator[Triple]:
        """The triples of one named graph, as rdflib terms."""
        for t in self._graph_ox(graph):
            yield (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))  # type: ignore[misc]

    def exists(self) -> bool:
        """Whether diplokg has written this server (its ontology graph is there)."""
        text = f"SELECT ?s WHERE {{ GRAPH <{self.iris.ontology_graph}> {{ ?s ?p ?o }} }} LIMIT 1"
        return bool(list(self._send_raw(text).rows()))

    def export(self, out: BinaryIO, fmt: str, *, replace: Mapping[str, Iterable[Triple]] | None = None) -> None:
        """Write the store's named graphs (quad formats) or their union, serialized by the engine."""
        from diplokg.store.oxigraph import _EXPORT_FORMATS, _PREFIXED_FORMATS, _QUAD_FORMATS, EXPORT_PREFIXES

        if fmt not in DATASET_FORMATS:
            raise UsageError(f"unknown export format {fmt!r} (one of {', '.join(DATASET_FORMATS)})")
        replaced = {g: [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
                    for g, triples in (replace or {}).items()}
        kwargs: dict = {"format": _EXPORT_FORMATS[fmt]}
        if fmt in _PREFIXED_FORMATS:
            kwargs["prefixes"] = EXPORT_PREFIXES
        names = sorted(set(self.graphs()) | set(replaced))
        if fmt in _QUAD_FORMATS:
            def quads() -> Iterator[ox.Quad]:
                for g in names:
                    name = ox.NamedNode(g)
                    for t in replaced[g] if g in replaced else self._graph_ox(g):
                        yield ox.Quad(t.subject, t.predicate, t.object, name)
            ox.serialize(quads(), out, **kwargs)
            return
        union: dict = {}
        for g in names:
            for t in replaced[g] if g in replaced else self._graph_ox(g):
                union.setdefault(t, None)
        ox.serialize(union, out, **kwargs)

    def stats(self) -> StoreStats:
        """Articles (article graphs), triples (in the store's named graphs) and instances per class."""
        prefix = self.iris.article_graph_prefix
        articles = sum(1 for g in self.graphs() if g.startswith(prefix))
        triples = int(self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")[0][0])
        ontology = f"<{self.iris.ontology_graph}>"
        rows = self._select(
            f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {self._ours()} "
            f"FILTER(?g != {ontology}) }} GROUP BY ?c ORDER BY DESC(?n) ?c")
        classes = {str(c): int(n) for c, n in rows if isinstance(c, URIRef)}
        return StoreStats(articles=articles, triples=triples, classes=classes)

    # --- writing ---------------------------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Replace the whole content of a named graph (see :meth:`replace_graphs`)."""
        self.replace_graphs({graph: triples})

    def remove_graph(self, graph: str) -> None:
        """Remove a named graph and its triples (and them from the union unless held elsewhere)."""
        self.replace_graphs({graph: None})

    def _skolem(self, triple: Triple) -> tuple:
        """A triple in engine terms, blank nodes replaced by skolem IRIs (``{base}.well-known/
        genid/{label}``, RDF 1.1 §3.5): a write may then span requests, and Virtuoso, which
        refuses blank nodes in INSERT DATA, takes them. Reads turn them back (``_unskolem``)."""
        return tuple(ox.NamedNode(self.genid + str(t)) if isinstance(t, BNode) else to_ox(t) for t in triple)

    def _unskolem(self, triple: ox.Triple) -> ox.Triple:
        terms = [triple.subject, triple.predicate, triple.object]
        if not any(isinstance(t, ox.NamedNode) and t.value.startswith(self.genid) for t in terms):
            return triple
        return ox.Triple(*(ox.BlankNode(t.value[len(self.genid):])
                           if isinstance(t, ox.NamedNode) and t.value.startswith(self.genid) else t for t in terms))

    def _staging(self, graph: str) -> str:
        return self.staging_prefix + digest(graph, length=24)

    def _contents(self, names: list[ox.NamedNode]) -> dict[ox.NamedNode, set[tuple]]:
        """What the server holds in these graphs now (its own rendering of the terms)."""
        values = " ".join(str(g) for g in names)
        result = self._send_raw(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        found: dict[ox.NamedNode, set[tuple]] = {}
        for row in result._raw:  # type: ignore[attr-defined]
            found.setdefault(row["g"], set()).add((row["s"], row["p"], row["o"]))
        return found

    def _held_elsewhere(self, triples: set[tuple], names: list[ox.NamedNode]) -> set[tuple]:
        """Those of ``triples`` that a graph other than ``names`` (and the union) holds.

        A VALUES join, not FILTER NOT EXISTS: Virtuoso 7.2 evaluates a FILTER's inner
        pattern without the outer bindings, so NOT EXISTS would never hold."""
        excluded = [str(g) for g in names] + [f"<{self.union_graph}>"]
        if self.kind == "virtuoso":
            excluded += [f"<{g}>" for g in self._hidden_graphs()]
        held: set[tuple] = set()
        ordered = sorted(triples, key=str)
        for start in range(0, len(ordered), HELD_BATCH):
            rows = " ".join(f"({s} {p} {o})" for s, p, o in ordered[start:start + HELD_BATCH])
            result = self._send_raw(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} "
                                    f"GRAPH ?other {{ ?s ?p ?o }} FILTER(?other NOT IN ({', '.join(excluded)})) }}")
            held.update((row["s"], row["p"], row["o"]) for row in result._raw)  # type: ignore[attr-defined]
        return held

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple] | None]) -> None:
        """Replace (or, for ``None``, remove) several named graphs: one update request, or
        batches into staging graphs then one request that moves them in (see the module).

        Like the embedded store's writer, it reads first what the graphs hold (graphs whose
        content does not change are not written) and which of the triples leaving them
        another graph still holds: the others leave the union, in the same request."""
        if not self.writable:
            raise StoreError("the store is open read-only")
        content: dict[ox.NamedNode, list[tuple]] = {}
        for graph, triples in graphs.items():
            g = ox.NamedNode(graph)
            content[g] = [] if triples is None else sorted({self._skolem(t) for t in triples}, key=str)
        if not content:
            return
        old = self._contents(list(content))
        changed = [g for g in content if set(content[g]) != old.get(g, set())]
        if not changed:
            return
        kept = {t for g in changed for t in content[g]}
        leaving = {t for g in changed for t in old.get(g, set())} - kept
        gone = sorted(leaving - self._held_elsewhere(leaving, changed), key=str) if leaving else []
        total = sum(len(content[g]) for g in changed)
        batch = self.batch_triples or (VIRTUOSO_BATCH if self.kind == "virtuoso" else STANDARD_BATCH)
        ops: list[str] = []
        if total + len(gone) <= batch:
            if gone:
                ops.append(f"DELETE DATA {{ {self._union(_lines(gone))} }}")
            ops += [f"DROP SILENT GRAPH {g}" for g in changed]
            inserts = [f"GRAPH {g} {{\n{_lines(content[g])}}}" for g in changed if content[g]]
            if inserts:
                ops.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
            ops += [f"INSERT {{ {self._union('?s ?p ?o')} }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
                    for g in changed if content[g]]
            self._update(" ;\n".join(ops))
            return
        staging = {g: ox.NamedNode(self._staging(g.value)) for g in changed}
        leaving_graph = ox.NamedNode(self._staging("leaving " + " ".join(g.value for g in changed)))
        self._update(" ;\n".join(f"DROP SILENT GRAPH {s}" for s in [*staging.values(), leaving_graph]))
        for target, triples in [*((staging[g], content[g]) for g in changed), (leaving_graph, gone)]:
            for start in range(0, len(triples), batch):
                chunk = triples[start:start + batch]
                self._update(f"INSERT DATA {{ GRAPH {target} {{\n{_lines(chunk)}}} }}")
        if gone:
            ops.append(f"DELETE {{ {self._union('?s ?p ?o')} }} WHERE {{ GRAPH {leaving_graph} {{ ?s ?p ?o }} }}")
        ops += [f"DROP SILENT GRAPH {g}" for g in changed]
        for g, s in staging.items():
            if content[g]:
                ops.append(f"INSERT {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {s} {{ ?s ?p ?o }} }}")
                ops.append(f"INSERT {{ {self._union('?s ?p ?o')} }} WHERE {{ GRAPH {s} {{ ?s ?p ?o }} }}")
            ops.append(f"DROP SILENT GRAPH {s}")
        ops.append(f"DROP SILENT GRAPH {leaving_graph}")
        self._update(" ;\n".join(ops))  # the completion: every graph moves in at once

    def close(self) -> None:
        """Release the HTTP connections."""
        if self._session is not None:
            self._session.close()
            self._session = None


def _nt_str(text: str) -> str:
    """A string literal in N-Triples."""
    return str(ox.Literal(text))


def open_remote(config: Any, iris: Iris, *, writable: bool) -> RemoteStore:
    """Open the server named by the ``store`` setting; readers of a server diplokg has not
    written get StoreMissing (exit 2), like readers of a missing store directory."""
    points = endpoints(config.store, config.store_query_url, config.store_update_url, config.store_graph_url)
    store = RemoteStore(points, iris, writable=writable, kind=config.store_server, timeout=config.store_timeout,
                        retries=config.store_retries, batch_triples=config.store_batch_triples)
    if not writable:
        try:
            found = store.exists()
        except BaseException:
            store.close()
            raise
        if not found:
            store.close()
            raise StoreMissing(points.server)
    return store
