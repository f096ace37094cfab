"""Commands that read the index: search, show, summary."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from expediente import render
from expediente.cli_common import IndexOption, emit_json, handle_errors, settings_for, err, out


def register(app: typer.Typer) -> None:
    for command in (search, show, summary):
        app.command()(handle_errors(command))


def search(
    query: Annotated[str, typer.Argument(help='Consulta: palabras, "frases exactas", OR, -excluir.')] = "",
    index: IndexOption = None,
    district: Annotated[Optional[str], typer.Option("--district", help="Distrito judicial.")] = None,
    crime: Annotated[Optional[str], typer.Option("--crime", help="Clave de delito (p. ej. trata_de_personas).")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Año de la resolución.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Resultados en JSON.")] = False,
) -> None:
    """Busca resoluciones en el índice, con fragmentos resaltados."""
    from search import SearchQuery, open_index

    settings = settings_for(index)
    with open_index(settings.index) as idx:
        results = idx.search(SearchQuery(text=query, district=district, crime=crime, year=year, limit=limit))
    if as_json:
        emit_json(results.model_dump_json(indent=1))
    else:
        render.search_results(out, query, results)


def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Identificador del documento.")],
    index: IndexOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Registro completo en JSON.")] = False,
) -> None:
    """Muestra lo extraído de un documento indexado."""
    from search import open_index

    with open_index(settings_for(index).index) as idx:
        record = idx.get(doc_id)
    if record is None:
        err.print(f"No hay ningún documento con id {doc_id} en el índice.")
        raise typer.Exit(1)
    if as_json:
        emit_json(record.model_dump_json(indent=1))
    else:
        render.ruling(out, record.ruling, title=f"{record.id}  {record.path}")


def summary(index: IndexOption = None) -> None:
    """Resumen del índice: búsquedas de ejemplo y una tabla por distrito y delito."""
    from search import SearchQuery, open_index

    with open_index(settings_for(index).index) as idx:
        for q in ('"trata de personas"', "mineria ilegal", "acusacion agraviada", "casación"):
            render.search_results(out, q, idx.search(SearchQuery(text=q, limit=3)))
        render.overview(out, list(idx.iter_records()))


