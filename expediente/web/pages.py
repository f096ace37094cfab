"""The HTML pages: search, all values of a facet, a ruling with its evidence, a page of
text with a span marked, and the monitoring panel. Each one renders what its JSON twin
under ``/api/v1/`` returns (the same functions of ``expediente.web.api``)."""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from expediente.facts import words
from expediente.formatting import long_date
from expediente.web import api, images
from expediente.web.errors import ApiError
from expediente.web.params import FACET_LABELS, PARAM_LABELS, SearchParams, param_of, parse, url_value
from expediente.web.state import Access, access
from expediente.web.views import mark_span, page_url, sections
from schemas import CourtLevel, DocKind, EarlyTermination, OutcomeKind, ProceduralCode, QueryError
from search import FACET_FIELDS

router = APIRouter(include_in_schema=False)
AccessDep = Annotated[Access, Depends(access)]
SNIPPET_MARK = re.compile(r"\*\*(.+?)\*\*")
FACETS_SHOWN = 8
# Counted with the results; the judges (tens of thousands of keys, counted exactly: the
# costliest facet of a new search) open on their own page, from a link
PAGE_FACETS = [f for f in FACET_FIELDS if f != "judge"]
PANEL_IDS = 20  # document links per figure on the panel; all of them in /api/v1/stats/…
# The options of each select: (value, its words), worded once
CHOICES = {name: [(choice, words(choice)) for choice in kind] for name, kind in
           {"level": CourtLevel, "kind": DocKind, "outcome": OutcomeKind, "code": ProceduralCode,
            "early": EarlyTermination}.items()}


def highlight(snippet: str) -> Markup:
    """Escape everything, then mark the matches (``**word**`` in a snippet)."""
    return Markup(SNIPPET_MARK.sub(r"<mark>\1</mark>", str(escape(snippet))))


def make_templates(directory: str) -> Jinja2Templates:
    from expediente.stats_filters import group_labels

    templates = Jinja2Templates(directory=directory)
    templates.env.auto_reload = False  # the templates ship with the code: no stat() of each one per request
    crimes = group_labels()

    @lru_cache(maxsize=4096, typed=True)  # typed: True and 1 are different values
    def value_label(value, field: str | None = None) -> str:
        """A facet or filter value as a reader says it (crime keys by their label)."""
        if value is True or value in ("true", "false"):
            return "sí" if value in (True, "true") else "no"
        if value is False:
            return "no"
        return crimes.get(str(value), words(value)) if field == "crime" else words(value)

    def facet_links(params: SearchParams, field: str, values) -> list[tuple[str, str, int]]:
        """``(url, label, count)`` of each value of a facet, made here rather than by a filter
        and a method call per value in the template (the costliest part of the search page)."""
        url = params.facet_urls("/", field)
        return [(url(fv.value), value_label(fv.value, field), fv.count) for fv in values]

    def crime_labels(keys) -> str:
        """A hit's crimes by their labels: one call where Jinja's map and join filters made a dozen."""
        return ", ".join(value_label(k, "crime") for k in keys)

    templates.env.filters.update(highlight=highlight, words=words, long_date=long_date, value_label=value_label)
    templates.env.globals.update(FACET_LABELS=FACET_LABELS, PARAM_LABELS=PARAM_LABELS, page_url=page_url,
                                 CHOICES=CHOICES, param_of=param_of, url_value=url_value, facet_links=facet_links,
                                 crime_labels=crime_labels)
    return templates


def _templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return _templates(request).TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, message=message, status=status)


@router.get("/", response_class=HTMLResponse)
async def search_page(request: Request, acc: AccessDep) -> Response:
    return await acc.state.run(_search_page, request, acc)


def _search_page(request: Request, acc: Access) -> Response:
    try:
        params = parse({k: v for k, v in request.query_params.items() if k != "cursor"})  # pages go by number
    except ApiError as exc:
        return render(request, "search.html", exc.status, params=SearchParams(), error=exc.message, result=None)
    try:
        result = api.run_search(acc, params, PAGE_FACETS, FACETS_SHOWN, with_cursor=False)
    except (QueryError, ApiError) as exc:
        status = getattr(exc, "status", 400)
        return render(request, "search.html", status, params=params, error=exc.message, result=None)
    shown_to = result.offset + len(result.hits)
    return render(request, "search.html", params=params, error=None, result=result, shown_to=shown_to,
                  pages=_pagination(params, result.total))


def _pagination(params: SearchParams, total: int) -> list[tuple[str, str | None]]:
    """``(label, url)`` links around the current page; ``url`` None for the current one."""
    last = max(1, -(-total // params.limit))
    current = params.page
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    out: list[tuple[str, str | None]] = []
    if current > 1:
        out.append(("« anterior", params.url("/", page=current - 1, cursor=None)))
    previous = 0
    for n in numbers:
        if n - previous > 1:
            out.append(("…", None))
        out.append((str(n), None if n == current else params.url("/", page=n, cursor=None)))
        previous = n
    if current < last:
        out.append(("siguiente »", params.url("/", page=current + 1, cursor=None)))
    return out


@router.get("/facetas/{field}", response_class=HTMLResponse)
def facet_page(request: Request, acc: AccessDep, field: api.FacetName) -> Response:
    params = parse(dict(request.query_params))
    facet = api.all_facet_values(acc, params, field)
    return render(request, "facet.html", params=params, facet=facet)


@router.get("/resoluciones/{id}", response_class=HTMLResponse)
async def ruling_page(request: Request, acc: AccessDep, id: api.IdPath) -> Response:
    return await acc.state.run(_ruling_page, request, acc, id)


def _ruling_page(request: Request, acc: Access, id: str) -> Response:
    record, items = api.ruling(acc, id)
    prec = api.precedent(acc, id, 10, snippets=False, known=True)  # the panel lists them without snippets
    return render(request, "ruling.html", record=record, sections=sections(items), precedent=prec,
                  originals=acc.principal.originals)


@router.get("/resoluciones/{id}/paginas/{number}", response_class=HTMLResponse)
def page_page(request: Request, acc: AccessDep, id: api.IdPath, number: Annotated[int, Path(ge=1, le=100_000)],
              start: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
              end: Annotated[int | None, Query(ge=0, le=10_000_000)] = None) -> Response:
    data = api.page(acc, id, number, start, end)
    before, marked, after = mark_span(data.text, data.start, data.end)
    image = f"/resoluciones/{id}/paginas/{number}/imagen" if data.image else None
    return render(request, "page.html", data=data, before=before, marked=marked, after=after,
                  has_mark=data.start is not None, image=image)


@router.get("/resoluciones/{id}/paginas/{number}/imagen")
def page_image(acc: AccessDep, id: api.IdPath, number: Annotated[int, Path(ge=1, le=100_000)],
               width: Annotated[int, Query(ge=200, le=2000)] = images.DEFAULT_WIDTH) -> Response:
    """The page image the page view shows (twin of ``/api/v1/rulings/{id}/pages/{n}/image``)."""
    return api.page_image_endpoint(acc, id, number, width)


def panel_tables(acc: Access, params: api.StatsParams) -> list:
    """The panel's tables (``expediente.report.tables``), as ``stats`` and ``report`` show them."""
    from expediente.stats_filters import group_labels
    from expediente.report.tables import appeal_tables, codes_table, duration_table, outcome_tables, penalty_tables

    labels = group_labels()
    tables = [duration_table(api.stats(acc.state, "durations", params), labels)]
    tables += outcome_tables(api.stats(acc.state, "outcomes", params), labels)
    tables += appeal_tables(api.stats(acc.state, "appeals", params), labels)
    tables += penalty_tables(api.stats(acc.state, "penalties", params), labels)
    tables.append(codes_table(api.stats(acc.state, "codes", params)))
    return tables


@router.get("/panel", response_class=HTMLResponse)
def dashboard(request: Request, acc: AccessDep, params: Annotated[api.StatsParams, Query()]) -> Response:
    from expediente.report.tables import fmt
    from search.analytics import MILESTONE_LABELS

    milestones = [(m.value, text) for m, text in MILESTONE_LABELS.items()]
    query = urlencode(params.model_dump(exclude_none=True))
    return render(request, "dashboard.html", tables=panel_tables(acc, params), fmt=fmt, params=params,
                  max_ids=PANEL_IDS, milestones=milestones, query=query, documents=len(acc.state.corpus().docs),
                  charts=CHARTS)


@router.get("/panel/{slug}.csv")
def panel_csv(acc: AccessDep, slug: Annotated[str, Path(max_length=80, pattern=r"^[a-z0-9-]+$")],
              params: Annotated[api.StatsParams, Query()]) -> Response:
    """One panel table as CSV, written by the same function as ``stats --csv``."""
    from expediente.report.tables import write_csv

    table = next((t for t in panel_tables(acc, params) if t.slug == slug), None)
    if table is None:
        raise ApiError(404, "not_found", f"El panel no tiene la tabla «{slug}».")
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv([table], FilePath(folder) / f"{slug}.csv")[0]
        body = path.read_bytes()
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{slug}.csv"'})


CHARTS = {"durations": "Duraciones entre hitos", "outcomes": "Resultados en primera instancia",
          "appeals": "Resultados de los recursos", "penalties": "Penas", "codes": "NCPP y código de 1940"}


@router.get("/panel/graficos/{name}.svg")
def panel_chart(acc: AccessDep, name: Annotated[str, Path(pattern="^(" + "|".join(CHARTS) + ")$")],
                params: Annotated[api.StatsParams, Query()]) -> Response:
    """One indicator drawn as the ``stats --chart`` command draws it (SVG, kept per filters)."""
    from expediente.stats_filters import group_labels
    from expediente.report import charts

    def draw(_corpus) -> bytes:
        result = api.stats(acc.state, name, params)
        figure = getattr(charts, f"{name}_chart")(result) if name == "codes" else \
            getattr(charts, f"{name}_chart")(result, group_labels())
        with tempfile.TemporaryDirectory() as folder:
            return charts.save(figure, FilePath(folder) / "chart.svg").read_bytes()

    body = acc.state.stats(("chart", name, params.model_dump_json()), draw)
    return Response(body, media_type="image/svg+xml")
