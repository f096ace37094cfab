"""Answers kept between requests until the index changes: facet counts and the ruling
page's precedent panel.

The search page counts twelve facets over every ruling its query matches (at 100,000
rulings about half of the page's cost), and the same query comes back as a reader pages
through it, sorts it or returns to it. The ruling page's panel (more like this, the rulings
citing it, the ones it cites) is the same for every reader of a ruling, and more like this
is most of the page's cost.

An answer is kept under the index's ``generation()`` (``search.Index``), which changes with
every write to the index from any process (an ingest, a deletion): a changed index is never
answered from the cache. A backend that cannot tell its generation is not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from search import Facets, Index, SearchQuery

ENTRIES = 512  # answers per index: a few hundred kB of facets, a few MB of precedent panels

# What facet counts do not depend on: the page, its order, the snippets.
_NOT_FACETS = {"limit", "offset", "sort", "snippets"}

T = TypeVar("T")


class AnswerCache:
    """A small LRU of answers computed from one index, safe across threads."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self.entries = entries
        self._answers: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, index: Index, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per ``key`` and index generation."""
        generation = index.generation()
        if generation is None or self.entries <= 0:
            return compute()
        full = (generation, key)
        with self._lock:
            if full in self._answers:
                self._answers.move_to_end(full)
                self.hits += 1
                return self._answers[full]  # type: ignore[return-value]
            self.misses += 1
        answer = compute()
        with self._lock:
            self._answers[full] = answer
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)
        return answer


class FacetCache(AnswerCache):
    def facets(self, index: Index, query: SearchQuery, fields: Sequence[str], size: int) -> Facets:
        """``index.facets(query, fields, size=size)``, computed once per index generation."""
        key = (query.model_dump_json(exclude=_NOT_FACETS), tuple(fields), size)
        return self.answer(index, key, lambda: index.facets(query, fields, size=size))  # type: ignore[arg-type]
