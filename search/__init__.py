"""Search: the ``Index`` interface, its SQLite (default) and Elasticsearch backends.

>>> with open_index("data/index.sqlite") as index:      # or "http://localhost:9200/expediente"
...     index.upsert(records)
...     results = index.search(SearchQuery(text='"trata de personas" -menor', district="Puno"))
"""

from __future__ import annotations

from pathlib import Path

from search.base import Index
from search.models import FACET_FIELDS, FacetField, Facets, Hit, SearchQuery, SearchResults
from search.privacy import redact_record

__all__ = ["FACET_FIELDS", "FacetField", "Facets", "Hit", "Index", "SearchQuery", "SearchResults",
           "open_index", "redact_record"]


def open_index(location: str | Path) -> Index:
    """An ``http(s)://`` URL opens Elasticsearch (``http://host:9200/index-name``); anything
    else is the path of a SQLite file, created with its parent folders if missing."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        from search.elastic import ElasticIndex  # the client is imported only when used

        return ElasticIndex(text)
    from search.sqlite import SqliteIndex

    return SqliteIndex(Path(location))
