"""A record made ready for the embedded index: redacted, its fields derived, its text analysed.

Redaction and analysis happen here, before a write transaction starts, so that the
transaction only writes. Both full-text engines (FTS5 and tantivy) index the same strings:
space-separated tokens from ``search.query.analysis``.

A ``Prepared`` holds plain strings, numbers and lists only (the record already serialised
to JSON), so that a worker process can prepare it and send it to the writer cheaply
(``search.embedded.bulk``): unpickling a prepared record costs the writer about 0.02 ms, where the
pydantic record it came from cost 0.2 ms, as much as writing it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from schemas import IndexRecord

from search.fields import Fields, crime_text, fields_of, metadata_text
from search.privacy import redact_record
from search.query.analysis import analyse, exact_terms, word_pairs
from search.query.keys import fts_keyword

# Between two names of a multi-valued text field: a token no query produces, so that a
# phrase never runs from one name into the next.
NAME_GAP = "_"
# Joins two adjacent words into one pair term; folded words never contain it.
PAIR_JOIN = "_"


def _names(values: list[str]) -> str:
    return f" {NAME_GAP} ".join(" ".join(exact_terms(v)) for v in values)


def _pairs(words: list[str]) -> str:
    return word_pairs(words, PAIR_JOIN)


@dataclass  # not slots=True: its pickling hooks run in Python, 3x slower to unpickle
class Prepared:
    id: str
    sha256: str
    path: str
    extractor_version: str
    fields: Fields
    record_json: str  # the redacted record without its pages
    pages_json: str  # its redacted pages, a JSON list
    stem: str  # stemmed terms, stop words out
    exact: str  # folded terms, stop words in
    pairs: str  # every two adjacent exact terms as one (``trata_de``): phrases for tantivy
    judges: str
    defendants: str
    crime_text: str
    original_json: str | None = None  # the unredacted record, when it differs and is to be kept
    docid: int = 0

    @classmethod
    def of(cls, record: IndexRecord, *, keep_original: bool = False) -> Prepared:
        public = redact_record(record)
        original = record.model_dump_json() if keep_original and public != record else None
        return cls.analysed(public, original_json=original)

    @classmethod
    def analysed(cls, public: IndexRecord, *, original_json: str | None = None) -> Prepared:
        """``public`` must already be redacted (a record read back from the index is)."""
        fields = fields_of(public)
        stems, exact = analyse("\n".join([*public.pages, metadata_text(public)]))
        return cls(public.id, public.sha256, public.path, public.extractor_version, fields,
                   public.model_dump_json(exclude={"pages"}), json.dumps(public.pages, ensure_ascii=False),
                   " ".join(stems), " ".join(exact), _pairs(exact), _names(fields.judges),
                   _names(fields.defendants), " ".join(exact_terms(crime_text(fields))), original_json)

    def keywords(self) -> list[tuple[str, str, str]]:
        """``(field, key, spelling)`` of every multi-valued keyword of the record."""
        f = self.fields
        rows = [("crime", c, c) for c in f.crimes]
        rows += [("article", a, a) for a in f.articles]
        rows += [("judge_key", k, name) for k, name in zip(f.judge_keys, f.judges, strict=True)]
        rows += [("case_key", k, k) for k in f.case_keys]
        rows += [("case_id", k, k) for k in f.case_ids]
        rows += [("citation", c, c) for c in f.citations]
        return list({(field, key): (field, key, spelling) for field, key, spelling in rows if key}.values())

    def keys_text(self) -> str:
        """Every keyword as one FTS5 token of the ``keys`` column (``article_153_a``)."""
        f = self.fields
        single = [("district_key", f.district_key)]
        tokens = [fts_keyword(field, key) for field, key, _ in self.keywords()]
        tokens += [fts_keyword(field, key) for field, key in single if key]
        return " ".join(tokens)
