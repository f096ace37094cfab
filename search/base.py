"""The ``Index`` interface every backend implements (and the contract tests check)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from types import TracebackType

from schemas import IndexRecord, QueryError, Reason

from search.models import FACET_FIELDS, FacetField, Facets, SearchQuery, SearchResults


class Index(ABC):
    """A searchable store of ``IndexRecord``s, keyed by ``record.id``.

    Records are redacted (``search.privacy.redact_record``) before they are stored: what
    ``get`` and ``iter_records`` return never holds a protected victim's name. Use it as a
    context manager, or call ``close``.
    """

    @abstractmethod
    def upsert(self, records: Sequence[IndexRecord]) -> None:
        """Insert or replace ``records`` (same id, or same sha256), all or none."""

    @abstractmethod
    def delete(self, id: str) -> bool:
        """Remove the record ``id``; False if there was none."""

    @abstractmethod
    def get(self, id: str) -> IndexRecord | None: ...

    @abstractmethod
    def find_sha256(self, sha256: str) -> tuple[str, str] | None:
        """``(id, extractor_version)`` of the record of a file with this content, if any."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Raises ``QueryError`` (Spanish message) when ``query.text`` is malformed."""

    @abstractmethod
    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS) -> Facets:
        """``{field: [(value, count), ...]}`` over every record ``query`` matches, most
        frequent first (``limit`` and ``offset`` are ignored)."""

    @abstractmethod
    def iter_records(self) -> Iterator[IndexRecord]: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def close(self) -> None:
        """Release the index; calling it twice is harmless."""

    def __enter__(self) -> Index:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def check_facet_fields(fields: Sequence[str]) -> list[FacetField]:
    unknown = [f for f in fields if f not in FACET_FIELDS]
    if unknown:
        raise QueryError(f"Campo de faceta desconocido: {', '.join(unknown)}. "
                         f"Use uno de: {', '.join(FACET_FIELDS)}.", reason=Reason.QUERY)
    return list(dict.fromkeys(fields))  # type: ignore[arg-type]
