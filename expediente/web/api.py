"""The REST API under ``/api/v1/``: search, facets, rulings with their evidence, page
texts, precedent, stats and CSV export. Each function here also feeds the HTML page that
is its twin (``expediente.web.pages``)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import FileResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from expediente.web import export, images
from expediente.web.errors import ApiError, no_ruling
from expediente.web.params import FACET_LABELS, SearchParams, SearchRequest, encode_cursor, facet_fields
from expediente.web.state import Access, access
from expediente.web.views import Fact, facts, mark_span
from schemas import CourtLevel, IndexRecord, ProceduralCode
from search import CitedPrecedent, Hit, SearchQuery, SearchResults
from search.query.cursor import page as cursor_page

router = APIRouter(prefix="/api/v1")
AccessDep = Annotated[Access, Depends(access)]
IdPath = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
                             description="id de la resolución (16 cifras hexadecimales)")]
ALL_FACET_VALUES = 100_000
Indicator = Literal["durations", "outcomes", "appeals", "penalties", "codes"]

FacetName = Literal["district", "court", "level", "doc_kind", "crime", "article", "outcome", "procedural_code",
                    "early_termination", "judge", "year", "protected"]


# -- response models ---------------------------------------------------------------------

class FacetValue(BaseModel):
    value: str | int | bool
    count: int


class SearchResponse(BaseModel):
    total: int = Field(description="rulings that match")
    offset: int | None = Field(description="position of the first hit; None on a page reached by cursor")
    limit: int
    hits: list[Hit] = Field(description="snippet: ~30 words; matches between ** and **")
    next_cursor: str | None = Field(description="pass it as cursor= for the next page; None on the last")
    facets: dict[str, list[FacetValue]] = Field(default_factory=dict)
    facets_truncated: dict[str, bool] = Field(default_factory=dict,
                                              description="True: more values; /api/v1/search/facets/{field}")


class FacetResponse(BaseModel):
    field: str
    label: str
    values: list[FacetValue]


class RulingResponse(BaseModel):
    id: str
    record: dict[str, Any] = Field(description="the IndexRecord without its page texts")
    facts: list[Fact]


class PageResponse(BaseModel):
    id: str
    page: int
    pages: int
    text: str
    start: int | None = None
    end: int | None = None
    quote: str | None = Field(default=None, description="the marked span, when start and end are given")
    boxes: list[tuple[float, float, float, float]] = Field(
        default_factory=list, description="the marked span's word boxes on the page image: x0, y0, x1, y1 as "
        "fractions of the page's width and height, from the top left")
    image: str | None = Field(default=None, description="URL of the page image, when this caller may see it")
    image_note: str | None = Field(default=None, description="why there is no page image, when there is none")


class PrecedentResponse(BaseModel):
    id: str
    similar: SearchResults
    cited_by: SearchResults
    cites: list[CitedPrecedent]


# -- shared by the API and the pages -----------------------------------------------------

def run_search(acc: Access, params: SearchParams, fields: list[str], facet_size: int, *,
               with_cursor: bool = True) -> SearchResponse:
    """A page of results with its facets; ``with_cursor`` also finds the next page's cursor
    (in date order one more count; the HTML page goes by page number and skips it)."""
    query = params.query()
    if with_cursor:
        results, after = cursor_page(acc.index, query, params.after())
    else:
        results, after = acc.index.search(query), None
    counted: dict[str, list[FacetValue]] = {}
    truncated: dict[str, bool] = {}
    if fields:
        raw = acc.facets(query, fields, facet_size + 1)
        for field, values in raw.items():
            counted[field] = [FacetValue(value=v, count=n) for v, n in values[:facet_size]]
            truncated[field] = len(values) > facet_size
    acc.audit("search", [h.id for h in results.hits], detail=params.q)
    return SearchResponse(total=results.total, offset=None if params.cursor else query.offset, limit=query.limit,
                          hits=results.hits, next_cursor=encode_cursor(after, params.fingerprint()) if after else None,
                          facets=counted, facets_truncated=truncated)


def all_facet_values(acc: Access, params: SearchParams, field: str) -> FacetResponse:
    raw = acc.facets(params.query(limit=0, offset=0), [field], ALL_FACET_VALUES)
    return FacetResponse(field=field, label=FACET_LABELS[field],
                         values=[FacetValue(value=v, count=n) for v, n in raw.get(field, [])])


def get_record(acc: Access, id: str) -> IndexRecord:
    record = acc.index.get(id)
    if record is None:
        raise no_ruling(id)
    return record


def ruling(acc: Access, id: str) -> tuple[IndexRecord, list[Fact]]:
    record = get_record(acc, id)
    acc.audit("ruling", [id])
    return record, facts(record)


def page(acc: Access, id: str, number: int, start: int | None, end: int | None) -> PageResponse:
    record = get_record(acc, id)
    if not 1 <= number <= len(record.pages):
        raise ApiError(404, "not_found", f"La resolución {id} no tiene página {number} "
                       f"(tiene {len(record.pages)}).")
    acc.audit("page", [id], detail=str(number))
    text = record.pages[number - 1]
    marked = start is not None and end is not None
    before, quote, _ = mark_span(text, start, end)
    start, end = (len(before), len(before) + len(quote)) if marked else (None, None)
    stored = record.page_boxes[number - 1] if number <= len(record.page_boxes) else None
    refusal = images.image_refusal(acc, record)
    if refusal is None and images.original_path(record) is None:
        refusal = images.GONE
    return PageResponse(id=id, page=number, pages=len(record.pages), text=text, start=start, end=end,
                        quote=quote if marked else None,
                        boxes=stored.rects(start, end) if stored is not None and marked and end > start else [],
                        image=f"/api/v1/rulings/{id}/pages/{number}/image" if refusal is None else None,
                        image_note=refusal)


def precedent(acc: Access, id: str, limit: int, *, snippets: bool = True, known: bool = False) -> PrecedentResponse:
    """Similar rulings, the ones citing it and the ones it cites; ``snippets=False`` for a
    list that does not show them (the ruling page's panel: most of its cost was cutting
    snippets nobody saw). Kept until the index changes (more like this was most of the
    ruling page's cost); the audit line is written every time. ``known``: the caller has
    just read the ruling (the ruling page), so it is not read again to answer 404."""
    if not known:
        get_record(acc, id)

    def compute() -> tuple[SearchResults, SearchResults, list[CitedPrecedent]]:
        return (acc.index.more_like_this(id, SearchQuery(limit=limit, snippets=snippets)),
                acc.index.citing(id, SearchQuery(limit=limit, sort="date", snippets=snippets)),
                acc.index.cites(id))

    similar, cited_by, cites = acc.kept_precedent((id, limit, snippets), compute)
    acc.audit("precedent", [id, *(h.id for h in similar.hits), *(h.id for h in cited_by.hits)])
    return PrecedentResponse(id=id, similar=similar, cited_by=cited_by, cites=cites)


class StatsParams(BaseModel):
    """The filters and breakdown of ``expediente stats``."""

    by: str | None = Field(default=None, max_length=30, description="distrito, familia, delito, codigo, anio, "
                           "nivel o ninguno (por defecto el del comando stats)")
    crime: str | None = Field(default=None, max_length=100, description="clave de delito o familia")
    district: str | None = Field(default=None, max_length=200)
    code: ProceduralCode | None = None
    level: CourtLevel | None = None
    year_from: int | None = Field(default=None, ge=1900, le=2100)
    year_to: int | None = Field(default=None, ge=1900, le=2100)
    start: str = Field(default="formalizacion", max_length=60, description="durations: hito inicial")
    end: str = Field(default="sentencia_primera", max_length=60, description="durations: hito final")


DEFAULT_BY = {"durations": "distrito", "outcomes": "anio", "appeals": "distrito", "penalties": "familia",
              "codes": "ninguno"}


def stats(state, indicator: str, p: StatsParams):
    """The result model of one indicator, computed as the ``stats`` command computes it."""
    from expediente.stats_filters import make_filters, parse_dimension
    from search import analytics

    filters = make_filters(p.crime, p.district, None if indicator == "codes" else p.code, p.level,
                           p.year_from, p.year_to)
    if indicator == "codes":
        return state.stats((indicator, filters), lambda corpus: analytics.compare_codes(corpus, filters=filters))
    dim = parse_dimension(p.by or DEFAULT_BY[indicator])
    if indicator == "durations":
        start, end = analytics.parse_milestone(p.start), analytics.parse_milestone(p.end)
        return state.stats((indicator, filters, dim, start, end),
                           lambda corpus: analytics.durations(corpus, start, end, by=dim, filters=filters))
    compute = getattr(analytics, indicator)
    return state.stats((indicator, filters, dim), lambda corpus: compute(corpus, by=dim, filters=filters))


# -- routes ------------------------------------------------------------------------------

@router.get("/search", response_model=SearchResponse, summary="Buscar resoluciones")
def search_endpoint(
    acc: AccessDep, params: Annotated[SearchRequest, Query()]) -> SearchResponse:
    return run_search(acc, params, facet_fields(params.facets), params.facet_size)


@router.get("/search/facets/{field}", response_model=FacetResponse, summary="Todos los valores de una faceta")
def facet_endpoint(acc: AccessDep, field: FacetName, params: Annotated[SearchParams, Query()]) -> FacetResponse:
    return all_facet_values(acc, params, field)


@router.get("/rulings/{id}", response_model=RulingResponse, summary="Una resolución y la evidencia de cada dato")
def ruling_endpoint(acc: AccessDep, id: IdPath) -> RulingResponse:
    record, items = ruling(acc, id)
    return RulingResponse(id=record.id, record=record.model_dump(mode="json", exclude={"pages", "page_boxes"}),
                          facts=items)


@router.get("/rulings/{id}/record.json", summary="El registro completo (con el texto de las páginas)",
            response_class=Response, responses={200: {"content": {"application/json": {}}}})
def record_download(acc: AccessDep, id: IdPath) -> Response:
    record = get_record(acc, id)
    acc.audit("record", [id])
    return Response(record.model_dump_json(indent=1), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{record.id}.json"'})


@router.get("/rulings/{id}/pages/{number}", response_model=PageResponse, summary="Texto de una página")
def page_endpoint(acc: AccessDep, id: IdPath, number: Annotated[int, Path(ge=1, le=100_000)],
                  start: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
                  end: Annotated[int | None, Query(ge=0, le=10_000_000)] = None) -> PageResponse:
    return page(acc, id, number, start, end)


@router.get("/rulings/{id}/pages/{number}/image", summary="Imagen de una página del archivo original",
            response_class=Response, responses={200: {"content": {"image/png": {}}}})
def page_image_endpoint(acc: AccessDep, id: IdPath, number: Annotated[int, Path(ge=1, le=100_000)],
                        width: Annotated[int, Query(ge=200, le=2000)] = images.DEFAULT_WIDTH) -> Response:
    """The page as filed (unredacted): where the ruling has protected victims, only for role ``originals``."""
    return Response(images.page_image(acc, get_record(acc, id), number, width), media_type="image/png",
                    headers={"Cache-Control": "private, no-store"})


@router.get("/rulings/{id}/precedent", response_model=PrecedentResponse,
            summary="Parecidas, las que la citan y las que ella cita")
def precedent_endpoint(acc: AccessDep, id: IdPath,
                       limit: Annotated[int, Query(ge=1, le=100)] = 10) -> PrecedentResponse:
    return precedent(acc, id, limit)


@router.get("/rulings/{id}/original", summary="El archivo original (rol originals)",
            response_class=FileResponse, responses={200: {"content": {"application/octet-stream": {}}}})
def original_endpoint(acc: AccessDep, id: IdPath) -> FileResponse:
    """Only the record's own stored path, found by id: never a path from the request. The
    original holds every name the document holds, so it needs a key with role ``originals``."""
    record = get_record(acc, id)
    if not acc.principal.originals:
        raise ApiError(403, "forbidden", "El archivo original puede contener nombres de víctimas protegidas: "
                       "descargarlo requiere una clave de API con rol «originals».")
    path = images.original_path(record)  # the stored path is display text (names.display_path)
    if path is None:
        raise ApiError(404, "not_found", "El archivo original ya no está donde se ingirió.")
    acc.audit("original", [id], detail=record.path)
    return FileResponse(path, filename=path.name, headers={"Cache-Control": "no-store"})


@router.get("/stats/{indicator}", summary="Indicadores de seguimiento (como expediente stats)")
def stats_endpoint(acc: AccessDep, indicator: Indicator, params: Annotated[StatsParams, Query()]) -> dict[str, Any]:
    return json.loads(stats(acc.state, indicator, params).model_dump_json())


@router.get("/export.csv", summary="El resultado completo en CSV", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}}}})
def export_endpoint(acc: AccessDep, params: Annotated[SearchParams, Query()]) -> StreamingResponse:
    query = params.query(limit=0, offset=0)
    total = acc.index.search(query).total
    limit = acc.state.settings.max_export_rows
    if total > limit:
        raise ApiError(400, "export_too_large", f"La búsqueda tiene {total:,} resoluciones y la exportación admite "
                       f"hasta {limit:,}: afine los filtros.")
    acc.audit("export", detail=f"{total} filas; q={params.q}")
    return StreamingResponse(export.stream_csv(acc.index, query), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="resoluciones.csv"'})



