"""The posts a person holds, kept without repeats: a more specific title replaces a general
one ("Secretary" → "Secretary of State"), a title met again fills in its country."""

from __future__ import annotations

from etl.extract.mentions import ActorIndex, TitleMention
from etl.model import RoleFact
from etl.model import Span as TextSpan


def add_role(index: ActorIndex, person: str, tm: TitleMention) -> None:
    actor = index.actors[person]
    words = tm.title.lower().split()
    for role in actor.roles:
        other = role.title.lower().split()
        if len(other) > len(words) and (other[-len(words):] == words or other[:len(words)] == words):
            return
    actor.roles = [r for r in actor.roles if not subsumed(r.title, tm.title)]
    span = tm.span
    evidence = TextSpan(span.start_char, span.end_char, span.text)
    for i, role in enumerate(actor.roles):
        if role.title == tm.title and (role.of == tm.of or role.of is None or tm.of is None):
            if role.of is None and tm.of is not None:
                actor.roles[i] = RoleFact(tm.title, tm.of, evidence)
                _place(index, actor, tm)  # the title met again with its country places the person too
            return
    actor.roles.append(RoleFact(tm.title, tm.of, evidence))
    _place(index, actor, tm)


def _place(index: ActorIndex, actor, tm: TitleMention) -> None:
    owner = index.actors.get(tm.of) if tm.of is not None else None
    if actor.country is None and owner is not None and owner.kind == "Country":
        actor.country = tm.of
    elif actor.country is None and owner is not None and owner.kind == "Organization" and owner.country in index.actors:
        actor.country = owner.country  # an official of "the Ministry of Foreign Affairs of Japan" is Japan's


def subsumed(general: str, specific: str) -> bool:
    """"Secretary" is subsumed by "Secretary of State", "Minister" by "Foreign Minister"."""
    g, s = general.lower().split(), specific.lower().split()
    return len(s) > len(g) and (s[-len(g):] == g or s[:len(g)] == g)
