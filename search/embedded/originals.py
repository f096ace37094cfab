"""The originals file: unredacted records kept apart from the public index.

``<index file>-originals`` is a second SQLite file, created with mode 0600 and attached to
the index's connection, so that a write to the index and to its originals is one
transaction (with WAL, SQLite makes each file's part atomic; a crash between the two
files' commits can leave an original behind a record that was rolled back, never a name in
the public file). It holds, per record id, the record as it was before redaction, only
for records whose redaction changed something, and only when the writer was allowed to
keep originals. It is never analysed nor searched. See ``search/README.md`` for the risks.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from schemas import IndexRecord

_SCHEMA = "CREATE TABLE IF NOT EXISTS originals.records (id TEXT PRIMARY KEY, record TEXT NOT NULL)"
_CHUNK = 500


def _marks(values: Sequence) -> str:
    return ", ".join("?" * len(values))


class OriginalsFile:
    def __init__(self, index_path: Path) -> None:
        self.path = Path(str(index_path) + "-originals")
        self.attached = False

    def attach(self, conn: sqlite3.Connection, *, create: bool) -> None:
        """Attach the file when originals may be written (``create``), or when one exists
        (so that replacing or deleting a record also drops its original)."""
        if not (create or self.path.exists()):
            return
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))  # readable by the owner only
        conn.execute("ATTACH DATABASE ? AS originals", (str(self.path),))
        conn.execute(_SCHEMA)
        self.attached = True

    def forget(self, conn: sqlite3.Connection, ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(ids))
        if not self.attached:
            return
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            conn.execute(f"DELETE FROM originals.records WHERE id IN ({_marks(chunk)})", chunk)

    def keep(self, conn: sqlite3.Connection, records: Iterable[tuple[str, str]]) -> None:
        """Store ``(id, record as JSON)`` pairs."""
        conn.executemany("INSERT OR REPLACE INTO originals.records (id, record) VALUES (?, ?)", records)

    def read(self, conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, IndexRecord]:
        return {id_: IndexRecord.model_validate_json(text) for id_, text in self.read_json(conn, ids).items()}

    def read_json(self, conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
        """The originals of ``ids`` that exist, as the JSON they were stored as."""
        ids = list(dict.fromkeys(ids))
        if not (self.attached and ids):
            return {}
        out = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            out.update(conn.execute(f"SELECT id, record FROM originals.records WHERE id IN ({_marks(chunk)})", chunk))
        return out
