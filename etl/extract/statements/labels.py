"""The person a speaker label names: a transcript turn's "PRIME MINISTER ANTHONY ALBANESE:",
"REBECCA THORNTON, MINISTER FOR FOREIGN AFFAIRS:", "THORNTON:", or a quotes section's "– The
Honourable Nathalie Tremblay, Minister of Foreign Affairs".

A label is the strongest evidence a text gives that a person speaks: when it names someone
the article has no actor for (a Title Case headline the model missed), the person is added
under the name the label spells (honorifics and the post title before the name dropped, the
post after a comma ignored, capitals made Title Case), provided the label gives a post or an
honorific ("Related Articles:" is no one). A label of one word names a person only when it is
the surname of one already known or follows a post title ("PRESIDENT WHITAKER:"); labels of unnamed speakers ("JOURNALIST",
"QUESTION", "MODERATOR"; etl/data/unnamed_speakers.txt) name no one.
"""

from __future__ import annotations

import re

from diplokg.iris import slug
from etl.extract.context import ArticleContext
from etl.extract.mentions import name_tokens
from etl.model import Actor
from etl.vocab import DATA

_HONORIFICS = {"the", "hon", "honourable", "honorable", "h.e", "his", "her", "excellency", "mr", "mrs", "ms",
               "dr", "sir", "dame", "rt", "right", "senator", "sen", "rep", "ambassador"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'\u2019.-]*$")


def _unnamed() -> frozenset[str]:
    lines = (DATA / "unnamed_speakers.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in lines) if w)


_UNNAMED = _unnamed()


def person_named_by(ctx: ArticleContext, start: int, end: int) -> str | None:
    """The key of the person the label ``text[start:end]`` names (added if the label spells a
    name the article has no actor for), or None."""
    index = ctx.index
    name_part = ctx.text[start:end].split(",")[0]
    span = ctx.doc.char_span(start, start + len(name_part), alignment_mode="expand")
    if span is not None:
        people = [m.key for m in index.mentions_in(span.start, span.end) if m.kind == "Person" and m.via != "title"]
        if people:
            return people[0]
    words, titled = _name_words(name_part, ctx)
    if words is None:
        return None
    tokens = {w.lower() for w in words}
    persons = [a for a in index.actors.values() if a.kind == "Person"]
    full = {a.key for a in persons if name_tokens(a.name) and set(name_tokens(a.name)) <= tokens}
    if len(full) == 1:
        return full.pop()
    surname = {a.key for a in persons if name_tokens(a.name) and name_tokens(a.name)[-1] in tokens}
    if len(surname) == 1:
        return surname.pop()
    if not words:
        return _only_holder(ctx.text[start:end], ctx)
    post = ctx.text[start + len(name_part):end]
    if titled or _names_a_post(post, ctx):
        return _add_person(ctx, " ".join(_title_case(w) for w in words))
    return None


def _names_a_post(text: str, ctx: ArticleContext) -> bool:
    """", Minister of Foreign Affairs": the words after a label's name give a post title."""
    lowered = " ".join(text.replace(",", " ").lower().split())
    return any(f" {t} " in f" {lowered} " for t in ctx.gazetteer.titles if len(t) > 3)


def _name_words(text: str, ctx: ArticleContext) -> tuple[list[str] | None, bool]:
    """The words of a label after its honorifics and the post title before the name; None
    for a label of an unnamed speaker or one that is not a name."""
    words = [w.strip(".") for w in text.split()]
    if not words or any(w.lower() in _UNNAMED for w in words):
        return None, False
    titled = False
    while words:
        if words[0].lower() in _HONORIFICS:
            words, titled = words[1:], True  # "The Honourable X": a person's style
            continue
        n = next((n for n in range(len(words), 0, -1) if " ".join(words[:n]).lower() in ctx.gazetteer.titles), 0)
        if n == 0:
            break
        words, titled = words[n:], True
    if not all(_NAME_WORD.match(w) for w in words):
        return None, False
    return words, titled


def _only_holder(label: str, ctx: ArticleContext) -> str | None:
    """"PRIME MINISTER:": the one person of the article who holds that title."""
    phrase = " ".join(label.lower().split()).removeprefix("the ")
    holders = {t.person for t in ctx.index.titles if t.person and t.title.lower() == phrase}
    return holders.pop() if len(holders) == 1 else None


def _title_case(word: str) -> str:
    """"THORNTON" → "Thornton", "MIN-JAE" → "Min-jae"; a word in mixed case stays."""
    if word != word.upper():
        return word
    first, *rest = word.split("-")
    return "-".join([first[:1] + first[1:].lower(), *(r.lower() for r in rest)])


def _add_person(ctx: ArticleContext, name: str) -> str:
    key = slug(name)
    if key not in ctx.index.actors:
        ctx.index.actors[key] = Actor(key=key, kind="Person", name=name)
    return key
