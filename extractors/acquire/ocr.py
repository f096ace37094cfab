"""OCR with the Tesseract CLI: one subprocess per page, a few pages in flight at a time.

Measured on this machine: Tesseract 'spa' takes 1.3-3 s per 300-dpi page on one core; it is
five times slower without ``OMP_THREAD_LIMIT=1`` when several run at once, and handing
pytesseract a PIL image costs +0.8 s per page. So pages are written as uncompressed TIFF
files (25 ms, against 50 ms for PNG; Tesseract reads both as fast, PNM more slowly) and
Tesseract runs as a plain subprocess, single-threaded, ``workers`` at a time. The caller
renders one page, submits it and moves on; ``submit`` blocks while ``2 × workers`` pages
are already waiting, so a 500-page scan never has more than a handful of images on disk
and only one in memory.

Orientation costs nothing on the pages that do not need it. A page whose lines run down
the page (found by ``preprocess``) is read with ``--psm 1``, which adds Tesseract's
orientation detection (+0.2 s) to the same run and so settles 90 against 270. Any other
page is read with ``--psm 3``; only when its mean word confidence comes back below
``LOW_CONFIDENCE`` (an upside-down page scores ~40, a fair scan 85-95; a blank page finds
no words and is left alone) does a separate orientation pass (``--psm 0 -l osd``, ~0.5 s)
run, and the page is read again only if that pass says it is upside down (or sideways).
Running ``--psm 1`` on every page instead would cost ~12 % more Tesseract time.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from time import perf_counter

from PIL import Image

from extractors.acquire.boxes import RawBoxes, align_words, tesseract_words, tilt_rect, turn_rect
from extractors.acquire.preprocess import Prepared
from extractors.acquire.records import RawPage
from extractors.acquire.scratch import make_scratch_dir
from schemas import OcrError, PageMethod, Reason

log = logging.getLogger(__name__)

LANGUAGE = "spa"
TIMEOUT_SECONDS = 300  # per page; a healthy page takes a few seconds
LOW_CONFIDENCE = 70.0  # below this mean word confidence, check the page's orientation
MIN_OSD_CONFIDENCE = 2.0  # Tesseract's own margin for trusting an orientation guess
# Tesseract settings shared by every page (and by the benchmark's bare runs):
# LSTM engine, automatic page segmentation, keep the width of column gaps.
TESSERACT_OPTIONS = ("-l", LANGUAGE, "--oem", "1", "-c", "preserve_interword_spaces=1")

# One cap on Tesseract processes for the whole Python process, whatever the number of
# documents being acquired at once (the ingest flow runs several): more single-threaded
# Tesseracts than cores only makes each slower. ``limit_processes`` changes it.
_slots = threading.BoundedSemaphore(os.cpu_count() or 1)


def limit_processes(n: int, *, shared=None) -> None:
    """Allow at most ``n`` Tesseract processes at once in this Python process; or, given
    ``shared`` (a semaphore of ``n`` that other processes hold too, such as a
    ``multiprocessing.BoundedSemaphore``), at most ``n`` among all of them."""
    global _slots
    _slots = shared if shared is not None else threading.BoundedSemaphore(max(1, n))


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence, 0-100
    seconds: float
    turned: int = 0  # degrees (clockwise) the page was turned after orientation detection
    tsv: str = ""  # Tesseract's TSV output: the word boxes


@dataclass(frozen=True)
class Orientation:
    rotate: int  # degrees clockwise that make the page upright: 0, 90, 180 or 270
    confidence: float


def tesseract_command(image: Path, outbase: Path, *, dpi: int | None, psm: int = 3) -> list[str]:
    command = ["tesseract", str(image), str(outbase), *TESSERACT_OPTIONS, "--psm", str(psm)]
    if dpi:
        command += ["--dpi", str(dpi)]
    return command + ["-c", "tessedit_create_txt=1", "-c", "tessedit_create_tsv=1"]


def ocr_page(image: Path, *, dpi: int | None = None, sideways: bool = False) -> OcrResult:
    """OCR one page image, turning it upright first when it is upside down or sideways."""
    start = perf_counter()
    if sideways:  # 90 or 270: Tesseract's orientation detection in the same run decides
        return replace(run_tesseract(image, dpi=dpi, psm=1), seconds=perf_counter() - start)
    first = run_tesseract(image, dpi=dpi)
    if first.confidence is None or first.confidence >= LOW_CONFIDENCE:
        return first  # a good reading, or no words at all (a blank page: nothing to turn)
    orientation = detect_orientation(image, dpi=dpi)
    if orientation is None or orientation.rotate == 0:
        return replace(first, seconds=perf_counter() - start)
    log.debug("%s: girada %d° (confianza %.1f)", image.name, orientation.rotate,
              orientation.confidence)
    turn_image_file(image, orientation.rotate)
    second = run_tesseract(image, dpi=dpi)
    best = second if (second.confidence or 0) > (first.confidence or 0) else first
    return replace(best, seconds=perf_counter() - start,
                   turned=orientation.rotate if best is second else 0)


def turn_image_file(image: Path, clockwise: int) -> None:
    """Rewrite the image file turned ``clockwise`` degrees (90, 180 or 270)."""
    transpose = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                 270: Image.Transpose.ROTATE_90}[clockwise]
    with Image.open(image) as original:
        info = {"dpi": original.info["dpi"]} if "dpi" in original.info else {}
        turned = original.transpose(transpose)
    turned.save(image, format="TIFF", compression="raw", **info)


OSD_ROTATE_RE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
OSD_CONFIDENCE_RE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def detect_orientation(image: Path, *, dpi: int | None = None) -> Orientation | None:
    """Tesseract's orientation detection alone (``--psm 0``); None when it cannot tell."""
    command = ["tesseract", str(image), "-", "--psm", "0", "-l", "osd"]
    if dpi:
        command += ["--dpi", str(dpi)]
    try:
        proc = _run(command)
    except OcrError as exc:
        log.debug("sin detección de orientación: %s", exc.message)
        return None
    out = proc.stdout.decode("utf-8", "replace")
    rotate, confidence = OSD_ROTATE_RE.search(out), OSD_CONFIDENCE_RE.search(out)
    if proc.returncode != 0 or not (rotate and confidence):
        return None  # e.g. "Too few characters": a nearly blank page
    if float(confidence[1]) < MIN_OSD_CONFIDENCE:
        return None
    return Orientation(int(rotate[1]) % 360, float(confidence[1]))


def run_tesseract(image: Path, *, dpi: int | None = None, psm: int = 3) -> OcrResult:
    """OCR one image file; raises ``OcrError`` (reason OCR_FAILED) when Tesseract fails."""
    outbase = image.with_suffix("")
    start = perf_counter()
    proc = _run(tesseract_command(image, outbase, dpi=dpi, psm=psm))
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
                     seconds=perf_counter() - start, tsv=tsv)


def _run(command: list[str]) -> subprocess.CompletedProcess[bytes]:
    """One Tesseract process, holding one of the process-wide slots while it runs."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        with _slots:
            return subprocess.run(command, env=env, capture_output=True,
                                  timeout=TIMEOUT_SECONDS, check=False)
    except FileNotFoundError as exc:
        raise OcrError("no se encontró el programa tesseract; instálelo (apt-get install "
                       "tesseract-ocr tesseract-ocr-spa tesseract-ocr-osd) o use el modo de "
                       "capa de texto", reason=Reason.OCR_FAILED) from exc
    except OSError as exc:
        raise OcrError(f"no se pudo ejecutar tesseract ({exc.strerror})",
                       reason=Reason.OCR_FAILED) from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"Tesseract no terminó en {TIMEOUT_SECONDS} s; revise la imagen de la "
                       "página o reintente con menos dpi", reason=Reason.OCR_FAILED) from exc


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


def ocr_boxes(result: OcrResult, *, skew: float = 0.0) -> RawBoxes | None:
    """The word boxes of an OCR result's text on the page as submitted: a page Tesseract read
    turned is turned back, and one ``preprocess`` straightened is tilted back by its ``skew``
    (a sideways page, turned before OCR, gets none)."""
    read = tesseract_words(result.tsv)
    if read is None:
        return None
    width, height, words = read
    back = (360 - result.turned) % 360
    if back % 180:
        width, height = height, width
    return RawBoxes(width=width, height=height,
                    words=tuple((s, e, tilt_rect(turn_rect(r, back), skew, height / width))
                                for s, e, r in align_words(result.text, words)))


def _is_flat(image: Image.Image) -> bool:
    """A page of a single grey level (a blank rendered page): 2,000 of them cost 7 minutes of
    Tesseract for no words; a scanned blank page has grain and is still read."""
    extrema = image.getextrema()
    return isinstance(extrema[0], int) and extrema[0] == extrema[1]


class OcrPool:
    """Streams page images to Tesseract subprocesses; collects ``RawPage`` results.

    Use as a context manager; the temporary directory (under ``scratch_root``, see
    ``scratch``) and any unfinished work are cleaned up on exit. Threads only wait on
    subprocesses, so the GIL is no bottleneck.
    """

    def __init__(self, *, workers: int, scratch_root: Path | None = None) -> None:
        self._workers = workers
        self._scratch_root = scratch_root
        self._max_in_flight = 2 * workers
        self._executor: ThreadPoolExecutor | None = None
        self._tmp: Path | None = None
        self._pending: dict[Future[OcrResult], tuple[int, Path, float, str | None, Prepared]] = {}
        self._done: list[RawPage] = []

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)

    def submit(self, number: int, page: Prepared, *, dpi: int | None, started: float,
               note: str | None = None) -> None:
        """Write the page image and queue it; ``started`` is when work on the page began."""
        if _is_flat(page.image):  # one colour, nothing to read: as Tesseract would find, at once
            self._done.append(RawPage(number=number, text="", method=PageMethod.OCR,
                                      seconds=perf_counter() - started, note=note))
            return
        waiting = perf_counter()
        self._wait_for_room()
        waited = perf_counter() - waiting
        path = self._dir() / f"page-{number:05d}.tif"
        # uncompressed, whatever the source was: a bilevel scan's Group 4 setting travels
        # in ``image.info`` and fails on the grey image Tesseract gets
        page.image.save(path, format="TIFF", compression="raw", **({"dpi": (dpi, dpi)} if dpi else {}))
        prepared = perf_counter() - started - waited
        future = self._pool().submit(ocr_page, path, dpi=dpi, sideways=page.sideways)
        self._pending[future] = (number, path, prepared, note, page)

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
        number, path, prepared, note, page = self._pending.pop(future)
        try:
            result = future.result()
        except OcrError as exc:
            log.warning("OCR de la página %d falló: %s", number, exc.message)
            self._done.append(RawPage.failed(number, exc.message, seconds=prepared))
        else:
            self._done.append(RawPage(number=number, text=result.text, method=PageMethod.OCR,
                                      seconds=prepared + result.seconds,
                                      ocr_confidence=result.confidence, note=note,
                                      boxes=None if page.sideways else ocr_boxes(result, skew=page.skew)))
        finally:
            for leftover in path.parent.glob(f"{path.stem}.*"):
                leftover.unlink(missing_ok=True)

    def _dir(self) -> Path:
        if self._tmp is None:
            self._tmp = make_scratch_dir(self._scratch_root)
        return self._tmp

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self._workers,
                                                thread_name_prefix="tesseract")
        return self._executor
