"""Date expressions in news text and their values, resolved against an anchor date.

Pure functions of the text; no spaCy. A value is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``,
whatever the expression determines, or None. Nothing is guessed: without an anchor, every
expression that needs one has value None, and vague ones ("recently", "in recent days") are
None always.

Resolution rules (``anchor`` is the article's date, see :func:`anchor_for`):

- explicit dates ("July 10, 2020", "Feb. 22, 2024", "10 July 2020", "2020-07-10") need no
  anchor; a day range ("July 10-11, 2020") gives its month; an impossible date gives None;
- a weekday ("Friday", "on Thursday") is the most recent such day on or before the anchor
  (the anchor itself when it is that weekday), or with ``future=True`` the next one on or
  after it; "last Friday" is strictly before the anchor, "next Friday" strictly after;
- a month without a year ("in November", "mid-June", "July 10") is the most recent one not
  after the anchor's month (or day), or with ``future=True`` the next one not before it;
  "last December" is strictly before the anchor's month; "in August last year" is that month
  of the anchor's year − 1;
- "last year", "this year", "last month", "last week", "yesterday", "today": relative to the
  anchor; a week gives its month (or year) only when the whole week lies in one ("earlier
  this week" only its days up to the anchor, "later this week" only those from it);
- a season ("in the autumn", "next spring") gives its year: the one of the anchor, or the next
  (the last) when the season is already over (not yet begun); winter gives none;
- "the day before" / "a day earlier" used on their own count back from the anchor; followed
  by an event ("the day before Biegun arrived") they count from that event: value None.
  Forward ones ("a day after a failed launch", "the next day", "a day later") count from an
  event of the narrative, almost never from the anchor: value None.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from etl.model import Article
from etl.read import caption_spans, lines

log = logging.getLogger(__name__)

Kind = Literal["explicit", "weekday", "relative", "month", "year"]


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``text[start:end]`` and the value it determines (or None)."""

    start: int
    end: int
    text: str
    value: str | None
    kind: Kind


MONTHS = {
    "january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4,
    "apr.": 4, "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug.": 8,
    "september": 9, "sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11,
    "nov.": 11, "december": 12, "dec.": 12,
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_M = r"(?P<month>" + "|".join(
    sorted((re.escape(m.capitalize()) for m in MONTHS), key=len, reverse=True)
) + r")(?![\w])"
# Abbreviations without their period ("27 Sep 2022"), only in dates that give day and year.
_M_SHORT = r"(?P<month>" + "|".join(
    sorted((re.escape(m.capitalize().rstrip(".")) for m in MONTHS if m.endswith(".")), key=len, reverse=True)
) + r")(?![\w.])"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?![\d])"
_YEAR_ONLY = r"(?P<year>(?:18|19|20)\d{2})"
_SEASON = r"\b(?i:spring|summer|autumn|fall|winter)\s+(?:(?i:of)\s+)?"
_QUAL = r"(?:(?i:early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)"
_PREP = r"\b(?i:in|since|until|till|by|from|during|through|throughout|before|after|around)\s+"
_WHICH = r"(?P<which>(?i:last|this|next))"
_LATER = r"(?:(?i:earlier|later)\s+)?"
_NOT_THE = r"(?<![Tt]he )"  # "over the last year" is the past twelve months, not last year
_ABOUT = r"(?i:about|some|nearly|almost|around|more\s+than|over)"
_NUMBER = r"(?P<n>\d{1,2}|(?i:a|one|two|three|four|five|six|seven))"
# "the day before" stands alone (relative to the anchor) when punctuation, the end, a
# conjunction or a preposition follows; otherwise an event follows and it is relative to that.
_ALONE = re.compile(r"\s*(?:[^\w\s]|$|(?:and|but|or|so|then|in|at|on|with|for|to|from|by)\b)")

Resolver = Callable[[re.Match[str], date | None, bool], str | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    kind: Kind
    resolve: Resolver


def date_matches(text: str) -> list[tuple[int, re.Match[str]]]:
    """Every rule's matches in ``text`` as (rule number, match): the scan :func:`find_dates`
    resolves, the same for any anchor and ``future``."""
    return [(order, match) for order, rule in enumerate(_RULES) for match in rule.pattern.finditer(text)]


def find_dates(text: str, anchor: date | None, future: bool = False,
               matches: list[tuple[int, re.Match[str]]] | None = None) -> list[DateMention]:
    """All date expressions in ``text``, in order, without overlaps (the longest wins).
    ``matches``: :func:`date_matches` of ``text``, where the caller has them already.

    >>> [(m.text, m.value) for m in find_dates("They met on Friday, July 10, 2020.", None)]
    [('Friday', '2020-07-10'), ('July 10, 2020', '2020-07-10')]
    >>> [(m.text, m.value) for m in find_dates("in August last year", date(2024, 2, 22))]
    [('August last year', '2023-08')]
    """
    candidates: list[tuple[int, int, int, str | None, Kind]] = []
    for order, match in date_matches(text) if matches is None else matches:
        rule = _RULES[order]
        start, end = match.span("d")
        candidates.append((start, end, order, rule.resolve(match, anchor, future), rule.kind))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    chosen: list[tuple[int, int, int, str | None, Kind]] = []
    for cand in candidates:
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    chosen.sort()
    mentions = [DateMention(s, e, text[s:e], value, kind) for s, e, _, value, kind in chosen]
    return _tied_weekdays(text, [_with_day_in_brackets(text, m) for m in mentions], anchor)


# "Yesterday (23)", "this Tuesday afternoon (24th)": the day of the month in brackets
_BRACKET_DAY = re.compile(r"(?:\s+(?i:morning|afternoon|evening|night))?\s*\((?P<day>\d{1,2})(?:st|nd|rd|th)?\)")


def _with_day_in_brackets(text: str, mention: DateMention) -> DateMention:
    """A relative day followed by its day of the month in brackets (a style of
    the Brazilian press: "Yesterday (23), she met ...") is the day so numbered nearest to the
    value the words give, within a week of it; the number wins over a reckoning from the
    anchor (a story written the day before it is dated). A weekday keeps its reckoning.

    >>> find_dates("Yesterday (23), she met him", date(2023, 1, 25))[0].value
    '2023-01-23'
    """
    if mention.kind != "relative" or mention.value is None or len(mention.value) != 10:
        return mention
    match = _BRACKET_DAY.match(text, mention.end)
    if match is None:
        return mention
    told, day = date.fromisoformat(mention.value), int(match.group("day"))
    near = [told + timedelta(days=k) for k in range(-7, 8) if (told + timedelta(days=k)).day == day]
    if not near:
        return mention
    return DateMention(mention.start, mention.end, mention.text, near[0].isoformat(), mention.kind)


_TIE = re.compile(r",?\s*\(?(?:the\s+)?$")


def _tied_weekdays(text: str, mentions: list[DateMention], anchor: date | None) -> list[DateMention]:
    """A weekday written with its date ("on Monday May 22", "Friday, July 10, 2020") is that
    date, and so is the same weekday named alone later in the text ("... by Monday, when the
    leaders meet"): the text has said which Monday it means. A day and month without a year
    beside a weekday are of the year, nearest the anchor, in which that day is that weekday
    ("Monday May 22" in a story of Saturday 20 May 2023 is 2023-05-22, not a past May 22).
    Only a date that falls on the weekday ties it; "last Monday", "next Monday" keep theirs.

    >>> [(m.text, m.value) for m in find_dates("the forum on Monday May 22. They meet by Monday.", date(2023, 5, 20))]
    [('Monday', '2023-05-22'), ('May 22', '2023-05-22'), ('Monday', '2023-05-22')]
    """
    tied: dict[str, str] = {}
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "weekday" or m.text not in WEEKDAYS:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.kind == "explicit" and _TIE.fullmatch(text[m.end:nxt.start]):
            value = _on_weekday(nxt, WEEKDAYS.index(m.text), anchor)
            if value is not None:
                tied.setdefault(m.text, value)
                out[i + 1] = DateMention(nxt.start, nxt.end, nxt.text, value, nxt.kind)
        if m.text in tied:
            out[i] = DateMention(m.start, m.end, m.text, tied[m.text], m.kind)
    return out


_MONTH_DAY = (re.compile(rf"^{_M}\s+{_DAY}$"), re.compile(rf"^{_DAY}\s+{_M}$"))


def _on_weekday(mention: DateMention, weekday: int, anchor: date | None) -> str | None:
    """The full date of an explicit mention that falls on ``weekday``: its own value, or for a
    day and month without a year the year nearest the anchor that makes it that weekday."""
    if mention.value and len(mention.value) == 10 and re.search(r"\d{4}", mention.text):
        return mention.value if date.fromisoformat(mention.value).weekday() == weekday else None
    match = _MONTH_DAY[0].match(mention.text) or _MONTH_DAY[1].match(mention.text)
    if match is None or anchor is None:
        return None
    month, day = _month_of(match), int(match.group("day"))
    fits = [y for y in (anchor.year, anchor.year - 1, anchor.year + 1) if _ymd(y, month, day) and date(y, month, day).weekday() == weekday]
    if not fits:
        return None
    year = min(fits, key=lambda y: abs((date(y, month, day) - anchor).days))
    return _ymd(year, month, day)


def anchor_for(article: Article, text: str) -> date | None:
    """The date an article's relative expressions count from.

    Its ``published`` date; else the latest explicit full date in its photo captions
    (:func:`etl.read.caption_spans` of ``text``); else the release's own dateline
    (:func:`dateline`); else None.

    >>> anchor_for(Article("a", ""), "A and B meet in Tokyo on July 10, 2020. (Kyodo)")
    datetime.date(2020, 7, 10)
    """
    if article.published:
        try:
            return date.fromisoformat(article.published)
        except ValueError:
            log.warning("%s: ignoring published date %r (not YYYY-MM-DD)", article.origin or article.id, article.published)
    found = [
        date.fromisoformat(m.value)
        for start, end in caption_spans(text)
        for m in find_dates(text[start:end], None)
        if m.kind == "explicit" and m.value is not None and len(m.value) == 10
    ]
    if found:
        return max(found)
    line = dateline(text) or wire_dateline(text)
    return date.fromisoformat(line.value) if line is not None and line.value else None


# a wire dateline's head: the city (upper or title case), maybe its country ("TASHKENT, Uzbekistan, ...")
_WIRE_CITY = re.compile(r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?,?\s+")
_NOT_CITY = {"on", "by", "since", "until", "from", "the", "in", "as", "at", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_WIRE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|—|–|-|:|\.)(?=\s)")


def wire_dateline(text: str) -> DateMention | None:
    """The full date of a wire dateline opening the body's first line ("MANILA 09 January 2024 —",
    "Ankara, 18 August 2022 (Agency): ..."): the day the story was filed."""
    spans = [(s, e) for s, e in lines(text) if text[s:e].strip()]
    for s, e in spans[1:3]:
        line = text[s:e]
        head = _WIRE_CITY.match(line)
        if head is None or head.group().split()[0].strip(",").lower() in _NOT_CITY:
            continue
        found = find_dates(line[head.end():head.end() + 40], None)
        first = found[0] if found else None
        if first is None or first.start != 0 or first.kind != "explicit" or not first.value or len(first.value) != 10:
            continue
        if _WIRE_TAIL.match(line, head.end() + first.end) is None:
            continue
        return DateMention(s + head.end() + first.start, s + head.end() + first.end, first.text, first.value, "explicit")
    return None


_DATELINE_WORDS = re.compile(r"(?i)(?:published|updated|posted|released|issued|date)\s*:?\s*(?:on\s+)?")
_DATELINE_TAIL = re.compile(r"[\w .,&()/'’-]{0,40}")
_DATELINE_LINES = 5  # lines after the headline (or before the end) a dateline may stand on


def dateline(text: str) -> DateMention | None:
    """A release's dateline: a line near the top or the bottom that is only a full date, maybe
    after "Published" and before a short sender ("27 Sep 2022", "Published 29 September 2020",
    "21.09.2022 EEAS Press Team")."""
    spans = [(s, e) for s, e in lines(text) if text[s:e].strip()]
    for s, e in spans[1:_DATELINE_LINES + 1] + spans[-3:]:
        line = text[s:e].strip()
        if len(line) > 60 or not any(ch.isdigit() for ch in line):
            continue
        lead = s + len(text[s:e]) - len(text[s:e].lstrip())
        words = _DATELINE_WORDS.match(line)
        offset = words.end() if words else 0
        found = find_dates(line, None)
        first = found[0] if found else None
        if first is None or first.start != offset or first.kind != "explicit" or not first.value or len(first.value) != 10:
            continue
        if not _DATELINE_TAIL.fullmatch(line[first.end:]) or line[first.end:].rstrip().endswith("."):
            continue
        return DateMention(lead + first.start, lead + first.end, first.text, first.value, "explicit")
    return None


# a headline's tail of place and full date ("... talks with X, Sochi, July 1, 2016")
_HEADLINE_TAIL = re.compile(r",\s*([A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2}),\s*(?=\S[^,]*(?:,\s*\d{4})?\s*$)")


def headline_place(text: str) -> tuple[int, int] | None:
    """(start, end) of the place in a headline that ends with a place and a full date, as
    ministries head their transcripts ("Foreign Minister X's remarks during talks with Y,
    Sochi, July 1, 2016"): where the event of the headline was held on that day. Not a month
    word or a weekday as the place."""
    from etl.read import headline_span

    head = headline_span(text)
    if head is None:
        return None
    line = text[head[0]:head[1]]
    for m in _HEADLINE_TAIL.finditer(line):
        found = find_dates(line[m.end():], None)
        if len(found) != 1 or found[0].start != 0 or found[0].end != len(line) - m.end() or found[0].kind != "explicit" or not found[0].value or len(found[0].value) != 10:
            continue
        name = m.group(1)
        if name.split()[0].lower().rstrip(".") + "." in MONTHS or name.split()[0].lower() in MONTHS or name.split()[0] in WEEKDAYS:
            continue
        return head[0] + m.start(1), head[0] + m.end(1)
    return None


# --- resolvers ----------------------------------------------------------------------------


def _month_of(match: re.Match[str]) -> int:
    name = match.group("month").lower()
    return MONTHS.get(name) or MONTHS[name + "."]


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _ym(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= year <= 9999 else None


def _explicit(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    year, month, day = int(match.group("year")), _month_of(match), int(match.group("day"))
    day2 = match.groupdict().get("day2")
    if day2 is not None:
        last = int(day2)
        if _ymd(year, month, day) and _ymd(year, month, last) and day < last:
            return _ym(year, month)
        return None
    return _ymd(year, month, day)


def _day_range(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    """"28 and 29 April", "April 28-29", "10 to 12 May 2020": the month of the days, the year
    given or, without one, the year of the first day resolved as a day and month."""
    first, last = int(match.group("day")), int(match.group("day2"))
    if match.group("year"):
        year = int(match.group("year"))
    else:
        day = _month_day(match, anchor, future)
        if day is None:
            return None
        year = int(day[:4])
    month = _month_of(match)
    if _ymd(year, month, first) and _ymd(year, month, last) and first < last:
        return _ym(year, month)
    return None


def _iso(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    return _ymd(int(match.group("year")), int(match.group("mon")), int(match.group("day")))


def _month_day(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    month, day = _month_of(match), int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    if future:
        year = anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    else:
        year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    return _ymd(year, month, day)


def _month_year(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    return _ym(int(match.group("year")), _month_of(match))


def _month_rel_year(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
    return _ym(anchor.year + shift, _month_of(match))


def _which_month(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    month, which = _month_of(match), match.group("which").lower()
    if which == "last":
        return _ym(anchor.year if month < anchor.month else anchor.year - 1, month)
    if which == "next":
        return _ym(anchor.year if month > anchor.month else anchor.year + 1, month)
    return _ym(anchor.year, month)


def _bare_month(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    month = _month_of(match)
    if future:
        return _ym(anchor.year if month >= anchor.month else anchor.year + 1, month)
    return _ym(anchor.year if month <= anchor.month else anchor.year - 1, month)


def _year(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    return match.group("year")


def _relative_year(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
    return f"{anchor.year + shift:04d}"


def _relative_month(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[match.group("which").lower()]
    index = anchor.year * 12 + anchor.month - 1 + shift
    return _ym(index // 12, index % 12 + 1)


def _relative_week(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    shift = {"last": -7, "this": 0, "next": 7}[match.group("which").lower()]
    monday = anchor - timedelta(days=anchor.weekday() - shift)
    sunday = monday + timedelta(days=6)
    if shift == 0 and match.group("d").lower().startswith("earlier"):
        sunday = anchor  # "earlier this week": the days of the week up to the anchor
    elif shift == 0 and match.group("d").lower().startswith("later"):
        monday = anchor  # "later this week": the days from the anchor on
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return _ym(monday.year, monday.month)
    return f"{monday.year:04d}" if monday.year == sunday.year else None


_DAY_SHIFT = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "earlier in the day": 0, "later in the day": 0, "the day before yesterday": -2,
    "the day after tomorrow": 2, "the day before": -1, "a day before": -1, "a day earlier": -1,
    "the previous day": -1,
}  # fmt: skip
# Counted from an event of the narrative, not from the anchor: found, never given a value.
_NARRATIVE_DAYS = ("the day after", "a day after", "a day later", "the next day", "the following day", "the same day", "later that day", "that same day",
                   # a part of the day the story last named ("was in Oslo on Tuesday. In the morning he met ...")
                   "in the morning", "in the afternoon", "in the evening", "that morning", "that afternoon", "that evening")


def _relative_day(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    phrase = " ".join(match.group("d").lower().split())
    if anchor is None or phrase in _NARRATIVE_DAYS:
        return None
    if phrase.endswith((" before", " after")) and not _ALONE.match(match.string, match.end()):
        return None
    return _shift_days(anchor, _DAY_SHIFT[phrase])


def _days_ago(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None or match.group("vague"):
        return None
    n = match.group("n").lower()
    return _shift_days(anchor, -(int(n) if n.isdigit() else NUMBERS[n]))


def _weekday(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    if anchor is None:
        return None
    target = WEEKDAYS.index(match.group("weekday"))
    which = (match.group("which") or "").lower()
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if which == "last":
        return _shift_days(anchor, -(back or 7))
    if which == "next":
        return _shift_days(anchor, ahead or 7)
    return _shift_days(anchor, ahead if future else -back)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    """"in the autumn", "this spring", "next summer": the year of that season (winter, which
    spans two years, has none)."""
    if anchor is None:
        return None
    first, last = _SEASONS[match.group("season").lower()]
    which = (match.group("which") or "").lower()
    if which == "next":
        return f"{anchor.year + (1 if anchor.month >= first else 0):04d}"
    if which == "last":
        return f"{anchor.year - (1 if anchor.month <= last else 0):04d}"
    if which == "this":
        return f"{anchor.year:04d}"
    if future:
        return f"{anchor.year + (1 if anchor.month > last else 0):04d}"
    return f"{anchor.year - (1 if anchor.month < first else 0):04d}"


def _vague(match: re.Match[str], anchor: date | None, future: bool) -> str | None:
    return None


def _shift_days(anchor: date, days: int) -> str | None:
    try:
        return (anchor + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def _rule(pattern: str, kind: Kind, resolve: Resolver) -> _Rule:
    return _Rule(re.compile(pattern), kind, resolve)


_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
_DAY_WORDS = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted((*_DAY_SHIFT, *_NARRATIVE_DAYS), key=len, reverse=True)
)

_RULES: tuple[_Rule, ...] = (
    _rule(rf"\b(?P<d>{_M}\s+{_DAY}(?:\s*[-–]\s*(?P<day2>\d{{1,2}}))?,?\s+{_YEAR})", "explicit", _explicit),
    _rule(rf"\b(?P<d>{_DAY}\s+{_M},?\s+{_YEAR})", "explicit", _explicit),
    _rule(r"(?<![\w-])(?P<d>(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2}))(?![\d])", "explicit", _iso),
    _rule(rf"\b(?P<d>{_M_SHORT}\s+{_DAY},?\s+{_YEAR})", "explicit", _explicit),
    _rule(rf"\b(?P<d>{_DAY}\s+{_M_SHORT},?\s+{_YEAR})", "explicit", _explicit),
    # "21.09.2022": day, month, year with periods, as European releases date themselves
    _rule(r"(?<![\w.])(?P<d>(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4}))(?![\w.]|\.\d)", "explicit", _iso),
    # two days of one month ("on 28 and 29 April", "April 28-29"): the month
    _rule(rf"\b(?P<d>{_DAY}\s*(?:[-–]|and|to)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_M}(?:,?\s+{_YEAR})?)", "explicit", _day_range),
    _rule(rf"\b(?P<d>{_M}\s+{_DAY}\s*(?:[-–]|and|to)\s*(?P<day2>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?)", "explicit", _day_range),
    _rule(rf"\b(?P<d>{_M}\s+{_DAY})", "explicit", _month_day),
    _rule(rf"\b(?P<d>{_DAY}\s+{_M})", "explicit", _month_day),
    _rule(rf"\b(?P<d>{_QUAL}?{_M},?\s+(?:of\s+)?{_YEAR})", "month", _month_year),
    _rule(rf"\b(?P<d>{_QUAL}?{_M}\s+(?:(?i:of)\s+)?{_WHICH}\s+(?i:year)\b)", "month", _month_rel_year),
    _rule(rf"\b(?P<d>{_WHICH}\s+{_M})", "month", _which_month),
    _rule(rf"{_PREP}(?P<d>{_QUAL}?{_M})(?!\s*\d)", "month", _bare_month),
    _rule(rf"\b(?P<d>{_QUAL}{_M})(?!\s*\d)", "month", _bare_month),
    _rule(rf"(?:{_PREP}|{_SEASON})(?P<d>{_QUAL}?{_YEAR_ONLY})(?!-?\w)", "year", _year),
    _rule(rf"\b(?P<d>{_QUAL}{_YEAR_ONLY})(?!-?\w)", "year", _year),
    _rule(rf"{_NOT_THE}\b(?P<d>{_LATER}{_WHICH}\s+(?i:year))\b", "relative", _relative_year),
    _rule(rf"{_NOT_THE}\b(?P<d>{_LATER}{_WHICH}\s+(?i:month))\b", "relative", _relative_month),
    _rule(rf"{_NOT_THE}\b(?P<d>{_LATER}{_WHICH}\s+(?i:week))\b", "relative", _relative_week),
    _rule(rf"\b(?P<d>(?i:{_DAY_WORDS}))\b", "relative", _relative_day),
    _rule(rf"\b(?P<d>(?P<vague>{_ABOUT}\s+)?{_NUMBER}\s+(?i:days?)\s+(?i:ago))\b", "relative", _days_ago),
    _rule(rf"\b(?P<d>(?:{_WHICH}\s+)?{_WEEKDAY})", "weekday", _weekday),
    _rule(r"\b(?:(?i:in|during|by)\s+the\s+|(?P<which>(?i:this|next|last))\s+)(?P<d>(?P<season>(?i:spring|summer|autumn|fall)))\b(?!\s+(?:of\s+)?\d)", "relative", _season),
    _rule(
        r"\b(?P<d>(?i:recently|lately|in\s+recent\s+(?:days|weeks|months|years)|in\s+the\s+coming\s+"
        r"(?:days|weeks|months)|in\s+the\s+(?:past|last)\s+few\s+(?:days|weeks|months|years)|"
        rf"(?:{_ABOUT}\s+)?(?:\d+|a|an|one|two|three|four|"
        r"five|six|seven|eight|nine|ten|several|a\s+few)\s+(?:weeks?|months?|years?|decades?)\s+ago))\b",
        "relative",
        _vague,
    ),
)
