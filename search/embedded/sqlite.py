"""The embedded backend: one SQLite file holds the records; a full-text engine finds them.

Layout (``SCHEMA_VERSION`` 2):

- ``documents``: one row per record: ``id`` (unique; ``docid`` is the integer key the
  engine points at, stable across VACUUM), ``sha256`` (unique), filter columns, the
  redacted record as JSON without its pages (``record``) and the redacted page texts
  (``pages``, a JSON list).
- ``document_terms(docid, field, key, spelling)``: the multi-valued keywords of a record
  (crime, article, judge_key, case_key, case_id, citation).
- ``spellings(field, key, spelling)``: how the keys of the district, court and judge facets
  were written, so that a facet shows "Madre de Dios" for ``madre de dios`` without reading
  the records (a spelling no longer used by any record may linger: display only).
- ``meta``: schema and analyzer versions, the engine, the engine's commit stamp.
- The engine (``search.embedded.engine``): ``tantivy`` (default, a folder ``<file>-tantivy``
  beside the file) or ``fts5`` (tables inside the file). Chosen when the index is created
  and remembered; see ``search/README.md`` for the measurements behind the default.

Privacy: the file and the engine hold redacted records only. With ``originals=True`` at
write time, the unredacted records of rulings that had something redacted go to a second
file, ``<file>-originals`` (mode 0600), attached to the connection; reads return them
only when the index is opened with ``originals=True``. See ``search/README.md``.

WAL journal, ``synchronous=NORMAL``: a crashed process loses nothing committed (a power
cut may lose the last transactions, never corrupt the file). ``secure_delete`` zeroes
replaced rows; ``optimize()`` also purges old tokens. Every write is one ``BEGIN
IMMEDIATE`` transaction; other processes wait up to ``BUSY_TIMEOUT`` seconds.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from schemas import IndexRecord, IndexUnavailable, QueryError, Reason

from search.base import Index, check_facet_fields, missing_index
from search.embedded.engine import Engine, EngineWriter, Plan
from search.embedded.originals import OriginalsFile
from search.embedded.prepared import Prepared
from search.embedded.store import load_record, with_pages
from search.fields import hit_of
from search.models import FACET_FIELDS, FACET_SIZE, FacetField, Facets, SearchQuery, SearchResults, encodable
from search.query.analysis import ANALYZER_VERSION
from search.query.filters import FACET_STORAGE, SPELLED, filters_of
from search.query.parser import HighlightTerms, highlight_terms, parse_query
from search.query.similar import similar_to
from search.query.snippets import snippet

log = logging.getLogger(__name__)

SCHEMA_VERSION = "2"
BUSY_TIMEOUT = 30.0
ENGINES = ("tantivy", "fts5")
_CHUNK = 500  # ids per IN (...) list
_STREAM_CHUNK = 200  # records written at a time by ``load``

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    docid             INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    sha256            TEXT NOT NULL UNIQUE,
    path              TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    doc_kind          TEXT NOT NULL,
    district          TEXT,
    district_key      TEXT,
    court             TEXT,
    court_key         TEXT,
    level             TEXT,
    year              INTEGER,
    resolution_date   TEXT,
    outcome           TEXT,
    procedural_code   TEXT NOT NULL,
    early_termination TEXT,
    protected         INTEGER NOT NULL,
    record            TEXT NOT NULL,
    pages             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_date ON documents (resolution_date DESC, id);
CREATE INDEX IF NOT EXISTS documents_by_district ON documents (district_key);
CREATE INDEX IF NOT EXISTS documents_by_court ON documents (court_key);
CREATE INDEX IF NOT EXISTS documents_by_year ON documents (year);
CREATE TABLE IF NOT EXISTS document_terms (
    docid    INTEGER NOT NULL REFERENCES documents (docid) ON DELETE CASCADE,
    field    TEXT NOT NULL,
    key      TEXT NOT NULL,
    spelling TEXT NOT NULL,
    PRIMARY KEY (docid, field, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_terms_by_key ON document_terms (field, key, docid);
CREATE TABLE IF NOT EXISTS spellings (
    field    TEXT NOT NULL,
    key      TEXT NOT NULL,
    spelling TEXT NOT NULL,
    PRIMARY KEY (field, key, spelling)
) WITHOUT ROWID;
"""

_COLUMNS = ("docid", "id", "sha256", "path", "extractor_version", "doc_kind", "district", "district_key", "court",
            "court_key", "level", "year", "resolution_date", "outcome", "procedural_code", "early_termination",
            "protected", "record", "pages")
_INSERT = f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"


def default_engine() -> str:
    try:
        import tantivy  # noqa: F401
    except ImportError:  # pragma: no cover - tantivy is a dependency; FTS5 needs nothing
        return "fts5"
    return "tantivy"


def _make_engine(name: str, path: Path) -> Engine:
    if name == "tantivy":
        from search.embedded.tantivy_engine import TantivyEngine

        return TantivyEngine(path)
    from search.embedded.fts5_engine import Fts5Engine

    return Fts5Engine()


def _unavailable(path: Path, what: str, exc: Exception) -> IndexUnavailable:
    return IndexUnavailable(f"{what}: {exc}", reason=Reason.INDEX, path=str(path))


def _row(p: Prepared) -> tuple[object, ...]:
    f = p.fields
    return (p.docid, p.id, p.sha256, p.path, p.extractor_version, f.doc_kind, f.district, f.district_key, f.court,
            f.court_key, f.level, f.year, f.resolution_date, f.outcome, f.procedural_code, f.early_termination,
            int(f.protected), p.record_json, p.pages_json)


def _spellings_of(p: Prepared) -> list[tuple[str, str, str]]:
    f = p.fields
    rows = [("judge_key", key, name) for key, name in zip(f.judge_keys, f.judges, strict=True) if key]
    for field, key, spelling in (("district", f.district_key, f.district), ("court", f.court_key, f.court)):
        if key and spelling:
            rows.append((field, key, spelling))
    return rows


def _chunks(values: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _marks(values: Sequence) -> str:
    return ", ".join("?" * len(values))


class SqliteIndex(Index):
    def __init__(self, path: str | Path, *, engine: str | None = None, originals: bool = False,
                 create: bool = True) -> None:
        if engine is not None and engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise missing_index(str(self.path))
        self.originals = originals
        self._originals = OriginalsFile(self.path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._writes = 0  # transactions this object committed (data_version counts only the others')
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise _unavailable(self.path, "no se pudo abrir el índice", exc) from exc
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                log.warning("%s: SQLite no admite WAL aquí (modo %s)", self.path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")  # replaced text is overwritten, not left in free pages
            self._conn = conn
            if not create and not self._current_meta():  # an SQLite file, but not an index
                raise missing_index(str(self.path))
            self._originals.attach(conn, create=originals)
            self.engine = _make_engine(self._prepare_schema(engine), self.path)
            self._open_engine()
        except (sqlite3.Error, IndexUnavailable, ValueError) as exc:
            conn.close()
            self._conn = None
            if isinstance(exc, IndexUnavailable):
                raise
            raise _unavailable(self.path, "el archivo no es un índice válido", exc) from exc

    # ------------------------------------------------------------------ plumbing

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise IndexUnavailable("el índice está cerrado", reason=Reason.INDEX, path=str(self.path))
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed whole or rolled back whole."""
        with self._lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _unavailable(self.path, "no se pudo escribir en el índice", exc) from exc
            try:
                yield conn
                conn.execute("COMMIT")
                self._writes += 1
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _unavailable(self.path, "no se pudo escribir en el índice", exc) from exc
                raise
            self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                conn = self.conn
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if version != self._data_version:  # another connection committed
                    self._data_version = version
                    self.engine.refresh()
                yield conn
            except sqlite3.Error as exc:
                raise _unavailable(self.path, "no se pudo leer el índice", exc) from exc

    def _current_meta(self) -> dict[str, str]:
        if not self.conn.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'meta'").fetchone():
            return {}
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    def _prepare_schema(self, engine: str | None) -> str:
        """Create the tables, refuse another schema or engine; returns the engine's name.
        An index that is already current is only read: opening it never waits for a writer."""
        meta = self._current_meta()
        if meta.get("schema_version") == SCHEMA_VERSION and meta.get("engine"):
            self._check_engine(meta["engine"], engine)
            return meta["engine"]
        with self._write() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('analyzer_version', ?)", (ANALYZER_VERSION,))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('engine', ?)", (engine or default_engine(),))
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            if meta["schema_version"] != SCHEMA_VERSION:
                raise IndexUnavailable(
                    f"el índice tiene el esquema {meta['schema_version']} y este programa usa el "
                    f"{SCHEMA_VERSION}: cree un índice nuevo y vuelva a ingerir los documentos",
                    reason=Reason.INDEX, path=str(self.path), retryable=False)
        self._check_engine(meta["engine"], engine)
        return meta["engine"]

    def _check_engine(self, stored: str, wanted: str | None) -> None:
        if stored not in ENGINES or (wanted is not None and wanted != stored):
            raise IndexUnavailable(
                f"el índice usa el motor {stored} y se pidió {wanted}: copie el índice a un archivo nuevo "
                f"con 'expediente reindex'", reason=Reason.INDEX, path=str(self.path), retryable=False)

    def _open_engine(self) -> None:
        """Open the engine; re-analyse after an analyzer change; rebuild an engine out of step."""
        in_step = getattr(self.engine, "in_step", lambda conn: True)
        self.engine.open(self.conn)
        if self._current_meta().get("analyzer_version") == ANALYZER_VERSION and in_step(self.conn):
            return
        # Under the write lock, and looked at again: several processes may open an index at once
        # (serve --workers), and only the first to get the lock rebuilds; the others find it done.
        with self._write() as conn:
            meta = self._current_meta()
            stale = meta.get("analyzer_version") != ANALYZER_VERSION
            self.engine.open(conn, repair=True)  # FTS5 creates its tables here, in the transaction
            if stale or not in_step(conn):
                if stale:
                    log.info("%s: re-analizando el texto (analizador %s → %s)", self.path,
                             meta.get("analyzer_version"), ANALYZER_VERSION)
                self.engine.rebuild(conn)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'analyzer_version'", (ANALYZER_VERSION,))
        self.engine.after_commit()

    # ------------------------------------------------------------------ writes

    def upsert(self, records: Sequence[IndexRecord]) -> None:
        latest = {r.id: r for r in records}  # the last of repeated ids wins
        if not latest:
            return
        # Redaction and analysis happen before the transaction, which only writes.
        self.upsert_prepared([Prepared.of(r, keep_original=self.originals) for r in latest.values()])

    def upsert_prepared(self, prepared: Sequence[Prepared]) -> None:
        """Write records that ``Prepared.of`` already redacted and analysed, possibly in
        worker processes (``search.embedded.bulk``; pass ``keep_original=self.originals``)."""
        latest = list({p.id: p for p in prepared}.values())
        if latest:
            self._apply(latest, ids=[p.id for p in latest], sha256s=[p.sha256 for p in latest])

    def delete(self, id: str) -> bool:
        return self._apply([], ids=[id], sha256s=[]) > 0

    def _apply(self, prepared: list[Prepared], *, ids: list[str], sha256s: list[str]) -> int:
        """Replace the records with these ids or sha256s by ``prepared``; returns how many
        records were removed. One transaction for the store and the engine."""
        engine_committed = False
        try:
            with self._write() as conn, self.engine.writer(conn) as writer:
                removed = self._replace(conn, writer, prepared, ids=ids, sha256s=sha256s)
                engine_committed = True
                writer.commit()
        except BaseException:
            if engine_committed:  # the engine may have committed what the store rolled back
                self._resync()
            raise
        self.engine.after_commit()
        return removed

    def load(self, prepared: Iterable[Prepared], *, commit_every: int = 5000,
             progress: Callable[[int], None] | None = None) -> int:
        """Stream prepared records in, as they arrive: the bulk-load path (``search.embedded.bulk``).
        Every ``commit_every`` records are one transaction, written as ``upsert_prepared``
        writes them (a record replaces the one with its id or sha256), so a failure loses
        only the transaction under way. Unlike ``upsert_prepared`` no batch waits in memory,
        and the engine's writer stays open from one transaction to the next (tantivy merges
        its segments meanwhile; other processes cannot write until the load ends, and other
        threads using this object wait for it).
        ``progress(n)`` after each commit; returns how many records were written."""
        if commit_every < 1:
            raise ValueError(f"commit_every must be at least 1, got {commit_every}")
        records = iter(prepared)
        written, pending = 0, 0
        engine_committed = False  # the engine committed what the store has not (yet)
        with self._lock:
            conn = self.conn
            chunk = list(islice(records, min(_STREAM_CHUNK, commit_every)))
            if not chunk:
                return 0
            try:
                conn.execute("BEGIN IMMEDIATE")  # the engine's writer is opened under the store's lock
                with self.engine.writer(conn) as writer:

                    def commit() -> None:
                        nonlocal written, pending, engine_committed
                        engine_committed = True
                        writer.commit()
                        conn.execute("COMMIT")
                        self._writes += 1
                        engine_committed, written, pending = False, written + pending, 0
                        if progress:
                            progress(written)

                    while chunk:
                        if not conn.in_transaction:
                            conn.execute("BEGIN IMMEDIATE")
                        latest = list({p.id: p for p in chunk}.values())
                        self._replace(conn, writer, latest, ids=[p.id for p in latest],
                                      sha256s=[p.sha256 for p in latest])
                        pending += len(latest)
                        if pending >= commit_every:
                            commit()
                        chunk = list(islice(records, min(_STREAM_CHUNK, commit_every - pending)))
                    if pending:
                        commit()
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if engine_committed:  # the writer is closed by now
                    self._resync()
                if isinstance(exc, sqlite3.Error):
                    raise _unavailable(self.path, "no se pudo escribir en el índice", exc) from exc
                raise
            finally:
                self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]
                self.engine.after_commit()
        return written

    def _replace(self, conn: sqlite3.Connection, writer: EngineWriter, prepared: list[Prepared], *,
                 ids: list[str], sha256s: list[str]) -> int:
        """Inside a write transaction: remove the records with these ids or sha256s, write
        ``prepared`` to the store and to ``writer``; returns how many records were removed."""
        old: dict[int, str] = {}
        for chunk in _chunks(ids):
            old.update(conn.execute(f"SELECT docid, id FROM documents WHERE id IN ({_marks(chunk)})", chunk))
        for chunk in _chunks(sha256s):
            old.update(conn.execute(f"SELECT docid, id FROM documents WHERE sha256 IN ({_marks(chunk)})", chunk))
        docids = sorted(old)
        for chunk in _chunks(docids):
            conn.execute(f"DELETE FROM documents WHERE docid IN ({_marks(chunk)})", chunk)  # terms cascade
        self._originals.forget(conn, [*old.values(), *ids])
        if prepared:
            first = conn.execute("SELECT coalesce(max(docid), 0) + 1 FROM documents").fetchone()[0]
            for docid, p in enumerate(prepared, start=max(first, (docids[-1] + 1) if docids else 0)):
                p.docid = docid
            conn.executemany(_INSERT, (_row(p) for p in prepared))
            conn.executemany("INSERT INTO document_terms (docid, field, key, spelling) VALUES (?, ?, ?, ?)",
                             ((p.docid, *kw) for p in prepared for kw in p.keywords()))
            conn.executemany("INSERT OR IGNORE INTO spellings (field, key, spelling) VALUES (?, ?, ?)",
                             {s for p in prepared for s in _spellings_of(p)})
            if self.originals:
                self._originals.keep(conn, [(p.id, p.original_json) for p in prepared if p.original_json])
        writer.delete(docids)
        writer.add(prepared)
        return len(old)

    def _resync(self) -> None:
        try:
            with self._write() as conn:
                self.engine.rebuild(conn)
            self.engine.after_commit()
        except Exception:  # noqa: BLE001 - reported; the next open rebuilds again
            log.exception("%s: no se pudo reconstruir el motor de búsqueda", self.path)

    # ------------------------------------------------------------------ reads

    def _originals_of(self, conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, IndexRecord]:
        """The originals of ``ids`` that exist, if this caller may see them."""
        return self._originals.read(conn, ids) if self.originals else {}

    def get(self, id: str) -> IndexRecord | None:
        if not encodable(id):  # no stored id has a byte that is not UTF-8
            return None
        with self._read() as conn:
            original = self._originals_of(conn, [id]).get(id)
            if original is not None:
                return original
            row = conn.execute("SELECT record, pages FROM documents WHERE id = ?", (id,)).fetchone()
        return load_record(*row) if row else None

    def generation(self) -> tuple[int, int]:
        """Changes with every committed write: this object's (counted) and any other
        connection's, from any process (SQLite's ``data_version``)."""
        with self._read() as conn:
            return conn.execute("PRAGMA data_version").fetchone()[0], self._writes

    def find_sha256(self, sha256: str) -> tuple[str, str] | None:
        with self._read() as conn:
            row = conn.execute("SELECT id, extractor_version FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def extractor_versions(self) -> dict[str, int]:
        with self._read() as conn:
            return dict(conn.execute("SELECT extractor_version, count(*) FROM documents GROUP BY extractor_version"))

    def iter_records(self) -> Iterator[IndexRecord]:
        """Every record in insertion order, read in short chunks (writers are not blocked)."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute("SELECT docid, id, record, pages FROM documents WHERE docid > ? "
                                    "ORDER BY docid LIMIT 200", (last,)).fetchall()
                originals = self._originals_of(conn, [r[1] for r in rows])
            if not rows:
                return
            for docid, id_, record, pages in rows:
                last = docid
                yield originals.get(id_) or load_record(record, pages)

    def iter_record_json(self) -> Iterator[str]:
        """``iter_records`` as JSON, without parsing: what ``expediente reindex`` sends to
        its bulk-load workers (parsing every record here and serialising it again cost the
        writing process ~0.15 ms a record)."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute("SELECT docid, id, record, pages FROM documents WHERE docid > ? "
                                    "ORDER BY docid LIMIT 200", (last,)).fetchall()
                originals = self._originals.read_json(conn, [r[1] for r in rows]) if self.originals else {}
            if not rows:
                return
            for docid, id_, record, pages in rows:
                last = docid
                yield originals.get(id_) or with_pages(record, pages)

    def _plan(self, query: SearchQuery) -> Plan:
        return Plan(parse_query(query.text), filters_of(query), query.ranked, query.limit, query.offset)

    def search(self, query: SearchQuery) -> SearchResults:
        plan = self._plan(query)
        return self._results(plan, highlight_terms(plan.node), snippets=query.snippets)

    def _results(self, plan: Plan, terms: HighlightTerms, *, snippets: bool = True) -> SearchResults:
        column = "pages" if snippets else "NULL"
        with self._read() as conn:
            total, scored = self.engine.search(conn, plan)
            docids = [d for d, _ in scored]
            rows = {}
            for chunk in _chunks(docids):
                rows.update((r[0], r[1:]) for r in conn.execute(
                    f"SELECT docid, id, record, {column} FROM documents WHERE docid IN ({_marks(chunk)})", chunk))
            originals = self._originals_of(conn, [r[0] for r in rows.values()])
        hits = []
        for docid, score in scored:
            if docid not in rows:  # deleted since the engine answered
                continue
            id_, record, pages = rows[docid]
            original = originals.get(id_)
            data = json.loads(record) if original is None else original.model_dump(mode="json")
            text, page = "", None
            if snippets:
                text, page = snippet(json.loads(pages) if original is None else original.pages, terms)
            hits.append(hit_of(data, score, text, page))
        return SearchResults(total=total, hits=hits)

    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS, *,
               size: int = FACET_SIZE) -> Facets:
        wanted = check_facet_fields(fields)
        if not wanted:
            return {}
        plan = self._plan(query)
        with self._read() as conn:
            raw = self.engine.facets(conn, plan, [FACET_STORAGE[f] for f in wanted], size)
            result: Facets = {}
            for field in wanted:
                pairs = raw[FACET_STORAGE[field]]
                if field in SPELLED:
                    spelling = self._spellings(conn, field, [k for k, _ in pairs])
                    pairs = [(spelling.get(k, k), n) for k, n in pairs]
                elif field == "protected":
                    pairs = [(bool(k), n) for k, n in pairs]
                elif field == "year":
                    pairs = [(int(k), n) for k, n in pairs]
                result[field] = sorted(pairs, key=lambda vc: (-vc[1], str(vc[0])))
        return result

    def _spellings(self, conn: sqlite3.Connection, field: str, keys: list) -> dict:
        """Key → its first spelling (alphabetically), for the keys of one facet."""
        out: dict = {}
        for chunk in _chunks(keys):
            out.update(conn.execute(f"SELECT key, min(spelling) FROM spellings WHERE field = ? "
                                    f"AND key IN ({_marks(chunk)}) GROUP BY key", [SPELLED[field], *chunk]))
        return out

    def iter_matching(self, query: SearchQuery, *, pages: bool = False) -> Iterator[IndexRecord]:
        plan = self._plan(query)
        with self._read() as conn:
            docids = self.engine.matching(conn, plan)
        column = "pages" if pages else "NULL"
        for chunk in _chunks(docids, 200):
            with self._read() as conn:
                rows = {r[0]: r[1:] for r in conn.execute(
                    f"SELECT docid, id, record, {column} FROM documents WHERE docid IN ({_marks(chunk)})", chunk)}
                originals = self._originals_of(conn, [r[0] for r in rows.values()])
            for docid in chunk:
                if docid in rows:
                    id_, record, page_json = rows[docid]
                    original = originals.get(id_)
                    if original is not None:
                        yield original if pages else original.model_copy(update={"pages": []})
                    else:
                        yield load_record(record, page_json)

    def more_like_this(self, id: str, query: SearchQuery | None = None) -> SearchResults:
        query = query or SearchQuery()
        with self._read() as conn:
            row = conn.execute("SELECT record, pages FROM documents WHERE id = ?", (id,)).fetchone()
            if row is None:
                raise QueryError(f"No hay ningún documento con id {id} en el índice.", reason=Reason.QUERY)
            similar = similar_to(load_record(*row), lambda terms: self.engine.doc_freqs(conn, list(terms)))
        plan = Plan(None, filters_of(query), True, query.limit, query.offset, similar=similar)
        return self._results(plan, HighlightTerms(stems=frozenset(similar.top_terms)), snippets=query.snippets)

    # ------------------------------------------------------------------ maintenance

    def optimize(self) -> None:
        """Merge the engine's segments and VACUUM the file: afterwards no trace of replaced
        or deleted text remains. Run it after re-ingesting documents to fix a redaction; it
        rewrites the whole file."""
        if self.engine.name == "fts5":
            with self._write() as conn:
                conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")
        else:
            with self._write() as conn:
                self.engine.rebuild(conn)  # a fresh tantivy index: no deleted documents left in segments
            self.engine.after_commit()
            self.engine.index.writer(heap_size=15_000_000, num_threads=1).garbage_collect_files()
        with self._read() as conn:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def size_on_disk(self) -> int:
        """Bytes of the index file, its WAL and the engine's folder (not the originals)."""
        files = [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")]
        folder = getattr(self.engine, "folder", None)
        if folder is not None and folder.exists():
            files += [p for p in folder.rglob("*") if p.is_file()]
        return sum(p.stat().st_size for p in files if p.exists())

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self.engine.close()
            self._conn.close()
            self._conn = None
