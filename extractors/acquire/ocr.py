"""OCR with the Tesseract CLI: one subprocess per page, a few pages in flight at a time.

Measured on this machine: Tesseract 'spa' takes 1.5-3 s per 300-dpi page on one core; it is
five times slower without ``OMP_THREAD_LIMIT=1`` when several run at once, and handing
pytesseract a PIL image costs +0.8 s per page. So pages are written as PNG files and
Tesseract runs as a plain subprocess, single-threaded, ``workers`` at a time. The caller
renders one page, submits it and moves on; ``submit`` blocks while ``2 × workers`` pages
are already waiting, so a 500-page scan never has more than a handful of images on disk
and only one in memory.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from PIL import Image

from extractors.acquire.records import RawPage
from schemas import OcrError, PageMethod, Reason

log = logging.getLogger(__name__)

LANGUAGE = "spa"
TIMEOUT_SECONDS = 300  # per page; a healthy page takes a few seconds

# One cap on Tesseract processes for the whole Python process, whatever the number of
# documents being acquired at once (the ingest flow runs several): more single-threaded
# Tesseracts than cores only makes each slower. ``limit_processes`` changes it.
_slots = threading.BoundedSemaphore(os.cpu_count() or 1)


def limit_processes(n: int) -> None:
    """Allow at most ``n`` Tesseract processes at once in this Python process."""
    global _slots
    _slots = threading.BoundedSemaphore(max(1, n))


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence, 0-100
    seconds: float


def tesseract_command(image: Path, outbase: Path, *, dpi: int | None) -> list[str]:
    command = ["tesseract", str(image), str(outbase), "-l", LANGUAGE, "--oem", "1", "--psm", "3"]
    if dpi:
        command += ["--dpi", str(dpi)]
    return command + ["-c", "tessedit_create_txt=1", "-c", "tessedit_create_tsv=1"]


def run_tesseract(image: Path, *, dpi: int | None = None) -> OcrResult:
    """OCR one image file; raises ``OcrError`` (reason OCR_FAILED) when Tesseract fails."""
    outbase = image.with_suffix("")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start = perf_counter()
    try:
        with _slots:
            proc = subprocess.run(tesseract_command(image, outbase, dpi=dpi), env=env,
                                  capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except FileNotFoundError as exc:
        raise OcrError("no se encontró el programa tesseract; instálelo (apt-get install "
                       "tesseract-ocr tesseract-ocr-spa) o use el modo de capa de texto",
                       reason=Reason.OCR_FAILED) from exc
    except OSError as exc:
        raise OcrError(f"no se pudo ejecutar tesseract ({exc.strerror})",
                       reason=Reason.OCR_FAILED) from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"Tesseract no terminó en {TIMEOUT_SECONDS} s; revise la imagen de la "
                       "página o reintente con menos dpi", reason=Reason.OCR_FAILED) from exc
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["sin detalle"]
        raise OcrError(f"Tesseract falló (código {proc.returncode}): {detail[0]}",
                       reason=Reason.OCR_FAILED)
    try:
        text = outbase.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")
        tsv = outbase.with_suffix(".tsv").read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise OcrError(f"Tesseract no dejó su salida ({exc.strerror})",
                       reason=Reason.OCR_FAILED) from exc
    return OcrResult(text=text, confidence=mean_word_confidence(tsv),
                     seconds=perf_counter() - start)


def mean_word_confidence(tsv: str) -> float | None:
    """Mean of Tesseract's per-word confidences (TSV level 5) over words with conf >= 0."""
    confidences = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        try:
            conf = float(cells[10])
        except ValueError:
            continue
        if conf >= 0 and cells[11].strip():
            confidences.append(conf)
    return round(sum(confidences) / len(confidences), 2) if confidences else None


class OcrPool:
    """Streams page images to Tesseract subprocesses; collects ``RawPage`` results.

    Use as a context manager; the temporary directory and any unfinished work are cleaned
    up on exit. Threads only wait on subprocesses, so the GIL is no bottleneck.
    """

    def __init__(self, *, workers: int) -> None:
        self._workers = workers
        self._max_in_flight = 2 * workers
        self._executor: ThreadPoolExecutor | None = None
        self._tmp: Path | None = None
        self._pending: dict[Future[OcrResult], tuple[int, Path, float, str | None]] = {}
        self._done: list[RawPage] = []

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def submit(self, number: int, image: Image.Image, *, dpi: int | None, started: float,
               note: str | None = None) -> None:
        """Write the page image and queue it; ``started`` is when work on the page began."""
        waiting = perf_counter()
        self._wait_for_room()
        waited = perf_counter() - waiting
        path = self._dir() / f"page-{number:05d}.png"
        image.save(path, format="PNG", compress_level=1, dpi=(dpi, dpi) if dpi else None)
        prepared = perf_counter() - started - waited
        future = self._pool().submit(run_tesseract, path, dpi=dpi)
        self._pending[future] = (number, path, prepared, note)

    def results(self) -> list[RawPage]:
        """Wait for every page submitted so far and return all results."""
        if self._pending:
            wait(list(self._pending))
            for future in list(self._pending):
                self._collect(future)
        return list(self._done)

    def _wait_for_room(self) -> None:
        while len(self._pending) >= self._max_in_flight:
            done, _ = wait(list(self._pending), return_when=FIRST_COMPLETED)
            for future in done:
                self._collect(future)

    def _collect(self, future: Future[OcrResult]) -> None:
        number, path, prepared, note = self._pending.pop(future)
        try:
            result = future.result()
        except OcrError as exc:
            log.warning("OCR de la página %d falló: %s", number, exc.message)
            self._done.append(RawPage.failed(number, exc.message, seconds=prepared))
        else:
            self._done.append(RawPage(number=number, text=result.text, method=PageMethod.OCR,
                                      seconds=prepared + result.seconds,
                                      ocr_confidence=result.confidence, note=note))
        finally:
            for leftover in path.parent.glob(f"{path.stem}.*"):
                leftover.unlink(missing_ok=True)

    def _dir(self) -> Path:
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix="expediente-ocr-"))
        return self._tmp

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self._workers,
                                                thread_name_prefix="tesseract")
        return self._executor
