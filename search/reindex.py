"""Copy an index into another, across backends (SQLite ↔ Elasticsearch, SQLite → SQLite).

Records travel as they are read: redacted, unless the source was opened with originals
allowed, in which case the target stores them the way it stores any write (redacted in its
public index, originals kept only if the target allows them too). An Elasticsearch target is
rebuilt in a new versioned index and its alias swapped at the end (searches go on
meanwhile); a SQLite target is bulk-loaded (``search.embedded.bulk``: records with the same id are
replaced, others kept), in worker processes when there are at least ``WORKERS_FROM``
records to copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from schemas import IndexRecord

from search.base import Index

BATCH = 500
WORKERS_FROM = 5000  # fewer records are copied in this process: starting workers costs ~1 s


def record_from_json(text: str) -> IndexRecord:
    """A record sent to a bulk-load worker as JSON (cheaper to send than the model)."""
    return IndexRecord.model_validate_json(text)


def copy_index(source: Index, target: Index, *, batch: int | None = None,
               progress: Callable[[int], None] | None = None) -> int:
    """Copy every record of ``source`` into ``target``; returns how many were copied.
    ``batch``: records per write (default ``BATCH``, or ``search.embedded.bulk.BATCH`` into SQLite)."""
    copied = 0

    def counted(records: Iterable[IndexRecord]) -> Iterator[IndexRecord]:
        nonlocal copied
        for record in records:
            copied += 1
            if progress and copied % (batch or BATCH) == 0:
                progress(copied)
            yield record

    rebuild = getattr(target, "rebuild", None)
    if callable(rebuild):  # Elasticsearch: a new version, then the alias swap
        rebuild(counted(source.iter_records()))
    elif hasattr(target, "upsert_prepared"):  # SQLite
        from search.embedded.bulk import BATCH as BULK_BATCH
        from search.embedded.bulk import bulk_load

        workers = None if source.count() >= WORKERS_FROM else 1
        as_json = getattr(source, "iter_record_json", None)  # SQLite: the stored JSON, unparsed
        texts = as_json() if as_json else (r.model_dump_json() for r in source.iter_records())
        result = bulk_load(target, texts, record_from_json,
                           workers=workers, batch=batch or BULK_BATCH, progress=progress)
        if result.failed:  # records that an index held are valid records: this is a bug
            raise RuntimeError(f"{len(result.failed)} registros no se copiaron: {result.failed[0][1]}")
        return result.loaded
    else:
        batch = batch or BATCH
        pending: list[IndexRecord] = []
        for record in counted(source.iter_records()):
            pending.append(record)
            if len(pending) >= batch:
                target.upsert(pending)
                pending = []
        target.upsert(pending)
    if progress:
        progress(copied)
    return copied
