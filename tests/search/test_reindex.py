"""Copying an index across backends: SQLite → SQLite (either engine) and → Elasticsearch."""

import pytest

from search import SearchQuery, open_index
from search.reindex import copy_index

from tests.search.conftest import drop_backend, open_backend
from tests.search.factory import make_record, victim
from tests.search.test_index import ALL

NAME = "Nancy Huamán Quispe"
PROTECTED = make_record("La agraviada Nancy Huamán Quispe declaró.", key="v", parties=(victim(NAME),))


@pytest.mark.parametrize("source_engine", ["tantivy", "fts5"])
@pytest.mark.parametrize("target", ["tantivy", "fts5", pytest.param("elastic", marks=pytest.mark.es)])
def test_copy_keeps_every_record_and_answers_alike(tmp_path, source_engine, target):
    with open_index(tmp_path / "source.sqlite", engine=source_engine) as source:
        source.upsert([*ALL, PROTECTED])
        copy = open_backend(target, tmp_path, name="target")
        try:
            seen = []
            assert copy_index(source, copy, batch=2, progress=seen.append) == 5
            assert seen[-1] == 5
            assert copy.count() == 5
            assert sorted(r.id for r in copy.iter_records()) == sorted(r.id for r in source.iter_records())
            for query in (SearchQuery(text='"trata de personas"'), SearchQuery(district="Madre de Dios"),
                          SearchQuery(text="juez:chambi"), SearchQuery(cites="Cas. 904-2019")):
                assert [h.id for h in copy.search(query).hits] == [h.id for h in source.search(query).hits]
            assert copy.facets(SearchQuery()) == source.facets(SearchQuery())
            assert "Nancy" not in copy.get(PROTECTED.id).model_dump_json()
        finally:
            drop_backend(copy)


def test_copy_again_replaces_records_with_the_same_id(tmp_path):
    with open_index(tmp_path / "a.sqlite") as source, open_index(tmp_path / "b.sqlite", engine="fts5") as target:
        source.upsert(ALL)
        copy_index(source, target)
        copy_index(source, target)
        assert target.count() == 4


def test_originals_travel_only_between_allowed_indexes(tmp_path):
    with open_index(tmp_path / "a.sqlite", originals=True) as source:
        source.upsert([PROTECTED])
        with open_index(tmp_path / "b.sqlite", originals=True) as allowed:
            copy_index(source, allowed)
            assert allowed.get(PROTECTED.id) == PROTECTED
        with open_index(tmp_path / "c.sqlite") as public:
            copy_index(source, public)
            assert "Nancy" not in public.get(PROTECTED.id).model_dump_json()
        assert not (tmp_path / "c.sqlite-originals").exists()
