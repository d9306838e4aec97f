"""Files → Article: plain-text articles with JSON sidecars, JSON Lines, directories.

Text is kept exactly as in the file, so that evidence offsets index into it: no stripping,
no newline normalization. The one exception is a UTF-8 byte order mark at the very start of
a file (or of a JSON Lines ``text``), which is dropped.

Bad input is reported per article: :func:`read_paths` yields a :class:`ReadFailure` for an
unreadable file, invalid UTF-8, a malformed JSON Lines record, a blank article, a duplicate
id, an article over the size limit, a file that is not a regular file (a FIFO or a device is never opened
for reading: it could block or never end) or a symbolic link that leads out of the folder
being read, and goes on with the other articles. Only a path that does not exist, or a
batch with no articles at all, stops it (:class:`~diplokg.errors.BadInput`).

The layout helpers (:func:`body_end`, :func:`caption_spans`, :func:`headline_span`) say where
the facts of an article may be found; they are plain functions of the text.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from diplokg.errors import BadInput
from etl.licenses import known_names, license_iri
from etl.model import Article

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 200
DEFAULT_MAX_ARTICLE_BYTES = 200_000
MAX_SIDECAR_BYTES = 1_000_000
BOM = "\ufeff"
# Characters an id may not contain: controls, format characters (bidi controls, zero-width
# spaces and joiners), surrogates, private use, unassigned, line and paragraph separators.
# Two ids that differ only by such characters look identical to a reader.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
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


def read_file(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Article:
    """One ``.txt`` article and its optional same-stem ``.json`` sidecar → Article.

    Raises :class:`ArticleUnreadable` (a ``BadInput``) for an unreadable file, a file that is
    not a regular file, a text over ``max_bytes``, invalid UTF-8, an invalid id, or a sidecar
    that is not a JSON object with string fields.
    """
    path = Path(path)
    origin = str(path)
    text = _check_text(_decode(_read_bytes(path, origin, max_bytes, "the article"), origin), origin)
    article_id = _check_id(path.stem, origin)
    fields = _read_sidecar(path.with_suffix(".json"))
    fields.setdefault("title", headline_title(text))
    return Article(id=article_id, text=text, origin=origin, **fields)


def read_jsonl(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | ReadFailure]:
    """Articles of a JSON Lines file, one per line; a malformed record → ReadFailure.

    Each record is an object with string ``id`` and ``text`` and optional ``title``, ``url``,
    ``published``, ``source``, ``license`` and ``rights`` (other fields are ignored). Blank lines are skipped. A
    failure names the file and the 1-based line number; the other records go on. An
    unreadable file yields one ReadFailure for the whole file. The file is streamed: memory
    does not grow with the number of records, and a line too long to hold a text of
    ``max_bytes`` is skipped unread.
    """
    path = Path(path)
    lineno = offset = 0
    longest = _JSON_ESCAPE_GROWTH * max_bytes + MAX_SIDECAR_BYTES
    try:
        with _open_regular(path, str(path)) as fh:
            while True:
                raw = fh.readline(longest + 1)
                if not raw:
                    break
                lineno += 1
                line_offset, offset = offset, offset + len(raw)
                if len(raw) > longest and not raw.endswith(b"\n"):
                    offset += _skip_line(fh)
                    yield ReadFailure(f"{path}:{lineno}", f"the record is over the limit of {max_bytes} bytes of "
                                                          "text (max_article_bytes)")
                    continue
                if not raw.strip():
                    continue
                try:
                    yield _parse_record(raw.rstrip(b"\n"), f"{path}:{lineno}", line_offset, max_bytes)
                except ArticleUnreadable as exc:
                    yield exc.failure()
    except ArticleUnreadable as exc:
        yield exc.failure()
    except OSError as exc:
        origin = f"{path}:{lineno + 1}" if lineno else str(path)
        yield ReadFailure(origin, f"cannot read: {exc.strerror or exc}")


# A JSON string may spell a byte of text with up to six (\u00e9), so a record's line is
# allowed this many times the text limit before it is skipped unread.
_JSON_ESCAPE_GROWTH = 6


def _skip_line(fh: Any) -> int:
    """Read and drop the rest of an overlong line; the bytes skipped."""
    skipped = 0
    while True:
        chunk = fh.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def read_paths(paths: list[str], max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Iterator[Article | ReadFailure]:
    """Articles of files and directories (recursive, sorted) in a deterministic order.

    ``.txt`` and ``.jsonl`` files are articles; ``.json`` sidecars are not; files and
    directories whose names start with ``.`` are skipped inside directories, and so are
    symbolic links to directories. A symbolic link to a file outside the directory being
    read → ReadFailure. A path that does not exist, or a batch without a single article file,
    raises BadInput before anything is yielded. A later article with an id already read in
    this batch → ReadFailure naming both.
    """
    files = _article_files(paths)
    seen: dict[str, str] = {}
    for file, root in files:
        outside = _outside(file, root)
        if outside is not None:
            items: Iterable[Article | ReadFailure] = [outside]
        elif file.suffix.lower() == ".jsonl":
            items = read_jsonl(file, max_bytes)
        else:
            items = [_read_one(file, max_bytes)]
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


def _outside(file: Path, root: Path | None) -> ReadFailure | None:
    """A failure for a symbolic link that leads out of ``root`` (the folder being read)."""
    if root is None or not file.is_symlink():
        return None
    target = Path(os.path.realpath(file))
    base = Path(os.path.realpath(root))
    if target != base and base not in target.parents:
        return ReadFailure(str(file), f"a symbolic link to {target}, outside {root}: not read")
    return None


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


def _read_one(path: Path, max_bytes: int) -> Article | ReadFailure:
    try:
        return read_file(path, max_bytes)
    except ArticleUnreadable as exc:
        return exc.failure()


def _article_files(paths: list[str]) -> list[tuple[Path, Path | None]]:
    """The article files to read, each with the directory it was found in (None: named)."""
    files: list[tuple[Path, Path | None]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend((file, path) for file in _walk(path))
        elif path.exists() or path.is_symlink():
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise BadInput(f"{name}: not an article file (expected .txt or .jsonl)")
            files.append((path, None))
        else:
            raise BadInput(f"{name}: no such file or directory")
    files = _unique(files)
    if not files:
        raise BadInput(f"no articles (.txt or .jsonl files) in {', '.join(paths) or 'no paths'}")
    return files


def _unique(files: list[tuple[Path, Path | None]]) -> list[tuple[Path, Path | None]]:
    """The files in order, each real file once (a file named twice is read once)."""
    seen: set[str] = set()
    unique: list[tuple[Path, Path | None]] = []
    for file, root in files:
        try:
            found = os.stat(file)
            key = f"{found.st_dev}:{found.st_ino}"
        except OSError:
            key = os.path.abspath(file)
        if key not in seen:
            seen.add(key)
            unique.append((file, root))
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


def _open_regular(path: Path, origin: str) -> Any:
    """Open a file for reading only if it is a regular file (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise ArticleUnreadable(origin, f"cannot read: {exc.strerror or exc}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a file")
        raise ArticleUnreadable(origin, f"not a regular file ({kind}): not read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_bytes(path: Path, origin: str, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes."""
    try:
        with _open_regular(path, origin) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ArticleUnreadable(origin, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ArticleUnreadable(origin, f"{what} is over the limit of {limit} bytes (max_article_bytes)")
    return data


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
        record = json.loads(_decode(_read_bytes(path, origin, MAX_SIDECAR_BYTES, "the sidecar"), origin))
    except (ValueError, RecursionError) as exc:
        raise ArticleUnreadable(origin, f"not valid JSON: {_first_line(exc)}") from None
    if not isinstance(record, dict):
        raise ArticleUnreadable(origin, "a sidecar must be a JSON object")
    return _optional_fields(record, origin)


def _parse_record(raw: bytes, origin: str, line_offset: int, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Article:
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
    if len(text) > max_bytes // 4 and len(text.encode("utf-8")) > max_bytes:
        raise ArticleUnreadable(origin, f"the article is over the limit of {max_bytes} bytes (max_article_bytes)")
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
    hidden = [ch for ch in article_id if unicodedata.category(ch) in _INVISIBLE]
    if hidden:
        names = ", ".join(sorted({f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip() for ch in hidden}))
        raise ArticleUnreadable(origin, f"article id contains control characters ({names}): {_show(article_id)}")
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
    # the first two lines of lines(text), without splitting the rest of the text
    breaks = list(itertools.islice(_LINE_BREAK.finditer(text), 2))
    if not breaks:
        return None
    start, end = 0, breaks[0].start()
    next_start, next_end = breaks[0].end(), breaks[1].start() if len(breaks) == 2 else len(text)
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
