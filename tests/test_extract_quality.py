"""Extraction quality on the annotated articles (tests/gold), by the shared scorer's rules
(../shared/devset/score.py, applied to extracted facts by etl/shared_scoring.py).

On the first-wave articles (the seeds and g01-g13, in the seeds' wire style) the issue's targets
for meetings (F1, date, mode), statements, persons, roles and invented dates are met and asserted;
location (0.84 < 0.85) and issue recall (0.59 < 0.70) are not yet. The second-wave articles (g14
on, the pairs p*, the controls n*: readouts, MOFA releases, transcripts, see docs/gold.md) meet
none of the targets yet; on the whole corpus the test asserts the level measured when that gold
was written, so a regression fails while the targets stay open (``python -m etl.evaluate``
prints every number).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from diplokg.resources import SEEDS_DIR
from etl.evaluate import Score, evaluate

GOLD = Path(__file__).parent / "gold"
FIRST_WAVE = re.compile(r"^(\d{3}_|g(0\d|1[0-3])_)")


@pytest.fixture(scope="module")
def score() -> Score:
    total, _ = evaluate(GOLD)
    return total


@pytest.fixture(scope="module")
def first_wave(tmp_path_factory) -> Score:
    directory = tmp_path_factory.mktemp("gold")
    for path in GOLD.glob("*.gold.json"):
        if FIRST_WAVE.match(path.name):
            shutil.copy(path, directory / path.name)
    total, per_article = evaluate(directory, [SEEDS_DIR, GOLD / "articles"])
    assert len(per_article) == 17
    return total


@pytest.mark.parametrize(("category", "key", "target"), [
    ("meetings", "f1", 0.90), ("meetings", "date_acc", 0.90), ("meetings", "mode_acc", 0.95),
    ("statements", "f1", 0.85), ("persons", "f1", 0.95), ("persons", "role_recall", 0.90)])
def test_first_wave_meets_the_targets(first_wave: Score, category: str, key: str, target: float) -> None:
    value = first_wave.shared.as_dict()[category][key]
    assert value >= target, f"{category} {key} {value:.3f} on the first-wave articles"


def test_first_wave_has_no_invented_dates(first_wave: Score) -> None:
    assert first_wave.shared.invented_dates == []
    assert first_wave.invented_dates == []


@pytest.mark.parametrize(("category", "key", "floor"), [
    ("meetings", "f1", 0.80), ("statements", "f1", 0.78), ("persons", "f1", 0.95), ("persons", "role_recall", 0.70)])
def test_whole_corpus_is_no_worse_than_when_its_gold_was_written(score: Score, category: str, key: str,
                                                                  floor: float) -> None:
    value = score.shared.as_dict()[category][key]
    assert value >= floor, f"{category} {key} {value:.3f} on all {len(list(GOLD.glob('*.gold.json')))} articles"


def test_every_evidence_span_is_valid(score: Score) -> None:
    assert score.evidence_total > 500
    assert score.evidence_valid == score.evidence_total
