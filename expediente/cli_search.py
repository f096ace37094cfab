"""Commands that read the index: search, show, summary, precedent, reindex.

Each one checks its inputs, opens the index with the caller's right to see originals
(settings ``show_originals``) and hands off to ``search``; rendering is rich, data goes to
stdout, messages to stderr.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table
from typer.core import TyperCommand

from expediente import render
from expediente.cli_common import IndexOption, emit_json, err, handle_errors, open_output, out, settings_for
from schemas import CourtLevel, DocKind, EarlyTermination, OutcomeKind, ProceduralCode, QueryError, Reason

MAX_QUERY = 2000  # characters: search.models.MAX_TEXT (not imported here: the CLI starts fast)
ALL_FACET_VALUES = 10_000  # what "every value of a facet" asks an engine for
# How the search command names each SearchQuery field in its messages.
OPTION_NAMES = {
    "text": "la consulta", "district": "--district", "court": "--court", "level": "--level", "doc_kind": "--kind",
    "crime": "--crime", "article": "--article", "outcome": "--outcome", "procedural_code": "--code",
    "early_termination": "--early", "judge": "--judge", "date_from": "--from", "date_to": "--to", "year": "--year",
    "protected": "--protected", "cites": "--cites", "sort": "--sort", "limit": "--limit",
    "offset": "--page (× --limit)",
}
# How facet values that are not names read (the protected facet's are booleans).
FACET_VALUE_LABELS = {"protected": {True: "con víctima protegida", False: "sin víctima protegida"}}


class QueryFirstCommand(TyperCommand):
    """``search``'s command: a query that begins with ``-`` (``-menor``: without that word)
    is the query, not an unknown option. It is moved after ``--`` before Click parses."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, query_after_dashes(self, ctx, list(args)))


def query_after_dashes(command, ctx, args: list[str]) -> list[str]:
    """``args`` with the first word that begins with a single ``-`` and is no option of
    ``command`` (nor the value of one) moved behind ``--``; unchanged if ``--`` is there."""
    if "--" in args:
        return args
    options = [p for p in command.params if getattr(p, "opts", None) and p.param_type_name == "option"]
    known = {name for p in options for name in (*p.opts, *p.secondary_opts)} | set(ctx.help_option_names)
    takes_value = {name for p in options if not p.is_flag for name in p.opts}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in takes_value:
            i += 2
            continue
        if arg.startswith("-") and not arg.startswith("--") and len(arg) > 1 and arg not in known:
            return [*args[:i], *args[i + 1:], "--", arg]
        i += 1
    return args


def register(app: typer.Typer) -> None:
    app.command(cls=QueryFirstCommand)(handle_errors(search))
    for command in (show, summary, precedent, reindex):
        app.command()(handle_errors(command))


def _open(index: str | None):
    """The index to read: one that does not exist is an error naming it, not a new empty one."""
    from search import open_index

    settings = settings_for(index)
    return open_index(settings.index, originals=settings.show_originals, create=False)


def _query(**values):
    """A ``SearchQuery``; what it refuses is a ``QueryError`` in Spanish naming the option."""
    from search import SearchQuery

    return SearchQuery.of(OPTION_NAMES, **values)


def _facet_fields(spec: str | None) -> list[str]:
    from search import FACET_FIELDS

    if not spec:
        return []
    if spec.strip() == "all":
        return list(FACET_FIELDS)
    return [f.strip() for f in spec.split(",") if f.strip()]


def _print_facets(facets: dict, totals: dict[str, int]) -> None:
    for field, values in facets.items():
        if not values:
            continue
        caption = None
        if totals[field] > len(values):
            many = f"más de {totals[field]}" if totals[field] >= ALL_FACET_VALUES else str(totals[field])
            caption = f"mostrando {len(values)} de {many}; --facet-limit 0 para verlos todos"
        table = Table("valor", "documentos", title=f"Faceta: {field}", title_justify="left", caption=caption,
                      caption_justify="left")
        labels = FACET_VALUE_LABELS.get(field, {})
        for value, n in values:
            table.add_row(escape(str(labels.get(value, value))), str(n))
        out.print(table)


def search(
    query: Annotated[str, typer.Argument(metavar="CONSULTA", help=(
        f'Consulta (hasta {MAX_QUERY} caracteres): palabras, "frases exactas", OR, -excluir, prefijo*, (grupos), '
        'campos juez: imputado: delito: articulo: expediente: distrito: cita:. Si empieza por - '
        "(-menor), también vale escribirla tras --: expediente search -- '-menor'."))] = "",
    index: IndexOption = None,
    district: Annotated[Optional[str], typer.Option("--district", help="Distrito judicial (Madre de Dios, "
                                                                     "madre de dios, Cuzco…).")] = None,
    court: Annotated[Optional[str], typer.Option("--court", help="Órgano jurisdiccional (nombre completo).")] = None,
    level: Annotated[Optional[CourtLevel], typer.Option("--level", help="Nivel del órgano.")] = None,
    doc_kind: Annotated[Optional[DocKind], typer.Option("--kind", help="Tipo de documento.")] = None,
    crime: Annotated[Optional[str], typer.Option("--crime", help="Delito: clave (trata_de_personas), su nombre "
                                                               "o una familia (trata, mineria, ambiental…).")] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Artículo imputado (p. ej. 153-A).")] = None,
    outcome: Annotated[Optional[OutcomeKind], typer.Option("--outcome", help="Sentido del fallo.")] = None,
    code: Annotated[Optional[ProceduralCode], typer.Option("--code", help="Código procesal.")] = None,
    early: Annotated[Optional[EarlyTermination], typer.Option("--early", help="Terminación temprana.")] = None,
    judge: Annotated[Optional[str], typer.Option("--judge", help="Juez o ponente (nombre como en la faceta).")] = None,
    date_from: Annotated[Optional[datetime], typer.Option("--from", formats=["%Y-%m-%d"], metavar="AAAA-MM-DD",
                                                          help="Resoluciones desde esta fecha.")] = None,
    date_to: Annotated[Optional[datetime], typer.Option("--to", formats=["%Y-%m-%d"], metavar="AAAA-MM-DD",
                                                        help="Resoluciones hasta esta fecha.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Año de la resolución.")] = None,
    protected: Annotated[Optional[bool], typer.Option("--protected/--not-protected",
                                                      help="Solo casos con (o sin) víctima protegida.")] = None,
    cites: Annotated[Optional[str], typer.Option("--cites", help='Que citen este precedente.')] = None,
    sort: Annotated[str, typer.Option("--sort", help="relevance o date (más recientes primero).")] = "relevance",
    limit: Annotated[int, typer.Option("--limit", min=0, max=500, help="Resultados por página.")] = 10,
    page: Annotated[int, typer.Option("--page", min=1, help="Página de resultados.")] = 1,
    facets: Annotated[Optional[str], typer.Option("--facets", help="Facetas: 'all' o campos separados por comas "
                                                                    "(district,crime,year...).")] = None,
    facet_limit: Annotated[int, typer.Option("--facet-limit", min=0, help="Valores por faceta, los más "
                                                                         "frecuentes (0: todos).")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Resultados (y facetas) en JSON.")] = False,
    csv_file: Annotated[Optional[Path], typer.Option("--csv", help="Exporta el resultado completo a este CSV "
                                                                   "('-' para stdout; crea las carpetas).")] = None,
) -> None:
    """Busca resoluciones: texto, filtros, facetas, orden, páginas; exporta a CSV."""
    if sort not in ("relevance", "date"):
        raise QueryError(f"Orden desconocido: {sort}. Use relevance o date.", reason=Reason.QUERY)
    q = _query(text=query, district=district, court=court, level=level, doc_kind=doc_kind, crime=crime,
               article=article, outcome=outcome, procedural_code=code, early_termination=early, judge=judge,
               date_from=date_from.date() if date_from else None, date_to=date_to.date() if date_to else None,
               year=year, protected=protected, cites=cites, sort=sort, limit=limit, offset=(page - 1) * limit)
    fields = _facet_fields(facets)
    with _open(index) as idx:
        if csv_file is not None:
            _export(idx, q, csv_file)
            return
        results = idx.search(q)
        every = idx.facets(q, fields, size=ALL_FACET_VALUES) if fields else {}
        if not results.total:
            _warn_unmatched_names(idx, judge=judge, court=court, article=article)
    shown = {f: values[:facet_limit or None] for f, values in every.items()}
    totals = {f: len(values) for f, values in every.items()}
    if as_json:
        data = results.model_dump(mode="json")
        if fields:
            data["facets"] = {f: [[v, n] for v, n in values] for f, values in shown.items()}
            data["facet_totals"] = totals
        emit_json(json.dumps(data, ensure_ascii=False, indent=1))
        return
    render.search_results(out, query, results)
    if q.limit and results.total > q.offset + len(results.hits):
        err.print(f"[dim]Página {page}; siguiente: --page {page + 1}[/]")
    _print_facets(shown, totals)


def _warn_unmatched_names(idx, **names: str | None) -> None:
    """A judge, court or article (free text or open-ended, not a vocabulary) that no indexed
    ruling carries is probably misspelt: say so, with the closest values the index has."""
    from search import SearchQuery
    from search.query import vocabulary

    for field, value in names.items():
        if not value or idx.search(SearchQuery(**{field: value}, limit=0)).total:
            continue
        known = [v for v, _ in idx.facets(SearchQuery(), [field], size=ALL_FACET_VALUES)[field]]
        close = vocabulary.closest(value, known)
        hint = f" ¿Quiso decir {' o '.join(close)}?" if close else ""
        err.print(f"[yellow]Aviso[/]: ningún documento del índice tiene --{field} «{escape(value)}».{escape(hint)}")


def _export(idx, query, target: Path) -> None:
    from search.export import write_csv

    idx.search(query.model_copy(update={"limit": 0}))  # a bad filter fails before the file is made
    records = idx.iter_matching(query)
    if str(target) == "-":
        n = write_csv(records, sys.stdout)
    else:
        with open_output(target) as fh:
            n = write_csv(records, fh, progress=lambda k: err.print(f"  {k} filas", end="\r"))
    err.print(f"{n} resoluciones exportadas a {escape(str(target))}")


def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Identificador del documento.")],
    index: IndexOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Registro completo en JSON.")] = False,
) -> None:
    """Muestra lo extraído de un documento indexado: cada dato con su página, su posición y el texto
    citado (--json: el registro y su lista "facts")."""
    with _open(index) as idx:
        record = idx.get(doc_id)
    if record is None:
        err.print(f"No hay ningún documento con id {escape(doc_id)} en el índice.")
        raise typer.Exit(1)
    if as_json:
        from expediente.facts import quoted_facts

        data = record.model_dump(mode="json")
        data["facts"] = [f.as_dict() for f in quoted_facts(record.ruling, record.pages)]
        emit_json(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        render.ruling(out, record.ruling, record.pages, title=f"{record.id}  {record.path}")


def summary(index: IndexOption = None) -> None:
    """Resumen del índice: búsquedas de ejemplo y una tabla por distrito y delito."""
    from search import SearchQuery

    with _open(index) as idx:
        for q in ('"trata de personas"', '"reparación civil" agraviada', 'delito:robo', "casación"):
            render.search_results(out, q, idx.search(SearchQuery(text=q, limit=3)))
        render.overview(out, list(idx.iter_records()))


def precedent(
    target: Annotated[str, typer.Argument(metavar="ID|CITA", help='Id de una resolución indexada, o una cita '
                                                                  '("Casación N.° 904-2019/Puno").')],
    index: IndexOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100, help="Resultados por lista.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Listas en JSON.")] = False,
) -> None:
    """Precedentes: resoluciones parecidas, las que la citan y las que ella cita."""
    from search import SearchQuery, normalize_citation

    page = SearchQuery(limit=limit, sort="date")
    with _open(index) as idx:
        record = idx.get(target)
        if record is None:
            citation = normalize_citation(target)
            if citation is None:
                raise QueryError(f"{target!r} no es el id de una resolución indexada ni una cita reconocible "
                                 "(Casación 904-2019, R.N. 2204-2018, Acuerdo Plenario 3-2011/CJ-116).",
                                 reason=Reason.QUERY)
            cited_by = idx.cited_by(target, page)
            if as_json:
                emit_json(json.dumps({"citation": citation, "cited_by": cited_by.model_dump(mode="json")},
                                     ensure_ascii=False, indent=1))
            else:
                render.search_results(out, f"citan {citation}", cited_by)
            return
        similar = idx.more_like_this(record.id, SearchQuery(limit=limit))
        citing = idx.citing(record.id, page)
        cites = idx.cites(record.id)
    if as_json:
        emit_json(json.dumps({"id": record.id, "more_like_this": similar.model_dump(mode="json"),
                              "cited_by": citing.model_dump(mode="json"),
                              "cites": [c.model_dump(mode="json") for c in cites]}, ensure_ascii=False, indent=1))
        return
    numbers = ", ".join(c.normalized for c in record.ruling.case_numbers) or "sin número"
    out.print(f"[bold]{record.id}[/] {escape(numbers)} · {record.ruling.doc_kind.value}")
    render.search_results(out, "parecidas (misma materia y razonamiento, otros casos)", similar)
    render.search_results(out, "la citan", citing)
    table = Table("cita", "normalizada", "indexadas", title="Cita", title_justify="left")
    for c in cites:
        table.add_row(escape(c.raw), c.normalized, ", ".join(c.indexed) or "—")
    out.print(table)


def reindex(
    to: Annotated[str, typer.Option("--to", help="Índice de destino: archivo SQLite o URL http(s):// de "
                                                 "Elasticsearch.")],
    index: IndexOption = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Motor de un SQLite nuevo: tantivy o fts5.")] = None,
) -> None:
    """Copia el índice (--index) a otro (--to), p. ej. de SQLite a Elasticsearch."""
    from search import open_index
    from search.reindex import copy_index

    settings = settings_for(index)
    if str(to) == str(settings.index):
        raise QueryError("El índice de destino es el mismo que el de origen.", reason=Reason.QUERY)
    if engine not in (None, "tantivy", "fts5"):
        raise QueryError(f"Motor desconocido: {engine}. Use tantivy o fts5.", reason=Reason.QUERY)
    with open_index(settings.index, originals=settings.show_originals, create=False) as source:
        total = source.count()
        kwargs = {"engine": engine} if engine and not to.startswith(("http://", "https://")) else {}
        with open_index(to, originals=settings.show_originals, **kwargs) as target:
            n = copy_index(source, target, progress=lambda k: err.print(f"  {k}/{total}", end="\r"))
    err.print(f"{n} registros copiados de {escape(str(settings.index))} a {escape(to)}")
