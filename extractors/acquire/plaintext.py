"""UTF-8 text files → raw pages, split on form feeds (as pdftotext writes them).

This lets the plain-text development corpus run through the same pipeline as PDFs.
"""

from __future__ import annotations

from pathlib import Path
from time import perf_counter

from extractors.acquire.detect import unreadable, unreadable_from_os
from extractors.acquire.records import Acquired, Options, RawPage, TextLayerMode
from schemas import PageMethod, Reason


def read_text(path: Path, options: Options) -> Acquired:
    start = perf_counter()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise unreadable(path, Reason.CORRUPT, f"el archivo de texto no es UTF-8 válido (byte "
                         f"{exc.start}); conviértalo (iconv -f latin1 -t utf-8) y vuelva a "
                         "ingerirlo") from exc
    except OSError as exc:
        raise unreadable_from_os(path, exc) from exc
    parts = text.split("\f")
    while len(parts) > 1 and not parts[-1].strip():
        parts.pop()  # a form feed that ends the file does not start a page
    if not any(part.strip() for part in parts):
        raise unreadable(path, Reason.EMPTY, "el archivo de texto no contiene texto; vuelva a "
                         "extraerlo del documento original")
    if len(parts) > options.max_pages:
        raise unreadable(path, Reason.TOO_LARGE, f"el texto tiene {len(parts)} páginas (máximo "
                         f"{options.max_pages}); divídalo o suba max_pages")
    seconds = (perf_counter() - start) / len(parts)
    acquired = Acquired(pages=[RawPage(number=i, text=part, method=PageMethod.TEXT_LAYER,
                                       seconds=seconds)
                               for i, part in enumerate(parts, start=1)])
    if options.text_layer is TextLayerMode.OCR:
        acquired.warnings.append("un archivo de texto no tiene imagen que reconocer: "
                                 "se usó su texto aunque se pidió el modo OCR")
    return acquired
