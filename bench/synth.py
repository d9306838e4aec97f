"""Synthetic news articles in the genre of the seeds, deterministic by seed.

Fictional officials (varied first and last names, posts of real countries), meetings in
capitals, dates in photo captions, direct and indirect quotes about issues of the scheme,
and a trailing "Related coverage" list. ``python -m bench.synth N OUT.jsonl [--seed S]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta

FIRST = ("Aiko", "Haruto", "Mireille", "Tomasz", "Ingrid", "Kwame", "Lucia", "Dmitri", "Sofia", "Ravi",
         "Chen", "Amara", "Jonas", "Yuki", "Farah", "Mateo", "Elif", "Oskar", "Nadia", "Tariq",
         "Hana", "Viktor", "Leila", "Bruno", "Sun", "Keiko", "Pablo", "Anya", "Emeka", "Greta")
LAST = ("Tanabe", "Morikawa", "Delacroix", "Kowalczyk", "Lindqvist", "Mensah", "Ferreira", "Volkov",
        "Papadakis", "Raghunathan", "Liang", "Okafor", "Brandt", "Shimizu", "Haddad", "Alvarez",
        "Yilmaz", "Nyberg", "Petrova", "Rahman", "Iwasaki", "Horvath", "Karimi", "Costa", "Park",
        "Nakagawa", "Ortega", "Sokolova", "Adeyemi", "Magnusson", "Fujisawa", "Ekberg")
COUNTRIES = (
    ("Japan", "Japanese", "Tokyo"), ("the United States", "U.S.", "Washington"),
    ("South Korea", "South Korean", "Seoul"), ("Australia", "Australian", "Canberra"),
    ("India", "Indian", "New Delhi"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Britain", "British", "London"), ("Indonesia", "Indonesian", "Jakarta"),
    ("the Philippines", "Philippine", "Manila"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Canada", "Canadian", "Ottawa"), ("Italy", "Italian", "Rome"), ("Brazil", "Brazilian", "Brasilia"),
)
TITLES = ("Foreign Minister", "Defense Minister", "Prime Minister", "Trade Minister", "Finance Minister")
ISSUES = ("North Korea's nuclear and missile programs", "the situation in the South China Sea",
          "economic security", "supply chains for semiconductors", "climate change",
          "Russia's war in Ukraine", "a free and open Indo-Pacific", "the situation in the Middle East",
          "maritime security", "export controls")
QUOTES = ("We agreed to deepen our cooperation in every field",
          "Our two countries share fundamental values and strategic interests",
          "It is important that we respond firmly to any attempt to change the status quo by force",
          "We will continue to work closely together toward regional peace and stability",
          "This meeting was an opportunity to confirm the strength of our partnership")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(index: int, seed: int = 0) -> dict[str, str]:
    """One synthetic article as a JSON Lines record (id, text, title, published, source)."""
    rng = random.Random(seed * 1_000_003 + index)
    (c1, d1, city), (c2, d2, _) = rng.sample(COUNTRIES, 2)
    t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
    p1, p2 = _person(rng), _person(rng)
    while p2 == p1:
        p2 = _person(rng)
    s1, s2 = p1.split()[-1], p2.split()[-1]
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    when = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    issue1, issue2 = rng.sample(ISSUES, 2)
    quote1, quote2 = rng.sample(QUOTES, 2)
    paragraphs = [
        f"{c1[0].upper() + c1[1:]} and {c2} on {WEEKDAYS[day.weekday()]} agreed to strengthen cooperation on "
        f"{issue1}, as the two countries seek to respond to a fast-changing security environment.",
        f"In a meeting in {city}, {d1} {t1} {p1} told visiting {d2} {t2} {p2} that the two sides "
        f"should work closely on {issue2}.",
        f"{d1} {t1} {p1} and {d2} {t2} {p2} shake hands before their talks in {city} on {when}. (Kyodo)",
        f"\"{quote1},\" {s1} said at a joint press conference after the talks.",
        f"{s2} replied that {d2.replace('U.S.', 'American')} officials were ready to expand exchanges, "
        f"adding, \"{quote2}.\"",
        f"The two ministers also exchanged views on {rng.choice(ISSUES)}, according to officials.",
        f"{s2} is scheduled to visit {rng.choice(COUNTRIES)[2]} later this month.",
        "Related coverage:",
        f"{c2[0].upper() + c2[1:]} eyes closer ties on {rng.choice(ISSUES)}",
    ]
    return {
        "id": f"synth-{seed}-{index:07d}",
        "text": "\n\n".join(paragraphs) + "\n",
        "title": f"{c1[0].upper() + c1[1:]}, {c2} agree to boost cooperation",
        "published": day.isoformat(),
        "source": "Synthetic News",
    }


def articles(count: int, seed: int = 0, start: int = 0) -> Iterator[dict[str, str]]:
    """``count`` articles, deterministic by seed."""
    for i in range(start, start + count):
        yield article(i, seed)


def write_jsonl(path: str, count: int, seed: int = 0) -> None:
    """Write ``count`` articles as JSON Lines."""
    with open(path, "w", encoding="utf-8") as fh:
        for record in articles(count, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Command line: write N synthetic articles to a JSON Lines file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_jsonl(args.output, args.count, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
