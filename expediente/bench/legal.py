"""``expediente bench legal``: words per second of legal extraction on generated text.

    expediente bench legal --docs 400 --workers 2

Generates ``--docs`` text documents with the sample generator (no PDF, no OCR), then runs
``extractors.legal.extract`` over them in ``--workers`` processes (a
``ProcessPoolExecutor``; each worker builds its spaCy pipeline once, before the clock
starts) and prints words per second over the wall-clock time of the extraction alone. The
same is available as ``run(docs=..., workers=...)``.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Annotated

import typer

from expediente.cli_common import emit_json, err, handle_errors, out


def _warm() -> int:
    """Build this worker's pipeline (spaCy model included) outside the timing."""
    from extractors.legal import extract
    from schemas import DocumentText, Page

    extract(DocumentText(path="warm", sha256="0" * 64, file_type="text", page_count=1,
                         pages=[Page(number=1, text="Lima, uno de enero de dos mil veinte. El acusado "
                                     "Juan Pérez Quispe.", method="text_layer")], language="es"))
    return os.getpid()


def _pid(_: int) -> int:
    time.sleep(0.05)
    return os.getpid()


def _extract_batch(texts: list[str]) -> int:
    """Extract every text; return the number of words read."""
    from extractors.legal import extract
    from schemas import DocumentText, Page

    words = 0
    for text in texts:
        pages = [Page(number=i + 1, text=t, method="text_layer") for i, t in enumerate(text.split("\f"))]
        extract(DocumentText(path="bench", sha256="0" * 64, file_type="text", page_count=len(pages),
                             pages=pages, language="es"))
        words += len(text.split())
    return words


def run(*, docs: int = 400, workers: int = 2, seed: int = 1) -> dict[str, float | int]:
    """Words per second of ``extract`` over ``docs`` generated texts in ``workers`` processes."""
    from samples import generate

    with tempfile.TemporaryDirectory() as tmp:
        texts = [d.path.read_text(encoding="utf-8")
                 for d in generate(Path(tmp), count=docs, seed=seed, text_only=True)]
    chunks = [texts[i::workers * 4] for i in range(workers * 4)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
        pids: set[int] = set()
        for _ in range(20):  # every worker has built its pipeline before the clock starts
            pids |= set(pool.map(_pid, range(workers * 4)))
            if len(pids) >= workers:
                break
        started = time.perf_counter()
        words = sum(pool.map(_extract_batch, chunks))
        seconds = time.perf_counter() - started
    return {"documents": docs, "workers": workers, "warmed_processes": len(pids), "words": words,
            "seconds": round(seconds, 3), "words_per_second": round(words / seconds),
            "documents_per_second": round(docs / seconds, 1)}


def register(app: typer.Typer) -> None:
    @app.command("legal")
    @handle_errors
    def bench_legal(
        docs: Annotated[int, typer.Option("--docs", min=1, help="Documentos de texto generados.")] = 400,
        workers: Annotated[int, typer.Option("--workers", min=1, help="Procesos de extracción.")] = 2,
        seed: Annotated[int, typer.Option("--seed", help="Semilla del generador.")] = 1,
        as_json: Annotated[bool, typer.Option("--json", help="Cifras en JSON.")] = False,
    ) -> None:
        """Palabras por segundo de la extracción jurídica (texto generado, N procesos)."""
        err.print(f"generando {docs} documentos y extrayendo con {workers} procesos...")
        result = run(docs=docs, workers=workers, seed=seed)
        if as_json:
            emit_json(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            out.print(f"{result['words_per_second']:,} palabras/s ({result['documents_per_second']} docs/s; "
                      f"{result['words']:,} palabras en {result['seconds']} s, {workers} procesos)")
