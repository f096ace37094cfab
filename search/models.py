"""The query model and the results every backend returns."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas import DocKind, OutcomeKind, ProceduralCode

FacetField = Literal["district", "crime", "doc_kind", "outcome", "year", "procedural_code"]
FACET_FIELDS: tuple[FacetField, ...] = ("district", "crime", "doc_kind", "outcome", "year", "procedural_code")


class SearchQuery(BaseModel):
    """Full text (see ``search.query`` for the syntax) plus filters; all parts are ANDed."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(default="", max_length=2000)
    district: str | None = Field(default=None, description="compared without case or accents")
    crime: str | None = Field(default=None, description="a crime taxonomy key, e.g. 'trata_de_personas'")
    year: int | None = Field(default=None, ge=1900, le=2100, description="year of the resolution date")
    doc_kind: DocKind | None = None
    outcome: OutcomeKind | None = None
    procedural_code: ProceduralCode | None = None
    limit: int = Field(default=10, ge=0, le=1000)
    offset: int = Field(default=0, ge=0)
    sort: Literal["relevance", "date"] = Field(
        default="relevance", description="'date': newest resolution first; blank text always sorts by date"
    )


class Hit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    score: float = Field(description="higher is better; 0 for a query without text")
    path: str
    doc_kind: DocKind
    court: str | None = None
    district: str | None = None
    resolution_date: date | None = None
    case_numbers: list[str] = Field(default_factory=list)
    crimes: list[str] = Field(default_factory=list)
    outcome: OutcomeKind | None = None
    snippet: str = Field(default="", description="~30 words of the page text, matches as **word**")
    snippet_page: int | None = Field(default=None, description="1-based page the snippet comes from")


class SearchResults(BaseModel):
    model_config = ConfigDict(frozen=True)

    total: int
    hits: list[Hit] = Field(default_factory=list)


Facets = dict[str, list[tuple[str | int, int]]]
