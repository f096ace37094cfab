"""Commands for monitors: ``stats`` (durations, outcomes, appeals, penalties, codes, cepej)
and ``report`` (one self-contained HTML file). The figures come from ``search.analytics``;
this module only checks inputs, supplies the crime families and prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from expediente.cli_common import IndexOption, emit_json, err, handle_errors, out, settings_for, writing
from expediente.stats_filters import BY_HELP, group_labels, make_filters, parse_dimension
from schemas import CourtLevel, ProceduralCode, QueryError, Reason

stats_app = typer.Typer(
    help="Indicadores de seguimiento: duraciones entre hitos, resultados, apelaciones, penas, "
         "NCPP frente al código de 1940 y CEPEJ. Cada cifra lleva su n y sus documentos (--json, --csv).",
    no_args_is_help=True,
)

CrimeOption = Annotated[Optional[str], typer.Option(
    "--crime", help="Solo casos con este delito (clave, p. ej. trata_de_personas) o familia (trata, mineria, ambiental…).")]
DistrictOption = Annotated[Optional[str], typer.Option("--district", help="Solo este distrito judicial.")]
CodeOption = Annotated[Optional[ProceduralCode], typer.Option("--code", help="Solo este código procesal.")]
LevelOption = Annotated[Optional[CourtLevel], typer.Option("--level", help="Solo este nivel de órgano.")]
YearFromOption = Annotated[Optional[int], typer.Option("--year-from", help="Desde este año (de la decisión).")]
YearToOption = Annotated[Optional[int], typer.Option("--year-to", help="Hasta este año (de la decisión).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Resultado completo en JSON (con los ids de documentos).")]
CsvOption = Annotated[Optional[Path], typer.Option(
    "--csv", help="Escribe la tabla en CSV (las demás tablas junto a él, ARCHIVO-<tabla>.csv).")]
ChartOption = Annotated[Optional[Path], typer.Option("--chart", help="Escribe un gráfico (.png o .svg).")]


def register(app: typer.Typer) -> None:
    app.add_typer(stats_app, name="stats")
    app.command("report")(handle_errors(report))
    for name, command in (("durations", durations), ("outcomes", outcomes), ("appeals", appeals),
                          ("penalties", penalties), ("codes", codes), ("cepej", cepej)):
        stats_app.command(name)(handle_errors(command))


# -- helpers -----------------------------------------------------------------------------

def load_corpus(index: str | None):
    from extractors.data.crimes import family_of
    from search import open_index
    from search.analytics import Corpus

    location = settings_for(index).index
    with err.status("Leyendo el índice…"), open_index(location, create=False) as idx:
        corpus = Corpus.from_index(idx, family_of=family_of)
    if not corpus.docs:
        err.print(f"[yellow]Aviso[/]: el índice {location} no tiene documentos.")
    return corpus


def _emit(result, tables, *, as_json: bool, csv: Path | None, chart: Path | None, make_chart,
          notes=()) -> None:
    from expediente.report import terminal
    from expediente.report.tables import write_csv

    if as_json:
        emit_json(result.model_dump_json(indent=1))
    else:
        filters = getattr(result, "filters", None)
        shown = filters.describe() if filters is not None else []
        notes = [*notes, *(["Filtros: " + "; ".join(f"{k} = {v}" for k, v in shown)] if shown else [])]
        if any(row.ids for t in tables for row in t.rows):
            notes.append("Los ids de los documentos de cada cifra: --json o --csv.")
        terminal.show(out, tables, notes=notes)
    if csv is not None:
        with writing(csv):
            for path in write_csv(tables, csv):
                err.print(f"escrito {path}")
    if chart is not None:
        from expediente.report.charts import save

        with writing(chart):
            err.print(f"escrito {save(make_chart(), chart)}")


# -- stats commands ----------------------------------------------------------------------

def durations(
    start: Annotated[str, typer.Option("--from", help="Hito inicial (p. ej. hechos, denuncia, formalizacion).")] = "formalizacion",
    end: Annotated[str, typer.Option("--to", help="Hito final (p. ej. sentencia, vista, casacion, nulidad, disposicion).")] = "sentencia_primera",
    by: Annotated[str, typer.Option("--by", help=BY_HELP)] = "distrito",
    index: IndexOption = None, crime: CrimeOption = None, district: DistrictOption = None,
    code: CodeOption = None, level: LevelOption = None, year_from: YearFromOption = None,
    year_to: YearToOption = None, as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """Días entre dos hitos por caso: mediana, p25, p75, p90, casos abiertos (Kaplan–Meier) y excluidos."""
    from expediente.report.charts import durations_chart
    from expediente.report.tables import duration_table
    from search import analytics

    dim = parse_dimension(by)
    filters = make_filters(crime, district, code, level, year_from, year_to)
    start_m, end_m = analytics.parse_milestone(start), analytics.parse_milestone(end)
    result = analytics.durations(load_corpus(index), start_m, end_m, by=dim, filters=filters, per_case=as_json)
    labels = group_labels()
    notes = ([f"Hitos inverosímiles descartados por la extracción en {result.dropped_events.n} documentos "
              "(fechas posteriores a la resolución o imposibles): no entran en las cifras."]
             if result.dropped_events.n else [])
    _emit(result, [duration_table(result, labels)], as_json=as_json, csv=csv, chart=chart,
          make_chart=lambda: durations_chart(result, labels), notes=notes)


def outcomes(
    by: Annotated[str, typer.Option("--by", help=BY_HELP)] = "anio",
    index: IndexOption = None, crime: CrimeOption = None, district: DistrictOption = None,
    code: CodeOption = None, level: LevelOption = None, year_from: YearFromOption = None,
    year_to: YearToOption = None, as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """Cómo terminan los casos en primera instancia: condena, absolución, sobreseimiento, reserva del fallo, medida de seguridad y mecanismos de terminación anticipada."""
    from expediente.report.charts import outcomes_chart
    from expediente.report.tables import outcome_tables
    from search import analytics

    result = analytics.outcomes(load_corpus(index), by=parse_dimension(by),
                                filters=make_filters(crime, district, code, level, year_from, year_to))
    labels = group_labels()
    _emit(result, outcome_tables(result, labels), as_json=as_json, csv=csv, chart=chart,
          make_chart=lambda: outcomes_chart(result, labels))


def appeals(
    by: Annotated[str, typer.Option("--by", help=BY_HELP)] = "distrito",
    index: IndexOption = None, crime: CrimeOption = None, district: DistrictOption = None,
    code: CodeOption = None, level: LevelOption = None, year_from: YearFromOption = None,
    year_to: YearToOption = None, as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """Resultados de apelaciones (confirma, revoca, nula), casaciones y recursos de nulidad."""
    from expediente.report.charts import appeals_chart
    from expediente.report.tables import appeal_tables
    from search import analytics

    result = analytics.appeals(load_corpus(index), by=parse_dimension(by),
                               filters=make_filters(crime, district, code, level, year_from, year_to))
    labels = group_labels()
    _emit(result, appeal_tables(result, labels), as_json=as_json, csv=csv, chart=chart,
          make_chart=lambda: appeals_chart(result, labels))


def penalties(
    by: Annotated[str, typer.Option("--by", help=BY_HELP)] = "familia",
    index: IndexOption = None, crime: CrimeOption = None, district: DistrictOption = None,
    code: CodeOption = None, level: LevelOption = None, year_from: YearFromOption = None,
    year_to: YearToOption = None, as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """Penas: años de pena privativa (efectiva y suspendida) y reparación civil, por familia de delito."""
    from expediente.report.charts import penalties_chart
    from expediente.report.tables import penalty_tables
    from search import analytics

    result = analytics.penalties(load_corpus(index), by=parse_dimension(by),
                                 filters=make_filters(crime, district, code, level, year_from, year_to))
    labels = group_labels()
    _emit(result, penalty_tables(result, labels), as_json=as_json, csv=csv, chart=chart,
          make_chart=lambda: penalties_chart(result, labels))


def codes(
    index: IndexOption = None, crime: CrimeOption = None, district: DistrictOption = None,
    level: LevelOption = None, year_from: YearFromOption = None, year_to: YearToOption = None,
    as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """NCPP y código de 1940 lado a lado: duraciones, resultados, apelaciones y penas."""
    from expediente.report.charts import codes_chart
    from expediente.report.tables import codes_table
    from search import analytics

    result = analytics.compare_codes(load_corpus(index),
                                     filters=make_filters(crime, district, None, level, year_from, year_to))
    _emit(result, [codes_table(result)], as_json=as_json, csv=csv, chart=chart,
          make_chart=lambda: codes_chart(result))


def cepej(
    caseload: Annotated[Optional[Path], typer.Option(
        "--caseload", help="CSV de carga procesal: court, year, filed, resolved, pending.")] = None,
    as_json: JsonOption = False, csv: CsvOption = None, chart: ChartOption = None,
) -> None:
    """Tasa de resolución y tiempo de disposición de la CEPEJ, a partir de la carga procesal (no de las resoluciones)."""
    from expediente.report.charts import cepej_chart
    from expediente.report.tables import cepej_tables
    from search import analytics

    result = analytics.cepej(read_caseload_file(caseload), source=str(caseload)) if caseload else analytics.cepej(None)
    _emit(result, cepej_tables(result), as_json=as_json, csv=csv if result.available else None, chart=chart,
          make_chart=lambda: cepej_chart(result), notes=() if result.available else (result.message,))


def read_caseload_file(path: Path):
    from search.analytics import read_caseload

    if not path.is_file():
        raise QueryError(f"No existe el archivo de carga procesal {path}.", reason=Reason.NOT_FOUND)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return read_caseload(fh, source=str(path))


# -- report ------------------------------------------------------------------------------

def report(
    out_dir: Annotated[Path, typer.Option("--out", help="Carpeta donde escribir informe.html.")],
    index: IndexOption = None,
    by: Annotated[Optional[list[str]], typer.Option("--by", help="Desgloses de cada indicador (repetible). "
                                                     "Por defecto: familia, distrito, anio.")] = None,
    crime: CrimeOption = None, district: DistrictOption = None, code: CodeOption = None,
    level: LevelOption = None, year_from: YearFromOption = None, year_to: YearToOption = None,
    caseload: Annotated[Optional[Path], typer.Option("--caseload", help="CSV de carga procesal para la CEPEJ.")] = None,
    title: Annotated[str, typer.Option("--title", help="Título del informe.")] = "Informe de seguimiento de procesos penales",
    max_ids: Annotated[Optional[int], typer.Option("--max-ids", min=0, help=(
        "Máximo de ids listados por cifra (0: todos). Por defecto todos hasta 5000 documentos; "
        "con más, 25 por cifra (las listas completas: expediente stats … --json)."))] = None,
) -> None:
    """Escribe un informe HTML autocontenido (tablas, gráficos, definiciones, filtros y documentos de cada cifra)."""
    from expediente.report import DEFAULT_DIMS, auto_max_ids, build_report, write_report

    dims = [parse_dimension(b) for b in by] if by else list(DEFAULT_DIMS)
    filters = make_filters(crime, district, code, level, year_from, year_to)
    rows = read_caseload_file(caseload) if caseload else None
    location = settings_for(index).index
    corpus = load_corpus(index)
    cap = auto_max_ids(len(corpus.docs)) if max_ids is None else (max_ids or None)
    if cap is not None:
        err.print(f"Cada cifra lista a lo sumo {cap} ids de documentos (--max-ids 0 para todos).")
    with err.status("Calculando indicadores y gráficos…"):
        html = build_report(corpus, filters=filters, dims=dims, caseload=rows,
                            caseload_source=str(caseload) if caseload else None, labels=group_labels(),
                            title=title, source=location, max_ids=cap)
    path = write_report(out_dir, html)
    err.print(f"escrito {path} ({path.stat().st_size / 1e6:.1f} MB)")
    out.print(str(path))
