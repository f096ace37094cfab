"""Scanned images (TIFF, possibly multi-page; PNG; JPEG) → raw pages, all by OCR.

Each frame is a page: EXIF orientation applied, prepared for OCR, written and handed to
the OCR pool before the next frame is decoded. Pillow's decompression-bomb guard is
treated as an error, not a warning: a scan of a court document never needs it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter

from PIL import Image, ImageOps, UnidentifiedImageError

from extractors.acquire.detect import unreadable
from extractors.acquire.ocr import OcrPool
from extractors.acquire.preprocess import prepare_for_ocr
from extractors.acquire.records import Acquired, Options, RawPage, TextLayerMode
from schemas import Reason

MIN_DPI, MAX_DPI = 100, 1200  # outside this (e.g. the 72 of phone JPEGs) it is metadata noise


def read_image(path: Path, options: Options) -> Acquired:
    acquired = Acquired()
    if options.text_layer is TextLayerMode.USE:
        acquired.warnings.append("una imagen no tiene capa de texto: se aplicó OCR "
                                 "aunque se pidió el modo USE")
    with open_image(path) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > options.max_pages:
            raise unreadable(path, Reason.TOO_LARGE, f"la imagen tiene {frames} páginas (máximo "
                             f"{options.max_pages}); divídala o suba max_pages")
        with OcrPool(workers=options.ocr_workers, scratch_root=options.scratch_dir) as pool:
            for number in range(1, frames + 1):
                page = visit_frame(image, number, pool)
                if page is not None:
                    acquired.pages.append(page)
            acquired.pages.extend(pool.results())
    return acquired


@contextmanager
def open_image(path: Path) -> Iterator[Image.Image]:
    """Open and decode the first frame; Pillow's errors become ours."""
    image = _decode_first_frame(path)
    try:
        yield image
    finally:
        image.close()


def _decode_first_frame(path: Path) -> Image.Image:
    image: Image.Image | None = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            _check_size(image)
            image.load()
        return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError, ValueError) as exc:  # UnidentifiedImageError is an OSError
        if image is not None:
            image.close()
        raise _image_error(path, exc) from exc


def _image_error(path: Path, exc: Exception) -> Exception:
    if isinstance(exc, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return unreadable(path, Reason.TOO_LARGE, "la imagen es demasiado grande para "
                          f"procesarla con seguridad (posible bomba de descompresión: {exc}); "
                          "reduzca su resolución o divídala y vuelva a ingerirla")
    if isinstance(exc, UnidentifiedImageError):
        return unreadable(path, Reason.CORRUPT, "la imagen no se puede decodificar (formato "
                          "dañado o no reconocido); vuelva a escanear o exportar el documento")
    return unreadable(path, Reason.CORRUPT, f"la imagen está dañada o truncada ({exc}); "
                      "vuelva a escanear o descargar el documento")


def visit_frame(image: Image.Image, number: int, pool: OcrPool) -> RawPage | None:
    """Per-page work for frame ``number`` (1-based): decode, orient, prepare, submit."""
    start = perf_counter()
    try:
        image.seek(number - 1)
        _check_size(image)
        frame = ImageOps.exif_transpose(image)
        pool.submit(number, prepare_for_ocr(frame), dpi=frame_dpi(image), started=start)
    except Image.DecompressionBombError as exc:
        return RawPage.failed(number, f"página demasiado grande para OCR ({exc})",
                              seconds=perf_counter() - start)
    except (OSError, SyntaxError, ValueError, MemoryError) as exc:
        return RawPage.failed(number, f"no se pudo decodificar la página: {exc}",
                              seconds=perf_counter() - start)
    return None


def frame_dpi(image: Image.Image) -> int | None:
    """The scan resolution recorded in the file, if it is plausible."""
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    return value if value is not None and MIN_DPI <= value <= MAX_DPI else None


def _check_size(image: Image.Image) -> None:
    """Pillow only checks the first frame on open; check every frame the same way."""
    limit = Image.MAX_IMAGE_PIXELS
    if limit and image.width * image.height > limit:
        raise Image.DecompressionBombError(
            f"{image.width} × {image.height} = {image.width * image.height} píxeles "
            f"(máximo {limit})")
