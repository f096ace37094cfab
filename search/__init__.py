"""Search: the ``Index`` interface, its SQLite (default) and Elasticsearch backends.

>>> with open_index("data/index.sqlite") as index:      # or "http://localhost:9200/expediente"
...     index.upsert(records)
...     results = index.search(SearchQuery(text='"trata de personas" -menor', district="Puno"))
...     facets = index.facets(SearchQuery(text="trata", year=2020))
...     similar = index.more_like_this(results.hits[0].id)
...     citing = index.cited_by("Casación N.° 904-2019/Puno")
"""

from __future__ import annotations

from pathlib import Path

from search.base import Index
from search.query.keys import normalize_article, normalize_citation
from search.models import (
    FACET_FIELDS,
    CitedPrecedent,
    FacetField,
    Facets,
    Hit,
    SearchQuery,
    SearchResults,
)
from search.privacy import redact_record

__all__ = ["FACET_FIELDS", "URL_SCHEMES", "CitedPrecedent", "FacetField", "Facets", "Hit", "Index", "SearchQuery",
           "SearchResults", "normalize_article", "normalize_citation", "open_index", "redact_record"]


URL_SCHEMES = tuple(f"{product}{scheme}://" for product in ("", "opensearch+", "elasticsearch+")
                    for scheme in ("http", "https"))


def open_index(location: str | Path, *, originals: bool = False, engine: str | None = None,
               create: bool = True) -> Index:
    """An ``http(s)://`` URL opens an Elasticsearch-API cluster (``http://host:9200/alias``),
    Elasticsearch or OpenSearch as the server says (``opensearch+http://…`` or
    ``elasticsearch+http://…`` to say it in the URL); anything else is the path of a SQLite
    file, created with its parent folders if missing.

    ``create=False`` (whoever only reads: search, show, stats): an index that does not exist
    is an ``IndexUnavailable`` (reason ``not_found``) naming it, not a new empty index that
    answers 0 to every question because of a typo in its path.

    ``originals``: keep the unredacted text of protected victims' names when writing, and
    return it when reading (settings ``show_originals``); never in the public index.
    ``engine`` (SQLite only): ``"tantivy"`` or ``"fts5"`` for a new index; an existing
    index keeps the engine it was created with.
    """
    text = str(location)
    if text.startswith(URL_SCHEMES):
        from search.elastic.index import ElasticIndex  # the client is imported only when used

        return ElasticIndex(text, originals=originals, create=create)
    from search.embedded.sqlite import SqliteIndex

    return SqliteIndex(Path(location), engine=engine, originals=originals, create=create)
