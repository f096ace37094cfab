"""The query model and the results every backend returns."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from schemas import CourtLevel, DocKind, EarlyTermination, OutcomeKind, ProceduralCode, QueryError, Reason

FacetField = Literal["district", "court", "level", "doc_kind", "crime", "article", "outcome", "procedural_code",
                     "early_termination", "judge", "year", "protected"]
FACET_FIELDS: tuple[FacetField, ...] = ("district", "court", "level", "doc_kind", "crime", "article", "outcome",
                                        "procedural_code", "early_termination", "judge", "year", "protected")
FACET_SIZE = 100  # values per facet field, most frequent first
MAX_TEXT = 2000  # characters of query text
MAX_FILTER = 300  # characters of a text filter (a court's full name is under 200)
MAX_LIMIT = 1000  # results per page
MAX_OFFSET = 100_000  # results skipped: deeper pages go by cursor (search.query.cursor)

NOT_UTF8 = "contiene caracteres que no son UTF-8 válido (un byte mal codificado); vuelva a escribirlo o copiarlo"


def encodable(text: str) -> bool:
    """False for text with lone surrogates (what ``surrogateescape`` makes of a byte that
    is not UTF-8): no stored id, key or text can equal it, and no database can bind it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# A text filter: bounded, and valid Unicode (pydantic refuses the lone surrogates that an
# invalid UTF-8 byte becomes in a command line).
FilterText = Annotated[str, StringConstraints(max_length=MAX_FILTER)]


class SearchQuery(BaseModel):
    """Full text (see ``search.query.parser`` for the syntax) plus filters; all parts are ANDed.

    Text filters (district, court, judge) compare without case, accents or extra spaces;
    ``article`` and ``cites`` are normalised (``"153 a"`` is ``153-A``; ``"Cas. 904-2019"``
    is ``casacion 904-2019``)."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(default="", max_length=MAX_TEXT)
    district: FilterText | None = Field(default=None, description="judicial district, e.g. 'Madre de Dios'")
    court: FilterText | None = Field(default=None, description="court name as extracted, e.g. 'Sala Penal de Apelaciones'")
    level: CourtLevel | None = None
    doc_kind: DocKind | None = None
    crime: FilterText | None = Field(default=None, description="a crime taxonomy key, e.g. 'trata_de_personas'")
    article: FilterText | None = Field(default=None, description="a Código Penal article of a charge, e.g. '153-A'")
    outcome: OutcomeKind | None = None
    procedural_code: ProceduralCode | None = None
    early_termination: EarlyTermination | None = None
    judge: FilterText | None = Field(default=None, description="a judge's (or ponente's) name as extracted")
    date_from: date | None = Field(default=None, description="resolution date on or after")
    date_to: date | None = Field(default=None, description="resolution date on or before")
    year: int | None = Field(default=None, ge=1900, le=2100, description="year of the resolution date")
    protected: bool | None = Field(default=None, description="True: cases with a protected victim (minor, "
                                   "trafficking or sexual-violence victim); False: without")
    cites: FilterText | None = Field(default=None, description="rulings citing this precedent, any written form")
    limit: int = Field(default=10, ge=0, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)
    sort: Literal["relevance", "date"] = Field(
        default="relevance", description="'date': newest resolution first; blank text always sorts by date"
    )
    snippets: bool = Field(default=True, description="False: hits without a snippet, for lists that do not show "
                           "one (the page texts are then not read)")

    @model_validator(mode="after")
    def _dates_in_order(self) -> SearchQuery:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"la fecha inicial ({self.date_from}) es posterior a la final ({self.date_to})")
        return self

    @classmethod
    def of(cls, names: dict[str, str] | None = None, **values) -> SearchQuery:
        """A query from what a user typed; what pydantic refuses becomes one ``QueryError``
        in Spanish. ``names``: how the caller calls each field (``{"crime": "--crime"}``)."""
        try:
            return cls(**values)
        except ValidationError as exc:
            problems = []
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                problems.append(_problem((names or {}).get(field, field or "la consulta"), error))
            raise QueryError(f"Consulta no válida: {'; '.join(problems)}.", reason=Reason.QUERY) from None

    @property
    def ranked(self) -> bool:
        """Ordered by relevance: there is text to rank by and the caller did not ask for dates."""
        return bool(self.text.strip()) and self.sort == "relevance"


class Hit(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    score: float = Field(description="relevance, higher is better; 0 when results are sorted by date")
    path: str
    doc_kind: DocKind
    court: str | None = None
    level: CourtLevel | None = None
    district: str | None = None
    resolution_date: date | None = None
    case_numbers: list[str] = Field(default_factory=list)
    crimes: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    outcome: OutcomeKind | None = None
    procedural_code: ProceduralCode | None = None
    early_termination: EarlyTermination | None = None
    snippet: str = Field(default="", description="~30 words of the page text, matches as **word**")
    snippet_page: int | None = Field(default=None, description="1-based page the snippet comes from")


class SearchResults(BaseModel):
    model_config = ConfigDict(frozen=True)

    total: int
    hits: list[Hit] = Field(default_factory=list)


class CitedPrecedent(BaseModel):
    """One precedent a ruling cites, and the indexed rulings that carry its number."""

    model_config = ConfigDict(frozen=True)

    kind: str
    raw: str
    normalized: str
    indexed: list[str] = Field(default_factory=list, description="ids of indexed rulings with this number")


Facets = dict[str, list[tuple[str | int | bool, int]]]


def _problem(name: str, error: dict) -> str:
    """One pydantic error in Spanish, naming the field as the caller calls it."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "string_too_long":
        return f"{name} admite como máximo {ctx['max_length']} caracteres (tiene {len(error['input'])})"
    if kind == "string_unicode":
        return f"{name} {NOT_UTF8}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{name} debe ser al menos {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{name} debe ser como máximo {ctx.get('le', ctx.get('lt'))}"
    if kind in ("literal_error", "enum"):
        return f"{name} debe ser {ctx.get('expected', 'uno de los valores admitidos')}".replace(" or ", " o ")
    if kind.startswith("date"):
        return f"{name} no es una fecha válida (AAAA-MM-DD)"
    if kind.startswith("int"):
        return f"{name} debe ser un número entero"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return f"{name} no es un valor válido"
