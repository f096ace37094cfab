"""The embedded backend: one SQLite file, FTS5 over pre-analysed Spanish tokens.

Layout (``SCHEMA_VERSION`` 1):

- ``documents``: one row per record: ``id`` (unique; ``docid`` is the integer key that
  FTS rows point at, stable across VACUUM), ``sha256`` (unique), filter columns, the
  redacted record as JSON without its pages (``record``) and the redacted page texts
  (``pages``, a JSON list).
- ``document_crimes(docid, crime)``: one row per crime key of a record.
- ``documents_fts``: FTS5, two columns of space-separated tokens from
  ``search.analysis``: ``stem`` (stemmed, no stop words: plain words) and ``exact``
  (folded, unstemmed, all words: quoted phrases, identifiers, prefixes). The tokenizer is
  ``unicode61 remove_diacritics 0`` so ``ñ`` survives; the tokens are already folded.
- ``meta``: schema and analyzer versions. An index analysed by another analyzer version is
  re-analysed from its stored pages when opened.

WAL journal, ``synchronous=NORMAL``: a crashed process loses nothing committed (a power
cut may lose the last transactions, never corrupt the file). ``secure_delete`` zeroes
replaced rows; ``optimize()`` also purges old tokens from the FTS segments. Every write is one
``BEGIN IMMEDIATE`` transaction; other processes wait up to ``BUSY_TIMEOUT`` seconds.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schemas import IndexRecord, IndexUnavailable, Reason

from search.analysis import ANALYZER_VERSION, analyse, normalize_key
from search.base import Index, check_facet_fields
from search.fields import Fields, fields_of, metadata_text
from search.models import FACET_FIELDS, FacetField, Facets, Hit, SearchQuery, SearchResults
from search.privacy import redact_record
from search.query import Node, highlight_terms, parse_query, proximity_phrase, to_fts
from search.snippets import snippet

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
BUSY_TIMEOUT = 30.0
BM25_WEIGHTS = (1.0, 1.0)  # stem, exact
PHRASE_BONUS = 100.0  # added to the score of documents where the query's words are adjacent

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
    year              INTEGER,
    resolution_date   TEXT,
    outcome           TEXT,
    procedural_code   TEXT NOT NULL,
    court             TEXT,
    record            TEXT NOT NULL,
    pages             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_date ON documents (resolution_date DESC, id);
CREATE INDEX IF NOT EXISTS documents_by_district ON documents (district_key);
CREATE INDEX IF NOT EXISTS documents_by_year ON documents (year);
CREATE TABLE IF NOT EXISTS document_crimes (
    docid INTEGER NOT NULL REFERENCES documents (docid) ON DELETE CASCADE,
    crime TEXT NOT NULL,
    PRIMARY KEY (docid, crime)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_crimes_by_crime ON document_crimes (crime, docid);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5 (
    stem, exact, tokenize = 'unicode61 remove_diacritics 0'
);
"""

_COLUMNS = ("docid", "id", "sha256", "path", "extractor_version", "doc_kind", "district", "district_key",
            "year", "resolution_date", "outcome", "procedural_code", "court", "record", "pages")
_INSERT = f"INSERT INTO documents ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
# Facet field -> SQL expression over ``documents d`` (crime has its own table).
_FACET_SQL = {
    "district": "SELECT min(d.district), count(*) FROM documents d JOIN matching USING (docid)"
                " WHERE d.district_key IS NOT NULL GROUP BY d.district_key",
    "crime": "SELECT c.crime, count(*) FROM document_crimes c JOIN matching USING (docid) GROUP BY c.crime",
    **{f: f"SELECT d.{f}, count(*) FROM documents d JOIN matching USING (docid)"
          f" WHERE d.{f} IS NOT NULL GROUP BY d.{f}" for f in ("doc_kind", "outcome", "year", "procedural_code")},
}


def _analysed(text: str) -> tuple[str, str]:
    stems, exact = analyse(text)
    return " ".join(stems), " ".join(exact)


def _fts_text(record: IndexRecord) -> str:
    return "\n".join([*record.pages, metadata_text(record)])


def _unavailable(path: Path, what: str, exc: Exception) -> IndexUnavailable:
    return IndexUnavailable(f"{what}: {exc}", reason=Reason.INDEX, path=str(path))


class SqliteIndex(Index):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
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
            self._prepare_schema()
        except (sqlite3.Error, IndexUnavailable) as exc:
            conn.close()
            self._conn = None
            if isinstance(exc, IndexUnavailable):
                raise
            raise _unavailable(self.path, "el archivo no es un índice SQLite válido", exc) from exc

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
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _unavailable(self.path, "no se pudo escribir en el índice", exc) from exc
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self.conn
            except sqlite3.Error as exc:
                raise _unavailable(self.path, "no se pudo leer el índice", exc) from exc

    def _current_meta(self) -> dict[str, str]:
        with self._read() as conn:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                return {}
            return dict(conn.execute("SELECT key, value FROM meta"))

    def _prepare_schema(self) -> None:
        """Create the tables, refuse another schema, re-analyse after an analyzer change.
        An index that is already current is only read: opening it never waits for a writer."""
        if self._current_meta() == {"schema_version": SCHEMA_VERSION, "analyzer_version": ANALYZER_VERSION}:
            return
        with self._write() as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('analyzer_version', ?)", (ANALYZER_VERSION,))
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            if meta["schema_version"] != SCHEMA_VERSION:
                raise IndexUnavailable(
                    f"el índice tiene el esquema {meta['schema_version']} y este programa usa el "
                    f"{SCHEMA_VERSION}: cree un índice nuevo y vuelva a ingerir los documentos",
                    reason=Reason.INDEX, path=str(self.path), retryable=False)
            if meta["analyzer_version"] != ANALYZER_VERSION:
                log.info("%s: re-analizando el texto (analizador %s → %s)", self.path,
                         meta["analyzer_version"], ANALYZER_VERSION)
                _reanalyse(conn)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'analyzer_version'", (ANALYZER_VERSION,))

    # ------------------------------------------------------------------ writes

    def upsert(self, records: Sequence[IndexRecord]) -> None:
        latest = {r.id: r for r in records}  # the last of repeated ids wins
        if not latest:
            return
        # Redaction and analysis happen before the transaction, which only writes.
        prepared = [_Prepared.of(redact_record(r)) for r in latest.values()]
        keys = [(p.record.id, p.record.sha256) for p in prepared]
        with self._write() as conn:
            conn.executemany("DELETE FROM documents_fts WHERE rowid IN "
                             "(SELECT docid FROM documents WHERE id = ? OR sha256 = ?)", keys)
            conn.executemany("DELETE FROM documents WHERE id = ? OR sha256 = ?", keys)  # crimes cascade
            first = conn.execute("SELECT coalesce(max(docid), 0) + 1 FROM documents").fetchone()[0]
            for docid, p in enumerate(prepared, start=first):
                p.docid = docid
            conn.executemany(_INSERT, (p.row() for p in prepared))
            conn.executemany("INSERT INTO document_crimes (docid, crime) VALUES (?, ?)",
                             ((p.docid, crime) for p in prepared for crime in p.fields.crimes))
            conn.executemany("INSERT INTO documents_fts (rowid, stem, exact) VALUES (?, ?, ?)",
                             ((p.docid, *p.fts) for p in prepared))

    def delete(self, id: str) -> bool:
        with self._write() as conn:
            conn.execute("DELETE FROM documents_fts WHERE rowid IN (SELECT docid FROM documents WHERE id = ?)", (id,))
            return conn.execute("DELETE FROM documents WHERE id = ?", (id,)).rowcount > 0

    # ------------------------------------------------------------------ reads

    def get(self, id: str) -> IndexRecord | None:
        with self._read() as conn:
            row = conn.execute("SELECT record, pages FROM documents WHERE id = ?", (id,)).fetchone()
        return _load(*row) if row else None

    def find_sha256(self, sha256: str) -> tuple[str, str] | None:
        with self._read() as conn:
            row = conn.execute("SELECT id, extractor_version FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def count(self) -> int:
        with self._read() as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def iter_records(self) -> Iterator[IndexRecord]:
        """Every record in insertion order, read in short chunks (writers are not blocked)."""
        last = 0
        while True:
            with self._read() as conn:
                rows = conn.execute("SELECT docid, record, pages FROM documents WHERE docid > ? "
                                    "ORDER BY docid LIMIT 200", (last,)).fetchall()
            if not rows:
                return
            for docid, record, pages in rows:
                last = docid
                yield _load(record, pages)

    def _matching(self, query: SearchQuery, node: Node | None) -> tuple[str, list[object], bool]:
        """``FROM ... WHERE ...`` selecting ``d`` (joined to ``documents_fts`` when the
        query has text to rank by), its parameters, and whether bm25 is available."""
        where, params = _filters(query)
        if node is None:
            return "FROM documents d" + _where(where), params, False
        fts = to_fts(node)
        if fts.negated:
            where.insert(0, "d.docid NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            return "FROM documents d" + _where(where), [fts.match, *params], False
        where.insert(0, "documents_fts MATCH ?")
        # CROSS JOIN keeps FTS5 as the outer loop: otherwise SQLite may scan documents by a
        # filter index and run the MATCH once per row (50x slower on a common district).
        return ("FROM documents_fts CROSS JOIN documents d ON d.docid = documents_fts.rowid" + _where(where),
                [fts.match, *params], True)

    def search(self, query: SearchQuery) -> SearchResults:
        node = parse_query(query.text)
        source, params, ranked = self._matching(query, node)
        score, score_params = "0.0", []
        if ranked:
            score = f"-bm25(documents_fts, {BM25_WEIGHTS[0]}, {BM25_WEIGHTS[1]})"
            phrase = proximity_phrase(node)
            if phrase:  # words side by side outrank the same words scattered
                score += (f" + CASE WHEN d.docid IN (SELECT rowid FROM documents_fts WHERE documents_fts"
                          f" MATCH ?) THEN {PHRASE_BONUS} ELSE 0 END")
                score_params.append(phrase)
        by_date = "d.resolution_date IS NULL, d.resolution_date DESC, d.id"
        order = f"score DESC, {by_date}" if ranked and query.sort == "relevance" else by_date
        with self._read() as conn:
            total = conn.execute(f"SELECT count(*) {source}", params).fetchone()[0]
            rows = conn.execute(
                f"SELECT d.id, {score} AS score, d.path, d.doc_kind, d.court, d.district, d.resolution_date,"
                f" d.outcome, d.record, d.pages {source} ORDER BY {order} LIMIT ? OFFSET ?",
                [*score_params, *params, query.limit, query.offset],
            ).fetchall()
        terms = highlight_terms(node)
        hits = []
        for id_, score_, path, doc_kind, court, district, resolution_date, outcome, record, pages in rows:
            ruling = json.loads(record)["ruling"]
            text, page = snippet(json.loads(pages), terms)
            hits.append(Hit(
                id=id_, score=score_, path=path, doc_kind=doc_kind, court=court, district=district,
                resolution_date=date.fromisoformat(resolution_date) if resolution_date else None,
                case_numbers=list(dict.fromkeys(c["normalized"] for c in ruling["case_numbers"])),
                crimes=list(dict.fromkeys(c["crime"] for c in ruling["charges"] if c["crime"])),
                outcome=outcome, snippet=text, snippet_page=page,
            ))
        return SearchResults(total=total, hits=hits)

    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS) -> Facets:
        wanted = check_facet_fields(fields)
        if not wanted:
            return {}
        source, params, _ = self._matching(query, parse_query(query.text))
        result: Facets = {f: [] for f in wanted}
        sql = (f"WITH matching(docid) AS MATERIALIZED (SELECT d.docid {source}) "
               + " UNION ALL ".join(f"SELECT '{f}', * FROM ({_FACET_SQL[f]})" for f in wanted))
        with self._read() as conn:
            rows = conn.execute(sql, params).fetchall()
        for field, value, n in rows:
            result[field].append((value, n))
        for field in result:
            result[field].sort(key=lambda vc: (-vc[1], str(vc[0])))
        return result

    def optimize(self) -> None:
        """Merge the FTS segments and VACUUM the file: afterwards no trace of replaced or
        deleted text remains (FTS5 keeps old tokens in its segments until they merge). Run
        it after re-ingesting documents to fix a redaction; it rewrites the whole file."""
        with self._write() as conn:
            conn.execute("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')")
        with self._read() as conn:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None


@dataclass
class _Prepared:
    """A redacted record with its filter fields and FTS columns, ready to write."""

    record: IndexRecord
    fields: Fields
    fts: tuple[str, str]
    docid: int = 0

    @classmethod
    def of(cls, record: IndexRecord) -> _Prepared:
        return cls(record, fields_of(record), _analysed(_fts_text(record)))

    def row(self) -> tuple[object, ...]:
        r, f = self.record, self.fields
        return (self.docid, r.id, r.sha256, r.path, r.extractor_version, f.doc_kind, f.district, f.district_key,
                f.year, f.resolution_date, f.outcome, f.procedural_code, f.court,
                r.model_dump_json(exclude={"pages"}), json.dumps(r.pages, ensure_ascii=False))


def _reanalyse(conn: sqlite3.Connection) -> None:
    """Rebuild the FTS table from the stored (redacted) pages, one document at a time."""
    conn.execute("DELETE FROM documents_fts")
    rows = conn.execute("SELECT docid, record, pages FROM documents")  # a lazy cursor
    conn.executemany(
        "INSERT INTO documents_fts (rowid, stem, exact) VALUES (?, ?, ?)",
        ((docid, *_analysed(_fts_text(_load(record, pages)))) for docid, record, pages in rows),
    )


def _load(record: str, pages: str) -> IndexRecord:
    data = json.loads(record)
    data["pages"] = json.loads(pages)
    return IndexRecord.model_validate(data)


def _filters(query: SearchQuery) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.district:
        where.append("d.district_key = ?")
        params.append(normalize_key(query.district))
    if query.crime:
        where.append("d.docid IN (SELECT docid FROM document_crimes WHERE crime = ?)")
        params.append(query.crime)
    for column in ("year", "doc_kind", "outcome", "procedural_code"):
        value = getattr(query, column)
        if value is not None:
            where.append(f"d.{column} = ?")
            params.append(value.value if hasattr(value, "value") else value)
    return where, params


def _where(conditions: list[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""
