"""The consistency rules of the shared annotation conventions (../shared/devset/CONVENTIONS.md
section 1), as one function that lists what a gold file breaks.

Used by tests/test_evaluate.py on every file in tests/gold, and usable on any directory laid out
like the dev set (``texts/ID.txt`` + ``texts/ID.json``, ``gold/ID.json``)::

    python -m tests.gold_rules GOLD_DIR TEXT_DIR
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TOP_KEYS = ["article", "actors", "meetings", "statements", "issues"]
ACTOR_KEYS = {"Person": ["name", "type", "aliases", "roles"], "Country": ["name", "type", "aliases"],
              "Organization": ["name", "type", "aliases"]}
MEETING_KEYS = ["participants", "date", "location", "mode", "status", "primary", "issues", "evidence"]
STATEMENT_KEYS = ["speaker", "quote", "kind", "evidence"]
STATEMENT_OPTIONAL = ["speaker_alt", "date"]  # "date" is this project's addition (docs/gold.md)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CURLY = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _fold(s: str) -> str:
    return s.lower().translate(CURLY)


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _held_ok(date: str, published: str) -> bool:
    """A held meeting's date does not postdate ``published`` (compared at the date's precision)."""
    return date <= published[:len(date)]


def _planned_ok(date: str, published: str) -> bool:
    """A planned meeting's date does not predate ``published`` (compared at the date's precision)."""
    return date >= published[:len(date)]


def problems(gold: dict, text: str, meta: dict | None = None) -> list[str]:
    """Every way ``gold`` breaks the conventions for its article ``text`` (and sidecar ``meta``)."""
    out: list[str] = []
    meta = meta or {}
    if list(gold) != TOP_KEYS:
        out.append(f"top-level keys {list(gold)}, want {TOP_KEYS}")
    actors = gold.get("actors", [])
    names = [a.get("name") for a in actors]
    if len(set(names)) != len(names):
        out.append("actor names are not unique")
    known = set(names)
    folded = _fold(text)
    for a in actors:
        want = ACTOR_KEYS.get(a.get("type"))
        if want is None:
            out.append(f"actor {a.get('name')}: type {a.get('type')!r}")
            continue
        if list(a) != want:
            out.append(f"actor {a['name']}: keys {list(a)}, want {want}")
        for alias in a.get("aliases", []):
            if alias not in text:
                out.append(f"actor {a['name']}: alias {alias!r} not in the text")
        if a["type"] == "Person":
            written = [a["name"], *a.get("aliases", [])]
            if not any(set(_tokens(a["name"])) <= set(_tokens(w)) for w in written if w in text):
                out.append(f"person {a['name']}: no written form in the text holds every word of the name")
            for r in a.get("roles", []):
                if list(r) != ["title", "of"]:
                    out.append(f"person {a['name']}: role keys {list(r)}")
                if r.get("of") not in known:
                    out.append(f"person {a['name']}: role of {r.get('of')!r} is not an actor")
    published = meta.get("published")
    groups = [tuple(g) for g in gold.get("issues", [])]
    for m in gold.get("meetings", []):
        label = f"meeting {m.get('participants')}"
        if list(m) != MEETING_KEYS:
            out.append(f"{label}: keys {list(m)}, want {MEETING_KEYS}")
        for p in m.get("participants", []):
            if p not in known:
                out.append(f"{label}: participant {p!r} is not an actor")
        if len(set(m.get("participants", []))) != len(m.get("participants", [])) or not m.get("participants"):
            out.append(f"{label}: empty or repeated participants")
        if m.get("evidence") not in text:
            out.append(f"{label}: evidence not in the text: {m.get('evidence')!r}")
        if m.get("location") is not None and m["location"] not in text:
            out.append(f"{label}: location not in the text: {m['location']!r}")
        if m.get("mode") not in ("in-person", "phone", "video") or m.get("status") not in ("held", "planned"):
            out.append(f"{label}: mode {m.get('mode')!r} / status {m.get('status')!r}")
        if not isinstance(m.get("primary"), bool):
            out.append(f"{label}: primary must be true or false")
        date = m.get("date")
        if date is not None:
            if not DATE.match(date):
                out.append(f"{label}: date {date!r}")
            elif published and m.get("status") == "held" and not _held_ok(date, published):
                out.append(f"{label}: held on {date}, after published {published}")
            elif published and m.get("status") == "planned" and not _planned_ok(date, published):
                out.append(f"{label}: planned for {date}, before published {published}")
        for g in m.get("issues", []):
            if tuple(g) not in groups:
                out.append(f"{label}: issue group {g} is not copied from the article list")
    for s in gold.get("statements", []):
        label = f"statement of {s.get('speaker')}"
        keys = list(s)
        if keys[:4] != STATEMENT_KEYS or [k for k in keys[4:]] != [k for k in STATEMENT_OPTIONAL if k in keys[4:]]:
            out.append(f"{label}: keys {keys}")
        for who in [s.get("speaker"), *s.get("speaker_alt", [])]:
            if who not in known:
                out.append(f"{label}: {who!r} is not an actor")
        if s.get("kind") not in ("direct", "indirect"):
            out.append(f"{label}: kind {s.get('kind')!r}")
        for key in ("quote", "evidence"):
            if s.get(key) not in text:
                out.append(f"{label}: {key} not in the text: {s.get(key)!r}")
        if s.get("date") is not None and not DATE.match(s["date"]):
            out.append(f"{label}: date {s['date']!r}")
    for g in gold.get("issues", []):
        if not g or any(k != k.lower() for k in g):
            out.append(f"issue group {g}: empty or not lower case")
        elif not any(_fold(k) in folded for k in g):
            out.append(f"issue group {g}: no keyword occurs in the text")
    if meta.get("title") is not None and text.split("\n", 1)[0] != meta["title"]:
        out.append("line 1 of the text is not the sidecar title")
    return out


def main(argv: list[str]) -> int:
    """Check a dev-set-like pair of directories; print each problem, exit 1 if there are any."""
    gold_dir, text_dir = Path(argv[0]), Path(argv[1])
    bad = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        txt = text_dir / gold["article"]
        side = txt.with_suffix(".json")
        meta = json.loads(side.read_text(encoding="utf-8")) if side.exists() else {}
        for p in problems(gold, txt.read_text(encoding="utf-8"), meta):
            print(f"{path.name}: {p}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
