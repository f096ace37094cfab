"""PDF → raw pages, deciding per page between the text layer (pypdfium2) and OCR.

Stages, top to bottom: open the document (converting pdfium's errors), check its size,
then visit each page: read the text layer (~2 ms), judge it, and either keep it or render
the page in grey and hand it to the OCR pool. pdfium is not thread-safe, so every call
into it holds ``PDFIUM_LOCK``; only Tesseract runs in parallel.
"""

from __future__ import annotations

import ctypes
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractors.acquire.boxes import RawBoxes, Rect, turn_rect
from extractors.acquire.decide import NO_TEXT, LayerFacts, judge_page, text_layer_problem
from extractors.acquire.detect import unreadable
from extractors.acquire.ocr import OcrPool
from extractors.acquire.preprocess import prepare_for_ocr
from extractors.acquire.records import Acquired, Options, RawPage, TextLayerMode
from schemas import PageMethod, Reason

log = logging.getLogger(__name__)

PDFIUM_LOCK = threading.RLock()
POINTS_PER_METRE = 72 / 0.0254
MAX_SIDE_METRES = 5.0
MAX_RENDER_PIXELS = 100_000_000  # a grey render of A0 at ~250 dpi; above it, dpi is lowered
REOPEN_EVERY = 40  # pages read per opening of the document (see ``read_pdf``)
LINE_GAP = 36.0  # points (half an inch, two or three lines): a larger gap splits text bands
INVISIBLE = pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
WORD_RE = re.compile(r"\S+")  # a word: a run of non-space characters (as ``boxes.words_of``)


@dataclass(frozen=True)
class PageContext:
    number: int  # 1-based
    mode: TextLayerMode
    dpi: int


def read_pdf(path: Path, options: Options) -> Acquired:
    """Every page, ``REOPEN_EVERY`` pages per opening of the document: pdfium keeps each
    object it has parsed until the document is closed (about 1 MB per page of a JPEG scan,
    500 MB on a 500-page file), so the document is closed and opened again as it goes."""
    acquired = Acquired()
    with OcrPool(workers=options.ocr_workers, scratch_root=options.scratch_dir) as pool:
        with open_pdf(path) as pdf:
            count = check_pages(path, pdf, max_pages=options.max_pages)
            _visit_pages(pdf, range(1, min(count, REOPEN_EVERY) + 1), options, pool, acquired)
        for first in range(REOPEN_EVERY + 1, count + 1, REOPEN_EVERY):
            with open_pdf(path) as pdf:
                last = min(count, first + REOPEN_EVERY - 1)
                _visit_pages(pdf, range(first, last + 1), options, pool, acquired)
        acquired.pages.extend(pool.results())
    return acquired


def _visit_pages(pdf: pdfium.PdfDocument, numbers: range, options: Options, pool: OcrPool,
                 acquired: Acquired) -> None:
    for number in numbers:
        ctx = PageContext(number=number, mode=options.text_layer, dpi=options.dpi)
        page = visit_page(pdf, ctx, pool)
        if page is not None:
            acquired.pages.append(page)


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfium.PdfDocument]:
    """Open with pdfium, trying the empty user password; pdfium errors become ours."""
    try:
        with PDFIUM_LOCK:
            pdf = _load(path)
    except pdfium.PdfiumError as exc:
        raise _classify_failure(path, exc) from exc
    try:
        yield pdf
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def _load(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) != pdfium_c.FPDF_ERR_PASSWORD:
            raise
        return pdfium.PdfDocument(str(path), password="")


def _classify_failure(path: Path, exc: pdfium.PdfiumError) -> Exception:
    """Why pdfium refused the file. Its error code is a process-wide "last error" that some
    failures (a document without pages) do not set, so it may be stale; pdfminer, which is
    slow but independent, gives a second opinion on this rare path."""
    probe = _probe_with_pdfminer(path)
    log.debug("pdfium: %s; pdfminer: %s", exc, probe)
    pdfium_says_encrypted = getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD,
                                                               pdfium_c.FPDF_ERR_SECURITY)
    if probe == "encrypted" or (pdfium_says_encrypted and _mentions_encrypt(path)):
        return unreadable(path, Reason.ENCRYPTED, "el PDF está cifrado con contraseña; "
                          "descífrelo (qpdf --decrypt --password=CLAVE entrada.pdf salida.pdf) "
                          "y vuelva a ingerirlo")
    if probe == "no_pages":
        return unreadable(path, Reason.NO_PAGES, "el PDF no tiene páginas (árbol de páginas "
                          "vacío o ausente); consiga una copia completa del documento")
    return unreadable(path, Reason.CORRUPT, "el PDF está dañado o truncado (no se puede leer "
                      "su estructura); vuelva a descargarlo o repárelo (qpdf entrada.pdf "
                      "salida.pdf) y vuelva a ingerirlo")


def _probe_with_pdfminer(path: Path) -> str:
    """'encrypted', 'no_pages', 'pages' or 'broken', as pdfminer sees the file."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with path.open("rb") as fh:
            document = PDFDocument(PDFParser(fh))
            return "pages" if next(PDFPage.create_pages(document), None) else "no_pages"
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return "encrypted"
    except Exception:  # noqa: BLE001 - pdfminer raises a zoo of types on broken files
        return "broken"


def _mentions_encrypt(path: Path) -> bool:
    """Does the file carry an /Encrypt dictionary anywhere (trailer or xref stream)?"""
    tail = b""
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            if b"/Encrypt" in tail + block:
                return True
            tail = block[-16:]
    return False


def check_pages(path: Path, pdf: pdfium.PdfDocument, *, max_pages: int) -> int:
    """The page count; refuses documents with no pages, too many, or a page of absurd size."""
    with PDFIUM_LOCK:
        count = len(pdf)
        if count == 0:
            raise unreadable(path, Reason.NO_PAGES, "el PDF no tiene páginas; consiga una copia "
                             "completa del documento")
        if count > max_pages:
            raise unreadable(path, Reason.TOO_LARGE, f"el PDF tiene {count} páginas (máximo "
                             f"{max_pages}); divídalo (qpdf --split-pages) o suba max_pages")
        for index in range(count):
            try:
                width, height = pdf.get_page_size(index)
            except pdfium.PdfiumError:
                continue  # a broken page is reported by visit_page, not here
            metres = (width / POINTS_PER_METRE, height / POINTS_PER_METRE)
            if max(metres) > MAX_SIDE_METRES:
                raise unreadable(path, Reason.TOO_LARGE, f"la página {index + 1} mide "
                                 f"{metres[0]:.1f} × {metres[1]:.1f} m "
                                 f"(máximo {MAX_SIDE_METRES:.0f} m por lado); el archivo está "
                                 "dañado o no es un documento; reexpórtelo a tamaño A4")
    return count


def visit_page(pdf: pdfium.PdfDocument, ctx: PageContext, pool: OcrPool) -> RawPage | None:
    """Per-page work: a text-layer page is returned; an OCR page goes to ``pool`` (None)."""
    start = perf_counter()
    try:
        with PDFIUM_LOCK:
            page = pdf[ctx.number - 1]
            try:
                with unrotated_textpage(page) as (textpage, rotation):
                    text = textpage.get_text_range()
                    verdict = judge_page(text, mode=ctx.mode, facts=lambda: layer_facts(page))
                    log.debug("página %d: %s", ctx.number, verdict.reason)
                    if verdict.use_text_layer:
                        return _text_layer_page(ctx, text, text_layer_boxes(page, textpage, rotation, text),
                                                seconds=perf_counter() - start)
                image, dpi, render_note = render(page, ctx.dpi)  # as displayed: rotation restored
            finally:
                page.close()
        rejected = (f"{verdict.reason}; se aplicó OCR"
                    if ctx.mode is TextLayerMode.AUTO and verdict.reason != NO_TEXT else None)
        note = "; ".join(n for n in (rejected, render_note) if n) or None
        pool.submit(ctx.number, prepare_for_ocr(image), dpi=dpi, started=start, note=note)
    except pdfium.PdfiumError as exc:
        return RawPage.failed(ctx.number, f"pdfium no pudo leer la página: {exc}",
                              seconds=perf_counter() - start)
    except (OSError, MemoryError) as exc:
        return RawPage.failed(ctx.number, f"no se pudo preparar la página para OCR: {exc}",
                              seconds=perf_counter() - start)
    return None


def _text_layer_page(ctx: PageContext, text: str, boxes: RawBoxes | None, *, seconds: float) -> RawPage:
    problem = text_layer_problem(text) if ctx.mode is TextLayerMode.USE else None
    return RawPage(number=ctx.number, text=text, method=PageMethod.TEXT_LAYER, seconds=seconds, boxes=boxes,
                   note=f"{problem} (modo USE: no se aplicó OCR)" if problem else None)


@contextmanager
def unrotated_textpage(page: pdfium.PdfPage) -> Iterator[tuple[pdfium.PdfTextPage, int]]:
    """The page's text page, read unrotated: on a page with /Rotate, pdfium returns the lines
    in reverse order; read it unrotated (in memory only) and restore the rotation after."""
    rotation = page.get_rotation()
    if rotation:
        page.set_rotation(0)
    textpage = page.get_textpage()
    try:
        yield textpage, rotation
    finally:
        textpage.close()
        if rotation:
            page.set_rotation(rotation)


def text_layer_boxes(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, rotation: int,
                     text: str) -> RawBoxes | None:
    """The word boxes of ``text``, the text layer of ``textpage`` (``page`` read unrotated, see
    ``unrotated_textpage``; ``rotation`` is its /Rotate), as fractions of the page as it is
    displayed (crop box, /Rotate applied); None when the text and pdfium's characters do not
    line up one for one (characters outside the BMP).

    A word's box is the union of its characters' boxes (``FPDFText_GetCharBox``; characters
    without width or height left out), asked of pdfium a word at a time: over a range of
    characters, ``FPDFText_CountRects`` makes one rectangle per text object, the union of
    those characters' boxes. Two calls a word instead of one a character (and pdfium's
    Python wrapper around each) took half of acquisition's time away."""
    left, bottom, right, top = page.get_bbox()  # the effective crop box (get_cropbox ignores inherited boxes)
    width, height = right - left, top - bottom
    if width <= 0 or height <= 0:
        return None
    raw = textpage.raw
    if pdfium_c.FPDFText_CountChars(raw) != len(text):
        return None
    turn = rotation % 360
    count_rects, get_rect = pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect
    x0, y1, x1, y0 = (ctypes.c_double() for _ in range(4))  # left, top, right, bottom in points
    out = tuple(ctypes.byref(v) for v in (x0, y1, x1, y0))
    words: list[tuple[int, int, Rect]] = []
    for match in WORD_RE.finditer(text):
        start, end = match.span()
        rects = count_rects(raw, start, end - start)
        if rects <= 0:
            continue
        get_rect(raw, 0, *out)
        low_x, low_y, high_x, high_y = x0.value, y0.value, x1.value, y1.value
        for index in range(1, rects):
            get_rect(raw, index, *out)
            low_x, low_y = min(low_x, x0.value), min(low_y, y0.value)
            high_x, high_y = max(high_x, x1.value), max(high_y, y1.value)
        if high_x <= low_x or high_y <= low_y:
            continue
        words.append((start, end, turn_rect(((low_x - left) / width, (top - high_y) / height,
                                             (high_x - left) / width, (top - low_y) / height), turn)))
    shown = (height, width) if rotation % 180 else (width, height)
    return RawBoxes(width=shown[0], height=shown[1], words=tuple(words))


def layer_facts(page: pdfium.PdfPage) -> LayerFacts:
    """How much of the page its images cover, how much of their height the text spans,
    and how much of the text is invisible (an OCR layer), from the page objects (~0.3 ms).

    Text spans a band of the page from its first line to its last; bands closer than
    ``LINE_GAP`` points are one band, so a full page of text is one band and a typed header
    and footer over a scan are two thin ones.
    """
    left, bottom, right, top = page.get_cropbox()
    area = (right - left) * (top - bottom)
    if area <= 0:
        return LayerFacts()
    images: list[tuple[float, float]] = []  # vertical extent of each image, clipped
    lines: list[tuple[float, float]] = []
    covered = text_area = invisible_area = 0.0
    kinds = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT)
    for obj in page.get_objects(filter=kinds, max_depth=3):
        x0, y0, x1, y1 = obj.get_bounds()
        width, height = min(x1, right) - max(x0, left), min(y1, top) - max(y0, bottom)
        if width <= 0 or height <= 0:
            continue
        extent = (max(y0, bottom), min(y1, top))
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            covered += width * height
            images.append(extent)
            continue
        lines.append(extent)
        text_area += width * height
        if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) == INVISIBLE:
            invisible_area += width * height
    return LayerFacts(image_coverage=min(covered / area, 1.0),
                      text_cover=_band_cover(_merge(lines, gap=LINE_GAP), _merge(images)),
                      invisible_share=invisible_area / text_area if text_area else 0.0)


def _merge(extents: list[tuple[float, float]], *, gap: float = 0.0) -> list[tuple[float, float]]:
    """Union of vertical extents, joining those closer than ``gap``."""
    merged: list[tuple[float, float]] = []
    for low, high in sorted(extents):
        if merged and low - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _band_cover(bands: list[tuple[float, float]], images: list[tuple[float, float]]) -> float:
    """Share of the images' total height that lies within the text bands."""
    height = sum(high - low for low, high in images)
    if height <= 0:
        return 0.0
    inside = sum(max(0.0, min(high, b_high) - max(low, b_low))
                 for low, high in images for b_low, b_high in bands)
    return min(inside / height, 1.0)


def render(page: pdfium.PdfPage, dpi: int) -> tuple[Image.Image, int, str | None]:
    """Render in grey at ``dpi``, lowered if the image would exceed ``MAX_RENDER_PIXELS``."""
    width, height = page.get_size()
    pixels = width * height * (dpi / 72) ** 2
    note = None
    if pixels > MAX_RENDER_PIXELS:
        reduced = int(dpi * (MAX_RENDER_PIXELS / pixels) ** 0.5)
        note = f"página muy grande: se rasterizó a {reduced} dpi en vez de {dpi}"
        dpi = reduced
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        return bitmap.to_pil().copy(), dpi, note
    finally:
        bitmap.close()
