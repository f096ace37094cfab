"""Elasticsearch without a server: index template, mapping, documents, queries, aggregations.

Everything here is a pure function from our models to ES request bodies (and back), so it
is unit-tested without a cluster. The text analysis mirrors ``search.query.analysis`` with ES
building blocks:

- char filters: ``ñ`` → ``nn`` (asciifolding would make "año" "ano"), strip combining
  accents of decomposed text, split letters from digits ("2019PUNO" → "2019 PUNO");
- tokenizer: runs of letters and digits (``[^\\p{L}\\p{N}]+`` separates), as ours;
- filters: lowercase, asciifolding, our Spanish stop list (folded), Snowball Spanish.

``text`` holds one value per page (``text.exact``: folded, unstemmed, for phrases);
``meta_text`` the normalised case numbers and citations; keyword fields the filters and
facets (``court.keyword``, ``judges.keyword``... for display); ``judges`` and
``defendants`` the names a ``juez:`` or ``imputado:`` term searches (one value per person, a
phrase never spans two, and a field with fewer names scores higher, as in SQLite);
``parties``, ``charges`` and ``events`` are nested (the judge facet counts rulings per
judge); the record without its pages is stored unindexed in ``record``.

User text reaches ES only as analysed tokens inside term, phrase and prefix queries
built from the ``search.query.parser`` AST, never as query-string syntax.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from schemas import IndexRecord

from search.fields import JUDGE_ROLES, crime_text, fields_of, metadata_text
from search.models import MAX_LIMIT, MAX_OFFSET, FacetField, Facets, SearchQuery
from search.query.analysis import STOP_WORDS, normalize_key
from search.query.filters import Filters
from search.query.parser import And, Fielded, Node, Not, Or, Phrase, Term, parse_query, proximity_words
from search.query.similar import MAX_TERMS
from search.query.snippets import MARK

ENYE = "nn"  # what ñ becomes in the ES index, so that asciifolding keeps "año" ≠ "ano"
_TEXT_FIELDS = ["text", "meta_text"]
_EXACT_FIELDS = ["text.exact", "meta_text.exact"]
_PREFIX_EXPANSIONS = 200
PROXIMITY_SLOP = 2  # stop words removed between the words leave position gaps
PROXIMITY_BOOST = 5.0
CRIME_BOOST = 2.0
# Our keyword field names (``search.query.filters``) → the ES field.
KEYWORD_FIELD = {"district_key": "district_key", "court_key": "court_key", "level": "level", "doc_kind": "doc_kind",
                 "outcome": "outcome", "procedural_code": "procedural_code",
                 "early_termination": "early_termination", "crime": "crimes", "article": "articles",
                 "judge_key": "judge_keys", "case_key": "case_keys", "case_id": "case_ids", "citation": "citations"}
_JUDGE_ROLES = sorted(r.value for r in JUDGE_ROLES)
_BY_DATE = [{"resolution_date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]


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
    keyword = {"type": "keyword"}

    def text() -> dict[str, Any]:
        return {"type": "text", "analyzer": "es_text", "fields": {"exact": {"type": "text", "analyzer": "es_exact"}}}

    def names() -> dict[str, Any]:  # words for fielded terms, the spelling for facets
        return {"type": "text", "analyzer": "es_exact", "position_increment_gap": 100,
                "fields": {"keyword": {"type": "keyword"}}}

    return {
        "dynamic": "strict",
        "properties": {
            **{f: keyword for f in ("id", "sha256", "path", "extractor_version", "doc_kind", "district",
                                    "district_key", "court_key", "level", "crimes", "articles", "outcome",
                                    "procedural_code", "early_termination", "judge_keys", "case_numbers",
                                    "case_keys", "case_ids", "citations")},
            "court": names(),
            "judges": names(),
            "defendants": names(),
            "crime_text": names(),
            "year": {"type": "integer"},
            "resolution_date": {"type": "date", "format": "strict_date"},
            "protected": {"type": "boolean"},
            "parties": {"type": "nested", "properties": {
                "name": names(), "key": keyword, "role": keyword, "protected": {"type": "boolean"}}},
            "charges": {"type": "nested", "properties": {
                "crime": keyword, "label": names(), "articles": keyword}},
            "events": {"type": "nested", "properties": {
                "kind": keyword, "date": {"type": "date", "format": "strict_date"}}},
            "text": text(),
            "meta_text": text(),
            "record": {"type": "object", "enabled": False},
        },
    }


def replica_settings() -> dict[str, Any]:
    """One primary shard (scores and tie orders as on one machine) and one replica of it
    as soon as the cluster has a second node (none on a lone development node, which
    stays green)."""
    return {"number_of_shards": 1, "auto_expand_replicas": "0-1",
            # every page a SearchQuery may ask for (the server's default stops at 10,000)
            "max_result_window": MAX_OFFSET + MAX_LIMIT}


def template_name(alias: str) -> str:
    return f"{alias}-template"


def index_template(alias: str) -> dict[str, Any]:
    """The body of ``indices.put_index_template`` (named ``template_name(alias)``): every
    versioned index ``<alias>-v<N>`` gets the shards, the Spanish analysis and the mapping."""
    return {"index_patterns": [f"{alias}-v*"], "priority": 100,
            "template": {"settings": {**replica_settings(), **index_settings()}, "mappings": index_mappings()}}


def record_to_doc(record: IndexRecord) -> dict[str, Any]:
    """The ES document of an (already redacted) record."""
    f = fields_of(record)
    ruling = record.ruling
    return {
        "id": record.id, "sha256": record.sha256, "path": record.path,
        "extractor_version": record.extractor_version, "doc_kind": f.doc_kind, "district": f.district,
        "district_key": f.district_key, "court": f.court, "court_key": f.court_key, "level": f.level,
        "crimes": f.crimes, "articles": f.articles, "outcome": f.outcome, "procedural_code": f.procedural_code,
        "early_termination": f.early_termination, "judges": f.judges, "judge_keys": f.judge_keys,
        "defendants": f.defendants, "crime_text": crime_text(f), "case_numbers": f.case_numbers,
        "case_keys": f.case_keys, "case_ids": f.case_ids, "citations": f.citations, "year": f.year,
        "resolution_date": f.resolution_date, "protected": f.protected,
        "parties": [{"name": p.name, "key": normalize_key(p.name), "role": p.role.value, "protected": p.protected}
                    for p in ruling.parties],
        "charges": [{"crime": c.crime, "label": c.label, "articles": c.articles} for c in ruling.charges],
        "events": [{"kind": e.kind.value, "date": e.date.isoformat()} for e in ruling.events],
        "text": list(record.pages), "meta_text": metadata_text(record),
        "record": record.model_dump(mode="json", exclude={"pages"}),
    }


def doc_to_record(source: dict[str, Any]) -> IndexRecord:
    return IndexRecord.model_validate({**source["record"], "pages": source.get("text") or []})


# ---------------------------------------------------------------------------- queries


def _es_fold(token: str) -> str:
    return token.replace("ñ", ENYE)


def _words(fields: list[str], parts: Sequence[str], prefix: bool) -> dict[str, Any]:
    text = " ".join(parts)
    if prefix and len(parts) == 1:
        return {"bool": {"should": [{"prefix": {f: _es_fold(parts[0])}} for f in fields], "minimum_should_match": 1}}
    if prefix:
        return {"multi_match": {"query": text, "type": "phrase_prefix", "fields": fields,
                                "max_expansions": _PREFIX_EXPANSIONS}}
    return {"multi_match": {"query": text, "type": "phrase", "fields": fields}}


def _fielded(node: Fielded) -> dict[str, Any]:
    if node.is_keyword:
        field = KEYWORD_FIELD[node.field]
        return {"prefix": {field: node.value}} if node.prefix else {"term": {field: node.value}}
    return _words([node.field], node.parts, node.prefix)  # judges, defendants, crime_text


def _clause(node: Node) -> dict[str, Any]:
    if isinstance(node, Term) and node.stemmed:
        return {"multi_match": {"query": node.parts[0], "fields": _TEXT_FIELDS}}
    if isinstance(node, (Term, Phrase)):
        return _words(_EXACT_FIELDS, node.parts, node.prefix)
    if isinstance(node, Fielded):
        return _fielded(node)
    if isinstance(node, Or):
        return {"bool": {"should": [_clause(c) for c in node.children], "minimum_should_match": 1}}
    if isinstance(node, And):
        return {"bool": {"must": [_clause(c) for c in node.children if not isinstance(c, Not)],
                         "must_not": [_clause(c.child) for c in node.children if isinstance(c, Not)]}}
    if isinstance(node, Not):
        return {"bool": {"must_not": [_clause(node.child)]}}
    raise AssertionError(f"unexpected node {node!r}")


def es_filters(filters: Filters) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"term": {KEYWORD_FIELD[f]: v}} for f, v in filters.keywords.items()]
    out += [{"terms": {KEYWORD_FIELD[f]: list(keys)}} for f, keys in filters.any_of.items()]
    if filters.year is not None:
        out.append({"term": {"year": filters.year}})
    if filters.date_from or filters.date_to:
        bounds = {k: v for k, v in (("gte", filters.date_from), ("lte", filters.date_to)) if v}
        out.append({"range": {"resolution_date": bounds}})
    if filters.protected is not None:
        out.append({"term": {"protected": filters.protected}})
    return out


def build_query(query: SearchQuery) -> dict[str, Any]:
    """The ES ``query`` of a ``SearchQuery`` (raises ``QueryError`` like the SQLite backend)."""
    from search.query.filters import filters_of

    node = parse_query(query.text)
    body: dict[str, Any] = {"filter": es_filters(filters_of(query))}
    if node is not None:
        text = _clause(node)
        if set(text) == {"bool"} and not text["bool"].get("must") and not text["bool"].get("should"):
            body["must_not"] = text["bool"]["must_not"]  # exclusions only
        else:
            body["must"] = [text]
        words = proximity_words(node)
        if words and query.ranked:  # optional: words side by side outrank the same words scattered
            body["should"] = [{"match_phrase": {"text": {"query": " ".join(words), "slop": PROXIMITY_SLOP,
                                                         "boost": PROXIMITY_BOOST}}}]
    return {"bool": body}


def _highlight() -> dict[str, Any]:
    return {"fields": {"text": {}, "text.exact": {}}, "pre_tags": [MARK], "post_tags": [MARK],
            "fragment_size": 200, "number_of_fragments": 1, "encoder": "default"}


def build_search(query: SearchQuery) -> dict[str, Any]:
    """The body of a search for ``query``."""
    return {
        "query": build_query(query),
        "from": query.offset,
        "size": query.limit,
        "sort": ["_score", *_BY_DATE] if query.ranked else _BY_DATE,
        "track_total_hits": True,
        **({"highlight": _highlight()} if query.snippets else {}),
    }


def build_more_like_this(index: str, id_: str, crimes: Sequence[str], case_ids: Sequence[str],
                         query: SearchQuery) -> dict[str, Any]:
    """The body of a search: the server's ``more_like_this`` on the text
    (at most ``MAX_TERMS`` terms) or the same crime, never the same ruling or case."""
    from search.query.filters import filters_of

    like: list[dict[str, Any]] = [{"more_like_this": {
        "fields": ["text"], "like": [{"_index": index, "_id": id_}], "min_term_freq": 2, "min_doc_freq": 2,
        "max_doc_freq": 0x7FFFFFFF, "max_query_terms": MAX_TERMS, "minimum_should_match": "10%"}}]
    if crimes:
        like.append({"terms": {"crimes": list(crimes), "boost": CRIME_BOOST}})
    must_not: list[dict[str, Any]] = [{"ids": {"values": [id_]}}]
    if case_ids:
        must_not.append({"terms": {"case_ids": list(case_ids)}})
    return {
        "query": {"bool": {"filter": es_filters(filters_of(query)),
                           "must": [{"bool": {"should": like, "minimum_should_match": 1}}],
                           "must_not": must_not}},
        "from": query.offset, "size": query.limit, "sort": ["_score", *_BY_DATE], "track_total_hits": True,
        **({"highlight": _highlight()} if query.snippets else {}),
    }


def scan_sort(query: SearchQuery) -> list[Any]:
    return ["_score", *_BY_DATE] if query.ranked else _BY_DATE


# ---------------------------------------------------------------------------- facets


def build_aggs(fields: Sequence[FacetField], size: int = 100) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for field in fields:
        if field in ("district", "court"):
            spelling = "district" if field == "district" else "court.keyword"
            aggs[field] = {"terms": {"field": f"{field}_key", "size": size},
                           "aggs": {"spelling": {"terms": {"field": spelling, "size": 1, "order": {"_key": "asc"}}}}}
        elif field == "judge":
            aggs[field] = {"nested": {"path": "parties"}, "aggs": {"judges": {
                "filter": {"terms": {"parties.role": _JUDGE_ROLES}},
                "aggs": {"keys": {"terms": {"field": "parties.key", "size": size},
                                  "aggs": {"spelling": {"terms": {"field": "parties.name.keyword", "size": 1,
                                                                  "order": {"_key": "asc"}}},
                                           "documents": {"reverse_nested": {}}}}}}}}
        else:
            stored = {"crime": "crimes", "article": "articles"}.get(field, field)
            aggs[field] = {"terms": {"field": stored, "size": size}}
    return aggs


def _spelled(bucket: dict[str, Any]) -> str:
    return (bucket["spelling"]["buckets"] or [{"key": bucket["key"]}])[0]["key"]


def parse_aggs(aggregations: dict[str, Any], fields: Sequence[FacetField]) -> Facets:
    result: Facets = {}
    for field in fields:
        if field == "judge":
            buckets = aggregations[field]["judges"]["keys"]["buckets"]
            pairs = [(_spelled(b), b["documents"]["doc_count"]) for b in buckets]
        else:
            buckets = aggregations[field]["buckets"]
            if field in ("district", "court"):
                pairs = [(_spelled(b), b["doc_count"]) for b in buckets]
            elif field == "protected":
                pairs = [(bool(b["key"]), b["doc_count"]) for b in buckets]
            else:
                pairs = [(b["key"], b["doc_count"]) for b in buckets]
        result[field] = sorted(pairs, key=lambda vc: (-vc[1], str(vc[0])))
    return result
