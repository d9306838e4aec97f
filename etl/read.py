"""Files → Article: plain-text articles with JSON sidecars, JSON Lines, directories.

Text is kept exactly as in the file, so that evidence offsets index into it: no stripping,
no newline normalization. The one exception is a UTF-8 byte order mark at the very start of
a file (or of a JSON Lines ``text``), which is dropped.

Bad input is reported per article: :func:`read_paths` yields a :class:`ReadFailure` for an
unreadable file, invalid UTF-8, a malformed JSON Lines record or a duplicate id, and goes on
with the other articles. Only a path that does not exist, or a batch with no articles at all,
stops it (:class:`~diplokg.errors.BadInput`).

The layout helpers (:func:`body_end`, :func:`caption_spans`, :func:`headline_span`) say where
the facts of an article may be found; they are plain functions of the text.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from diplokg.errors import BadInput
from etl.licenses import known_names, license_iri
from etl.model import Article

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 200
BOM = "\ufeff"
ARTICLE_SUFFIXES = (".txt", ".jsonl")
OPTIONAL_FIELDS = ("title", "url", "published", "source", "license", "rights")
MAX_TITLE = 200


@dataclass(frozen=True)
class ReadFailure:
    """An article that could not be read: where it came from and why (one line).

    ``str(failure)`` is the message a user sees: ``"{origin}: {message}"``.
    """

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class ArticleUnreadable(BadInput):
    """One article cannot be read; the others can go on."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

    def failure(self) -> ReadFailure:
        """This error as a per-article failure record."""
        return ReadFailure(self.origin, self.reason)


# --- reading -------------------------------------------------------------------------------


def read_file(path: str | os.PathLike[str]) -> Article:
    """One ``.txt`` article and its optional same-stem ``.json`` sidecar → Article.

    Raises :class:`ArticleUnreadable` (a ``BadInput``) for an unreadable file, invalid
    UTF-8, an invalid id, or a sidecar that is not a JSON object with string fields.
    """
    path = Path(path)
    origin = str(path)
    text = _check_text(_decode(_read_bytes(path, origin), origin), origin)
    article_id = _check_id(path.stem, origin)
    fields = _read_sidecar(path.with_suffix(".json"))
    fields.setdefault("title", headline_title(text))
    return Article(id=article_id, text=text, origin=origin, **fields)


def read_jsonl(path: str | os.PathLike[str]) -> Iterator[Article | ReadFailure]:
    """Articles of a JSON Lines file, one per line; a malformed record → ReadFailure.

    Each record is an object with string ``id`` and ``text`` and optional ``title``, ``url``,
    ``published`` and ``source`` (other fields are ignored). Blank lines are skipped. A
    failure names the file and the 1-based line number; the other records go on. An
    unreadable file yields one ReadFailure for the whole file. The file is streamed: memory
    does not grow with the number of records.
    """
    path = Path(path)
    lineno = offset = 0
    try:
        with path.open("rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                line_offset, offset = offset, offset + len(raw)
                if not raw.strip():
                    continue
                try:
                    yield _parse_record(raw.rstrip(b"\n"), f"{path}:{lineno}", line_offset)
                except ArticleUnreadable as exc:
                    yield exc.failure()
    except OSError as exc:
        origin = f"{path}:{lineno + 1}" if lineno else str(path)
        yield ReadFailure(origin, f"cannot read: {exc.strerror or exc}")


def read_paths(paths: list[str]) -> Iterator[Article | ReadFailure]:
    """Articles of files and directories (recursive, sorted) in a deterministic order.

    ``.txt`` and ``.jsonl`` files are articles; ``.json`` sidecars are not; files and
    directories whose names start with ``.`` are skipped inside directories. A path that does
    not exist, or a batch without a single article file, raises BadInput before anything is
    yielded. A later article with an id already read in this batch → ReadFailure naming both.
    """
    files = _article_files(paths)
    seen: dict[str, str] = {}
    for file in files:
        items = read_jsonl(file) if file.suffix.lower() == ".jsonl" else [_read_one(file)]
        for item in items:
            if isinstance(item, Article):
                first = seen.get(item.id)
                if first is not None:
                    item = ReadFailure(item.origin, f"duplicate article id {item.id!r} (first read from {first})")
                else:
                    seen[item.id] = item.origin
            if isinstance(item, ReadFailure):
                log.debug("cannot read %s", item)
            yield item


def parse_published(value: Any, origin: str) -> str:
    """An ISO 8601 date or datetime → ``YYYY-MM-DD`` (a datetime is cut to its own date).

    >>> parse_published("2024-02-22T09:30:00+09:00", "x")
    '2024-02-22'
    """
    if not isinstance(value, str):
        raise ArticleUnreadable(origin, "'published' must be an ISO 8601 date string")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise ArticleUnreadable(origin, f"'published' is not an ISO 8601 date: {_show(value)}") from None


def _read_one(path: Path) -> Article | ReadFailure:
    try:
        return read_file(path)
    except ArticleUnreadable as exc:
        return exc.failure()


def _article_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists() or path.is_symlink():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise BadInput(f"{name}: not an article file (expected .txt or .jsonl)")
            files.append(path)
        else:
            raise BadInput(f"{name}: no such file or directory")
    files = _unique(files)
    if not files:
        raise BadInput(f"no articles (.txt or .jsonl files) in {', '.join(paths) or 'no paths'}")
    return files


def _unique(files: list[Path]) -> list[Path]:
    """The files in order, each real file once (a file named twice is read once)."""
    seen: set[str] = set()
    unique: list[Path] = []
    for file in files:
        try:
            stat = os.stat(file)
            key = f"{stat.st_dev}:{stat.st_ino}"
        except OSError:
            key = os.path.abspath(file)
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique


def _walk(root: Path) -> list[Path]:
    """Article files under ``root``, sorted by their path below it; hidden names skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if not filename.startswith(".") and os.path.splitext(filename)[1].lower() in ARTICLE_SUFFIXES:
                found.append(Path(dirpath, filename))
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_bytes(path: Path, origin: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleUnreadable(origin, f"cannot read: {exc.strerror or exc}") from None


def _decode(data: bytes, origin: str, base_offset: int = 0) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleUnreadable(origin, f"not valid UTF-8 at byte {base_offset + exc.start}") from None
    return text[1:] if text.startswith(BOM) else text


def _read_sidecar(path: Path) -> dict[str, str]:
    origin = str(path)
    if not path.is_file():
        return {}
    try:
        record = json.loads(_decode(_read_bytes(path, origin), origin))
    except (ValueError, RecursionError) as exc:
        raise ArticleUnreadable(origin, f"not valid JSON: {_first_line(exc)}") from None
    if not isinstance(record, dict):
        raise ArticleUnreadable(origin, "a sidecar must be a JSON object")
    return _optional_fields(record, origin)


def _parse_record(raw: bytes, origin: str, line_offset: int) -> Article:
    line = _decode(raw.rstrip(b"\r"), origin, line_offset)  # drops a BOM opening the file
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise ArticleUnreadable(origin, f"not valid JSON: {_first_line(exc)}") from None
    if not isinstance(record, dict):
        raise ArticleUnreadable(origin, "a record must be a JSON object")
    for name in ("id", "text"):
        if name not in record:
            raise ArticleUnreadable(origin, f"missing required field {name!r}")
        if not isinstance(record[name], str):
            raise ArticleUnreadable(origin, f"field {name!r} must be a string")
    text = _check_string(record["text"], "text", origin)
    text = _check_text(text[1:] if text.startswith(BOM) else text, origin)
    article_id = _check_id(record["id"], origin)
    fields = _optional_fields(record, origin)
    fields.setdefault("title", headline_title(text))
    return Article(id=article_id, text=text, origin=origin, **fields)


def _optional_fields(record: dict[str, Any], origin: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if name == "published":
            fields[name] = parse_published(value, origin)
        elif isinstance(value, str):
            fields[name] = _check_string(value, name, origin)
        else:
            raise ArticleUnreadable(origin, f"field {name!r} must be a string")
    if "license" in fields:
        fields["license"] = _license(fields["license"], origin)
    for name in ("title", "rights", "source"):
        if name in fields and not fields[name].strip():
            del fields[name]
    return fields


def _license(value: str, origin: str) -> str:
    iri = license_iri(value)
    if iri is None:
        raise ArticleUnreadable(origin, f"'license' {_show(value)} is neither an http(s) IRI nor a known licence "
                                        f"name ({', '.join(known_names())})")
    return iri


def _check_text(text: str, origin: str) -> str:
    """Refuse an article without any text (an empty or blank file or record)."""
    if not text.strip():
        raise ArticleUnreadable(origin, "empty article: the text is blank")
    return text


def headline_title(text: str) -> str | None:
    """A title from the headline, the first non-blank line (cut at a word near 200 characters).

    >>> headline_title("\\nJapan, U.S. agree on N. Korea\\n\\nTokyo said...")
    'Japan, U.S. agree on N. Korea'
    """
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= MAX_TITLE:
                return line
            cut = line[:MAX_TITLE].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return None


def _check_string(value: str, name: str, origin: str) -> str:
    """Reject strings that cannot be written as UTF-8 (lone surrogates from JSON escapes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleUnreadable(origin, f"field {name!r} contains a lone surrogate (not Unicode text)") from None
    return value


def _check_id(article_id: str, origin: str) -> str:
    if not article_id.strip():
        raise ArticleUnreadable(origin, "article id is empty")
    if len(article_id) > MAX_ID_LENGTH:
        raise ArticleUnreadable(origin, f"article id is longer than {MAX_ID_LENGTH} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in article_id):
        raise ArticleUnreadable(origin, f"article id contains control characters: {_show(article_id)}")
    return article_id


def _show(value: str, limit: int = 60) -> str:
    shown = ascii(value[:limit])
    return shown + ("..." if len(value) > limit else "")


def _first_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0] if text.splitlines() else text


# --- layout of an article's text ----------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_RELATED = re.compile(r"(?:\A|(?<=[\r\n]))[ \t]*related coverage[ \t]*:", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]*$""")
_PAREN_TAIL = re.compile(r"(?:\([^()\r\n]{1,80}\)[ \t]*)+$")
_PAREN_GROUP = re.compile(r"\(([^()\r\n]{1,80})\)")
_SIGN_OFF = re.compile(r"[ \t]*==[^\r\n=]{0,40}$")
_POSITION = re.compile(
    r"\((?:(?:far|front|back|top|bottom|second|third|fourth|fifth|\d(?:st|nd|rd|th))[ -]"
    r"(?:(?:row[ ,]+)?(?:from[ -])?)?)?(?:L|R|C|left|right|center|centre|front|back)\)"
)
_NOT_CREDIT = re.compile(r"(?i)end|\d+|[a-z]|[ivx]+|updated?|corrected")
_HEADLINE_END = re.compile(r"""[.,;:!?]["'”’]*$""")
MAX_CAPTION = 600
MAX_HEADLINE = 200


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its line break (\\n, \\r\\n or \\r).

    >>> lines("a\\r\\nbc\\n")
    [(0, 1), (3, 5), (6, 6)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def body_end(text: str) -> int:
    """Offset where the article's own facts stop: a "Related coverage:" line, or the end.

    >>> body_end("Body.\\n\\nRelated coverage:\\n\\nOther headline")
    7
    >>> body_end("No list here.")
    13
    """
    match = _RELATED.search(text)
    return match.start() if match else len(text)


def caption_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the photo-caption lines in the body of ``text``, in order.

    A caption is a line of at most 600 characters that either ends, after a finished
    sentence, with parenthesised credits ("... on July 10, 2020. (Pool photo) (Kyodo)",
    optionally followed by a wire sign-off such as "==Kyodo"), or carries a position marker
    such as "(L)", "(far R)" or "(center)". Spans exclude surrounding whitespace.

    >>> t = "Body text.\\n\\nA and B meet in Tokyo on July 10, 2020. (Kyodo)\\n"
    >>> [t[s:e] for s, e in caption_spans(t)]
    ['A and B meet in Tokyo on July 10, 2020. (Kyodo)']
    """
    end_of_body = body_end(text)
    spans: list[tuple[int, int]] = []
    for start, end in lines(text):
        if start >= end_of_body:
            break
        line = text[start:end]
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_CAPTION:
            continue
        if _ends_with_credit(stripped) or _POSITION.search(stripped):
            lead = len(line) - len(line.lstrip())
            spans.append((start + lead, start + lead + len(stripped)))
    return spans


def headline_span(text: str) -> tuple[int, int] | None:
    """(start, end) of a headline: a short first line without final punctuation, then a blank line.

    >>> headline_span("Japan, U.S. agree on N. Korea\\n\\nTokyo said on Friday...")
    (0, 29)
    >>> headline_span("A first sentence.\\n\\nMore.") is None
    True
    """
    spans = lines(text)
    if len(spans) < 2:
        return None
    (start, end), (next_start, next_end) = spans[0], spans[1]
    line = text[start:end]
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADLINE or text[next_start:next_end].strip():
        return None
    if _HEADLINE_END.search(stripped):
        return None
    lead = len(line) - len(line.lstrip())
    return (start + lead, start + lead + len(stripped))


def _ends_with_credit(line: str) -> bool:
    line = _SIGN_OFF.sub("", line).rstrip()
    tail = _PAREN_TAIL.search(line)
    if tail is None or tail.start() == 0:
        return False
    credits = _PAREN_GROUP.findall(tail.group())
    if any(_NOT_CREDIT.fullmatch(c.strip()) for c in credits):
        return False
    if not all(any(ch.isalpha() for ch in c) for c in credits):
        return False
    before = line[: tail.start()].rstrip()
    return bool(_SENTENCE_END.search(before)) or any("photo" in c.lower() for c in credits)
