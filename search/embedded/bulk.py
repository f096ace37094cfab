"""Bulk loading into the embedded index: every core prepares, one process writes.

``SqliteIndex.upsert`` redacts and analyses a batch, then writes it, on one core; on the
2-core machines we run on that is about 700 rulings a second over 100,000. Loading many
records at once (``expediente reindex`` into a SQLite file, a re-analysis, the search
benchmark) goes further with ``bulk_load``: worker processes turn *sources* into
``Prepared`` records (``make`` reads or parses a source into an ``IndexRecord``, then it is
redacted and analysed) while the parent streams them into the index as they arrive
(``SqliteIndex.load``: every ``batch`` records one transaction, written as
``upsert_prepared`` writes them). A ``Prepared`` is plain strings and numbers, so sending
it back costs the parent little (see ``search.embedded.prepared``).

Memory stays bounded: ``AHEAD`` records and ``2 × workers`` chunks at most are in flight,
never the whole stream (``Pool.imap`` would read every source ahead); that much keeps the
workers busy while the parent waits for a commit. A source that cannot be made into a
record is reported (``BulkResult.failed``, with the source and the reason) and the rest go
on; what was written before stays written.

``make`` and the sources must be picklable (a module-level function; paths, strings), as
the workers are started with ``spawn``: a fork of a process that holds an open SQLite
connection and tantivy threads is not safe.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from typing import TYPE_CHECKING, Generic, TypeVar

from schemas import IndexRecord

from search.embedded.prepared import Prepared

if TYPE_CHECKING:
    from search.embedded.sqlite import SqliteIndex

S = TypeVar("S")

BATCH = 5000  # records per transaction: fewer, larger tantivy segments to merge
CHUNK = 50  # sources per task sent to a worker
AHEAD = 3000  # records prepared ahead of the writer: the workers go on while it commits


@dataclass
class BulkResult(Generic[S]):
    loaded: int = 0
    failed: list[tuple[S, str]] = field(default_factory=list)  # (source, reason)


def _prepare_chunk(make: Callable[[S], IndexRecord], sources: list[S], keep_original: bool,
                   ) -> list[tuple[S, Prepared | str]]:
    """A worker's task: each source prepared, or the reason it could not be."""
    out: list[tuple[S, Prepared | str]] = []
    for source in sources:
        try:
            out.append((source, Prepared.of(make(source), keep_original=keep_original)))
        except Exception as exc:  # noqa: BLE001 - one bad source is reported, the load goes on
            out.append((source, f"{type(exc).__name__}: {exc}"))
    return out


def _chunks(sources: Iterable[S], size: int) -> Iterator[list[S]]:
    it = iter(sources)
    while chunk := list(islice(it, size)):
        yield chunk


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _prepared_in_process(make, sources, keep_original) -> Iterator[tuple[S, Prepared | str]]:
    for chunk in _chunks(sources, CHUNK):
        yield from _prepare_chunk(make, chunk, keep_original)


def _prepared_in_workers(make, sources, keep_original, workers: int) -> Iterator[tuple[S, Prepared | str]]:
    # A ProcessPoolExecutor, not a multiprocessing Pool: a worker that dies (killed for
    # memory, say) raises BrokenProcessPool here instead of leaving the load waiting forever.
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        pending: deque = deque()
        chunks = _chunks(sources, CHUNK)
        try:
            for chunk in islice(chunks, AHEAD // CHUNK + 2 * workers):
                pending.append(pool.submit(_prepare_chunk, make, chunk, keep_original))
            while pending:
                done = pending.popleft().result()
                chunk = next(chunks, None)
                if chunk is not None:  # keep the workers busy while the parent writes
                    pending.append(pool.submit(_prepare_chunk, make, chunk, keep_original))
                yield from done
        finally:
            for future in pending:  # stopped early (an error, or the caller): drop the rest
                future.cancel()


def bulk_load(index: SqliteIndex, sources: Iterable[S], make: Callable[[S], IndexRecord], *,
              workers: int | None = None, batch: int = BATCH,
              progress: Callable[[int], None] | None = None,
              on_record: Callable[[S, Prepared], None] | None = None) -> BulkResult[S]:
    """Insert or replace the records made from ``sources``; returns how many were loaded
    and which sources failed. ``workers`` (default: the cores this process may use) ≤ 1
    prepares in this process. ``progress(n)`` is called after each commit;
    ``on_record(source, prepared)`` sees every prepared record before it is written."""
    workers = default_workers() if workers is None else workers
    stream = (_prepared_in_workers(make, sources, index.originals, workers) if workers > 1
              else _prepared_in_process(make, sources, index.originals))
    result: BulkResult[S] = BulkResult()

    def ready() -> Iterator[Prepared]:
        for source, prepared in stream:
            if isinstance(prepared, str):
                result.failed.append((source, prepared))
                continue
            if on_record:
                on_record(source, prepared)
            yield prepared

    result.loaded = index.load(ready(), commit_every=batch, progress=progress)
    return result
