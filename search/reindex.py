"""Copy an index into another, across backends (SQLite ↔ Elasticsearch, SQLite → SQLite).

Records travel as they are read: redacted, unless the source was opened with originals
allowed, in which case the target stores them the way it stores any write (redacted in its
public index, originals kept only if the target allows them too). An Elasticsearch target is
rebuilt in a new versioned index and its alias swapped at the end (searches go on
meanwhile); a SQLite target receives upserts in batches (records with the same id are
replaced, others kept).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from schemas import IndexRecord

from search.base import Index

BATCH = 500


def copy_index(source: Index, target: Index, *, batch: int = BATCH,
               progress: Callable[[int], None] | None = None) -> int:
    """Copy every record of ``source`` into ``target``; returns how many were copied."""
    copied = 0

    def counted(records: Iterable[IndexRecord]) -> Iterator[IndexRecord]:
        nonlocal copied
        for record in records:
            copied += 1
            if progress and copied % batch == 0:
                progress(copied)
            yield record

    rebuild = getattr(target, "rebuild", None)
    if callable(rebuild):  # Elasticsearch: a new version, then the alias swap
        rebuild(counted(source.iter_records()))
    else:
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
