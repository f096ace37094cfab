"""The Elasticsearch backend without a server: mapping, query building, documents.

The live behaviour is covered by the contract tests in test_index.py, which run against
Elasticsearch when ES_URL is set (and are skipped, saying so, when it is not).
"""

from datetime import date

import pytest

from schemas import DocKind, IndexUnavailable, OutcomeKind, QueryError
from search import SearchQuery, open_index
from search.analysis import STOP_WORDS
from search.elastic import (
    build_aggs,
    build_query,
    build_search,
    doc_to_record,
    index_mappings,
    index_settings,
    parse_aggs,
    parse_location,
    record_to_doc,
)

from tests.search.factory import make_record, victim


def test_spanish_analyzer_chain():
    analysis = index_settings()["analysis"]
    text = analysis["analyzer"]["es_text"]
    assert text["filter"] == ["lowercase", "asciifolding", "es_stop", "es_stem"]
    assert analysis["filter"]["es_stem"] == {"type": "snowball", "language": "Spanish"}
    assert analysis["filter"]["es_stop"]["stopwords"] == sorted(STOP_WORDS)  # folded: "mas", "esta"
    assert "mas" in analysis["filter"]["es_stop"]["stopwords"]
    assert analysis["analyzer"]["es_exact"]["filter"] == ["lowercase", "asciifolding"]
    assert "ñ => nn" in analysis["char_filter"]["es_enye"]["mappings"]  # año ≠ ano


def test_mapping_has_keyword_filters_and_an_exact_subfield():
    props = index_mappings()["properties"]
    for field in ("district_key", "crimes", "doc_kind", "outcome", "procedural_code", "sha256", "id"):
        assert props[field] == {"type": "keyword"}
    assert props["year"] == {"type": "integer"}
    assert props["text"]["analyzer"] == "es_text"
    assert props["text"]["fields"]["exact"]["analyzer"] == "es_exact"
    assert props["record"] == {"type": "object", "enabled": False}
    assert index_mappings()["dynamic"] == "strict"


def test_query_with_filters():
    query = build_query(SearchQuery(text="trata -menor", district="MADRE DE DIOS", crime="trata_de_personas",
                                    year=2020, doc_kind=DocKind.SENTENCIA, outcome=OutcomeKind.CONDENA))
    assert query == {"bool": {
        "filter": [{"term": {"district_key": "madre de dios"}}, {"term": {"crimes": "trata_de_personas"}},
                   {"term": {"year": 2020}}, {"term": {"doc_kind": "sentencia"}}, {"term": {"outcome": "condena"}}],
        "must": [{"bool": {
            "must": [{"multi_match": {"query": "trata", "fields": ["text", "meta_text"]}}],
            "must_not": [{"multi_match": {"query": "menor", "fields": ["text", "meta_text"]}}],
        }}],
    }}


@pytest.mark.parametrize(("text", "clause"), [
    ('"trata de personas"',
     {"multi_match": {"query": "trata de personas", "type": "phrase", "fields": ["text.exact", "meta_text.exact"]}}),
    ("153-A", {"multi_match": {"query": "153 a", "type": "phrase", "fields": ["text.exact", "meta_text.exact"]}}),
    ("año*", {"bool": {"should": [{"prefix": {"text.exact": "anno"}}, {"prefix": {"meta_text.exact": "anno"}}],
                       "minimum_should_match": 1}}),
    ("robo OR peculado", {"bool": {"should": [
        {"multi_match": {"query": "robo", "fields": ["text", "meta_text"]}},
        {"multi_match": {"query": "peculado", "fields": ["text", "meta_text"]}}], "minimum_should_match": 1}}),
])
def test_query_clauses(text, clause):
    assert build_query(SearchQuery(text=text))["bool"]["must"] == [clause]


def test_exclusions_only_and_filter_only():
    assert build_query(SearchQuery(text="-menor")) == {"bool": {
        "filter": [], "must_not": [{"multi_match": {"query": "menor", "fields": ["text", "meta_text"]}}]}}
    assert build_query(SearchQuery(district="Puno")) == {"bool": {"filter": [{"term": {"district_key": "puno"}}]}}


def test_malformed_query_is_refused_before_the_server():
    with pytest.raises(QueryError, match="comillas"):
        build_query(SearchQuery(text='"trata'))


def test_search_request_sort_and_highlight():
    ranked = build_search(SearchQuery(text="trata", limit=5, offset=10))
    assert (ranked["from_"], ranked["size"], ranked["sort"][0]) == (10, 5, "_score")
    assert ranked["highlight"]["pre_tags"] == ["**"] and ranked["track_total_hits"] is True
    by_date = build_search(SearchQuery(district="Puno"))
    assert by_date["sort"] == [{"resolution_date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]


def test_aggregations_round_trip():
    aggs = build_aggs(["district", "crime", "year"])
    assert aggs["crime"] == {"terms": {"field": "crimes", "size": 1000}}
    response = {
        "district": {"buckets": [{"key": "puno", "doc_count": 1, "spelling": {"buckets": [{"key": "Puno"}]}},
                                 {"key": "madre de dios", "doc_count": 2,
                                  "spelling": {"buckets": [{"key": "Madre de Dios"}]}}]},
        "crime": {"buckets": [{"key": "trata_de_personas", "doc_count": 2}]},
        "year": {"buckets": [{"key": 2021, "doc_count": 1}, {"key": 2019, "doc_count": 1}]},
    }
    assert parse_aggs(response, ["district", "crime", "year"]) == {
        "district": [("Madre de Dios", 2), ("Puno", 1)],
        "crime": [("trata_de_personas", 2)],
        "year": [(2019, 1), (2021, 1)],
    }


def test_document_round_trip():
    record = make_record(["uno", "dos"], district="Puno", crimes=("trata_de_personas",), day=date(2020, 2, 3),
                         case_numbers=("00123-2019-45-2101-JR-PE-01",))
    doc = record_to_doc(record)
    assert doc["text"] == ["uno", "dos"] and doc["district_key"] == "puno" and doc["year"] == 2020
    assert doc["meta_text"] == "00123-2019-45-2101-JR-PE-01"
    assert "pages" not in doc["record"]
    assert doc_to_record(doc) == record


@pytest.mark.parametrize(("url", "expected"), [
    ("http://localhost:9200", ("http://localhost:9200", "expediente", None)),
    ("https://es.example:9243/rulings/", ("https://es.example:9243", "rulings", None)),
    ("http://user:p%40ss@localhost:9200/x", ("http://localhost:9200", "x", ("user", "p@ss"))),
])
def test_parse_location(url, expected):
    assert parse_location(url) == expected


def test_unreachable_cluster_is_index_unavailable():
    with pytest.raises(IndexUnavailable) as info:
        open_index("http://127.0.0.1:1/expediente")
    assert info.value.retryable


def test_redaction_happens_before_the_document_is_built():
    # ElasticIndex.upsert redacts like SQLite; the document of a redacted record is clean.
    from search.privacy import redact_record

    record = make_record("agravio de Nancy Quispe", parties=(victim("Nancy Quispe"),))
    assert "Nancy" not in str(record_to_doc(redact_record(record)))


def test_adjacent_words_boost():
    query = build_query(SearchQuery(text="trata de personas"))
    assert query["bool"]["should"] == [
        {"match_phrase": {"text": {"query": "trata personas", "slop": 2, "boost": 5.0}}}]
    assert "should" not in build_query(SearchQuery(text="trata"))["bool"]
