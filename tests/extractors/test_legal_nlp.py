"""The spaCy components of the legal extractor: rules on ``spacy.blank("es")``, and the
real model once."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from extractors.legal import nlp as N  # registers the factories


def _with_ents(text: str, ents: list[tuple[str, str]]):
    nlp = spacy.blank("es")
    doc = nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


def test_person_names_trims_titles_and_drops_non_names():
    text = "Intervino el Juez Superior Ticona Luque y citó el Código Penal ante Lima."
    doc = _with_ents(text, [("Juez Superior Ticona Luque", "PER"), ("Código Penal", "PER"), ("Lima", "LOC")])
    doc = N.PersonNames()(doc)
    assert [s.text for s in doc.spans[N.PERSONS]] == ["Ticona Luque"]


def test_initials_marker():
    doc = spacy.blank("es")("en agravio de las menores de iniciales Y. Ch. C. y R.M.Q.; II. CONDENAR")
    doc = N.InitialsMarker()(doc)
    assert [s.text for s in doc.spans[N.INITIALS]] == ["Y. Ch. C.", "R.M.Q."]


def test_factories_are_versioned_and_the_pipeline_is_built_once():
    nlp = N.pipeline()
    assert nlp is N.pipeline()
    assert nlp.pipe_names[-2:] == ["expediente_person_names_v1", "expediente_initials_v1"]
    doc = nlp("Ha sido ponente el señor juez supremo Edwin Alcides Huarcaya Ttito, con la agraviada R.M.Q.")
    assert any("Huarcaya Ttito" in s.text for s in doc.spans[N.PERSONS])
    assert [s.text for s in doc.spans[N.INITIALS]] == ["R.M.Q."]
    assert isinstance(doc.spans[N.PERSONS][0], Span)
