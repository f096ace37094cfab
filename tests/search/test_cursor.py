"""Cursor pagination (``search.query.cursor``) on every backend: each hit once, in the order of
the plain list, small offsets in date order, stable when newer rulings arrive."""

from __future__ import annotations

from datetime import date

import pytest

from search import SearchQuery
from search.query.cursor import Cursor, page
from tests.search.factory import make_record

DAYS = [date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 1), date(2019, 6, 1),
        date(2019, 6, 1), date(2018, 1, 1), None, None, date(2021, 5, 5), date(2019, 6, 1), None,
        date(2017, 3, 3), date(2020, 1, 1), date(2016, 1, 1)]


@pytest.fixture
def filled(index):
    index.upsert([make_record(f"resolución sobre trata de personas número {i}", key=f"c{i}",
                              district="Puno" if i % 3 else "Cusco", day=day) for i, day in enumerate(DAYS)])
    return index


def walk(index, query: SearchQuery) -> tuple[list[str], list[Cursor]]:
    seen, cursors = [], []
    results, after = page(index, query)
    seen += [h.id for h in results.hits]
    while after:
        cursors.append(after)
        results, after = page(index, query, after)
        assert results.total == len(all_ids(index, query))
        seen += [h.id for h in results.hits]
    return seen, cursors


def all_ids(index, query: SearchQuery) -> list[str]:
    return [h.id for h in index.search(query.model_copy(update={"limit": 1000, "offset": 0})).hits]


@pytest.mark.parametrize("query", [
    SearchQuery(limit=3),
    SearchQuery(limit=1),
    SearchQuery(limit=4, district="Puno"),
    SearchQuery(text="trata", sort="date", limit=2),
    SearchQuery(limit=2, date_from=date(2018, 1, 1), date_to=date(2020, 1, 1)),
    SearchQuery(text="trata", limit=4),  # relevance: by offset
])
def test_the_cursor_visits_every_hit_once_in_list_order(filled, query):
    seen, cursors = walk(filled, query)
    assert seen == all_ids(filled, query)


def test_date_order_cursors_skip_at_most_one_days_rulings(filled):
    _, cursors = walk(filled, SearchQuery(limit=2))
    keyset = [c for c in cursors if c.before is not None]
    assert keyset and all(c.skip <= DAYS.count(c.before) for c in keyset)
    assert [c for c in cursors if c.before is None] == [Cursor(offset=12), Cursor(offset=14)]  # undated, by offset


def test_newer_rulings_do_not_shift_the_pages(filled):
    query = SearchQuery(limit=3)
    before = all_ids(filled, query)
    results, after = page(filled, query)
    seen = [h.id for h in results.hits]
    filled.upsert([make_record("otra resolución posterior", key="new", day=date(2022, 1, 1))])
    while after:
        results, after = page(filled, query, after)
        seen += [h.id for h in results.hits]
    assert seen == before


def test_an_empty_result_has_no_cursor(filled):
    results, after = page(filled, SearchQuery(text="inexistente"))
    assert results.total == 0 and after is None
