"""What only the SQLite backend promises: a file, WAL, privacy at the byte level, recovery,
with either full-text engine."""

import sqlite3
import threading

import pytest

from schemas import IndexUnavailable
from search import SearchQuery, open_index
from search.embedded.sqlite import SqliteIndex

from tests.search.factory import make_record, victim

ENGINES = pytest.mark.parametrize("engine", ["tantivy", "fts5"])


def test_open_index_creates_parent_folders(tmp_path):
    path = tmp_path / "a" / "b" / "index.sqlite"
    with open_index(path) as idx:
        assert isinstance(idx, SqliteIndex)
    assert path.is_file()


def test_wal_and_synchronous_normal(tmp_path):
    with open_index(tmp_path / "i.sqlite") as idx:
        assert idx.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert idx.conn.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL


def test_persists_across_reopen(tmp_path):
    path = tmp_path / "i.sqlite"
    record = make_record("Trata de personas en Puerto Maldonado.", district="Madre de Dios")
    with open_index(path) as idx:
        idx.upsert([record])
    with open_index(str(path)) as idx:
        assert idx.count() == 1
        assert idx.get(record.id) == record
        assert idx.find_sha256(record.sha256) == (record.id, "test-1")
        assert [h.id for h in idx.search(SearchQuery(text="persona")).hits] == [record.id]


def test_committed_batches_survive_an_unclosed_index(tmp_path):
    # A killed process never calls close(): what upsert committed is on disk.
    path = tmp_path / "i.sqlite"
    idx = open_index(path)
    idx.upsert([make_record("uno"), make_record("dos")])
    other = sqlite3.connect(path)
    assert other.execute("SELECT count(*) FROM documents").fetchone() == (2,)
    other.close()
    idx.close()


def test_closed_index_says_so(tmp_path):
    idx = open_index(tmp_path / "i.sqlite")
    idx.close()
    idx.close()  # twice is harmless
    with pytest.raises(IndexUnavailable, match="cerrado"):
        idx.count()


def _all_bytes(folder) -> bytes:
    """The index file, its WAL, and every file of the tantivy folder."""
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@ENGINES
@pytest.mark.parametrize("close", [True, False])
def test_protected_name_never_reaches_the_file(tmp_path, close, engine):
    folder = tmp_path / "idx"
    record = make_record(
        ["VISTOS: el proceso contra Juan Pérez por trata de personas en agravio de Nancy Huamán\n"
         "Quispe (15). La agraviada Nan-\ncy HUAMAN QUISPE declaró que..."],
        parties=(victim("Nancy Huamán Quispe"),),
        redactions=(("Nancy Huamán Quispe", "N.H.Q."),),
    )
    idx = open_index(folder / "index.sqlite", engine=engine)
    idx.upsert([record])
    # every column of every table, as SQLite returns it
    conn = idx.conn
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")]
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                assert "huam" not in text.lower() and "nancy" not in text.lower(), (table, text)
    assert idx.search(SearchQuery(text="agravio")).total == 1
    assert idx.search(SearchQuery(text="Huamán")).total == 0
    if close:
        idx.close()
    raw = _all_bytes(folder)  # the database file, and the WAL when not yet checkpointed
    assert b"Juan P" in raw  # the defendant is public
    for needle in ("Nancy", "NANCY", "Huamán", "HUAMAN", "Huaman", "huaman", "Nan-\ncy"):
        assert needle.encode() not in raw
    if not close:
        idx.close()


def test_garbage_queries_never_raise_sqlite_errors(tmp_path):
    import random

    alphabet = list('"\'()*-:;^{}[]/\\%_+.,!?¿¡«»“”') + ["OR", "AND", "NOT", "NEAR", "NEAR/2", "trata", "de", " ", " "]
    rng = random.Random(7)
    with open_index(tmp_path / "i.sqlite") as idx:
        idx.upsert([make_record("trata de personas (NEAR) * OR ^")])
        for _ in range(2000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            try:
                idx.search(SearchQuery(text=text))
                idx.facets(SearchQuery(text=text), ["year"])
            except Exception as exc:  # only the user's error is allowed
                assert type(exc).__name__ == "QueryError", (text, exc)


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("esto no es una base de datos " * 100)
    with pytest.raises(IndexUnavailable, match="no es un índice válido"):
        open_index(path)


def test_other_schema_version_is_refused(tmp_path):
    path = tmp_path / "i.sqlite"
    open_index(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(IndexUnavailable, match="esquema 0"):
        open_index(path)


def test_index_of_another_analyzer_is_reanalysed_on_open(tmp_path):
    path = tmp_path / "i.sqlite"
    record = make_record("Acusación por minería ilegal.")
    with open_index(path, engine="fts5") as idx:
        idx.upsert([record])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'es-0' WHERE key = 'analyzer_version'")
    conn.execute("UPDATE documents_fts SET stem = 'viejo', exact = 'viejo'")
    conn.commit()
    conn.close()
    with open_index(path) as idx:
        assert idx.search(SearchQuery(text="mineria")).total == 1
        assert idx.search(SearchQuery(text="viejo")).total == 0
        assert idx.conn.execute("SELECT value FROM meta WHERE key = 'analyzer_version'").fetchone() == ("es-1",)


def _sql(path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("damage", [
    "UPDATE meta SET value = '0' WHERE key = 'tantivy_opstamp'",   # a crash between the two commits
    "DELETE FROM documents WHERE path LIKE '%'",                    # the store rolled back, tantivy did not
    "UPDATE meta SET value = 'es-0' WHERE key = 'analyzer_version'",
])
def test_tantivy_out_of_step_with_the_store_is_rebuilt_on_open(tmp_path, damage):
    path = tmp_path / "i.sqlite"
    records = [make_record("Acusación por minería ilegal."), make_record("Robo agravado en Juliaca.")]
    with open_index(path, engine="tantivy") as idx:
        idx.upsert(records)
    _sql(path, damage)
    with open_index(path) as idx:
        assert idx.engine.in_step(idx.conn)
        assert idx.search(SearchQuery(text="mineria OR robo")).total == idx.count()


def test_a_lost_tantivy_folder_is_rebuilt(tmp_path):
    import shutil

    path = tmp_path / "i.sqlite"
    with open_index(path) as idx:
        assert idx.engine.name == "tantivy"  # the default engine
        idx.upsert([make_record("Acusación por minería ilegal.")])
    shutil.rmtree(tmp_path / "i.sqlite-tantivy")
    with open_index(path) as idx:
        assert idx.search(SearchQuery(text="mineria")).total == 1


def test_an_index_keeps_its_engine(tmp_path):
    path = tmp_path / "i.sqlite"
    open_index(path, engine="fts5").close()
    with open_index(path) as idx:
        assert idx.engine.name == "fts5"
    with pytest.raises(IndexUnavailable, match="usa el motor fts5"):
        open_index(path, engine="tantivy")


@ENGINES
def test_writers_in_threads_and_connections(tmp_path, engine):
    # The ingest flow opens the index in several task threads at once.
    path = tmp_path / "i.sqlite"
    shared = open_index(path, engine=engine)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            own = open_index(path) if n % 2 else shared
            for k in range(5):
                own.upsert([make_record(f"documento {n} {k} {i}") for i in range(10)])
                own.search(SearchQuery(text="documento"))
            if own is not shared:
                own.close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert shared.count() == 200
    assert shared.search(SearchQuery(text="documento", limit=1)).total == 200
    shared.close()


@ENGINES
def test_a_failing_batch_writes_nothing(tmp_path, engine):
    with open_index(tmp_path / "i.sqlite", engine=engine) as idx:
        idx.upsert([make_record("antes")])
        with pytest.raises(AttributeError):
            idx.upsert([make_record("nuevo"), "no es un registro"])  # type: ignore[list-item]
        assert idx.count() == 1
        assert idx.search(SearchQuery(text="nuevo")).total == 0


@ENGINES
def test_a_fixed_redaction_leaves_no_trace_after_optimize(tmp_path, engine):
    # A first extraction missed the victim; re-ingesting with the redaction replaces the
    # record, and optimize() purges the old text and tokens from the file.
    folder = tmp_path / "idx"
    leaked = make_record("en agravio de Nancy Huamán Quispe", key="doc")
    fixed = make_record("en agravio de Nancy Huamán Quispe", key="doc",
                        redactions=(("Nancy Huamán Quispe", "N.H.Q."),))
    with open_index(folder / "index.sqlite", engine=engine) as idx:
        idx.upsert([leaked])
        idx.upsert([fixed])
        idx.optimize()
        assert idx.get(fixed.id).pages == ["en agravio de N.H.Q."]
    raw = _all_bytes(folder).lower()
    assert b"nancy" not in raw and b"huam" not in raw


def _with_an_older_layout(path, records) -> None:
    """An index of ``records`` whose tantivy folder has another layout (an older version's)."""
    import shutil

    import tantivy

    with open_index(path, engine="tantivy") as idx:
        idx.upsert(records)
    folder = path.parent / f"{path.name}-tantivy"
    shutil.rmtree(folder)
    folder.mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("otro")
    tantivy.Index(builder.build(), path=str(folder))


def test_a_tantivy_folder_of_another_schema_is_rebuilt(tmp_path):
    path = tmp_path / "i.sqlite"
    _with_an_older_layout(path, [make_record("Acusación por minería ilegal.")])
    with open_index(path) as idx:
        assert idx.search(SearchQuery(text='"minería ilegal"')).total == 1


def test_processes_opening_an_index_of_another_layout_at_once_rebuild_it_once(tmp_path):
    """serve --workers opens the index in every worker: the first to take the write lock
    rebuilds the engine, the others find it done (none deletes the folder under another)."""
    import subprocess
    import sys

    path = tmp_path / "i.sqlite"
    _with_an_older_layout(path, [make_record(f"Acusación por minería ilegal número {i}.", key=str(i))
                                 for i in range(300)])
    script = ("import logging, sys; logging.basicConfig(level=logging.INFO, stream=sys.stderr)\n"
              "from search import SearchQuery, open_index\n"
              f"with open_index({str(path)!r}) as idx:\n"
              "    print(idx.search(SearchQuery(text='minería')).total)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    assert [out.strip() for out, _ in results] == ["300"] * 3
    assert sum("se reconstruye" in err for _, err in results) == 1, [err for _, err in results]


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_generation_changes_with_every_write_from_any_connection(tmp_path, engine):
    path = tmp_path / "index.sqlite"
    with open_index(path, engine=engine) as reader, open_index(path) as writer:
        reader.upsert([make_record("primera", key="a")])
        seen = [reader.generation()]
        assert reader.generation() == seen[-1]  # reading changes nothing
        reader.search(SearchQuery(text="primera"))
        assert reader.generation() == seen[-1]
        reader.upsert([make_record("segunda", key="b")])  # a write of its own
        seen.append(reader.generation())
        writer.upsert([make_record("tercera", key="c")])  # another connection's (another process alike)
        seen.append(reader.generation())
        writer.delete(make_record("tercera", key="c").id)
        seen.append(reader.generation())
        assert len(set(seen)) == len(seen), seen
