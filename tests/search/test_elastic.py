"""The Elasticsearch backend without a server: template, mapping, query building, documents.

The live behaviour is covered by the contract tests in test_index.py, which run against
Elasticsearch when ES_URL is set (and are skipped, saying so, when it is not).
"""

import time
from datetime import date

import pytest

from schemas import CourtLevel, DocKind, EarlyTermination, IndexUnavailable, OutcomeKind, QueryError
from search import SearchQuery, open_index
from search.elastic.dsl import (
    build_aggs,
    build_more_like_this,
    build_query,
    build_search,
    doc_to_record,
    index_mappings,
    index_settings,
    index_template,
    parse_aggs,
    record_to_doc,
)
from search.elastic.index import next_version, parse_location, split_product
from search.query.analysis import STOP_WORDS

from tests.search.factory import judge, make_record, victim

TEXT = ["text", "meta_text"]


def test_spanish_analyzer_chain():
    analysis = index_settings()["analysis"]
    text = analysis["analyzer"]["es_text"]
    assert text["filter"] == ["lowercase", "asciifolding", "es_stop", "es_stem"]
    assert analysis["filter"]["es_stem"] == {"type": "snowball", "language": "Spanish"}
    assert analysis["filter"]["es_stop"]["stopwords"] == sorted(STOP_WORDS)  # folded: "mas", "esta"
    assert "mas" in analysis["filter"]["es_stop"]["stopwords"]
    assert analysis["analyzer"]["es_exact"]["filter"] == ["lowercase", "asciifolding"]
    assert "ñ => nn" in analysis["char_filter"]["es_enye"]["mappings"]  # año ≠ ano


def test_template_covers_every_version_behind_the_alias():
    template = index_template("expediente")
    assert template["index_patterns"] == ["expediente-v*"]
    assert template["template"]["mappings"] == index_mappings()
    assert template["template"]["settings"] == {**index_settings(), "number_of_shards": 1,
                                                "auto_expand_replicas": "0-1",  # a replica on a cluster
                                                "max_result_window": 101_000}  # every page a query may ask


def test_mapping_keywords_nested_dates_and_exact_subfield():
    props = index_mappings()["properties"]
    for field in ("district_key", "court_key", "level", "crimes", "articles", "doc_kind", "outcome",
                  "procedural_code", "early_termination", "judge_keys", "case_keys", "citations", "sha256", "id"):
        assert props[field] == {"type": "keyword"}, field
    assert props["court"]["fields"]["keyword"] == {"type": "keyword"}  # keyword subfield for facets
    assert props["judges"]["fields"]["keyword"] == {"type": "keyword"}
    for nested in ("parties", "charges", "events"):
        assert props[nested]["type"] == "nested"
    assert props["events"]["properties"]["date"]["type"] == "date"
    assert props["resolution_date"] == {"type": "date", "format": "strict_date"}
    assert props["protected"] == {"type": "boolean"}
    assert props["text"]["analyzer"] == "es_text"
    assert props["text"]["fields"]["exact"]["analyzer"] == "es_exact"
    assert props["record"] == {"type": "object", "enabled": False}
    assert index_mappings()["dynamic"] == "strict"


def test_query_with_filters():
    query = build_query(SearchQuery(
        text="trata -menor", district="MADRE DE DIOS", court="Sala Penal  de Apelaciones",
        level=CourtLevel.CORTE_SUPERIOR, crime="trata_de_personas", article="153 a", year=2020,
        doc_kind=DocKind.SENTENCIA, outcome=OutcomeKind.CONDENA, early_termination=EarlyTermination.PROCESO_INMEDIATO,
        judge="Chambi  Tuesta", date_from=date(2020, 1, 1), date_to=date(2020, 6, 30), protected=True,
        cites="Cas. 904-2019"))
    assert query == {"bool": {
        "filter": [{"term": {"district_key": "madre de dios"}}, {"term": {"court_key": "sala penal de apelaciones"}},
                   {"term": {"level": "corte_superior"}}, {"term": {"doc_kind": "sentencia"}},
                   {"term": {"outcome": "condena"}}, {"term": {"early_termination": "proceso_inmediato"}},
                   {"term": {"crimes": "trata_de_personas"}}, {"term": {"articles": "153-A"}},
                   {"term": {"judge_keys": "chambi tuesta"}}, {"term": {"citations": "casacion 904-2019"}},
                   {"term": {"year": 2020}}, {"range": {"resolution_date": {"gte": "2020-01-01", "lte": "2020-06-30"}}},
                   {"term": {"protected": True}}],
        "must": [{"bool": {
            "must": [{"multi_match": {"query": "trata", "fields": TEXT}}],
            "must_not": [{"multi_match": {"query": "menor", "fields": TEXT}}],
        }}],
    }}


@pytest.mark.parametrize(("text", "clause"), [
    ('"trata de personas"',
     {"multi_match": {"query": "trata de personas", "type": "phrase", "fields": ["text.exact", "meta_text.exact"]}}),
    ("153-A", {"multi_match": {"query": "153 a", "type": "phrase", "fields": ["text.exact", "meta_text.exact"]}}),
    ("año*", {"bool": {"should": [{"prefix": {"text.exact": "anno"}}, {"prefix": {"meta_text.exact": "anno"}}],
                       "minimum_should_match": 1}}),
    ("robo OR peculado", {"bool": {"should": [
        {"multi_match": {"query": "robo", "fields": TEXT}},
        {"multi_match": {"query": "peculado", "fields": TEXT}}], "minimum_should_match": 1}}),
    ("articulo:153A", {"term": {"articles": "153-A"}}),
    ("articulo:307*", {"prefix": {"articles": "307"}}),
    ("expediente:00123-2019-45-2701-JR-PE-01", {"term": {"case_keys": "123-2019-45-2701-jr-pe-1"}}),
    ('distrito:"MADRE DE DIOS"', {"term": {"district_key": "madre de dios"}}),
    ('cita:"Casación N.° 904-2019/Puno"', {"term": {"citations": "casacion 904-2019"}}),
    ("delito:trata_de_personas", {"term": {"crimes": "trata_de_personas"}}),
    ("delito:minería", {"multi_match": {"query": "mineria", "type": "phrase", "fields": ["crime_text"]}}),
    ('juez:"Chambi Tuesta"', {"multi_match": {"query": "chambi tuesta", "type": "phrase", "fields": ["judges"]}}),
    ("imputado:quispe", {"multi_match": {"query": "quispe", "type": "phrase", "fields": ["defendants"]}}),
    ("imputado:quis*", {"bool": {"should": [{"prefix": {"defendants": "quis"}}], "minimum_should_match": 1}}),
])
def test_query_clauses(text, clause):
    assert build_query(SearchQuery(text=text))["bool"]["must"] == [clause]


def test_exclusions_only_and_filter_only():
    assert build_query(SearchQuery(text="-menor")) == {"bool": {
        "filter": [], "must_not": [{"multi_match": {"query": "menor", "fields": TEXT}}]}}
    assert build_query(SearchQuery(district="Puno")) == {"bool": {"filter": [{"term": {"district_key": "puno"}}]}}


@pytest.mark.parametrize("query", [SearchQuery(text='"trata'), SearchQuery(text="color:rojo"),
                                   SearchQuery(article="trata"), SearchQuery(cites="hola")])
def test_malformed_query_is_refused_before_the_server(query):
    with pytest.raises(QueryError):
        build_query(query)


def test_search_request_sort_and_highlight():
    ranked = build_search(SearchQuery(text="trata", limit=5, offset=10))
    assert (ranked["from"], ranked["size"], ranked["sort"][0]) == (10, 5, "_score")
    assert ranked["highlight"]["pre_tags"] == ["**"] and ranked["track_total_hits"] is True
    by_date = build_search(SearchQuery(district="Puno"))
    assert by_date["sort"] == [{"resolution_date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    assert build_search(SearchQuery(text="trata", sort="date"))["sort"] == by_date["sort"]


def test_more_like_this_request():
    request = build_more_like_this("expediente", "abc", ["trata_de_personas"], ["123-2019-45-2701"],
                                   SearchQuery(district="Puno", limit=5))
    query = request["query"]["bool"]
    mlt, crimes = query["must"][0]["bool"]["should"]
    assert mlt["more_like_this"]["like"] == [{"_index": "expediente", "_id": "abc"}]
    assert mlt["more_like_this"]["max_query_terms"] == 25
    assert crimes == {"terms": {"crimes": ["trata_de_personas"], "boost": 2.0}}
    assert query["must_not"] == [{"ids": {"values": ["abc"]}}, {"terms": {"case_ids": ["123-2019-45-2701"]}}]
    assert query["filter"] == [{"term": {"district_key": "puno"}}]
    assert request["size"] == 5


def test_aggregations_round_trip():
    aggs = build_aggs(["district", "crime", "year", "judge", "protected"], 50)
    assert aggs["crime"] == {"terms": {"field": "crimes", "size": 50}}
    assert aggs["judge"]["nested"] == {"path": "parties"}
    response = {
        "district": {"buckets": [{"key": "puno", "doc_count": 1, "spelling": {"buckets": [{"key": "Puno"}]}},
                                 {"key": "madre de dios", "doc_count": 2,
                                  "spelling": {"buckets": [{"key": "Madre de Dios"}]}}]},
        "crime": {"buckets": [{"key": "trata_de_personas", "doc_count": 2}]},
        "year": {"buckets": [{"key": 2021, "doc_count": 1}, {"key": 2019, "doc_count": 1}]},
        "judge": {"doc_count": 9, "judges": {"doc_count": 4, "keys": {"buckets": [
            {"key": "chambi tuesta", "doc_count": 3, "spelling": {"buckets": [{"key": "Chambi Tuesta"}]},
             "documents": {"doc_count": 2}}]}}},
        "protected": {"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 1},
                                  {"key": 0, "key_as_string": "false", "doc_count": 3}]},
    }
    assert parse_aggs(response, ["district", "crime", "year", "judge", "protected"]) == {
        "district": [("Madre de Dios", 2), ("Puno", 1)],
        "crime": [("trata_de_personas", 2)],
        "year": [(2019, 1), (2021, 1)],
        "judge": [("Chambi Tuesta", 2)],
        "protected": [(False, 3), (True, 1)],
    }


def test_document_round_trip():
    record = make_record(["uno", "dos"], district="Puno", crimes=("trata_de_personas",), day=date(2020, 2, 3),
                         case_numbers=("00123-2019-45-2101-JR-PE-01",), parties=(judge("Chambi Tuesta"),))
    doc = record_to_doc(record)
    assert doc["text"] == ["uno", "dos"] and doc["district_key"] == "puno" and doc["year"] == 2020
    assert doc["meta_text"] == "00123-2019-45-2101-JR-PE-01"
    assert doc["case_ids"] == ["123-2019-45-2101"]
    assert doc["parties"] == [{"name": "Chambi Tuesta", "key": "chambi tuesta", "role": "juez", "protected": False}]
    assert doc["judge_keys"] == ["chambi tuesta"] and doc["protected"] is False
    assert "pages" not in doc["record"]
    assert doc_to_record(doc) == record
    assert set(doc) <= set(index_mappings()["properties"])  # "dynamic": "strict" accepts it


@pytest.mark.parametrize(("url", "expected"), [
    ("http://localhost:9200", ("http://localhost:9200", "expediente", None)),
    ("https://es.example:9243/rulings/", ("https://es.example:9243", "rulings", None)),
    ("http://user:p%40ss@localhost:9200/x", ("http://localhost:9200", "x", ("user", "p@ss"))),
])
def test_parse_location(url, expected):
    assert parse_location(url) == expected


def test_next_version():
    assert next_version("expediente", []) == 1
    assert next_version("expediente", ["expediente-v1", "expediente-v3", "otro-v9", "expediente-originals"]) == 4


@pytest.mark.parametrize(("url", "expected"), [
    ("http://localhost:9200/x", (None, "http://localhost:9200/x")),
    ("opensearch+https://localhost:9200", ("opensearch", "https://localhost:9200")),
    ("elasticsearch+http://u:p@h:1/x", ("elasticsearch", "http://u:p@h:1/x")),
    ("http://user+tag@localhost:9200", (None, "http://user+tag@localhost:9200")),
])
def test_split_product(url, expected):
    assert split_product(url) == expected


@pytest.mark.parametrize(("url", "answer", "product"), [
    ("http://127.0.0.1:1/x", {"version": {"distribution": "opensearch", "number": "2.19.6"}}, "opensearch"),
    ("http://127.0.0.1:1/x", {"version": {"number": "8.15.0", "build_flavor": "default"}}, "elasticsearch"),
    ("elasticsearch+http://127.0.0.1:1/x", None, "elasticsearch"),  # not asked
    ("opensearch+http://127.0.0.1:1/x", None, "opensearch"),
])
def test_the_product_comes_from_the_url_or_the_server(monkeypatch, url, answer, product):
    import opensearchpy

    from search.elastic.index import _connect

    asked = []
    monkeypatch.setattr(opensearchpy.OpenSearch, "info", lambda self: asked.append(1) or answer)
    api = _connect(url)
    assert api.product == product and type(api.client).__name__ == {
        "opensearch": "OpenSearch", "elasticsearch": "Elasticsearch"}[product]
    assert asked == ([1] if answer else [])


@pytest.mark.parametrize("url", ["http://127.0.0.1:1/expediente", "opensearch+http://127.0.0.1:1/expediente",
                                 "elasticsearch+http://127.0.0.1:1/expediente"])
def test_unreachable_cluster_is_index_unavailable(url):
    with pytest.raises(IndexUnavailable) as info:
        open_index(url)
    assert info.value.retryable


def test_redaction_happens_before_the_document_is_built():
    from search.privacy import redact_record

    record = make_record("agravio de Nancy Quispe", parties=(victim("Nancy Quispe"),))
    assert "Nancy" not in str(record_to_doc(redact_record(record)))


def test_adjacent_words_boost():
    query = build_query(SearchQuery(text="trata de personas"))
    assert query["bool"]["should"] == [
        {"match_phrase": {"text": {"query": "trata personas", "slop": 2, "boost": 5.0}}}]
    assert "should" not in build_query(SearchQuery(text="trata"))["bool"]


class _Recorder:
    """A stand-in for the client's index API: records the calls, knows one index version."""

    def __init__(self, versions):
        self.calls = []
        self.versions = versions

    def __getattr__(self, name):
        def call(**kwargs):
            self.calls.append((name, kwargs))
            if name == "exists":
                return bool(self.versions) and not kwargs["index"].endswith("-originals")
            if name == "get_alias":
                return {v: {} for v in self.versions}
            if name == "get":
                return {v: {} for v in self.versions}
            return {}
        return call


class _FakeClient:
    def __init__(self, versions):
        self.indices = _Recorder(versions)

    def options(self, **kwargs):
        return self


def _elastic(versions):
    from search.elastic.index import ElasticIndex

    return ElasticIndex("http://es.example:9200/expediente", client=_FakeClient(versions))


def test_a_new_alias_starts_at_version_one_from_the_template():
    index = _elastic([])
    calls = index.client.indices.calls
    assert calls[0] == ("put_index_template", {"name": "expediente-template", "body": index_template("expediente")})
    assert ("create", {"index": "expediente-v1", "body": {"aliases": {"expediente": {}}}}) in calls


def test_rebuild_fills_a_new_version_then_swaps_the_alias_at_once():
    index = _elastic(["expediente-v1"])
    written = []
    index._bulk = lambda actions, refresh=True: written.extend(actions)  # the bulk helper needs a live transport
    swapped_at = []
    index.client.indices.update_aliases = lambda **kw: (swapped_at.append(time.monotonic()),
                                                        index.client.indices.calls.append(("update_aliases", kw)))
    deleted_at = []
    index.client.indices.delete = lambda **kw: (deleted_at.append(time.monotonic()),
                                                index.client.indices.calls.append(("delete", kw)))
    new = index.rebuild(iter([make_record("uno", key="1"), make_record("dos", key="2")]), grace=0.3)
    assert new == "expediente-v2"
    # a search that resolved the alias just before the swap finishes on the old version
    assert deleted_at[0] - swapped_at[0] >= 0.3
    names = [name for name, _ in index.client.indices.calls]
    assert names.index("create") < names.index("update_aliases") < names.index("delete")
    assert [a["_index"] for a in written] == ["expediente-v2", "expediente-v2"]  # never the live version
    swap = dict(index.client.indices.calls)["update_aliases"]["body"]["actions"]
    assert swap == [{"remove": {"index": "expediente-v1", "alias": "expediente"}},
                    {"add": {"index": "expediente-v2", "alias": "expediente"}}]
    assert ("delete", {"index": "expediente-v1", "ignore_unavailable": True}) in index.client.indices.calls


class _Bulk:
    """A stand-in for the bulk helper: refuses the documents of ``refusals`` (id → status)
    once each, and records what it was sent."""

    def __init__(self, refusals):
        self.refusals = dict(refusals)
        self.sent = []

    def streaming_bulk(self, client, actions, **kwargs):
        self.sent.append([a["_id"] for a in actions])
        for a in actions:
            status = self.refusals.pop(a["_id"], None)
            yield (status is None), {"index": {"_id": a["_id"], "status": status or 201}}


@pytest.mark.parametrize(("refusals", "sent"), [
    ({}, [["a", "b", "c"]]),
    ({"b": 503, "c": 429}, [["a", "b", "c"], ["b", "c"]]),  # a replica taking over; too busy
])
def test_bulk_sends_again_only_what_was_refused_for_a_passing_reason(monkeypatch, refusals, sent):
    import search.elastic.index

    monkeypatch.setattr(search.elastic.index.time, "sleep", lambda seconds: None)
    index = _elastic(["expediente-v1"])
    index._helpers = _Bulk(refusals)
    index._bulk({"_id": i, "_source": {}} for i in "abc")
    assert index._helpers.sent == sent


def test_bulk_refusal_for_a_lasting_reason_raises():
    index = _elastic(["expediente-v1"])
    index._helpers = _Bulk({"b": 400})  # a mapping error does not pass
    with pytest.raises(IndexUnavailable, match="1 documentos no se escribieron"):
        index._bulk({"_id": i, "_source": {}} for i in "abc")
    assert index._helpers.sent == [["a", "b", "c"]]


# ---------------------------------------------------------------------------- on a live cluster (ES_URL)

SEARCHERS = 4
PROOF_SECONDS = 120  # a bound on the searchers' loops, whatever happens


def _answer(index, query):
    results = index.search(query)
    return results.total, [h.id for h in results.hits]


@pytest.mark.slow
@pytest.mark.es
def test_rebuild_swaps_the_alias_while_four_clients_search(tmp_path):
    """Zero failed searches and the same answers before, during and after two rebuilds."""
    import threading
    import time

    from search.elastic.index import ElasticIndex

    from tests.search.conftest import ES_URL, drop_backend, open_backend

    records = [make_record(f"Sentencia {i}: " + ("trata de personas en Puno" if i % 3 else "robo agravado en Lima"),
                           key=f"r{i}", district="Puno" if i % 3 else "Lima", day=date(2020, 1, 1 + i % 28))
               for i in range(300)]
    queries = [SearchQuery(text="trata"), SearchQuery(text='"robo agravado"', limit=20),
               SearchQuery(district="Puno", limit=50), SearchQuery(text="sentencia -lima", offset=10)]
    index = open_backend("elastic", tmp_path)
    try:
        index.upsert(records)
        before = [_answer(index, q) for q in queries]
        url = f"{ES_URL.rstrip('/')}/{index.name}"
        stop = threading.Event()
        failures: list[BaseException] = []
        differences: list[tuple[int, object]] = []
        searches = [0] * SEARCHERS

        def search(n: int) -> None:
            deadline = time.monotonic() + PROOF_SECONDS
            with ElasticIndex(url) as mine:
                while not stop.is_set() and time.monotonic() < deadline:
                    k = searches[n] % len(queries)
                    try:
                        answer = _answer(mine, queries[k])
                    except Exception as exc:  # noqa: BLE001 - every failure counts
                        failures.append(exc)
                    else:
                        if answer != before[k]:
                            differences.append((k, answer))
                    searches[n] += 1

        threads = [threading.Thread(target=search, args=(n,)) for n in range(SEARCHERS)]
        for t in threads:
            t.start()
        try:
            time.sleep(0.5)
            first = index.rebuild(iter(records))
            second = index.rebuild(iter(records))
            time.sleep(0.5)
        finally:
            stop.set()
            for t in threads:
                t.join()
        assert (first, second) == (f"{index.name}-v2", f"{index.name}-v3")
        assert failures == [] and differences == []
        assert min(searches) > 0, searches
        assert [_answer(index, q) for q in queries] == before
        assert list(index.client.indices.get_alias(name=index.name)) == [second]
    finally:
        drop_backend(index)


@pytest.mark.es
def test_no_protected_name_in_the_public_alias_only_in_the_originals_outside_it(tmp_path):
    """Every stored field, every highlight and every indexed term of the public alias,
    read raw from the cluster; the originals index is not behind the alias."""
    import json

    from search.elastic.index import ElasticIndex
    from search.query.analysis import fold

    from tests.search.conftest import ES_URL, drop_backend, open_backend

    name = "Nancy Huamán Quispe"
    record = make_record(f"La agraviada {name} declaró. Trata de personas; {name.upper()} tenía 15 años.",
                         key="protegida", parties=(victim(name), judge("Chambi Tuesta")))
    index = open_backend("elastic", tmp_path, originals=True)
    try:
        index.upsert([record, make_record("Robo agravado en Juliaca.", key="otra")])
        client, alias = index.client, index.name
        everything = client.search(index=alias, body={
            "query": {"match_all": {}}, "size": 10, "stored_fields": ["*"], "_source": True, "docvalue_fields": [
                "parties.key", "judge_keys", "case_keys"],
            "highlight": {"fields": {"*": {}}, "require_field_match": False}})
        words = client.search(index=alias, body={"query": {"bool": {"should": [
            {"query_string": {"query": "nancy OR huaman OR quispe OR nan*", "fields": ["*"], "lenient": True}},
            {"nested": {"path": "parties", "query": {"query_string": {
                "query": "nancy OR huaman OR quispe", "fields": ["parties.*"], "lenient": True}}}}]}}})
        lit = client.search(index=alias, body={"query": {"match": {"text": "agraviada"}},
                                                "highlight": {"fields": {"*": {}}, "require_field_match": False}})
        raw = fold(json.dumps([everything, words, lit], ensure_ascii=False))
        assert everything["hits"]["total"]["value"] == 2 and lit["hits"]["total"]["value"] == 1
        assert "highlight" in lit["hits"]["hits"][0]
        for part in ("nancy", "huaman", "quispe"):
            assert part not in raw, part
        assert words["hits"]["total"]["value"] == 0
        with ElasticIndex(f"{ES_URL.rstrip('/')}/{alias}") as public:
            hit = public.search(SearchQuery(text="agraviada")).hits[0]
            assert "N.H.Q." in hit.snippet and "Nancy" not in hit.snippet
        behind = client.indices.get_alias(name=alias)
        assert list(behind) == [f"{alias}-v1"] and index.originals_name not in behind
        assert index.get(record.id) == record  # an allowed caller still reads the original
    finally:
        drop_backend(index)


def _cluster_pids() -> dict[str, int]:
    """``{node name: pid}`` of the nodes cluster/run started (``.cluster/n*.pid``)."""
    import os
    from pathlib import Path

    state = Path(os.environ.get("CLUSTER_STATE", Path(__file__).parents[2] / ".cluster"))
    return {f.stem: int(f.read_text()) for f in sorted(state.glob("n*.pid"))}


@pytest.mark.slow
@pytest.mark.es
def test_bulk_load_survives_the_primary_node_killed(tmp_path):
    """kill -9 the node that holds the primary during a load of 5,000 rulings: the load
    finishes, the count is exact, nothing is duplicated, and the cluster is green again
    once the node is back."""
    import os
    import signal
    import subprocess
    import threading
    import time
    from pathlib import Path
    from urllib.parse import urlsplit

    from opensearchpy import OpenSearch

    from search.elastic.index import ElasticIndex

    from tests.search.conftest import ES_URL, open_backend

    open_backend("elastic", tmp_path).close()  # skips without ES_URL
    pids = _cluster_pids()
    if len(pids) < 3:
        pytest.skip("hace falta el clúster de cluster/run (make cluster-start) para matar un nodo")
    base = urlsplit(ES_URL)
    hosts = [f"http://{base.hostname}:{base.port + i}" for i in range(len(pids))]
    client = OpenSearch(hosts, timeout=30, retry_on_timeout=True, max_retries=5, retry_on_status=(502, 503, 504))
    alias = f"expediente-test-kill-{os.getpid()}"
    index = ElasticIndex(f"{ES_URL.rstrip('/')}/{alias}", client=client)
    killed: list[tuple[str, int]] = []
    loaded = threading.Event()
    try:
        client.cluster.health(index=alias, wait_for_status="green", params={"timeout": "60s"}, request_timeout=90)
        shard = next(s for s in client.cat.shards(index=alias, format="json") if s["prirep"] == "p")
        victim_node = shard["node"]
        records = [make_record([f"Sentencia {i}. " + "El colegiado valora la prueba actuada en juicio oral. " * 30,
                                "Se condena al acusado por el delito de robo agravado."],
                               key=f"k{i}", district="Lima" if i % 2 else "Puno") for i in range(5000)]

        def kill_when_loading() -> None:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and not killed and not loaded.is_set():
                try:
                    seen = client.count(index=alias)["count"]
                except Exception:  # noqa: BLE001 - a busy node; ask again
                    seen = 0
                if seen >= 1000:
                    os.kill(pids[victim_node], signal.SIGKILL)
                    killed.append((victim_node, seen))
                time.sleep(0.05)

        killer = threading.Thread(target=kill_when_loading)
        killer.start()
        try:
            index.upsert(records)
        finally:
            loaded.set()
            killer.join()
        assert killed and killed[0][1] < 5000, "the load ended before the node was killed"
        assert index.count() == 5000
        dupes = client.search(index=alias, body={"size": 0, "aggs": {"d": {"terms": {
            "field": "sha256", "min_doc_count": 2, "size": 10}}}})
        assert dupes["aggregations"]["d"]["buckets"] == []
        assert sorted(r.id for r in index.iter_matching(SearchQuery())) == sorted(r.id for r in records)

        subprocess.run([Path(__file__).parents[2] / "cluster" / "run", "node", victim_node.lstrip("n")],
                       check=True, timeout=120)
        health = client.cluster.health(wait_for_status="green", wait_for_nodes=len(pids),
                                       params={"timeout": "180s"}, request_timeout=200)
        assert (health["status"], health["number_of_nodes"], health["timed_out"]) == ("green", len(pids), False)
        assert index.count() == 5000
    finally:
        index.drop()
        index.close()
