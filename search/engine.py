"""The full-text engine behind the embedded index: FTS5 inside the SQLite file, or tantivy
in a folder beside it. The SQLite file is the record store and the source of truth either
way; an engine only answers "which documents, in what order, how many of each facet".
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from search.filters import Filters
from search.prepared import Prepared
from search.query import Node
from search.similar import Similar


@dataclass(frozen=True)
class Plan:
    """What to find: parsed text (None: everything), filters, order, page; or more like ``similar``."""

    node: Node | None
    filters: Filters
    ranked: bool
    limit: int = 10
    offset: int = 0
    similar: Similar | None = None


class Engine(ABC):
    name: str

    @abstractmethod
    def open(self, conn: sqlite3.Connection) -> None:
        """Create what is missing; bring the engine back in step with the store if it is not."""

    @abstractmethod
    def write(self, conn: sqlite3.Connection, deleted: Sequence[int], added: Sequence[Prepared]) -> None:
        """Inside the store's write transaction: forget ``deleted`` docids, index ``added``."""

    def after_commit(self) -> None:
        """The store committed: make the write visible."""

    def repair(self, conn: sqlite3.Connection, docids: Iterable[int]) -> None:
        """The store rolled back after ``write`` made changes that cannot be undone:
        re-index ``docids`` from what the store holds."""

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
