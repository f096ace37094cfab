"""A ``SearchQuery``'s filters in the form every backend stores: keys, not spellings.

One place turns "MADRE  DE DIOS" into ``madre de dios``, "153 a" into ``153-A``,
"Cas. 904-2019" into ``casacion 904-2019`` and the crime family ``trata`` into its crime
keys, so the three backends filter alike; a district or crime in no vocabulary is refused
here (``search.query.vocabulary``), for every caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemas import QueryError, Reason

from search.models import FacetField, SearchQuery
from search.query import vocabulary
from search.query.analysis import normalize_key
from search.query.keys import normalize_article, normalize_citation

# Single-valued keyword fields of a record, and the ``SearchQuery`` attribute of each.
SINGLE = {"district_key": "district", "court_key": "court", "level": "level", "doc_kind": "doc_kind",
          "outcome": "outcome", "procedural_code": "procedural_code", "early_termination": "early_termination"}
# Multi-valued keyword fields (a record has a list of them).
MULTI = ("crime", "article", "judge_key", "case_key", "case_id", "citation")
# The stored field each facet counts.
FACET_STORAGE: dict[FacetField, str] = {
    "district": "district_key", "court": "court_key", "level": "level", "doc_kind": "doc_kind", "crime": "crime",
    "article": "article", "outcome": "outcome", "procedural_code": "procedural_code",
    "early_termination": "early_termination", "judge": "judge_key", "year": "year", "protected": "protected",
}
# Facets whose keys are shown by their first spelling (the others show the key itself).
SPELLED = {"district": "district", "court": "court", "judge": "judge_key"}


@dataclass(frozen=True)
class Filters:
    """``keywords``: stored field → the key it must equal (multi-valued: must contain);
    ``any_of``: stored field → keys of which it must equal (contain) at least one."""

    keywords: dict[str, str] = field(default_factory=dict)
    any_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year: int | None = None
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    protected: bool | None = None

    def __bool__(self) -> bool:
        return bool(self.keywords or self.any_of) or any(v is not None for v in (self.year, self.date_from, self.date_to,
                                                                   self.protected))


def _fail(message: str) -> QueryError:
    return QueryError(message, reason=Reason.QUERY)


def filters_of(query: SearchQuery) -> Filters:
    """Raises ``QueryError`` for an article or a citation that cannot be read, and for a
    district or a crime that is in no vocabulary (naming the closest valid values)."""
    keywords: dict[str, str] = {}
    any_of: dict[str, tuple[str, ...]] = {}
    for stored, attr in SINGLE.items():
        value = getattr(query, attr)
        if value is None or value == "":
            continue
        if attr == "district":
            value = vocabulary.district(value)  # its name: aliases and accents resolved
        keywords[stored] = normalize_key(value) if stored.endswith("_key") else str(getattr(value, "value", value))
    if query.crime:
        keys = vocabulary.crime(query.crime).keys
        if len(keys) == 1:
            keywords["crime"] = keys[0]
        else:
            any_of["crime"] = keys
    if query.article:
        article = normalize_article(query.article)
        if article is None:
            raise _fail(f"No se reconoce el artículo {query.article!r}: escríbalo como 153-A.")
        keywords["article"] = article
    if query.judge:
        keywords["judge_key"] = normalize_key(query.judge)
    if query.cites:
        cited = normalize_citation(query.cites)
        if cited is None:
            raise _fail(f"No se reconoce la cita {query.cites!r}: escríbala como Casación 904-2019, "
                        "R.N. 2204-2018 o Acuerdo Plenario 3-2011/CJ-116.")
        keywords["citation"] = cited
    return Filters(
        keywords=keywords, any_of=any_of, year=query.year,
        date_from=query.date_from.isoformat() if query.date_from else None,
        date_to=query.date_to.isoformat() if query.date_to else None,
        protected=query.protected,
    )
