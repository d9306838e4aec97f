"""The article reader: files, sidecars, JSON Lines, directories, bad input, text layout."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from diplokg.errors import BadInput
from etl.model import Article
from etl.read import (
    ArticleUnreadable,
    ReadFailure,
    body_end,
    caption_spans,
    headline_span,
    read_file,
    read_jsonl,
    read_paths,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def write(path: Path, content: str | bytes) -> Path:
    """Write bytes as given, or text as UTF-8 without newline translation."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def summary(items: list[Article | ReadFailure]) -> list[tuple[str, str]]:
    """(id or 'FAIL', origin or message) of each item, for exact comparisons."""
    return [(i.id, i.origin) if isinstance(i, Article) else ("FAIL", str(i)) for i in items]


# --- .txt and sidecars ----------------------------------------------------------------------


def test_txt_with_sidecar(tmp_path: Path) -> None:
    txt = write(tmp_path / "a1.txt", "Headline\r\n\r\n  Body with spaces.  \n\n")
    write(
        tmp_path / "a1.json",
        json.dumps({"title": "T", "url": "https://example.org/a1", "published": "2020-07-10T22:30:00+09:00",
                    "source": "Kyodo", "section": "ignored", "tags": [1, 2]}),
    )
    assert read_file(txt) == Article(
        id="a1", text="Headline\r\n\r\n  Body with spaces.  \n\n", title="T", url="https://example.org/a1",
        published="2020-07-10", source="Kyodo", origin=str(txt),
    )


def test_txt_without_sidecar_keeps_text_and_drops_only_a_bom(tmp_path: Path) -> None:
    txt = write(tmp_path / "b.txt", b"\xef\xbb\xbf\xe6\x97\xa5\xe6\x9c\xac \r\n\tend\r")
    assert read_file(txt) == Article(id="b", text="日本 \r\n\tend\r", title="日本", origin=str(txt))


@pytest.mark.parametrize("content", [b"", b" \n\r\n\t", b"\xef\xbb\xbf\n"])
def test_empty_file_is_refused_with_a_line(tmp_path: Path, content: bytes) -> None:
    txt = write(tmp_path / "empty.txt", content)
    with pytest.raises(ArticleUnreadable) as info:
        read_file(txt)
    assert str(info.value) == f"{txt}: empty article: the text is blank"


def test_title_is_the_headline_when_no_sidecar_gives_one(tmp_path: Path) -> None:
    txt = write(tmp_path / "h.txt", "\n  Japan,  U.S. agree on N. Korea \n\nTokyo said on Friday that...\n")
    assert read_file(txt).title == "Japan, U.S. agree on N. Korea"
    write(tmp_path / "h.json", json.dumps({"title": "From the sidecar"}))
    assert read_file(txt).title == "From the sidecar"
    long = write(tmp_path / "long.txt", "word " * 100 + "\n")
    title = read_file(long).title
    assert title.endswith("…") and len(title) <= 201 and title[:-1].split() == ["word"] * len(title[:-1].split())


@pytest.mark.parametrize(("given", "stored"), [
    ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("http://creativecommons.org/licenses/by-sa/4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("https://example.org/our-terms", "https://example.org/our-terms"),
])
def test_license_and_rights_per_article(tmp_path: Path, given: str, stored: str) -> None:
    txt = write(tmp_path / "l.txt", "Text.")
    write(tmp_path / "l.json", json.dumps({"license": given, "rights": "© Example News 2024"}))
    article = read_file(txt)
    assert (article.license, article.rights) == (stored, "© Example News 2024")
    path = write(tmp_path / "l.jsonl", json.dumps({"id": "j", "text": "T.", "license": given, "rights": "r"}) + "\n")
    [record] = read_jsonl(path)
    assert (record.license, record.rights) == (stored, "r")


def test_unknown_license_name_is_an_error_for_that_article(tmp_path: Path) -> None:
    txt = write(tmp_path / "u.txt", "Text.")
    side = write(tmp_path / "u.json", json.dumps({"license": "free-ish"}))
    with pytest.raises(ArticleUnreadable) as info:
        read_file(txt)
    assert str(info.value).startswith(f"{side}: 'license' 'free-ish' is neither an http(s) IRI nor a known licence name (cc0-1.0, ")


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("[1, 2]", "a sidecar must be a JSON object"),
        ('"title"', "a sidecar must be a JSON object"),
        ("{not json", "not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ('{"published": "July 10, 2020"}', "'published' is not an ISO 8601 date: 'July 10, 2020'"),
        ('{"published": "2020-02-30"}', "'published' is not an ISO 8601 date: '2020-02-30'"),
        ('{"published": 20200710}', "'published' must be an ISO 8601 date string"),
        ('{"title": ["a"]}', "field 'title' must be a string"),
        ('{"title": "\\ud800"}', "field 'title' contains a lone surrogate (not Unicode text)"),
    ],
)
def test_bad_sidecar_is_an_error_for_that_article(tmp_path: Path, sidecar: str, message: str) -> None:
    txt = write(tmp_path / "c.txt", "Text.")
    side = write(tmp_path / "c.json", sidecar)
    with pytest.raises(ArticleUnreadable) as info:
        read_file(txt)
    assert str(info.value) == f"{side}: {message}"
    assert isinstance(info.value, BadInput)


def test_null_sidecar_fields_are_absent(tmp_path: Path) -> None:
    txt = write(tmp_path / "d.txt", "Text.")
    write(tmp_path / "d.json", '{"title": null, "published": null}')
    assert read_file(txt) == Article(id="d", text="Text.", title="Text.", origin=str(txt))


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    txt = write(tmp_path / "e.txt", b"abc\xffdef")
    with pytest.raises(ArticleUnreadable) as info:
        read_file(txt)
    assert str(info.value) == f"{txt}: not valid UTF-8 at byte 3"


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_good_and_bad_records(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "text": "One.\r\n", "published": "2024-02-22", "extra": 1}),
        "",
        "   ",
        "{broken",
        json.dumps({"id": "j2"}),
        json.dumps({"id": 7, "text": "x"}),
        json.dumps({"id": "", "text": "x"}),
        json.dumps({"id": "a\tb", "text": "x"}),
        json.dumps({"id": "x" * 201, "text": "x"}),
        json.dumps(["id", "text"]),
        json.dumps({"id": "j3", "text": "x", "published": "2024-13-01"}),
        '{"id": "j4", "text": "\\udc00"}',
        json.dumps({"id": "j5", "text": "\ufeffFive", "title": "Five", "source": "Yonhap"}),
    ]
    data = ("\n".join(lines) + "\r\n").encode("utf-8") + b'{"id": "j6", "text": "\xc3"}\n'
    path = write(tmp_path / "batch.jsonl", data)
    bad_line_offset = data.index(b'{"id": "j6"') + len(b'{"id": "j6", "text": "')
    items = list(read_jsonl(path))
    assert summary(items) == [
        ("j1", f"{path}:1"),
        ("FAIL", f"{path}:4: not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("FAIL", f"{path}:5: missing required field 'text'"),
        ("FAIL", f"{path}:6: field 'id' must be a string"),
        ("FAIL", f"{path}:7: article id is empty"),
        ("FAIL", f"{path}:8: article id contains control characters (U+0009): 'a\\tb'"),
        ("FAIL", f"{path}:9: article id is longer than 200 characters"),
        ("FAIL", f"{path}:10: a record must be a JSON object"),
        ("FAIL", f"{path}:11: 'published' is not an ISO 8601 date: '2024-13-01'"),
        ("FAIL", f"{path}:12: field 'text' contains a lone surrogate (not Unicode text)"),
        ("j5", f"{path}:13"),
        ("FAIL", f"{path}:14: not valid UTF-8 at byte {bad_line_offset}"),
    ]
    assert items[0] == Article(id="j1", text="One.\r\n", title="One.", published="2024-02-22", origin=f"{path}:1")
    assert items[10] == Article(id="j5", text="Five", title="Five", source="Yonhap", origin=f"{path}:13")


def test_jsonl_id_at_the_length_limit_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "long.jsonl", json.dumps({"id": "é" * 200, "text": "t"}) + "\n")
    assert summary(list(read_jsonl(path))) == [("é" * 200, f"{path}:1")]


# --- paths and directories -----------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B")
    write(tmp_path / "b.json", '{"title": "sidecar, not an article"}')
    write(tmp_path / "a" / "z.txt", "Z")
    write(tmp_path / "a" / "m.jsonl", json.dumps({"id": "m1", "text": "M1"}) + "\n" + json.dumps({"id": "m2", "text": "M2"}))
    write(tmp_path / "a" / "notes.md", "not an article")
    write(tmp_path / ".hidden" / "h.txt", "hidden")
    write(tmp_path / ".h.txt", "hidden")
    write(tmp_path / "C.TXT", "upper-case suffix")
    items = list(read_paths([str(tmp_path)]))
    assert summary(items) == [
        ("C", str(tmp_path / "C.TXT")),
        ("m1", f"{tmp_path / 'a' / 'm.jsonl'}:1"),
        ("m2", f"{tmp_path / 'a' / 'm.jsonl'}:2"),
        ("z", str(tmp_path / "a" / "z.txt")),
        ("b", str(tmp_path / "b.txt")),
    ]
    assert items[4].title == "sidecar, not an article"


def test_missing_path_is_bad_input(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", "fine")
    missing = tmp_path / "nope"
    with pytest.raises(BadInput) as info:
        list(read_paths([str(tmp_path / "ok.txt"), str(missing)]))
    assert str(info.value) == f"{missing}: no such file or directory"


def test_directory_without_articles_is_bad_input(tmp_path: Path) -> None:
    write(tmp_path / "only.json", "{}")
    write(tmp_path / "sub" / "readme.md", "x")
    with pytest.raises(BadInput) as info:
        list(read_paths([str(tmp_path)]))
    assert str(info.value) == f"no articles (.txt or .jsonl files) in {tmp_path}"


def test_explicit_non_article_file_is_bad_input(tmp_path: Path) -> None:
    side = write(tmp_path / "x.json", "{}")
    with pytest.raises(BadInput) as info:
        list(read_paths([str(side)]))
    assert str(info.value) == f"{side}: not an article file (expected .txt or .jsonl)"


def test_unreadable_and_invalid_files_fail_alone(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", "first")
    write(tmp_path / "2.txt", b"ok \xe6\x97 broken")
    os.symlink(tmp_path / "does-not-exist", tmp_path / "3.txt")
    os.symlink(tmp_path / "does-not-exist", tmp_path / "4.jsonl")
    write(tmp_path / "5.txt", "last")
    assert summary(list(read_paths([str(tmp_path)]))) == [
        ("1", str(tmp_path / "1.txt")),
        ("FAIL", f"{tmp_path / '2.txt'}: not valid UTF-8 at byte 3"),
        ("FAIL", f"{tmp_path / '3.txt'}: cannot read: No such file or directory"),
        ("FAIL", f"{tmp_path / '4.jsonl'}: cannot read: No such file or directory"),
        ("5", str(tmp_path / "5.txt")),
    ]


def test_duplicate_id_in_a_batch_names_both_origins(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "dup.txt", "first")
    write(tmp_path / "b" / "dup.txt", "second")
    jsonl = write(tmp_path / "c.jsonl", json.dumps({"id": "dup", "text": "third"}) + "\n")
    items = list(read_paths([str(tmp_path / "a"), str(tmp_path / "b"), str(jsonl)]))
    assert summary(items) == [
        ("dup", str(first)),
        ("FAIL", f"{tmp_path / 'b' / 'dup.txt'}: duplicate article id 'dup' (first read from {first})"),
        ("FAIL", f"{jsonl}:1: duplicate article id 'dup' (first read from {first})"),
    ]
    assert items[0].text == "first"


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    txt = write(tmp_path / "once.txt", "x")
    assert summary(list(read_paths([str(tmp_path), str(txt)]))) == [("once", str(txt))]


def test_seeds_read_exactly(tmp_path: Path) -> None:
    articles = list(read_paths([str(SEEDS)]))
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for article in articles:
        assert isinstance(article, Article)
        assert article.text == (SEEDS / f"{article.id}.txt").read_bytes().decode("utf-8")


def test_failure_text() -> None:
    failure = ReadFailure("x.jsonl:3", "missing required field 'id'")
    assert str(failure) == "x.jsonl:3: missing required field 'id'"


# --- layout: body end, captions, headline --------------------------------------------------


def test_body_end_of_seed_with_related_coverage() -> None:
    text = (SEEDS / "001_e443a03c910f472f.txt").read_text(encoding="utf-8")
    end = body_end(text)
    assert text[end:].startswith("Related coverage:\n\nJapan eyes providing")
    assert text[:end].endswith("touched on the North Korean statement.\n\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Body only.", 10),
        ("Body.\r\nRELATED COVERAGE :\r\nOther", 7),
        ("Body.\n  related coverage: a\nrelated coverage: b", 6),
        ("See the related coverage: no list here.", 39),
        ("Related coverage:\nall of it", 0),
        ("Body.\rRelated coverage:", 6),
    ],
)
def test_body_end(text: str, expected: int) -> None:
    assert body_end(text) == expected


SEED_CAPTIONS = {
    "000_adeb1c27dd2069d5": [
        "U.S. Deputy Secretary of State Stephen Biegun (L) and Japanese Foreign Minister Toshimitsu Motegi "
        "meet in Tokyo on July 10, 2020. (Pool photo) (Kyodo)",
        "Japanese Defense Minister Taro Kono and U.S. Deputy Secretary of State Stephen Biegun pose ahead of "
        "their talks in Tokyo on July 10, 2020. (Pool photo) (Kyodo)",
        "U.S. Deputy Secretary of State Stephen Biegun speaks during a meeting with Japanese Foreign Minister "
        "Toshimitsu Motegi in Tokyo on July 10, 2020. (Pool photo) (Kyodo)",
    ],
    "001_e443a03c910f472f": [
        "Japanese Foreign Minister Yoko Kamikawa (far L) attends a meeting with her U.S. and South Korean "
        "counterparts in Rio de Janeiro on Feb. 22, 2024. (Kyodo)",
    ],
    "002_80022ad94dfa5e9f": [
        "U.S. Defense Secretary Lloyd Austin (far L) and Japanese Defense Minister Yasukazu Hamada (far R) hold "
        "talks at the Defense Ministry in Tokyo on June 1, 2023. (Kyodo)",
        "Japanese Foreign Minister Yoshimasa Hayashi (R) and U.S. Defense Secretary Lloyd Austin shake hands at "
        "the Defense Ministry in Tokyo on June 1, 2023. (Kyodo) ==Kyodo",
    ],
    "003_ec01ec311e190c74": [],
}


@pytest.mark.parametrize("seed", sorted(SEED_CAPTIONS))
def test_seed_captions(seed: str) -> None:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    assert [text[s:e] for s, e in caption_spans(text)] == SEED_CAPTIONS[seed]


@pytest.mark.parametrize(
    ("line", "is_caption"),
    [
        ("Leaders pose for a photo in Seoul on May 3, 2023. (Yonhap)", True),
        ("Kim Min-jun speaks at a press conference in Seoul. (AP Photo/Lee Jin-man)", True),
        ("The envoys shake hands in Beijing on Oct. 2, 2022. (Xinhua) (AFP)", True),
        ("Delegates arrive at the venue in Jakarta (Reuters file photo)", True),
        ("Minister Aiko Tanaka (center) meets students in Osaka.", True),
        ("Officials (2nd from L) attend talks in Hanoi on March 1, 2021.", True),
        ("The talks ended without an agreement on the text (DPRK).", False),
        ("He declined to comment further. (END)", False),
        ("The ministers agreed on three points: (1) trade, (2) security.", False),
        ("The statement was issued by the Democratic People's Republic of Korea (DPRK)", False),
        ("Talks resumed in Tokyo. (Updated)", False),
        ("(Kyodo)", False),
    ],
)
def test_caption_rules(line: str, is_caption: bool) -> None:
    text = f"First paragraph of the body.\r\n\r\n  {line}  \r\n\r\nLast paragraph."
    start = text.index(line)
    expected = [(start, start + len(line))] if is_caption else []
    assert caption_spans(text) == expected


def test_captions_after_related_coverage_are_not_captions() -> None:
    text = "Body.\n\nRelated coverage:\n\nLeaders meet in Tokyo on May 3, 2023. (Kyodo)"
    assert caption_spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan, U.S. agree to deepen ties\n\nTokyo said...", "Japan, U.S. agree to deepen ties"),
        ("  Spaced headline \r\n \r\nBody.", "Spaced headline"),
        ('Kim says talks "useless"\n\nBody.', 'Kim says talks "useless"'),
        ("A first sentence.\n\nMore.", None),
        ("A headline only", None),
        ("Headline\nBody right below.", None),
        ("\n\nBody after blank lines.", None),
        ("Ends with a colon:\n\nBody.", None),
        ("x" * 201 + "\n\nBody.", None),
        ("", None),
    ],
)
def test_headline_span(text: str, expected: str | None) -> None:
    span = headline_span(text)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_doctests() -> None:
    import doctest

    import etl.read

    result = doctest.testmod(etl.read)
    assert result.failed == 0 and result.attempted >= 5


def test_a_one_megabyte_article(tmp_path: Path) -> None:
    seed = (SEEDS / "000_adeb1c27dd2069d5.txt").read_text(encoding="utf-8") + "\n\n"
    copies = 1_000_000 // len(seed) + 1
    text = seed * copies
    article = read_file(write(tmp_path / "big.txt", text), max_bytes=2_000_000)
    assert article.text == text and len(text) > 1_000_000
    assert len(caption_spans(text)) == 3 * copies
    assert body_end(text) == len(text)


def test_jsonl_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.jsonl", "\ufeff" + json.dumps({"id": "b1", "text": "x"}) + "\n")
    assert summary(list(read_jsonl(path))) == [("b1", f"{path}:1")]
