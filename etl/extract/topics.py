"""The topics of meetings: the issues their own sentences discuss.

``link_topics(ctx, meetings)`` adds to each meeting's ``topics`` the issues of

- the sentences that report it (its evidence);
- the sentences whose subject is its people: one of its participants ("The Secretary
  reiterated ..."), its participants' countries together ("Japan and the United States agreed
  ..."), in the main clause or in the clause a verb of saying reports ("Miller said the three
  also reiterated ...");
- the sentences in a readout's passive ("The situation in Syria was discussed", "the need for
  ... was underscored", "Particular attention was paid to trade"), which report what the
  meeting did;
- the sentences in which the meeting's noun says what it covers in any clause ("..., with
  discussions also set to cover trade") or is named as whose focus or agenda an issue is
  ("Piracy will be the focus of the meeting", "high on the agenda of the talks"), which go
  like the sentences that refer back (below);
- the headline's, which go to the first main (primary) meeting, else the first reported;
- the sentences whose subject refers back to a meeting or to its people without naming them
  ("they", "both", "the two leaders", "the ministers", "the parties", "the meeting", "the
  call", a bare plural "Talks focused on ..." or "Meetings focused on ...", a readout's list of
  topics "Other issues included ...", "it" after a sentence whose subject is the
  meeting ("The call dealt with ... It also dealt with ..."), "we" and
  "I" of a release written in its minister's voice, a post
  holder the report does not name: "The Prime Minister set out ..."): these go to the latest
  main (primary) meeting reported before the sentence (the first, when none is before), or
  when the article reports no main meeting, to the latest meeting it reports.

Background sentences ("Relations have remained frosty because of ...") name no one of the
meeting and add nothing.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.extract.context import ArticleContext
from etl.extract.references import refers_to
from etl.model import Meeting
from etl.read import headline_span

_SUBJECTS = ("nsubj", "nsubjpass")
_GROUP_WORDS = {"they", "both", "all", "we", "i"}  # "we"/"I": a release in its minister's voice
_GROUP_MODIFIERS = {"both", "two", "three", "four", "all"}
_PLURAL = ("NNS", "NNPS")
_GROUP_NOUNS = {"trio", "pair", "duo", "side", "delegation", "party", "participant"}
_DISCUSSION_NOUNS = {"discussion", "talk", "negotiation", "consultation", "conversation", "meeting"}  # "Talks focused on ...", "Meetings focused on ..."
# "Other issues included ...", "Topics covered ...": a readout's list of what its meeting discussed
_TOPIC_NOUNS = {"issue", "topic", "subject", "matter", "item"}
_LISTING_VERBS = {"include", "cover", "range"}
_DETERMINERS = ("det", "poss")
_MEETING_DETS = {"the", "this", "that", "their", "these", "those"}  # "the call", "these bilateral talks"


def link_topics(ctx: ArticleContext, meetings: list[Meeting]) -> None:
    """Add the issues of each meeting's own sentences to its topics (see the module docstring)."""
    if not meetings:
        return
    events = ctx.vocab.meeting_triggers.get("event_noun", frozenset())
    starts = {id(m): min((e.start for e in m.evidence), default=0) for m in meetings}
    primary = sorted((m for m in meetings if m.primary), key=lambda m: starts[id(m)])
    for m in meetings:
        for e in m.evidence:
            _add(m, ctx.issues_in(e.start, e.end))
    head = headline_span(ctx.text)
    if head:
        # the headline names the reported event's topics ("Nordland, Southland Discuss Fisheries")
        topics = ctx.issues_in(head[0], head[1])
        reported = primary or sorted(meetings, key=lambda m: starts[id(m)])
        if topics and reported:
            _add(reported[0], topics)
    meeting_before = False  # the sentence before had the meeting itself as subject ("The call ...")
    for sent in ctx.sentences():
        if ctx.in_caption(sent.start_char) or (head and sent.start_char < head[1]):
            meeting_before = False
            continue
        follows, meeting_before = meeting_before, _meeting_subject(sent, events, meeting_before)
        topics = ctx.issues_in(sent.start_char, sent.end_char)
        if not topics:
            continue
        actors, back = _subject_refs(sent, ctx, events)
        back = back or follows and any(h.lower_ == "it" for h in _subjects(sent)) or _meeting_holds_topics(sent, events)
        target = _named(actors, meetings, sent, starts, ctx) if actors else None
        if target is None and back:
            target = _latest(primary, sent, starts) or _latest(meetings, sent, starts)
        if target is not None:
            _add(target, topics)


def _meeting_subject(sent: Span, events: frozenset[str], before: bool) -> bool:
    """The sentence's subject is a meeting named by its noun ("The call dealt with ..."), or
    "it" right after such a sentence ("It also dealt with ...")."""
    for h in _subjects(sent):
        if h.lemma_.lower() in events and {c.lower_ for c in h.children} & _MEETING_DETS:
            return True
        if h.lower_ == "it" and before:
            return True
    return False


# A meeting noun in any clause that says what it covers ("..., with discussions also set to
# cover trade"), or named as whose agenda or focus an issue is ("Piracy will be the focus of the
# meeting", "high on the agenda of the talks").
_COVER_VERBS = {"cover", "discuss", "focus", "center", "centre", "address", "touch", "deal", "revolve",
                "include", "concentrate", "tackle", "review", "examine", "explore", "feature"}
_AGENDA_NOUNS = {"focus", "agenda", "topic", "theme", "subject", "centre", "center", "heart", "item", "priority"}


def _meeting_holds_topics(sent: Span, events: frozenset[str]) -> bool:
    for tok in sent:
        if not _meeting_noun(tok, events):
            continue
        head = tok.head
        if tok.dep_ in _SUBJECTS:
            verbs = [head, *(c for c in head.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX"))]
            if any(v.lemma_.lower() in _COVER_VERBS for v in verbs):
                return True
        elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in _AGENDA_NOUNS:
            return True
    return False


def _meeting_noun(tok: Token, events: frozenset[str]) -> bool:
    """"the meeting", "these talks", or a bare plural "discussions"."""
    if tok.lemma_.lower() not in events or tok.pos_ != "NOUN":
        return False
    if {c.lower_ for c in tok.children} & _MEETING_DETS:
        return True
    return tok.lemma_.lower() in _DISCUSSION_NOUNS and tok.tag_ in _PLURAL and not any(c.dep_ in _DETERMINERS for c in tok.children)


def _latest(meetings: list[Meeting], sent: Span, starts: dict[int, int]) -> Meeting | None:
    """The meeting reported last before a sentence, else the first one reported."""
    ordered = sorted(meetings, key=lambda m: starts[id(m)])
    before = [m for m in ordered if starts[id(m)] <= sent.start_char]
    return before[-1] if before else (ordered[0] if ordered else None)


def _add(meeting: Meeting, topics: list[str]) -> None:
    meeting.topics = list(dict.fromkeys(meeting.topics + topics))


def _named(actors: set[str], meetings: list[Meeting], sent: Span, starts: dict[int, int], ctx: ArticleContext) -> Meeting | None:
    """The meeting whose people the subject names: all of them its participants or their
    countries, and one participant or two of its countries among them; primary meetings
    first, then the latest reported before the sentence, else the first after."""
    fits = []
    for m in meetings:
        people = set(m.participants)
        countries = {ctx.index.actors[p].country for p in people if p in ctx.index.actors} - {None}
        # a person of a participating country takes part for it ("Minister X and I discussed")
        envoys = {a for a in actors if a in ctx.index.actors and ctx.index.actors[a].country in people}
        if not actors <= people | countries | envoys:
            continue
        if actors & (people | envoys) or len(actors & countries) >= 2:
            fits.append(m)
    if not fits:
        return None
    before = [m for m in fits if starts[id(m)] <= sent.start_char]
    if before:
        return max([m for m in before if m.primary] or before, key=lambda m: starts[id(m)])
    after = sorted(fits, key=lambda m: starts[id(m)])
    return ([m for m in after if m.primary] or after)[0]


def _subject_refs(sent: Span, ctx: ArticleContext, events: frozenset[str]) -> tuple[set[str], bool]:
    """The actors a sentence's subjects name, and whether a subject refers back without
    naming (a group word, a meeting noun, a post holder the article does not name)."""
    actors: set[str] = set()
    back = False
    heads = _subjects(sent)
    if not heads or all(h.tag_ == "VBG" for h in heads):
        heads = _before_the_verb(sent)
    for subj in heads:
        if subj.dep_ == "nsubjpass" and (_discussed(subj.head) or _attention_paid(subj)):
            back = True  # "The latest developments in Syria were discussed": the readout's meeting
            continue
        keys = refers_to(subj, ctx.index)
        if keys:
            actors.update(keys)
        elif _refers_back(subj, ctx, events):
            back = True
        if any(c.dep_ == "conj" and c.lower_ in _GROUP_WORDS for c in subj.children):
            back = True  # "Minister X and I discussed ..."
    return actors, back


# Verbs a readout puts in the passive for what its meeting did: "X was discussed", "the need
# for Y was underscored", "Z was also talked about".
_DISCUSSED = {"discuss", "talk", "address", "review", "raise", "exchange", "touch", "underscore", "underline",
              "emphasize", "emphasise", "stress", "highlight", "reaffirm", "consider", "examine", "explore", "cover"}


def _discussed(verb: Token) -> bool:
    """A passive verb of discussing ("... were discussed", "... was raised by the President")."""
    return verb.lemma_.lower() in _DISCUSSED and any(c.dep_ == "auxpass" for c in verb.children)


# "Particular attention was paid to X", "Emphasis was placed on Y", "Priority was given to Z": a
# readout's passive of what its meeting dwelt on, with the issue in the verb's object.
_ATTENTION_NOUNS = {"attention", "emphasis", "priority", "focus", "consideration", "importance"}
_ATTENTION_VERBS = {"pay", "give", "place", "put", "devote", "accord", "attach", "lay"}


def _attention_paid(subj: Token) -> bool:
    verb = subj.head
    return (subj.lemma_.lower() in _ATTENTION_NOUNS and verb.lemma_.lower() in _ATTENTION_VERBS
            and any(c.dep_ == "auxpass" for c in verb.children))


def _before_the_verb(sent: Span) -> list[Token]:
    """"Building on ..., Secretary X and the Foreign Ministers discussed ...", parsed with the
    participle as subject: the nouns between the last comma and the main verb."""
    root = sent.root
    commas = [t.i for t in sent if t.text == "," and t.i < root.i]
    if not commas:
        return []
    return [t for t in sent.doc[commas[-1] + 1:root.i] if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ not in ("compound", "poss")]


def _subjects(sent: Span) -> list[Token]:
    """Subjects of the main clause, its coordinated clauses and the clauses they report."""
    verbs = [sent.root, *sent.root.conjuncts]
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ == "ccomp"]
    heads = [c for v in verbs for c in v.children if c.dep_ in _SUBJECTS]
    root = sent.root
    if root.pos_ == "NOUN":
        # "The two discussed trade and ...", parsed with the verb as a modifier of its object
        # (the root): the past-tense verb's subject, or the words the parser hung on the
        # object before that verb ("two" as the object's number)
        for verb in (c for c in root.children if c.dep_ == "amod" and c.tag_ == "VBD" and c.i < root.i):
            own = [g for g in verb.children if g.dep_ in _SUBJECTS]
            heads += own or [c for c in root.children if c.i < verb.i and c.dep_ in ("nummod", "compound", "nsubj")
                             and c.pos_ in ("NUM", "PROPN", "NOUN", "PRON")]
    return heads


def _refers_back(tok: Token, ctx: ArticleContext, events: frozenset[str]) -> bool:
    if tok.lower_ in _GROUP_WORDS:
        return True
    words = {c.lower_ for c in tok.children}
    if tok.pos_ == "NUM" and tok.lower_ in _GROUP_MODIFIERS and "the" in words:
        return True  # "The two discussed ...", "the three agreed ..."
    if words & _GROUP_MODIFIERS and tok.pos_ in ("NOUN", "PROPN"):
        return True  # "both Prime Ministers", "the two sides", "all three"
    if tok.lemma_.lower() in _GROUP_NOUNS and (tok.tag_ in _PLURAL or tok.lemma_.lower() in ("trio", "pair", "duo")):
        return True
    if tok.lemma_.lower() in events and words & _MEETING_DETS:
        return True
    if tok.lemma_.lower() in _DISCUSSION_NOUNS and tok.tag_ in _PLURAL and not any(c.dep_ in _DETERMINERS for c in tok.children):
        return True  # a bare plural: "Talks focused on ...", "Discussions covered ..."
    if tok.lemma_.lower() in _TOPIC_NOUNS and tok.tag_ in _PLURAL and tok.head.lemma_.lower() in _LISTING_VERBS and tok.head.tag_ == "VBD":
        return True  # "Other issues included the state of the economy, ..." (in the past: what was discussed,
        # not "Major issues between the nations include ...")
    plural = tok.tag_ in _PLURAL or (tok.tag_ == "NNP" and tok.lower_.endswith("s"))
    if plural and ctx.index.mention_at(tok.i) is None and (tok.lemma_.lower() in ctx.vocab.role_nouns or tok.lower_[:-1] in ctx.vocab.role_nouns):
        return True  # "the leaders", "the ministers", "the foreign ministers"
    return any(t.person is None and t.span.start <= tok.i < t.span.end for t in ctx.index.titles)
