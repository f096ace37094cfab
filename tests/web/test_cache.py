"""Facet counts are kept between requests, and never outlive a change of the index."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from expediente.web import WebSettings, create_app
from expediente.web.cache import FacetCache
from schemas import OutcomeKind
from search import SearchQuery, open_index
from tests.search.factory import make_record
from tests.web.conftest import bulk_records


def _districts(client: TestClient, **params) -> dict[str, int]:
    body = client.get("/api/v1/search", params={"facets": "district", **params}).json()
    return {v["value"]: v["count"] for v in body["facets"]["district"]}


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_an_ingest_by_another_process_changes_the_counts_shown(tmp_path, engine):
    location = tmp_path / "index.sqlite"
    with open_index(location, engine=engine) as idx:
        idx.upsert(bulk_records())
    settings = WebSettings(index=str(location), data_dir=tmp_path / "data", rate_burst=10_000, warm_stats=False)
    with TestClient(create_app(settings)) as client:
        before = _districts(client, q="sentencia")
        assert _districts(client, q="sentencia", page=2, sort="date") == before  # another page: the same counts
        cache = client.app.state.web.facet_caches[False]
        assert (cache.hits, cache.misses) == (1, 1)
        page = client.get("/", params={"q": "sentencia"}).text
        assert f'Cusco</a> <span class="count">{before["Cusco"]}</span>' in page
        with open_index(location) as ingest:  # as `expediente ingest` writes: its own connection
            ingest.upsert([make_record("Sentencia nueva sobre el delito investigado.", key="nueva", district="Cusco",
                                       crimes=("robo_agravado",), day=date(2023, 5, 2), outcome=OutcomeKind.CONDENA)])
        after = _districts(client, q="sentencia")
        assert after == {**before, "Cusco": before["Cusco"] + 1}
        page = client.get("/", params={"q": "sentencia"}).text
        assert f'Cusco</a> <span class="count">{before["Cusco"] + 1}</span>' in page
        with open_index(location) as ingest:
            ingest.delete(make_record("Sentencia nueva sobre el delito investigado.", key="nueva").id)
        assert _districts(client, q="sentencia") == before


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_the_precedent_panel_is_kept_until_another_process_changes_the_index(tmp_path, engine):
    location = tmp_path / "index.sqlite"
    records = bulk_records()
    with open_index(location, engine=engine) as idx:
        idx.upsert(records)
    ruling = records[4]
    settings = WebSettings(index=str(location), data_dir=tmp_path / "data", rate_burst=10_000, warm_stats=False)
    with TestClient(create_app(settings)) as client:
        url = f"/api/v1/rulings/{ruling.id}/precedent"
        before = client.get(url).json()
        assert before["similar"]["hits"] and client.get(url).json() == before
        assert client.get(f"/resoluciones/{ruling.id}").status_code == 200  # the page's own panel: no snippets
        cache = client.app.state.web.precedent_caches[False]
        assert (cache.hits, cache.misses) == (1, 2)
        twin = make_record(ruling.pages, key="gemela", district=ruling.ruling.court.district,
                           crimes=tuple(c.crime for c in ruling.ruling.charges))
        with open_index(location) as ingest:  # as `expediente ingest` writes: its own connection
            ingest.upsert([twin])
        after = client.get(url).json()
        assert twin.id in [h["id"] for h in after["similar"]["hits"]]
        assert twin.id not in [h["id"] for h in before["similar"]["hits"]]
        assert f"/resoluciones/{twin.id}" in client.get(f"/resoluciones/{ruling.id}").text
        with open_index(location) as ingest:
            ingest.delete(twin.id)
        assert client.get(url).json() == before
        assert client.get("/api/v1/rulings/0000000000000000/precedent").status_code == 404


class Counting:
    """An index that counts its facet computations."""

    def __init__(self, generation):
        self.calls, self._generation = 0, generation

    def generation(self):
        return self._generation

    def facets(self, query, fields, *, size):
        self.calls += 1
        return {f: [("x", self.calls)] for f in fields}


def test_the_cache_keys_on_what_changes_the_counts():
    cache, index = FacetCache(entries=2), Counting(1)
    q = SearchQuery(text="trata", limit=10)
    assert cache.facets(index, q, ["district"], 9) == {"district": [("x", 1)]}
    assert cache.facets(index, q.model_copy(update={"offset": 10, "sort": "date", "snippets": False}),
                        ["district"], 9) == {"district": [("x", 1)]}  # the page does not change the counts
    cache.facets(index, q.model_copy(update={"district": "Puno"}), ["district"], 9)  # a filter does
    cache.facets(index, q, ["district"], 100)  # so do the size ...
    assert index.calls == 3
    cache.facets(index, q, ["crime"], 9)  # ... and the fields; two entries kept: the oldest went
    assert index.calls == 4 and len(cache._answers) == 2
    index._generation = 2  # the index changed
    assert cache.facets(index, q, ["crime"], 9) == {"crime": [("x", 5)]}


def test_a_backend_that_cannot_tell_its_generation_is_never_cached():
    cache, index = FacetCache(), Counting(None)
    for _ in range(3):
        cache.facets(index, SearchQuery(text="trata"), ["district"], 9)
    assert index.calls == 3 and not cache._answers
