"""The full-text engine behind the embedded index: FTS5 inside the SQLite file, or tantivy
in a folder beside it. The SQLite file is the record store and the source of truth either
way; an engine only answers "which documents, in what order, how many of each facet".
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from search.embedded.prepared import Prepared
from search.query.filters import Filters
from search.query.parser import Node
from search.query.similar import Similar


@dataclass(frozen=True)
class Plan:
    """What to find: parsed text (None: everything), filters, order, page; or more like ``similar``."""

    node: Node | None
    filters: Filters
    ranked: bool
    limit: int = 10
    offset: int = 0
    similar: Similar | None = None


class EngineWriter(ABC):
    """The engine's side of store write transactions: deletes and adds in the order given,
    made durable by ``commit`` (called inside the store's transaction, just before it
    commits). A bulk load keeps one writer over several transactions; ``close`` ends it.
    As a context manager: rolled back if the block raises, closed either way."""

    def __enter__(self) -> EngineWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        try:
            if kind is not None:
                self.rollback()
        finally:
            self.close()

    @abstractmethod
    def delete(self, docids: Iterable[int]) -> None: ...

    @abstractmethod
    def add(self, prepared: Iterable[Prepared]) -> None: ...

    def commit(self) -> None:
        """Make the writes durable (an engine inside the SQLite file has nothing to do)."""

    def rollback(self) -> None:
        """Drop what was not committed (the store rolls back too)."""

    def close(self) -> None:
        """No more writes: release what the writer holds."""


class Engine(ABC):
    name: str

    @abstractmethod
    def open(self, conn: sqlite3.Connection, *, repair: bool = False) -> None:
        """Create what is missing. ``repair`` (only inside the store's write transaction, so one
        process at a time): an engine that cannot be read in this version is started again
        empty, to be rebuilt from the store; without it such an engine is left unopened and
        ``in_step`` says so."""

    @abstractmethod
    def writer(self, conn: sqlite3.Connection) -> EngineWriter:
        """Inside the store's write transaction: a writer for it (one at a time)."""

    def after_commit(self) -> None:
        """The store committed: make the write visible."""

    @abstractmethod
    def rebuild(self, conn: sqlite3.Connection) -> None:
        """Index every stored record again (after an analyzer change)."""

    def refresh(self) -> None:
        """Another connection committed: see its writes."""

    @abstractmethod
    def search(self, conn: sqlite3.Connection, plan: Plan) -> tuple[int, list[tuple[int, float]]]:
        """``(total, [(docid, score), ...])`` of one page; score 0 unless ``plan.ranked``."""

    @abstractmethod
    def matching(self, conn: sqlite3.Connection, plan: Plan) -> list[int]:
        """Every matching docid, in result order (ignores limit and offset)."""

    @abstractmethod
    def facets(self, conn: sqlite3.Connection, plan: Plan, fields: Sequence[str],
               size: int) -> dict[str, list[tuple[object, int]]]:
        """Stored field → ``[(key, count)]`` over the matching set, most frequent first."""

    @abstractmethod
    def doc_freqs(self, conn: sqlite3.Connection, stems: Iterable[str]) -> tuple[int, dict[str, int]]:
        """``(documents, {stem: documents with it})`` for more-like-this."""

    def close(self) -> None:
        pass
