"""Warnings for ``dkg:`` terms the ontology does not declare, however the query names them.

The endpoint computes them for every query, first by a cheap scan of the raw text; these
cases make sure the scan never hides a warning the full tokenizer would give.
"""

from __future__ import annotations

import pytest

from diplokg.iris import DKG
from diplokg.sparql_errors import warnings_for

NOT_A_TERM = "is not a term of the diplokg ontology, so it matches nothing"


@pytest.mark.parametrize("query, shown, line", [
    ("SELECT ?m WHERE { ?m dkg:participant ?p ; dkg:partcipant ?q }", "dkg:partcipant", 1),
    (f"PREFIX d: <{DKG}>\nSELECT ?m WHERE {{\n ?m d:partcipant ?p }}", "d:partcipant", 3),
    (f"PREFIX : <{DKG}>\nSELECT ?m WHERE {{ ?m :partcipant ?p }}", ":partcipant", 2),
    (f"SELECT ?m WHERE {{ ?m <{DKG}partcipant> ?p }}", f"<{DKG}partcipant>", 1),
    ("SELECT ?m WHERE { ?m a dkg:Meeting.\n?m dkg:partcipant ?p. }", "dkg:partcipant", 2),
    ("SELECT ?m WHERE { ?m dkg:participant.x ?p }", "dkg:participant.x", 1),
])
def test_an_undeclared_term_is_named_with_its_line(query: str, shown: str, line: int) -> None:
    warnings = warnings_for(query)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{shown} (line {line}) {NOT_A_TERM}")


def test_the_nearest_declared_term_is_suggested() -> None:
    assert warnings_for("SELECT * { ?m dkg:partcipant ?p }")[0].endswith("; did you mean dkg:participant?")


@pytest.mark.parametrize("query", [
    "SELECT ?m WHERE { ?m a dkg:Meeting ; dkg:participant ?p . }",
    f"SELECT ?m WHERE {{ ?m a <{DKG}Meeting> }}",
    'SELECT ?m WHERE { ?m ?p "dkg:partcipant" }  # dkg:Nothing in a comment',
    "PREFIX dkg: <http://example.org/other#>\nSELECT * { ?m dkg:partcipant ?p }",
    "SELECT * { ?s ?p ?o } LIMIT 3",
])
def test_declared_terms_strings_comments_and_other_namespaces_give_no_warning(query: str) -> None:
    assert warnings_for(query) == []
