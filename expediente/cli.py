"""The ``expediente`` command line: a thin front door that checks its inputs and hands off.

Data goes to stdout, messages to stderr. Every ``PipelineError`` is mapped to its exit code
in one place (``handle_errors``); the library stays usable without the CLI.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from expediente import cli_search, cli_stats, cli_web, render
from expediente.cli_common import IndexOption, SpanishGroup, emit_json, handle_errors, settings_for, err, out, writing
from expediente.runtime import filter_known_warnings
from expediente.settings import Settings
from extractors.acquire import TextLayerMode, display_path
from extractors.acquire.detect import os_failure
from extractors.acquire.scratch import sweep
from flows.discover import discover
from schemas import IndexUnavailable, PipelineError, QueryError, Reason, UnreadableDocument

filter_known_warnings()

app = typer.Typer(
    help="expediente: inteligencia documental para expedientes y resoluciones penales del Perú.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    cls=SpanishGroup,  # Click's usage errors in Spanish
)
samples_app = typer.Typer(help="Corpus de muestra con su verdad de referencia.", no_args_is_help=True)
app.add_typer(samples_app, name="samples")
bench_app = typer.Typer(help="Mediciones de velocidad y calidad (imprimen cifras).", no_args_is_help=True)
app.add_typer(bench_app, name="bench")


@app.command()
@handle_errors
def schema(
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Carpeta de destino.")] = None,
) -> None:
    """Escribe el JSON Schema de Ruling y DocumentText en schemas/json/."""
    from schemas import export

    for path in export.write(out_dir) if out_dir else export.write():
        err.print(f"escrito {path}")


@samples_app.command("generate")
@handle_errors
def samples_generate(
    out_dir: Annotated[Path, typer.Option("--out", help="Carpeta de salida.")],
    count: Annotated[int, typer.Option("--count", min=1, help="Número de documentos.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Semilla (mismo valor, mismos archivos).")] = 1,
    scanned_ratio: Annotated[float, typer.Option("--scanned-ratio", min=0.0, max=1.0,
                                                 help="Proporción de documentos escaneados.")] = 0.25,
    text_only: Annotated[bool, typer.Option("--text-only", help="Solo texto (.txt), sin PDF.")] = False,
) -> None:
    """Genera documentos judiciales de muestra (PDF, escaneos) con su archivo .truth.json."""
    from samples import generate

    started = time.perf_counter()
    docs = generate(out_dir, count=count, seed=seed, scanned_ratio=scanned_ratio, text_only=text_only)
    scanned = sum(d.scanned for d in docs)
    err.print(f"{len(docs)} documentos en {out_dir} ({scanned} escaneados) "
              f"en {time.perf_counter() - started:.1f} s")


@app.command()
@handle_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Archivos o carpetas a ingerir.")],
    index: IndexOption = None,
    text_layer: Annotated[TextLayerMode, typer.Option("--text-layer", help="Capa de texto: usarla, OCR siempre, o decidir por página.")] = TextLayerMode.AUTO,
    dpi: Annotated[Optional[int], typer.Option("--dpi", help="Resolución del OCR.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Registros de Prefect en la terminal.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Resumen en JSON por stdout.")] = False,
    events: Annotated[Optional[Path], typer.Option(
        "--events", metavar="ARCHIVO", help="Escribe el avance de cada archivo en ARCHIVO, una línea JSON por etapa "
                         "(acquired, extracted, done con su resultado), a medida que ocurre.")] = None,
) -> None:
    """Ingiere documentos con el flujo de Prefect: texto, extracción e índice.

    En una carpeta se leen PDF, TIFF, PNG, JPEG y .txt; cada otro archivo se informa como
    excluido, con su motivo. Los ocultos (.git, .DS_Store) y los .truth.json / .pages.json
    del generador de muestras se omiten sin aviso.
    """
    from expediente.runtime import CLIENT_LOGGERS, prepare_prefect_env, route_logs, route_prefect_logs

    settings = settings_for(index)
    log_file = prepare_prefect_env(settings.log_dir)
    route_logs(log_file, CLIENT_LOGGERS, verbose=verbose)
    _check_paths(paths)
    _check_index(settings.index)  # all before Prefect: a typo costs no server start
    found = discover(paths)
    if not found.files and not found.excluded:
        err.print("No se encontraron documentos en las rutas indicadas.")
        raise typer.Exit(1)
    _prepare_scratch(settings.scratch_dir)
    from flows import ingest as ingest_module

    route_prefect_logs(log_file, verbose=verbose)
    started = time.perf_counter()
    with render.ingest_progress(err, total=len(found.files) + len(found.excluded)) as on_event, \
            _event_log(events) as log_event:
        remove = ingest_module.add_listener(on_event)
        remove_log = ingest_module.add_listener(log_event)
        try:
            summary = ingest_module.ingest_flow(
                paths=[display_path(p) for p in paths], index=settings.index, text_layer=text_layer,
                dpi=settings.dpi if dpi is None else dpi, ocr_workers=settings.ocr_workers,
                batch_size=settings.batch_size, keep_originals=settings.show_originals,
                scratch_dir=str(settings.scratch_dir), max_pages=settings.max_pages,
                processes=settings.concurrency,
            )
        finally:
            remove()
            remove_log()
    if as_json:
        emit_json(summary.model_dump_json(indent=1))
    render.ingest_summary(err, summary, seconds=time.perf_counter() - started, log_file=log_file)
    if not summary.by_status("ingested") and not summary.by_status("skipped"):
        raise typer.Exit(1)


@contextlib.contextmanager
def _event_log(path: Path | None):
    """A listener that writes each ``IngestEvent`` as one JSON line to ``path`` (flushed at
    once, so a reader following the file sees every stage as it happens); a no-op without it."""
    if path is None:
        yield lambda event: None
        return
    with writing(path):  # only the opening: the flow's own errors are not this file's
        fh = path.open("a", encoding="utf-8")
    with fh:
        def log_event(event) -> None:
            outcome = event.outcome.model_dump() if event.outcome is not None else None
            fh.write(json.dumps({"stage": str(event.stage), "path": event.path, "pages": event.pages,
                                 "outcome": outcome}, ensure_ascii=False) + "\n")
            fh.flush()
        yield log_event


def _check_paths(paths: list[Path]) -> None:
    """Every path named must exist, and a folder must be readable; a symlink loop or an
    unreadable file named is left to acquisition, which reports it with the others."""
    problems = []
    for path in paths:
        try:
            os.lstat(path)
        except OSError as exc:
            problems.append((path, *os_failure(exc)))
            continue
        if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            problems.append((path, Reason.PERMISSION_DENIED, "sin permiso para leer la carpeta"))
    if problems:
        path, reason, message = problems[0]
        others = "".join(f"; {display_path(p)}: {m}" for p, _, m in problems[1:])
        raise UnreadableDocument(message + others, reason=reason, path=display_path(path))


def _prepare_scratch(root: Path) -> None:
    """The OCR page images' folder must be there; those left by a killed run go."""
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError(f"no se puede crear la carpeta temporal del OCR ({exc.strerror}); "
                            "indique otra con EXPEDIENTE_SCRATCH_DIR", reason=os_failure(exc)[0],
                            path=display_path(root)) from exc
    sweep(root)


def _check_index(location: str) -> None:
    """An Elasticsearch URL must answer; a SQLite file must be writable where it goes."""
    if location.startswith(("http://", "https://")):
        from search.elastic.index import check_reachable

        check_reachable(location)
        return
    target = Path(location)
    existing = next(p for p in (target, *target.parents) if p.exists() or p == p.parent)
    if existing == target:
        problem = None if target.is_file() and os.access(target, os.W_OK) else "no es un archivo escribible"
    else:  # folders up to the file are created
        problem = None if existing.is_dir() and os.access(existing, os.W_OK | os.X_OK) else \
            f"no se puede crear dentro de {display_path(existing)}"
    if problem:
        raise IndexUnavailable(f"{problem}; elija otra ruta con --index", reason=Reason.INDEX,
                               path=location, retryable=False)


@app.command()
@handle_errors
def extract(
    file: Annotated[Path, typer.Argument(help="PDF, imagen o .txt.")],
    as_json: Annotated[bool, typer.Option("--json", help="Ruling en JSON.")] = False,
    text_layer: Annotated[TextLayerMode, typer.Option("--text-layer", help="Capa de texto: usarla, OCR siempre, o decidir por página.")] = TextLayerMode.AUTO,
) -> None:
    """Lee y extrae un documento sin indexarlo."""
    from extractors.acquire import acquire
    from extractors.legal import extract as extract_ruling

    settings = Settings()
    doc = acquire(file, text_layer=text_layer, dpi=settings.dpi, ocr_workers=settings.ocr_workers)
    ruling = extract_ruling(doc)
    if as_json:
        emit_json(ruling.model_dump_json(indent=1))
    else:
        render.ruling(out, ruling, [p.text for p in doc.pages], title=str(file))


@app.command("eval")
@handle_errors
def evaluate(
    directory: Annotated[Path, typer.Argument(help="Carpeta con documentos y sus .truth.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Cifras en JSON.")] = False,
    scan: Annotated[bool, typer.Option("--scan", help="Imprime y escanea antes cada documento de texto "
                                       "(.txt), para medir todo el proceso con OCR.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Compone antes cada documento de texto (.txt) como PDF "
                                      "nacido digital, para medir la lectura de su capa de texto.")] = False,
) -> None:
    """Compara la extracción con la verdad de referencia: precisión, exhaustividad y F1 por campo."""
    from expediente.evaluate import evaluate_directory

    if scan and pdf:
        raise QueryError("Use --scan o --pdf, no ambas: un documento se escanea o se compone como PDF.",
                         reason=Reason.QUERY)
    report = evaluate_directory(directory, progress=lambda name: err.print(f"  {name}", end="\r"), scan=scan,
                                pdf=pdf)
    if as_json:
        emit_json(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        render.eval_report(out, report)


def _register_benchmarks() -> None:
    import importlib
    import pkgutil

    import expediente.bench as bench

    for module in pkgutil.iter_modules(bench.__path__):
        importlib.import_module(f"expediente.bench.{module.name}").register(bench_app)


_register_benchmarks()
cli_search.register(app)
cli_web.register(app)
cli_stats.register(app)


def main() -> None:  # pragma: no cover - console-script entry point
    sys.exit(app())
