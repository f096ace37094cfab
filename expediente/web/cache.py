"""Facet counts kept between requests: the search page counts twelve facets over every
ruling its query matches (at 100,000 rulings about half of the page's cost), and the
same query comes back as a reader pages through it, sorts it or returns to it.

An answer is kept under the index's ``generation()`` (``search.Index``), which changes with
every write to the index from any process (an ingest, a deletion): a changed index is never
answered from the cache. A backend that cannot tell its generation is not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from search import Facets, Index, SearchQuery

ENTRIES = 512  # (query, fields, size) answers per index: a few hundred kB

# What facet counts do not depend on: the page, its order, the snippets.
_NOT_FACETS = {"limit", "offset", "sort", "snippets"}


class FacetCache:
    """A small LRU of ``Index.facets`` answers, safe across threads."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self.entries = entries
        self._answers: OrderedDict[tuple, Facets] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def facets(self, index: Index, query: SearchQuery, fields: Sequence[str], size: int) -> Facets:
        """``index.facets(query, fields, size=size)``, computed once per index generation."""
        generation = index.generation()
        if generation is None or self.entries <= 0:
            return index.facets(query, fields, size=size)  # type: ignore[arg-type]
        key = (generation, query.model_dump_json(exclude=_NOT_FACETS), tuple(fields), size)
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
                self.hits += 1
                return answer
            self.misses += 1
        answer = index.facets(query, fields, size=size)  # type: ignore[arg-type]
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.entries:
                self._answers.popitem(last=False)
        return answer
