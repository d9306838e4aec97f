"""Blueprint: entity pages (``/id/{kind}/{key}``, HTML or RDF by content negotiation) and ``/``."""

from __future__ import annotations

import logging
import re
from dataclasses import asdict

from flask import Blueprint, Response, g, render_template, request
from markupsafe import Markup, escape
from rdflib import BNode, URIRef
from rdflib.term import Node

from diplokg.errors import BadInput, DiplokgError, NotFound
from diplokg.iris import DKG, KINDS, PREFIXES
from diplokg.store import Store
from server.pages import common
from server.cookbook import load_cookbook
from server.pages.query import construct, iris_in, labels
from server.pages.views import MAX_INCOMING, VIEWS, basics, exists, page_kind

log = logging.getLogger(__name__)

bp = Blueprint("pages", __name__)

KEY = re.compile(r"[A-Za-z0-9._~-]{1,200}")

NAMESPACES = common.NAMESPACES

_DESCRIBE = """
CONSTRUCT { $this ?p ?o . ?s ?q $this . ?ev ?r ?x }
WHERE {
  { $this ?p ?o }
  UNION { ?s ?q $this }
  UNION { $this dkg:evidence ?ev . ?ev ?r ?x }
  UNION { ?ev dkg:article $this ; ?r ?x }
}"""


@bp.get("/")
def index() -> str:
    """The query page: editor, cookbook, results. ``?query=`` fills the editor (a shared link)."""
    cookbook = load_cookbook(base=common.base())
    shared = request.args.get("query", "")
    if len(shared.encode("utf-8")) > common.config().max_query_bytes:
        shared = ""
    start = shared or (cookbook[0].sparql if cookbook else "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    return render_template("index.html", cookbook=cookbook, recipes=[asdict(r) for r in cookbook],
                           start=start, shared=bool(shared), config_base=common.base(), title="Query",
                           prefixes=sorted(PREFIXES))


@bp.get("/id/<kind>/<key>")
def entity(kind: str, key: str) -> Response | tuple[Response, int] | tuple[str, int]:
    """An instance, as an HTML page or in any RDF format (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``,
    ``.nq``, ``.trig`` name one), by content negotiation; Content-Location names the variant sent."""
    path_iri = common.base() + f"id/{kind}/{key}"
    try:
        g.page = _page_number(request.args.getlist("page"))
        if kind not in KINDS or not KEY.fullmatch(key):
            raise NotFound(f"no such entity: {path_iri}")
        store = common.store()
        this = URIRef(path_iri)
        fmt = None
        if not exists(store, this):
            stem, _, suffix = key.rpartition(".")
            if stem and suffix in common.BY_SUFFIX:
                this = URIRef(common.base() + f"id/{kind}/{stem}")
                fmt = common.BY_SUFFIX[suffix]
            if fmt is None or not exists(store, this):
                raise NotFound(f"no such entity: {path_iri}")
        if fmt is None:
            fmt = common.negotiate((common.HTML, *common.RDF_FORMATS))
    except DiplokgError as exc:
        return common.error_response(exc)
    if fmt is common.HTML:
        body: bytes | str = _html(store, this)
    else:
        body = common.serialize(construct(store, _DESCRIBE, this=this), fmt)
    return common.representation(body, fmt, "/" + str(this)[len(common.base()):])


MAX_PAGE = 100_000
_PAGE = re.compile(r"[1-9][0-9]{0,5}")


def _page_number(values: list[str]) -> int:
    """The ``page`` parameter of an entity page (1 when absent); BadInput when malformed."""
    if not values:
        return 1
    if len(values) > 1:
        raise BadInput(f"give one page, not {len(values)}")
    value = values[0]
    if not _PAGE.fullmatch(value) or int(value) > MAX_PAGE:
        shown = value if len(value) <= 20 else value[:17] + "..."
        raise BadInput(f"page must be a whole number from 1 to {MAX_PAGE}, not {shown!r}")
    return int(value)


def _html(store: Store, this: URIRef) -> str:
    kind = page_kind(store, this)
    view = {**basics(store, this), **VIEWS[kind](store, this, common.base())}
    wanted = set(iris_in(view))
    g.labels = labels(store, wanted)
    return render_template(
        f"entity/{kind}.html", this=this, v=view, kind=kind,
        title=view.get("label") or view.get("title") or str(this), max_incoming=MAX_INCOMING,
        alternates=common.alternates("/" + str(this)[len(common.base()):]),
    )


def qname(iri: str) -> str:
    """A short name for an IRI: ``prefix:local`` for known namespaces, else the IRI.

    >>> qname("https://w3id.org/diplokg/ontology#InPerson")
    'dkg:InPerson'
    """
    for prefix, ns in NAMESPACES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@bp.app_template_filter("term")
def term_filter(term: Node | None) -> Markup:
    """Render an RDF term: IRIs as links named by their label, literals as escaped text."""
    if term is None:
        return Markup("")
    if isinstance(term, URIRef):
        iri = str(term)
        name = name_filter(term)
        if not common.linkable(iri):  # javascript:, data:, file: ... are shown, never linked
            return Markup('<span class="iri" title="{}">{}</span>').format(iri, name)
        href = common.local_href(iri)
        external = href == iri
        attrs = ' class="ext" rel="noopener"' if external else ""
        return Markup('<a href="{}" title="{}"{}>{}</a>').format(href, iri, Markup(attrs), name)
    if isinstance(term, BNode):
        return Markup('<span class="bnode">_:{}</span>').format(str(term))
    return escape(str(term))


@bp.app_template_filter("name")
def name_filter(term: Node | None) -> str:
    """The display name of a term: its label, else a short form of the IRI."""
    if term is None:
        return ""
    return getattr(g, "labels", {}).get(term) or qname(str(term))


@bp.app_template_filter("linkable")
def linkable_filter(value: Node | str | None) -> bool:
    """Whether a URL may become a link: http(s), or an IRI of this site."""
    return value is not None and common.linkable(str(value))


@bp.app_template_filter("local")
def local_filter(term: Node | str) -> str:
    """The local link of an IRI (a path on this server when under the base IRI); empty when
    the IRI may not be a link (not http(s))."""
    return common.local_href(str(term)) if common.linkable(str(term)) else ""


@bp.app_template_filter("short")
def short_filter(term: Node | None) -> str:
    """The local name of an ontology value (``dkg:InPerson`` → 'InPerson')."""
    if term is None:
        return ""
    text = str(term)
    return text[len(DKG):] if text.startswith(DKG) else text

