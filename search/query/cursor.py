"""Cursor pagination over any ``Index``, through its public ``search`` only: deep, and
stable in date order.

Date order (no text, or ``sort="date"``): every backend lists dated rulings newest first,
equal dates by id, undated ones last. A cursor names the last date returned and how many
rulings of that date were already returned; the next page is the same query restricted to
rulings dated on or before that day, skipping those. Offsets so stay within one day's
rulings: a cursor reaches any depth (``SearchQuery.offset`` stops at 100,000), and rulings
added with a later date do not shift the pages. The undated tail comes last, by offset.

Relevance order: the cursor is the offset (a ranking is not stable under writes anyway).

>>> results, after = page(index, SearchQuery(text="", district="Puno", limit=50))
>>> while after:
...     results, after = page(index, SearchQuery(text="", district="Puno", limit=50), after)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from schemas import QueryError, Reason

from search.base import Index
from search.models import SearchQuery, SearchResults

MAX_OFFSET: int = next(m.le for m in SearchQuery.model_fields["offset"].metadata if hasattr(m, "le"))


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: ``offset`` in the query's own list, or, in date order,
    the rulings dated on or ``before`` a day after skipping ``skip`` of them."""

    offset: int = 0
    before: date | None = None
    skip: int = 0


def _until(query: SearchQuery, day: date) -> SearchQuery:
    return query.model_copy(update={"date_to": min(query.date_to, day) if query.date_to else day})


def _count(index: Index, query: SearchQuery) -> int:
    return index.search(query.model_copy(update={"limit": 0, "offset": 0})).total


def _dated_after(index: Index, query: SearchQuery, day: date) -> int:
    """How many rulings of ``query`` are dated after ``day``."""
    if day == date.max:
        return 0
    start = day + timedelta(days=1)
    if query.date_from and query.date_from > start:
        start = query.date_from
    if query.date_to and query.date_to < start:
        return 0
    return _count(index, query.model_copy(update={"date_from": start}))


def _at(query: SearchQuery, offset: int) -> SearchQuery:
    if offset > MAX_OFFSET:
        raise QueryError(f"No se puede pasar del resultado {MAX_OFFSET:,} en este orden: acote la búsqueda "
                         "(fechas, filtros) o exporte el conjunto completo.", reason=Reason.QUERY)
    return query.model_copy(update={"offset": offset})


def page(index: Index, query: SearchQuery, cursor: Cursor | None = None) -> tuple[SearchResults, Cursor | None]:
    """One page of ``query`` (``query.limit`` hits; ``query.offset`` when there is no
    cursor) and the cursor of the next page, None on the last. ``total`` is the query's own.
    ``QueryError`` (Spanish) past ``MAX_OFFSET`` in relevance order or in the undated tail."""
    cursor = cursor or Cursor(offset=query.offset)
    if cursor.before is not None and not query.ranked:
        base, position = _until(query, cursor.before), cursor.skip
        found = index.search(_at(base, position))
        total = _count(index, query)
    else:
        base, position = query, cursor.offset
        found = index.search(_at(base, position))
        total = found.total
    results = SearchResults(total=total, hits=found.hits)
    end = position + len(found.hits)
    if not found.hits:
        return results, None
    last = found.hits[-1].resolution_date
    if query.ranked or last is None:  # relevance, or the undated tail (only reached by offset)
        return results, Cursor(offset=end) if end < found.total else None
    if end < found.total:
        return results, Cursor(before=last, skip=end - _dated_after(index, base, last))
    if base is query:
        return results, None
    dated = _count(index, _until(query, date.max))  # the restricted list is done: undated ones left?
    return results, Cursor(offset=dated) if dated < total else None
