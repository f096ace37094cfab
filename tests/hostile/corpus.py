"""A hostile folder, built in a few hundred milliseconds: every kind of file an ingest meets
in the wild that is not a clean ruling, next to a few that are.

``build(folder)`` writes it and returns ``EXPECTED``-style rows for what it wrote: file name
(bytes, as on disk) → (status, reason). Inputs are made cheaply by hand (PDF objects
written directly, a PNG header that only claims its size) so the corpus costs no time.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

from samples import generate

RULING = ("SENTENCIA\n\nLima, veinte de julio de dos mil veintiuno.\n\nVISTOS: el proceso "
          "seguido contra Juan Pérez Quispe por el delito de hurto agravado. FALLA: CONDENANDO.")


def pdf_from_objects(objects: list[bytes], *, xref: bool = True) -> bytes:
    """A PDF whose objects are numbered from 1 (object 1 the catalog)."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    else:  # a table that points nowhere: readers must rebuild it from the objects
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % (o + 7919) for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def blank_pages_pdf(pages: int, *, side_points: float = 72.0) -> bytes:
    """``pages`` empty pages sharing one page tree: 2,000 pages in ~150 KB."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.1f %.1f] >>" % (side_points, side_points)
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>",
                             b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
                             *[page] * pages])


def text_pdf(text: str, *, page_inches: float | None = None, **encryption: str) -> bytes:
    pdf = FPDF(unit="in", format=(page_inches, page_inches)) if page_inches else FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 0.25 if page_inches else 6, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(pdf.output())


def png_claiming(side: int) -> bytes:
    """A PNG header that declares side × side pixels: the shape of a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def small_scan(text: str) -> Image.Image:
    image = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(image).text((10, 40), text, fill=0)
    return image


def image_bytes(images: list[Image.Image], fmt: str) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format=fmt, save_all=len(images) > 1, append_images=images[1:])
    return buffer.getvalue()


def write_raw(folder: Path, name: bytes, data: bytes) -> None:
    fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


INGESTED, FAILED, EXCLUDED = "ingested", "failed", "excluded"

# file name → (what it is, expected status, expected reason); contents in ``build``
EXPECTED: dict[bytes, tuple[str, str, str | None]] = {
    b"doc0001.pdf": ("a generated ruling", INGESTED, None),
    b"doc0002.pdf": ("a generated ruling (scanned or typed)", INGESTED, None),
    b"caso\xff.pdf": ("a generated ruling whose name is not UTF-8", INGESTED, None),
    b"vacio.pdf": ("0 bytes", FAILED, "empty"),
    b"texto.pdf": ("plain text renamed .pdf", FAILED, "corrupt"),
    b"truncado.pdf": ("the first half of a PDF", FAILED, "corrupt"),
    b"xref-roto.pdf": ("a cross-reference table pointing nowhere (pdfium rebuilds it)", INGESTED, None),
    b"clave-usuario.pdf": ("encrypted with a user password", FAILED, "encrypted"),
    b"clave-propietario.pdf": ("encrypted with an owner password only", INGESTED, None),
    b"bomba.png": ("a PNG claiming 40000 x 40000 pixels", FAILED, "too_large"),
    b"foto.png": ("a JPEG named .png", INGESTED, None),
    b"escaneo.tif": ("a three-page TIFF", INGESTED, None),
    b"gigante.pdf": ("a 200-inch page", FAILED, "too_large"),
    b"dos-mil.pdf": ("2,000 blank pages", FAILED, "too_large"),
    b"escrito.docx": ("a Word document", EXCLUDED, "unsupported_type"),
    b"loop": ("a symlink to itself", EXCLUDED, "symlink_loop"),
    b"tuberia.pdf": ("a FIFO", EXCLUDED, "unsupported_type"),
    b"secreto.pdf": ("a ruling with mode 000", FAILED, "permission_denied"),
}


def build(folder: Path) -> dict[bytes, tuple[str, str, str | None]]:
    folder.mkdir(parents=True, exist_ok=True)
    docs = generate(folder, count=3, seed=5, scanned_ratio=0.0)
    os.rename(docs[2].path, os.fsencode(folder) + b"/caso\xff.pdf")
    docs[2].truth_path.unlink()
    files: dict[bytes, bytes] = {
        b"vacio.pdf": b"",
        b"texto.pdf": RULING.encode(),
        b"truncado.pdf": text_pdf(RULING)[:600],
        b"xref-roto.pdf": pdf_from_objects([
            b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length 60 >>\nstream\nBT /F1 12 Tf 72 720 Td (SENTENCIA de vista numero 12-2021) Tj ET\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"], xref=False),
        b"clave-usuario.pdf": text_pdf(RULING, owner_password="dueno", user_password="secreto"),
        b"clave-propietario.pdf": text_pdf(RULING, owner_password="dueno", user_password=""),
        b"bomba.png": png_claiming(40_000),
        b"foto.png": image_bytes([small_scan("SENTENCIA 12-2021")], "JPEG"),
        b"escaneo.tif": image_bytes([small_scan(f"Pagina {n}") for n in (1, 2, 3)], "TIFF"),
        b"gigante.pdf": text_pdf("hola", page_inches=200),
        b"dos-mil.pdf": blank_pages_pdf(2000),
        b"escrito.docx": docx(),
        b"secreto.pdf": text_pdf(RULING),
    }
    for name, data in files.items():
        write_raw(folder, name, data)
    os.chmod(folder / "secreto.pdf", 0)
    (folder / "loop").symlink_to("loop")
    os.mkfifo(folder / "tuberia.pdf")
    return dict(EXPECTED)
