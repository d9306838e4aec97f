"""Property tests of the whole extraction: any text, and mutated seed articles, give facts
whose RDF conforms to the shapes, with valid evidence, and never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplokg.iris import Iris
from etl.model import Article
from etl.to_rdf import facts_to_graph
from etl.validate import validate_graph
from tests.extract_support import extractor

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def _check(text: str) -> None:
    facts = extractor().extract(Article("prop", text, published="2024-05-17"))
    spans = [e for m in facts.meetings for e in m.evidence] + [e for s in facts.statements for e in s.evidence]
    spans += [r.evidence for a in facts.actors for r in a.roles]
    assert all(text[s.start:s.end] == s.text and s.start < s.end for s in spans)
    report = validate_graph(facts_to_graph(facts, Iris()))
    assert report.conforms, report.text()


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


_WORDS = st.sampled_from(
    ['"', "\u201c", "\u201d", "\n\n", " said", " met", " will visit", " (Kyodo)", " on Friday", " Related coverage:\n",
     " Foreign Minister", " Kim", " and", ",", ".", " talks", " he", " the North's leader", " by phone"]
)


@SETTINGS
@given(st.sampled_from(range(len(SEED_TEXTS))), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), _WORDS), max_size=6))
def test_mutated_seed_articles(seed: int, edits: list[tuple[float, int, str]]) -> None:
    text = SEED_TEXTS[seed]
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    _check(text)
