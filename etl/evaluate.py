"""Measure extraction against the gold annotations: ``python -m etl.evaluate [GOLD_DIR]``.

Gold files (``*.gold.json``, CONTRACT.md section 6) are compared with what
``etl.pipeline.Extractor`` finds in the same articles. Scores are micro-averaged over all
articles. The matching rules are written down in docs/gold.md. The table is followed by the
categories of the shared scorer (``../shared/devset/score.py``), computed by its matching rules
(etl/shared_scoring.py), which is how the project is judged.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from diplokg.errors import BadInput, DiplokgError
from diplokg.resources import ISSUES_FILE, ROOT, SEEDS_DIR
from etl.model import ArticleFacts, Span
from etl.shared_scoring import SharedScore, render_shared, score_facts_shared

log = logging.getLogger(__name__)

GAZETTEER_DIR = Path(__file__).resolve().parent / "data" / "gazetteer"
DEFAULT_GOLD_DIR = ROOT / "tests" / "gold"
QUOTE_OVERLAP = 0.8
CATEGORIES = ("people", "posts", "meetings", "meetings (primary)", "statements", "statements (quote only)", "issues")
ATTRIBUTES = ("date", "location", "mode", "status")


def norm(text: str | None) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: ``"Kim Min-jae"`` -> ``"kim min jae"``."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def quote_overlap(a: str, b: str) -> float:
    """Shared tokens of two quotes as a share of the shorter one's tokens."""
    ta, tb = norm(a).split(), norm(b).split()
    if not ta or not tb:
        return 0.0
    shared = sum((Counter(ta) & Counter(tb)).values())
    return shared / min(len(ta), len(tb))


@dataclass
class Count:
    """Matched predictions of all predictions, matched gold items of all gold items."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: "Count") -> None:
        """Add another count to this one (micro-averaging)."""
        self.matched_pred += other.matched_pred
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """Matched predictions / predictions (1.0 when nothing was predicted and nothing was to find)."""
        return self.matched_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        """Matched gold items / gold items (1.0 when there was nothing to find)."""
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three ratios, for ``--json``."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "matched_pred": self.matched_pred, "pred": self.pred, "matched_gold": self.matched_gold, "gold": self.gold}


@dataclass
class Score:
    """Everything measured on one article, or summed over many."""

    counts: dict[str, Count] = field(default_factory=lambda: {c: Count() for c in CATEGORIES})
    correct: Counter = field(default_factory=Counter)
    compared: Counter = field(default_factory=Counter)
    invented_dates: list[str] = field(default_factory=list)
    evidence_valid: int = 0
    evidence_total: int = 0
    unmatched: list[str] = field(default_factory=list)
    shared: SharedScore = field(default_factory=SharedScore)

    def note(self, category: str, gold: list, pred: list, pairs: list[tuple[int, int]], show) -> None:
        """Record the gold items missed and the predictions matched to nothing, for ``--verbose``."""
        hit_g, hit_p = {i for i, _ in pairs}, {j for _, j in pairs}
        self.unmatched += [f"{category}: missed {show(g)}" for i, g in enumerate(gold) if i not in hit_g]
        self.unmatched += [f"{category}: spurious {show(p)}" for j, p in enumerate(pred) if j not in hit_p]

    def add(self, other: "Score") -> None:
        """Add another article's score to this one."""
        for name, count in other.counts.items():
            self.counts[name].add(count)
        self.correct.update(other.correct)
        self.compared.update(other.compared)
        self.invented_dates.extend(other.invented_dates)
        self.evidence_valid += other.evidence_valid
        self.evidence_total += other.evidence_total
        self.unmatched.extend(other.unmatched)
        self.shared.add(other.shared)

    @property
    def evidence_share(self) -> float:
        """Valid evidence spans / all evidence spans (1.0 when there are none)."""
        return self.evidence_valid / self.evidence_total if self.evidence_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        """The numbers as plain JSON-ready data."""
        return {
            "scores": {name: c.as_dict() for name, c in self.counts.items()},
            "accuracy": {a: {"correct": self.correct[a], "total": self.compared[a],
                             "accuracy": round(self.correct[a] / self.compared[a], 4) if self.compared[a] else 1.0}
                         for a in ATTRIBUTES},
            "invented_dates": len(self.invented_dates),
            "invented_date_details": self.invented_dates,
            "evidence": {"valid": self.evidence_valid, "total": self.evidence_total,
                         "share": round(self.evidence_share, 4)},
            "shared": self.shared.as_dict(),
        }


def gazetteer_aliases(directory: Path = GAZETTEER_DIR) -> dict[str, str]:
    """Normalized unambiguous names and aliases of countries and organizations -> canonical name."""
    seen: dict[str, set[str]] = {}
    for filename, alias_column in (("countries.csv", "aliases"), ("organizations.csv", "aliases")):
        path = directory / filename
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                canonical = norm(row["name"])
                for name in [row["name"], *(row.get(alias_column) or "").split("|")]:
                    if norm(name):
                        seen.setdefault(norm(name), set()).add(canonical)
    return {alias: next(iter(c)) for alias, c in seen.items() if len(c) == 1}


class Names:
    """Canonical forms of the names of one article's gold actors (and of the gazetteer)."""

    def __init__(self, gold_actors: list[dict], gazetteer: dict[str, str]) -> None:
        self.gazetteer = gazetteer
        self.alias: dict[str, str] = {}
        for actor in gold_actors:
            canonical = self._gaz(norm(actor["name"]))
            for alias in actor.get("aliases", []):
                full = len(norm(alias).split()) > 1 or actor.get("type", "Person") != "Person"
                if full and norm(alias):
                    self.alias.setdefault(norm(alias), canonical)
            self.alias[norm(actor["name"])] = canonical

    def _gaz(self, name: str) -> str:
        return self.gazetteer.get(name, name)

    def canon(self, name: str | None, aliases: Iterable[str] = ()) -> str:
        """The canonical form of a name, trying a predicted actor's aliases when the name is unknown."""
        for candidate in [name or "", *aliases]:
            n = norm(candidate)
            if n in self.alias:
                return self.alias[n]
            if n in self.gazetteer:
                return self.gazetteer[n]
        return norm(name)


def title_sets(directory: Path = GAZETTEER_DIR) -> list[set[str]]:
    """For each post in positions.csv, the normalized label and aliases (titles that name the same post)."""
    path = directory / "positions.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{norm(t) for t in [row["label"], *row["aliases"].split("|")] if norm(t)} for row in csv.DictReader(f)]


def norm_title(title: str | None) -> str:
    """A post title normalized: case, "the", "Defence"/"Adviser" spellings."""
    t = norm(title).removeprefix("the ")
    return t.replace("defence", "defense").replace("adviser", "advisor")


def same_title(a: str | None, b: str | None, sets: list[set[str]]) -> bool:
    """Whether two titles name the same post (equal when normalized, or one post's label/aliases)."""
    na, nb = norm_title(a), norm_title(b)
    return na == nb or any(na in s and nb in s for s in sets)


def match_pairs(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: pairs with a score (not None), best score first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = score(g, p)
            if s is not None:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _count(pairs: list, n_gold: int, n_pred: int) -> Count:
    return Count(len(pairs), n_pred, len(pairs), n_gold)


def date_invented(pred: str | None, gold: str | None) -> bool:
    """A predicted date is invented when gold has none or it disagrees (a less precise prefix is fine)."""
    return bool(pred) and not (gold and (gold == pred or gold.startswith(pred + "-")))


def score_article(gold: dict, pred: dict, gazetteer: dict[str, str] | None = None,
                  titles: list[set[str]] | None = None) -> Score:
    """Compare one article's gold annotation with a prediction in the same format."""
    gazetteer = gazetteer_aliases() if gazetteer is None else gazetteer
    titles = title_sets() if titles is None else titles
    names = Names(gold.get("actors", []), gazetteer)
    pred_aliases = {a["name"]: a.get("aliases", []) for a in pred.get("actors", []) if a.get("type") != "Person"}

    def canon_pred(name: str | None) -> str:
        return names.canon(name, pred_aliases.get(name or "", []))

    score = Score()
    gold_people = [names.canon(a["name"]) for a in gold.get("actors", []) if a.get("type", "Person") == "Person"]
    pred_people = [canon_pred(a["name"]) for a in pred.get("actors", []) if a.get("type") == "Person"]
    people = match_pairs(gold_people, pred_people, lambda g, p: 1 if g == p else None)
    score.counts["people"] = _count(people, len(gold_people), len(pred_people))
    score.note("people", gold_people, pred_people, people, str)

    def posts(actors: list[dict], canon) -> list[tuple[str, str, str]]:
        return [(canon(a["name"]), r.get("title"), canon(r.get("of")) if r.get("of") else "")
                for a in actors for r in a.get("roles", [])]

    gold_posts, pred_posts = posts(gold.get("actors", []), names.canon), posts(pred.get("actors", []), canon_pred)
    pairs = match_pairs(gold_posts, pred_posts, lambda g, p: 1 if g[0] == p[0] and g[2] == p[2]
                        and same_title(g[1], p[1], titles) else None)
    score.counts["posts"] = _count(pairs, len(gold_posts), len(pred_posts))
    score.note("posts", gold_posts, pred_posts, pairs, lambda t: f"{t[0]}: {t[1]} of {t[2] or '-'}")

    _score_meetings(score, gold.get("meetings", []), pred, names.canon, canon_pred)
    _score_statements(score, gold.get("statements", []), pred.get("statements", []), names.canon, canon_pred)

    groups = [[norm(k) for k in g] for g in gold.get("issues", [])]
    labels = [[norm(label) for label in labs] for labs in pred.get("issue_labels", [])]

    def hit(group: list[str], labs: list[str]) -> bool:
        return any(k and lab and (f" {k} " in f" {lab} " or f" {lab} " in f" {k} ") for k in group for lab in labs)

    score.counts["issues"] = Count(sum(any(hit(g, labs) for g in groups) for labs in labels), len(labels),
                                   sum(any(hit(g, labs) for labs in labels) for g in groups), len(groups))
    return score


def _score_meetings(score: Score, gold: list[dict], pred: dict, canon_gold, canon_pred) -> None:
    places = {p["name"]: p.get("aliases", []) for p in pred.get("places", [])}
    meetings = pred.get("meetings", [])
    gold_sets = [frozenset(canon_gold(n) for n in m["participants"]) for m in gold]
    pred_sets = [frozenset(canon_pred(n) for n in m["participants"]) for m in meetings]

    def location_ok(g: dict, p: dict) -> bool:
        wanted = norm(g.get("location"))
        return wanted == norm(p.get("location")) or wanted in {norm(a) for a in places.get(p.get("location") or "", [])}

    def agreement(g: dict, p: dict) -> dict[str, bool]:
        return {"date": (g.get("date") or None) == (p.get("date") or None), "location": location_ok(g, p),
                "mode": g.get("mode") == p.get("mode"), "status": g.get("status") == p.get("status")}

    pairs = match_pairs(list(range(len(gold))), list(range(len(meetings))),
                        lambda i, j: sum(agreement(gold[i], meetings[j]).values())
                        if gold_sets[i] == pred_sets[j] else None)
    score.counts["meetings"] = _count(pairs, len(gold), len(meetings))
    score.note("meetings", gold, meetings, pairs, lambda m: f"{' + '.join(m['participants'])} ({m.get('mode')}, "
               f"{m.get('status')}, {m.get('date')}, {m.get('location')})")
    both = sum(1 for i, j in pairs if gold[i].get("primary", True) and meetings[j].get("primary", True))
    score.counts["meetings (primary)"] = Count(both, sum(1 for m in meetings if m.get("primary", True)),
                                               both, sum(1 for m in gold if m.get("primary", True)))
    for i, j in pairs:
        for attribute, ok in agreement(gold[i], meetings[j]).items():
            score.compared[attribute] += 1
            score.correct[attribute] += ok
        if date_invented(meetings[j].get("date"), gold[i].get("date")):
            score.invented_dates.append(f"meeting of {', '.join(gold[i]['participants'])}: "
                                        f"{meetings[j]['date']} (gold {gold[i].get('date')})")


def _score_statements(score: Score, gold: list[dict], pred: list[dict], canon_gold, canon_pred) -> None:
    def overlap(g: dict, p: dict) -> float | None:
        o = quote_overlap(g["quote"], p["quote"])
        return o if o >= QUOTE_OVERLAP else None

    def with_speaker(g: dict, p: dict) -> float | None:
        return overlap(g, p) if canon_gold(g["speaker"]) == canon_pred(p["speaker"]) else None

    strict = match_pairs(gold, pred, with_speaker)
    score.counts["statements"] = _count(strict, len(gold), len(pred))
    score.note("statements", gold, pred, strict, lambda st: f"{st['speaker']}: {st['quote'][:70]!r}")
    score.counts["statements (quote only)"] = _count(match_pairs(gold, pred, overlap), len(gold), len(pred))
    for i, j in strict:
        if date_invented(pred[j].get("date"), gold[i].get("date")):
            score.invented_dates.append(f"statement of {gold[i]['speaker']}: {pred[j]['date']} "
                                        f"(gold {gold[i].get('date')})")


def issue_labels(path: Path = ISSUES_FILE) -> dict[str, list[str]]:
    """Issue key (last path segment of the IRI) -> its prefLabel and altLabels, lower-cased."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, SKOS

    if not path.exists():
        raise BadInput(f"{path}: issue vocabulary not found")
    graph = Graph()
    try:
        graph.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise BadInput(f"{path}: cannot parse issue vocabulary: {exc}") from None
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    labels: dict[str, list[str]] = {}
    for prop in (SKOS.prefLabel, SKOS.altLabel):
        for subject, _, label in graph.triples((None, prop, None)):
            if isinstance(subject, URIRef) and subject not in schemes:
                key = str(subject).rstrip("/").rsplit("/", 1)[-1]
                labels.setdefault(key, []).append(str(label).lower())
    return labels


def facts_to_gold(facts: ArticleFacts, issue_labels: dict[str, list[str]]) -> dict:
    """Predicted facts in the gold format: actor, place and issue keys replaced by names and labels."""
    actors = {a.key: a for a in facts.actors}
    places = {p.key: p for p in facts.places}

    def name(key: str | None) -> str | None:
        if key is None:
            return None
        return actors[key].name if key in actors else key

    def place(key: str | None) -> str | None:
        if key is None:
            return None
        return places[key].name if key in places else key

    return {
        "article": facts.article.id,
        "actors": [{"name": a.name, "type": a.kind, "aliases": list(a.aliases),
                    "roles": [{"title": r.title, "of": name(r.of)} for r in a.roles]} for a in facts.actors],
        "places": [{"name": p.name, "aliases": list(p.aliases)} for p in facts.places],
        "meetings": [{"participants": [name(k) for k in m.participants], "date": m.date,
                      "location": place(m.location), "mode": m.mode, "status": m.status, "primary": m.primary,
                      "issues": [issue_labels.get(k, [k]) for k in m.topics]} for m in facts.meetings],
        "statements": [{"speaker": name(s.speaker), "quote": s.quote, "kind": s.kind, "date": s.date}
                       for s in facts.statements],
        "issues": [[k] for k in facts.issues],
        "issue_labels": [issue_labels.get(k, [k]) for k in facts.issues],
    }


def evidence_spans(facts: ArticleFacts) -> list[Span]:
    """Every evidence span of the meetings, statements and roles of an article's facts."""
    spans = [s for m in facts.meetings for s in m.evidence]
    spans += [s for st in facts.statements for s in st.evidence]
    return spans + [r.evidence for a in facts.actors for r in a.roles]


def span_valid(span: Span, text: str) -> bool:
    """Whether a span is non-empty, inside the text, and its ``text`` is exactly the text there."""
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


def score_facts(gold: dict, facts: ArticleFacts, labels: dict[str, list[str]], gazetteer: dict[str, str] | None = None,
                titles: list[set[str]] | None = None) -> Score:
    """Score one article's extracted facts against its gold annotation, evidence included, by our
    rules and by the shared scorer's (``Score.shared``)."""
    score = score_article(gold, facts_to_gold(facts, labels), gazetteer, titles)
    spans = evidence_spans(facts)
    score.evidence_total = len(spans)
    score.evidence_valid = sum(span_valid(s, facts.article.text) for s in spans)
    score.shared = score_facts_shared(gold, facts, labels, (score.evidence_valid, score.evidence_total))
    return score


def load_gold(directory: Path) -> list[tuple[Path, dict]]:
    """Every ``*.gold.json`` under a directory, parsed, in name order."""
    if not directory.is_dir():
        raise BadInput(f"{directory}: gold directory not found")
    found = []
    for path in sorted(directory.rglob("*.gold.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadInput(f"{path}: not a readable gold file: {exc}") from None
        if not isinstance(data, dict) or not isinstance(data.get("article"), str):
            raise BadInput(f"{path}: gold file without an \"article\" name")
        found.append((path, data))
    if not found:
        raise BadInput(f"{directory}: no *.gold.json files")
    return found


def find_article(name: str, directories: list[Path]) -> Path:
    """The article file a gold annotation names, looked up in the given directories."""
    if Path(name).name != name:
        raise BadInput(f"{name}: an article name must be a bare file name")
    for directory in directories:
        if (directory / name).is_file():
            return directory / name
    raise BadInput(f"{name}: article not found in {', '.join(str(d) for d in directories)}")


def evaluate(gold_dir: Path, article_dirs: list[Path] | None = None) -> tuple[Score, dict[str, Score]]:
    """Run the real extraction on every gold article and score it: (total, per article)."""
    golds = load_gold(gold_dir)
    dirs = article_dirs or [SEEDS_DIR, gold_dir / "articles"]
    paths = [find_article(g["article"], dirs) for _, g in golds]
    labels, gazetteer, titles = issue_labels(), gazetteer_aliases(), title_sets()
    from etl.pipeline import Extractor  # loads spaCy: only once the gold is known to be usable
    from etl.read import read_file

    extractor = Extractor()
    total, per_article = Score(), {}
    for (_, gold), path in zip(golds, paths):
        facts = extractor.extract(read_file(path))
        per_article[gold["article"]] = score_facts(gold, facts, labels, gazetteer, titles)
        total.add(per_article[gold["article"]])
    return total, per_article


def render(score: Score, title: str = "all articles") -> str:
    """A readable table of one score."""
    lines = [f"== {title}", f"{'category':<26}{'P':>7}{'R':>7}{'F1':>7}   matched/pred  matched/gold"]
    for name, c in score.counts.items():
        lines.append(f"{name:<26}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}   "
                     f"{f'{c.matched_pred}/{c.pred}':<12}  {c.matched_gold}/{c.gold}")
    for a in ATTRIBUTES:
        acc = score.correct[a] / score.compared[a] if score.compared[a] else 1.0
        lines.append(f"{'matched meetings: ' + a:<26}{acc:>7.3f}  ({score.correct[a]}/{score.compared[a]} correct)")
    lines.append(f"{'invented dates':<26}{len(score.invented_dates):>7}")
    lines += [f"    {d}" for d in score.invented_dates]
    lines.append(f"{'valid evidence':<26}{score.evidence_share:>7.3f}  ({score.evidence_valid}/{score.evidence_total} spans)")
    lines.append(render_shared(score.shared, "the same, by the shared scorer's rules (../shared/devset/score.py)"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command line: print the table (or JSON) and return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m etl.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD_DIR, metavar="GOLD_DIR")
    parser.add_argument("--articles", type=Path, action="append", metavar="DIR",
                        help="where to look for article files (default: seeds/ and GOLD_DIR/articles)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--verbose", action="store_true", help="also score each article")
    args = parser.parse_args(argv)
    try:
        total, per_article = evaluate(args.gold_dir, args.articles)
    except DiplokgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json:
        out = {"articles": len(per_article), **total.as_dict()}
        if args.verbose:
            out["per_article"] = {k: s.as_dict() for k, s in per_article.items()}
        print(json.dumps(out, indent=2))
        return 0
    if args.verbose:
        for name, s in per_article.items():
            print(render(s, name))
            print("\n".join(f"  {line}" for line in s.unmatched + [f"shared: {x}" for x in s.shared.log]), end="\n\n")
    print(render(total, f"all {len(per_article)} articles"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
