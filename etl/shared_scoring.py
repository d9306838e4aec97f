"""The shared scorer's categories, computed on extracted facts: ``../shared/devset/score.py``'s
matching rules applied to one article's ``ArticleFacts`` and its gold annotation.

The shared scorer judges an export of the store; this module applies the same rules to what the
extractor found in one article, so that ``python -m etl.evaluate`` prints the numbers the project
is judged by next to its own table. The rules, as score.py has them:

- names agree when, after normalization and dropping ``mr ms mrs dr u s the``, the words of one
  name are a subset of the other's (a predicted actor's name and aliases against a gold actor's
  name and aliases);
- meetings are matched greedily, best first, when at least half of each side's participants
  agree, with bonuses for an agreeing date (+0.5, either a prefix of the other) and location
  (+0.3); precision counts predicted *held* meetings, recall gold *primary held* ones; date,
  location and mode accuracy are over matched primary held meetings (the date must be exactly
  the gold date, or absent when gold has none);
- statements: recall over gold *direct* quotes found with an acceptable speaker (``speaker`` or
  ``speaker_alt``), precision over all predicted statements whose quote matches any gold quote;
  quotes match at 80% of the shorter one's distinct words, or a Jaccard index of 0.5;
- persons: those the article's facts link to a meeting, a statement or a post; role recall counts
  a gold post found when a matching person has a title sharing a word and the same affiliation;
- issues: recall of gold groups, a keyword contained in a normalized label of an issue that a
  meeting or statement of the article is linked to (the article-level list does not count).

Also: invented dates (a matched meeting dated where gold has no date, or differently, a less
precise prefix being wrong but not invented) and the validity of evidence spans.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

from etl.model import ArticleFacts

TITLES = {"mr", "ms", "mrs", "dr", "u", "s", "the"}
COUNTS = ("m_pred", "m_pred_ok", "m_gold_primary", "m_gold_primary_ok", "m_gold_held", "m_gold_held_ok",
          "m_date_n", "m_date_ok", "m_loc_n", "m_loc_ok", "m_mode_n", "m_mode_ok",
          "s_pred", "s_pred_ok", "s_gold", "s_gold_found", "s_gold_attr_ok",
          "p_pred", "p_pred_ok", "p_gold", "p_gold_ok", "r_gold", "r_gold_ok", "i_gold", "i_gold_ok",
          "e_n", "e_ok")


def norm(s: str) -> str:
    """score.py's normalization: accents off, lower case, hyphens as spaces, curly apostrophes straight."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("-", " ").replace("\u2019", "'")
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", s).split())


def toks(s: str) -> set[str]:
    """The words of a name, without titles such as ``Mr`` or ``the``."""
    return {t for t in norm(s).split() if t not in TITLES}


def names_match(a_names: Iterable[str], b_names: Iterable[str]) -> bool:
    """Whether some name of A and some name of B agree: the words of one a subset of the other's."""
    b_sets = [tb for tb in (toks(b) for b in b_names) if tb]
    for ta in (toks(a) for a in a_names):
        if ta and any(ta <= tb or tb <= ta for tb in b_sets):
            return True
    return False


def quote_match(a: str, b: str) -> bool:
    """Two quotes agree: 80% of the shorter one's distinct words (3 or more), or half of all words."""
    ta, tb = set(norm(a).split()), set(norm(b).split())
    if not ta or not tb:
        return False
    inter, small = len(ta & tb), min(len(ta), len(tb))
    if small >= 3 and inter / small >= 0.8:
        return True
    return inter / len(ta | tb) >= 0.5


def date_invented(pred: str | None, gold: str | None) -> bool:
    """A predicted date is invented when gold has none or it disagrees (a less precise prefix is not)."""
    return bool(pred) and not (gold and (gold == pred or gold.startswith(pred + "-")))


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None or p + r == 0:
        return None
    return 2 * p * r / (p + r)


@dataclass
class SharedScore:
    """score.py's tallies for one article or summed over many, and the invented dates seen."""

    c: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    invented_dates: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def add(self, other: "SharedScore") -> None:
        """Add another article's tallies (micro-averaging, as score.py does)."""
        for k, v in other.c.items():
            self.c[k] += v
        self.invented_dates += other.invented_dates
        self.log += other.log

    def as_dict(self) -> dict[str, Any]:
        """The numbers in score.py's JSON layout (plus invented dates)."""
        c = self.c
        mp, mr = _ratio(c["m_pred_ok"], c["m_pred"]), _ratio(c["m_gold_primary_ok"], c["m_gold_primary"])
        sp, sr = _ratio(c["s_pred_ok"], c["s_pred"]), _ratio(c["s_gold_attr_ok"], c["s_gold"])
        pp, pr = _ratio(c["p_pred_ok"], c["p_pred"]), _ratio(c["p_gold_ok"], c["p_gold"])
        return {
            "meetings": {"precision": mp, "recall_primary": mr, "f1": _f1(mp, mr),
                         "recall_all_held": _ratio(c["m_gold_held_ok"], c["m_gold_held"]),
                         "date_acc": _ratio(c["m_date_ok"], c["m_date_n"]),
                         "location_acc": _ratio(c["m_loc_ok"], c["m_loc_n"]),
                         "mode_acc": _ratio(c["m_mode_ok"], c["m_mode_n"]),
                         "pred": c["m_pred"], "gold_primary": c["m_gold_primary"]},
            "statements": {"precision": sp, "recall_attributed": sr, "f1": _f1(sp, sr),
                           "quote_recall": _ratio(c["s_gold_found"], c["s_gold"]),
                           "attribution_acc": _ratio(c["s_gold_attr_ok"], c["s_gold_found"]),
                           "pred": c["s_pred"], "gold": c["s_gold"]},
            "persons": {"precision": pp, "recall": pr, "f1": _f1(pp, pr),
                        "role_recall": _ratio(c["r_gold_ok"], c["r_gold"])},
            "issues": {"recall": _ratio(c["i_gold_ok"], c["i_gold"])},
            "evidence": {"checked": c["e_n"], "valid": _ratio(c["e_ok"], c["e_n"])},
            "invented_dates": len(self.invented_dates),
        }


def score_facts_shared(gold: dict, facts: ArticleFacts, issue_labels: dict[str, list[str]],
                       evidence: tuple[int, int] = (0, 0)) -> SharedScore:
    """One article's facts scored by score.py's rules; ``evidence`` is (valid, checked) spans."""
    out = SharedScore()
    c = out.c
    gnames = {a["name"]: {a["name"], *a.get("aliases", [])} for a in gold.get("actors", [])}

    def expand(name: str) -> set[str]:
        return gnames.get(name, {name})

    actors = {a.key: a for a in facts.actors}
    places = {p.key: p for p in facts.places}

    def names(key: str | None) -> set[str]:
        if key in actors:
            return {actors[key].name, *actors[key].aliases}
        if key in places:
            return {places[key].name, *places[key].aliases}
        return {key or ""}

    _meetings(out, gold.get("meetings", []), facts, expand, names)
    _statements(out, gold.get("statements", []), facts, expand, names)
    _persons(out, gold.get("actors", []), facts, expand, names)
    labels = {norm(lab) for m in facts.meetings for k in m.topics for lab in issue_labels.get(k, [k])}
    labels |= {norm(lab) for s in facts.statements for k in s.about for lab in issue_labels.get(k, [k])}
    for group in gold.get("issues", []):
        c["i_gold"] += 1
        if any(norm(k) in lab for k in group for lab in labels):
            c["i_gold_ok"] += 1
    c["e_ok"], c["e_n"] = evidence
    return out


def _meetings(out: SharedScore, gm: list[dict], facts: ArticleFacts, expand, names) -> None:
    c = out.c
    pm = {m.key: m for m in facts.meetings}
    parts = {k: [names(a) for a in dict.fromkeys(m.participants)] for k, m in pm.items()}
    locs = {k: names(m.location) if m.location else set() for k, m in pm.items()}
    cands = []
    for gi, g in enumerate(gm):
        gparts = [expand(n) for n in g["participants"]]
        for key, pparts in parts.items():
            hit_g = sum(1 for gp in gparts if any(names_match(gp, pp) for pp in pparts))
            hit_p = sum(1 for pp in pparts if any(names_match(gp, pp) for gp in gparts))
            if not gparts or not pparts or hit_g == 0 or hit_g * 2 < len(gparts) or hit_p * 2 < len(pparts):
                continue
            score = hit_g / len(gparts) + hit_p / len(pparts)
            d, gd = pm[key].date, g.get("date")
            if gd and d and (d.startswith(gd) or gd.startswith(d)):
                score += 0.5
            if g.get("location") and names_match(expand(g["location"]), locs[key]):
                score += 0.3
            cands.append((score, gi, key))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, key in cands:
        if gi not in used_g and key not in used_p:
            used_g.add(gi)
            used_p.add(key)
            pairs.append((gi, key))
    matched_g, matched_p = {gi for gi, _ in pairs}, {k for _, k in pairs}
    held = {k for k, m in pm.items() if m.status != "planned"}
    c["m_pred"] += len(held)
    c["m_pred_ok"] += len(held & matched_p)
    for gi, g in enumerate(gm):
        if g.get("status", "held") == "held":
            c["m_gold_held"] += 1
            c["m_gold_held_ok"] += gi in matched_g
            if g.get("primary"):
                c["m_gold_primary"] += 1
                c["m_gold_primary_ok"] += gi in matched_g
                if gi not in matched_g:
                    out.log.append(f"missed primary meeting {g['participants']} {g.get('date')}")
    for k in sorted(held - matched_p):
        out.log.append(f"spurious meeting {sorted(min(n, key=len) for n in parts[k])} {pm[k].date}")
    for gi, key in pairs:
        g, p = gm[gi], pm[key]
        if date_invented(p.date, g.get("date")):
            out.invented_dates.append(f"meeting of {', '.join(g['participants'])}: {p.date} (gold {g.get('date')})")
        if not (g.get("primary") and g.get("status", "held") == "held"):
            continue
        gd, gl = g.get("date"), g.get("location")
        c["m_date_n"] += 1
        c["m_date_ok"] += (gd is None and not p.date) or (gd is not None and p.date == gd)
        c["m_loc_n"] += 1
        c["m_loc_ok"] += (gl is None and not locs[key]) or bool(gl is not None and locs[key]
                                                                 and names_match(expand(gl), locs[key]))
        c["m_mode_n"] += 1
        c["m_mode_ok"] += p.mode == g.get("mode", "in-person")


def _statements(out: SharedScore, gs: list[dict], facts: ArticleFacts, expand, names) -> None:
    c = out.c
    c["s_pred"] += len(facts.statements)
    for s in gs:
        if s.get("kind", "direct") != "direct":
            continue
        c["s_gold"] += 1
        hits = [p for p in facts.statements if quote_match(p.quote, s["quote"])]
        if not hits:
            out.log.append(f"missed quote by {s['speaker']}: {s['quote'][:60]!r}")
            continue
        c["s_gold_found"] += 1
        ok = [expand(n) for n in [s["speaker"], *s.get("speaker_alt", [])]]
        if any(names_match(o, names(p.speaker)) for p in hits for o in ok):
            c["s_gold_attr_ok"] += 1
        else:
            out.log.append(f"wrong speaker for {s['quote'][:50]!r}: gold {s['speaker']}")
    for p in facts.statements:
        if any(quote_match(p.quote, g["quote"]) for g in gs):
            c["s_pred_ok"] += 1
        else:
            out.log.append(f"spurious statement {p.quote[:60]!r}")


def _persons(out: SharedScore, gactors: list[dict], facts: ArticleFacts, expand, names) -> None:
    c = out.c
    linked = {k for m in facts.meetings for k in m.participants} | {s.speaker for s in facts.statements}
    persons = [a for a in facts.actors if a.kind == "Person" and (a.key in linked or a.roles)]
    for g in (a for a in gactors if a.get("type") == "Person"):
        c["p_gold"] += 1
        hit = [a for a in persons if names_match({g["name"], *g.get("aliases", [])}, names(a.key))]
        if not hit:
            out.log.append(f"missed person {g['name']}")
            continue
        c["p_gold_ok"] += 1
        for role in g.get("roles", []):
            c["r_gold"] += 1
            if any(toks(role["title"]) & toks(r.title)
                   and (not role.get("of") or names_match(expand(role["of"]), names(r.of)))
                   for a in hit for r in a.roles):
                c["r_gold_ok"] += 1
    everyone = [{a["name"], *a.get("aliases", [])} for a in gactors]
    c["p_pred"] += len(persons)
    c["p_pred_ok"] += sum(1 for a in persons if any(names_match(g, names(a.key)) for g in everyone))


def render_shared(score: SharedScore, title: str) -> str:
    """The shared scorer's lines, as score.py prints them."""
    def f(x: Any) -> str:
        return "n/a" if x is None else f"{x:.2f}" if isinstance(x, float) else str(x)
    d = score.as_dict()
    lines = [f"== {title}"]
    for k in ("meetings", "statements", "persons", "issues", "evidence"):
        lines.append(f"{k:11s} " + "  ".join(f"{kk}={f(vv)}" for kk, vv in d[k].items()))
    lines.append(f"{'invented':11s} dates={d['invented_dates']}")
    lines += [f"    {x}" for x in score.invented_dates]
    return "\n".join(lines)
