"""``expediente bench analytics``: time every monitoring indicator over an index.

    expediente bench analytics --index big.sqlite --build 100000   # fill it first, then time
    expediente bench analytics --index big.sqlite                  # time an existing index

``--build N`` fills the index with N records made from the sample generator's ground
truth (``*.truth.json`` as the ``Ruling``, the generated text as the page), without OCR or
extraction, so that a 100,000-document index takes minutes, not hours. The same is
available as ``run(index_location, report=True)`` and ``build(index_location, count)``.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import typer

from expediente.cli_common import IndexOption, emit_json, err, handle_errors, out, settings_for

BATCH = 2_000


def build(location: str, count: int, *, seed: int = 1, progress=None) -> int:
    """Add ``count`` generated records to the index at ``location``; returns how many."""
    from samples import generate
    from schemas import IndexRecord, Ruling
    from search import open_index

    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory() as tmp, open_index(location) as index:
        docs = generate(Path(tmp), count=count, seed=seed, scanned_ratio=0.0, text_only=True)
        batch = []
        for n, doc in enumerate(docs, 1):
            text = doc.path.read_text(encoding="utf-8")
            sha = hashlib.sha256(f"bench:{seed}:{doc.name}".encode() + text.encode()).hexdigest()
            batch.append(IndexRecord(
                id=IndexRecord.id_for(sha), path=str(doc.path.name), sha256=sha, file_type="text",
                page_count=text.count("\f") + 1, pages=text.split("\f"), language="es",
                ruling=Ruling.model_validate_json(doc.truth_path.read_text(encoding="utf-8")),
                extractor_version="bench-truth", ingested_at=now))
            if len(batch) == BATCH or n == len(docs):
                index.upsert(batch)
                batch = []
                if progress:
                    progress(n, len(docs))
    return count


def run(location: str, *, report: bool = True) -> dict[str, float | int]:
    """Seconds spent on each step: reading the index, each indicator, the HTML report."""
    from expediente.stats_filters import group_labels
    from extractors.data.crimes import family_of
    from search import analytics, open_index

    timings: dict[str, float | int] = {}
    started = time.perf_counter()
    with open_index(location) as index:
        corpus = analytics.Corpus.from_index(index, family_of=family_of)
    timings["leer índice (documentos → casos)"] = time.perf_counter() - started
    timings["documentos"] = len(corpus.docs)
    timings["casos"] = len(corpus.cases)
    steps = {
        **{f"duración {s.value}→{e.value} por distrito":
           (lambda s=s, e=e: analytics.durations(corpus, s, e, by=analytics.Dimension.DISTRITO, per_case=False))
           for s, e in analytics.STANDARD_PAIRS},
        "resultados por año": lambda: analytics.outcomes(corpus, by=analytics.Dimension.ANIO),
        "apelaciones por distrito": lambda: analytics.appeals(corpus, by=analytics.Dimension.DISTRITO),
        "penas por familia": lambda: analytics.penalties(corpus, by=analytics.Dimension.FAMILIA),
        "NCPP frente a 1940": lambda: analytics.compare_codes(corpus),
    }
    for name, step in steps.items():
        t = time.perf_counter()
        step()
        timings[name] = time.perf_counter() - t
    if report:
        from expediente.report import auto_max_ids, build_report

        t = time.perf_counter()
        html = build_report(corpus, labels=group_labels(), max_ids=auto_max_ids(len(corpus.docs)))
        timings["informe HTML"] = time.perf_counter() - t
        timings["informe HTML (MB)"] = round(len(html.encode()) / 1e6, 2)
    timings["total"] = time.perf_counter() - started
    return timings


def register(app: typer.Typer) -> None:
    @app.command("analytics")
    @handle_errors
    def analytics_bench(
        index: IndexOption = None,
        build_count: Annotated[Optional[int], typer.Option(
            "--build", min=1, help="Antes, añade N registros generados (verdad de referencia) al índice.")] = None,
        report: Annotated[bool, typer.Option("--report/--no-report", help="Medir también el informe HTML.")] = True,
        as_json: Annotated[bool, typer.Option("--json", help="Tiempos en JSON.")] = False,
    ) -> None:
        """Mide el tiempo de todos los indicadores de seguimiento (y del informe) sobre un índice."""
        from rich.table import Table

        location = settings_for(index).index
        if build_count:
            t = time.perf_counter()
            build(location, build_count, progress=lambda n, total: err.print(f"  {n}/{total} indexados", end="\r"))
            err.print(f"{build_count} registros añadidos a {location} en {time.perf_counter() - t:.1f} s")
        timings = run(location, report=report)
        if as_json:
            emit_json(json.dumps(timings, ensure_ascii=False, indent=1))
            return
        table = Table("paso", "valor", title=f"Indicadores sobre {location}", title_justify="left")
        for name, value in timings.items():
            table.add_row(name, f"{value:.2f} s" if isinstance(value, float) and "MB" not in name else str(value))
        out.print(table)
