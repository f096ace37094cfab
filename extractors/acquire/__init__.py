"""Acquisition: a file on disk → ``schemas.DocumentText``.

One verb, ``acquire``. The stages read top to bottom:

1. ``detect.sniff``: what the file is, by its magic bytes (errors: ``UnreadableDocument``);
2. a reader per type (``pdf``, ``images``, ``plaintext``) turns it into raw pages, choosing
   per page between the text layer and OCR (``decide``, ``ocr``, ``preprocess``);
3. ``cleanup.clean_pages``: the text every later offset points into;
4. ``language``: per page and per document;
5. the ``DocumentText`` record.

A file that cannot be opened at all raises ``schemas.UnreadableDocument`` with a reason
code; a page that cannot be read is returned with ``method=none`` and an ``error``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from time import perf_counter

from extractors.acquire.boxes import to_clean
from extractors.acquire.cleanup import clean_document
from extractors.acquire.detect import EXTENSIONS, file_sha256, sniff, unreadable_from_os
from extractors.acquire.images import read_image
from extractors.acquire.language import detect_language, document_language, language_warning
from extractors.acquire.names import display_path
from extractors.acquire.pdf import read_pdf
from extractors.acquire.plaintext import read_text
from extractors.acquire.records import Acquired, Options, RawPage, TextLayerMode
from schemas import DocumentText, FileType, Page, PageMethod

__all__ = ["DOCUMENT_SUFFIXES", "TextLayerMode", "acquire", "display_path"]

# the file extensions acquisition reads (a file with another one is still sniffed by content)
DOCUMENT_SUFFIXES = frozenset(EXTENSIONS)

log = logging.getLogger(__name__)

Reader = Callable[[Path, Options], Acquired]

READERS: dict[FileType, Reader] = {
    FileType.PDF: read_pdf,
    FileType.TIFF: read_image,
    FileType.PNG: read_image,
    FileType.JPEG: read_image,
    FileType.TEXT: read_text,
}


def acquire(
    path: Path,
    *,
    text_layer: TextLayerMode = TextLayerMode.AUTO,
    dpi: int = 300,
    ocr_workers: int = 2,
    max_pages: int = 5000,
    scratch_dir: Path | None = None,
) -> DocumentText:
    """Read every page of ``path`` (PDF, TIFF, PNG, JPEG or UTF-8 .txt) into a ``DocumentText``.

    ``text_layer`` says what to do with a PDF page that has a text layer (AUTO: use it when
    it is real text, else OCR); ``dpi`` is the OCR rendering resolution for PDF pages
    (images are read at their own resolution); ``ocr_workers`` Tesseract processes run at
    once, their page images under ``scratch_dir`` (see ``scratch``). Raises
    ``schemas.UnreadableDocument`` when the file cannot be opened at all, and ``ValueError``
    for out-of-range options.
    """
    path = Path(path)
    options = Options(text_layer=TextLayerMode(text_layer), dpi=dpi, ocr_workers=ocr_workers,
                      max_pages=max_pages, scratch_dir=scratch_dir)
    start = perf_counter()
    sniffed = sniff(path)
    try:
        sha256 = file_sha256(path)
    except OSError as exc:  # removed or locked between the two reads
        raise unreadable_from_os(path, exc) from exc
    acquired = READERS[sniffed.file_type](path, options)
    raw = sorted(acquired.pages, key=lambda p: p.number)
    pages = _finish_pages(raw)
    warnings = ([sniffed.note] if sniffed.note else []) + acquired.warnings
    warnings += [f"página {p.number}: {p.note}" for p in raw if p.note]
    language = document_language([(p.text, p.language) for p in pages])
    warnings += [w for w in [language_warning(language, [p.text for p in pages])] if w]
    doc = DocumentText(
        path=display_path(path),
        sha256=sha256,
        file_type=sniffed.file_type,
        page_count=len(pages),
        pages=pages,
        language=language,
        warnings=warnings,
    )
    log.info("%s: %d páginas en %.2f s (%s)", display_path(path.name), doc.page_count, perf_counter() - start,
             _method_summary(pages))
    return doc


def _finish_pages(raw: list[RawPage]) -> list[Page]:
    """Cleanup across pages, then language per page."""
    cleaned = clean_document([p.text for p in raw], ocr=[p.method is PageMethod.OCR for p in raw])
    pages = []
    for page, clean in zip(raw, cleaned):
        start = perf_counter()
        language = detect_language(clean.text)
        pages.append(Page(number=page.number, text=clean.text, method=page.method,
                          ocr_confidence=page.ocr_confidence, language=language,
                          seconds=round(page.seconds + perf_counter() - start, 4),
                          error=page.error, source_map=clean.anchors,
                          boxes=to_clean(page.boxes, clean.anchors, len(clean.text)) if page.boxes else None))
    return pages


def _method_summary(pages: list[Page]) -> str:
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.method.value] = counts.get(page.method.value, 0) + 1
    return ", ".join(f"{method}: {n}" for method, n in sorted(counts.items()))
