"""Extraction speed against spaCy alone on the same texts, in the same run.

``python -m bench.etl [--articles 300] [--repeat 3] [--json FILE]``

For 1 and 2 processes: articles per second of bare ``nlp.pipe`` (the same pipeline the
extractor uses) and of ``Extractor.extract_many`` (``nlp.pipe`` plus our extraction), medians of
``--repeat`` runs, and their ratio (time ours / time spaCy alone). Texts: the seed articles and
synthetic articles in the genre from :mod:`bench.synth` (deterministic).

``python -m bench.etl --cpu [--texts DIR ...]`` instead measures CPU time in one process:
``nlp.pipe`` over the articles, then the extraction of their facts from those parses (the
ratio holds on a loaded machine, where wall-clock ratios are noise).
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import statistics
import time
from pathlib import Path

from bench.synth import articles as synthetic_articles
from diplokg.resources import SEEDS_DIR
from etl.model import Article
from etl.pipeline import Extractor
from etl.read import body_end, read_file, read_paths

log = logging.getLogger("bench.etl")


def corpus(count: int) -> list[Article]:
    """The seeds, then synthetic articles up to ``count`` in all."""
    seeds = [read_file(p) for p in sorted(SEEDS_DIR.glob("*.txt"))]
    synth = [Article(a["id"], a["text"], published=a.get("published")) for a in synthetic_articles(max(0, count - len(seeds)))]
    return (seeds + synth)[:count]


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(extractor: Extractor, docs: list[Article], processes: int, repeat: int) -> dict[str, float]:
    """Median seconds of spaCy alone and of the extractor, alternating runs."""
    texts = [a.text[: body_end(a.text)] for a in docs]
    spacy_runs, ours_runs = [], []
    for _ in range(repeat):
        spacy_runs.append(_timed(lambda: list(extractor.nlp.pipe(texts, n_process=processes, batch_size=8))))
        ours_runs.append(_timed(lambda: list(extractor.extract_many(docs, n_process=processes))))
    spacy_s, ours_s = statistics.median(spacy_runs), statistics.median(ours_runs)
    return {
        "processes": processes,
        "spacy_s": round(spacy_s, 3),
        "ours_s": round(ours_s, 3),
        "spacy_articles_per_s": round(len(docs) / spacy_s, 1),
        "ours_articles_per_s": round(len(docs) / ours_s, 1),
        "ratio": round(ours_s / spacy_s, 3),
    }


def cpu_measure(extractor: Extractor, docs: list[Article], repeat: int) -> dict[str, float]:
    """CPU time (``time.process_time``, so other jobs on the machine matter little) of
    parsing the articles with ``nlp.pipe`` and of extracting their facts from those parses,
    one process, medians of ``repeat`` passes over all articles."""
    texts = [a.text[: body_end(a.text)] for a in docs]
    parse_runs, facts_runs = [], []
    for _ in range(repeat):
        start = time.process_time()
        parsed = list(extractor.nlp.pipe(texts, batch_size=8))
        parse_runs.append(time.process_time() - start)
        start = time.process_time()
        for article, doc in zip(docs, parsed):
            extractor.facts(article, doc)
        facts_runs.append(time.process_time() - start)
    parse_ms = statistics.median(parse_runs) / len(docs) * 1000
    facts_ms = statistics.median(facts_runs) / len(docs) * 1000
    return {"articles": len(docs), "parse_ms_per_article": round(parse_ms, 2),
            "extract_ms_per_article": round(facts_ms, 2), "ratio": round((parse_ms + facts_ms) / parse_ms, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--cpu", action="store_true",
                        help="CPU time of parsing and of extraction from those parses, one process")
    parser.add_argument("--texts", action="append", default=[], metavar="DIR",
                        help="with --cpu: also these articles (a folder of .txt/.json, or JSON Lines)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    extractor = Extractor()
    docs = corpus(args.articles)
    if args.cpu:
        docs += list(read_paths(args.texts)) if args.texts else []
        extractor.extract(docs[0])
        result = cpu_measure(extractor, docs, args.repeat)
        log.info("%d articles: parse %.2f ms, extraction %.2f ms CPU an article; ratio %.2f",
                 result["articles"], result["parse_ms_per_article"], result["extract_ms_per_article"], result["ratio"])
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        return 0
    words = sum(len(a.text.split()) for a in docs)
    extractor.extract(docs[0])  # warm the vocabularies and matchers
    results = [measure(extractor, docs, n, args.repeat) for n in (1, 2)]
    report = {
        "articles": len(docs),
        "words": words,
        "repeat": args.repeat,
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "results": results,
    }
    log.info("%d articles, %d words, medians of %d runs", len(docs), words, args.repeat)
    log.info("| processes | spaCy alone (articles/s) | diplokg extraction (articles/s) | time ratio ours/spaCy |")
    log.info("|---|---|---|---|")
    for r in results:
        log.info("| %d | %.1f | %.1f | %.2f |", r["processes"], r["spacy_articles_per_s"], r["ours_articles_per_s"], r["ratio"])
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
