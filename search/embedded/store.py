"""Reading records back from the SQLite record store (table ``documents``, see
``search.embedded.sqlite``): the index reads them for its answers, and both full-text
engines read them all when they rebuild themselves.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from schemas import IndexRecord

from search.embedded.prepared import Prepared


def load_record(record: str, pages: str | None) -> IndexRecord:
    """The record of a ``documents`` row from its ``record`` and ``pages`` JSON columns."""
    data = json.loads(record)
    data["pages"] = json.loads(pages) if pages is not None else []
    return IndexRecord.model_validate(data)


def with_pages(record: str, pages: str) -> str:
    """The stored record JSON (``model_dump_json`` without ``pages``: an object with an
    ``id`` at least) with its pages put back, without parsing either."""
    return f'{record[:-1]},"pages":{pages}}}'


def stored_records(conn: sqlite3.Connection) -> Iterator[tuple[int, IndexRecord]]:
    """Every stored (redacted) record with its docid, through a lazy cursor."""
    for docid, record, pages in conn.execute("SELECT docid, record, pages FROM documents ORDER BY docid"):
        yield docid, load_record(record, pages)


def stored_prepared(conn: sqlite3.Connection) -> Iterator[Prepared]:
    """Every stored record analysed again, under its docid: what an engine re-indexes."""
    for docid, record in stored_records(conn):
        prepared = Prepared.analysed(record)
        prepared.docid = docid
        yield prepared
