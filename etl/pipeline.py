"""Extraction of one article: read text → spaCy → actors, meetings, statements, issues.

``Extractor().extract(article) -> ArticleFacts``; ``extract_many`` streams many articles
through ``nlp.pipe`` (optionally in several processes); ``parse_batches`` parses in batches
with ``nlp.pipe`` for the ingest, keeping the input order and one article's failure its own.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from diplokg.iris import digest
from etl.extract.actors import find_actors
from etl.extract.context import ArticleContext, government_source, home_country, publisher_country
from etl.extract.dates import anchor_for
from etl.extract.gazetteer import Gazetteer, gazetteer_for
from etl.extract.meetings import MeetingDraft, find_meetings
from etl.extract.mentions import add_gazetteer_actor
from etl.extract.holders import publisher_posts
from etl.extract.quotes import find_quotes
from etl.extract.statements import StatementDraft, find_statements
from etl.extract.topics import link_topics
from etl.model import Article, ArticleFacts, Meeting, Statement
from etl.nlp import load_nlp
from etl.read import body_end, caption_spans

log = logging.getLogger(__name__)

PARSE_BATCH = 16  # articles per nlp.pipe batch in parse_batches


class Extractor:
    """Holds the spaCy pipeline and the vocabularies; extracts facts from articles."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp()
        self.gazetteer: Gazetteer = gazetteer_for(self.nlp)

    def extract(self, article: Article) -> ArticleFacts:
        """The facts of one article."""
        end = body_end(article.text)
        return self.facts(article, self.nlp(article.text[:end]))

    def extract_many(self, articles: Iterable[Article], n_process: int = 1, batch_size: int = 8) -> Iterator[ArticleFacts]:
        """The facts of many articles, in order, parsing with ``nlp.pipe``."""
        pairs = ((a.text[: body_end(a.text)], a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
            yield self.facts(article, doc)

    def parse_batches(self, articles: Iterable[Article], batch_size: int = PARSE_BATCH
                      ) -> Iterator[tuple[Article, Doc | None, Exception | None, float]]:
        """(article, its parsed body or None, the exception that stopped it or None, parse
        seconds) for each article, in input order. A batch goes through ``nlp.pipe`` (faster
        than one ``nlp()`` call per article); where the batch fails, its articles are parsed
        one by one, so a failure is only the failing article's. Parse seconds are the batch's
        time shared equally among its articles."""
        it = iter(articles)
        while batch := list(itertools.islice(it, batch_size)):
            texts = [a.text[: body_end(a.text)] for a in batch]
            t = time.perf_counter()
            try:
                docs = list(self.nlp.pipe(texts, batch_size=batch_size))
            except Exception:  # one bad article: parse them apart
                log.debug("a batch of %d articles failed to parse; parsing them one by one", len(batch), exc_info=True)
            else:
                share = (time.perf_counter() - t) / len(batch)
                for article, doc in zip(batch, docs):
                    yield article, doc, None, share
                continue
            for article, text in zip(batch, texts):
                t = time.perf_counter()
                try:
                    doc = self.nlp(text)
                except Exception as exc:
                    yield article, None, exc, time.perf_counter() - t
                else:
                    yield article, doc, None, time.perf_counter() - t

    def context(self, article: Article, doc: Doc) -> ArticleContext:
        """What the extractors share about an article already parsed (``doc`` covers its body):
        its actors (with the posts the publisher implies), quotes, captions and date anchor."""
        text = article.text
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), without joining every token's text
        ctx = ArticleContext(
            article=article,
            doc=doc,
            body_end=end,
            anchor=anchor_for(article, text[:end]),
            gazetteer=self.gazetteer,
            index=find_actors(doc, self.gazetteer, end, article_id=article.id, published=article.published,
                              publisher=publisher_country(article.source, self.gazetteer),
                              home=home_country(article.source, article.url, self.gazetteer)),
            quotes=find_quotes(text, end),
            captions=caption_spans(text[:end]),
        )
        head = ctx.headline()
        publisher_posts(ctx.index, self.gazetteer, home_country(article.source, article.url, self.gazetteer), head[1] if head else 0,
                        ctx.quotes, government=government_source(article.source, article.url))
        return ctx

    def facts(self, article: Article, doc: Doc) -> ArticleFacts:
        """Extract from an article already parsed (``doc`` covers its body)."""
        ctx = self.context(article, doc)
        index = ctx.index
        meetings = merge_meetings(article, find_meetings(ctx))
        link_topics(ctx, meetings)
        statements = [_statement(article, d, meetings) for d in find_statements(ctx)]
        issues = list(dict.fromkeys(h.ref for h in index.hits if h.kind == "issue"))
        places = {m.location: ctx.places[m.location] for m in meetings if m.location}
        for place in places.values():
            if place.country:
                add_gazetteer_actor(index, self.gazetteer, place.country, "Country")
        return ArticleFacts(
            article=article,
            actors=list(index.actors.values()),
            places=list(places.values()),
            meetings=meetings,
            statements=statements,
            issues=issues,
        )


def _compatible(a: MeetingDraft, b: Meeting) -> bool:
    if set(a.participants) != set(b.participants) or a.mode != b.mode or a.status != b.status or a.primary != b.primary:
        return False
    return a.date is None or b.date is None or a.date.startswith(b.date) or b.date.startswith(a.date)


def merge_meetings(article: Article, drafts: list[MeetingDraft]) -> list[Meeting]:
    """One meeting for drafts with the same participants, mode, status and a compatible date
    (the caption and the body reporting the same talks)."""
    meetings: list[Meeting] = []
    for d in drafts:
        target = next((m for m in meetings if _compatible(d, m)), None)
        if target is None:
            target = Meeting(key="", participants=list(dict.fromkeys(d.participants)), mode=d.mode, status=d.status, date=d.date, primary=d.primary)  # type: ignore[arg-type]
            meetings.append(target)
        if d.date and (target.date is None or len(d.date) > len(target.date)):
            target.date = d.date
        if d.place and target.location is None:
            target.location = d.place.key
        target.primary = target.primary or d.primary
        if d.evidence not in target.evidence:
            target.evidence.append(d.evidence)
        target.topics = list(dict.fromkeys(target.topics + d.topics))
    meetings = _merge_same_day(meetings)
    for i, m in enumerate(meetings):
        people = sorted(m.participants)
        if m.date and len(m.date) == 10:
            m.key = digest("meeting", *people, m.date, m.mode)
        else:
            m.key = digest("meeting", article.id, *people, m.date or "", m.mode, str(i))
    return meetings


def _merge_same_day(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting for the same people, mode and day: a meeting is named by its people, day
    and mode, so two of them (one read as planned, one as held; one primary, one not) are the
    same talks. Held wins (the text reports them as having taken place), primary wins."""
    out: list[Meeting] = []
    seen: dict[tuple, Meeting] = {}
    for m in meetings:
        if not (m.date and len(m.date) == 10):
            out.append(m)
            continue
        ident = (frozenset(m.participants), m.date, m.mode)
        first = seen.get(ident)
        if first is None:
            seen[ident] = m
            out.append(m)
            continue
        if m.status == "held":
            first.status = "held"
        first.primary = first.primary or m.primary
        first.location = first.location or m.location
        first.evidence += [e for e in m.evidence if e not in first.evidence]
        first.topics = list(dict.fromkeys(first.topics + m.topics))
    return out


def _statement(article: Article, d: StatementDraft, meetings: list[Meeting]) -> Statement:
    made_at = None
    for m in meetings:
        if d.speaker in m.participants and any(e.start < d.evidence.end and d.evidence.start < e.end for e in m.evidence):
            made_at = m
            break
    return Statement(
        key=digest("statement", article.id, str(d.quote_start), d.kind),
        speaker=d.speaker,
        quote=d.quote,
        kind=d.kind,  # type: ignore[arg-type]
        evidence=[d.evidence],
        about=d.about,
        made_at=made_at.key if made_at else None,
        date=made_at.date if made_at else None,
    )
