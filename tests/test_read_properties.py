"""Properties of the reader, the layout helpers and date finding on arbitrary text."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.dates import anchor_for, find_dates
from etl.model import Article
from etl.read import (
    ReadFailure, body_end, caption_spans, headline_span, headline_title, read_file, read_jsonl, read_paths,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# Text that looks like news (words, dates, captions, line breaks) mixed with anything at all.
FRAGMENTS = st.sampled_from(
    [
        "Friday", "on Thursday", "July 10, 2020", "Feb. 29", "in November", "mid-June", "last year",
        "the day before", "a day after", " (Kyodo)", " (L) ", "(Pool photo)", "==Kyodo", ".", "\n", "\r\n",
        "\r", "\n\n", "Related coverage:", "2020-07-10", "10 July 2020", "\ufeff", "\u2028", "\x00", "\"",
        "“", "”", "early 2019", "last December", "this week", "yesterday", " ", "金正恩", "Москва",
    ]
)  # fmt: skip
NEWSISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(), NEWSISH)
ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are in bounds, non-empty, ordered and disjoint."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        previous_end = end


@given(ANY_TEXT)
def test_layout_helpers_on_any_text(text: str) -> None:
    end = body_end(text)
    assert 0 <= end <= len(text)
    spans = caption_spans(text)
    check_spans(text, spans)
    assert all(e <= end for _, e in spans)
    headline = headline_span(text)
    if headline is not None:
        check_spans(text, [headline])
        assert text[headline[0] : headline[1]].strip() == text[headline[0] : headline[1]]


@given(ANY_TEXT, ANCHORS, st.booleans())
def test_find_dates_on_any_text(text: str, anchor: date | None, future: bool) -> None:
    mentions = find_dates(text, anchor, future=future)
    check_spans(text, [(m.start, m.end) for m in mentions])
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("explicit", "weekday", "relative", "month", "year")
        assert m.value is None or VALUE.fullmatch(m.value)
        if anchor is None and m.kind in ("weekday", "relative"):
            assert m.value is None


@given(st.sampled_from(SEED_TEXTS), st.integers(0, 4000), st.integers(0, 4000), NEWSISH, ANCHORS)
@settings(max_examples=60)
def test_mutated_seeds(seed: str, cut: int, length: int, insert: str, anchor: date | None) -> None:
    text = seed[:cut] + insert + seed[cut + length :]
    check_spans(text, caption_spans(text))
    assert 0 <= body_end(text) <= len(text)
    check_spans(text, [(m.start, m.end) for m in find_dates(text, anchor)])
    found = anchor_for(Article("x", text), text)
    assert found is None or isinstance(found, date)


@given(st.text(), st.binary(max_size=200))
@settings(max_examples=60)
def test_txt_round_trip_and_any_bytes(text: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp, "good.txt")
        good.write_bytes(text.encode("utf-8"))
        raw = Path(tmp, "raw.txt")
        raw.write_bytes(data)
        items = list(read_paths([tmp]))
        expected = text.removeprefix("\ufeff")
        blank = ReadFailure(str(good), "empty article: the text is blank")
        if expected.strip():
            assert items[0] == read_file(good) == Article("good", expected, title=headline_title(expected),
                                                          origin=str(good))
        else:
            assert items[0] == blank
        assert len(items) == 2
        try:
            decoded = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            assert items[1] == ReadFailure(str(raw), f"not valid UTF-8 at byte {exc.start}")
        else:
            if decoded.strip():
                assert items[1] == Article("raw", decoded, title=headline_title(decoded), origin=str(raw))
            else:
                assert items[1] == ReadFailure(str(raw), "empty article: the text is blank")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=10,
)
RECORDS = st.one_of(
    st.fixed_dictionaries({"id": st.text(max_size=5), "text": st.text()}, optional={"published": st.text(max_size=12)}),
    JSON_VALUES,
)


@given(st.lists(st.one_of(RECORDS.map(json.dumps), st.text(max_size=30)), max_size=8))
@settings(max_examples=60)
def test_jsonl_never_raises_and_keeps_line_numbers(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "batch.jsonl")
        content = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
        items = list(read_jsonl(path))
        numbers = [int(i.origin.rsplit(":", 1)[1]) for i in items]
        assert numbers == sorted(set(numbers))
        nonblank = [n for n, line in enumerate(content.split("\n"), start=1) if line.strip()]
        assert numbers == nonblank
        for item in items:
            if isinstance(item, Article):
                assert item.id.strip() and len(item.id) <= 200
                assert item.published is None or date.fromisoformat(item.published).isoformat() == item.published


@given(st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(["title", "url", "published", "source", "x"]), JSON_VALUES)))
@settings(max_examples=60)
def test_any_sidecar_gives_an_article_or_one_clear_error(sidecar: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.txt").write_text("Body.", encoding="utf-8")
        Path(tmp, "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
        [item] = list(read_paths([tmp]))
        if isinstance(item, ReadFailure):
            assert item.origin == str(Path(tmp, "a.json")) and "\n" not in item.message
        else:
            assert isinstance(sidecar, dict) and item.text == "Body."
            assert all(isinstance(getattr(item, f), (str, type(None))) for f in ("title", "url", "published", "source"))
