"""Page images: the page of the record's own original file, rendered at request time (pdfium
for PDFs, Pillow for scans), and who may see it.

The image shows the page as filed, names and all: where the ruling has a protected victim
only a caller with role ``originals`` gets it; everyone else reads the (redacted) text.
The evidence boxes drawn over it are the word boxes stored at acquisition
(``IndexRecord.page_boxes``); nothing here reads text from the file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from expediente.web.errors import ApiError
from expediente.web.state import Access
from extractors.acquire.names import path_from_display
from extractors.acquire.pdf import PDFIUM_LOCK
from schemas import FileType, IndexRecord

DEFAULT_WIDTH = 1000  # pixels
IMAGE_TYPES = (FileType.TIFF, FileType.PNG, FileType.JPEG)

NO_IMAGE_TEXT = "Este documento es un archivo de texto: no tiene imagen de página."
PROTECTED_NOTE = ("La imagen muestra la página tal como se presentó, sin anonimizar, y esta resolución tiene "
                  "víctimas protegidas: verla requiere una clave de API con rol «originals». Se muestra solo el "
                  "texto anonimizado.")
GONE = "El archivo original ya no está donde se ingirió: no se puede mostrar la imagen de la página."


def has_protected_names(acc: Access, record: IndexRecord) -> bool:
    """Does the ruling name a protected victim? The public record keeps its parties' flags;
    the index that keeps originals also knows the spellings redaction removed."""
    if record.ruling.redactions or any(p.protected for p in record.ruling.parties):
        return True
    original = acc.state.index(originals=True).get(record.id)
    return original is not None and (bool(original.ruling.redactions)
                                     or any(p.protected for p in original.ruling.parties))


def image_refusal(acc: Access, record: IndexRecord) -> str | None:
    """Why this caller gets no page image of ``record`` (None: they may see it)."""
    if record.file_type not in (FileType.PDF, *IMAGE_TYPES):
        return NO_IMAGE_TEXT
    if not acc.principal.originals and has_protected_names(acc, record):
        return PROTECTED_NOTE
    return None


def original_path(record: IndexRecord) -> Path | None:
    """The record's own stored file (its ``path`` is display text), if it is still there."""
    path = path_from_display(record.path)
    return path if path.is_file() else None


def page_image(acc: Access, record: IndexRecord, number: int, width: int = DEFAULT_WIDTH) -> bytes:
    """Page ``number`` of the record's original file as a PNG ``width`` pixels wide."""
    refusal = image_refusal(acc, record)
    if refusal is not None:
        raise ApiError(404 if refusal == NO_IMAGE_TEXT else 403, "no_image" if refusal == NO_IMAGE_TEXT
                       else "forbidden", refusal)
    if not 1 <= number <= record.page_count:
        raise ApiError(404, "not_found", f"La resolución {record.id} no tiene página {number} "
                       f"(tiene {record.page_count}).")
    path = original_path(record)
    if path is None:
        raise ApiError(404, "original_gone", GONE)
    acc.audit("page_image", [record.id], detail=str(number))
    try:
        image = _render_pdf(path, number, width) if record.file_type is FileType.PDF else \
            _render_image(path, number, width)
    except (OSError, EOFError, ValueError, pdfium.PdfiumError) as exc:
        raise ApiError(404, "original_unreadable", "El archivo original ya no se puede leer "
                       f"(¿fue reemplazado?): {type(exc).__name__}.") from exc
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _render_pdf(path: Path, number: int, width: int) -> Image.Image:
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            if number > len(pdf):
                raise ValueError("página fuera del archivo")
            page = pdf[number - 1]
            try:
                bitmap = page.render(scale=width / page.get_width(), grayscale=True)
                try:
                    return bitmap.to_pil().copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            pdf.close()


def _render_image(path: Path, number: int, width: int) -> Image.Image:
    with Image.open(path) as image:
        image.seek(number - 1)
        frame = ImageOps.exif_transpose(image).convert("L")
    frame.thumbnail((width, width * 4))
    return frame
