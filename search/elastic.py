"""The Elasticsearch backend, for deployments that outgrow one machine.

Same interface, same query syntax (``search.query`` parses it; here the AST becomes an ES
bool query) and the same redaction as the SQLite backend. The text analysis mirrors
``search.analysis`` with ES building blocks:

- char filters: ``ñ`` → ``nn`` (asciifolding would make "año" "ano"), strip combining
  accents of decomposed text, split letters from digits ("2019PUNO" → "2019 PUNO");
- tokenizer: runs of letters and digits (``[^\\p{L}\\p{N}]+`` separates), as ours;
- filters: lowercase, asciifolding, our Spanish stop list (folded), Snowball Spanish.

``text`` holds one value per page (``text.exact``: folded, unstemmed, for phrases);
``meta_text`` the normalised case numbers and citations; the record without its pages is
stored unindexed in ``record``. Filters are keyword fields. A bulk upsert is not one
transaction: a failure part way leaves the records before it written (re-running is safe:
writes are idempotent by id).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any
from urllib.parse import unquote, urlsplit

from schemas import IndexRecord, IndexUnavailable, Reason

from search.analysis import STOP_WORDS, normalize_key
from search.base import Index, check_facet_fields
from search.fields import fields_of, metadata_text
from search.models import FACET_FIELDS, FacetField, Facets, Hit, SearchQuery, SearchResults
from search.privacy import redact_record
from search.query import (
    And,
    HighlightTerms,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    highlight_terms,
    parse_query,
    proximity_words,
)
from search.snippets import MARK, snippet

log = logging.getLogger(__name__)

DEFAULT_INDEX = "expediente"
ENYE = "nn"  # what ñ becomes in the ES index, so that asciifolding keeps "año" ≠ "ano"
_TEXT_FIELDS = ["text", "meta_text"]
_EXACT_FIELDS = ["text.exact", "meta_text.exact"]
_FACET_SIZE = 1000
_PREFIX_EXPANSIONS = 200
PROXIMITY_SLOP = 2  # stop words removed between the words leave position gaps
PROXIMITY_BOOST = 5.0


# ---------------------------------------------------------------------------- mapping


def index_settings() -> dict[str, Any]:
    marks = [f"\\u{code:04x} => " for code in range(0x300, 0x370) if code != 0x303]
    chars = {
        "es_enye": {"type": "mapping",
                    "mappings": [f"ñ => {ENYE}", f"Ñ => {ENYE.upper()}", f"n\\u0303 => {ENYE}",
                                 f"N\\u0303 => {ENYE.upper()}", "\\u0303 => "]},
        "es_marks": {"type": "mapping", "mappings": marks},
        "es_letter_digit": {"type": "pattern_replace",
                            "pattern": "(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})", "replacement": " "},
    }
    char_filter = list(chars)
    return {
        "analysis": {
            "char_filter": chars,
            "tokenizer": {"es_words": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}]+"}},
            "filter": {
                "es_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                "es_stem": {"type": "snowball", "language": "Spanish"},
            },
            "analyzer": {
                "es_text": {"type": "custom", "char_filter": char_filter, "tokenizer": "es_words",
                            "filter": ["lowercase", "asciifolding", "es_stop", "es_stem"]},
                "es_exact": {"type": "custom", "char_filter": char_filter, "tokenizer": "es_words",
                             "filter": ["lowercase", "asciifolding"]},
            },
        }
    }


def index_mappings() -> dict[str, Any]:
    def text() -> dict[str, Any]:
        return {"type": "text", "analyzer": "es_text", "fields": {"exact": {"type": "text", "analyzer": "es_exact"}}}

    keyword = {"type": "keyword"}
    return {
        "dynamic": "strict",
        "properties": {
            **{f: keyword for f in ("id", "sha256", "path", "extractor_version", "doc_kind", "district",
                                    "district_key", "crimes", "outcome", "procedural_code", "court",
                                    "case_numbers")},
            "year": {"type": "integer"},
            "resolution_date": {"type": "date", "format": "strict_date"},
            "text": text(),
            "meta_text": text(),
            "record": {"type": "object", "enabled": False},
        },
    }


def record_to_doc(record: IndexRecord) -> dict[str, Any]:
    """The ES document of an (already redacted) record."""
    f = fields_of(record)
    return {
        "id": record.id, "sha256": record.sha256, "path": record.path,
        "extractor_version": record.extractor_version, "doc_kind": f.doc_kind, "district": f.district,
        "district_key": f.district_key, "crimes": f.crimes, "outcome": f.outcome,
        "procedural_code": f.procedural_code, "court": f.court, "case_numbers": f.case_numbers,
        "year": f.year, "resolution_date": f.resolution_date,
        "text": list(record.pages), "meta_text": metadata_text(record),
        "record": record.model_dump(mode="json", exclude={"pages"}),
    }


def doc_to_record(source: dict[str, Any]) -> IndexRecord:
    return IndexRecord.model_validate({**source["record"], "pages": source.get("text") or []})


# ---------------------------------------------------------------------------- queries


def _es_fold(token: str) -> str:
    return token.replace("ñ", ENYE)


def _clause(node: Node) -> dict[str, Any]:
    if isinstance(node, Term) and node.stemmed:
        return {"multi_match": {"query": node.parts[0], "fields": _TEXT_FIELDS}}
    if isinstance(node, (Term, Phrase)):
        if node.prefix and len(node.parts) == 1:
            return {"bool": {"should": [{"prefix": {f: _es_fold(node.parts[0])}} for f in _EXACT_FIELDS],
                             "minimum_should_match": 1}}
        if node.prefix:
            return {"multi_match": {"query": " ".join(node.parts), "type": "phrase_prefix",
                                    "fields": _EXACT_FIELDS, "max_expansions": _PREFIX_EXPANSIONS}}
        return {"multi_match": {"query": " ".join(node.parts), "type": "phrase", "fields": _EXACT_FIELDS}}
    if isinstance(node, Or):
        return {"bool": {"should": [_clause(c) for c in node.children], "minimum_should_match": 1}}
    if isinstance(node, And):
        return {"bool": {"must": [_clause(c) for c in node.children if not isinstance(c, Not)],
                         "must_not": [_clause(c.child) for c in node.children if isinstance(c, Not)]}}
    if isinstance(node, Not):
        return {"bool": {"must_not": [_clause(node.child)]}}
    raise AssertionError(f"unexpected node {node!r}")


def _filters(query: SearchQuery) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = []
    if query.district:
        filters.append({"term": {"district_key": normalize_key(query.district)}})
    if query.crime:
        filters.append({"term": {"crimes": query.crime}})
    for field in ("year", "doc_kind", "outcome", "procedural_code"):
        value = getattr(query, field)
        if value is not None:
            filters.append({"term": {field: value.value if hasattr(value, "value") else value}})
    return filters


def build_query(query: SearchQuery) -> dict[str, Any]:
    """The ES ``query`` of a ``SearchQuery`` (raises ``QueryError`` like the SQLite backend)."""
    node = parse_query(query.text)
    body: dict[str, Any] = {"filter": _filters(query)}
    if node is not None:
        text = _clause(node)
        if set(text) == {"bool"} and not text["bool"].get("must") and not text["bool"].get("should"):
            body["must_not"] = text["bool"]["must_not"]  # exclusions only
        else:
            body["must"] = [text]
        words = proximity_words(node)
        if words:  # optional: words side by side outrank the same words scattered
            body["should"] = [{"match_phrase": {"text": {"query": " ".join(words), "slop": PROXIMITY_SLOP,
                                                         "boost": PROXIMITY_BOOST}}}]
    return {"bool": body}


def build_search(query: SearchQuery) -> dict[str, Any]:
    """Keyword arguments of ``Elasticsearch.search`` for ``query``."""
    by_date = [{"resolution_date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    ranked = bool(query.text.strip()) and query.sort == "relevance"
    return {
        "query": build_query(query),
        "from_": query.offset,
        "size": query.limit,
        "sort": ["_score", *by_date] if ranked else by_date,
        "track_total_hits": True,
        "track_scores": True,
        "highlight": {
            "fields": {"text": {}, "text.exact": {}},
            "pre_tags": [MARK], "post_tags": [MARK],
            "fragment_size": 200, "number_of_fragments": 1, "encoder": "default",
        },
    }


def build_aggs(fields: Sequence[FacetField]) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for field in fields:
        if field == "district":
            aggs[field] = {"terms": {"field": "district_key", "size": _FACET_SIZE},
                           "aggs": {"spelling": {"terms": {"field": "district", "size": 1, "order": {"_key": "asc"}}}}}
        else:
            aggs[field] = {"terms": {"field": "crimes" if field == "crime" else field, "size": _FACET_SIZE}}
    return aggs


def parse_aggs(aggregations: dict[str, Any], fields: Sequence[FacetField]) -> Facets:
    result: Facets = {}
    for field in fields:
        buckets = aggregations[field]["buckets"]
        if field == "district":
            pairs = [((b["spelling"]["buckets"] or [{"key": b["key"]}])[0]["key"], b["doc_count"]) for b in buckets]
        else:
            pairs = [(b["key"], b["doc_count"]) for b in buckets]
        result[field] = sorted(pairs, key=lambda vc: (-vc[1], str(vc[0])))
    return result


def parse_location(url: str) -> tuple[str, str, tuple[str, str] | None]:
    """``(host URL, index name, basic auth)`` of ``http(s)://[user:pass@]host[:port][/index]``."""
    parts = urlsplit(url)
    host = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    auth = (unquote(parts.username), unquote(parts.password or "")) if parts.username else None
    name = parts.path.strip("/") or DEFAULT_INDEX
    return host, name, auth


# ---------------------------------------------------------------------------- backend


class ElasticIndex(Index):
    def __init__(self, url: str) -> None:
        from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers

        self._errors = (ApiError, TransportError, helpers.BulkIndexError, helpers.ScanError)
        self._not_found = NotFoundError
        self._helpers = helpers
        host, self.name, auth = parse_location(url)
        self._where = f"{host}/{self.name}"
        self.client = Elasticsearch(host, basic_auth=auth, request_timeout=30, retry_on_timeout=True, max_retries=2)
        with self._guard("no se pudo abrir el índice"):
            if not self.client.indices.exists(index=self.name):
                self.client.indices.create(index=self.name, settings=index_settings(), mappings=index_mappings())

    @contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Client and transport errors become ``IndexUnavailable`` (retryable)."""
        try:
            yield
        except self._errors as exc:
            raise IndexUnavailable(f"{what}: {exc}", reason=Reason.INDEX, path=self._where) from exc

    def upsert(self, records: Sequence[IndexRecord]) -> None:
        latest = {r.id: redact_record(r) for r in records}
        if not latest:
            return
        with self._guard("no se pudo escribir en el índice"):
            # The same content under another id (ids derive from sha256, so only records
            # written by hand can disagree) is replaced, as in SQLite.
            self.client.delete_by_query(
                index=self.name, refresh=True, conflicts="proceed",
                query={"bool": {"filter": [{"terms": {"sha256": [r.sha256 for r in latest.values()]}}],
                                "must_not": [{"ids": {"values": list(latest)}}]}},
            )
            actions = ({"_index": self.name, "_id": r.id, "_source": record_to_doc(r)} for r in latest.values())
            self._helpers.bulk(self.client, actions, refresh="wait_for")

    def delete(self, id: str) -> bool:
        with self._guard("no se pudo borrar del índice"):
            try:
                self.client.delete(index=self.name, id=id, refresh="wait_for")
            except self._not_found:
                return False
        return True

    def get(self, id: str) -> IndexRecord | None:
        with self._guard("no se pudo leer el índice"):
            try:
                response = self.client.get(index=self.name, id=id)
            except self._not_found:
                return None
        return doc_to_record(response["_source"])

    def find_sha256(self, sha256: str) -> tuple[str, str] | None:
        with self._guard("no se pudo leer el índice"):
            response = self.client.search(index=self.name, query={"term": {"sha256": sha256}}, size=1,
                                          source=["id", "extractor_version"])
        hits = response["hits"]["hits"]
        return (hits[0]["_source"]["id"], hits[0]["_source"]["extractor_version"]) if hits else None

    def search(self, query: SearchQuery) -> SearchResults:
        request = build_search(query)
        with self._guard("no se pudo buscar en el índice"):
            response = self.client.search(index=self.name, source_excludes=["meta_text"], **request)
        terms = highlight_terms(parse_query(query.text))
        return SearchResults(total=response["hits"]["total"]["value"],
                             hits=[_hit(h, terms) for h in response["hits"]["hits"]])

    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS) -> Facets:
        wanted = check_facet_fields(fields)
        if not wanted:
            return {}
        with self._guard("no se pudo buscar en el índice"):
            response = self.client.search(index=self.name, query=build_query(query), size=0, aggs=build_aggs(wanted))
        return parse_aggs(response["aggregations"], wanted)

    def iter_records(self) -> Iterator[IndexRecord]:
        with self._guard("no se pudo leer el índice"):
            for h in self._helpers.scan(self.client, index=self.name, query={"query": {"match_all": {}}},
                                        source_excludes=["meta_text"]):
                yield doc_to_record(h["_source"])

    def count(self) -> int:
        with self._guard("no se pudo leer el índice"):
            return self.client.count(index=self.name)["count"]

    def close(self) -> None:
        self.client.close()


def _hit(h: dict[str, Any], terms: HighlightTerms) -> Hit:
    """A hit; its snippet is ES's highlight (page found by its text), else ours."""
    source = h["_source"]
    pages = source.get("text") or []
    highlight = h.get("highlight") or {}
    fragment = next(iter(highlight.get("text") or highlight.get("text.exact") or []), None)
    if fragment:
        plain = fragment.replace(MARK, "")
        page = next((i for i, p in enumerate(pages, 1) if plain in p), None)
        text = " ".join(fragment.split())
    else:
        text, page = snippet(pages, terms)
    return Hit(
        id=source["id"], score=float(h.get("_score") or 0.0), path=source["path"], doc_kind=source["doc_kind"],
        court=source.get("court"), district=source.get("district"),
        resolution_date=date.fromisoformat(source["resolution_date"]) if source.get("resolution_date") else None,
        case_numbers=source.get("case_numbers") or [], crimes=source.get("crimes") or [],
        outcome=source.get("outcome"), snippet=text, snippet_page=page,
    )
