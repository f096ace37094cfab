"""The ``Index`` interface every backend implements (and the contract tests check)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from types import TracebackType

from schemas import IndexRecord, IndexUnavailable, QueryError, Reason

from search.query.keys import citation_key, normalize_citation
from search.models import (
    FACET_FIELDS,
    FACET_SIZE,
    CitedPrecedent,
    FacetField,
    Facets,
    SearchQuery,
    SearchResults,
)


class Index(ABC):
    """A searchable store of ``IndexRecord``s, keyed by ``record.id``.

    Records are redacted (``search.privacy.redact_record``) before they are stored: what
    ``get``, ``search``, ``iter_records`` and ``iter_matching`` return never holds a
    protected victim's name, unless the index was opened with ``originals=True`` both when
    the record was written and now. Use it as a context manager, or call ``close``.
    """

    originals: bool = False

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
    def facets(self, query: SearchQuery, fields: Sequence[FacetField] = FACET_FIELDS, *,
               size: int = FACET_SIZE) -> Facets:
        """``{field: [(value, count), ...]}`` over every record ``query`` matches, most
        frequent first, at most ``size`` values per field (``limit`` and ``offset`` are
        ignored)."""

    @abstractmethod
    def more_like_this(self, id: str, query: SearchQuery | None = None) -> SearchResults:
        """Rulings like ``id`` (same crime, same reasoning: ``search.query.similar``), never
        ``id`` itself nor a ruling that shares a case number with it. ``query`` gives the
        filters and the page (its text is ignored). ``QueryError`` if ``id`` is unknown."""

    @abstractmethod
    def iter_matching(self, query: SearchQuery, *, pages: bool = False) -> Iterator[IndexRecord]:
        """Every record ``query`` matches, in result order, ignoring ``limit`` and
        ``offset`` (for exports). Without ``pages`` the records come with ``pages=[]``."""

    @abstractmethod
    def iter_records(self) -> Iterator[IndexRecord]: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def extractor_versions(self) -> dict[str, int]:
        """How many records each extractor version wrote (records of an older version are
        re-read by the next ingest of their folder)."""

    def generation(self) -> object | None:
        """A value that changes whenever the index's content changes (a write by anyone),
        for caches of answers; None when the backend cannot tell cheaply (then nothing
        should be cached)."""
        return None

    @abstractmethod
    def close(self) -> None:
        """Release the index; calling it twice is harmless."""

    # ------------------------------------------------------------------ precedent

    def cited_by(self, citation: str, query: SearchQuery | None = None) -> SearchResults:
        """Rulings that cite ``citation`` ("Casación N.° 904-2019/Puno", "Cas. 904-2019",
        "casacion 904-2019", "R.N. 2204-2018", "Acuerdo Plenario 3-2011/CJ-116"), newest first
        unless ``query`` says otherwise; ``query`` adds filters and the page."""
        if normalize_citation(citation) is None:
            raise QueryError(f"No se reconoce la cita {citation!r}: escríbala como Casación 904-2019, "
                             "R.N. 2204-2018 o Acuerdo Plenario 3-2011/CJ-116.", reason=Reason.QUERY)
        query = query or SearchQuery(sort="date")
        return self.search(query.model_copy(update={"cites": citation}))

    def cites(self, id: str) -> list[CitedPrecedent]:
        """The precedents ruling ``id`` cites, each with the indexed rulings that carry its
        number. ``QueryError`` if ``id`` is unknown."""
        record = self.get(id)
        if record is None:
            raise QueryError(f"No hay ningún documento con id {id} en el índice.", reason=Reason.QUERY)
        out = []
        for citation in record.ruling.citations:
            key = citation_key(citation.normalized)
            indexed: list[str] = []
            if normalize_citation(key):
                found = self.search(SearchQuery(text=f'expediente:"{key}"', limit=20, sort="date", snippets=False))
                indexed = [h.id for h in found.hits if h.id != id]
            out.append(CitedPrecedent(kind=citation.kind.value, raw=citation.raw, normalized=key, indexed=indexed))
        return out

    def citing(self, id: str, query: SearchQuery | None = None) -> SearchResults:
        """Rulings that cite ruling ``id`` by any of its own (Supreme) case numbers."""
        record = self.get(id)
        if record is None:
            raise QueryError(f"No hay ningún documento con id {id} en el índice.", reason=Reason.QUERY)
        numbers = [n for n in (normalize_citation(c.normalized) for c in record.ruling.case_numbers) if n]
        if not numbers:
            return SearchResults(total=0)
        if len(numbers) == 1:
            return self.cited_by(numbers[0], query)
        text = " OR ".join(f'cita:"{n}"' for n in dict.fromkeys(numbers))
        query = query or SearchQuery(sort="date")
        return self.search(query.model_copy(update={"text": f"({text}) {query.text}".strip()}))

    def __enter__(self) -> Index:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def missing_index(where: str) -> IndexUnavailable:
    """The error of reading an index that does not exist (a typo in its path or URL, or
    nothing ingested yet)."""
    return IndexUnavailable("no hay ningún índice en esta ruta: compruebe --index (o EXPEDIENTE_INDEX), "
                            "o cree el índice ingiriendo documentos con 'expediente ingest'",
                            reason=Reason.NOT_FOUND, path=where, retryable=False)


def check_facet_fields(fields: Sequence[str]) -> list[FacetField]:
    unknown = [f for f in fields if f not in FACET_FIELDS]
    if unknown:
        raise QueryError(f"Campo de faceta desconocido: {', '.join(unknown)}. "
                         f"Use uno de: {', '.join(FACET_FIELDS)}.", reason=Reason.QUERY)
    return list(dict.fromkeys(fields))  # type: ignore[arg-type]
