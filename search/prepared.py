"""A record made ready for the embedded index: redacted, its fields derived, its text analysed.

Redaction and analysis happen here, before a write transaction starts, so that the
transaction only writes. Both full-text engines (FTS5 and tantivy) index the same strings:
space-separated tokens from ``search.analysis``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from schemas import IndexRecord

from search.analysis import analyse, exact_terms
from search.fields import Fields, crime_text, fields_of, metadata_text
from search.keys import fts_keyword
from search.privacy import redact_record

# Between two names of a multi-valued text field: a token no query produces, so that a
# phrase never runs from one name into the next.
NAME_GAP = "_"


def _names(values: list[str]) -> str:
    return f" {NAME_GAP} ".join(" ".join(exact_terms(v)) for v in values)


@dataclass
class Prepared:
    record: IndexRecord  # redacted
    fields: Fields
    stem: str
    exact: str
    judges: str
    defendants: str
    crime_text: str
    original: IndexRecord | None = None  # the unredacted record, when it differs and is to be kept
    docid: int = 0

    @classmethod
    def of(cls, record: IndexRecord, *, keep_original: bool = False) -> Prepared:
        public = redact_record(record)
        return cls.analysed(public, original=record if keep_original and public != record else None)

    @classmethod
    def analysed(cls, public: IndexRecord, *, original: IndexRecord | None = None) -> Prepared:
        """``public`` must already be redacted (a record read back from the index is)."""
        fields = fields_of(public)
        stems, exact = analyse("\n".join([*public.pages, metadata_text(public)]))
        return cls(public, fields, " ".join(stems), " ".join(exact), _names(fields.judges),
                   _names(fields.defendants), " ".join(exact_terms(crime_text(fields))), original)

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

    def pages_json(self) -> str:
        return json.dumps(self.record.pages, ensure_ascii=False)
