"""Bulk loading: worker processes prepare, the parent writes; same index as ``upsert`` builds."""

import pytest

from search import SearchQuery, open_index
from search.embedded.bulk import bulk_load

from tests.search.factory import make_record, victim

NAME = "Nancy Huamán Quispe"


def record_for(key: str):
    """A source → record function the spawned workers import by name."""
    if key.startswith("roto"):
        raise ValueError(f"el archivo {key} está dañado")
    if key == "protegido":
        return make_record(f"La agraviada {NAME} declaró sobre la captación.", key=key, parties=(victim(NAME),),
                           redactions=((NAME, "N.H.Q."),), crimes=("trata_de_personas",))
    return make_record(f"Sentencia {key}: robo agravado en Juliaca, reparación civil.", key=key,
                       district="Puno", crimes=("robo_agravado",))


SOURCES = [f"s{i:03d}" for i in range(120)] + ["roto-1", "protegido", "roto-2"]


@pytest.mark.parametrize(("workers", "engine"), [(1, "tantivy"), (2, "tantivy"), (2, "fts5")])
def test_bulk_load_writes_what_upsert_writes_and_reports_bad_sources(tmp_path, workers, engine):
    written: list[int] = []
    with open_index(tmp_path / "bulk.sqlite", engine=engine) as bulk:
        result = bulk_load(bulk, SOURCES, record_for, workers=workers, batch=50, progress=written.append)
        assert result.loaded == 121
        assert [(source, reason) for source, reason in result.failed] == [
            ("roto-1", "ValueError: el archivo roto-1 está dañado"),
            ("roto-2", "ValueError: el archivo roto-2 está dañado")]
        assert written == [50, 100, 121]  # one transaction per batch
        with open_index(tmp_path / "upsert.sqlite", engine=engine) as plain:
            plain.upsert([record_for(s) for s in SOURCES if not s.startswith("roto")])
            for query in (SearchQuery(text="robo juliaca", limit=200),
                          SearchQuery(text='"reparación civil"', limit=200),
                          SearchQuery(crime="trata_de_personas"), SearchQuery(text="s117")):
                # as sets: these rulings tie on score, and tantivy orders ties by where they sit
                assert {h.id for h in bulk.search(query).hits} == {h.id for h in plain.search(query).hits}
                assert bulk.search(query).total == plain.search(query).total > 0
            assert bulk.facets(SearchQuery()) == plain.facets(SearchQuery())
        assert NAME not in bulk.get(record_for("protegido").id).model_dump_json()


def test_bulk_load_keeps_originals_only_for_an_allowed_index(tmp_path):
    protected = record_for("protegido")
    with open_index(tmp_path / "allowed.sqlite", originals=True) as allowed:
        bulk_load(allowed, ["protegido", "s001"], record_for, workers=2)
        assert allowed.get(protected.id) == protected
    public_files = [f for f in tmp_path.rglob("*")
                    if f.is_file() and "allowed.sqlite" in str(f) and "originals" not in f.name]
    assert any("tantivy" in str(f) for f in public_files)  # the engine's files are read too
    assert all("Nancy".encode() not in f.read_bytes() for f in public_files)
    with open_index(tmp_path / "public.sqlite") as public:
        bulk_load(public, ["protegido"], record_for, workers=1)
        assert NAME not in public.get(protected.id).model_dump_json()
    assert not (tmp_path / "public.sqlite-originals").exists()


def test_bulk_load_replaces_records_with_the_same_id(tmp_path):
    with open_index(tmp_path / "index.sqlite") as index:
        bulk_load(index, SOURCES[:10], record_for, workers=1)
        bulk_load(index, SOURCES[5:15], record_for, workers=1)
        assert index.count() == 15
        assert index.search(SearchQuery(text="s003")).total == 1


def test_a_load_under_way_makes_other_writers_wait_with_a_clear_error(tmp_path):
    from schemas import IndexUnavailable

    path = tmp_path / "index.sqlite"
    with open_index(path) as loading, open_index(path) as other:
        def records():
            yield from (record_for(s) for s in SOURCES[:3])
            with pytest.raises(IndexUnavailable, match="otro proceso está escribiendo"):
                other.upsert([record_for("s100")])  # between two commits of the load
            yield from (record_for(s) for s in SOURCES[3:6])

        from search.embedded.prepared import Prepared

        assert loading.load((Prepared.of(r) for r in records()), commit_every=3) == 6
        other.upsert([record_for("s100")])  # the load is over: writing works again
        assert other.count() == 7


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_a_load_that_fails_keeps_what_it_committed(tmp_path, engine):
    from search.embedded.prepared import Prepared

    def records():
        for i, source in enumerate(SOURCES[:10]):
            if i == 7:
                raise RuntimeError("el disco se llenó")
            yield Prepared.of(record_for(source))

    path = tmp_path / "index.sqlite"
    with open_index(path, engine=engine) as index:
        with pytest.raises(RuntimeError, match="el disco se llenó"):
            index.load(records(), commit_every=3)
        assert index.count() == 6  # two transactions of three; the third rolled back
        assert index.search(SearchQuery(text="robo", limit=20)).total == 6
        index.upsert([record_for("s100")])  # the writer was released
        assert getattr(index.engine, "in_step", lambda conn: True)(index.conn)  # no rebuild needed
    with open_index(path) as reopened:
        assert reopened.count() == reopened.search(SearchQuery(text="robo", limit=20)).total == 7


@pytest.mark.parametrize("originals", [False, True])
def test_stored_json_is_the_record_iter_records_gives(tmp_path, originals):
    from schemas import IndexRecord

    with open_index(tmp_path / "index.sqlite", originals=originals) as index:
        index.upsert([record_for(s) for s in ("protegido", "s001", "s002")])
        as_json = [IndexRecord.model_validate_json(text) for text in index.iter_record_json()]
        assert as_json == list(index.iter_records())
        assert (NAME in as_json[0].model_dump_json()) == originals


def dies(key: str):
    """A worker that dies without a word, as one killed for memory would."""
    import os

    if key == "muere":
        os._exit(1)
    return record_for(key)


def test_a_worker_that_dies_stops_the_load_with_an_error_and_keeps_what_was_committed(tmp_path):
    from concurrent.futures.process import BrokenProcessPool

    from search.embedded.bulk import CHUNK

    with open_index(tmp_path / "index.sqlite") as index:
        sources = [*SOURCES[:CHUNK], "muere", *SOURCES[CHUNK:]]  # the second task kills its worker
        with pytest.raises(BrokenProcessPool):
            bulk_load(index, sources, dies, workers=2, batch=1)
        # The first task's records were written one transaction each, unless the pool broke
        # before its result came back: then nothing was written. Never a part of it.
        kept = {r.id for r in index.iter_records()}
        assert kept in (set(), {record_for(s).id for s in SOURCES[:CHUNK]})
        index.upsert([record_for("s100")])  # and the index takes writes again
