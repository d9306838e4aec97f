"""Extraction quality on the annotated articles (tests/gold): the targets of the ETL issue.

Targets: meetings F1 >= 0.90, statements (quote + right speaker) F1 >= 0.90, people F1 >= 0.95,
no invented dates, every evidence span valid. The gold includes fictional articles written for
the cases the seeds do not cover; see docs/gold.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.evaluate import Score, evaluate

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def score() -> Score:
    total, _ = evaluate(GOLD)
    return total


@pytest.mark.parametrize(("category", "target"), [("meetings", 0.90), ("statements", 0.90), ("people", 0.95)])
def test_f1_targets(score: Score, category: str, target: float) -> None:
    count = score.counts[category]
    assert count.f1 >= target, f"{category} F1 {count.f1:.3f} (P {count.precision:.3f}, R {count.recall:.3f})"


def test_no_invented_dates(score: Score) -> None:
    assert score.invented_dates == []


def test_every_evidence_span_is_valid(score: Score) -> None:
    assert score.evidence_total > 200
    assert score.evidence_valid == score.evidence_total
